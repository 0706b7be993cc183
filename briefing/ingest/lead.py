"""What a scraped page puts before its story: the date, a "Posted on ... by ..." line, a section
breadcrumb, and the headline again.

    "Tuesday 4 Apr 2017 Suspected gas attack on Syrias rebel-held Idlib kills at least 58 Observatory
     Reuters A suspected gas attack believed to be by Syrian government jets killed at least 58 people"

is a story that starts at "A suspected gas attack". Left in, the date and headline glue onto the
lead sentence, which is the one the brief most often shows. Only a lead that opens with a date
(after at most a few capitalised breadcrumb words or "Date of publication", "Posted on") is
touched, the headline is only cut when it is the document's own title word for word, and nothing
is cut unless what remains starts like a sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from ..dates import DAY_WITH_YEAR
from ..model import Document
from ..press import AGENCIES

# "Tuesday 4 Apr 2017", "21-03-2016", "2017-04-04", maybe with a time ("0147 PM", "10:30 GMT")
_DATE = (rf"(?:{DAY_WITH_YEAR}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
         r"(?:,?\s+(?:at\s+)?\d{1,2}:?\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+(?:GMT|UTC|ET|EST|EDT))?)?")
_LABEL = r"(?:(?:Date of publication|Published(?:\s+on)?|Posted(?:\s+on)?|Last updated|Updated)\s*:?\s+)"
# "Middle East Syria Military 07-08-2013 0147 PM": a few capitalised words, then the date
_BREADCRUMB = r"(?:(?!(?:On|In|By|Since|Until|From|As|At|Of|For)\s)[A-Z][\w'&-]*\s+){1,4}"
_LEAD = re.compile(rf"\s*(?:{_LABEL}|{_BREADCRUMB})?{_DATE}\s+")
_WORD = re.compile(r"\w+")
_WIRE_CREDIT = re.compile(r"\s*[-–—(]?\s*(\w+)\s*\)?\s*[-–—]?\s+(?=[A-Z\"“])")
_WIRES = {name.casefold() for name in AGENCIES if " " not in name}  # one word: "... Observatory Reuters A ..."
# one upper-case word left of a headline the title field cut short ("Syrian state" + "TV"), before "A", "The"
_HEADLINE_TAIL = re.compile(r"^[A-Z0-9]{1,4}\s+(?=(?:A|An|The)\s+[a-z])")
TITLE_WITHIN = 12  # the headline must start within this many words after the date ("by Outlet English")


def without_lead_boilerplate(document: Document) -> Document:
    text = strip_lead(document.text, document.title)
    return document if text is document.text else replace(document, text=text)


def strip_lead(text: str, title: str | None) -> str:
    """The text from where its story starts (the same object when nothing is cut)."""
    match = _LEAD.match(text)
    if not match:
        return _without_headline_first(text, title)
    cut = match.end()
    headline_end = _title_end(text, cut, title or "")
    if headline_end is not None:
        cut = _after_wire_credit(text, headline_end)
    elif text[cut:cut + 3].lower() == "by ":
        return text  # a byline with no headline after it: where it ends cannot be told
    rest = text[cut:].lstrip(" \t.:;|-–—")
    if (len(list(islice(_WORD.finditer(rest), 4))) < 4
            or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")):
        return text  # what is left does not start like a sentence: the date was part of one
    return rest


def _without_headline_first(text: str, title: str | None) -> str:
    """The text after its headline, when it opens with the document's title word for word and then a
    sentence ("10 dead after strikes on rebel-held hospitals in Syria Air strikes on two hospitals ..."),
    maybe with a section and a date between them ("... in Deir Ezzor Middle East Syria Security 31-08-2014
    0742 PM Militants of ..."). Left in, the headline glues onto the lead sentence."""
    end = _title_end(text, 0, title or "", within=1)
    if end is None:
        return text
    dateline = _LEAD.match(text, end)
    cut = _after_wire_credit(text, dateline.end() if dateline else end)
    rest = text[cut:].lstrip(" \t.:;|-–—")
    rest = _HEADLINE_TAIL.sub("", rest, count=1)  # "... kills six Syrian state" + "TV A bomb blast killed ..."
    words = [m.group() for m in islice(_WORD.finditer(rest), 8)]
    if (len(words) < 4 or not any(word.islower() for word in words)
            or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")):
        return text  # no sentence follows, or the "headline" runs on in lower case: it was the first sentence
    return rest


def _title_end(text: str, start: int, title: str, within: int = TITLE_WITHIN) -> int | None:
    """Where the document's title, repeated word for word, ends, when it starts soon after `start`."""
    wanted = [w.lower() for w in _WORD.findall(title)]
    if len(wanted) < 3:
        return None
    words = list(islice(_WORD.finditer(text, start, start + 2000), within + len(wanted) - 1))  # all it reads
    for offset in range(min(within, len(words))):
        window = words[offset:offset + len(wanted)]
        if len(window) == len(wanted) and all(m.group().lower() == w for m, w in zip(window, wanted)):
            return window[-1].end()
    return None


def _after_wire_credit(text: str, at: int) -> int:
    """Past a wire agency's name standing alone after the headline ("... Observatory Reuters A ...")."""
    match = _WIRE_CREDIT.match(text, at)
    return match.end() if match and match.group(1).lower() in _WIRES else at
