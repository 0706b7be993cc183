"""The same article reaching us twice is counted once.

Two feeds, a URL and its saved copy, a wire story reprinted under a new headline: their texts
share nearly all their word 5-grams. The first report met is kept; the others' outlets go to
its `also_published_by`.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
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
    index: dict[int, list[int]] = defaultdict(list)
    for i, grams in enumerate(shingles):
        if parent[i] == i:  # so 500 copies of one story do not make its 5-grams look like boilerplate
            for gram in grams:
                index[gram].append(i)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, grams in enumerate(shingles):
        if parent[i] != i:
            continue  # a word-for-word copy, already counted
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            holders = index[gram]
            if len(holders) > _COMMON:
                continue
            for j in holders:
                if j < i:
                    shared[j] += 1
        for j, count in shared.items():
            smaller = min(len(grams), len(shingles[j]))
            if smaller and count / smaller >= similarity:
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
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[k:k + SHINGLE_WORDS]).encode())
            for k in range(len(words) - SHINGLE_WORDS + 1)}
