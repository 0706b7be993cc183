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
_DATELINE = re.compile(
    rf"""^{_PLACE}
        (?:,\s*[A-Za-z][\w .,'’\-]{{0,40}}?)?           # optional country or date
        \s*(?:\((?P<outlet>[^()\n]{{2,40}})\))?         # optional (Outlet)
        \s*[–—-]{{1,2}}\s+""",
    re.VERBOSE,
)
# With no dash, only the outlet in brackets tells a dateline from a sentence that opens with a name in
# capitals, so it must be there, short (a name, not a clause), and a capitalised word must follow:
# "MOSCOW (Sputnik) According to", "DEIR EZ-ZOR (Syria) (Sputnik) Reportedly", "DAMASCUS (SANA) Syrian army".
# Not: "ISIS (Daesh) militants" (lower case next), "SARC (Syrian Arab Red Crescent) staff" (too long, and
# the letters of the place), "US (AFP) ..." (a place of 3 letters at least).
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_UNDASHED = re.compile(
    rf"""{_PLACE}
        (?:,\s*[A-Za-z][\w .,'’\-]{{0,40}}?|\s+{_MONTH_DAY})?  # optional country or date ("BEIRUT August 21")
        \s*(?:\([A-Z][\w .'’\-]{{1,30}}\)\s*)?          # optional (Country): "DEIR EZ-ZOR (Syria) (Sputnik)"
        \((?P<outlet>[A-Z][\w.&'’\-]*(?:\ [\w.&'’\-]+){{0,2}})\)  # (Outlet): up to three words
        \s+(?=[A-Z0-9"“‘])                              # then a sentence
    """,
    re.VERBOSE,
)
OUTLET_MAX_CHARS = 24
_OUTLETS = {name.casefold() for name in AGENCIES}


@dataclass(frozen=True)
class Dateline:
    place: str
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
    glued = _GLUED_DASH.match(paragraph)
    return Dateline(place=glued.group("place").replace("/", " / "), outlet=None, length=glued.end()) if glued else None


def find_dateline_within(sentence: str) -> Dateline | None:
    """An undashed dateline that opens the sentence or comes after words that end no sentence: a flattened
    page glues the photo credit and a related headline onto it ("Sputnik Ilya Pitalev Number of Settlements
    Joining Syrian Ceasefire Deal Reaches 207 MOSCOW (Sputnik) At the ..."). `length` is where the story
    starts in `sentence`."""
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
    place, outlet = match.group("place").strip(), match.group("outlet").strip()
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and len(outlet) <= OUTLET_MAX_CHARS and outlet.casefold() in _OUTLETS


def _dateline(match: re.Match[str]) -> Dateline:
    outlet = (match.group("outlet") or "").strip() or None
    place = re.split(r"\.\s+", match.group("place").strip())[-1]  # "YPG. MOSCOW": a sentence's end, then MOSCOW
    return Dateline(place=place.title(), outlet=outlet, length=match.end())
