"""The same article reaching us twice is counted once.

Two feeds, a URL and its saved copy, a wire story reprinted under a new headline: their texts
share nearly all their word 5-grams. The first report met is kept; the others' outlets go to
its `also_published_by`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain
from urllib.parse import urlsplit

from ..model import Document

SHINGLE_WORDS = 5
SIMILARITY = 0.8  # share of the shorter text's 5-grams found in the other
_COMMON = 50  # a 5-gram in more reports than this is boilerplate, not evidence of a copy
_WORD = re.compile(r"\w+")


def collapse_duplicates(documents: Sequence[Document], similarity: float = SIMILARITY
                        ) -> tuple[list[Document], list[tuple[Document, Document]]]:
    """The documents without their copies (order kept), and (copy, kept) pairs."""
    shingles = [_shingles(d.text) for d in documents]
    parent = list(range(len(documents)))
    first_with: dict[frozenset[int], int] = {}
    for i, grams in enumerate(shingles):  # word-for-word copies first, however many there are
        if grams:
            parent[i] = first_with.setdefault(frozenset(grams), i)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _near_copies([i for i in range(len(documents)) if parent[i] == i], shingles, similarity):
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the first met stays the group's report

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        groups[root(i)].append(i)
    kept, pairs = [], []
    for i, document in enumerate(documents):
        if root(i) != i:
            continue
        copies = [documents[j] for j in groups[i][1:]]
        pairs.extend((copy, document) for copy in copies)
        names = _publishers(document, copies)
        kept.append(replace(document, also_published_by=names) if names else document)
    return kept, pairs


def _near_copies(rows: list[int], shingles: list[set[int]], similarity: float) -> list[tuple[int, int]]:
    """Pairs of reports (of rows) sharing at least `similarity` of the shorter one's 5-grams.

    The shared counts are one sparse product of the report-by-5-gram matrix with itself, so only
    pairs that share a 5-gram are ever counted; 5-grams in more than _COMMON reports (boilerplate,
    or the one story the input is about) are left out, which also bounds the product's size."""
    import numpy as np
    from scipy import sparse

    rows = [i for i in rows if shingles[i]]
    if len(rows) < 2:
        return []
    sizes = np.array([len(shingles[i]) for i in rows])
    grams = np.fromiter(chain.from_iterable(shingles[i] for i in rows), dtype=np.int64, count=int(sizes.sum()))
    owner = np.repeat(np.arange(len(rows)), sizes)
    _, column = np.unique(grams, return_inverse=True)
    informative = np.bincount(column)[column] <= _COMMON
    matrix = sparse.csr_matrix((np.ones(int(informative.sum()), dtype=np.int32),
                                (owner[informative], column[informative])), shape=(len(rows), int(column.max()) + 1))
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    copies = shared.data / np.minimum(sizes[shared.row], sizes[shared.col]) >= similarity
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


def _shingles(text: str) -> set[int]:
    """Hashes of the text's word 5-grams (Python's hash: stable within a run, which is all this needs)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {hash(tuple(words))} if words else set()
    return set(map(hash, zip(*(words[k:] for k in range(SHINGLE_WORDS)))))
