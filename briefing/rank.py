"""Statements: the sentences worth showing per topic, scored, de-duplicated and merged.

A sentence's score keeps its parts (`Statement.why`) so a reader can ask why it was chosen:
  centrality  cosine to its topic's centre (what the topic is about)
  support     the share of the topic's other reports that tell the same thing
  position    earlier is better (news puts the key facts first), counted from where the report
              starts to tell the topic
The same fact told by several reports becomes ONE statement citing each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .model import Citation, Sentence, Statement
from .names import NameIndex

WEIGHTS = {"centrality": 0.5, "support": 0.3, "position": 0.2}
SAME_FACT_COSINE = 0.58  # two reports' sentences at or above this (and sharing words) tell one fact
SAME_FACT_OVERLAP = 0.2  # Jaccard of content words and names, with SAME_FACT_COSINE
SUPPORT_COSINE = 0.6  # another report "supports" a sentence when it has one this close
REDUNDANT_COSINE = 0.75  # a candidate this close to a chosen statement adds nothing
MIN_WORDS, MAX_WORDS = 6, 55  # shorter or longer sentences make poor statements
_STOPWORDS = set("""a an the and or but of to in on at by for from with as is are was were be been has have had
it its this that these those he she they them their his her said says say will would could should may
than then there here who which what when where while after before into over under about also not no
""".split())
# a sentence that opens by pointing back ("It said", "The town lies") reads poorly out of its report
_DEPENDENT_START = re.compile(r"^[\"“‘']?(?:It|He|She|They|This|These|That|Those|Its|Their|His|Her|There|Such|"
                              r"The (?:\w+ )?(?:town|city|province|group|area|river|region|statement|move))\b")
DEPENDENT_PENALTY = 0.8
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class RankedTopic:
    topic: int
    statements: tuple[Statement, ...]  # best first
    source_count: int  # reports with a sentence in the topic


def content_words(text: str, names: NameIndex) -> set[str]:
    words = {w.lower().rstrip("s") for w in _WORD.findall(text) if w.lower() not in _STOPWORDS and len(w) > 2}
    return words | {f"@{entity}" for entity in names.entities(text)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def score_sentences(rows: np.ndarray, vectors: np.ndarray, sentences: list[Sentence]) -> dict[int, dict[str, float]]:
    """The score parts of each sentence (by row) of one topic."""
    block = vectors[rows]
    centre = block.mean(axis=0)
    centre /= np.linalg.norm(centre) or 1.0
    similarity = block @ block.T
    docs = np.array([sentences[r].doc_id for r in rows])
    other_docs = len(set(docs.tolist())) - 1
    starts = passage_starts([sentences[r] for r in rows])
    parts: dict[int, dict[str, float]] = {}
    for i, row in enumerate(rows):
        elsewhere = docs != docs[i]
        supporters = {d for d in docs[elsewhere & (similarity[i] >= SUPPORT_COSINE)].tolist()}
        words = len(sentences[row].text.split())
        length_fit = (1.0 if MIN_WORDS <= words <= MAX_WORDS else 0.5) * \
            (DEPENDENT_PENALTY if _DEPENDENT_START.match(sentences[row].text) else 1.0)
        parts[row] = {
            "centrality": float(block[i] @ centre),
            "support": len(supporters) / other_docs if other_docs else 0.0,
            "position": 1.0 / (1.0 + 0.25 * (sentences[row].index - starts[(sentences[row].doc_id, sentences[row].heading)])),
            "length": length_fit,
        }
    return parts


def passage_starts(sentences: list[Sentence]) -> dict[tuple[str, str | None], int]:
    """The first index of each (report, heading) among the given sentences. Given one topic's
    sentences, that is where the report's telling of the topic begins: its own lead."""
    starts: dict[tuple[str, str | None], int] = {}
    for sentence in sentences:
        key = (sentence.doc_id, sentence.heading)
        starts[key] = min(starts.get(key, sentence.index), sentence.index)
    return starts


def total(parts: dict[str, float]) -> float:
    return round(parts["length"] * sum(WEIGHTS[name] * parts[name] for name in WEIGHTS), 4)


def rank_topic(topic: int, rows: np.ndarray, vectors: np.ndarray, sentences: list[Sentence],
               source_numbers: dict[str, int], names: NameIndex, per_topic: int) -> RankedTopic:
    parts = score_sentences(rows, vectors, sentences)
    order = sorted(rows.tolist(), key=lambda r: (-total(parts[r]), sentences[r].doc_id, sentences[r].index))
    words = {r: content_words(sentences[r].text, names) for r in order}
    used: set[int] = set()
    chosen: list[Statement] = []
    chosen_rows: list[int] = []  # every sentence the chosen statements stand for
    for row in order:
        if len(chosen) >= per_topic:
            break
        if row in used or any(vectors[row] @ vectors[other] >= REDUNDANT_COSINE for other in chosen_rows):
            continue
        same = _same_fact(row, order, used, vectors, sentences, words)
        used.update(same)
        chosen_rows.extend(same)
        citations = sorted((Citation(source=source_numbers[sentences[r].doc_id], doc_id=sentences[r].doc_id,
                                     sentence=sentences[r].index, text=sentences[r].text) for r in same),
                           key=lambda c: c.source)
        chosen.append(Statement(text=sentences[row].text, citations=tuple(citations), score=total(parts[row]),
                                topic=topic, why={k: round(v, 4) for k, v in parts[row].items()}))
    source_count = len({sentences[r].doc_id for r in rows.tolist()})
    return RankedTopic(topic=topic, statements=tuple(chosen), source_count=source_count)


def _same_fact(row: int, order: list[int], used: set[int], vectors: np.ndarray, sentences: list[Sentence],
               words: dict[int, set[str]]) -> list[int]:
    """The sentence and, from each other report, its closest sentence that tells the same fact."""
    best: dict[str, tuple[float, int]] = {}
    for other in order:
        doc = sentences[other].doc_id
        if other in used or doc == sentences[row].doc_id:
            continue
        cosine = float(vectors[row] @ vectors[other])
        if cosine >= SAME_FACT_COSINE and _jaccard(words[row], words[other]) >= SAME_FACT_OVERLAP:
            if cosine > best.get(doc, (0.0, -1))[0]:
                best[doc] = (cosine, other)
    return [row] + [other for _, other in best.values()]


def fit_word_budget(ranked: list[RankedTopic], max_words: int) -> list[RankedTopic]:
    """Keep statements round-robin over the topics (most important first) while words remain,
    so that every topic gets its best statement before any topic gets its second."""
    kept: list[list[Statement]] = [[] for _ in ranked]
    words_left = max_words
    depth = 0
    while any(depth < len(r.statements) for r in ranked):
        for i, topic in enumerate(ranked):
            if depth < len(topic.statements):
                statement = topic.statements[depth]
                cost = len(statement.text.split())
                if cost <= words_left:
                    kept[i].append(statement)
                    words_left -= cost
        depth += 1
    return [RankedTopic(r.topic, tuple(k), r.source_count) for r, k in zip(ranked, kept)]
