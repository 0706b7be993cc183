"""Reading reports: one reader per kind of source, chosen from a plain registry.

`load_documents(inputs)` expands folders and globs, reads every file with the reader its
extension names, and skips (with a warning) the ones that cannot be used.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .text import read_text_report

Reader = Callable[[Path], Document]

# extension -> reader; the CLI and the folder walk take their choices from here
READERS: dict[str, Reader] = {
    ".txt": read_text_report,
    ".md": read_text_report,
    ".markdown": read_text_report,
}


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """Folders (their report files, sorted), files and globs, in the order given, once each."""
    paths: list[Path] = []
    for item in inputs:
        if glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: the pattern matches no file")
            found = [Path(m) for m in matches if Path(m).is_file()]
        elif os.path.isdir(item):
            found = sorted(p for p in Path(item).rglob("*")
                           if p.is_file() and p.suffix.lower() in READERS
                           and not any(part.startswith(".") for part in p.relative_to(item).parts))
            if not found:
                raise InputError(f"{item}: the folder holds no report ({', '.join(READERS)})")
        elif os.path.exists(item):
            found = [Path(item)]
        else:
            raise InputError(f"{item}: no such file or folder")
        paths.extend(found)
    unique: dict[Path, None] = {}
    for path in paths:
        unique.setdefault(path.resolve(), None)
    return [Path(os.path.relpath(p)) if _is_below_cwd(p) else p for p in unique]


def _is_below_cwd(path: Path) -> bool:
    try:
        path.relative_to(Path.cwd())
        return True
    except ValueError:
        return False


def load_documents(inputs: Iterable[str], strict: bool = False,
                   warn: Callable[[str], None] = lambda message: None) -> list[Document]:
    """Read every report; a bad one is skipped with a warning, or is fatal with `strict`."""
    documents: list[Document] = []
    used_ids: set[str] = set()
    for path in expand_inputs(inputs):
        reader = READERS.get(path.suffix.lower(), read_text_report)
        try:
            document = reader(path)
        except InputError as error:
            if strict:
                raise
            warn(f"skipped {error}")
            continue
        document = _with_unique_id(document, used_ids)
        used_ids.add(document.id)
        documents.append(document)
    if not documents:
        raise InputError("no usable report in the input")
    return documents


def _with_unique_id(document: Document, used: set[str]) -> Document:
    from dataclasses import replace

    if document.id not in used:
        return document
    n = 2
    while f"{document.id}-{n}" in used:
        n += 1
    return replace(document, id=f"{document.id}-{n}")
