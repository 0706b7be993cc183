"""Writing outputs whole or not at all: every file goes to a temporary name and is renamed
into place, and nothing is written until every format has rendered."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, content: str | bytes) -> None:
    write_outputs({path: content})


def write_outputs(rendered: dict[Path, str | bytes]) -> list[Path]:
    """Every file is written to a temporary name beside it first, and only then are they all
    renamed into place: a full disk or Ctrl-C while writing leaves the earlier files as they
    were, never a half-written file nor a new brief.html beside yesterday's brief.pdf."""
    staged: list[tuple[Path, str]] = []
    try:
        for path, content in rendered.items():
            staged.append((path, _write_aside(path, content)))
        for path, temporary in staged:
            os.replace(temporary, path)
    except BaseException as error:
        for _path, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from None
        raise
    return [path for path, _temporary in staged]


def _write_aside(path: Path, content: str | bytes) -> str:
    """The name of a complete, synced copy of `content` in `path`'s folder."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
