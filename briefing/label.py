"""A short human title per topic ("Deir ez-Zor capture"), drawn from its sentences.

In order of preference:
  1. a heading of the reports, when most of the topic sits under it and it is 2 to 5 words;
  2. "<Actor> <event> on <Place>" or "<Place> <event>", attested by the topic's own sentences: the
     place is its most distinctive name (a town, not a people: "Zabadani", after "in", is a town); the
     event is the one the sentences that name the place tell; the actor a people's name used as a
     party ("Iraqi forces") in at least two of those sentences;
  3. the most distinctive name alone (also when it is no place: "White House", not "White House
     offensive").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache

from .dates import DATE_WORD
from .model import Sentence
from .names import NameIndex, fold, match_key
from .press import AGENCIES

MIN_WORDS, MAX_WORDS = 2, 5
# a name ending so is a group or an office, never the place of an event: named only when nothing else is
ORGANISATION_WEIGHT = 0.9  # a tie-breaker: "UN Security Council" still heads the topic about it
_ORGANISATION = re.compile(r"\b(?:State|Front|Army|Forces|Brigades?|Group|Party|Council|Coalition|Committee|Ministry|"
                           r"Command|Observatory|Movement|Organi[sz]ation|Agency|Service|Units?|Guards?|Union)$")
# a seat of power stands for who sits there ("The White House said ...", "asked Congress to authorise strikes"), and a
# titled name is a person: neither is where an event happens ("White House offensive", "Congress casualties")
_TITLE = re.compile(r"\b(?:President|Prime Minister|Minister|King|Queen|Prince|Sheikh|General|Gen|Secretary|"
                    r"Chancellor|Pope|Mr|Mrs|Ms|Dr)\b(?=.)")
_SEAT_OF_POWER = re.compile(r"^(?:The )?(?:White House|Kremlin|Pentagon|Congress|Capitol Hill|Downing Street|Elysee|"
                            r"Élysée|State Department|Foreign Office|Whitehall|Senate|Parliament)$")
MAX_NAME_WORDS = 3  # a longer "name" is usually a run of names (a list, a byline): not a label
NAME_GAP = 2000  # characters searched for a sentence's next name (a name not written as found is skipped)
MAX_PLACES_TRIED = 3  # a label another topic has taken is tried with this many of the topic's places
# event noun -> the words that tell it
EVENTS: dict[str, tuple[str, ...]] = {
    "chemical attack": ("chemical", "gas attack", "sarin", "chlorine", "toxic gas", "nerve agent", "nerve gas",
                        "poisonous gas", "poison gas"),
    "capture": ("captur", "seiz", "took control", "full control", "liberat", "retak", "recaptur", "fell to"),
    # an attack is no offensive: "blamed Syrian regime forces for the attack", "the suicide attacker" made "Bashar
    # al-Assad offensive" and "Hasakeh offensive" (audit 8)
    "offensive": ("offensive", "assault", "operation", "push", "launch", "barrage", "unleash"),
    "advance": ("advanc", "toward", "race", "approach"),
    "siege": ("siege", "besieg", "encircl"),
    "battle": ("battl", "clash", "fighting", "fought"),
    "ceasefire": ("ceasefire", "truce", "cease-fire"),
    "talks": ("talks", "negotiat", "summit", "meeting"),
    "attack": ("attack", "bomb", "airstrike", "air strike", "shell", "explosion", "blast", "strike"),
    "aid": ("aid", "donat", "donor", "relief", "pledg", "telethon", "fundrais"),
    "protest": ("protest", "demonstrat", "rally"),
    "election": ("election", "vote", "ballot", "poll"),
    "arrest": ("arrest", "detain", "captive", "seized sailors", "custody"),
    "casualties": ("killed", "dead", "died", "death toll", "wounded", "injured", "casualt"),
    "investigation": ("investigat", "inquiry", "probe"),
    "trial": ("trial", "court", "guilty", "convict", "sentenced", "verdict", "acquit", "prosecut", "jury"),
    "memorial": ("memorial", "commemorat", "anniversary", "tribute", "vigil", "mourn"),
    "release": ("freed", "free the", "set free", "release of", "released the", "releasing", "handed over"),
    "searches": ("searched", "raided", "police raid", "search of", "searches"),
    "evacuation": ("evacuat", "displace", "exodus"),
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
# not weighed down as a country, but ending a name run it is a country: "Astana Kazakhstan" is Astana
_MORE_COUNTRIES = ("Kazakhstan", "Switzerland", "Belgium", "Italy", "Britain", "England", "Oman", "Bahrain",
                   "Tunisia", "Algeria", "Morocco", "Sudan", "Somalia", "Ethiopia", "Canada", "Japan", "Romania",
                   "Greece", "Cyprus", "Azerbaijan", "Armenia", "Georgia", "Thailand", "Malaysia", "Sri Lanka")
COUNTRY_WEIGHT = 0.4
_COUNTRY_KEYS = {fold(country) for country in COUNTRIES}
_ANY_COUNTRY_KEYS = _COUNTRY_KEYS | {fold(country) for country in _MORE_COUNTRIES}
_PLACE_CUE = re.compile(r"\b(?:in|into|to|towards?|from|of|at|near|entering|entered|around|across)\s+(?:the\s+)?$",
                        re.I)
# "the defence ministry in Moscow said", "officials in Washington": where an office sits, not where events happen
_SEAT_CUE = re.compile(r"\b(?:ministry|ministries|government|officials?|embassy|spokes(?:man|woman|person)|authorities|"
                       r"diplomats?|headquarters|office|correspondent|reporters?)\s+(?:in|at|from)\s+(?:the\s+)?$", re.I)
PLACE_SHARE = 0.2  # a name put after a place cue in at least this share of its mentions reads as a place
NOT_PLACE_WEIGHT = 0.5  # "Human Rights" (of the Syrian Observatory for ...) gives way to a town close behind
# "Iraqi", "Kurdish": the shape of a people's name; a word of this shape is one only when used as one
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:i|ian|ese|ish|an)$")
DEMONYMS = frozenset("""
Syrian Iraqi Iranian Turkish Russian American British French Israeli Kurdish Lebanese Jordanian Saudi Yemeni
Egyptian Libyan Afghan Pakistani Ukrainian Chinese German Italian Qatari Kuwaiti Indonesian Indian Palestinian
Emirati Bahraini Omani Tunisian Algerian Moroccan Sudanese Somali Canadian Japanese Spanish Dutch Belgian Swiss
Austrian Greek Cypriot Armenian Azerbaijani Georgian Kazakh Uzbek Chechen Australian Romanian Polish Danish
Swedish Norwegian Finnish Irish Scottish Welsh Arab Arabian European Western Iraqis Syrians Kurds Alawite Sunni
Shia Shiite Druze Houthi Turkmen Circassian
""".split())
# a people's name before one of these words is an actor ("Iraqi forces", "Russian jets")
_FORCE_NOUN = re.compile(r"\s+(?:forces?|troops|army|armed|military|jets|warplanes|planes|aircraft|air|police|"
                         r"soldiers|fighters|militias?|rebels|navy|government|regime|units?|special|security|"
                         r"artillery|tanks|drones?|helicopters|gunmen|officials?)\b", re.I)
ACTOR_EVENTS = ("offensive", "advance", "attack", "siege")
MIN_ACTOR_SENTENCES = 2  # an actor acts in at least this many of the topic's sentences that name the place
MIN_ACTOR_SHARE = 0.1  # ... and in this share of them: a few "Iranian forces" among 2,400 Aleppo shellings are not it


def label_topics(topics: dict[int, list[Sentence]], names: NameIndex,
                 shown: Mapping[int, Sequence[str]] | None = None, order: Sequence[int] = (),
                 outlets: Iterable[str] = ()) -> dict[int, str]:
    """A short label per topic. `shown`: the statements the brief shows for each topic; a label names a
    place that one of them names, where one can (the reader sees those, not the topic's other
    sentences). `order`: the topics in brief order; the first keeps the plainest label. `outlets`: the
    input's outlets, which report the news and are no label of it."""
    usage = _NameUsage(topics, names, outlets)
    name_counts = {t: _entity_counts(sentences, names) for t, sentences in topics.items()}
    event_counts = {t: _event_counts(sentences) for t, sentences in topics.items()}
    shown = shown or {}
    labels: dict[int, str] = {}
    places: set[str] = set()  # the places earlier labels are named after
    for topic in [*dict.fromkeys(t for t in order if t in topics), *(t for t in topics if t not in set(order))]:
        sentences = topics[topic]
        heading = _heading_label(sentences)
        attested = {key for text in shown.get(topic, ()) for key in names.entities(text)}
        candidates = [(heading, None)] if heading else _built_labels(topic, sentences, name_counts, event_counts,
                                                                     names, usage, attested, shown.get(topic, ()))
        labels[topic], place = _unique(candidates, set(labels.values()), places)
        places.add(place)
    return {topic: labels[topic] for topic in topics}


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
    return frozenset(event for match in _ANY_CUE.finditer(text) for event in _CUE_EVENTS[match_key(match.group(1))])


# words of a title-case headline, never of a name: "Terrorists Killed", "Civilians Wounded"
_HEADLINE_WORDS = frozenset("""killed kill kills wounded injured dead died dies terrorists militants civilians people
    children strike strikes airstrikes raids says said latest""".split())
_CLOCKS = {"UTC", "GMT"}
# where news is posted, not where it happens ("posted to Twitter": audit 6's "Twitter attack")
_PLATFORMS = frozenset({"Twitter", "Facebook", "Telegram", "YouTube", "Youtube", "Instagram", "WhatsApp", "TikTok"})
# a name made an adjective: "Britain-based", "US-led", "Kurdish-dominated", "Turkish-backed", "rebel-held"
_ADJECTIVE_END = re.compile(r"-(?:based|led|dominated|backed|controlled|held|linked|affiliated|run|born|allied|funded|"
                            r"supported|friendly|made)$", re.I)
# who reports the news, by the shape of its name ("Assi Press", "Syrian Observatory", "Shaam News Network",
# "Local Coordination Committees", "Human Rights Watch"): the source of a topic's statements, not its subject. A
# label only when a shown statement names it, as "<name> report"
_REPORTER = re.compile(r"(?:\b(?:Press|News|Agency|Network|TV|Television|Radio|Monitor|Observatory|Watch)|"
                       r"Coordination Committees?)$")


class _NameUsage:
    """How the input uses each name: after a place cue ("in Zabadani"), before a force noun ("Iraqi
    forces"); read once per distinct sentence, by entity key."""

    def __init__(self, topics: dict[int, list[Sentence]], names: NameIndex, outlets: Iterable[str] = ()):
        from .names import extract_names

        self.names = names
        self.outlets = {fold(outlet) for outlet in outlets}
        self.mentions: Counter[str] = Counter()
        self.after_place_cue: Counter[str] = Counter()
        self.place_cued_in: dict[str, set[str]] = {}  # sentence text -> the keys it puts after a place cue
        self.force_cued_in: dict[str, set[str]] = {}  # sentence text -> the keys it puts before a force noun
        self.mid_sentence: set[str] = set()  # the keys written somewhere other than at a sentence's start
        self.surnames: set[str] = set()  # the last names of titled persons, folded
        for original in {s.text for sentences in topics.values() for s in sentences}:
            # names are joined by one space: looked for in the text with its runs of space and line breaks as one
            # ("Deir\nEzzor" of a hard-wrapped report is Deir Ezzor)
            text = " ".join(original.split())
            cued, forces = set(), set()
            cursor = 0  # past the last name found: the next is looked for from there
            lead = len(text) - len(text.lstrip(" \"“‘'([-–—"))  # a name at or before this opens the sentence
            for name in extract_names(original):
                key = names.entity(name)
                at = text.find(name, cursor, cursor + NAME_GAP + len(name))
                if at < 0:  # a name rebuilt ("al- Mayadin" -> "al-Mayadin") is not written so
                    continue
                cursor = at + len(name)
                self.mentions[key] += 1
                if at > lead:
                    self.mid_sentence.add(key)
                if at > 0 and _PLACE_CUE.search(text[max(0, at - 16):at]) \
                        and not _SEAT_CUE.search(text[max(0, at - 40):at]):
                    cued.add(key)
                    self.after_place_cue[key] += 1
                if _FORCE_NOUN.match(text, at + len(name)):
                    forces.add(key)
                last = name.rsplit(" ", 1)[-1]
                if last != name and _TITLE.search(name) and not _TITLE.match(last):
                    self.surnames.add(_surname(last))  # "Syrian President Bashar al-Assad": "Assad" is a person too
            if cued:
                self.place_cued_in[original] = cued
            if forces:
                self.force_cued_in[original] = forces
        self.before_force_noun = {key for keys in self.force_cued_in.values() for key in keys}

    def is_name(self, key: str, shown: str) -> bool:
        """Not a capitalised word that only ever opens a sentence ("Dozens of people ...", "Medics said ...",
        "Now it wants ..."), nor a day ("Boxing Day", "Fri Jul"), nor words of a headline glued into the text
        ("40 Terrorists Killed in ...": most of its words such; "Port Said" and "Dead Sea" are places), nor who reports ("AFP", "SANA", an outlet of the input): a name of one
        word is also written mid-sentence."""
        words = shown.split()
        if words[-1] == "Day" or sum(w.lower() in _HEADLINE_WORDS for w in words) * 2 > len(words) \
                or all(DATE_WORD.match(w) for w in words):
            return False
        if words[0] in ("Source", "Sources", "Photo", "Image") or _ADJECTIVE_END.search(words[-1]) \
                or shown in _PLATFORMS \
                or shown == "Human Rights" \
                or fold(shown) in _AGENCIES or fold(shown) in self.outlets \
                or words[0].rstrip("+-0123456789") in _CLOCKS:
            # a credit ("Source TRTWorld"), an adjective ("Britain-based", "US-led"), a platform, what is left of "Syrian Observatory for
            # Human Rights", the press, a clock ("UTC+3")
            return False
        return len(shown.split()) > 1 or (shown.isupper() and len(shown) > 1) or key in self.mid_sentence

    def place_like(self, sentences: list[Sentence]) -> set[str]:
        """The names that follow 'in', 'to', 'of' ... at least once in these sentences."""
        return {key for s in sentences for key in self.place_cued_in.get(s.text, ())}

    def reads_as_place(self, key: str) -> bool:
        """A country, or a name put after a place cue in a fair share of its mentions ("White House",
        "Human Rights" never are: they are no place an event happens in), and not an organisation's
        ("captured Deir ez-Zor from Islamic State": "Islamic State capture" would say who captured what)."""
        shown = self.names.display(key)
        if _ORGANISATION.search(shown) or _SEAT_OF_POWER.match(shown) or _TITLE.search(shown) \
                or _surname(shown) in self.surnames:
            return False
        return _is_country(key, self.names, _ANY_COUNTRY_KEYS) or self.after_place_cue[key] >= PLACE_SHARE * max(1, self.mentions[key])

    def is_people(self, key: str, shown: str) -> bool:
        """A people's name: a listed one, or one of that shape that is used before "forces", "army" ...
        or never as a place ("Zabadani", after "in", is a town)."""
        if shown in DEMONYMS:
            return True
        return bool(_NATIONALITY.match(shown)) and (key in self.before_force_noun or not self.after_place_cue[key])

    def acting_in(self, text: str) -> set[str]:
        """The people's names this sentence uses as a party to events ("Iraqi forces", "Russian jets")."""
        return self.force_cued_in.get(text, set())


def _surname(name: str) -> str:
    """A last name as titled persons' names and their mentions share it: "al-Assads" (an apostrophe lost),
    "Assad" and "al-Assad" are one."""
    folded = fold(name)
    folded = folded[3:] if folded.startswith(("al-", "el-")) else folded
    return folded[:-1] if folded.endswith("s") and len(folded) > 4 else folded


def _distinctive(topic: int, counts: dict[int, Counter[str]]) -> list[tuple[float, str]]:
    """(score, key) best first: frequent in this topic, and mostly told in this topic."""
    scored = []
    for key, count in counts[topic].items():
        elsewhere = sum(c.get(key, 0) for t, c in counts.items() if t != topic)
        scored.append((count * count / (count + elsewhere), key))
    return sorted(scored, key=lambda item: (-item[0], item[1]))


def _built_labels(topic: int, sentences: list[Sentence], name_counts: dict[int, Counter[str]],
                  event_counts: dict[int, Counter[str]], names: NameIndex, usage: _NameUsage,
                  attested: set[str] = frozenset(), shown: Sequence[str] = ()):
    """The labels this topic could take, best first: its most distinctive place (or name) with the
    event told where it is named, then the same for the next places (a second "Aleppo casualties"
    becomes "Castello Road casualties" rather than a number)."""
    ranked_names = [(score, key) for score, key in _distinctive(topic, name_counts)
                    if len(names.display(key).split()) <= MAX_NAME_WORDS and usage.is_name(key, names.display(key))
                    and (key in attested or not _REPORTER.search(names.display(key)))]  # a photo credit's "Assi Press"
    place_like = usage.place_like(sentences)
    places = [(score * (2.0 if key in place_like else 1.0)
               * (COUNTRY_WEIGHT if _is_country(key, names, _COUNTRY_KEYS) else 1.0)
               * (1.0 if usage.reads_as_place(key) else NOT_PLACE_WEIGHT)
               * (ORGANISATION_WEIGHT if _ORGANISATION.search(names.display(key)) else 1.0), key)
              for score, key in ranked_names if not usage.is_people(key, names.display(key))]
    # what the shown statements name first: towns and regions, then countries (a toll in Idlib is no
    # "Syria" toll), then the sources that report on them ("Syrian Observatory"); then the topic's other names
    def order(item: tuple[float, str]) -> tuple:
        key = item[1]
        if key not in attested:
            return (1, 0, -item[0], key)
        kind = 2 if not usage.reads_as_place(key) else 1 if _is_country(key, names, _ANY_COUNTRY_KEYS) else 0
        return (0, kind, -item[0], key)

    places.sort(key=order)
    for _score, place_key in places[:MAX_PLACES_TRIED]:
        # the place it names, for telling labels apart: "Deir Ezzor SANA" is Deir Ezzor
        named = names.entity(_without_tails(names.display(place_key), names))
        # a place the shown statements do not name cannot stand in for one they name
        for label in _place_labels(topic, place_key, sentences, name_counts, event_counts, names, usage, shown):
            yield label, named if place_key in attested else None


def _place_labels(topic: int, place_key: str, sentences: list[Sentence], name_counts: dict[int, Counter[str]],
                  event_counts: dict[int, Counter[str]], names: NameIndex, usage: _NameUsage,
                  shown: Sequence[str] = ()) -> Iterator[str]:
    """The place's label (_place_label), then the place with the other events its shown statements tell: a
    place's second topic is "Eastern Ghouta offensive" ("Casualties mount ... as the regime continues its
    assault") when "Eastern Ghouta casualties" is taken, not a name from its other sentences (audit 8: "Osama
    Said")."""
    label = _place_label(topic, place_key, sentences, name_counts, event_counts, names, usage, shown)
    yield label
    place = _without_tails(names.display(place_key), names)
    if label.startswith(place) and usage.reads_as_place(place_key):
        told = {event for text in shown if place_key in names.entities(text) for event in _events_told(text)}
        for event in sorted(told, key=lambda e: (-_share(topic, e, event_counts), e)):
            other = f"{place} {event}"
            if other != label and len(other.split()) <= MAX_WORDS:
                yield other


def _place_label(topic: int, place_key: str, sentences: list[Sentence], name_counts: dict[int, Counter[str]],
                 event_counts: dict[int, Counter[str]], names: NameIndex, usage: _NameUsage,
                 shown: Sequence[str] = ()) -> str:
    place = _without_tails(names.display(place_key), names)
    if _REPORTER.search(place):
        return f"{place} report"  # what the monitor says is the topic
    if not usage.reads_as_place(place_key):
        return place  # "White House offensive" would read as an offensive on the White House
    naming_place = [s for s in sentences if place_key in names.entities(s.text)]
    event = _event_at_place(topic, naming_place, event_counts)
    # unless the shown statements tell another event and not this one (a suicide bombing shown is an attack,
    # whatever the topic's other sentences about the town tell most): those that name the place, else the first
    # that tells any (audit 8: "Douma ceasefire" over "air strikes killed at least four civilians ... in a
    # de-escalation zone", a statement that names no Douma; "Turkey ceasefire" over "Russian jets hit an outpost")
    told: Counter[str] = Counter()
    for text in shown:
        if place_key in names.entities(text):
            told.update(_events_told(text))
    if not told and event is not None:
        told.update(next((found for text in shown if (found := _events_told(text))), ()))
    if told and event not in told:
        event = max(told, key=lambda e: (e == "chemical attack", told[e], _share(topic, e, event_counts), e))
    if event in ("attack", "casualties", "offensive") and "chemical attack" in told:
        event = "chemical attack"  # the most specific: "died in a sarin gas attack" is a chemical attack first
    if event is None:
        return place
    if event in ACTOR_EVENTS:
        actor = _actor_at_place(topic, naming_place, event, place_key, name_counts, names, usage)
        label = f"{actor} {event} on {place}" if actor else ""
        if actor and len(label.split()) <= MAX_WORDS:
            return label
    label = f"{place} {event}"
    return label if len(label.split()) <= MAX_WORDS else place


def _event_at_place(topic: int, naming_place: list[Sentence], event_counts: dict[int, Counter[str]]) -> str | None:
    """Of the events told in at least half as many of the sentences that name the place as the most
    told one, the most distinctive: the number of them that tell it times the share of its telling
    that falls in this topic (a boilerplate "investigation" in a few of 167 Manbij sentences is no
    contender, however rare elsewhere)."""
    together = _event_counts(naming_place)
    most = max(together.values(), default=0)
    scored = [(count * _share(topic, event, event_counts), event) for event, count in together.items()
              if count * 2 >= most]
    return min(scored, key=lambda item: (-item[0], item[1]))[1] if scored else None


def _actor_at_place(topic: int, naming_place: list[Sentence], event: str, place_key: str,
                    name_counts: dict[int, Counter[str]], names: NameIndex, usage: _NameUsage) -> str | None:
    """A people's name mostly told in this topic and used as a party ("Iraqi forces") in at least two
    of the sentences that name the place; the one used so most often with the event too wins."""
    with_place: Counter[str] = Counter()
    with_event: Counter[str] = Counter()
    for sentence in naming_place:
        keys = usage.acting_in(sentence.text) - {place_key}
        with_place.update(keys)
        if event in _events_told(sentence.text):
            with_event.update(keys)
    enough = max(MIN_ACTOR_SENTENCES, MIN_ACTOR_SHARE * len(naming_place))
    actors = [key for key, count in with_place.items()
              if count >= enough and usage.is_people(key, names.display(key))
              and _share(topic, key, name_counts) >= 0.6]
    if not actors:
        return None
    return names.display(min(actors, key=lambda key: (-with_event[key], -with_place[key], key)))


# news agencies whose name a flattened text glues after a place ("in Deir Ezzor SANA news agency reported")
_AGENCIES = frozenset(fold(agency) for agency in AGENCIES)


def _without_tails(shown: str, names: NameIndex) -> str:
    """The place of a name that a lost comma glued to an agency or a country: "Deir Ezzor SANA" and
    "Astana Kazakhstan" are Deir Ezzor and Astana."""
    words = shown.split()
    if len(words) > 1 and _ADJECTIVE_END.search(words[0]):  # "UK-based Syrian Observatory" is the Syrian Observatory
        words = words[1:]
    if len(words) > 1 and fold(words[-1]) in _AGENCIES:
        words = words[:-1]
    return _without_country_tail(" ".join(words), names)


def _without_country_tail(shown: str, names: NameIndex) -> str:
    """"Astana Kazakhstan" (a city and its country, their comma lost) is Astana."""
    words = shown.split()
    for cut in range(1, len(words)):
        if fold(" ".join(words[cut:])) in _ANY_COUNTRY_KEYS and fold(" ".join(words[:cut])) not in _ANY_COUNTRY_KEYS:
            return " ".join(words[:cut])
    return shown


def _is_country(key: str, names: NameIndex, countries: set[str]) -> bool:
    # the entity's key is the least of its spellings' keys, not always the country's own ("Syria")
    return key in countries or fold(names.display(key)) in countries


def _share(topic: int, key: str, counts: dict[int, Counter[str]]) -> float:
    total = sum(c.get(key, 0) for c in counts.values())
    return counts[topic][key] / total if total else 0.0


def _unique(candidates: Iterable[tuple[str, str | None]], taken: set[str],
            taken_places: set[str | None] = frozenset()) -> tuple[str, str | None]:
    """(label, the place it is named after, None if none the section shows): the first candidate whose
    label and place no earlier topic took (read lazily: most topics take their first), so that "Deir Ezzor
    casualties" is followed by "al-Qousour attack", not "Deir Ezzor offensive"; else the first whose label
    is free; else the first, numbered by how many topics already carry it ("Aleppo casualties (2)")."""
    tried: list[tuple[str, str | None]] = []
    for label, place in candidates:
        if label not in taken and (place is None or place not in taken_places):
            if place is None and any(p is not None for _, p in tried):
                tried.append((label, place))  # a shown place named again beats a place not shown
                break
            return label, place
        tried.append((label, place))
    for label, place in tried:
        if label not in taken:
            return label, place
    first, place = tried[0] if tried else ("Other reports", None)
    if first not in taken:
        return first, place
    count = 2
    while f"{first} ({count})" in taken:
        count += 1
    return f"{first} ({count})", place


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
