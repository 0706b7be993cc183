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
according however also although although if then there here mostly mainly largely nearly almost only even still
monday tuesday wednesday thursday friday saturday sunday
mondays tuesdays wednesdays thursdays fridays saturdays sundays
january february march april may june july august september october november december
mr mrs ms dr gen maj col lt sgt
""".split())
_COMMON_OR_THE = _COMMON | {"the"}
_PARTICLES = ("al", "el", "ez", "az", "ad", "as", "ash", "ar", "an", "at", "ad", "ed")
# nouns a letter names ("Camp X", "Plan B", "Area C"): the letter ends the name, it is no middle initial
_LETTERED = {"camp", "plan", "area", "zone", "sector", "building", "gate", "route", "phase", "block", "group", "team",
             "type", "stage", "wing", "unit", "base", "point", "line", "category", "level", "section", "part", "annex",
             "article", "item", "option", "grade", "class", "company", "division", "hall", "tower", "road", "exit",
             "corridor", "checkpoint", "hangar", "platform", "terminal", "ward", "district"}
_CONNECTORS = {"of", "al", "el", "ez", "az", "ad", "ash", "ar", "an", "bin", "ibn", "abu", "de", "du", "la"}
_LOST_POSSESSIVES = {c.lower() + "s" for c in ("Syria", "Iraq", "Russia", "Turkey", "Iran", "Lebanon", "Israel",
                                                "America", "Britain", "Egypt", "Jordan", "Yemen", "Idlib", "Aleppo")}
_DETACHED_PARTICLE = re.compile(r"\b(al|el|ez|az|ad|as|ash|ar|an|at|ed)- (?=\w)", re.I)
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:[^aeiou]i|ian|ese|ish)$")  # "Syrian", "Iraqi": not a given name
_TOKENS = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*\.?)")  # a word, as split keeps it
_ARTICLES = ("al-", "ez-", "el-", "az-", "ad-", "as-")


@lru_cache(maxsize=65536)
def extract_names(text: str) -> tuple[str, ...]:
    """Capitalised spans and acronyms, in the order they appear."""
    names: list[str] = []
    span: list[str] = []

    def close() -> None:
        while span and span[-1].lower() in _CONNECTORS:
            span.pop()
        while span and span[0].lower() in _COMMON:
            span.pop(0)
        if span:
            name = " ".join(span).rstrip(".").removesuffix("’s").removesuffix("'s")
            names.append(_DETACHED_PARTICLE.sub(r"\1-", name))  # "al- Mayadin" is "al-Mayadin"
        span.clear()

    # the tokens at the odd places, each after what stands between it and the token before (one split, no match
    # objects: most of the 226,000 tokens of 1,000 reports are small words that only close a name)
    parts = _TOKENS.split(text)
    for k in range(1, len(parts), 2):
        token = parts[k]
        if not span and token[0].islower() and token[2:3] != "-" and token[-1] not in "sS.":
            continue  # a small word outside a name opens none: no article's name ("al-Bab"), no lost possessive
        word = token.rstrip(".")
        lower = word.lower()
        if lower in _LOST_POSSESSIVES:  # "Syrias Idlib": a possessive whose apostrophe was lost
            close()
            names.append(word[:-1])
        elif (word[0].isupper() or lower[:3] in _ARTICLES) and lower not in _COMMON_OR_THE \
                or (span and lower in _CONNECTORS):
            if span and parts[k - 1].strip():  # punctuation, not just a space, between them
                close()
            possessive = word.endswith(("’s", "'s"))
            # a middle initial goes on with its name ("George W. Bush"); a lone capital and its full
            # stop ("U.S.", "... in Area B.") closes it, as a name's last word and its full stop do
            initial = len(word) == 1 and word.isupper() and token.endswith(".") and any(len(w) > 2 for w in span) \
                and span[-1].lower() not in _LETTERED  # "Camp X. Rebels fled": a lettered place, then a new sentence
            span.append(token if initial else word[:-2] if possessive else word)
            if (token.endswith(".") and not initial) or possessive:
                close()
        elif span:
            close()
    close()
    return tuple(name for name in names if len(name) > 1 and name.lower() not in _COMMON)


# letters a case-insensitive pattern matches as ASCII ones ("air ſtrike" as "air strike", "İdlib" as "idlib", "kılled"
# as "killed") but that lower() keeps apart: a word a pattern found must be looked up by this key
_MATCHED_AS_ASCII = str.maketrans({"ſ": "s", "ı": "i", "\u0307": None})  # (lower() makes the Kelvin sign k)


def match_key(words: str) -> str:
    """Words found by a case-insensitive pattern, as the lower-case ASCII words it was written with."""
    return words.lower().translate(_MATCHED_AS_ASCII)


@lru_cache(maxsize=65536)  # a name recurs in hundreds of sentences; entity() folds each time
def fold(name: str) -> str:
    """A spelling-insensitive key: 'Deir ez-Zor' -> 'deirzor', 'Albu Kamal' -> 'albukamal'."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = plain.replace("’", "'").removesuffix("'s")
    words = [w for w in re.split(r"[\s\-'`]+", plain) if w]
    kept = [w for w in words if not (w in _PARTICLES and len(words) > 1)]
    if len(kept) > 1 and kept[0].startswith("al") and len(kept[0]) <= 4:
        kept[0] = kept[0][2:]  # "Albu Kamal" is "Al Bu Kamal": the article is glued on
    elif len(kept) > 1 and kept[0] == "abu" and len(kept[1]) >= 4 and not kept[1].startswith("bu"):
        kept[0] = "bu"  # "Abu Kamal" is written for "Albu Kamal" too
    key = "".join(kept)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key


def _plain(form: str) -> str:
    return re.sub(r"[\s\-]+", " ", form).casefold()


def loose(key: str) -> str:
    """A vowel-blind form of a folded key: transliterations differ most in their vowels
    ('khansheikhoun', 'khanshaykhun' -> 'khVnshVkhVn'; 'idleb', 'idlib' -> 'Vdlb')."""
    key = re.sub(r"(?<=[aeiouy])h$", "", key)  # "Hasakah", "Hamah": a final h after a vowel is silent
    key = re.sub(r"[aeiouy']+", "V", key)
    return key


def name_counts(texts: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(fold(name) for name in extract_names(text))
    return counts


def surface_forms(texts: list[str]) -> dict[str, Counter[str]]:
    """For each folded key, how often each spelling occurs."""
    forms: dict[str, Counter[str]] = {}
    for text, times in Counter(texts).items():  # wire copies: each distinct sentence read once
        for name in extract_names(text):
            forms.setdefault(fold(name), Counter())[name] += times
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
    ("Syrian Observatory for Human Rights", "SOHR", "Syrian Observatory"),
    ("White Helmets", "Syria Civil Defence", "Syria Civil Defense", "Syrian Civil Defence", "Civil Defence"),
    ("Free Syrian Army", "FSA"),
    ("Jaish al-Islam", "Army of Islam", "Islam Army", "Jaysh al-Islam"),
    ("Hayat Tahrir al-Sham", "HTS", "Tahrir al-Sham"),
    ("Ahrar al-Sham", "Ahrar ash-Sham"),
    ("Kurdish People's Protection Units", "YPG", "People's Protection Units"),
    ("Palmyra", "Tadmur", "Tadmor"),
    ("Kobane", "Kobani", "Ain al-Arab"),
    ("Aleppo", "Halab"),
)
_ACRONYM_DEFINITION = re.compile(r"((?:[A-Z][\w’'\-]+\s+){1,7}?[A-Z][\w’'\-]+)\s*\(([A-Z][A-Za-z.]{1,8})\)")
SIMILAR = 88  # rapidfuzz ratio of two folded keys (or of their vowel-blind forms) at or above which they are one name
# "Putin" = "Vladimir Putin": right on the gold file, but measured on MultiLing (benchmarks/quality.py) it moved
# ROUGE-2 recall from 15.8 to 15.5 (ROUGE-1 and L up 0.6): rank.py merges more statements. Off until rank is tuned.
JOIN_SURNAMES = False
MIN_LOOSE = 4  # vowel-blind forms shorter than this are too short to join on ("Iran" and "Oran")
# pairs no similarity may join, by folded key: they look alike and are different places or groups
_HARD_NEGATIVES = {frozenset(p) for p in (("homs", "hama"), ("raqa", "ramadi"), ("qaim", "qaeda"),
                                          ("alepo", "afrin"), ("iraq", "iran"), ("iraqi", "irani"),
                                          ("hama", "hamas"), ("homs", "hamas"), ("douma", "dara"),
                                          ("unitednations", "unitedstates"), ("un", "us"), ("ypg", "ypj"))}
_DIRECTIONS = re.compile(r"^(?:north|south|east|west)(?:ern)?|(?:north|south)(?:east|west)(?:ern)?")
# words that end many names: "Council" alone is not "Security Council"
_GENERIC = set("""state army front council forces force ministry agency group province city party union coalition
committee command office unit units brigade brigades movement government minister president media center centre
network observatory organisation organization nations republic kingdom court league authority authorities news
""".split())


def _alike_pairs(blinds: list[str]) -> list[tuple[int, int]]:
    """Index pairs (x < y, in that order) of vowel-blind forms that are equal, or both of 8 letters
    or more and within SIMILAR by rapidfuzz: the pairs a loop over all of them would find, without it."""
    from rapidfuzz import fuzz, process

    pairs: set[tuple[int, int]] = set()
    same: dict[str, list[int]] = defaultdict(list)
    for i, blind in enumerate(blinds):
        same[blind].append(i)
    for members in same.values():
        pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    long = [i for i, blind in enumerate(blinds) if len(blind) >= 8]
    if len(long) > 1:
        words = [blinds[i] for i in long]
        scores = process.cdist(words, words, scorer=fuzz.ratio, score_cutoff=SIMILAR, dtype="uint8")
        pairs.update((long[i], long[j]) for i, j in zip(*scores.nonzero()) if i < j)
    return sorted(pairs)


class NameIndex:
    """Groups the names found in a set of texts into entities, each with one shown spelling."""

    def __init__(self, texts: list[str], aliases: tuple[tuple[str, ...], ...] = ALIASES):
        self._parent: dict[str, str] = {}
        self._entity_of: dict[str, str] = {}  # name as written -> entity key, once the groups are made
        self._entities_in: dict[str, tuple[str, ...]] = {}  # text -> the entity keys of its names
        forms = surface_forms(texts)
        self.counts: Counter[str] = Counter({key: sum(c.values()) for key, c in forms.items()})
        for row in aliases:
            for name in row[1:]:
                self._union(fold(row[0]), fold(name))
        for text in dict.fromkeys(texts):
            for long_form, acronym in _ACRONYM_DEFINITION.findall(text):
                initials = "".join(w[0] for w in re.split(r"[\s\-]+", long_form) if w[:1].isupper())
                if initials.upper().endswith(acronym.replace(".", "").upper()):
                    words = long_form.split()[-len(acronym.replace(".", "")):]
                    self._union(fold(" ".join(words)), fold(acronym))
        self._join_similar(sorted(k for k in forms if len(k) >= 4))
        self._join_loose(sorted(forms))
        if JOIN_SURNAMES:
            self._join_surnames(forms)
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
                if i < j and self._may_join(group[i], group[j]):
                    self._union(group[i], group[j])

    def _join_loose(self, keys: list[str]) -> None:
        """Join keys whose vowel-blind forms are alike ('Idlib'/'Idleb', 'Douma'/'Duma', 'Khan Sheikhoun'/'Khan
        Shaykun'): equal when short, within SIMILAR by rapidfuzz when long; same start either way."""
        by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key in keys:
            blind = loose(key)
            if len(blind) >= MIN_LOOSE and sum(c != "V" for c in blind) >= 2:
                by_initial[blind[:2]].append((key, blind))  # "Afrin", "Efrin": both "Vf"
        for group in by_initial.values():
            for x, y in _alike_pairs([blind for _, blind in group]):
                if self._may_join(group[x][0], group[y][0]):
                    self._union(group[x][0], group[y][0])

    def _join_surnames(self, forms: dict[str, Counter[str]]) -> None:
        """'Putin' is 'Vladimir Putin' when it ends exactly one longer name of two or three words."""
        endings: dict[str, set[str]] = defaultdict(set)
        for key, spellings in forms.items():
            words = max(spellings, key=spellings.get).split()
            if 2 <= len(words) <= 3 and words[0].lower() not in _GENERIC and not _ADJECTIVE.match(words[0]):
                endings[fold(words[-1])].add(key)
        for key in forms:
            longer = endings.get(key, set())
            if len(longer) == 1 and key not in _GENERIC and len(key) >= 4:
                (full,) = longer
                if self._may_join(key, full):
                    self._union(key, full)

    def _may_join(self, a: str, b: str) -> bool:
        if frozenset((a, b)) in _HARD_NEGATIVES or frozenset((self._find(a), self._find(b))) in _HARD_NEGATIVES:
            return False
        # "Eastern Ghouta" and "Western Ghouta" differ in one word that matters
        return bool(_DIRECTIONS.match(a)) == bool(_DIRECTIONS.match(b)) and \
            (not _DIRECTIONS.match(a) or _DIRECTIONS.match(a).group() == _DIRECTIONS.match(b).group())

    def variants(self, entity: str, limit: int = 4) -> list[str]:
        """The other spellings of an entity in the input, most frequent first (not the shown one)."""
        shown = self.display(entity)
        counts: Counter[str] = Counter()
        for key, forms in self._forms.items():
            if self._find(key) == entity:
                counts.update(forms)
        seen = {_plain(shown)}
        out = []
        for form, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            inflected = fold(form).startswith(fold(shown)) and len(fold(form)) - len(fold(shown)) <= 3
            if _plain(form) not in seen and not inflected:  # "Deir Ez-Zor" is "Deir ez-Zor"; "Syrians" is no spelling
                seen.add(_plain(form))
                out.append(form)
        return out[:limit]

    def _find(self, key: str) -> str:
        root = key
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        self._parent[key] = root
        return root

    def _union(self, a: str, b: str) -> None:
        self._entity_of.clear()
        self._entities_in.clear()
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def entity(self, name: str) -> str:
        """The entity key of a name as written."""
        key = self._entity_of.get(name)
        if key is None:
            key = self._entity_of[name] = self._find(fold(name))
        return key

    def entities(self, text: str) -> list[str]:
        """The entity keys of the names in `text`, in order (every stage asks of every sentence: kept)."""
        found = self._entities_in.get(text)
        if found is None:
            found = self._entities_in[text] = tuple(self.entity(name) for name in extract_names(text))
        return list(found)

    def display(self, entity: str) -> str:
        """The spelling to show: the most frequent one in the input (ties: the longer)."""
        if self._shown is None:
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for key, forms in self._forms.items():
                counts[self._find(key)].update(forms)
            self._shown = {root: max(c, key=lambda form: (c[form], len(form), form)) for root, c in counts.items()}
        return self._shown.get(entity) or self._alias_display.get(entity, entity)
