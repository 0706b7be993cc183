"""The Timeline: dated events, oldest first, each told once with every report that tells it.

A sentence is an event of the timeline when it holds a date expression (see dates.py); its date
is the first one it holds, resolved against its own report's publication date. Two reports'
sentences are one event when their periods overlap and they tell the same fact by the very rule
rank.py cites reports for a statement by (`rank.SameFact`, compared with the entry's shown sentence,
as a statement's with its own): so a sentence shown both as a statement and as an entry cites the
same reports in both, except where the timeline's own condition, overlapping periods, is stricter,
or where rank already cited a report's sentence for an earlier statement (a sentence backs one
statement only), or where a report tells the fact as another report's sentence in the entry does (the
timeline's one entry an event). A report that tells the event again later in its text is cited once; a
sentence that tells nothing but its date ("The incident occurred on April 11.") is no event.
The entry keeps the most precise of their dates ("October 25" beats "last week"); a vaguer telling in words of its
own that merging does not join is no second entry (`_vaguer_telling`).
Expressions that cannot be resolved (no publication date) come last, as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .dates import MONTH, PRECISION_ORDER, WEEK, YEAR, DateMention, is_background
from .event_context import day_of
from .model import Citation, Document, Sentence, TimelineEntry
from .names import NameIndex
from .rank import SAME_FACT_COSINE, STOPWORDS, SameFact, event_date

MAX_ENTRIES = 10
MAX_TRIED = 20  # events a dated sentence is compared with, closest first (see build_timeline)
MAX_ROWS_TRIED = 4  # other tellings of an event a sentence is compared with when its shown one differs


@dataclass
class _Event:
    rows: list[int]  # sentences behind it; the first one is shown
    mention: DateMention  # the most precise date any of them gives


def build_timeline(documents: Sequence[Document], sentences: Sequence[Sentence], vectors: np.ndarray,
                   labels: np.ndarray, source_numbers: Mapping[str, int], names: NameIndex,
                   topic_order: Mapping[int, int] | None = None, limit: int = MAX_ENTRIES) -> tuple[TimelineEntry, ...]:
    published = {d.id: d.date for d in documents}
    found = [(row, mention) for row, sentence in enumerate(sentences)
             if (mention := event_date(sentence, published.get(sentence.doc_id))) is not None
             and tells_something(sentence.text, mention)]
    # the most precise dates first, so that a vaguer telling joins the precise one
    found.sort(key=lambda item: (_rank(item[1]), source_numbers[sentences[item[0]].doc_id], item[0]))
    same_fact = SameFact(sentences, names, published)
    events: list[_Event] = []
    index = _EventIndex()
    told: set[tuple[str, str]] = set()  # a report that repeats a sentence word for word tells it once
    for row, mention in found:
        said = (sentences[row].doc_id, sentences[row].text)
        if said in told:
            continue
        told.add(said)
        nearby = index.overlapping(mention, sentences[row].doc_id)
        home = None
        if nearby:
            cosines = vectors[[e.rows[0] for e in nearby]] @ vectors[row]
            close = np.flatnonzero(cosines >= SAME_FACT_COSINE)
            # the closest few only: on a day of many events told alike ("raids on <village> killed ...")
            # trying every one made this quadratic in the day's sentences
            tried = close[np.argsort(-cosines[close], kind="stable")[:MAX_TRIED]].tolist()
            for k in tried:
                verdict = _same_event(nearby[k], row, sentences, vectors, same_fact) or \
                    (_vaguer_telling(nearby[k], row, mention, vectors, same_fact) and _VAGUER)
                if verdict:
                    home = nearby[k]
                    break
            if home is not None and verdict in (_RESTATED, _VAGUER):
                continue  # the report tells it again, later in its text: it is cited once; or a vaguer telling
        if home is None:
            events.append(_Event([row], mention))
            index.add(events[-1])
            home = events[-1]
        else:
            home.rows.append(row)
        index.told_by(home, sentences[row].doc_id)
    topic_order = topic_order or {}
    if len(events) > limit:  # keep the events most reports tell, in the most important topics; background last
        began = min((day for d in documents if (day := day_of(d.date)) is not None), default=None)
        background = {id(e) for e in events if _background(e, sentences, began)}
        events = sorted(events, key=lambda e: (id(e) in background, -len(e.rows),
                                               topic_order.get(int(labels[e.rows[0]]), len(topic_order)),
                                               sentences[e.rows[0]].index))
        events = _one_report_s_others_later(events, sentences, background)[:limit]
    events.sort(key=lambda e: _chronological(e, sentences, source_numbers))
    return tuple(_entry(e, sentences, labels, source_numbers) for e in events)


HISTORY_DAYS = 31  # a month or a year that ended this long before the first report is the story's history
HISTORY_TOLD_BY = 3  # ... unless this many reports tell it: then it is what the story grew out of


def _background(event: _Event, sentences: Sequence[Sentence], began: dt.date | None) -> bool:
    """Background, which makes the timeline only when the events leave room: a state of things since a date
    (dates.is_background), or history that few reports tell: a month or a year that ended a month or more before
    the first report, told by fewer than HISTORY_TOLD_BY reports (audit 8: "December 2016: ... before Bashar al
    Assads forces retook full control of the city" in an April 2017 timeline, "In May 2011 Syrian army launched a
    wide-scale operation" in a February 2015 one, each one report's aside). Four reports recalling that "the SDF
    launched the Wrath of Euphrates operation" in November 2016 tell what a Raqqa story of 2017 grew out of, and a
    day is news even when old: the reports name it."""
    mention = event.mention
    if is_background(mention, sentences[event.rows[0]].text):
        return True
    return (began is not None and mention.precision in (MONTH, YEAR) and mention.last is not None
            and (began - mention.last).days >= HISTORY_DAYS
            and len({sentences[r].doc_id for r in event.rows}) < HISTORY_TOLD_BY)


def _one_report_s_others_later(events: list[_Event], sentences: Sequence[Sentence],
                               background: set[int]) -> list[_Event]:
    """The events in their order, but for a second event that only one report tells on the same days as another
    of its own, which gives way to the rest of the same kind (background or not): audit 5's timeline held two
    entries of one report for "1 October 2017 to 3 October 2017" and none for the day's main strike. With room
    enough both are shown."""
    told: set[tuple] = set()
    later: set[int] = set()
    for event in events:
        reports = {sentences[r].doc_id for r in event.rows}
        if len(reports) == 1:
            key = (reports.pop(), event.mention.first, event.mention.last, event.mention.text.casefold()
                   if event.mention.first is None else "")
            if key in told:
                later.add(id(event))
            told.add(key)
    if not later:
        return events
    return sorted(events, key=lambda e: (id(e) in background, id(e) in later))


def _chronological(event: _Event, sentences: Sequence[Sentence], source_numbers: Mapping[str, int]) -> tuple:
    """Oldest first; on one start day the longer period first; unresolved dates last."""
    shown, mention = sentences[event.rows[0]], event.mention
    where = (source_numbers[shown.doc_id], shown.index)
    if mention.first is None or mention.last is None:
        return (1, 0, 0) + where
    return (0, mention.first.toordinal(), -mention.last.toordinal()) + where


def _rank(mention: DateMention) -> int:
    return PRECISION_ORDER.get(mention.precision, len(PRECISION_ORDER)) if mention.resolved else len(PRECISION_ORDER) + 1


class _EventIndex:
    """Events by the days they cover, so that a sentence is compared only with events on its dates."""

    MAX_SPAN = 31  # longer periods (ranges, years) are kept in one list and checked one by one

    def __init__(self) -> None:
        self.by_day: dict[int, list[_Event]] = {}
        self.by_report: dict[str, list[_Event]] = {}  # the short events each report tells
        self.wide: list[tuple[int, int, _Event]] = []  # (first day, last day, event)
        self.unresolved: dict[str, list[_Event]] = {}

    def add(self, event: _Event) -> None:
        mention = event.mention
        if mention.first is None or mention.last is None:
            self.unresolved.setdefault(mention.text.casefold(), []).append(event)
        elif (mention.last - mention.first).days < self.MAX_SPAN:
            for day in range(mention.first.toordinal(), mention.last.toordinal() + 1):
                self.by_day.setdefault(day, []).append(event)
        else:
            self.wide.append((mention.first.toordinal(), mention.last.toordinal(), event))

    def told_by(self, event: _Event, doc_id: str) -> None:
        """The event is told by this report (it opened the event or joined it)."""
        mention = event.mention
        if mention.first is not None and mention.last is not None and (mention.last - mention.first).days < self.MAX_SPAN:
            self.by_report.setdefault(doc_id, []).append(event)

    def overlapping(self, mention: DateMention, doc_id: str | None = None) -> list[_Event]:
        if mention.first is None or mention.last is None:
            return list(self.unresolved.get(mention.text.casefold(), []))
        first, last = mention.first, mention.last
        found: dict[int, _Event] = {}
        if (last - first).days < self.MAX_SPAN:
            for day in range(first.toordinal(), last.toordinal() + 1):
                events = self.by_day.get(day)
                if events:
                    found.update(zip(map(id, events), events))
        elif doc_id is not None:  # a long period meets its own report's shorter events within it: "in 2016" said
            for event in self.by_report.get(doc_id, []):  # again after "in March 2016" (not every report's: costly)
                assert event.mention.first and event.mention.last
                if first <= event.mention.first and event.mention.last <= last:
                    found[id(event)] = event
        # the wide events by their days as numbers, worked out once (every dated sentence looks through them all)
        start, end = first.toordinal(), last.toordinal()
        found.update((id(event), event) for wide_first, wide_last, event in self.wide
                     if wide_first <= end and start <= wide_last)
        return sorted(found.values(), key=lambda e: e.rows[0])


_RESTATED = "restated"
_VAGUER = "vaguer"


def _same_event(event: _Event, row: int, sentences: Sequence[Sentence], vectors: np.ndarray,
                same_fact: SameFact) -> bool | str:
    """Whether a sentence on the event's dates tells the event: as its shown sentence does, or as another
    report's sentence in it does (Raqqa: two reports said "in November 2016 the SDF launched ..." as the shown
    one did, but named "Syrian Raqqa" where it named "Syria" and "Raqqa"). Two sentences of one report are two
    events, unless each tells the other's fact: then the report says it again ("... killed 38 civilians on
    Wednesday" in Al-Araby's standfirst and its lead), and _RESTATED tells the caller to count it once."""
    doc_id = sentences[row].doc_id
    own = [r for r in event.rows if sentences[r].doc_id == doc_id]
    if own:
        restated = any(float(vectors[r] @ vectors[row]) >= SAME_FACT_COSINE and same_fact(r, row) and same_fact(row, r)
                       for r in own)
        return _RESTATED if restated else False
    if same_fact(event.rows[0], row):
        return True
    others = [r for r in event.rows[1:1 + MAX_ROWS_TRIED] if float(vectors[r] @ vectors[row]) >= SAME_FACT_COSINE]
    return any(same_fact(r, row) for r in others)


VAGUER_COSINE = 0.65


def _vaguer_telling(event: _Event, row: int, mention: DateMention, vectors: np.ndarray, same_fact: SameFact) -> bool:
    """Whether a sentence whose vaguer date holds the event's tells it in words of its own, and so is no entry of its
    own: another report's "The operation to seize Al Qaim ... began last week" and "The operation to capture Al Qaim
    and Rawa ... was launched ... on October 25" (the seeds, two entries until this) share too few words for
    same-fact merging, but the week holds the day, the two are close in meaning (VAGUER_COSINE), name an entity and a
    word of substance in common and disagree on no count, speaker, place or date. It is not cited for the entry: a
    citation says the report tells the shown sentence, which "began last week" does not (who launched it, Rawa),
    and the entry cites what the statement showing the same sentence cites. A week or a month only: "since July 31"
    or "last month" told other events of the month in audit reports at cosines 0.64 to 0.66 (audit 6 idlib16, audit
    7 aleppo16). The entry keeps the precise date; a sentence of the event's own report is not joined
    (_same_event decides whether a report says a thing twice)."""
    shown, known = event.rows[0], event.mention
    if mention.precision not in (WEEK, MONTH) or known.first is None or known.last is None or mention.first is None \
            or mention.last is None or _rank(mention) <= _rank(known) \
            or not (mention.first <= known.first and known.last <= mention.last):
        return False
    if any(same_fact.sentences[r].doc_id == same_fact.sentences[row].doc_id for r in event.rows):
        return False
    return float(vectors[shown] @ vectors[row]) >= VAGUER_COSINE and same_fact.agrees_but_wording(shown, row)


# what a sentence holds besides its date that tells an event: a name, a number, or a few words of substance;
# "The incident occurred on April 11.", "This is absolutely critical today." tell none (audit 5)
# the function words (rank's stopwords) and the words that say only that something happened on a day
_SMALL = STOPWORDS | set("""so very just still absolutely really incident event attack attacks day today tonight
yesterday morning evening night happened occurred took place came""".split())
_TOKEN = re.compile(r"[\w'’-]+")
SUBSTANCE_WORDS = 3
SHORT_WORDS = 12


def tells_something(text: str, mention: DateMention) -> bool:
    """Whether the sentence tells more than that something happened on its date: a timeline entry must. A
    sentence of more than SHORT_WORDS words does (read no further: 8,000 dated sentences at 1,000 reports)."""
    if text.count(" ") >= SHORT_WORDS:
        return True
    rest = text[:mention.start] + " " + text[mention.end:]
    words = [w for w in _TOKEN.findall(rest) if w.lower() not in _SMALL]
    return (len(words) >= SUBSTANCE_WORDS or any(w[:1].isupper() or w[:1].isdigit() for w in words)
            or any(c.isdigit() for c in rest))


def _entry(event: _Event, sentences: Sequence[Sentence], labels: np.ndarray,
           source_numbers: Mapping[str, int]) -> TimelineEntry:
    shown = sentences[event.rows[0]]
    citations = sorted((Citation(source=source_numbers[sentences[r].doc_id], doc_id=sentences[r].doc_id,
                                 sentence=sentences[r].index, text=sentences[r].text) for r in event.rows),
                       key=lambda c: c.source)
    mention = event.mention
    return TimelineEntry(
        date=mention.first.isoformat() if mention.first else None,
        end=mention.last.isoformat() if mention.last else None,
        precision=mention.precision,
        label=mention.label,
        expression=mention.text,
        text=shown.text,
        citations=tuple(citations),
        topic=int(labels[event.rows[0]]),
    )
