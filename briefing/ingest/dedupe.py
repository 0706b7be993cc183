"""The same article reaching us twice is counted once.

Two feeds, a URL and its saved copy, a wire story reprinted under a new headline: their texts
share nearly all their word 5-grams. The first report met is kept; the others' outlets go to
its `also_published_by`. A near-copy that gives other casualty counts ("Three people died" for "Two
people died") is no copy: it is the story updated, and both are kept for "Where sources differ".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

import numpy as np

from ..model import Document

SHINGLE_WORDS = 5
SIMILARITY = 0.8  # share of the shorter text's 5-grams found in the other
_COMMON = 50  # a 5-gram in more reports than this is boilerplate, not evidence of a copy


def collapse_duplicates(documents: Sequence[Document], similarity: float = SIMILARITY,
                        misdated: Callable[[Document], bool] | None = None
                        ) -> tuple[list[Document], list[tuple[Document, Document]]]:
    """The documents without their copies (order kept), and (copy, kept) pairs. Of a group of copies the first is
    kept, unless `misdated` says its own text contradicts its date and another copy's does not: then that one, in the
    first's place (FA-KES: of two Daily Sabah copies opening "Published July 27 2016", the one dated 10 July was
    kept and the 27 July one dropped, and the timeline put the bombing three weeks early)."""
    owner, gram, sizes = _shingle_table([d.text for d in documents])
    parent = list(range(len(documents)))
    first_with: dict[bytes, int] = {}
    bounds = np.searchsorted(owner, np.arange(len(documents) + 1)).tolist()
    for i in range(len(documents)):  # word-for-word copies first, however many there are
        if sizes[i]:
            parent[i] = first_with.setdefault(gram[bounds[i]:bounds[i + 1]].tobytes(), i)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = [i for i in range(len(documents)) if parent[i] == i]
    tolls: dict[int, frozenset] = {}
    for i, j in _near_copies(rows, owner, gram, sizes, similarity):
        if _tolls(documents[i].text, i, tolls) != _tolls(documents[j].text, j, tolls):
            continue  # the story again with a toll changed: an update, which "Where sources differ" shows
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the first met stays the group's report

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        groups[root(i)].append(i)
    kept, pairs = [], []
    for i in range(len(documents)):
        if root(i) != i:
            continue
        chosen = i
        if misdated is not None and len(groups[i]) > 1 and misdated(documents[i]):
            chosen = next((j for j in groups[i] if not misdated(documents[j])), i)
        document = documents[chosen]
        copies = [documents[j] for j in groups[i] if j != chosen]
        pairs.extend((copy, document) for copy in copies)
        names = _publishers(document, copies)
        kept.append(replace(document, also_published_by=names) if names else document)
    return kept, pairs


def _tolls(text: str, row: int, known: dict[int, frozenset]) -> frozenset:
    """The casualty counts a text gives (what, who, how many): read only for near-copies, once each."""
    found = known.get(row)
    if found is None:
        from ..quantities import counts

        sentences = re.split(r"(?<=[.!?])\s+", text)
        found = known[row] = frozenset((c.outcome, c.who, c.low, c.high) for s in sentences for c in counts(s))
    return found


def _near_copies(rows: list[int], owner: np.ndarray, gram: np.ndarray, sizes: np.ndarray,
                 similarity: float) -> list[tuple[int, int]]:
    """Pairs of reports (of rows) sharing at least `similarity` of the shorter one's 5-grams.

    The shared counts are one sparse product of the report-by-5-gram matrix with itself, so only
    pairs that share a 5-gram are ever counted; 5-grams in more than _COMMON reports (boilerplate,
    or the one story the input is about) are left out, which also bounds the product's size."""
    from scipy import sparse

    rows = [i for i in rows if sizes[i]]
    if len(rows) < 2:
        return []
    row_of = np.full(len(sizes), -1)
    row_of[rows] = np.arange(len(rows))
    row = row_of[owner]
    among = row >= 0
    row, column = row[among], gram[among]
    reports = np.bincount(column)[column]
    informative = (reports > 1) & (reports <= _COMMON)  # in one report only: no pair to count it for
    row, column = row[informative], column[informative]
    starts = np.searchsorted(row, np.arange(len(rows) + 1))  # rows are in order
    matrix = sparse.csr_matrix((np.ones(len(row), dtype=np.int32), column, starts),
                               shape=(len(rows), int(gram.max()) + 1))
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    row_sizes = sizes[rows]
    copies = shared.data / np.minimum(row_sizes[shared.row], row_sizes[shared.col]) >= similarity
    return [(rows[a], rows[b]) for a, b in zip(shared.row[copies].tolist(), shared.col[copies].tolist())]


def publisher(document: Document) -> str:
    """The outlet, else the web site, else the file or id: how a copy is named in the sources list."""
    if document.outlet:
        return document.outlet
    if document.url:
        host = urlsplit(document.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return document.path or document.id


def _publishers(kept: Document, copies: Sequence[Document]) -> tuple[str, ...]:
    names: dict[str, str] = {}
    own = publisher(kept).casefold()
    for name in (*getattr(kept, "also_published_by", ()), *(publisher(c) for c in copies)):
        if name.casefold() != own:
            names.setdefault(name.casefold(), name)
    return tuple(names.values())


def _shingle_table(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every text's distinct word 5-grams (a text of fewer words: its words as one), all texts at once:
    (text, 5-gram) pairs sorted by text then 5-gram, the 5-grams numbered from 0, and each text's count.

    Words are runs of `\\w` characters of the casefolded text, as `re.findall(r"\\w+")` finds them; a
    word is a 64-bit polynomial hash of its characters, a 5-gram a hash of its five words (stable
    within a run, which is all this needs), so no word is ever made a Python string."""
    none = np.zeros(0, dtype=np.int64)
    if not texts:
        return none, none, none
    words, text_of = [], []
    folded = [text.casefold() for text in texts]
    start = 0
    while start < len(folded):  # a few texts at a time: a bounded working set
        end, size = start + 1, len(folded[start])
        while end < len(folded) and size + len(folded[end]) < _CHUNK_CHARACTERS:
            size += len(folded[end])
            end += 1
        found, owner = _word_hashes(folded[start:end])
        words.append(found)
        text_of.append(owner + start)
        start = end
    word, text_of = np.concatenate(words), np.concatenate(text_of)
    counts = np.bincount(text_of, minlength=len(texts))
    with np.errstate(over="ignore"):
        n = max(len(word) - SHINGLE_WORDS + 1, 0)
        gram = sum((word[k:k + n] * _FACTORS[k] for k in range(SHINGLE_WORDS)), np.zeros(n, dtype=np.uint64))
        whole = text_of[:n] == text_of[SHINGLE_WORDS - 1:]  # not across two texts
        gram, owner = _mix(gram[whole]), text_of[:n][whole]
        short = np.flatnonzero((counts > 0) & (counts < SHINGLE_WORDS)).tolist()
        if short:  # a text of one to four words: its words as one 5-gram of their own
            first = (np.cumsum(counts) - counts).tolist()
            extra = [sum((word[first[i] + k] * _FACTORS[k] for k in range(counts[i])), _SHORT[counts[i]])
                     for i in short]
            gram = np.concatenate([gram, _mix(np.array(extra, dtype=np.uint64))])
            owner = np.concatenate([owner, short])
    if not len(gram):
        return none, none, np.zeros(len(texts), dtype=np.int64)
    order = np.argsort(gram)
    ordered = gram[order]
    new = np.empty(len(gram), dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    number = np.empty(len(gram), dtype=np.int64)
    number[order] = np.cumsum(new) - 1
    numbers = int(number.max()) + 1
    pairs = np.sort(owner * numbers + number)  # by text, then 5-gram
    pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])]  # once each
    owner, number = np.divmod(pairs, numbers)
    return owner, number, np.bincount(owner, minlength=len(texts))


def _word_hashes(folded: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The hash of every word of the (casefolded) texts, in order, and the text (its index) of each."""
    joined = "\n" + "\n".join(folded) + "\n"  # a non-word character before, between and after
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    is_word = _ASCII_WORD.take(codes.view(np.uint8)[::4])  # by the low byte; the wider ones next
    wide = np.flatnonzero(codes > 127)
    if len(wide):
        found, where = np.unique(codes[wide], return_inverse=True)
        is_word[wide] = np.array([_is_word_char(c) for c in found.tolist()], dtype=bool)[where]
    edges = np.flatnonzero(is_word[1:] != is_word[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    with np.errstate(over="ignore"):
        prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
        np.cumsum(codes * _powers(_P, len(codes)), out=prefix[1:])  # the sum of c_j P^j for j < i
        # a word's c_j P^j brought back to P^0 at its start: the same word anywhere, the same hash
        word = _mix((prefix[ends] - prefix[starts]) * _powers(_P_INVERSE, len(codes), starts))
    text_starts = np.cumsum([1] + [len(f) + 1 for f in folded[:-1]])
    return word, np.searchsorted(text_starts, starts, side="right") - 1


_CHUNK_CHARACTERS = 1 << 18  # characters at a time: arrays small enough to stay in the cache
_ASCII_WORD = np.array([chr(c).isalnum() or c == 0x5F for c in range(128)] + [False] * 128)
_P = 0x100000001B3
_P_INVERSE = pow(_P, -1, 2**64)
_FACTORS = [np.uint64(f) for f in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                                   0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)]
_SHORT = [np.uint64(f) for f in (0, 0x27D4EB2F165667C5, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
                                 0x85EBCA77C2B2AE63)]


def _is_word_char(code: int) -> bool:
    """What `\\w` matches in a str pattern: an alphanumeric character (str.isalnum) or "_"."""
    return chr(code).isalnum() or code == 0x5F


def _powers(base: int, n: int, exponents: np.ndarray | None = None) -> np.ndarray:
    """base^0 .. base^(n-1) modulo 2^64, or base^e for each of `exponents` (each below n)."""
    step = 1 << 11
    with np.errstate(over="ignore"):
        low = np.cumprod(np.array([1] + [base] * (step - 1), dtype=np.uint64))
        high = np.cumprod(np.array([1] + [pow(base, step, 2**64)] * (-(-n // step) - 1), dtype=np.uint64))
        if exponents is None:
            return np.multiply.outer(high, low).ravel()[:n]
        return high[exponents >> 11] * low[exponents & (step - 1)]


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every bit of a hash depends on every bit of its input."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))
