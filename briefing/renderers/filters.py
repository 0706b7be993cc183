"""Jinja filters the templates use; each keeps report text inert in its format."""

from __future__ import annotations

import datetime as dt
import re

import jinja2
import markupsafe

from ..dates import long_date  # the `long_date` filter, also the analysis's way of writing a day
from .citations import DEFAULT_MAX_CITATIONS, hidden, shown
from ..wording import plural  # the `plural` filter: "{{ n | plural('source') }}"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: object) -> str:
    """Markdown-safe text: no link, image, HTML or emphasis can come out of a report.

    Only ASCII punctuation is escaped (CommonMark shows a backslash before anything else as
    it is): the characters that make markup anywhere, and at the start of a line what would
    begin a list item, a rule or a heading underline ("1. ", "- ", "---", "==="). "02.10.2017"
    starts no list item and is left alone; "1. " becomes "1\\. "."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = re.sub(r"^([ \t]*\d+)\.(?=\s|$)", r"\1\\.", escaped, flags=re.M)  # "1. item" (")" is escaped above)
    escaped = re.sub(r"^([ \t]*)([-=])", r"\1\\\2", escaped, flags=re.M)  # "- item", "---", "==="
    escaped = re.sub(r"&(?=#?\w+;)", r"\\&", escaped)  # "&copy;" stays six characters, not "©"
    return escaped.replace("\n", " ")


def link_url(value: object) -> str:
    """The URL if it is safe to make a link of (http, https), else "": a report's metadata must
    not smuggle a javascript: or data: link into the brief."""
    url = str(value or "").strip()
    return url if re.match(r"https?://[^\s<>\"'`]+$", url, flags=re.I) else ""


def date_span_parts(first: object, last: object) -> tuple[str, str, str] | None:
    """The span's two ends as shown and what goes between them, as short as is clear: ('4', '–',
    '6 April 2017') within a month, ('30 March', ' – ', '6 April 2017') within a year, else both dates
    whole; None when `first` is not an earlier day than `last` (or either is not a date)."""
    if not (first and last and str(first)[:10] < str(last)[:10]):
        return None
    try:
        start, end = dt.date.fromisoformat(str(first)[:10]), dt.date.fromisoformat(str(last)[:10])
    except ValueError:
        return None
    if (start.year, start.month) == (end.year, end.month):
        return str(start.day), "–", long_date(end)
    if start.year == end.year:
        return f"{start.day} {start:%B}", " – ", long_date(end)
    return long_date(start), " – ", long_date(end)


def date_span(first: object, last: object) -> str:
    """'4–6 April 2017', '30 March – 6 April 2017', '7 August 2013 – 18 July 2018' when `first` is an
    earlier day than `last`, else `last` as long_date."""
    parts = date_span_parts(first, last)
    return "".join(parts) if parts else long_date(last)


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


def _limit(context) -> int:
    return context.get("max_citations", DEFAULT_MAX_CITATIONS)


@jinja2.pass_context
def first_cites(context, citations) -> list:
    """The citations a line shows (the first `max_citations`)."""
    return shown(citations, _limit(context))


@jinja2.pass_context
def more_cites(context, citations) -> list:
    """The citations a line leaves out of sight, shown as "+N"."""
    return hidden(citations, _limit(context))


def _more(citations: list, limit: int) -> str:
    left = len(hidden(citations, limit))
    return f" +{left}" if left else ""


@jinja2.pass_context
def cite(context, citations) -> str:
    """Plain-text citation marks: [1][2], then +N for those past max_citations."""
    limit = _limit(context)
    return "".join(f"[{c['source']}]" for c in shown(citations, limit)) + _more(citations, limit)


@jinja2.pass_context
def md_cite(context, citations) -> str:
    """Markdown citation links to the sources list: [\\[1\\]](#source-1)[\\[2\\]](#source-2), then +N."""
    limit = _limit(context)
    return "".join(f"[\\[{c['source']}\\]](#source-{c['source']})" for c in shown(citations, limit)) + \
        _more(citations, limit)


def dated(statement, form: str = "html") -> str:
    """A statement's text with the day its relative date stands for written after that date's words, in brackets:
    "killed in the Syrian capital on Sunday [15 October 2017] after ..." (Statement.day: the brackets are the
    brief's words, the rest the report's). The text as it is when it has no such day. `form`: "html" (the text
    escaped, the day in a span.gloss; autoescaping templates take it as it is), "md" (escaped for Markdown) or
    "text"."""
    def field(name):
        return statement.get(name) if isinstance(statement, dict) else getattr(statement, name, None)

    text, day, end = str(field("text") or ""), field("day"), field("day_end")
    # the day goes after a word, never inside one: a JSON whose text was edited may no longer hold the date there
    if not day or not isinstance(end, int) or not 0 < end <= len(text) or not text[end - 1].isalpha() \
            or text[end:end + 1].isalnum():
        before, gloss, after = text, "", ""
    else:
        before, gloss, after = text[:end], f"[{long_date(day)}]", text[end:]
    if form == "md":
        return md_escape(before) + (f" \\[{long_date(day)}\\]" if gloss else "") + md_escape(after)
    if form == "text":
        return before + (f" {gloss}" if gloss else "") + after
    markup = markupsafe.escape(before)
    if gloss:
        # its words kept on one line: "[3 November" at a line's end and "2017]" at the next read as two things
        markup += markupsafe.Markup(' <span class="gloss">{}</span>').format(gloss.replace(" ", "\u00a0"))
    return markup + markupsafe.escape(after)


MAX_OUTLETS_NAMED = 12


def unlisted_note(unlisted: dict, markdown: bool = False) -> str:
    """The sources list's last line in a large brief, as plain text: "Not listed: 771 further
    reports read for this brief (ahram 140, manar 105, ... and 3 other outlets)." ("" when none).
    With `markdown=true` the outlets (report metadata) are escaped for Markdown."""
    if not unlisted.get("count"):
        return ""
    named = ", ".join(f"{md_escape(outlet) if markdown else outlet} {n}"
                      for outlet, n in unlisted["outlets"][:MAX_OUTLETS_NAMED])
    others = len(unlisted["outlets"]) - MAX_OUTLETS_NAMED
    more = f" and {plural(others, 'other outlet')}" if others > 0 else ""
    return f"Not listed: {plural(unlisted['count'], 'further report')} read for this brief ({named}{more})."


FILTERS = {"md": md_escape, "md_cite": md_cite, "link_url": link_url, "long_date": long_date, "long_time": long_time, "plural": plural,
           "date_span_parts": date_span_parts,
           "cite": cite, "first_cites": first_cites, "more_cites": more_cites,
           "unlisted_note": unlisted_note, "dated": dated}
