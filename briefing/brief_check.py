"""A brief's JSON checked before it is rendered or mailed again: `briefing render` and `briefing email`
read JSONs that people edit by hand, and a mistake there must not print nonsense ("3 November 2017 –
yesterday", "two reports") nor break the promise that every line leads to its source (a citation [99]
that links to nothing).

`check_brief_data(data)` raises BriefError naming the key and where it is
(`sections[0].statements[1].citations[0]: cites source 99, which is not in sources`). It is strict on
what the model declares (every key it needs, of its type) and on what would print wrong; keys it does
not know are left alone, so a JSON a newer briefing wrote, or one with notes of the desk, still reads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from typing import Any

from .errors import InputError
from .model import Brief, Citation
from .wording import plural

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
# (class, field) whose value is printed as a day ("3 November 2017"): a real calendar day, YYYY-MM-DD
_DAYS = {("Brief", "date"), ("Brief", "first_date"), ("News", "previous"), ("ContinuingTopic", "first_seen")}
_COUNTS = {("Brief", "report_count"), ("Brief", "outlet_count"), ("Section", "source_count")}
_TOP_KEYS_FOR_A_BRIEF = 3  # a JSON lacking this many of a Brief's keys is some other JSON, not a damaged brief


class BriefError(InputError):
    """What is wrong in a brief's JSON, as one line that names the key and where it is."""


def check_brief_data(data: Any) -> None:
    if not isinstance(data, dict):
        raise BriefError(f"not a brief's JSON (it holds {_shown(data)}, not an object with 'title', 'sections', ...)")
    missing = [f.name for f in dataclasses.fields(Brief) if _required(f) and f.name not in data]
    if len(missing) >= _TOP_KEYS_FOR_A_BRIEF:
        raise BriefError(f"not a brief's JSON (it has no {', '.join(map(repr, missing))})")
    citations: list[tuple[str, Any]] = []
    _check(Brief, data, "", citations)
    numbers: dict[int, str] = {}
    for index, source in enumerate(data["sources"]):
        if source["number"] in numbers:
            raise BriefError(f"sources[{index}].number: {source['number']} is also {numbers[source['number']]}'s")
        numbers[source["number"]] = f"sources[{index}]"
    for where, number in citations:
        if number not in numbers:
            raise BriefError(f"{where}: cites source {number}, which is not in sources")
    first, last = data.get("first_date"), data["date"]
    if first is not None and first > last:
        raise BriefError(f"first_date: {first!r} is after date {last!r} (a brief covers first_date to date)")


def _check(kind: Any, value: Any, where: str, citations: list) -> None:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return
        kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
        origin = typing.get_origin(kind)
    if origin is tuple:
        if not isinstance(value, list):
            raise BriefError(f"{where}: {_shown(value)} is not a list")
        (item_kind, _ellipsis) = typing.get_args(kind)
        for index, item in enumerate(value):
            _check(item_kind, item, f"{where}[{index}]", citations)
    elif origin is dict or kind is dict:
        if not isinstance(value, dict):
            raise BriefError(f"{where}: {_shown(value)} is not an object")
    elif dataclasses.is_dataclass(kind):
        _check_object(kind, value, where, citations)
    elif kind is str and not isinstance(value, str):
        raise BriefError(f"{where}: {_shown(value)} is not text")
    elif kind is int and (not isinstance(value, int) or isinstance(value, bool)):
        raise BriefError(f"{where}: {_shown(value)} is not a whole number")
    elif kind is float and (not isinstance(value, (int, float)) or isinstance(value, bool)):
        raise BriefError(f"{where}: {_shown(value)} is not a number")
    elif kind is bool and not isinstance(value, bool):
        raise BriefError(f"{where}: {_shown(value)} is not true or false")


def _check_object(kind: type, value: Any, where: str, citations: list) -> None:
    if not isinstance(value, dict):
        raise BriefError(f"{where}: {_shown(value)} is not an object")
    hints = _hints(kind)
    for field in dataclasses.fields(kind):
        inner = f"{where}.{field.name}" if where else field.name
        if field.name not in value:
            if _required(field):
                raise BriefError(f"{where}: no {field.name!r}" if where else f"no {field.name!r}")
            continue
        item = value[field.name]
        _check(hints[field.name], item, inner, citations)
        if (kind.__name__, field.name) in _DAYS and item is not None and not _is_day(item):
            raise BriefError(f"{inner}: {_shown(item)} is not a date (YYYY-MM-DD)")
        if (kind.__name__, field.name) in _COUNTS and item < 0:
            raise BriefError(f"{inner}: {item} is below 0")
    if kind is Citation:
        citations.append((where, value["source"]))


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)  # slow, and a brief of 1,000 reports holds 25,000 topic members


def _required(field: dataclasses.Field) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _is_day(value: str) -> bool:
    if not _DAY.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:  # "2017-13-45"
        return False
    return True


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "...'"


def edit_warnings(brief: Brief) -> list[str]:
    """What an edit left half done, each a warning: the brief is still rendered as edited, since a desk may mean
    it, and `build` and `daily` write some of these shapes themselves (a quiet day has no section)."""
    return [*_orphan_key_points(brief), *_no_section_left(brief), *_title_naming_a_hidden_section(brief)]


def _orphan_key_points(brief: Brief) -> list[str]:
    """A key point whose statement no section holds any more (a statement taken out of its section is still
    shown at the top unless key_points lose it too). `build` and `daily` never make one: every key point is a
    statement of a section."""
    shown = {statement.text for section in brief.sections for statement in section.statements}
    return [f"key_points[{index}] ({_shown(point.text)}) is in no section: it is still shown as a key point "
            f"(take it out of key_points too to leave it out)"
            for index, point in enumerate(brief.key_points) if point.text not in shown]


def _no_section_left(brief: Brief) -> list[str]:
    """Every section taken out or emptied while the brief found topics: its header reads "0 of 3 topics". A
    warning, not an error: `daily` writes such a brief for a day whose every statement an earlier brief told
    (its news then has nothing new), and a desk may keep only the key points and the timeline on purpose."""
    from .renderers import shown_sections

    told_before = brief.news is not None and not brief.news.new
    if shown_sections(brief.sections) or not brief.topics or told_before:
        return []
    what = "is empty" if not brief.sections else "has no statement left in any section"
    return [f"sections {what}: the brief shows none of its {plural(len(brief.topics), 'topic')}, only its key "
            f"points, timeline and quotes (put a section back to show it)"]


def _title_naming_a_hidden_section(brief: Brief) -> list[str]:
    """The title naming a topic the brief no longer shows ("Situation brief: Deir ez-Zor capture" after that
    section was emptied: `build` titles a brief after its first section). The title is the desk's to change:
    it is named, not rewritten."""
    from .renderers import shown_sections

    shown = [section.label for section in shown_sections(brief.sections)]
    title = brief.title
    for label in sorted(shown, key=len, reverse=True):  # "Idlib" in a title naming the shown "Idlib ceasefire"
        title = _words(label).sub(" ", title)
    hidden = dict.fromkeys(label for label in [*(s.label for s in brief.sections), *(t.label for t in brief.topics)]
                           if label and label not in shown and _words(label).search(title))
    # a section the desk renamed is still shown, under its new heading
    renamed = {topic.label: section.label for topic in brief.topics for section in shown_sections(brief.sections)
               if section.topic == topic.id and section.label != topic.label}
    return [f"title {brief.title!r} names {label!r}, " + (
            f"the section now headed {renamed[label]!r}" if label in renamed else
            "which the brief no longer shows as a section") + ": the title is left as written (change it in the JSON)"
            for label in hidden]


def _words(label: str) -> re.Pattern:
    """The label as whole words: "US" in "US strikes", not in "Russia" nor in "thus"."""
    return re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
