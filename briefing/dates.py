"""Date expressions in report sentences, resolved against the report's publication date.

Reports date events relative to the day they were written ("on Friday", "last week",
"October 26", "since September", "three years ago"). `find_dates(text)` finds them with our own
patterns; `resolve(mention, published)` turns one into a period: dateparser reads the
expression's form ("Oct. 26", "Friday", "Nov 3, 2017"; once per distinct expression, since it
takes milliseconds a call), and the count from the publication date is ours, with the newsroom
rules dateparser does not know:
  - a bare weekday is the latest such day on or before publication ("on Friday" in a Friday
    report is that Friday); "last Friday" is strictly before it;
  - a month-day without a year takes the year that puts it nearest the publication date, with
    the past preferred (a "December 28" in a January report is last year's);
  - "last week" is the Monday-to-Sunday week before publication's;
  - "since September" is a range from the latest September on or before publication to it;
    "since April 21" from that day (the nearest April 21 before publication) to it.
Without a publication date a relative expression stays unresolved and is shown as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .names import match_key

DAY, WEEK, MONTH, YEAR, RANGE = "day", "week", "month", "year", "range"
DURATION, UNRESOLVED = "duration", "unresolved"
PRECISION_ORDER = {DAY: 0, WEEK: 1, MONTH: 2, RANGE: 3, YEAR: 4}  # most precise first

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![\w])")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY = _WEEKDAY  # segment.py reads page date lines with these patterns too
MONTH_NAME = _MONTH  # and rank.py a date after "since"
# one word that is a number, a day or a month, written out or cut short ("Fri", "Jul.", "2016"): no name's word
# ("Syria June", "Fri Jul"), the one test of quotes.py and label.py; "Mayor" and "Marib" are not months
DATE_WORD = re.compile(r"^(?:\d[\d,.:]*|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|(?:January|February|March|April|May|June|July|"
                       r"August|September|October|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
                       r"Dec)\.?)$", re.I)
_DAY_OF_MONTH = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# a day with its year: "Tuesday, 4 April 2017", "Apr. 4, 2017" (ingest/lead.py reads it too)
DAY_WITH_YEAR = (rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY_OF_MONTH},?\s+{_YEAR}"
                 rf"|{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})")
# a page's date line with the space between its day and year lost ("Last updated at Oct 042017": Jordan Times
# prints "Oct 04 2017"); read only where a date line stands (ingest/lead.py), never in a sentence
GLUED_DAY_YEAR = rf"{_MONTH}\s+(?:0[1-9]|[12]\d|3[01]){_YEAR}\b"
_GLUED = re.compile(rf"({_MONTH}\s+\d\d)({_YEAR})\b")
# a page's date line in figures, two for the day and two for the month: "17-08-2016" (Al-Manar), "24.08.2013"
# (Sputnik), "17/08/2016"; read as a day only where a date line stands (ingest/lead.py). "6-09-2013" opens a FA-KES
# report dated 16 September: a day of one figure has lost one, and is not read
DAY_IN_FIGURES = rf"\d\d(?:-\d\d-|\.\d\d\.|/\d\d/){_YEAR}(?!\d)"
_IN_FIGURES = re.compile(rf"(\d\d)([-./])(\d\d)\2({_YEAR})")
DATE_LINE_DAY = rf"(?:{DAY_WITH_YEAR}|{GLUED_DAY_YEAR}|{DAY_IN_FIGURES})"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?:day|week|month|year)s?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_HEDGE = r"(?:(?:nearly|almost|about|around|some|roughly|more\s+than|over|at\s+least)\s+)?"
# two or more years: "in 2014 and 2015", "between 2014 and 2016", "in 2012, 2013 and 2014", "2014-2015". Report
# text is untrusted, so the search takes linear time: a run of years ("2014, 2015, 2016") is read once, from its
# first year (the one no year and comma stand before: those commas take up to two spaces each side), and not
# given back (`*+`): when no joining word follows it, no later year of the run can start a match either (read
# from each, "2014, " * 8000 took 79 s). A count is no years: "Some 1800 to 2000 people fled"
_YEAR_SEPARATORS = [rf"\s{{{before}}},\s{{{after}}}" for before in range(3) for after in range(3)]
_IN_A_RUN = "".join(rf"(?<!(?<!\d){_YEAR}{separator})" for separator in _YEAR_SEPARATORS)
_COUNT_BOUND = "".join(rf"(?<!\b(?i:{word})\s)" for word in (
    "some", "about", "around", "nearly", "almost", "roughly", "approximately", "estimated", "least", "more than",
    "fewer than", "less than", "up to", "close to", "upwards of"))
_COUNTED = (r"(?!\s+(?i:people|persons|civilians|children|residents|refugees|migrants|families|households|"
            r"fighters|soldiers|troops|militants|rebels|men|women|victims|casualties|deaths|prisoners|detainees|"
            r"homes|houses)\b)")
_YEARS = (rf"\b(?:(?:[Ii]n|[Dd]uring|[Bb]etween|[Ff]rom)\s+)?{_COUNT_BOUND}{_IN_A_RUN}{_YEAR}"
          rf"(?:\s{{0,2}},\s{{0,2}}{_YEAR})*+"
          rf"(?:,?\s+(?:and|or|to|through|until)\s+(?:in\s+)?|\s*[-–]\s*){_YEAR}\b{_COUNTED}")

# (kind, pattern, what the text must hold for it to match), longest forms first: a match hides shorter
# ones inside it. The needs are cheap tests (see _cues) that spare most patterns most sentences.
PATTERNS: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = tuple(
    (kind, re.compile(pattern, flags), frozenset(needs.split())) for kind, pattern, flags, needs in (
        ("iso", r"\b\d{4}-\d{2}-\d{2}\b", 0, "digit -"),
        ("since_day", rf"\b[Ss]ince\s+(?:{_WEEKDAY},?\s+)?"
                      rf"(?:{_MONTH}\s+{_DAY_OF_MONTH}\b|{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH})(?:,?\s+{_YEAR}\b)?", 0,
         "since digit month"),
        ("absolute", rf"\b{DAY_WITH_YEAR}\b", 0, "year month"),
        ("since_month", rf"\b[Ss]ince\s+(?:early\s+|late\s+|mid-?)?{_MONTH}(?:,?\s+{_YEAR}\b)?", 0, "since month"),
        # "Since Saturday at least 68 civilians have been killed": a toll of the days since, not of Saturday (audit 9)
        ("since_weekday", rf"\b[Ss]ince\s+(?:last\s+)?{_WEEKDAY}\b", 0, "since Day"),
        ("since_year", rf"\b[Ss]ince\s+{_YEAR}\b", 0, "since year"),
        ("month_day", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY_OF_MONTH}\b(?!,?\s+{_YEAR})(?![\d:])", 0,
         "digit month"),
        ("month_day", rf"\b(?:{_WEEKDAY},?\s+)?{_DAY_OF_MONTH}\s+(?:of\s+)?{_MONTH}(?!,?\s+{_YEAR})", 0,
         "digit month"),
        ("month_year", rf"\b{_MONTH},?\s+{_YEAR}\b", 0, "year month"),
        ("month", rf"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?:early\s+|late\s+|mid-?)?{_MONTH}", 0,
         "month"),
        ("years", _YEARS, 0, "digit years"),
        ("year", rf"\b(?:[Ii]n|[Dd]uring)\s+{_YEAR}\b", 0, "year"),
        ("past_span", rf"\b(?:(?:in|over|for|during)\s+)?the\s+(?:past|last)\s+{_HEDGE}{_NUMBER}\s+{_UNIT}\b", re.I,
         "the past_last unit"),
        ("ago", rf"\b{_HEDGE}{_NUMBER}\s+{_UNIT}\s+ago\b", re.I, "ago unit"),
        ("relative_unit", r"\b(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year)\b", re.I,
         "last_this_next unit"),
        ("day_word",
         r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+(?:morning|afternoon|evening))\b",
         re.I, "day_word"),
        ("weekday", rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?{_WEEKDAY}{_PART_OF_DAY}\b", 0, "Day"),
        ("duration", rf"\b(?:for|of|over|after|lasting)\s+{_HEDGE}{_NUMBER}\s+{_UNIT}\b(?!\s+ago)", re.I, "unit"),
        ("duration", rf"\b{_NUMBER}-(?:day|week|month|year)(?:-long|-old)?\b", re.I, "unit -"),
    ))


# every pattern needs one of these: most sentences are skipped at the cost of one search
_MAYBE_DATE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
                         r"|(?i:ago|day|week|month|year|tonight|this\s+(?:morning|afternoon|evening))")
_DIGIT = re.compile(r"\d")
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_A_MONTH = re.compile(_MONTH)
_UNIT_WORDS = ("day", "week", "month", "year")
_DAY_WORDS = ("yesterday", "today", "tonight", "this")


def _cues(text: str) -> set[str]:
    """What a pattern of PATTERNS may need of a text: a digit, a month name, a word (in any case)."""
    lower = text.lower()
    cues = {word for word in ("since", "the", "ago") if word in lower}
    if _DIGIT.search(text):
        cues.add("digit")
        years = _YEAR_LIKE.finditer(text)  # what every pattern with a year needs
        if next(years, None) is not None:
            cues.add("year")
            # two years need two of these apart ("2019" holds "20" and "19" but is one year)
            if next(years, None) is not None:
                cues.add("years")
    if "past" in lower or "last" in lower:
        cues.add("past_last")
    if "last" in lower or "this" in lower or "next" in lower:
        cues.add("last_this_next")
    if _A_MONTH.search(text):
        cues.add("month")
    if any(word in lower for word in _UNIT_WORDS):
        cues.add("unit")
    if any(word in lower for word in _DAY_WORDS):
        cues.add("day_word")
    if "day" in text:  # every weekday's name ends so, in the case the pattern needs
        cues.add("Day")
    if "-" in text:
        cues.add("-")
    return cues


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, and the period it stands for once resolved."""

    text: str  # as written
    start: int  # character offsets in the text it was found in
    end: int
    kind: str  # the pattern that found it ("weekday", "month_day", "ago", ...)
    precision: str = UNRESOLVED  # day, week, month, year, range; duration (no date); unresolved
    first: dt.date | None = None  # the period's first and last day
    last: dt.date | None = None

    @property
    def resolved(self) -> bool:
        return self.first is not None

    @property
    def label(self) -> str:
        """The date as a reader sees it: "25 October 2017", "week of 23 October 2017", "October 2017",
        "since September 2017", "2014"; an unresolved expression as written."""
        if self.first is None or self.last is None:
            return self.text
        if self.precision == DAY:
            return long_day(self.first)
        if self.precision == WEEK:
            return f"week of {long_day(self.first)}"
        if self.precision == MONTH:
            return f"{self.first:%B %Y}"
        if self.precision == YEAR:
            return str(self.first.year)
        if self.kind.startswith("since"):
            return {"since_day": f"since {long_day(self.first)}", "since_weekday": f"since {long_day(self.first)}",
                    "since_month": f"since {self.first:%B %Y}"}.get(
                self.kind, f"since {self.first.year}")
        return f"{long_day(self.first)} to {long_day(self.last)}"


def long_day(day: dt.date) -> str:
    """3 November 2017"""
    return f"{day.day} {day:%B %Y}"


def long_date(value: object) -> str:
    """'2017-11-03' -> '3 November 2017'; anything else is shown as it is."""
    if not value:
        return "date unknown"
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return long_day(day)


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in `text`, in order; overlapping matches keep the earliest-listed pattern."""
    return list(_find_dates(text))


# a rule or an office held "since 1963" dates a state, not what the sentence tells ("The Syrian conflict
# began when the Baath regime in power since 1963 ... responded with military force": not an event of 1963)
_STATE_BEFORE = re.compile(r"\b(?:in (?:power|office|charge|exile)|at the helm|(?:has|have|had) (?:ruled|governed|reigned)"
                           r"|(?:ruling|governing|reigning))\s+$", re.I)


@lru_cache(maxsize=65536)  # a wire copy's sentence recurs in reports of other days
def _find_dates(text: str) -> tuple[DateMention, ...]:
    # the spans taken by earlier patterns, apart and in order (so their ends are in order too): a match
    # overlaps one only if it overlaps the last that starts before it ends. A pattern's own matches never
    # overlap; they join the spans once it is done. (Each match once looked through every span taken:
    # "In 2014, " * 22000 took 7 s)
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    found: list[DateMention] = []
    if not _MAYBE_DATE.search(text):
        return ()
    cues = _cues(text)
    for kind, pattern, needs in PATTERNS:
        if not needs <= cues:
            continue
        added: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            start, end = match.span()
            before = bisect_left(taken_starts, end) - 1
            if before >= 0 and taken_ends[before] > start:
                continue
            added.append((start, end))
            if kind.startswith("since") and _STATE_BEFORE.search(text, max(0, start - 40), start):
                kind_here = "duration"  # "the Baath regime in power since 1963": how long a state lasts, no event
            else:
                kind_here = kind
            found.append(DateMention(text=match.group(0), start=start, end=end, kind=kind_here))
        if added:
            spans = sorted(list(zip(taken_starts, taken_ends)) + added)
            taken_starts, taken_ends = [a for a, _ in spans], [b for _, b in spans]
    return tuple(sorted(found, key=lambda m: m.start))


# the date a state of things started, recalled as such: "killed since the conflict began with anti-government
# protests in March 2011", "since the start of the uprising against Assad in March 2011", "the war, which began
# in March 2011": the state (or "it", after "since") is what began, a few words before the verb, and the date a
# few words after it; "war monitor", "crisis talks" and "war crimes" are no state
_STATES = r"(?:war|conflict|crisis|uprising|revolution|unrest|protests)(?!\s+(?:monitor|talks|crimes?|court|zone))"
_STATE_BEGAN = re.compile(rf"(?:\b{_STATES}\b|\bsince\s+it\b)(?:[\s,]+\S+){{0,6}}?[\s,]+(?:began|begun|started|erupted|"
                          rf"broke\s+out)\b(?:\s+\S+){{0,8}}\s*$", re.I)
_START_OF_STATE = re.compile(rf"\b(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:\S+\s+){{0,4}}?{_STATES}\b"
                             rf"(?:\s+\S+){{0,8}}\s*$", re.I)
RECALL_WINDOW = 160  # characters before the date that are read for it


def is_background(mention: DateMention, text: str) -> bool:
    """A state of things "since" a date ("Syria has been mired in civil war since 2011", "more than 330000
    killed since the conflict began in March 2011") or over years ("over the past five years"), which
    every report recalls and the count would put first, is background, not an event: it makes the
    timeline only when the events leave room. A day or a weekday is never background."""
    if mention.kind.startswith("since"):
        return True
    if mention.first and mention.last and (mention.last - mention.first).days > 366:
        return True  # "killed more than 280000 people over the past five years": a toll of years
    if mention.precision not in (MONTH, YEAR):
        return False
    before = text[max(0, mention.start - RECALL_WINDOW):mention.start]
    return bool(_STATE_BEGAN.search(before) or _START_OF_STATE.search(before))


# the war's toll told with no date of its own: "More than 200000 people have been killed in Syria since the conflict
# started" (audit 8: a section's last line)
_SINCE_THE_WAR = re.compile(r"\bsince the (?:(?:beginning|start|outbreak|onset) of (?:the |Syrias |Syria's )?(?:\w+ )?"
                            r"(?:conflict|war|uprising|crisis|revolution)|(?:\w+ )?(?:conflict|war|uprising|crisis|"
                            r"revolution) (?:began|started|erupted|broke out))\b", re.I)


def recalls_only_background(text: str) -> bool:
    """Whether every date the sentence gives recalls a state of things ("The civil war in Syria has been raging
    since March 2011", "besieged since 2013", "more than 330000 killed since the conflict began in March 2011"),
    or, giving none, it counts from the war's start ("killed since the conflict started"): what every report
    repeats, and no news of its own. Read without a publication date: a weekday or "yesterday" is never
    background."""
    mentions = [resolve(mention, None) for mention in find_dates(text)]
    if not mentions:
        return bool(_SINCE_THE_WAR.search(text))
    return all(is_background(mention, text) for mention in mentions)


def dated(text: str, published: str | dt.date | None) -> list[DateMention]:
    """`find_dates` with each mention resolved against the publication date."""
    day = _as_date(published)
    return [resolve(mention, day) for mention in _find_dates(text)]


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_BASE = dt.date(2001, 1, 1)  # a Monday: dateparser reads every expression against this one day


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser  # a second to import: only when dates are resolved

    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": dt.datetime.combine(_BASE, dt.time()),
                                                       "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True})


@lru_cache(maxsize=4096)
def _parse(expression: str) -> dt.date | None:
    """dateparser's reading of one normalised expression ("October 26", "Friday", "Nov. 3, 2017").

    It is read once against a fixed day (dateparser takes some milliseconds a call, and a corpus
    repeats its expressions); the arithmetic from the publication date is ours (see below)."""
    quick = _quick_date(expression)
    if quick is not None:
        return quick
    data = _parser().get_date_data(expression)
    return data.date_obj.date() if data and data.date_obj else None


_MONTH_NUMBERS = {name.lower(): number for number in range(1, 13)
                  for name in (calendar.month_name[number], calendar.month_abbr[number])} | {"sept": 9}


_WEEKDAY_NUMBERS = {calendar.day_name[number].lower(): number for number in range(7)}
_LEAP_YEAR = 2000  # what dateparser gives a month and day without a year, read against _BASE


def _quick_date(expression: str) -> dt.date | None:
    """The common forms read without dateparser (milliseconds a call, most of the timeline's time at
    1,000 reports), as it reads them against _BASE: "16 September 2016", "Apr 29, 2016", "March 2014",
    "4th of April";
    without a year "October 26", "26 Oct.", "April 3rd", "July" (in 2000) and "Friday" (the last one
    before _BASE): only their month, day or weekday is used then. None for an impossible day
    ("June 31") and for anything else, which dateparser then reads."""
    words = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", expression.lower()).replace(".", " ").replace(",", " ").split()
    if len(words) >= 3 and words[1] == "of" and words[0].isdigit():
        del words[1]  # "26 of September", "4th of April"
    year = None
    if len(words) >= 2 and words[-1].isdigit() and len(words[-1]) == 4:
        year = int(words.pop())
    if len(words) == 1:
        if words[0] in _WEEKDAY_NUMBERS and year is None:
            return _BASE - dt.timedelta(days=(_BASE.weekday() - _WEEKDAY_NUMBERS[words[0]]) % 7 or 7)
        month = _MONTH_NUMBERS.get(words[0])
        return dt.date(year or _LEAP_YEAR, month, 1) if month else None
    if len(words) != 2:
        return None
    first, second = words
    if first.isdigit() and second in _MONTH_NUMBERS:
        day, month = int(first), _MONTH_NUMBERS[second]
    elif second.isdigit() and first in _MONTH_NUMBERS:
        day, month = int(second), _MONTH_NUMBERS[first]
    else:
        return None
    try:
        return dt.date(year or _LEAP_YEAR, month, day)
    except ValueError:
        return None


def _weekday_of(name: str) -> int | None:
    day = _parse(name)
    return day.weekday() if day else None


def resolve(mention: DateMention, published: dt.date | None) -> DateMention:
    """The mention with its period filled in, when it can be resolved."""
    period = _resolve(mention.kind, mention.text, published)
    if period is None:
        return mention
    precision, first, last = period
    return DateMention(mention.text, mention.start, mention.end, mention.kind, precision, first, last)


@lru_cache(maxsize=65536)  # "on Friday" in the reports of one day: one reading
def _resolve(kind: str, text: str, published: dt.date | None) -> tuple[str, dt.date | None, dt.date | None] | None:
    words = _clean(text)
    if kind in ("duration", "years"):
        # "at least three chlorine attacks in 2014 and 2015": events of several years, none of them dated by
        # its first (the timeline put this at 2014); a sentence is dated only by a date of its own
        return DURATION, None, None
    if kind in ("iso", "absolute"):
        day = _parse(_without_weekday(words))
        return (DAY, day, day) if day else None
    if kind == "month_year":
        day = _parse(words)
        return (MONTH, day.replace(day=1), _month_end(day)) if day else None
    if kind == "since_year":
        return RANGE, dt.date(int(words[-4:]), 1, 1), published or dt.date(int(words[-4:]), 12, 31)
    if kind == "since_day":  # "since April 21": from that day to publication
        day_words = _without_weekday(re.sub(r"^[Ss]ince\s+", "", words))
        if re.search(r"\d{4}$", day_words):
            day = _parse(day_words)
            return (RANGE, day, published or day) if day else None
        if published is None:
            return None
        period = _month_day(day_words, published)
        return (RANGE, period[1], published) if period else None
    if kind == "since_weekday":  # "since Saturday": from the last such day to publication
        day = _weekday(re.sub(r"^[Ss]ince\s+(?:last\s+)?", "", words), published) if published else None
        return (RANGE, day[1], published) if day else None
    if kind == "since_month" and re.search(r"\d{4}$", words):
        day = _parse(_month_words(words))
        return (RANGE, day.replace(day=1), published or _month_end(day)) if day else None
    if kind == "year":
        year = int(words[-4:])
        return YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31)
    if published is None:
        return None  # relative to a day we do not know: shown as written
    if kind == "month_day":
        return _month_day(_without_weekday(words), published)
    if kind in ("month", "since_month"):
        day = _parse(_month_words(words))
        if day is None:
            return None
        # the latest such month on or before publication
        first = dt.date(published.year - (day.month > published.month), day.month, 1)
        return (RANGE, first, published) if kind == "since_month" else (MONTH, first, _month_end(first))
    if kind == "weekday":
        return _weekday(words, published)
    if kind == "day_word":
        key = words.lower()
        day = published - dt.timedelta(days=2 if "before" in key else 1 if key == "yesterday" else 0)
        return DAY, day, day
    if kind == "relative_unit":
        return _relative_unit(words.lower(), published)
    if kind == "ago":
        return _ago(words, published)
    if kind == "past_span":
        amount, unit = _amount_unit(words)
        first = _shift(published, unit, -amount)
        return RANGE, first, published
    return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _without_weekday(words: str) -> str:
    return re.sub(rf"^{_WEEKDAY},?\s+", "", words)


def _month_words(words: str) -> str:
    """'since early September 2014' -> 'September 2014'."""
    return re.sub(r"^(?:(?:since|in|during|by)\s+)?(?:(?:early|late)\s+|mid-?\s*)?", "", words, flags=re.I)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _month_day(words: str, published: dt.date) -> tuple[str, dt.date, dt.date] | None:
    parsed = _parse(words)
    if parsed is None:
        return None
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(parsed.replace(year=year))
        except ValueError:  # 29 February
            continue
    # nearest to publication; a future date counts three times its distance (reports look back)
    day = min(candidates, key=lambda d: (published - d).days if d <= published else 3 * (d - published).days)
    return DAY, day, day


def _weekday(words: str, published: dt.date) -> tuple[str, dt.date, dt.date] | None:
    name = re.search(_WEEKDAY, words)
    if name is None:
        return None
    weekday = _weekday_of(name.group(0))
    if weekday is None:
        return None
    lead = words.split()[0].lower()
    back = (published.weekday() - weekday) % 7  # days back to the latest such day on or before publication
    if lead == "next":
        day = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    elif lead == "last":  # strictly before publication
        day = published - dt.timedelta(days=back or 7)
    else:  # a bare weekday (and "this Friday")
        day = published - dt.timedelta(days=back)
    return DAY, day, day


def _relative_unit(words: str, published: dt.date) -> tuple[str, dt.date, dt.date] | None:
    unit = words.split()[-1]
    step = -1 if words.startswith("last") else 1 if words.startswith("next") else 0
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return WEEK, monday, monday + dt.timedelta(days=6)
    if unit == "month":
        first = _shift(published.replace(day=1), "month", step)
        return MONTH, first, _month_end(first)
    year = published.year + step
    return YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31)


def _amount_unit(words: str) -> tuple[int, str]:
    match = re.search(rf"({_NUMBER})\s+({_UNIT})", words, re.I)
    assert match is not None
    amount = match_key(match.group(1))
    return (int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]), match_key(match.group(2)).rstrip("s")


def _ago(words: str, published: dt.date) -> tuple[str, dt.date, dt.date] | None:
    amount, unit = _amount_unit(words)
    day = _shift(published, unit, -amount)
    if unit == "day":
        return DAY, day, day
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return WEEK, monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return MONTH, day.replace(day=1), _month_end(day)
    return YEAR, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    months = day.year * 12 + day.month - 1 + (amount * 12 if unit == "year" else amount)
    year, month = divmod(months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def date_line_day(expression: str) -> dt.date | None:
    """The day a page's date line names (DATE_LINE_DAY: "Saturday 7 Oct 2017", "Oct 042017", "17-08-2016"), or
    None."""
    figures = _IN_FIGURES.fullmatch(expression.strip())
    if figures:
        return _day_in_figures(*figures.groups())
    words = _clean(_GLUED.sub(r"\1 \2", expression.strip()))
    return _parse(_without_weekday(words))


def _day_in_figures(first: str, separator: str, second: str, year: str) -> dt.date | None:
    """The day of a date line in figures. Day first, as the outlets that write dashes and dots do (all 119 FA-KES
    openings of Al-Manar and Sputnik that agree with their report's date; none reads month first), unless the second
    number cannot be a month ("08-17-2016"). A slash is written both ways (US pages put the month first): read only
    when one of the numbers is past 12. None for no such day."""
    day, month = int(first), int(second)
    if month > 12:
        day, month = month, day
    elif separator == "/" and day <= 12:
        return None  # "04/05/2017": 4 May or April 5
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        return None
