"""Statements: the sentences worth showing per topic, scored, de-duplicated, merged, then chosen.

A sentence's score keeps its parts (`Statement.why`) so a reader can ask why it was chosen:
  centrality  cosine to its topic's centre (what the topic is about)
  support     the share of the topic's other reports that tell the same thing
  position    earlier is better (news puts the key facts first), counted from where the report
              starts to tell the topic
  length      1, or less for a sentence too short or long, or one that opens by pointing back ("It")
  coverage    the share of the brief's content that the statement newly covers, given the statements
              chosen before it (set by fit_word_budget for the statements of the brief; rank_topic's value
              within its topic). The content has two parts, side by side in one weighted coverage:
              * the sentences of all reports (at most COVERAGE_SAMPLE), each weighing 1 / (1 + its place in
                its report, or in its headed part), so every report's lead weighs most; a statement covers
                one by their MiniLM cosine above COVERAGE_FLOOR;
              * concepts, in the manner of Gillick & Favre's ICSI summariser: word pairs (not both
                stopwords) told by at least CONCEPT_MIN_REPORTS reports, each weighing the reports that
                tell it, more for those that tell it in a lead; a statement covers those it holds.
              The concepts hold CONCEPT_SHARE (1/8) of the weight: a little, enough to tip a choice between
              statements that cover about as much by meaning towards the one holding the word pairs
              (names, numbers, phrases) that more reports repeat, and away from short fragments
              ("They are all British nationals.") that the sentence part alone rated well per word.
score = length x weighted sum of the first three (WEIGHTS).

The same fact told by several reports becomes ONE statement citing each of them (`SameFact`: close in
meaning and words, holding the statement's main claim, and agreeing with it on counts, dates and places;
the timeline merges by the same rule). Statements are
chosen greedily by coverage times score, per word**COST_EXPONENT: first within each topic (its
candidates, at most `per_topic`), then across topics for the word budget, so a big topic told by
every report gets several statements before a side story gets its first, and a statement that
repeats what another covered is worth little; only a topic told by a third of the reports or more
(MAJOR_SHARE) gets its statement first, whatever the others cover. Measured on the MultiLing 2011 sample (BENCHMARKS.md):
ROUGE-2 recall 16.8 with the earlier per-topic ranking and D'Hondt budget, 19.9 with coverage of the
sentences, 21.6 with the concepts' eighth (Lead: 21.0; the extractive oracle: 31.2).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from .dates import DURATION, MONTH_NAME, WEEKDAY, DateMention, dated, is_background, recalls_only_background
from .event_context import day_of, event_entity, first_place, named_places
from .model import Citation, Sentence, Statement
from .names import NameIndex, extract_names
from .quantities import Count, Figure, counts, told_now
from .quantities import figures as quantity_figures

# the score's parts: with coverage choosing, 0.3/0.3/0.4 and a steeper position (1/(1+i)) measured the
# same as these within 0.5 R-2 points on MultiLing (before coverage: 16.8 here, 16.5 with 0.5/0.3/0.2)
WEIGHTS = {"centrality": 0.4, "support": 0.4, "position": 0.2}
SAME_FACT_COSINE = 0.58  # two reports' sentences at or above this (and sharing words) tell one fact
SAME_FACT_OVERLAP = 0.2  # Jaccard of content words and names, with SAME_FACT_COSINE
# and the cited sentence must hold this share of the content words of the statement's main claim (its
# first clause), so that one telling a side clause of a long statement does not count as saying it
SAME_FACT_CLAIM = 0.3
MIN_CLAIM_WORDS = 4  # a first clause with fewer content words ("Separately,") runs on to the next
SAME_TOLL_SLACK = 0.0  # two counts of one kind tell one toll when the numbers written are this near (equal:
# a report saying "at least 86 were killed" does not say "at least 72", whatever the updates between)
# a sentence of another topic is cited only this close: the clustering that kept it apart is evidence too (at
# 0.58, audit inputs gave "at least 12 civilians killed in US-led strikes" a report of 38 killed by a Russian one)
CROSS_TOPIC_COSINE = 0.7
SAME_FACT_DAYS = 3  # reports published further apart than this tell different events (event_context's too)
SUPPORT_COSINE = 0.6  # another report "supports" a sentence when it has one this close
REDUNDANT_COSINE = 0.75  # a candidate this close to a chosen statement adds nothing
MIN_WORDS, MAX_WORDS = 6, 55  # shorter or longer sentences make poor statements
MAX_SUPPORT_CANDIDATES = 400  # above this many sentences in a topic, support is scored for the best only
SUPPORT_CHUNK = 256
COVERAGE_FLOOR = 0.6  # a sentence covers another only above this cosine, scaled to 0..1 above it (0.55-0.65: same)
COVERAGE_SAMPLE = 3000  # coverage is measured on at most this many sentences of the brief (an even stride)
MAJOR_SHARE = 1 / 3  # a topic told by this share of the reports gets a statement before coverage chooses
COST_EXPONENT = 0.3  # a statement's value is divided by its words to this power (0.2-0.4 measured the same)
# concepts (Gillick & Favre's ICSI summariser): word pairs (light stemming, not both stopwords) told by at
# least CONCEPT_MIN_REPORTS reports, each weighing the reports that tell it plus CONCEPT_LEAD_BONUS for each
# that tells it in a lead (its or a headed part's first sentence); CONCEPT_SHARE of the coverage's weight
# is theirs, the rest the sentences'. MultiLing R-2 recall (BENCHMARKS.md): 21.6 for shares 0.1 to 0.15 and
# bonuses 1 to 3 (19.9 without); 19.5 to 20.8 for shares 0.25 to 0.5; concepts alone 15.3 to 20.9, and
# ICSI itself (concepts only, no topics, even chosen exactly) 14.6 to 21.0: they help as a tie-breaker only
CONCEPT_SHARE = 0.125
CONCEPT_MIN_REPORTS = 2
CONCEPT_LEAD_BONUS = 2.0
CONCEPT_LIMIT = 1000  # the heaviest only (MultiLing has 87 to 371; a brief of 1,000 reports many thousands)
STOPWORDS = frozenset("""a an the and or but of to in on at by for from with as is are was were be been has have had
it its this that these those he she they them their his her said says say will would could should may
than then there here who which what when where while after before into over under about also not no
""".split())
# a sentence that opens by pointing back ("It said", "The town lies") reads poorly out of its report
DEPENDENT_START = re.compile(r"^[\"“‘']?(?:It|He|She|They|This|These|That|Those|Its|Their|His|Her|There|Such|"
                             r"However|But|Meanwhile|Yet|Still|Instead|Also|Moreover|Nevertheless|"
                             r"The (?:\w+ )?(?:town|city|province|group|area|river|region|statement|move))\b")
DEPENDENT_PENALTY = 0.8
# a sentence whose every date recalls a state of things ("raging since March 2011", "besieged since 2013"): every
# report repeats it, so it gathers support, and it headed briefs and came back as news each day (audit 6); at half,
# "More than 210000 people have been killed in Syria since the beginning of the countrys conflict" was still a
# section's line (audit 8). A tenth: it is shown only when its topic has nothing else (21 audit briefs: that one line
# changes, for the bus bomb's pilgrims; ROUGE-2 unchanged)
BACKGROUND_PENALTY = 0.1
# a question tells no fact: "Syria: have the Chemical Weapons gloves come off?", an op-ed's headline in its text,
# had become a statement and a key point (audit 7)
QUESTION_PENALTY = 0.5
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class RankedTopic:
    topic: int
    statements: tuple[Statement, ...]  # in the order chosen: worth most first (see rank_topic)
    source_count: int  # reports with a sentence in the topic
    # how much each statement covers each sentence of `coverage_sample` (statements x sample) and those
    # sentences' weights: what fit_word_budget chooses by across topics; None when not known
    cover: np.ndarray | None = field(default=None, compare=False, repr=False)
    cover_weight: np.ndarray | None = field(default=None, compare=False, repr=False)


def content_words(text: str, names: NameIndex) -> set[str]:
    words = {low.rstrip("s") for w in _WORD.findall(text) if len(w) > 2 and (low := w.lower()) not in STOPWORDS}
    return words | {f"@{entity}" for entity in names.entities(text)}


def _plain_words(text: str) -> set[str]:
    """The content words a sentence writes in lower case: what it says, its names aside."""
    return {low.rstrip("s") for w in _WORD.findall(text)
            if w[:1].islower() and len(w) > 2 and (low := w.lower()) not in STOPWORDS and low != "least"}


def jaccard(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def score_sentences(rows: np.ndarray, vectors: np.ndarray, sentences: list[Sentence]) -> dict[str, np.ndarray]:
    """The score parts of each sentence of one topic, as arrays in `rows`' order (see `totals`).

    Linear in the topic's size: support (the one part that compares sentences with each other)
    is computed for the best MAX_SUPPORT_CANDIDATES sentences by the other parts only, in
    chunks, never as one topic-by-topic matrix; the others get their share of support 0.
    Topics up to that size (every topic of a brief of tens of reports) are scored exactly."""
    block = vectors[rows]
    centre = block.mean(axis=0)
    centre /= np.linalg.norm(centre) or 1.0
    members = [sentences[r] for r in rows.tolist()]
    code_of: dict[str, int] = {}
    doc_codes = np.array([code_of.setdefault(sentence.doc_id, len(code_of)) for sentence in members], dtype=np.int64)
    other_docs = int(doc_codes.max()) if len(rows) else 0  # distinct reports - 1
    starts = passage_starts(members)
    words = np.array([len(sentence.text.split()) for sentence in members])
    dependent = np.array([DEPENDENT_START.match(sentence.text) is not None for sentence in members], dtype=bool)
    background = np.array([recalls_only_background(sentence.text) for sentence in members], dtype=bool)
    question = np.array([sentence.text.rstrip(" ”\"’')").endswith("?") for sentence in members], dtype=bool)
    index = np.array([sentence.index - starts[(sentence.doc_id, sentence.heading)] for sentence in members],
                     dtype=float)
    parts = {
        "centrality": (block @ centre).astype(np.float64),
        "support": np.zeros(len(rows)),
        "position": 1.0 / (1.0 + 0.25 * index),
        "length": np.where((words >= MIN_WORDS) & (words <= MAX_WORDS), 1.0, 0.5) *
        np.where(dependent, DEPENDENT_PENALTY, 1.0) * np.where(background, BACKGROUND_PENALTY, 1.0) *
        np.where(question, QUESTION_PENALTY, 1.0),
    }
    if other_docs:
        candidates = np.arange(len(rows))
        if len(rows) > MAX_SUPPORT_CANDIDATES:
            partial = np.array(_rounded(totals(parts)))
            candidates = np.sort(np.argsort(-partial, kind="stable")[:MAX_SUPPORT_CANDIDATES])
        reports = int(doc_codes.max()) + 1
        for start in range(0, len(candidates), SUPPORT_CHUNK):
            chunk = candidates[start:start + SUPPORT_CHUNK]
            near_i, near_j = np.nonzero((block[chunk] @ block.T) >= SUPPORT_COSINE)
            tells = np.zeros((len(chunk), reports), dtype=bool)  # candidate x report: has a sentence this close
            tells[near_i, doc_codes[near_j]] = True
            tells[np.arange(len(chunk)), doc_codes[chunk]] = False  # its own report does not count
            parts["support"][chunk] = tells.sum(axis=1) / other_docs
    return parts


def totals(parts: dict[str, np.ndarray]) -> np.ndarray:
    """`total` of every sentence at once (the same arithmetic, unrounded)."""
    weighted = 0
    for name in WEIGHTS:
        weighted = weighted + WEIGHTS[name] * parts[name]
    return parts["length"] * weighted


def _rounded(values: np.ndarray) -> list[float]:
    return [round(value, 4) for value in values.tolist()]  # as `total` rounds (numpy's round can differ)


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


@dataclass(frozen=True)
class BriefContent:
    """What coverage is measured on, the same for every topic of one brief (`brief_content`): the
    sampled sentences (rows) and their weights, and the concepts (row -> concept ids, their weights)."""

    sample: np.ndarray
    weight: np.ndarray
    concept_of: Callable[[int], list[int]]
    concept_weight: np.ndarray
    published: Mapping[str, str | None] = field(default_factory=dict)  # report -> publication date, if known


def brief_content(sentences: list[Sentence], published: Mapping[str, str | None] | None = None) -> BriefContent:
    """Made once per brief and handed to every rank_topic: O(sentences), plus the concepts' word pairs.
    `published` (report id -> Document.date) lets same-fact merging tell events days apart."""
    sample, weight = coverage_sample(sentences)
    concept_of, concept_weight = concepts(sentences, sample)
    return BriefContent(sample, weight, concept_of, concept_weight, dict(published or {}))


def rank_topic(topic: int, rows: np.ndarray, vectors: np.ndarray, sentences: list[Sentence],
               source_numbers: dict[str, int], names: NameIndex, per_topic: int,
               content: BriefContent | None = None) -> RankedTopic:
    """The topic's statements, in the order chosen: each time the candidate worth most now (`_value`)
    among its best MAX_SUPPORT_CANDIDATES by score, merged with the same fact from other reports.
    Linear in the topic's size: candidates x at most COVERAGE_SAMPLE sentences. `content` is the
    brief's (brief_content(sentences)); given, it is not made again for every topic."""
    parts = score_sentences(rows, vectors, sentences)
    scores = _rounded(totals(parts))  # total(), by position in rows
    at = {row: i for i, row in enumerate(rows.tolist())}
    order = sorted(rows.tolist(), key=lambda r: (-scores[at[r]], sentences[r].doc_id, sentences[r].index))
    order_array = np.array(order, dtype=int)
    # a sentence of a few words is no statement ("Blood stained the floors." was a section of its own, audit 8): it
    # is a candidate only in a topic that has no longer one
    long_enough = np.array([len(sentences[r].text.split()) >= MIN_WORDS for r in order], dtype=bool)
    candidates = (order_array[long_enough] if long_enough.any() else order_array)[:MAX_SUPPORT_CANDIDATES]
    content = content or brief_content(sentences)
    cover, weight = _cover(vectors[candidates], vectors[content.sample]), content.weight
    if CONCEPT_SHARE:
        cover, weight = _with_concepts(cover, weight, candidates, content)
    quality = np.array([scores[at[r]] for r in candidates.tolist()])
    cost = np.array([max(len(sentences[r].text.split()), 1) for r in candidates.tolist()], dtype=float)
    covered = np.zeros(len(weight), dtype=np.float32)
    mass = float(weight.sum()) or 1.0
    same_fact = SameFact(sentences, names, content.published)
    used: set[int] = set()
    open_ = np.ones(len(candidates), dtype=bool)
    chosen: list[Statement] = []
    chosen_rows: list[int] = []  # every sentence the chosen statements stand for
    chosen_cover: list[np.ndarray] = []
    left = np.empty_like(cover)
    order_vectors = vectors[order_array]  # for _same_fact
    while len(chosen) < per_topic and open_.any():
        if chosen:  # what each candidate newly covers; changes only when a statement is chosen
            np.subtract(cover, covered, out=left)
            gains = np.maximum(left, 0.0, out=left) @ weight
        else:  # nothing covered yet (cover is never negative)
            gains = cover @ weight
        value = np.where(open_, _value(gains, quality, cost), -np.inf)
        best = -1
        for candidate in np.argsort(-value, kind="stable").tolist():  # ties: the higher score
            if not open_[candidate]:
                break
            open_[candidate] = False
            row = int(candidates[candidate])
            if row not in used and not (chosen_rows and
                                        (vectors[chosen_rows] @ vectors[row]).max() >= REDUNDANT_COSINE):
                best = candidate
                break
        if best < 0:
            break
        covered = np.maximum(covered, cover[best])
        same = _same_fact(row, order_array, order_vectors, used, vectors, sentences, same_fact)
        used.update(same)
        chosen_rows.extend(same)
        chosen_cover.append(cover[best])
        citations = sorted((Citation(source=source_numbers[sentences[r].doc_id], doc_id=sentences[r].doc_id,
                                     sentence=sentences[r].index, text=sentences[r].text) for r in same),
                           key=lambda c: c.source)
        why = {k: round(float(v[at[row]]), 4) for k, v in parts.items()}
        why["coverage"] = round(float(gains[best]) / mass, 4)
        chosen.append(Statement(text=_plainest(row, same, sentences), citations=tuple(citations),
                                score=scores[at[row]], topic=topic, why=why))
    source_count = len({sentences[r].doc_id for r in rows.tolist()})
    return RankedTopic(topic=topic, statements=tuple(chosen), source_count=source_count,
                       cover=np.array(chosen_cover, dtype=np.float32).reshape(len(chosen), len(weight)),
                       cover_weight=weight)


# a scare word a partisan copy adds to a wire sentence: Al-Alam's "The so-called Syrian Observatory for Human Rights said
# that 98 evacuees ...", Daily Sabah's copy without it (audit 8)
_SCARE_WORDS = re.compile(r"\bso-called\s+", re.I)


def _plainest(row: int, same: Sequence[int], sentences: Sequence[Sentence]) -> str:
    """The statement's text: its own sentence's, or, when that adds a scare word to a sentence another cited report
    tells as it is, that report's: the brief does not speak in one side's voice where a plain copy exists."""
    text = sentences[row].text
    if "so-called" not in text.lower():
        return text
    plain = _SCARE_WORDS.sub("", text)
    return next((sentences[r].text for r in same if sentences[r].text == plain), text)


def _with_concepts(cover: np.ndarray, weight: np.ndarray, candidates: np.ndarray,
                   content: BriefContent) -> tuple[np.ndarray, np.ndarray]:
    """Coverage of the sampled sentences and of the brief's concepts (`concepts`) side by side: a
    candidate covers a concept fully when it holds it; the weights scaled so that CONCEPT_SHARE of
    their sum is the concepts'. Same for every topic of a brief, so fit_word_budget compares them."""
    concept_of, concept_weight = content.concept_of, content.concept_weight
    if not len(concept_weight):
        return cover, weight
    held = np.zeros((len(candidates), len(concept_weight)), dtype=np.float32)
    for i, row in enumerate(candidates.tolist()):
        held[i, concept_of(row)] = 1.0
    weight = np.concatenate([weight * (1 - CONCEPT_SHARE) / (weight.sum() or 1.0),
                             concept_weight * CONCEPT_SHARE / concept_weight.sum()]).astype(np.float32)
    return np.hstack([cover, held]), weight


def _cover(candidates: np.ndarray, sample: np.ndarray) -> np.ndarray:
    """How much each candidate covers each sampled sentence: its cosine above COVERAGE_FLOOR, scaled to 0..1."""
    cover = candidates @ sample.T  # in place from here: the same arithmetic, without three temporaries
    cover -= COVERAGE_FLOOR
    cover /= 1.0 - COVERAGE_FLOOR
    return np.maximum(cover, 0.0, out=cover).astype(np.float32, copy=False)


def _value(gains: np.ndarray, quality: np.ndarray, cost: np.ndarray) -> np.ndarray:
    """What each candidate is worth now: the weighted content it newly covers, times its score, per
    word**COST_EXPONENT; a trace of its score orders the candidates once nothing is left to cover."""
    return gains * quality / cost ** COST_EXPONENT + 1e-6 * quality


def coverage_sample(sentences: list[Sentence]) -> tuple[np.ndarray, np.ndarray]:
    """The sentences (rows) coverage is measured on, every one or an even stride of COVERAGE_SAMPLE,
    and their weights: 1 / (1 + the sentence's place in its report, or in its headed part when the
    report is told in headed parts), so each report's lead, and each part's, weighs most, the way news
    is written. O(sentences)."""
    part_starts = passage_starts(sentences)
    step = -(-len(sentences) // COVERAGE_SAMPLE) or 1
    sample = np.arange(0, len(sentences), step)
    place = np.array([sentences[r].index - (part_starts[(sentences[r].doc_id, sentences[r].heading)]
                                            if sentences[r].heading is not None else 0) for r in sample.tolist()])
    weight = (1.0 / (1.0 + place)).astype(np.float32)
    return sample, weight


_PAIR_WORD = re.compile(r"[a-z0-9]+")


def _pairs(text: str) -> set[tuple[str, str]]:
    """The sentence's word pairs not made only of stopwords, lower case, a plural "s" cut (light stemming)."""
    words = _PAIR_WORD.findall(text.lower().replace("'s", "").replace("’s", ""))
    stems = [w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w for w in words]
    stop = [w in STOPWORDS for w in words]
    return {(a, b) for a, b, stop_a, stop_b in zip(stems, stems[1:], stop, stop[1:]) if not (stop_a and stop_b)}


def concepts(sentences: list[Sentence], sample: np.ndarray | None = None):
    """(row -> its concept ids, concept weights): the word pairs (not both stopwords) told by at least
    CONCEPT_MIN_REPORTS reports, each weighing the reports that tell it plus CONCEPT_LEAD_BONUS for each
    that tells it in a lead; the CONCEPT_LIMIT heaviest. Counted on coverage_sample's sentences and every
    lead (all sentences of a brief up to COVERAGE_SAMPLE), so it costs what coverage does whatever the
    input's size; word pairs found once per distinct sentence. `sample`: coverage_sample's, if made."""
    by_text: dict[str, set] = {}
    told: dict[str, set] = {}  # report -> the pairs it tells
    in_lead: dict[str, set] = {}  # report -> the pairs its leads tell
    part_starts = passage_starts(sentences)
    if sample is None:
        sample, _ = coverage_sample(sentences)
    counted = set(sample.tolist())
    counted.update(row for row, sentence in enumerate(sentences)
                   if sentence.index == part_starts[(sentence.doc_id, sentence.heading)])
    for row in sorted(counted):
        sentence = sentences[row]
        pairs = by_text.get(sentence.text)
        if pairs is None:
            pairs = by_text[sentence.text] = _pairs(sentence.text)
        told.setdefault(sentence.doc_id, set()).update(pairs)
        if sentence.index == part_starts[(sentence.doc_id, sentence.heading)]:
            in_lead.setdefault(sentence.doc_id, set()).update(pairs)
    reports, leads = Counter(), Counter()
    for pairs in told.values():
        reports.update(pairs)
    for pairs in in_lead.values():
        leads.update(pairs)
    kept = heapq.nsmallest(CONCEPT_LIMIT, ((-(count + CONCEPT_LEAD_BONUS * leads[pair]), pair)
                                           for pair, count in reports.items() if count >= CONCEPT_MIN_REPORTS))
    kept = [(-negative, pair) for negative, pair in kept]
    ids = {pair: i for i, (_, pair) in enumerate(kept)}
    weight = np.array([w for w, _ in kept], dtype=np.float32)
    per_text: dict[str, list[int]] = {}

    def concept_of(row: int) -> list[int]:
        text = sentences[row].text
        found = per_text.get(text)
        if found is None:
            pairs = by_text.get(text)
            found = per_text[text] = [ids[p] for p in (_pairs(text) if pairs is None else pairs) if p in ids]
        return found

    return concept_of, weight


class ContentWords:
    """`content_words` of sentences by row, worked out when first asked for, once per distinct text
    (ranking and the timeline need them for the few close pairs only)."""

    def __init__(self, sentences: Sequence[Sentence], names: NameIndex) -> None:
        self.sentences, self.names, self.known = sentences, names, {}

    def __getitem__(self, row: int) -> set[str]:
        text = self.sentences[row].text
        found = self.known.get(text)
        if found is None:
            found = self.known[text] = content_words(text, self.names)
        return found


def cite_across_topics(ranked: list[RankedTopic], vectors: np.ndarray, sentences: Sequence[Sentence],
                       source_numbers: Mapping[str, int], names: NameIndex,
                       published: Mapping[str, str | None] | None = None) -> list[RankedTopic]:
    """The chosen statements with every other report that tells the same fact cited too, wherever its sentence
    sits: rank_topic merges a statement with its own topic's sentences only, and the clustering can put another
    report's telling of the fact in a neighbouring topic (audit 5: "Russian air strikes had killed at least 14 civilians
    ... crossing the Euphrates" cited [6] only, while the timeline cited [2] and [5] for it). Nothing is chosen
    anew: only citations are added."""
    row_of = {(s.doc_id, s.index): row for row, s in enumerate(sentences)}
    shown = [(i, j, row) for i, topic in enumerate(ranked) for j, statement in enumerate(topic.statements)
             if (row := _own_row(statement, row_of)) is not None]
    if not shown:
        return ranked
    same_fact = SameFact(sentences, names, published)
    cosines = vectors @ vectors[[row for _i, _j, row in shown]].T  # sentences x statements
    statements = [list(topic.statements) for topic in ranked]
    # a sentence backs one statement: one the brief shows or cites already is not cited again
    used = {row_of[(c.doc_id, c.sentence)] for topic in ranked for statement in topic.statements
            for c in statement.citations if (c.doc_id, c.sentence) in row_of}
    for column, (i, j, row) in enumerate(shown):
        statement = statements[i][j]
        cited = {c.doc_id for c in statement.citations}
        close = np.flatnonzero(cosines[:, column] >= CROSS_TOPIC_COSINE)
        added = []
        for other in close[np.argsort(-cosines[close, column], kind="stable")].tolist():
            doc = sentences[other].doc_id
            if doc not in cited and other not in used and same_fact(row, other):
                cited.add(doc)
                used.add(other)
                added.append(Citation(source=source_numbers[doc], doc_id=doc, sentence=sentences[other].index,
                                      text=sentences[other].text))
        if added:
            statements[i][j] = replace(statement, citations=tuple(sorted((*statement.citations, *added),
                                                                         key=lambda c: c.source)))
    return [replace(topic, statements=tuple(kept)) for topic, kept in zip(ranked, statements)]


def _own_row(statement: Statement, row_of: Mapping[tuple[str, int], int]) -> int | None:
    """The row of the sentence the statement's text is (its citations are sorted by source, so not always the
    first)."""
    return next((row_of[(c.doc_id, c.sentence)] for c in statement.citations
                 if c.text == statement.text and (c.doc_id, c.sentence) in row_of), None)


def _same_fact(row: int, order: np.ndarray, order_vectors: np.ndarray, used: set[int], vectors: np.ndarray,
               sentences: list[Sentence], same_fact: SameFact) -> list[int]:
    """The sentence and, from each other report, its closest sentence that tells the same fact
    (`order_vectors`: vectors[order])."""
    cosines = order_vectors @ vectors[row]
    close = np.flatnonzero(cosines >= SAME_FACT_COSINE)
    # each report's closest sentence that tells it (ties: the first in `order`): tried closest first, so
    # most reports' sentences are read for one or two sentences, not for all their close ones
    found: dict[str, int] = {}
    for position in close[np.argsort(-cosines[close], kind="stable")].tolist():
        other = int(order[position])
        doc = sentences[other].doc_id
        if doc in found or other in used or doc == sentences[row].doc_id:
            continue
        if same_fact(row, other):
            found[doc] = other
    return [row] + list(found.values())


# where a statement's main claim ends: a semicolon, a dash, or a comma opening another clause
# (", and ...", ", while ...", ", including ...", ", killing ...")
_SIDE_CLAUSE = re.compile(r";|\s[–—]\s|,\s+(?:and|but|while|whereas|as|after|before|which|who|where|when|although|"
                          r"though|with|adding|saying|according|[a-z]+ing)\b")


def main_claim(text: str, names: NameIndex | None = None) -> str:
    """The statement's first clause: what it mainly says. Given `names`, a first clause of fewer than
    MIN_CLAIM_WORDS content words ("Large numbers of fighters, including ...") runs on to the next
    break, and the whole sentence is the claim when no clause is long enough."""
    for match in _SIDE_CLAUSE.finditer(text):
        claim = text[:match.start()]
        if names is None or len(content_words(claim, names)) >= MIN_CLAIM_WORDS:
            return claim
    return text


# who speaks, when a sentence opens by saying so: "France and Britain said on Wednesday that ...", "The Arab League
# called Wednesday on ..."
_OPENING_SPEAKER = re.compile(r"^(?P<who>(?:\S+\s+){0,8}?\S+?)\s+(?:(?:also|later|earlier|again|has|have|had)\s+)?"
                              r"(?:said|says|called|urged|told|announced|demanded|warned|stated|accused|asked|"
                              r"insisted|denied|claimed|condemned|blamed)\b")


_NOT_SPEAKER_WORDS = frozenset({"meanwhile", "however", "also", "then", "later", "earlier", "separately", "but",
                                "and", "yet", "still", "now"})


def speakers(text: str, names: NameIndex) -> frozenset[str]:
    """The content words of who the sentence opens by saying speaks ({"france", "britain"}), empty when it does
    not say or says only "he" or "they". Words, not names: "France Britain the United States" (its commas lost)
    is one run of names, and "Activists" opening a sentence is no name."""
    match = _OPENING_SPEAKER.match(text)
    if not match or "," in match.group("who"):
        return frozenset()
    return frozenset(word for word in content_words(match.group("who"), names)
                     if not word.startswith("@") and word not in _NOT_SPEAKER_WORDS)


class SameFact:
    """Whether another report's sentence tells the fact a statement tells, so that the statement may cite
    it: `same_fact(statement_row, other_row)`, for two rows whose cosine is SAME_FACT_COSINE or more.

    Close meaning is not enough: reports tell different events in the same words ("air raids on ...
    killed 58 civilians", "... killed 14 civilians", in 2014 and 2017). The other sentence must
      * share words: Jaccard of content words and names SAME_FACT_OVERLAP or more;
      * hold the statement's main claim: SAME_FACT_CLAIM of the content words of its first clause
        (`main_claim`), not only those of a side clause ("..., and engineering units are combing ...");
      * agree on counts: counts of one kind (killed civilians or people, wounded children ...) must
        allow one value; the figure the main claim leads with ("at least 112", "more than 2000 people", "98
        evacuees") must be told by the other too, not another toll, a vague "hundreds", or a toll it says was
        replaced (`counts_agree`);
      * agree on dates: when both give a resolved date their periods overlap ("earlier this week" ends the day
        before its report was written); otherwise their reports were published at most SAME_FACT_DAYS apart
        (unknown dates do not object);
      * agree on places: when both name places (event_context.named_places), they share one;
      * agree on who speaks: when both open by saying who speaks ("France and Britain said", "The Arab League
        called"), a word of it: a report telling what the Arab League asked does not say France asked it.
    The checks run cheapest first, and only for the few pairs that close, each text read once (its
    content words, main claim and places kept by text for the brief)."""

    def __init__(self, sentences: Sequence[Sentence], names: NameIndex,
                 published: Mapping[str, str | None] | None = None) -> None:
        self.sentences, self.names, self.published = sentences, names, published or {}
        self.words = ContentWords(sentences, names)
        self.claims: dict[str, tuple[set[str], int]] = {}  # text -> its main claim's content words, its end
        self.places: dict[str, PlaceReading] = {}  # text -> its place_reading
        self.speakers: dict[str, frozenset[str]] = {}  # text -> who it opens by saying speaks

    def __call__(self, row: int, other: int) -> bool:
        mine, theirs = self.sentences[row], self.sentences[other]
        if jaccard(self.words[row], self.words[other]) < SAME_FACT_OVERLAP:
            return False
        claim, claim_end = self._claim(row)
        if len(claim & self.words[other]) < SAME_FACT_CLAIM * len(claim):
            return False
        return (counts_agree(mine.text, theirs.text, claim_end)
                and self._speakers_agree(mine.text, theirs.text)
                and readings_agree(self._places(mine.text), self._places(theirs.text))
                and dates_agree(mine.text, self.published.get(mine.doc_id),
                                theirs.text, self.published.get(theirs.doc_id)))

    def agrees_but_wording(self, row: int, other: int) -> bool:
        """The checks of a call but its wording's: the two name an entity and a word of substance in common, their
        counts are near (`counts_near`: one event's tolls differ between reports), and their speakers, places and
        dates agree. For a telling whose own words differ but whose event is known another way (the
        timeline's vaguer date of a precisely dated event)."""
        mine, theirs = self.sentences[row], self.sentences[other]
        named = {w for w in self.words[row] & self.words[other] if w.startswith("@")}
        # and a word of substance in common besides names ("operation" in both tellings of the Al Qaim operation; not
        # "Aleppo" alone: "bombs ... killed at least 49 people over the weekend" in Aleppo and "97 rebel fighters ...
        # have died in combat in Aleppo since July 31")
        return (bool(named) and bool(_plain_words(mine.text) & _plain_words(theirs.text))
                and counts_near(mine.text, theirs.text)
                and self._speakers_agree(mine.text, theirs.text)
                and readings_agree(self._places(mine.text), self._places(theirs.text))
                and dates_agree(mine.text, self.published.get(mine.doc_id),
                                theirs.text, self.published.get(theirs.doc_id)))

    def _speakers_agree(self, mine: str, theirs: str) -> bool:
        mine_said, theirs_said = self._speakers(mine), self._speakers(theirs)
        return not (mine_said and theirs_said) or bool(mine_said & theirs_said)

    def _speakers(self, text: str) -> frozenset[str]:
        found = self.speakers.get(text)
        if found is None:
            found = self.speakers[text] = speakers(text, self.names)
        return found

    def _places(self, text: str) -> PlaceReading:
        found = self.places.get(text)
        if found is None:
            found = self.places[text] = place_reading(text, self.names)
        return found

    def _claim(self, row: int) -> tuple[set[str], int]:
        text = self.sentences[row].text
        found = self.claims.get(text)
        if found is None:
            claim = main_claim(text, self.names)
            words = content_words(claim, self.names) if claim != text else self.words[row]
            found = self.claims[text] = (words, len(claim))
        return found


def _count_kind(count: Count) -> tuple[str, str]:
    """What a count counts, with civilians and people one kind (reports say either for one toll)."""
    return count.outcome, "people" if count.who in ("people", "civilians") else count.who


def _same_toll(a: Count, b: Count) -> bool:
    """Two counts one toll can be told by: the numbers written are near ("at least 17" allows 58, but a report
    saying it does not say 58 were killed) and their ranges meet, or the same round figure is written with and
    without its bound ("more than 2000", "2000"); a vague word is told only by a vague word ("dozens" writes no 24)."""
    if (a.bound == "vague") != (b.bound == "vague"):
        return False
    meet = a.low <= (b.high if b.high is not None else a.low) and b.low <= (a.high if a.high is not None else b.low)
    near = abs(a.value - b.value) <= SAME_TOLL_SLACK * max(a.value, b.value)
    return near and (meet or a.value == b.value)


# a part of the toll before it: "at least 126 people including 68 children", "killed 86, 30 of them children"
_PART_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
                          r"(?:(?:at\s+least|more\s+than|about|some|nearly)\s+)?$", re.I)
_PART_AFTER = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)


def _counts_by_kind(text: str) -> dict[tuple[str, str], list[Count]]:
    """The counts a sentence tells now, by what they count (`_count_kind`)."""
    found: dict[tuple[str, str], list[Count]] = {}
    for count in _current_counts(text):
        found.setdefault(_count_kind(count), []).append(count)
    return found


def _current_counts(text: str) -> list[Count]:
    """counts(text), but for a toll the text says was replaced."""
    return [count for count in counts(text) if told_now(text, count.start)]


@lru_cache(maxsize=16384)  # a statement is compared with many sentences
def figures(text: str) -> tuple[Figure, ...]:
    """The numbers a sentence gives as the figures it tells now (quantities.figures): not a toll it says was
    replaced."""
    return tuple(figure for figure in quantity_figures(text) if told_now(text, figure.start))


def leading_figure(text: str, claim_end: int) -> Figure | None:
    """The figure a statement's main claim (its text up to `claim_end`) leads with, which a report cited for it must
    tell: its first count or number of people, a part of another aside ("including 68 children"). Only the first:
    "killed at least 16 people and wounded 40" is told by a report of the 16 killed that leaves out the wounded (its
    other figures must not be contradicted, which the counts of one kind see to)."""
    return next((figure for figure in figures(text) if figure.start < claim_end
                 and figure.people
                 and not _PART_BEFORE.search(text, max(0, figure.start - 40), figure.start)
                 and not _PART_AFTER.match(text, figure.end)), None)


def _tells(theirs: Sequence[Figure], figure: Figure) -> bool:
    """Whether another sentence's figures tell one: a count of its kind and value, or, where what one of the two
    counts is not known, the same number written (a vague "hundreds" only by "hundreds": it writes no number)."""
    def tells(their: Figure) -> bool:
        if figure.count is not None and their.count is not None:
            return _count_kind(figure.count) == _count_kind(their.count) and _same_toll(figure.count, their.count)
        return figure.value == their.value and figure.vague == their.vague

    return any(tells(their) for their in theirs)


def counts_agree(statement: str, other: str, claim_end: int | None = None) -> bool:
    """True unless the two sentences give counts of one kind that no single value satisfies, or the
    statement's main claim (its text up to `claim_end`) leads with a figure the other does not tell
    (`leading_figure`: a citation says "this report says this", and a reader clicks it to check the figure).
    A toll a sentence says was replaced ("updating a previous toll of 112") is not one it tells."""
    mine = _current_counts(statement)
    theirs = _counts_by_kind(other)

    def told(count: Count) -> bool:
        return any(_same_toll(count, their) for their in theirs.get(_count_kind(count), []))

    for kind, their_counts in theirs.items():
        alike = [count for count in mine if _count_kind(count) == kind]
        if alike and not any(told(count) for count in alike):
            return False  # "killed 58 civilians" and "killed 14 people": two tolls, two events
    if claim_end is None:
        return True
    # "one civilian was killed and three others were injured" is not told by a report of three injured (another
    # incident, two days before)
    leading = leading_figure(statement, claim_end)
    return leading is None or _tells(figures(other), leading)


NEAR_TOLL_SLACK = 0.25  # "some 80 people" and "at least 87 civilians" killed: one attack's tolls told apart


def counts_near(statement: str, other: str) -> bool:
    """True unless the two sentences give counts of one kind none of which is within NEAR_TOLL_SLACK of the other's:
    what one event's tolls allow when told by reports that differ ("some 80" and "at least 87" killed in the Khan
    Sheikhoun attack), not two incidents' ("15" and "72")."""
    theirs = _counts_by_kind(other)
    for count in _current_counts(statement):
        alike = theirs.get(_count_kind(count))
        if alike and not any(abs(count.value - their.value) <= NEAR_TOLL_SLACK * max(count.value, their.value)
                             for their in alike):
            return False
    return True


PlaceReading = tuple[frozenset[str], "str | None", frozenset[str]]  # places, the first of them, every entity


def place_reading(text: str, names: NameIndex) -> PlaceReading:
    """What `places_agree` needs of a text: the places it names, the first (most specific) of them,
    and every entity it names."""
    places = named_places(text, names)
    first = first_place(text, places, names) if places else None
    return places, first, frozenset(event_entity(name, names) for name in extract_names(text)) if places else frozenset()


def places_agree(statement: str, other: str, names: NameIndex) -> bool:
    """True unless both sentences name places and neither names the other's first, most specific, place
    ("Al-Quriyah southeast of Deir Ezzor" and "Boleel outside Deir Ezzor" share only the province).
    The other's place may be named without a place cue ("captured Deir Ezzor city")."""
    return readings_agree(place_reading(statement, names), place_reading(other, names))


def readings_agree(mine: PlaceReading, theirs: PlaceReading) -> bool:
    (my_places, my_first, my_entities), (their_places, their_first, their_entities) = mine, theirs
    if not my_places or not their_places:
        return True
    return their_first in my_places or my_first in their_places or my_first in their_entities or \
        their_first in my_entities


def dates_agree(statement: str, statement_published: str | None, other: str, other_published: str | None) -> bool:
    """True when any of the sentences' own resolved dates overlap, or, when one has none, when their reports
    were published at most SAME_FACT_DAYS apart; unknown dates do not object."""
    mine, theirs = _periods(statement, statement_published), _periods(other, other_published)
    if mine and theirs:  # any two meet: "The July 7 bombings ... on July 7, 2005" and "this day last year"
        return any(first <= their_last and their_first <= last
                   for first, last in mine for their_first, their_last in theirs)
    day, other_day = day_of(statement_published), day_of(other_published)
    return day is None or other_day is None or abs((day - other_day).days) <= SAME_FACT_DAYS


def event_date(sentence: Sentence | str, published: str | None) -> DateMention | None:
    """The date a sentence gives its event: the first resolved one, else the first as written."""
    return _event_date(sentence if isinstance(sentence, str) else sentence.text, published)


@lru_cache(maxsize=65536)  # a wire copy's sentence recurs, mostly in reports of the same day
def _event_mentions(text: str, published: str | None) -> tuple[DateMention, ...]:
    """The dates a sentence gives, durations aside: read once for the timeline and same-fact merging."""
    return tuple(m for m in dated(text, published) if m.precision != DURATION)


def _periods(text: str, published: str | None) -> list[tuple[dt.date, dt.date]]:
    """The periods of every date the sentence gives that could be resolved."""
    written = day_of(published)
    return [_period(m, written) for m in _event_mentions(text, published) if m.resolved and m.first and m.last]


def _period(mention: DateMention, written: dt.date | None) -> tuple[dt.date, dt.date]:
    """The mention's period, the days of writing aside when it says "earlier this week" (or month, year) or "later
    this week": dates.py reads either as the whole week, which met any day of it (audit 8: "a Twitter post earlier
    this week", told on a Thursday, was cited for "a message on Thursday")."""
    first, last = mention.first, mention.last
    if written is not None and mention.kind == "relative_unit":
        said = mention.text.lower()
        if said.startswith("earlier") and first < written:
            last = min(last, written - dt.timedelta(days=1))
        elif said.startswith("later") and written < last:
            first = max(first, written + dt.timedelta(days=1))
    return first, last


def _event_date(text: str, published: str | None) -> DateMention | None:
    mentions = [m for m in _event_mentions(text, published) if not _reference(m, text)]
    return next((m for m in mentions if m.resolved), mentions[0] if mentions else None)


# a date that only places what the sentence's event is compared with or answers, in the same clause: "a tragedy not
# seen since thousands of Iraqi Kurds were gassed ... at Halabja in 1988" (Fabius, in August 2013), "seeking backing
# for the strikes in response to an alleged chemical weapons attack near Damascus on August 21" (in September)
_REFERENCE = re.compile(r"\b(?:since(?!\s+(?:(?:early|late|mid|last|this|then|yesterday|the\s+(?:start|beginning|end))\b|"
                        rf"{WEEKDAY}\b|{MONTH_NAME}|\d))|"
                        r"in response to|in retaliation for|in reaction to|responding to|blamed for|responsibility for|"
                        r"in the wake of)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[.;:!?,]")
REFERENCE_REACH = 140  # characters before a date read for its cue


def _reference(mention: DateMention, text: str) -> bool:
    if mention.kind.startswith("since") or is_background(mention, text):
        return False  # "since the conflict began in March 2011" dates the war: background, shown when room is left
    # read a little past the date, so that "since Monday" is seen to be a date of its own
    for cue in _REFERENCE.finditer(text, max(0, mention.start - REFERENCE_REACH), mention.start + 20):
        if cue.end() > mention.start:
            return False
        if not _CLAUSE_BREAK.search(text, cue.end(), mention.start):
            return True
    return False


def fit_word_budget(ranked: list[RankedTopic], max_words: int,
                    weights: list[float] | None = None, report_count: int | None = None) -> list[RankedTopic]:
    """Choose the brief's statements, across topics, until `max_words`.

    When the topics carry their coverage (rank_topic's), greedily over all topics at once: the next
    statement is the one worth most now (`_value`), so a big topic told by every report gets several
    statements before a side story gets its first, and one that repeats what another topic's
    statement covered is worth little; its `why["coverage"]` becomes what it added to the brief.
    Each topic keeps its statements in its own order, and the topics their order. `weights` are not
    needed then (coverage weighs a topic by the reports and sentences it holds). A topic told by at
    least MAJOR_SHARE of the `report_count` reports first gets its statement worth most, whatever the
    others cover: at 1,000 reports the topic 819 of them told had been left without a line, its
    casualty figures counted as covered by another topic's.
    Otherwise the words are shared by `weights` the way seats are shared by D'Hondt: a topic's k-th
    statement bids weight / k, times its own score (with equal weights: round robin)."""
    if ranked and all(r.cover is not None and r.cover_weight is not None for r in ranked) and \
            all(np.array_equal(r.cover_weight, ranked[0].cover_weight) for r in ranked):
        return _greedy_budget(ranked, max_words, report_count)
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


def _greedy_budget(ranked: list[RankedTopic], max_words: int, report_count: int | None = None) -> list[RankedTopic]:
    pool = [(i, depth) for i, r in enumerate(ranked) for depth in range(len(r.statements))]
    taken: list[dict[int, float]] = [{} for _ in ranked]
    if pool:
        weight = ranked[0].cover_weight
        cover = np.stack([ranked[i].cover[depth] for i, depth in pool])
        quality = np.array([ranked[i].statements[depth].score for i, depth in pool])
        cost = np.array([max(len(ranked[i].statements[depth].text.split()), 1) for i, depth in pool], dtype=float)
        covered = np.zeros(len(weight), dtype=np.float32)
        open_ = np.ones(len(pool), dtype=bool)
        words_left, mass = max_words, float(weight.sum()) or 1.0
        topic_of = np.array([i for i, _ in pool])
        major = sorted((i for i, r in enumerate(ranked) if report_count and r.source_count >= MAJOR_SHARE * report_count),
                       key=lambda i: (-ranked[i].source_count, i))
        while True:
            open_ &= cost <= words_left
            if not open_.any():
                break
            gains = np.clip(cover - covered, 0.0, None) @ weight
            allowed = open_  # a major topic's turn first; one whose statements no longer fit gives it up
            while major:
                theirs = open_ & (topic_of == major.pop(0))
                if theirs.any():
                    allowed = theirs
                    break
            best = int(np.argmax(np.where(allowed, _value(gains, quality, cost), -np.inf)))
            open_[best] = False
            covered = np.maximum(covered, cover[best])
            words_left -= int(cost[best])
            i, depth = pool[best]
            taken[i][depth] = round(float(gains[best]) / mass, 4)
    return [RankedTopic(r.topic, tuple(replace(s, why={**s.why, "coverage": t[d]})
                                       for d, s in enumerate(r.statements) if d in t), r.source_count)
            for r, t in zip(ranked, taken)]
