"""What is new since the last brief: a statement whose meaning an earlier brief already told
(cosine similarity of their embeddings at or over a threshold) is not repeated as news.

`mark_news` takes the brief as built from the new reports and returns it with the repeated
statements left out of its key points and sections, the `news` part filled in, and the topics
that earlier briefs already covered listed as continuing.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..model import Brief, ContinuingTopic, News, Statement
from ..wording import brief_title

MAX_NEW = 5  # statements the "New since the last brief" part lists


def news_templates(user_templates: tuple[str, ...]) -> tuple[str, ...]:
    """The user's template folders, then the packaged overlay that opens a brief with its news
    part (templates/daily/), then the theme. A user's own brief.html.j2 comes first and wins."""
    from ..renderers.environment import packaged_templates

    return (*user_templates, str(packaged_templates() / "daily"))


def brief_statements(brief: Brief) -> list[tuple[int, str, Statement]]:
    """(topic, topic label, statement) of every section, in order, each text once."""
    seen, found = set(), []
    for section in brief.sections:
        for statement in section.statements:
            if statement.text not in seen:
                seen.add(statement.text)
                found.append((section.topic, section.label, statement))
    return found


def other_texts(brief: Brief) -> list[str]:
    """The timeline's and the key quotes' texts that are not statements of a section, each once."""
    known = {s.text for _t, _l, s in brief_statements(brief)}
    texts = [e.text for e in brief.timeline] + [q.shown for q in brief.quotes]
    return [t for t in dict.fromkeys(texts) if t not in known]


def mark_news(brief: Brief, vectors: np.ndarray, earlier: np.ndarray, earlier_dates: list[str],
              previous: str | None, threshold: float, max_new: int = MAX_NEW,
              other_vectors: np.ndarray | None = None) -> Brief:
    """`vectors` holds one normalised row per `brief_statements(brief)`, `other_vectors` one per
    `other_texts(brief)`; `earlier` the rows of the statements of earlier briefs, told on
    `earlier_dates`. Timeline entries and quotes an earlier brief told are left out too."""
    statements = brief_statements(brief)
    others = other_texts(brief)
    told_before = set()
    if len(earlier) and others and other_vectors is not None and len(other_vectors):
        best = (np.asarray(other_vectors, dtype=np.float32) @ np.asarray(earlier, dtype=np.float32).T).max(axis=1)
        told_before = {text for text, score in zip(others, best) if score >= threshold}
    first_seen: dict[str, str | None] = {}
    if len(earlier) and len(statements):
        similarity = np.asarray(vectors, dtype=np.float32) @ np.asarray(earlier, dtype=np.float32).T
        for row, (_topic, _label, statement) in enumerate(statements):
            hits = np.flatnonzero(similarity[row] >= threshold)
            if hits.size:
                first_seen[statement.text] = min(earlier_dates[i] for i in hits)
    repeated = set(first_seen)
    continuing: dict[int, ContinuingTopic] = {}
    for topic, label, statement in statements:
        if statement.text in repeated:
            known = continuing.get(topic)
            date = first_seen[statement.text]
            continuing[topic] = ContinuingTopic(
                topic=topic, label=label, repeated=(known.repeated if known else 0) + 1,
                first_seen=min(d for d in (date, known.first_seen if known else None) if d))
    sections = []
    for section in brief.sections:
        kept = tuple(s for s in section.statements if s.text not in repeated)
        if kept:
            sections.append(dataclasses.replace(section, statements=kept))
    new = sorted((s for _t, _l, s in statements if s.text not in repeated), key=lambda s: -s.score)
    news = News(previous=previous, new=tuple(new[:max_new]), continuing=tuple(continuing.values()),
                repeated=len(repeated))
    told_before |= repeated
    return dataclasses.replace(
        brief, title=_title(brief, sections), key_points=tuple(s for s in brief.key_points if s.text not in repeated),
        sections=tuple(sections), news=news,
        timeline=tuple(e for e in brief.timeline if e.text not in told_before),
        quotes=tuple(q for q in brief.quotes if q.shown not in told_before))


def _title(brief: Brief, kept: list) -> str:
    """The title `build` gave the brief (its first section's label) made again from the sections kept: a first
    section an earlier brief told all of is not shown, and the title must not name it. A title of the config's
    ([brief] title) is kept."""
    if brief.generated.options.get("title") or not brief.sections or (kept and kept[0].topic == brief.sections[0].topic):
        return brief.title
    return brief_title(kept[0].label if kept else None)
