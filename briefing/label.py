"""A short human title per topic ("Deir ez-Zor capture"), drawn from its sentences.

In order of preference:
  1. a heading of the reports, when most of the topic sits under it and it is 2 to 5 words;
  2. "<Actor> <event> on <Place>" or "<Place> <event>": the topic's most distinctive name, the
     kind of event its sentences tell most distinctively, and a nationality that belongs to it;
  3. the most distinctive name alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .model import Sentence
from .names import NameIndex, fold

MIN_WORDS, MAX_WORDS = 2, 5
MAX_NAME_WORDS = 3  # a longer "name" is usually a run of names (a list, a byline): not a label
# event noun -> the words that tell it
EVENTS: dict[str, tuple[str, ...]] = {
    "chemical attack": ("chemical", "gas attack", "sarin", "chlorine", "toxic gas", "nerve agent"),
    "capture": ("captur", "seiz", "took control", "full control", "liberat", "retak", "recaptur", "fell to"),
    "offensive": ("offensive", "assault", "operation", "push", "launch", "attack", "barrage", "unleash"),
    "advance": ("advanc", "toward", "race", "approach"),
    "siege": ("siege", "besieg", "encircl"),
    "battle": ("battl", "clash", "fighting", "fought"),
    "ceasefire": ("ceasefire", "truce", "cease-fire"),
    "talks": ("talks", "negotiat", "summit", "meeting"),
    "attack": ("bomb", "airstrike", "air strike", "shell", "explosion", "blast", "strike"),
    "aid": ("aid", "donat", "relief", "pledg"),
    "protest": ("protest", "demonstrat", "rally"),
    "election": ("election", "vote", "ballot", "poll"),
    "arrest": ("arrest", "detain", "captive", "seized sailors", "custody"),
    "casualties": ("killed", "dead", "death toll", "wounded", "injured", "casualt"),
    "investigation": ("investigat", "inquiry", "probe"),
}
# every cue at every word start, in one scan: the longest cue that starts there, which stands for the
# events of every cue it begins with too ("seized sailors" is an arrest and, by "seiz", a capture)
def _trie_pattern(words: list[str]) -> str:
    """An alternation of `words` with their common prefixes factored out ("ca(?:ptur|sualt)"): the
    same longest match as listing them longest first, three times faster for Python's re."""
    trie: dict = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(letter) + pattern(node[letter]) for letter in sorted(node) if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + ("?" if "" in node else "")

    return pattern(trie)


_CUES = sorted({cue for cues in EVENTS.values() for cue in cues})
_ANY_CUE = re.compile(r"\b(?=(" + _trie_pattern(_CUES) + "))", re.I)
_CUE_EVENTS = {cue: frozenset(event for event, cues in EVENTS.items() for short in cues if cue.startswith(short))
               for cue in _CUES}
# a whole country says less than the town or province a topic is about: named only when nothing
# more precise stands out
COUNTRIES = ("Syria", "Iraq", "Iran", "Turkey", "Russia", "United States", "Lebanon", "Jordan", "Israel",
             "Saudi Arabia", "Yemen", "Egypt", "Libya", "Afghanistan", "Pakistan", "Ukraine", "China",
             "France", "Germany", "United Kingdom", "Qatar", "Kuwait", "Indonesia", "India")
COUNTRY_WEIGHT = 0.4
_COUNTRY_KEYS = {fold(country) for country in COUNTRIES}
_PLACE_CUE = re.compile(r"\b(?:in|into|to|towards?|from|of|at|near|entering|entered|around|across)\s+$", re.I)
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:i|ian|ese|ish|an)$")


def label_topics(topics: dict[int, list[Sentence]], names: NameIndex) -> dict[int, str]:
    name_counts = {t: _entity_counts(sentences, names) for t, sentences in topics.items()}
    event_counts = {t: _event_counts(sentences) for t, sentences in topics.items()}
    labels: dict[int, str] = {}
    for topic, sentences in topics.items():
        label = (_heading_label(sentences)
                 or _built_label(topic, sentences, name_counts, event_counts, names)
                 or "Other reports")
        labels[topic] = _unique(label, labels.values(), topic)
    return labels


def _heading_label(sentences: list[Sentence]) -> str | None:
    headings = Counter(s.heading for s in sentences if s.heading)
    if not headings:
        return None
    heading, count = headings.most_common(1)[0]
    if count * 2 >= len(sentences) and MIN_WORDS <= len(heading.split()) <= MAX_WORDS:
        return heading
    return None


def _entity_counts(sentences: list[Sentence], names: NameIndex) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(set(names.entities(sentence.text)))
    return counts


def _event_counts(sentences: list[Sentence]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(_events_told(sentence.text))
    return counts


@lru_cache(maxsize=65536)  # wire copies repeat a sentence in many reports
def _events_told(text: str) -> frozenset[str]:
    return frozenset(event for match in _ANY_CUE.finditer(text) for event in _CUE_EVENTS[match.group(1).lower()])


def _distinctive(topic: int, counts: dict[int, Counter[str]]) -> list[tuple[float, str]]:
    """(score, key) best first: frequent in this topic, and mostly told in this topic."""
    scored = []
    for key, count in counts[topic].items():
        elsewhere = sum(c.get(key, 0) for t, c in counts.items() if t != topic)
        scored.append((count * count / (count + elsewhere), key))
    return sorted(scored, key=lambda item: (-item[0], item[1]))


def _built_label(topic: int, sentences: list[Sentence], name_counts: dict[int, Counter[str]],
                 event_counts: dict[int, Counter[str]], names: NameIndex) -> str | None:
    ranked_names = [(score, key) for score, key in _distinctive(topic, name_counts)
                    if len(names.display(key).split()) <= MAX_NAME_WORDS]
    place_like = _place_like(sentences, names)
    places = [(score * (2.0 if key in place_like else 1.0) * (COUNTRY_WEIGHT if key in _COUNTRY_KEYS else 1.0), key)
              for score, key in ranked_names if not _NATIONALITY.match(names.display(key))]
    places.sort(key=lambda item: (-item[0], item[1]))
    if not places:
        return None
    place = names.display(places[0][1])
    events = _distinctive(topic, event_counts)
    if not events:
        return place
    event = events[0][1]
    actors = [names.display(key) for score, key in ranked_names if _NATIONALITY.match(names.display(key))
              and name_counts[topic][key] >= 2 and _share(topic, key, name_counts) >= 0.6]
    if actors and event in ("offensive", "advance", "attack", "siege"):
        label = f"{actors[0]} {event} on {place}"
        if len(label.split()) <= MAX_WORDS:
            return label
    label = f"{place} {event}"
    return label if len(label.split()) <= MAX_WORDS else place


def _share(topic: int, key: str, counts: dict[int, Counter[str]]) -> float:
    total = sum(c.get(key, 0) for c in counts.values())
    return counts[topic][key] / total if total else 0.0


def _place_like(sentences: list[Sentence], names: NameIndex) -> set[str]:
    """Entities that follow 'in', 'to', 'of' ... at least once: they read as places."""
    from .names import extract_names

    found = set()
    for sentence in sentences:
        for name in extract_names(sentence.text):
            at = sentence.text.find(name)
            if at > 0 and _PLACE_CUE.search(sentence.text[max(0, at - 12):at]):
                found.add(names.entity(name))
    return found


def _unique(label: str, taken, topic: int) -> str:
    return label if label not in set(taken) else f"{label} ({topic + 1})"


def also_known_as(order: list[int], labels: dict[int, str], names: NameIndex, limit: int = 3) -> dict[int, tuple[str, ...]]:
    """Per topic, the other spellings of the names its label uses ("Deir al-Zour", "Deir Ezzor"); topics in
    brief order, and each entity's spellings only under the first label that names it."""
    from .names import extract_names

    shown: set[str] = set()
    also: dict[int, tuple[str, ...]] = {}
    for topic in order:
        spellings: list[str] = []
        for name in extract_names(labels.get(topic, "")):
            entity = names.entity(name)
            if entity in shown:
                continue
            shown.add(entity)
            spellings += [v for v in names.variants(entity, limit) if v.casefold() not in labels[topic].casefold()]
        also[topic] = tuple(spellings[:limit])
    return also
