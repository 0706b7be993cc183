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


def long_date(value: object) -> str:
    """'2017-11-03' -> '3 November 2017'; anything else is shown as it is."""
    if not value:
        return "date unknown"
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def cite(citations) -> str:
    """Plain-text citation marks: [1][2]."""
    return "".join(f"[{c['source']}]" for c in citations)


FILTERS = {"md": md_escape, "long_date": long_date, "plural": plural, "cite": cite}
