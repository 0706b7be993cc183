"""Reader for plain-text and Markdown reports, with optional YAML front matter."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..model import Document
from .dateline import find_dateline

MAX_BYTES = 20 * 1024 * 1024
_MAGIC = {b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
          b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or an office document)"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_END_PUNCTUATION = tuple(".!?:;,…\"”’'")
TITLE_MAX_WORDS = 20
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: 10x faster, same safe subset


class _SAFE_LOADER(_BASE_LOADER):  # noqa: N801 - the name the readers use
    """The safe loader, but an unquoted date that is no real day (2017-02-30) stays the text it is,
    for our own date check to refuse in one line (PyYAML would raise ValueError from deep inside)."""


def _timestamp_or_text(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_SAFE_LOADER.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def load_yaml(text: str):
    """YAML with the safe loader above (front matter, sidecars)."""
    return yaml.load(text, Loader=_SAFE_LOADER)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


def read_text_report(path: Path) -> Document:
    return text_document(read_capped(path), path, id=path.stem, path=str(path))


def text_document(raw: bytes, source: Path | str, id: str, path: str | None = None,
                  url: str | None = None) -> Document:
    """A report from a text file's bytes; `source` names it in messages (a path or a URL)."""
    text = decode_report(raw, source).replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text, source)
    if not body.strip():
        raise InputError(f"{source}: the report is empty")
    title, title_from, body = _title(meta, body, id)
    first_paragraph = body.lstrip().split("\n", 1)[0]
    dateline = find_dateline(first_paragraph)
    return Document(
        id=id,
        title=title,
        title_from=title_from,
        outlet=_text_field(meta, "outlet", "source", "publisher") or (dateline.outlet if dateline else None),
        date=_date_field(meta.get("date"), source),
        url=_text_field(meta, "url", "link") or url,
        path=path,
        place=dateline.place if dateline else None,
        text=body,
    )


def read_capped(path: Path, kind: str = "report") -> bytes:
    """A file's bytes, refusing one over MAX_BYTES (it is not one report) or unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / 1e6:.0f} MB is over the {MAX_BYTES // 2**20} MiB a {kind} may have")
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None


def decode_report(raw: bytes, path: Path | str) -> str:
    """Text from bytes: a BOM decides, then UTF-8, then Windows-1252; binary is refused."""
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise InputError(f"{path}: is {kind}, not a text report")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{path}: is not valid {encoding} text despite its byte order mark") from None
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: is binary, not a text report")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = text[:8192]
    control = len(_CONTROL.findall(sample))
    if sample and control / len(sample) > 0.05:
        raise InputError(f"{path}: is binary, not a text report")
    return text


def split_front_matter(text: str, path: Path | str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as error:
        # where the unclosed construct began, else where parsing stopped (libyaml stops a line later)
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"{path}: malformed front matter{where}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter must be a mapping of keys to values")
    return {str(k).lower(): v for k, v in meta.items()}, text[match.end():]


def _title(meta: dict[str, Any], body: str, stem: str) -> tuple[str, str, str]:
    """The title and where it came from, and the body without a title line."""
    if _text_field(meta, "title"):
        return _text_field(meta, "title"), "front matter", body
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    candidate = first.strip().lstrip("#").strip()
    if (candidate and rest.strip() and len(candidate.split()) <= TITLE_MAX_WORDS
            and not candidate.endswith(_END_PUNCTUATION) and find_dateline(candidate) is None):
        return candidate, "first line", rest
    return stem, "file name", body


def _text_field(meta: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _date_field(value: Any, path: Path | str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        except ValueError:
            raise InputError(f"{path}: front matter date {value!r} is no date of the calendar in ISO form (YYYY-MM-DD)") from None
