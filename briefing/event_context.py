"""When and where a sentence's event happens, as the count differences need to know.

  named_places   the entities a sentence names as places (after "in", "of", "near", "struck" ...),
                 countries and peoples left out: they hold every event;
  main_places    a report's main places: those it names as places most often;
  central_places the places the leads of several reports name: what the reports together are about;
  other_times    the sentences that tell of another time than their report's day ("in August 2013",
                 "last year", a weekday that is not the report's, a date more than EVENT_DAYS away),
                 and the two after one dated another year.
read_context reads all four for a brief. Each is read once per distinct sentence (wire copies repeat
them across reports).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary

from .model import Document, Sentence
from .names import ALIASES, NameIndex, extract_names, fold

@dataclass(frozen=True)
class EventContext:
    """Where and when the sentences of one brief tell of, read once (`read_context`) for the count and
    the claim differences alike."""

    places: list[frozenset[str]]  # per sentence (row): the places it names (named_places)
    main: dict[str, frozenset[str]]  # per report: its main places (main_places)
    central: frozenset[str]  # what the reports together are about (central_places)
    elsewhen: set[int]  # rows that tell of another time (other_times)
    known: frozenset[str] = frozenset()  # every place the brief names (told_places)
    leads: Mapping[str, tuple[int, int]] = dataclasses.field(default_factory=dict)  # per report (lead_days)


def read_context(documents: Sequence[Document], sentences: Sequence[Sentence], names: NameIndex) -> EventContext:
    read: dict[str, frozenset[str]] = {}  # wire copies repeat a sentence: each text is read once
    places = [read[s.text] if s.text in read else read.setdefault(s.text, event_places(s.text, names))
              for s in sentences]
    by_id = {d.id: d for d in documents}
    elsewhen = other_times(sentences, by_id)
    main = main_places(sentences, places, documents, names)
    known = frozenset().union(*places, *main.values())
    return EventContext(places=places, main=main, central=central_places(sentences, places, names), elsewhen=elsewhen,
                        known=known, leads=lead_days(sentences, by_id, elsewhen))


LEAD = 4  # a report's first sentences: where it says what it is about
EVENT_DAYS = 3  # reports further apart than this tell different events
# a date of the month this many days before its report's is of an event its counts can be read with, by that day:
# "Over 130 people including 67 children were killed in a terrorist attack near the Syrian city of Aleppo on April
# 15 UN Special Envoy for Syria Staffan de Mistura said Thursday" (Sputnik, 20 April 2017) is the convoy bomb's toll
DATED_DAYS = 7

_PLACE_CUE = re.compile(r"\b(?:in|into|to|from|of|at|near|outside|around|across|on|struck|hit|targeted)\s+"
                        r"(?:the\s+)?(?:(?:rebel-held|regime-held|northern|southern|eastern|western|northwestern|"
                        r"northeastern|southwestern|southeastern|central|besieged|syrian|town|city|village|"
                        r"province|district|suburb|countryside|rural|of)\s+)*$", re.I)
_OTHER_TIME = re.compile(r"\b(?:last|previous|past|earlier this) (?:year|month|week)s?\b|\bin the past\b|"
                         r"\b(?:several|a few|few|two|three|four|five|\d+) days (?:before|ago|earlier)\b|"
                         r"\bpreviously\b|\byears? ago\b|\bsince (?:19|20)\d\d\b|"
                         r"\b(?:war|conflict) (?:that|which) has\b|\b\w+-year(?:-old)? (?:war|conflict)\b|"
                         r"\bin (?:early|mid|late)[- ](?:january|february|march|april|may|june|july|august|september|"
                         r"october|november|december)\b", re.I)
_COUNTRIES = {fold(c) for c in ("Syria", "Syrias", "Iraq", "Turkey", "Russia", "Iran", "Lebanon", "Jordan", "Israel",
                                  "Yemen", "Egypt", "Libya", "United States", "US", "Britain", "France", "Syrian")}
# armed groups the place cue reads as places ("positions of Daesh"): they are in every event of a war; every
# spelling names.ALIASES knows for them, so that whichever the entity is keyed by is caught
_NOT_PLACES = {fold(name) for group in ALIASES if group[0] in ("ISIS", "Jabhat al-Nusra", "Al Qaeda",
                                                                "Hayat Tahrir al-Sham", "Syrian Democratic Forces")
               for name in group}
# a looser cue than _PLACE_CUE, for a count's own sentence: "in eastern Syrias Deir az-Zour region", "in the
# oil-rich Deir al-Zor province", "in Syrias the Idlib"
_LOOSE_CUE = re.compile(r"\b(?:in|into|to|from|of|at|near|outside|around|across|on|struck|hit|targeted)\s+"
                        r"(?:(?:the|a|rebel-held|regime-held|government-held|northern|southern|eastern|western|"
                        r"northwestern|northeastern|southwestern|southeastern|central|besieged|syrian|syrias|syria's|"
                        r"iraqs|iraq's|oil-rich|town|city|village|province|district|suburb|countryside|rural|of)\s+)*$",
                        re.I)
# a people's name, alone or before a hyphen ("Kurdish", "Kurdish-majority", "Turkish-backed"): no place. Those
# ending in "i" are listed: "^[A-Z][a-z]+i$" took Qamishli, Kobani and Zabadani for peoples
_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish|an)|Iraqi|Israeli|Saudi|Kuwaiti|Yemeni|Omani|Qatari|Emirati|"
                          r"Bahraini|Pakistani|Afghani|Bangladeshi|Somali|Nepali)(?:$|-[a-z])")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_DAY = re.compile(r"(?:\b(?P<day2>\d{1,2})\s+)?\b(?P<month>January|February|March|April|June|July|August|September|"
                        r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
                        r"(?:\s+(?P<day>\d{1,2})\b(?!\d))?")
_A_MONTH = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
                      r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")  # what _MONTH_DAY cannot match without
# one of these words is in every match of _OTHER_TIME
_OTHER_TIME_WORDS = ("year", "month", "week", "past", "previously", "since", "war", "conflict", "days", "early", "mid",
                     "late")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")s?\b", re.I)


def first_place(text: str, places: frozenset[str], names: NameIndex) -> str | None:
    """The first place a sentence names: the most specific one ("Douma in eastern Ghouta"), its names read as
    named_places reads them."""
    for name in extract_names(text):
        entity = event_entity(name, names)
        if entity in places:
            return entity
    return None


# a people's word the name finder joined to the place after it ("in Syrian Idlib province", "Syrias Idlib")
_PEOPLE_BEFORE = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ese|ish)|Syrias|Iraqs)\s+(?=[A-Z])")


def event_entity(name: str, names: NameIndex) -> str:
    """A name's entity as the differences read it: "Syrian Idlib" is Idlib."""
    bare = _PEOPLE_BEFORE.sub("", name, count=1)
    return names.entity(bare)


def central_places(sentences: Sequence[Sentence], cued: list[frozenset[str]],
                   names: NameIndex | None = None) -> frozenset[str]:
    """Places that the leads (first sentences) of several reports name: what the reports are about; and,
    given the name index, the places some report writes inside one of them ("al-Kallaseh in Damascus")."""
    reports: dict[str, set[str]] = defaultdict(set)
    for sentence, places in zip(sentences, cued):
        reports.setdefault(sentence.doc_id, set())
        if sentence.index < LEAD:
            reports[sentence.doc_id].update(places)
    if len(reports) < 3:
        return frozenset()
    named = Counter(p for places in reports.values() for p in places)
    central = frozenset(p for p, n in named.items() if n >= max(2, 0.3 * len(reports)))
    if names is None or not central:
        return central
    outer = central | named_within(frozenset().union(*cued), central)
    inside = {place for sentence, places in zip(sentences, cued) if len(places) > 1 and places & outer
              for place in places_inside(sentence.text, places, outer, names)}
    return outer | inside


SHORTEST_WITHIN = 5  # a central place's key this long or longer: "Ain" is no part of "Ras al-Ain"


def named_within(places: frozenset[str], central: frozenset[str]) -> frozenset[str]:
    """The places whose name is a central place's with words before it: "Old Damascus" and "Eastern Ghouta" lie
    in Damascus and Ghouta (Al-Araby, 16 Oct 2017: SANA's "two people ... in the Bab Sharqi area of Old Damascus"
    was dropped as of a place the reports are not about, though the reports are about Damascus)."""
    return frozenset(p for p in places for c in central if len(c) >= SHORTEST_WITHIN and p != c and p.endswith(c))


# between a place and the place it lies in: "al-Kallaseh in Damascus", "Douma, in eastern Ghouta", "Jobar district of
# Damascus", "the Bab Touma area of the capital Damascus"
_INSIDE = re.compile(r"\s*(?:(?:neighbou?rhood|district|area|quarter|suburb|region|city|town|village|camp)\s+)?,?\s*"
                     r"(?:in|of|near)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|besieged|rural|"
                     r"capital|city|province|countryside|suburbs?|outskirts)\s+(?:of\s+)?)*$", re.I)


def places_inside(text: str, places: frozenset[str], outer: frozenset[str], names: NameIndex) -> set[str]:
    """The sentence's places that it writes just before one of `outer`, as a part of it ("X in Y", "X district of Y")."""
    found, previous = set(), None
    for name, start in _written_names(text):
        entity = names.entity(name)
        if entity not in places:
            continue
        if previous is not None and entity in outer and previous[0] not in outer and \
                _INSIDE.fullmatch(text[previous[1]:start]):
            found.add(previous[0])
        previous = (entity, start + len(name))
    return found


def other_times(sentences: Sequence[Sentence], by_id: Mapping[str, Document]) -> set[int]:
    """Rows that tell of another time: by their own words, or just after a sentence dated another year."""
    out = set()
    last_other: dict[str, int] = {}  # report -> index of its last sentence dated another day
    for row, sentence in enumerate(sentences):
        published = by_id[sentence.doc_id].date
        key = sentence.doc_id
        if other_time(sentence.text, published):
            out.add(row)
            if dated_elsewhere(sentence.text, published):
                last_other[key] = sentence.index
        elif key in last_other and sentence.index - last_other[key] <= 2 and not _YEAR.search(sentence.text):
            out.add(row)
    return out


# per name index (each brief's own, and gone with it: an lru_cache keyed by the index kept every brief's
# index alive in a long-running process), text -> the places it names
_PLACES_BY_INDEX: WeakKeyDictionary = WeakKeyDictionary()


def named_places(text: str, names: NameIndex) -> frozenset[str]:
    """The entities a sentence names as places, countries and peoples left out (they hold every event); a place
    ending in "i" is a place (Qamishli, Kobani), a people's name before a hyphen is none ("the Kurdish-majority
    city of Qamishli": Qamishli), and one joined to the place after it names that place ("Syrian Idlib": Idlib).
    Read once per text and name index: differences, same-fact merging and the timeline all ask."""
    known = _PLACES_BY_INDEX.get(names)
    if known is None:
        known = _PLACES_BY_INDEX[names] = {}
    found = known.get(text)
    if found is None:
        found = known[text] = _named_places(text, names)
    return found


def _written_names(text: str) -> Iterator[tuple[str, int]]:
    """The sentence's names with where each is written, in order (a name rebuilt as no text writes it is skipped)."""
    at = 0
    for name in extract_names(text):
        start = text.find(name, at)
        if start >= 0:
            at = start + len(name)
            yield name, start


def _is_country(name: str, entity: str, names: NameIndex) -> bool:
    return fold(name) in _COUNTRIES or fold(names.display(entity)) in _COUNTRIES


def _named_places(text: str, names: NameIndex) -> frozenset[str]:
    found = set()
    for name, start in _written_names(text):
        entity = event_entity(name, names)
        if _PLACE_CUE.search(text[max(0, start - 60):start]) and not _NATIONALITY.match(name) \
                and not _is_country(name, entity, names):
            found.add(entity)
    return frozenset(found)


def event_places(text: str, names: NameIndex) -> frozenset[str]:
    """The places a sentence names, as the differences read them: named_places without armed groups and without
    organisations, who tell, not where ("according to the London-based Syrian Observatory for Human Rights
    monitor" was a place, and Al-Araby's "Seven others were wounded" of Old Damascus, 15 Oct 2017, was dropped
    as of a place the reports are not about)."""
    found = named_places(text, names)
    if not found or not _ORGANISATION.search(text):
        return frozenset(p for p in found if p not in _NOT_PLACES)
    tellers = {event_entity(name, names) for name, _ in _written_names(text) if _ORGANISATION.search(name)}
    return frozenset(p for p in found if p not in _NOT_PLACES and p not in tellers)


def main_places(sentences: Sequence[Sentence], cued: list[frozenset[str]], documents: Sequence[Document],
                 names: NameIndex) -> dict[str, frozenset[str]]:
    """A report's main places: those it names as places most often (half as often as its top one, or more)."""
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence, places in zip(sentences, cued):
        tally[sentence.doc_id].update(places)
    for document in documents:
        if document.place:
            tally[document.id][names.entity(document.place)] += 2
    main = {}
    for doc_id, counter in tally.items():
        top = max(counter.values(), default=0)
        main[doc_id] = frozenset(key for key, n in counter.items() if n * 2 >= top and n >= 1)
    return main


@lru_cache(maxsize=65536)  # items_of and claim_differences both ask, of every sentence
def other_time(text: str, published: str | None) -> bool:
    """True when the sentence tells of another time than its report's day."""
    cues = time_cues(text)
    if cues.other_time or dated_elsewhere(text, published):
        return True
    day = day_of(published)
    if day and cues.weekdays:
        # its report's day and the UNSTATED_DAYS before: "Last updated at Nov 012017 ... At least four schoolchildren
        # were among eight people killed ... on Tuesday" (Jordan Times, dated Thursday 2 November) was another time
        allowed = {_WEEKDAYS[(day.weekday() - back) % 7] for back in range(UNSTATED_DAYS + 1)}
        if any(w not in allowed for w in cues.weekdays):
            return True
    return False


@dataclass(frozen=True)
class TimeCues:
    other_time: bool  # "last year", "previously", "the six-year war"
    years: tuple[str, ...]
    month_days: tuple[tuple[int, int | None], ...]  # (month 1-12, day of month or None)
    weekdays: tuple[str, ...]  # lower case


@lru_cache(maxsize=65536)  # one reading per distinct sentence: wire copies repeat them across reports
def time_cues(text: str) -> TimeCues:
    lower = text.lower()  # each pattern is tried only when the words it needs are there
    month_days = []
    if _A_MONTH.search(text):
        for match in _MONTH_DAY.finditer(text):
            number = match.group("day") or match.group("day2")
            month_days.append((_MONTHS.index(match.group("month").lower()[:3]) + 1, int(number) if number else None))
    other_time = any(word in lower for word in _OTHER_TIME_WORDS) and bool(_OTHER_TIME.search(text))
    weekdays = tuple(w.lower() for w in _WEEKDAY.findall(text)) if "day" in lower else ()
    return TimeCues(other_time=other_time, years=tuple(_YEAR.findall(text)), month_days=tuple(month_days),
                     weekdays=weekdays)


@lru_cache(maxsize=4096)
def day_of(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def dated_elsewhere(text: str, published: str | None) -> bool:
    """True when the sentence gives a year or a date more than EVENT_DAYS from its report's date."""
    day = day_of(published)
    if not day:
        return False
    cues = time_cues(text)
    if any(y != str(day.year) for y in cues.years):
        return True
    for month, number in cues.month_days:
        if number and 1 <= number <= 31:
            try:
                mentioned = dt.date(day.year, month, number)
            except ValueError:
                continue
            if not -DATED_DAYS <= (mentioned - day).days <= EVENT_DAYS:
                return True
        elif month != day.month:
            return True
    return False


def told_places(text: str, names: NameIndex, known: frozenset[str]) -> frozenset[str]:
    """The places a count's own sentence names: after a (loose) place cue, or any name that is a place
    somewhere in the brief (`known`); countries and armed groups left out. What the sentence's event is
    about, whatever its report is mostly about."""
    found = set()
    for name, start in _written_names(text):
        entity = event_entity(name, names)
        if entity in _NOT_PLACES or _ORGANISATION.search(name) or _is_country(name, entity, names) \
                or _NATIONALITY.match(name):
            continue
        if entity in known or _LOOSE_CUE.search(text[max(0, start - 60):start]):
            found.add(entity)
    return frozenset(found)


# who tells, not where: "according to the Syrian Observatory", "the Russian Defense Ministry said"
_ORGANISATION = re.compile(r"\b(?:Ministry|Observatory|Forces|Force|Council|Agency|Army|Front|Group|Committee|"
                           r"Coalition|Media|News|TV|Department|Office|Organi[sz]ation|Command|Center|Centre)\b")


UNSTATED_DAYS = 2  # a count whose report does not say its day is of its report's day or the two before
# "said on Wednesday", "reported Sunday", "said in a statement on Tuesday": the day it was told, not the event's
_TOLD_ON = re.compile(r"\b(?:said|says|reported|reports|announced|stated|told|added|confirmed|statement)\b"
                      r"(?:\s+\S+){0,4}?\s+$", re.I)
# a dateline: "Friday 6 Oct 2017", "10 October 2017": the report's day, not its event's
_WITH_YEAR = re.compile(r"\s*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b")


def stated_day(text: str, published: str | None) -> tuple[int, int] | None:
    """The days (first, last: ordinals) a sentence says its event is on: a weekday (the last one on or before
    its report's day) or a date of its report's month and year; the day before too when it is the day
    something was told ("said late on Wednesday"), as the event may be the day before. None: it says none
    (datelines "Friday 6 Oct 2017" are not the event's day)."""
    day = day_of(published)
    if day is None or ("day" not in text.lower() and not _A_MONTH.search(text)):
        return None
    found: list[tuple[int, int, int]] = []  # (position, first, last)
    for match in _WEEKDAY.finditer(text):
        if _WITH_YEAR.match(text, match.end()):
            continue
        back = (day.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
        found.append((match.start(), *_told(text, match.start(), day.toordinal() - back)))
    if _A_MONTH.search(text):
        for match in _MONTH_DAY.finditer(text):
            number = match.group("day") or match.group("day2")
            if not number or _WITH_YEAR.match(text, match.end()) or _WITH_YEAR.match(text, match.start()):
                continue
            try:
                mentioned = dt.date(day.year, _MONTHS.index(match.group("month").lower()[:3]) + 1, int(number))
            except ValueError:
                continue
            found.append((match.start(), *_told(text, match.start(), mentioned.toordinal())))
    if not found:
        return None
    _, first, last = min(found)
    return first, last


def _told(text: str, at: int, ordinal: int) -> tuple[int, int]:
    return (ordinal - 1, ordinal) if _TOLD_ON.search(text[max(0, at - 60):at]) else (ordinal, ordinal)


def lead_days(sentences: Sequence[Sentence], by_id: Mapping[str, Document],
              elsewhen: set[int]) -> dict[str, tuple[int, int]]:
    """Per report, the days the first of its lead sentences that states one says (stated_day)."""
    lead: dict[str, tuple[int, int]] = {}
    for row, sentence in enumerate(sentences):
        if sentence.index < LEAD and sentence.doc_id not in lead and row not in elsewhen:
            stated = stated_day(sentence.text, by_id[sentence.doc_id].date)
            if stated:
                lead[sentence.doc_id] = stated
    return lead


def event_days(text: str, published: str | None, lead: tuple[int, int] | None) -> tuple[int, int] | None:
    """The days a sentence's event may be on: those it states itself (stated_day); else those its report's
    lead states (`lead`: "The missile hit near a school Thursday evening" after a toll that says no day); else
    its report's day or the UNSTATED_DAYS before. None when its report has no date."""
    stated = stated_day(text, published) or lead
    if stated:
        return stated
    day = day_of(published)
    return (day.toordinal() - UNSTATED_DAYS, day.toordinal()) if day else None
