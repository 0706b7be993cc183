"""Names a report uses (places, groups, people), and a folded key that joins spelling variants.

Names are capitalised spans ("Deir ez-Zor", "Syrian Democratic Forces") and acronyms ("SDF").
The folded key drops case, accents, hyphens, spaces and Arabic article particles and collapses
doubled letters, so that "Deir Ezzor" and "Deir ez-Zor", or "Al Bukamal" and "Albu Kamal",
fold alike. Clustering compares names by character n-grams of these keys, so that variants the
fold misses ("Deir al-Zour") still come out close.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

# capitalised words that open sentences or name no one
_COMMON = set("""
a an and as at but by for from in into it its of on or the this that these those to with
he she they we i you his her their our after before during since while when where which who
meanwhile both across shortly large troops units some several many most more other another
according however also although although if then there here
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
mr mrs ms dr gen maj col lt sgt
""".split())
_PARTICLES = ("al", "el", "ez", "az", "ad", "as", "ash", "ar", "an", "at", "ad", "ed")
_CONNECTORS = {"of", "al", "el", "ez", "az", "ad", "as", "ash", "ar", "an", "bin", "ibn", "abu", "de", "du", "la"}
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*\.?")


@lru_cache(maxsize=65536)
def extract_names(text: str) -> tuple[str, ...]:
    """Capitalised spans and acronyms, in the order they appear."""
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    names: list[str] = []
    span: list[str] = []

    def close() -> None:
        while span and span[-1].lower() in _CONNECTORS:
            span.pop()
        while span and span[0].lower() in _COMMON:
            span.pop(0)
        if span:
            names.append(" ".join(span).rstrip(".").removesuffix("’s").removesuffix("'s"))
        span.clear()

    for i, (token, start) in enumerate(tokens):
        word = token.rstrip(".")
        capital = word[:1].isupper() or word[:3].lower() in ("al-", "ez-", "el-", "az-", "ad-", "as-")
        if capital and word.lower() not in _COMMON | {"the"} or (span and word.lower() in _CONNECTORS):
            if span and _gap(text, tokens[i - 1], start):
                close()
            possessive = word.endswith(("’s", "'s"))
            span.append(word[:-2] if possessive else word)
            if token.endswith(".") or possessive:
                close()
        else:
            close()
    close()
    return tuple(name for name in names if len(name) > 1 and name.lower() not in _COMMON)


def _gap(text: str, previous: tuple[str, int], start: int) -> bool:
    """True when punctuation (not just a space) separates two tokens."""
    between = text[previous[1] + len(previous[0]):start]
    return between.strip() != ""


def fold(name: str) -> str:
    """A spelling-insensitive key: 'Deir ez-Zor' -> 'deirzor', 'Albu Kamal' -> 'albukamal'."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = plain.replace("’", "'").removesuffix("'s")
    words = [w for w in re.split(r"[\s\-'`]+", plain) if w]
    kept = [w for w in words if not (w in _PARTICLES and len(words) > 1)]
    if len(kept) > 1 and kept[0].startswith("al") and len(kept[0]) <= 4:
        kept[0] = kept[0][2:]  # "Albu Kamal" is "Al Bu Kamal": the article is glued on
    key = "".join(kept)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key


def name_counts(texts: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(fold(name) for name in extract_names(text))
    return counts


def surface_forms(texts: list[str]) -> dict[str, Counter[str]]:
    """For each folded key, how often each spelling occurs."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for name in extract_names(text):
            forms.setdefault(fold(name), Counter())[name] += 1
    return forms


# aliases no spelling rule can derive; every name of a row is one entity (the first is shown)
ALIASES: tuple[tuple[str, ...], ...] = (
    ("ISIS", "Islamic State", "ISIL", "Daesh", "Daish", "IS", "Islamic State of Iraq and Syria",
     "Islamic State of Iraq and the Levant"),
    ("United States", "U.S.", "US", "USA", "U.S.A.", "America"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("Syrian Democratic Forces", "SDF"),
    ("Popular Mobilization Units", "PMU", "Hashd al-Shaabi", "Popular Mobilisation Forces", "PMF",
     "Hashd"),
    ("Syrian Arab Army", "SAA"),
    ("Counter Terrorism Service", "CTS", "Counter-Terrorism Service", "Counter-Terrorism Services"),
    ("Syrian Arab News Agency", "SANA"),
    ("Hezbollah", "Hizbollah", "Hizbullah"),
    ("Al Qaeda", "al-Qaida", "Al-Qaeda"),
    ("Jabhat al-Nusra", "Nusra Front", "al-Nusra Front", "Jabhat Fateh al-Sham"),
)
_ACRONYM_DEFINITION = re.compile(r"((?:[A-Z][\w’'\-]+\s+){1,7}?[A-Z][\w’'\-]+)\s*\(([A-Z][A-Za-z.]{1,8})\)")
SIMILAR = 88  # rapidfuzz ratio of two folded keys at or above which they are one name
_HARD_NEGATIVES = {frozenset(p) for p in (("homs", "hama"), ("raqa", "ramadi"), ("qaim", "qaeda"),
                                          ("alepo", "afrin"), ("iraq", "iran"), ("iraqi", "irani"))}


class NameIndex:
    """Groups the names found in a set of texts into entities, each with one shown spelling."""

    def __init__(self, texts: list[str], aliases: tuple[tuple[str, ...], ...] = ALIASES):
        self._parent: dict[str, str] = {}
        forms = surface_forms(texts)
        self.counts: Counter[str] = Counter({key: sum(c.values()) for key, c in forms.items()})
        for row in aliases:
            for name in row[1:]:
                self._union(fold(row[0]), fold(name))
        for text in texts:
            for long_form, acronym in _ACRONYM_DEFINITION.findall(text):
                initials = "".join(w[0] for w in re.split(r"[\s\-]+", long_form) if w[:1].isupper())
                if initials.upper().endswith(acronym.replace(".", "").upper()):
                    words = long_form.split()[-len(acronym.replace(".", "")):]
                    self._union(fold(" ".join(words)), fold(acronym))
        self._join_similar(sorted(k for k in forms if len(k) >= 4))
        self._forms = forms
        self._alias_display = {fold(row[0]): row[0] for row in aliases}
        self._shown: dict[str, str] | None = None

    def _join_similar(self, keys: list[str]) -> None:
        """Join keys that differ by a letter or two; compared in C, within the same first letter."""
        from rapidfuzz import fuzz, process

        by_initial: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            by_initial[key[0]].append(key)
        for group in by_initial.values():
            if len(group) < 2:
                continue
            scores = process.cdist(group, group, scorer=fuzz.ratio, score_cutoff=SIMILAR, dtype="uint8")
            for i, j in zip(*scores.nonzero()):
                if i < j and frozenset((group[i], group[j])) not in _HARD_NEGATIVES:
                    self._union(group[i], group[j])

    def _find(self, key: str) -> str:
        root = key
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        self._parent[key] = root
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def entity(self, name: str) -> str:
        """The entity key of a name as written."""
        return self._find(fold(name))

    def entities(self, text: str) -> list[str]:
        return [self.entity(name) for name in extract_names(text)]

    def display(self, entity: str) -> str:
        """The spelling to show: the most frequent one in the input (ties: the longer)."""
        if self._shown is None:
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for key, forms in self._forms.items():
                counts[self._find(key)].update(forms)
            self._shown = {root: max(c, key=lambda form: (c[form], len(form), form)) for root, c in counts.items()}
        return self._shown.get(entity) or self._alias_display.get(entity, entity)
