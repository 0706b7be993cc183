"""The Timeline: dated events, oldest first, each told once with every report that tells it.

A sentence is an event of the timeline when it holds a date expression (see dates.py); its date
is the first one it holds, resolved against its own report's publication date. Two reports'
sentences are one event when their periods overlap and they tell the same fact (the rule rank.py
uses for statements); the entry keeps the most precise of their dates ("October 25" beats
"last week"). Expressions that cannot be resolved (no publication date) come last, as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .dates import DURATION, PRECISION_ORDER, DateMention, dated
from .model import Citation, Document, Sentence, TimelineEntry
from .names import NameIndex
from .rank import SAME_FACT_COSINE, SAME_FACT_OVERLAP, content_words

MAX_ENTRIES = 10
SAME_EVENT_COSINE = 0.75  # this close, two sentences are one event even with few shared words


@dataclass
class _Event:
    rows: list[int]  # sentences behind it; the first one is shown
    mention: DateMention  # the most precise date any of them gives


def event_date(sentence: Sentence, published: str | None) -> DateMention | None:
    """The date a sentence gives its event: the first resolved one, else the first as written."""
    mentions = [m for m in dated(sentence.text, published) if m.precision != DURATION]
    resolved = [m for m in mentions if m.resolved]
    return (resolved or mentions or [None])[0]


def build_timeline(documents: Sequence[Document], sentences: Sequence[Sentence], vectors: np.ndarray,
                   labels: np.ndarray, source_numbers: Mapping[str, int], names: NameIndex,
                   topic_order: Mapping[int, int] | None = None, limit: int = MAX_ENTRIES) -> tuple[TimelineEntry, ...]:
    published = {d.id: d.date for d in documents}
    found = [(row, mention) for row, sentence in enumerate(sentences)
             if (mention := event_date(sentence, published.get(sentence.doc_id))) is not None]
    # the most precise dates first, so that a vaguer telling joins the precise one
    found.sort(key=lambda item: (_rank(item[1]), source_numbers[sentences[item[0]].doc_id], item[0]))
    words = {row: content_words(sentences[row].text, names) for row, _ in found}
    events: list[_Event] = []
    for row, mention in found:
        home = next((e for e in events if _same_event(e, row, mention, sentences, vectors, words)), None)
        if home is None:
            events.append(_Event([row], mention))
        else:
            home.rows.append(row)
    topic_order = topic_order or {}
    if len(events) > limit:  # keep the events most reports tell, in the most important topics
        events = sorted(events, key=lambda e: (-len(e.rows), topic_order.get(int(labels[e.rows[0]]), len(topic_order)),
                                               sentences[e.rows[0]].index))[:limit]
    events.sort(key=lambda e: _chronological(e, sentences, source_numbers))
    return tuple(_entry(e, sentences, labels, source_numbers) for e in events)


def _chronological(event: _Event, sentences: Sequence[Sentence], source_numbers: Mapping[str, int]) -> tuple:
    """Oldest first; on one start day the longer period first; unresolved dates last."""
    shown, mention = sentences[event.rows[0]], event.mention
    where = (source_numbers[shown.doc_id], shown.index)
    if mention.first is None or mention.last is None:
        return (1, 0, 0) + where
    return (0, mention.first.toordinal(), -mention.last.toordinal()) + where


def _rank(mention: DateMention) -> int:
    return PRECISION_ORDER.get(mention.precision, len(PRECISION_ORDER)) if mention.resolved else len(PRECISION_ORDER) + 1


def _same_event(event: _Event, row: int, mention: DateMention, sentences: Sequence[Sentence], vectors: np.ndarray,
                words: Mapping[int, set[str]]) -> bool:
    if any(sentences[r].doc_id == sentences[row].doc_id for r in event.rows):
        return False
    known = event.mention
    if known.resolved != mention.resolved:
        return False
    if known.resolved:
        assert known.first and known.last and mention.first and mention.last
        if known.first > mention.last or mention.first > known.last:
            return False
    elif known.text.casefold() != mention.text.casefold():
        return False
    first = event.rows[0]
    cosine = float(vectors[first] @ vectors[row])
    shared = words[first] & words[row]
    overlap = len(shared) / len(words[first] | words[row]) if words[first] | words[row] else 0.0
    # on the same dates, a shared name and one more shared word are enough: "the operation to capture
    # Al Qaim ... on October 25" and "the operation to seize Al Qaim ... began last week"
    named_alike = any(w.startswith("@") for w in shared) and any(not w.startswith("@") for w in shared)
    return cosine >= SAME_EVENT_COSINE or (cosine >= SAME_FACT_COSINE and (overlap >= SAME_FACT_OVERLAP or named_alike))


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
