"""Publication dates: parsed, kept as ISO strings, never guessed.

A date with a time and an offset stays timezone-aware ("2017-11-03T18:20:00+03:00"); a bare day
stays a day ("2017-11-03"); a time without any zone keeps only its day, since the hour alone
cannot be placed. Anything unreadable is unknown (None), never "today".
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from ..errors import BriefingError

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _from_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DAY.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return _from_datetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00")))
    except ValueError:
        pass
    try:  # RFC 822 / 2822, as RSS writes them ("Fri, 03 Nov 2017 14:05:00 GMT")
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    # parsedate_to_datetime gives "-0000" (zone unknown) as a naive value
    return _from_datetime(parsed)


def _from_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        return value.date().isoformat()
    return value.isoformat()


def from_struct_utc(value: object) -> str | None:
    """feedparser's `*_parsed` (a UTC struct_time) when the raw text could not be read."""
    if not value:
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.timezone.utc).isoformat()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def parse_bound(value: str | None, flag: str) -> str | None:
    """A --since/--until value: an ISO day or date-time; checked, returned normalised."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    parsed = parse_date(text) if (_ISO_DAY.match(text) or "T" in text or " " in text) else None
    if parsed is None:
        raise BriefingError(f"{flag} {value!r} is no date of the calendar in ISO form (YYYY-MM-DD) or date-time")
    return parsed


def in_range(date: str, since: str | None, until: str | None) -> bool:
    """Whether a report's date lies in [since, until], both ends included. A bound that is a day
    takes the whole day; when either side has no time, days are compared in the report's own zone."""
    if since is not None and _compare(date, since) < 0:
        return False
    if until is not None and _compare(date, until) > 0:
        return False
    return True


def _compare(date: str, bound: str) -> int:
    if "T" in date and "T" in bound:
        a, b = dt.datetime.fromisoformat(date), dt.datetime.fromisoformat(bound)
        if (a.tzinfo is None) == (b.tzinfo is None):
            return (a > b) - (a < b)
    a_day, b_day = date[:10], bound[:10]
    return (a_day > b_day) - (a_day < b_day)
