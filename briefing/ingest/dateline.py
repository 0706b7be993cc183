"""News datelines: `TEHRAN (Tasnim) –`, `DAMASCUS, Nov 3 (Reuters) -`, `BEIRUT -`, and, in text that lost
its punctuation (FA-KES), `MOSCOW (Sputnik) According to ...` with no dash at all.

A dateline gives the place (and often the outlet) and is not a sentence of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..press import AGENCIES

_PLACE = r"(?P<place>[A-Z][A-Z.'’/\- ]{1,40}?[A-Z.])"  # the place, in capitals ("BEIRUT/LONDON" for two desks)
# a dateline in title case with its dash glued on: "Beirut London- Warplanes ...", "Damascus- The army ..."
_GLUED_DASH = re.compile(r"(?P<place>[A-Z][a-z]+(?:[ /][A-Z][a-z]+)?)[–—-]\s+(?=[A-Z\"“])")
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DATELINE = re.compile(
    rf"""^{_PLACE}
        (?:,\s*[A-Za-z][\w .,'’\-]{{0,40}}?|\s+{_MONTH_DAY})?  # optional country or date ("MOSCOW October 18")
        \s*(?:\((?P<outlet>[^()\n]{{2,40}})\))?         # optional (Outlet)
        \s*[–—-]{{1,2}}\s+""",
    re.VERBOSE,
)
# With no dash, only the outlet in brackets tells a dateline from a sentence that opens with a name in
# capitals, so it must be there, short (a name, not a clause), and a capitalised word must follow:
# "MOSCOW (Sputnik) According to", "DEIR EZ-ZOR (Syria) (Sputnik) Reportedly", "DAMASCUS (SANA) Syrian army".
# Not: "ISIS (Daesh) militants" (lower case next), "SARC (Syrian Arab Red Crescent) staff" (too long, and
# the letters of the place), "US (AFP) ..." (a place of 3 letters at least).
# The outlet may have its reporter's name after it, and the country its comma lost: "DAMASCUS Syria (The Associated
# Press Albert Aji) Syrian state media accused ..." (AP, flattened by Sputnik)
_COUNTRY = r"(?:Syria|Lebanon|Iraq|Jordan|Turkey|Russia|Israel|Egypt|Iran|Yemen)"
_UNDASHED = re.compile(
    rf"""{_PLACE}
        (?:,\s*[A-Za-z][\w .,'’\-]{{0,40}}?|\s+{_MONTH_DAY}|\s+{_COUNTRY})?  # optional country or date
        \s*(?:\([A-Z][\w .'’\-]{{1,30}}\)\s*)?          # optional (Country): "DEIR EZ-ZOR (Syria) (Sputnik)"
        \((?P<outlet>[A-Z][\w.&'’\-]*(?:\ [\w.&'’\-]+){{0,4}})\)  # (Outlet): up to three words, and a byline
        \s+(?=[A-Z0-9"“‘])                              # then a sentence
    """,
    re.VERBOSE,
)
OUTLET_WORDS = 3
BYLINE_WORDS = 3
# a site's section, then the agency's name in capitals and a dash: "Regional NNA - The blast heard Saturday ..."
# (Lebanon's NNA); the section is no place
_SECTION_AGENCY = re.compile(r"(?:[A-Z][a-z]+\s+){1,2}(?P<outlet>[A-Z]{2,6})\s*[–—-]\s+(?=[A-Z\"“])")
OUTLET_MAX_CHARS = 24
_OUTLETS = {name.casefold() for name in AGENCIES}


@dataclass(frozen=True)
class Dateline:
    place: str | None  # None when the words before the outlet are a site's section ("Regional NNA - ")
    outlet: str | None
    length: int  # characters the dateline takes at the start of the paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline the paragraph opens with, if any."""
    match = _DATELINE.match(paragraph)
    if match and _is_place(match.group("place")):
        return _dateline(match)
    match = _UNDASHED.match(paragraph)
    if match and _is_undashed(match):
        return _dateline(match)
    section = _SECTION_AGENCY.match(paragraph)
    if section and section.group("outlet").casefold() in _OUTLETS:
        return Dateline(place=None, outlet=section.group("outlet"), length=section.end())
    glued = _GLUED_DASH.match(paragraph)
    return Dateline(place=glued.group("place").replace("/", " / "), outlet=None, length=glued.end()) if glued else None


def find_dateline_within(sentence: str) -> Dateline | None:
    """An undashed dateline that opens the sentence or comes after words that end no sentence: a flattened
    page glues the photo credit and a related headline onto it ("Sputnik Ilya Pitalev Number of Settlements
    Joining Syrian Ceasefire Deal Reaches 207 MOSCOW (Sputnik) At the ..."). `length` is where the story
    starts in `sentence`. A dashed one with its outlet may open it too: "... says. MOSCOW October 18 (RIA Novosti) -
    The Syrian Observatory ..." (Sputnik's summary before it)."""
    dashed = _DATELINE.match(sentence)
    if dashed and dashed.group("outlet") and _is_place(dashed.group("place")):
        return _dateline(dashed)
    for match in _UNDASHED.finditer(sentence):
        if (match.start() == 0 or (sentence[match.start() - 1].isspace() and _headline(sentence[:match.start()]))) \
                and _is_undashed(match):
            return _dateline(match)
    return None


_PARTICLE = re.compile(r"(?:al|el|ez|ad|as|an|ar|az|ash|at|ed)-", re.I)  # "Deir ez-Zor" is capitalised enough
_SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "vs"}


HEADLINE_WINDOW = 200  # characters before a dateline read for a glued headline or credit


def _headline(words: str) -> bool:
    """Words that a headline or a credit could be: capitalised (or numbers), but for a headline's small words
    and a slip or two ("But its Own Data Says"), and ending no sentence. Not "Fighters of the YPG (Kurdish) People's ...", whose lower-case words tell a
    sentence going on around a bracket."""
    words = words[-HEADLINE_WINDOW:]  # a glued headline or credit is short; a long prefix is a sentence going on
    tokens = words.split()
    if not tokens or words.rstrip().rstrip("\"'”’)]").endswith((".", "!", "?")):
        return not tokens
    big = [t for t in tokens if t.lower() not in _SMALL_WORDS]
    capitalised = sum(bool(t[:1].isupper() or t[:1].isdigit() or not t[:1].isalpha() or _PARTICLE.match(t)) for t in big)
    return bool(big) and capitalised >= 0.85 * len(big) and len(big) >= 0.6 * len(tokens)


def _is_place(place: str) -> bool:
    place = place.strip()
    return len(place.replace(" ", "")) >= 3 and any(c.isalpha() for c in place)


def _is_undashed(match: re.Match[str]) -> bool:
    """With no dash, the bracket must name a news agency or outlet ("(Sputnik)", "(SANA)", "(The Associated
    Press)"): "PKK (Kurdistan Workers Party) Militants attacked ..." opens a sentence, not a dateline."""
    place, outlet = match.group("place").strip(), _outlet(match.group("outlet"))
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and outlet is not None and len(outlet) <= OUTLET_MAX_CHARS


def _outlet(bracket: str) -> str | None:
    """The outlet a dateline's bracket names: the whole, or its first words when a reporter's name, capitalised,
    follows them ("The Associated Press Albert Aji"); None when it names none."""
    words = bracket.split()
    for size in range(min(OUTLET_WORDS, len(words)), 0, -1):
        outlet, byline = " ".join(words[:size]), words[size:]
        if outlet.casefold() in _OUTLETS and len(byline) <= BYLINE_WORDS \
                and all(word[:1].isupper() and word[1:].replace("-", "").replace("'", "").isalpha() for word in byline):
            return outlet
    return None


def _dateline(match: re.Match[str]) -> Dateline:
    outlet = (match.group("outlet") or "").strip() or None
    outlet = outlet and (_outlet(outlet) or outlet)  # "The Associated Press", not its reporter's name too
    place = re.split(r"\.\s+", match.group("place").strip())[-1]  # "YPG. MOSCOW": a sentence's end, then MOSCOW
    return Dateline(place=place.title(), outlet=outlet, length=match.end())
