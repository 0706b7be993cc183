"""Sidecar metadata: `sources.yaml` or `sources.toml` beside reports that must stay verbatim.

One entry per report file of the same folder, keyed by its file name, with any of title, outlet,
date (ISO), url and note (a remark for the reader, e.g. how the date was found):

    # sources.yaml
    004_892d3aec1209a7b2.txt:
      outlet: Tasnim News Agency
      date: 2017-11-03
    000_a75d085bfc2e9512.txt:
      date: 2017-11-03
      note: date inferred from the text

    # sources.toml
    ["004_892d3aec1209a7b2.txt"]
    outlet = "Tasnim News Agency"
    date = 2017-11-03

What the sidecar says wins over what the reader found in the file (front matter, dateline): the
sidecar is the curator's word. The sidecar itself is never read as a report.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..model import Document
from .text import load_yaml

SIDECAR_NAMES = ("sources.yaml", "sources.yml", "sources.toml")
FIELDS = ("title", "outlet", "date", "url", "note")


def is_sidecar(path: Path) -> bool:
    return path.name.lower() in SIDECAR_NAMES


def read_sidecar(path: Path) -> dict[str, dict[str, str | None]]:
    """file name -> its checked metadata fields."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: the sidecar cannot be read ({error})") from None
    try:
        data = tomllib.loads(raw) if path.suffix.lower() == ".toml" else load_yaml(raw)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        raise InputError(f"{path}: malformed sidecar ({str(error).splitlines()[0]})") from None
    if data is None:
        return {}
    if isinstance(data, list):  # also accepted: a list of entries that name their file
        data = {_file_key(entry, path): entry for entry in data}
    if not isinstance(data, dict):
        raise InputError(f"{path}: a sidecar maps report file names to their title, outlet, date, url and note")
    return {str(name): _entry(str(name), fields, path) for name, fields in data.items()}


def _file_key(entry: Any, path: Path) -> str:
    if not isinstance(entry, dict) or not entry.get("file"):
        raise InputError(f"{path}: each entry of a sidecar list needs a 'file'")
    return str(entry["file"])


def _entry(name: str, fields: Any, path: Path) -> dict[str, str | None]:
    if not isinstance(fields, dict):
        raise InputError(f"{path}: the entry for {name} must map fields ({', '.join(FIELDS)}) to values")
    fields = {str(k).lower(): v for k, v in fields.items() if str(k).lower() != "file"}
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise InputError(f"{path}: the entry for {name} has unknown field(s) {', '.join(unknown)} "
                         f"(known: {', '.join(FIELDS)})")
    checked: dict[str, str | None] = {}
    for key, value in fields.items():
        if key == "date":
            checked[key] = _date(value, name, path)
        else:
            checked[key] = str(value).strip() if value is not None and str(value).strip() else None
    return checked


def _date(value: Any, name: str, path: Path) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    text = str(value).strip()
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.fromisoformat(t.replace("Z", "+00:00"))):
        try:
            return parse(text).isoformat()
        except ValueError:
            continue
    raise InputError(f"{path}: the date of {name}, {value!r}, is no date of the calendar in ISO form (YYYY-MM-DD)")


def apply_entry(document: Document, entry: dict[str, str | None]) -> Document:
    changes: dict[str, Any] = {key: value for key, value in entry.items() if key in FIELDS}
    if changes.get("title"):
        changes["title_from"] = "sidecar"
    elif "title" in changes:
        del changes["title"]  # an empty title leaves the reader's
    return replace(document, **changes)


class Sidecars:
    """The sidecars of the folders reports are read from, each read once."""

    def __init__(self, warn: Callable[[str], None] = lambda message: None) -> None:
        self.warn = warn
        self._by_folder: dict[Path, tuple[Path, dict[str, dict[str, str | None]]] | None] = {}
        self._resolved: dict[Path, Path] = {}  # a folder as named -> as resolved: once, not once per report

    def for_folder(self, folder: Path) -> tuple[Path, dict[str, dict[str, str | None]]] | None:
        resolved = self._resolved.get(folder)
        if resolved is None:
            resolved = self._resolved[folder] = folder.resolve()
        folder = resolved
        if folder not in self._by_folder:
            found = [folder / name for name in SIDECAR_NAMES if (folder / name).is_file()]
            if len(found) > 1:
                raise InputError(f"{folder}: has {' and '.join(p.name for p in found)}; keep one sidecar")
            self._by_folder[folder] = (found[0], read_sidecar(found[0])) if found else None
            if found:
                missing = sorted(name for name in self._by_folder[folder][1] if not (folder / name).is_file())
                if missing:
                    self.warn(f"{found[0]}: names no file here: {', '.join(missing)}")
        return self._by_folder[folder]

    def apply(self, path: Path, found: Document | Sequence[Any]) -> Document | Sequence[Any]:
        """A report read from `path`, with its sidecar entry applied (other results pass as they are)."""
        sidecar = self.for_folder(path.parent)
        if sidecar is None or not isinstance(found, Document):
            return found
        entry = sidecar[1].get(path.name)
        return apply_entry(found, entry) if entry else found
