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

from ..dates import DATE_LINE_DAY
from ..model import Document
from ..names import ALIASES
from ..press import AGENCIES

# "Tuesday 4 Apr 2017", "Oct 042017" (Jordan Times: "Oct 04 2017" with a space lost), "21-03-2016", "2017-04-04",
# maybe with a time ("0147 PM", "10:30 GMT", Al-Alam's "102138": 10:21:38, audit 9); `day` is the day, which ingest
# compares with the report's date
_DATE = (rf"(?:(?P<day>{DATE_LINE_DAY}|\d{{4}}-\d{{2}}-\d{{2}})|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})"
         r"(?:,?\s+(?:at\s+)?(?:\d{1,2}:\d{2}|(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?!\d)|\d{3,4}(?=\s*[AaPp]))"
         r"\s*(?:[AaPp]\.?[Mm]\.?)?"
         r"(?:\s+(?:GMT|UTC|ET|EST|EDT))?)?")  # a time: "10:30", "2354", "147 PM"; "01-11-2014 100 ISIL ..." is a count
_LABEL = (r"(?P<label>(?:Date of publication|Published(?:\s+on)?|Posted(?:\s+on)?|Last updated(?:\s+at)?|Updated"
          r"|Print this page)"
          r"\s*:?\s+)")
# "Middle East Syria Military 07-08-2013 0147 PM": a few capitalised words, then the date
_BREADCRUMB = r"(?:(?!(?:On|In|By|Since|Until|From|As|At|Of|For)\s)[A-Z][\w'&-]*\s+){1,4}"
_LEAD = re.compile(rf"\s*(?:{_LABEL}|{_BREADCRUMB})?{_DATE}\s+")
_WORD = re.compile(r"\w+")
_WIRE_CREDIT = re.compile(r"\s*[-–—(]?\s*(\w+)\s*\)?\s*[-–—]?\s+(?=[A-Z\"“])")
_WIRES = {name.casefold() for name in AGENCIES if " " not in name}  # one word: "... Observatory Reuters A ..."
# one upper-case word left of a headline the title field cut short ("Syrian state" + "TV"), before "A", "The"
_HEADLINE_TAIL = re.compile(r"^[A-Z0-9]{1,4}\s+(?=(?:A|An|The)\s+[a-z])")
# a byline (one to three capitalised names) and then words that only open a story's sentence: a count's hedge, or
# an article before a word in lower case
_BYLINE_THEN_STORY = re.compile(r"by\s+(?:[A-Z][\w'’-]+\s+){1,3}"
                                r"(?=(?:At least|More than|Nearly|Some|Dozens of|Hundreds of|(?:A|An|The)(?=\s+[a-z]))\s)")
TITLE_WITHIN = 12  # the headline must start within this many words after the date ("by Outlet English")


def without_lead_boilerplate(document: Document) -> Document:
    text = strip_lead(document.text, document.title)
    return document if text is document.text else replace(document, text=text)


def strip_lead(text: str, title: str | None) -> str:
    """The text from where its story starts (the same object when nothing is cut)."""
    return _lead(text, title)[0]


def lead_date(text: str, title: str | None) -> str | None:
    """The day of the date line that strip_lead cuts ("Saturday 7 Oct 2017", "Oct 042017"), or None: when nothing
    is cut the date, if any, is a sentence's own."""
    rest, day = _lead(text, title)
    return day if rest is not text else None


def _lead(text: str, title: str | None) -> tuple[str, str | None]:
    match = _LEAD.match(text)
    if not match:
        return _without_headline_first(text, title)
    cut = match.end()
    headline_end = _title_end(text, cut, title or "")
    if headline_end is not None:
        cut = _after_wire_credit(text, headline_end)
    elif text[cut:cut + 3].lower() == "by ":
        byline = _BYLINE_THEN_STORY.match(text, cut)
        if byline is None:
            return text, None  # a byline with no headline after it: where it ends cannot be told
        cut = byline.end()  # "Posted on August 3 2013 by Nazeer Rida At least 12 Islamist fighters ..."
    elif match.group("label"):
        cut = after_place(text, cut)
    rest = text[cut:].lstrip(" \t.:;|-–—")
    if (len(list(islice(_WORD.finditer(rest), 4))) < 4
            or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")):
        return text, None  # what is left does not start like a sentence: the date was part of one
    return rest, match.group("day")


def _without_headline_first(text: str, title: str | None) -> tuple[str, str | None]:
    """The text after its headline, when it opens with the document's title word for word and then a
    sentence ("10 dead after strikes on rebel-held hospitals in Syria Air strikes on two hospitals ..."),
    maybe with a section and a date between them ("... in Deir Ezzor Middle East Syria Security 31-08-2014
    0742 PM Militants of ..."). Left in, the headline glues onto the lead sentence."""
    end = _title_end(text, 0, title or "", within=1)
    if end is None:
        return text, None
    dateline = _LEAD.match(text, end)
    cut = _after_wire_credit(text, dateline.end() if dateline else end)
    if dateline:
        cut = _after_related(text, dateline, cut)
    rest = text[cut:].lstrip(" \t.:;|-–—")
    rest = _HEADLINE_TAIL.sub("", rest, count=1)  # "... kills six Syrian state" + "TV A bomb blast killed ..."
    words = [m.group() for m in islice(_WORD.finditer(rest), 8)]
    if (len(words) < 4 or not any(word.islower() for word in words)
            or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")):
        return text, None  # no sentence follows, or the "headline" runs on in lower case: it was the first sentence
    return rest, dateline.group("day") if dateline else None


# a dateline in capitals after a date line, maybe with its country: "Last updated at Oct 042017 BEIRUT A Russian air
# strike ...", "... Apr 052017 KHAN SHEIKHUN Syria A suspected ..." (Jordan Times); a word of four capitals or more
# (not "US"), then a capitalised word: "SDF fighters ..." is a sentence. Only after a labelled date line ("Last
# updated at"): "May 18 2017 ISIL Kills over 50 ..." opens with a headline
_CAPS_PLACE = re.compile(r"(?P<place>[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+){0,2})"
                         r"(?:,?\s+(?:Syria|Lebanon|Iraq|Jordan|Turkey|Russia|Israel|Egypt|Iran|Yemen))?,?\s+"
                         r"(?=[A-Z\"“‘0-9])")


# an organisation's acronym opens a sentence, no dateline: "Published 4 April 2017 NATO Secretary General Jens
# Stoltenberg said ...", "Updated: 4 April 2017 UNICEF Syria Representative ..."
ACRONYMS = frozenset({name for name in AGENCIES if name.isupper()}
                      | {name for names in ALIASES for name in names if name.replace(".", "").isupper()}
                      | set("""NATO UNICEF OPCW UNHCR UNOCHA OCHA UNRWA UNESCO UNSC WHO ICRC SARC MSF UOSSM SAMS HRW
                      ISIS ISIL SDF YPG YPJ PYD PKK FSA HTS SOHR SNHR SANA EU UN USA UAE IAEA OSCE CENTCOM NGO""".split()))


def after_place(text: str, at: int) -> int:
    match = _CAPS_PLACE.match(text, at)
    if match and sum(c.isalpha() for c in match.group("place")) >= 4 \
            and not any(word in ACRONYMS for word in re.split(r"[ /]", match.group("place"))):
        return match.end()
    return at


# Ahram: "<headline> Moscow AFP Saturday 7 Oct 2017 Russian strikes in Syria hit rebels underground arsenal Head of
# Syria ex-Qaeda group critical after Russia strike Moscow Some 120 ...": related headlines, then the story with its
# dateline's place, which stood before the wire's name too. Cut only then: a place said twice around the headlines,
# with no sentence's end, quote, attribution, article or past tense's auxiliary between (headlines drop them; "Jets
# hit a market near Aleppo Rebels fled" is a sentence), is the page's, not the story's
RELATED_WITHIN = 300  # characters of related headlines, at most
_UNSAID = re.compile(r"[.!?\"“”]|\b(?:said|says|told|tells|according|[Aa]n?|[Tt]he|was|were|had|has|have|been)\b")


def _after_related(text: str, dateline: re.Match[str], at: int) -> int:
    if dateline.group("day") is None:  # "6-09-2013" (a figure lost): its words cannot be told from the day's
        return at
    words = dateline.group(0)[:dateline.start("day") - dateline.start()].split()
    wire = next((i for i, word in enumerate(words) if word.lower() in _WIRES), 0)
    place = words[wire - 1] if wire else ""  # the word before the wire's name: "Moscow AFP"
    if len(place) >= 4 and place[:1].isupper() and place[1:].islower():
        again = re.compile(rf"\s{re.escape(place)}\s+(?=[A-Z0-9\"“])").search(text, at, at + RELATED_WITHIN)
        if again and len(text[at:again.start()].split()) >= 4 and not _UNSAID.search(text, at, again.start()):
            return again.end()
    return at


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
