"""Reader for JSON Lines: one report per line, `{"title", "text", "outlet"?, "date"?, "url"?, "id"?}`.

A line that cannot be used is reported on its own (file and line number); the other lines are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .dateline import find_dateline
from .dates import parse_date
from .text import decode_report, read_capped


def read_jsonl(path: Path) -> list[Document | InputError]:
    text = decode_report(read_capped(path), path)
    return jsonl_items(text, str(path), path.stem, path=str(path))


def jsonl_items(text: str, source: str, stem: str, path: str | None = None) -> list[Document | InputError]:
    items: list[Document | InputError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(_document(line, number, source, stem, path))
        except InputError as error:
            items.append(error)
    if not items:
        raise InputError(f"{source}: the file holds no report")
    return items


def _document(line: str, number: int, source: str, stem: str, path: str | None) -> Document:
    where = f"{source}, line {number}"
    try:
        record = json.loads(line)
    except ValueError as error:
        raise InputError(f"{where}: is not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: is not a JSON object with title and text")
    body = _field(record, "text")
    if not body:
        raise InputError(f"{where}: has no \"text\"")
    title = _field(record, "title")
    date = parse_date(record.get("date"))
    if record.get("date") not in (None, "") and date is None:
        raise InputError(f"{where}: date {record['date']!r} is no date of the calendar in ISO form (YYYY-MM-DD) or date-time")
    ident = _field(record, "id") or f"{stem}-{number}"
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    dateline = find_dateline(body.lstrip().split("\n", 1)[0])
    return Document(
        id=ident,
        title=title or ident,
        title_from="jsonl" if title else "file name",
        outlet=_field(record, "outlet", "source", "publisher") or (dateline.outlet if dateline else None),
        date=date,
        url=_field(record, "url", "link"),
        path=path,
        place=dateline.place if dateline else None,
        text=body,
    )


def _field(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None
