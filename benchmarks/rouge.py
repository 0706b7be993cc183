"""ROUGE-1, ROUGE-2 and ROUGE-L scored the way ROUGE-1.5.5 does with `-f A -l N`.

  * `-l N`: every summary, the references too, is cut to its first N words (split on white space)
    before it is tokenised;
  * `-f A` (model average): with several references, matched n-grams and reference n-grams are
    summed over all references before dividing (the `rouge-score` package's own multi-reference
    mode keeps the best single reference instead); precision divides the same matches by the
    summary's n-grams counted once per reference;
  * ROUGE-L is ROUGE-1.5.5's summary-level score: for each reference sentence, the union of its
    longest common subsequences with every summary sentence, clipped by token counts;
  * tokens come from `rouge-score` itself (lower case, letters and digits only, Porter stemming on).
F is the harmonic mean (ROUGE-1.5.5's default alpha 0.5). Scores are in percent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rouge_score.tokenizers import DefaultTokenizer

_TOKENIZER = DefaultTokenizer(use_stemmer=True)


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0


def cut_words(sentences: Sequence[str], limit: int) -> list[str]:
    """The sentences, cut so that they hold at most `limit` white-space words in all."""
    kept, left = [], limit
    for sentence in sentences:
        words = sentence.split()
        if not words:
            continue
        if left <= 0:
            break
        kept.append(" ".join(words[:left]))
        left -= len(words)
    return kept


def tokens(sentence: str) -> list[str]:
    return _TOKENIZER.tokenize(sentence)


def _ngrams(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def rouge_n(summary: list[list[str]], references: list[list[list[str]]], n: int) -> Score:
    ours = _ngrams([w for s in summary for w in s], n)
    hits = total_ref = total_ours = 0
    for reference in references:
        theirs = _ngrams([w for s in reference for w in s], n)
        hits += sum((ours & theirs).values())
        total_ref += sum(theirs.values())
        total_ours += sum(ours.values())
    return Score(100 * hits / total_ref if total_ref else 0.0, 100 * hits / total_ours if total_ours else 0.0)


def _lcs_positions(a: list[str], b: list[str]) -> set[int]:
    """Indices in `a` of one longest common subsequence of a and b."""
    rows, cols = len(a), len(b)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows):
        for j in range(cols):
            table[i + 1][j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], table[i + 1][j])
    out, i, j = set(), rows, cols
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.add(i - 1)
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return out


def rouge_l(summary: list[list[str]], references: list[list[list[str]]]) -> Score:
    ours_counts = Counter(w for s in summary for w in s)
    ours_total = sum(ours_counts.values())
    hits = total_ref = total_ours = 0
    for reference in references:
        theirs_counts = Counter(w for s in reference for w in s)
        left_ours, left_theirs = Counter(ours_counts), Counter(theirs_counts)
        for ref_sentence in reference:
            union: set[int] = set()
            for sentence in summary:
                union |= _lcs_positions(ref_sentence, sentence)
            for position in sorted(union):
                word = ref_sentence[position]
                if left_ours[word] > 0 and left_theirs[word] > 0:
                    hits += 1
                    left_ours[word] -= 1
                    left_theirs[word] -= 1
        total_ref += sum(theirs_counts.values())
        total_ours += ours_total
    return Score(100 * hits / total_ref if total_ref else 0.0, 100 * hits / total_ours if total_ours else 0.0)


def score(summary_sentences: Sequence[str], reference_sentences: Sequence[Sequence[str]],
          words: int = 250) -> dict[str, Score]:
    """{'rouge1', 'rouge2', 'rougeL'} of one summary (its sentences) against its references."""
    summary = [tokens(s) for s in cut_words(summary_sentences, words)]
    references = [[tokens(s) for s in cut_words(ref, words)] for ref in reference_sentences]
    return {"rouge1": rouge_n(summary, references, 1), "rouge2": rouge_n(summary, references, 2),
            "rougeL": rouge_l(summary, references)}
