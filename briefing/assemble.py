"""The Brief: title, key points, one section per topic, the topics' members and the sources."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

import numpy as np

from . import __version__
from .model import (Brief, Difference, Document, Generation, Member, Quote, Section, Sentence, Source, Statement,
                    TimelineEntry, Topic)
from .options import BuildOptions
from .dates import DAY
from .names import extract_names
from .rank import DEPENDENT_START, RankedTopic, event_date, figures, passage_starts
from .wording import brief_title


def sources_of(documents: Sequence[Document]) -> tuple[Source, ...]:
    return tuple(Source(id=d.id, number=n, title=d.title, outlet=d.outlet, date=d.date, url=d.url, path=d.path,
                        also_published_by=d.also_published_by, note=d.note)
                 for n, d in enumerate(documents, start=1))


def known_outlets(documents: Sequence[Document]) -> int:
    """The distinct outlets that published the reports (case aside); reports of unknown outlet not counted."""
    return len({d.outlet.casefold() for d in documents if d.outlet})


# the date words whose day only the report's own day tells: "on Sunday", "yesterday", "three days ago"
RELATIVE_DAY_KINDS = frozenset({"weekday", "day_word", "ago"})


def with_day(statement: Statement, published: Mapping[str, str | None]) -> Statement:
    """The statement with the day its event's relative date stands for (`Statement.day`), read from its own
    report's day (`published`: report id -> the day its text was written, as the analysis reads it); as it
    is when it dates its event by no such words, or by a date it writes out ("on 15 October")."""
    own = next((c for c in statement.citations if c.text == statement.text), None)
    mention = event_date(statement.text, published.get(own.doc_id)) if own else None
    if mention is None or mention.kind not in RELATIVE_DAY_KINDS or mention.precision != DAY or mention.first is None:
        return statement
    return replace(statement, day=mention.first.isoformat(), day_end=mention.end)


def key_points(ranked: Sequence[RankedTopic], count: int, differences: Sequence[Difference] = (),
               leads: Set[tuple[str, int]] | None = None) -> tuple[Statement, ...]:
    """Each topic's best statement first (most important topic first), then the best of the rest; but never two
    tellings of one event. Topics split one event by its wordings and places (audit 8: "A bus blast in Damascus
    central district killed at least six" and "At least seven people were killed ... when a blast ripped through
    a bus", two topics' first statements, were two of four key points). What one event is, the differences have
    worked out already: the sentences whose figures they set side by side as one event's. Every key point stands
    alone (`stands_alone`), and beyond each section's it is news in its own right (`widely_or_first_told`; `leads`:
    the (report, sentence) that open a report or a headed part, `lead_sentences`)."""
    events = events_told(differences)
    support = _event_reports(differences)

    def told_in(statement: Statement) -> set[int]:
        return {e for c in statement.citations for e in events.get((c.doc_id, c.sentence), ())}

    chosen: list[Statement] = []
    told: set[int] = set()

    def take(statement: Statement) -> None:
        if len(chosen) < count and statement not in chosen and not told_in(statement) & told \
                and stands_alone(statement.text):
            chosen.append(statement)
            told.update(told_in(statement))

    for topic in ranked:  # each section's key point: of its statements whose event no key point tells yet; none
        # when its lead's event is told (its other statements are that event's details: "the Interior Minister told
        # reporters that one of the attackers had managed to enter the police station", audit 9)
        fresh = [s for s in topic.statements if not told_in(s) & told]
        if fresh and not told_in(topic.statements[0]) & told:
            best = _most_told(fresh, events, support)  # else its first statement (fresh[0], its event untold)
            take(best if widely_or_first_told(best, leads) and stands_alone(best.text) else fresh[0])
    # then the best of the rest that is news in its own right, from a section without a key point: another line of a
    # section's story is no new point (the seeds' Al Qaim was two of four; "The army announces full control of Deir
    # ez-Zor city" after "The Syrian army said on Friday it had seized ... Deir ez-Zor"), so a brief of three
    # sections has three
    keyed = {s.topic for s in chosen}
    for statement in sorted((s for r in ranked for s in r.statements), key=lambda s: -s.score):
        if statement.topic not in keyed and widely_or_first_told(statement, leads):
            take(statement)
    return tuple(chosen)


# where a sentence's subject ends: before a verb ("is", "was", "detonated", "said") or a clause's end ("The source
# website for this claim remains unknown; however, Rajanews.com ... said")
_SUBJECT_END = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|says?|said|told|"
                          r"remains?|[a-z]+ed)\b|[,;:]")
_MEANWHILE = re.compile(r"Meanwhile\b")
# "A bomb exploded in Aleppo" tells news: only "the" points back, inside a quote too ('"The fleeing increased after
# the SDF besieged Manbij" ... said', audit 10)
_NAMELESS_SUBJECT = re.compile(r"[\"“‘']?The\s+[^A-Z]*$")
# openers that answer what came before ("For his part French President Francois Hollande ...", audit 10)
_ANSWERS_BACK = re.compile(r"(?:For (?:his|her|its|their) part|In turn|In response|In addition|Likewise|Similarly)\b")


def stands_alone(text: str) -> bool:
    """Whether a statement reads without the report around it, as a key point must (it is read first, alone): it
    names someone or somewhere besides its first word, or gives a figure, and it opens neither with words that point
    back ("It", "However", "The town": rank.DEPENDENT_START; "For his part") nor with a subject that names nothing ("The transfer deal
    is not overseen by the United Nations.", "The suicide attacker reportedly detonated his explosives in front of the
    bakery.", "Security was tightened up for Wednesdays departures.": key points of a3's briefs, each a detail of a
    story the reader had not been told)."""
    if DEPENDENT_START.match(text) and not _MEANWHILE.match(text) or _ANSWERS_BACK.match(text):  # "Meanwhile, Iraqi
        return False  # forces claimed ..." reads alone
    first = text.split(maxsplit=1)[0].strip("\"“‘'") if text.strip() else ""
    if not any(name != first for name in extract_names(text)) and not figures(text):  # "At least seven people were
        return False  # killed ... when a blast ripped through a bus in the capital on Sunday" tells its news
    verb = _SUBJECT_END.search(text)
    return verb is None or not _NAMELESS_SUBJECT.match(text, 0, verb.start())


def widely_or_first_told(statement: Statement, leads: Set[tuple[str, int]] | None = None) -> bool:
    """Whether a statement is news in its own right, as a key point beyond each section's must be: two reports or more
    tell it, or one leads with it (`leads`; by default a report's first two sentences). A detail one report gives
    further down its story ("Fifteen of the wounded were in critical condition", "The AFP correspondent said all
    other vehicles were carefully searched") is a section's line, not a key point."""
    if len({c.doc_id for c in statement.citations}) >= 2:
        return True
    return any((c.doc_id, c.sentence) in leads if leads is not None else c.sentence <= 1 for c in statement.citations)


def lead_sentences(sentences: Sequence[Sentence]) -> set[tuple[str, int]]:
    """(report, sentence) of the first two sentences of each report and of each of its headed parts: where news
    writing puts what it has to tell."""
    starts = passage_starts(list(sentences))
    return {(s.doc_id, s.index) for s in sentences if s.index - starts[(s.doc_id, s.heading)] < 2}


def _event_reports(differences: Sequence[Difference]) -> list[int]:
    """Per difference (by number), the reports that tell its event: how widely the event was reported."""
    return [len({c.doc_id for a in d.accounts + d.hidden for c in a.citations}) for d in differences]


def _most_told(statements: Sequence[Statement], events: Mapping[tuple[str, int], set[int]],
               support: Sequence[int]) -> Statement:
    """A section's key point: its first statement, unless another of its statements tells an event far more reports
    tell (MOST_TOLD_RATIO as many, and MOST_TOLD_MORE more; the differences count them). Audit 7 and 8: idlib17's
    key point was the Urum al-Joz strike, a formula 4 reports share, while 17 of 19 told the Khan Sheikhoun attack,
    each in figures of its own; damascus17's was its smallest incident, one report's."""
    def told_by(statement: Statement) -> int:
        return max((support[e] for c in statement.citations for e in events.get((c.doc_id, c.sentence), ())),
                   default=0)

    first = statements[0]
    best = max(statements, key=told_by)
    enough = max(MOST_TOLD_RATIO * told_by(first), told_by(first) + MOST_TOLD_MORE)
    return best if told_by(best) >= enough else first


MOST_TOLD_RATIO, MOST_TOLD_MORE = 2, 3


def one_section_an_event(ranked: Sequence[RankedTopic], differences: Sequence[Difference],
                         members: Mapping[int, Sequence[Sentence]]) -> list[RankedTopic]:
    """The sections, a later one whose lead (first statement) tells the event an earlier one leads with joined to
    that one: its statements follow the earlier section's, under its label. Topics split one event by its wordings
    and places (audit 8: the 1 February 2015 bus bomb in Damascus led three sections, "Damascus attack", "Souq
    al-Hamadiyeh attack" and "al-Kallaseh attack", by the names SOHR and SANA gave the spot). One event is what the
    differences set side by side as one (events_told); a lead is compared with leads only, so that an aside of a
    section of many events draws in no other section."""
    events = events_told(differences)
    merged: list[RankedTopic] = []
    led: list[tuple[set[int], int]] = []  # the events each kept section's lead tells, and its place in `merged`
    for topic in ranked:
        lead = topic.statements[0] if topic.statements else None
        told = {e for c in lead.citations for e in events.get((c.doc_id, c.sentence), ())} if lead else set()
        into = next((at for leads, at in led if leads & told), None)
        if into is None:
            led.append((told, len(merged)))
            merged.append(topic)
            continue
        host = merged[into]
        shown = {s.text for s in host.statements}
        joined = host.statements + tuple(replace(s, topic=host.topic) for s in topic.statements if s.text not in shown)
        reports = {s.doc_id for t in (host.topic, topic.topic) for s in members.get(t, ())} | \
            {c.doc_id for s in joined for c in s.citations}
        merged[into] = replace(host, statements=joined, source_count=len(reports))
    return merged


def events_told(differences: Sequence[Difference]) -> dict[tuple[str, int], set[int]]:
    """(report, sentence) -> the differences (by number) whose accounts it is one of: the events whose figures it
    gives. Not their headings: two events of one place and day share one ("Damascus, reported 5 February 2015":
    the rebels' rockets and the air strikes that answered them)."""
    events: dict[tuple[str, int], set[int]] = {}
    for number, difference in enumerate(differences):
        for account in difference.accounts + difference.hidden:
            for citation in account.citations:
                events.setdefault((citation.doc_id, citation.sentence), set()).add(number)
    return events


def assemble(documents: Sequence[Document], sentences: Sequence[Sentence], labels: np.ndarray,
             topic_labels: dict[int, str], ranked: Sequence[RankedTopic], options: BuildOptions,
             model_name: str, now: dt.datetime | None = None, timeline: tuple[TimelineEntry, ...] = (),
             quotes: tuple[Quote, ...] = (), differences: tuple[Difference, ...] = (),
             also: dict[int, tuple[str, ...]] | None = None) -> Brief:
    now = now or dt.datetime.now(dt.timezone.utc)
    clustered = int((labels >= 0).sum())
    topics = tuple(
        Topic(id=t, label=topic_labels[t], weight=round(float((labels == t).sum()) / max(clustered, 1), 4),
              members=tuple(_member(s) for s, label in zip(sentences, labels) if label == t))
        for t in sorted(topic_labels))
    sections = tuple(Section(topic=r.topic, label=topic_labels[r.topic], source_count=r.source_count,
                             statements=r.statements, also=(also or {}).get(r.topic, ())) for r in ranked if r.statements)
    # the span of days the reports were written: a report whose text opens with another day than its date was
    # written then (audit 8: "5–25 April 2017" for reports of 14 to 25 April, one of them dated 5 April)
    dates = sorted((d.written or d.date)[:10] for d in documents if d.written or d.date)
    title = options.title or brief_title(sections[0].label if sections else None)
    return Brief(
        title=title,
        date=dates[-1] if dates else now.date().isoformat(),
        first_date=dates[0] if dates else None,
        report_count=len(documents),
        outlet_count=known_outlets(documents),
        generated=Generation(version=__version__, model=model_name,
                             time=now.replace(microsecond=0).isoformat(), options=options.as_dict()),
        key_points=key_points(ranked, options.key_points, differences, lead_sentences(sentences)),
        sections=sections,
        topics=topics,
        unassigned=tuple(_member(s) for s, label in zip(sentences, labels) if label < 0),
        sources=sources_of(documents),
        timeline=timeline,
        quotes=quotes,
        differences=differences,
    )


def _member(sentence: Sentence) -> Member:
    return Member(doc_id=sentence.doc_id, sentence=sentence.index, text=sentence.text)
