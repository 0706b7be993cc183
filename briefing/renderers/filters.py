"""Jinja filters the templates use; each keeps report text inert in its format."""

from __future__ import annotations

import datetime as dt
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: object) -> str:
    """Markdown-safe text: no link, image, HTML or emphasis can come out of a report."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = re.sub(r"^(\s*)([-=]{3,}|\d+\.)", r"\1\\\2", escaped, flags=re.M)
    return escaped.replace("\n", " ")


def link_url(value: object) -> str:
    """The URL if it is safe to make a link of (http, https), else "": a report's metadata must
    not smuggle a javascript: or data: link into the brief."""
    url = str(value or "").strip()
    return url if re.match(r"https?://[^\s<>\"'`]+$", url, flags=re.I) else ""


def long_date(value: object) -> str:
    """'2017-11-03' -> '3 November 2017'; anything else is shown as it is."""
    if not value:
        return "date unknown"
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def long_time(value: object) -> str:
    """'2026-11-21T16:15:01+00:00' -> '21 November 2026 at 16:15 UTC'; anything else as it is."""
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value) if value else "time unknown"
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    zone = " UTC" if moment.tzinfo is not None else ""
    return f"{moment.day} {moment:%B %Y} at {moment:%H:%M}{zone}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def cite(citations) -> str:
    """Plain-text citation marks: [1][2]."""
    return "".join(f"[{c['source']}]" for c in citations)


def md_cite(citations) -> str:
    """Markdown citation links to the sources list: [\\[1\\]](#source-1)[\\[2\\]](#source-2)."""
    return "".join(f"[\\[{c['source']}\\]](#source-{c['source']})" for c in citations)


FILTERS = {"md": md_escape, "md_cite": md_cite, "link_url": link_url, "long_date": long_date, "long_time": long_time, "plural": plural,
           "cite": cite}
