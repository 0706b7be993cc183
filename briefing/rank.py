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

WEIGHTS = {"centrality": 0.4, "support": 0.4, "position": 0.2}  # measured on MultiLing: R-2 recall 16.8 (0.5/0.3/0.2: 16.5)
SAME_FACT_COSINE = 0.58  # two reports' sentences at or above this (and sharing words) tell one fact
SAME_FACT_OVERLAP = 0.2  # Jaccard of content words and names, with SAME_FACT_COSINE
SUPPORT_COSINE = 0.6  # another report "supports" a sentence when it has one this close
REDUNDANT_COSINE = 0.75  # a candidate this close to a chosen statement adds nothing
MIN_WORDS, MAX_WORDS = 6, 55  # shorter or longer sentences make poor statements
MAX_SUPPORT_CANDIDATES = 400  # above this many sentences in a topic, support is scored for the best only
SUPPORT_CHUNK = 256
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
    """The score parts of each sentence (by row) of one topic.

    Linear in the topic's size: support (the one part that compares sentences with each other)
    is computed for the best MAX_SUPPORT_CANDIDATES sentences by the other parts only, in
    chunks, never as one topic-by-topic matrix; the others get their share of support 0.
    Topics up to that size (every topic of a brief of tens of reports) are scored exactly."""
    block = vectors[rows]
    centre = block.mean(axis=0)
    centre /= np.linalg.norm(centre) or 1.0
    docs = np.array([sentences[r].doc_id for r in rows])
    _, doc_codes = np.unique(docs, return_inverse=True)
    other_docs = int(doc_codes.max()) if len(rows) else 0  # distinct reports - 1
    starts = passage_starts([sentences[r] for r in rows.tolist()])
    parts: dict[int, dict[str, float]] = {}
    centrality = block @ centre
    for i, row in enumerate(rows.tolist()):
        sentence = sentences[row]
        words = len(sentence.text.split())
        length_fit = (1.0 if MIN_WORDS <= words <= MAX_WORDS else 0.5) * \
            (DEPENDENT_PENALTY if _DEPENDENT_START.match(sentence.text) else 1.0)
        index = sentence.index - starts[(sentence.doc_id, sentence.heading)]
        parts[row] = {
            "centrality": float(centrality[i]),
            "support": 0.0,
            "position": 1.0 / (1.0 + 0.25 * index),
            "length": length_fit,
        }
    if other_docs:
        candidates = np.arange(len(rows))
        if len(rows) > MAX_SUPPORT_CANDIDATES:
            partial = np.array([total(parts[r]) for r in rows.tolist()])
            candidates = np.sort(np.argsort(-partial, kind="stable")[:MAX_SUPPORT_CANDIDATES])
        for start in range(0, len(candidates), SUPPORT_CHUNK):
            chunk = candidates[start:start + SUPPORT_CHUNK]
            close = (block[chunk] @ block.T) >= SUPPORT_COSINE
            for i, near in zip(chunk.tolist(), close):
                codes = doc_codes[near]
                supporters = len(np.unique(codes[codes != doc_codes[i]]))
                parts[int(rows[i])]["support"] = supporters / other_docs
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
    order_array = np.array(order, dtype=int)
    words = _LazyWords(sentences, names)  # content words are needed for the few close pairs only
    used: set[int] = set()
    chosen: list[Statement] = []
    chosen_rows: list[int] = []  # every sentence the chosen statements stand for
    for row in order:
        if len(chosen) >= per_topic:
            break
        if row in used or (chosen_rows and (vectors[chosen_rows] @ vectors[row]).max() >= REDUNDANT_COSINE):
            continue
        same = _same_fact(row, order_array, used, vectors, sentences, words)
        used.update(same)
        chosen_rows.extend(same)
        citations = sorted((Citation(source=source_numbers[sentences[r].doc_id], doc_id=sentences[r].doc_id,
                                     sentence=sentences[r].index, text=sentences[r].text) for r in same),
                           key=lambda c: c.source)
        chosen.append(Statement(text=sentences[row].text, citations=tuple(citations), score=total(parts[row]),
                                topic=topic, why={k: round(v, 4) for k, v in parts[row].items()}))
    source_count = len({sentences[r].doc_id for r in rows.tolist()})
    return RankedTopic(topic=topic, statements=tuple(chosen), source_count=source_count)


class _LazyWords(dict):
    def __init__(self, sentences: list[Sentence], names: NameIndex):
        super().__init__()
        self.sentences, self.names = sentences, names

    def __missing__(self, row: int) -> set[str]:
        self[row] = found = content_words(self.sentences[row].text, self.names)
        return found


def _same_fact(row: int, order: np.ndarray, used: set[int], vectors: np.ndarray, sentences: list[Sentence],
               words: dict[int, set[str]]) -> list[int]:
    """The sentence and, from each other report, its closest sentence that tells the same fact."""
    best: dict[str, tuple[float, int]] = {}
    cosines = vectors[order] @ vectors[row]
    for position in np.flatnonzero(cosines >= SAME_FACT_COSINE).tolist():  # in `order`'s order, as before
        other = int(order[position])
        doc = sentences[other].doc_id
        if other in used or doc == sentences[row].doc_id:
            continue
        cosine = float(cosines[position])
        if _jaccard(words[row], words[other]) >= SAME_FACT_OVERLAP:
            if cosine > best.get(doc, (0.0, -1))[0]:
                best[doc] = (cosine, other)
    return [row] + [other for _, other in best.values()]


def fit_word_budget(ranked: list[RankedTopic], max_words: int,
                    weights: list[float] | None = None) -> list[RankedTopic]:
    """Share the words among topics in proportion to their weight (how much of the coverage they
    hold), the way seats are shared by D'Hondt: a topic's k-th statement bids weight / k, times
    its own score. A big topic told by every report gets several statements before a side story
    gets its first; with equal weights this is round robin, most important topic first."""
    weights = weights or [1.0] * len(ranked)
    bids = [(-(weight / (depth + 1)) * statement.score, i, depth)
            for i, (topic, weight) in enumerate(zip(ranked, weights))
            for depth, statement in enumerate(topic.statements)]
    taken: list[set[int]] = [set() for _ in ranked]
    words_left = max_words
    for _, i, depth in sorted(bids):
        statement = ranked[i].statements[depth]
        cost = len(statement.text.split())
        if cost <= words_left and (depth == 0 or depth - 1 in taken[i]):
            taken[i].add(depth)
            words_left -= cost
    return [RankedTopic(r.topic, tuple(s for d, s in enumerate(r.statements) if d in t), r.source_count)
            for r, t in zip(ranked, taken)]
