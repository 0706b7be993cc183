"""News datelines: `TEHRAN (Tasnim) –`, `DAMASCUS, Nov 3 (Reuters) -`, `BEIRUT -`.

A dateline gives the place (and often the outlet) and is not a sentence of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?[A-Z.])      # the place, in capitals
        (?:,\s*[A-Za-z][\w .,'’\-]{0,40}?)?            # optional country or date
        \s*(?:\((?P<outlet>[^()\n]{2,40})\))?          # optional (Outlet)
        \s*[–—-]{1,2}\s+""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    place: str
    outlet: str | None
    length: int  # characters the dateline takes at the start of the paragraph


def find_dateline(paragraph: str) -> Dateline | None:
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    if len(place.replace(" ", "")) < 3 or not any(c.isalpha() for c in place):
        return None
    outlet = (match.group("outlet") or "").strip() or None
    return Dateline(place=place.title(), outlet=outlet, length=match.end())
