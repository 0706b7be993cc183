"""The plain data passed between the pipeline stages.

Every class is a frozen dataclass. A `Brief` serialises to JSON and back without loss
(`Brief.to_dict()` / `Brief.from_dict()`); that JSON is the contract the templates read.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One report as read from its source."""

    id: str  # stable within a run: derived from the file name
    title: str
    title_from: str  # where the title came from: "front matter", "first line" or "file name"
    outlet: str | None  # the outlet that published it, when known
    date: str | None  # publication date (ISO 8601) when known; never guessed
    url: str | None
    path: str | None  # the file it was read from
    place: str | None  # the dateline's place ("Tehran"), when the report has one
    text: str  # the body: sentences' offsets point into this
    also_published_by: tuple[str, ...] = ()  # outlets whose copies of this report were collapsed into it
    note: str | None = None  # a remark on its metadata, e.g. from a sidecar file ("date inferred from the text")
    # the day its text opens with ("Published July 27 2016 ..."), when that is another than `date` (ingest): the
    # day its text was written, so the day its "on Wednesday" and "yesterday" are read from
    written: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with where it stands."""

    doc_id: str
    index: int  # position among the document's sentences, from 0
    paragraph: int  # paragraph number in the document, from 0
    start: int  # character offsets in Document.text: text == doc.text[start:end]
    end: int
    text: str
    heading: str | None = None  # the section heading in force, if the report has headings


@dataclass(frozen=True)
class Member:
    """A sentence as listed under a topic: enough to find it again in its report."""

    doc_id: str
    sentence: int
    text: str


@dataclass(frozen=True)
class Topic:
    id: int
    label: str
    weight: float  # the share of the clustered sentences it holds, 0..1
    members: tuple[Member, ...]


@dataclass(frozen=True)
class Citation:
    """One source's sentence behind a statement."""

    source: int  # the number of the source in the sources list ([1], [2], ...)
    doc_id: str
    sentence: int
    text: str  # that source's own wording


@dataclass(frozen=True)
class Statement:
    """A line of the brief: one fact, with every source that told it."""

    text: str
    citations: tuple[Citation, ...]
    score: float
    topic: int
    why: dict[str, float] = field(default_factory=dict)  # the parts of the score
    # the day a relative date in the text stands for ("on Sunday", "yesterday", "two days ago", read from its
    # report's day) as an ISO date, and where that date's words end in `text`: the renderers write the day in
    # brackets there ("on Sunday [15 October 2017]"), since a brief of several weeks has many Sundays
    day: str | None = None
    day_end: int | None = None


@dataclass(frozen=True)
class Section:
    topic: int
    label: str
    source_count: int  # how many sources cover this topic
    statements: tuple[Statement, ...]
    also: tuple[str, ...] = ()  # other spellings of the names in its label, given once in a brief ("Deir al-Zour")


@dataclass(frozen=True)
class Source:
    id: str
    number: int
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    path: str | None
    also_published_by: tuple[str, ...] = ()  # outlets that published the same article
    note: str | None = None  # a remark on its metadata, from the sidecar file ("date inferred from the text")


@dataclass(frozen=True)
class Generation:
    """How the brief was made, so that a reader can trust or re-run it."""

    version: str
    model: str
    time: str  # ISO 8601, UTC
    options: dict[str, Any]


@dataclass(frozen=True)
class ContinuingTopic:
    """A topic of this brief that earlier briefs already covered."""

    topic: int  # the Section.topic it stands for (its section may be gone if nothing in it is new)
    label: str
    repeated: int  # its statements left out because an earlier brief told them
    first_seen: str | None  # date of the earliest brief that told one of them


@dataclass(frozen=True)
class News:
    """What a daily brief tells that the earlier briefs did not (made by `briefing daily`)."""

    previous: str | None  # date of the last earlier brief; None for the first brief of an archive
    new: tuple[Statement, ...]  # statements no earlier brief told, best first
    continuing: tuple[ContinuingTopic, ...]
    repeated: int  # statements left out of key points and sections because an earlier brief told them
    no_new_reports: bool = False  # nothing new came in since the last brief


@dataclass(frozen=True)
class TimelineEntry:
    """One dated event of the Timeline: when, as precisely as the reports say, what, and who told it."""

    date: str | None  # ISO first day of the period; None when the date could not be resolved
    end: str | None  # ISO last day of the period (the same day for a day)
    precision: str  # "day", "week", "month", "year", "range", or "unresolved" (no publication date)
    label: str  # the date as shown: "25 October 2017", "week of 23 October 2017", "since September 2017"
    expression: str  # the date words as the report wrote them: "October 25", "Friday morning", "last week"
    text: str  # the statement: the sentence as written
    citations: tuple[Citation, ...]  # one per report that tells the event
    topic: int  # the topic of the shown sentence (-1: none)


@dataclass(frozen=True)
class Quote:
    """A direct quote with its speaker, as the Key quotes section shows it."""

    text: str  # the quoted words only (the parts of a quote split around "he said" joined by a space)
    shown: str  # what a reader sees: the quote in quotation marks, with the words of its sentence it continues
    speaker: str  # the speaker's noun phrase as written, appositive included; a pronoun replaced by its name
    cue: str  # the verb that attributes it: "said", "reported", "told"
    pronoun: str | None  # the pronoun as written when the speaker was resolved from one ("he")
    citations: tuple[Citation, ...]  # one per report that carries the quote
    topic: int  # the topic of its sentence (-1: none)
    score: float  # why it was chosen: its topic's importance and how much it says


@dataclass(frozen=True)
class Account:
    """One way the reports tell a disputed count or fact, with every source that tells it so."""

    text: str  # a sentence that tells it, as written
    figure: str | None  # the count as written ("at least 58"); None when the difference is about a fact
    low: int | None  # the least the figure allows
    high: int | None  # the most the figure allows (None: no upper bound)
    claim: str | None  # the words that make it a claim ("according to", "claimed"); None when told as fact
    date: str | None  # the earliest publication date among its sources
    citations: tuple[Citation, ...]  # one per report that tells it so (copies of one wire story count once)


@dataclass(frozen=True)
class Difference:
    """Where sources differ: one measure of one event told differently, the accounts side by side."""

    kind: str  # "conflict" (cannot all be true), "differs" (different but compatible), "updated" (a later report
    # raises a toll) or "attribution" (one source tells as fact what another reports as a claim)
    measure: str  # what is counted ("people killed", "children killed"), or "account" for a fact
    event: str  # the event as shown: its place, else its topic's label
    date: str | None  # the earliest publication date of its accounts
    topic: int  # the topic most of its sentences belong to (-1: none)
    note: str  # one neutral line: "Reports give from at least 58 to at least 100 people killed."
    accounts: tuple[Account, ...]  # two or more: lowest figure first (earliest first for "updated")
    # the accounts the brief does not show (a difference shows at most six, its note says how many it has), in
    # the same order: the JSON keeps every figure and its citations ((): all are shown, or a JSON older than this)
    hidden: tuple[Account, ...] = ()


@dataclass(frozen=True)
class Brief:
    title: str
    date: str  # the day the brief speaks for (ISO date)
    report_count: int
    outlet_count: int
    generated: Generation
    key_points: tuple[Statement, ...]
    sections: tuple[Section, ...]
    topics: tuple[Topic, ...]
    unassigned: tuple[Member, ...]
    sources: tuple[Source, ...]
    timeline: tuple[TimelineEntry, ...] = ()  # dated events, oldest first (empty with --no-timeline)
    quotes: tuple[Quote, ...] = ()  # the key quotes, most important first (empty with --no-quotes)
    news: News | None = None  # set by daily runs: what is new since the last brief (see News)
    differences: tuple[Difference, ...] = ()  # where sources differ (empty with --no-differences)
    # the earliest report date (ISO): the brief covers first_date to date; None when no report is dated,
    # for a daily brief (it speaks for its day) and in a JSON written before the field was added
    first_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The same as dataclasses.asdict (tuples stay tuples), in a third of its time: a brief of
        1,000 reports holds 25,000 topic members, and every format starts from this."""
        return _as_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        brief = _from_data(cls, data)
        if "first_date" not in data:  # a JSON from before first_date: its sources' dates still give the span
            dates = sorted(s.date[:10] for s in brief.sources if s.date and s.date[:10] <= brief.date[:10])
            brief = dataclasses.replace(brief, first_date=dates[0] if dates else None)
        return brief


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _as_plain(value: Any) -> Any:
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _as_plain(getattr(value, name)) for name in names}
    if kind in (tuple, list):
        return kind(_as_plain(item) for item in value)
    if kind is dict:
        return {_as_plain(key): _as_plain(item) for key, item in value.items()}
    return copy.deepcopy(value)


def _from_data(kind: Any, value: Any) -> Any:
    """Rebuild a value of the annotated type from its JSON form."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _from_data(options[0], value)
    if origin is tuple:
        (item_kind, _ellipsis) = typing.get_args(kind)
        return tuple(_from_data(item_kind, item) for item in value)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _from_data(hints[f.name], value[f.name])
                       for f in dataclasses.fields(kind) if f.name in value})
    return value
