"""Reading reports: one reader per kind of source, chosen from a plain registry.

`load_documents(inputs)` takes files, folders, globs and web addresses in any mix. A file's
reader is chosen by its extension (or, for an unknown one, by sniffing its first bytes); a web
address is fetched and read as a feed or a page by what comes back. Reports that cannot be used
are skipped with a warning (fatal with `strict`); then reports outside --since/--until, and
reports not in the brief's language, are left out, and copies of the same article collapsed.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Union

from ..dates import long_day
from ..errors import EmptySource, InputError, MissingSource
from ..model import Document
from .dates import in_range
from .feed import FEED_TYPES, Link, looks_like_feed, read_feed
from .html import read_html_report
from .jsonl import read_jsonl
from .furniture import with_plain_title, without_page_furniture
from .lead import without_lead_boilerplate
from .sidecar import Sidecars, is_sidecar
from .text import read_text_report
from .web import is_url

if TYPE_CHECKING:
    from ..options import BuildOptions
    from .web import Fetcher, Response

Item = Union[Document, Link, InputError]
# a reader gives one report, or several (a feed, a JSON Lines file) with their own failures
Reader = Callable[[Path], Union[Document, Sequence[Item]]]
Report = Callable[[str], None]

# extension -> reader; the CLI and the folder walk take their choices from here
READERS: dict[str, Reader] = {
    ".txt": read_text_report,
    ".md": read_text_report,
    ".markdown": read_text_report,
    ".html": read_html_report,
    ".htm": read_html_report,
    ".xhtml": read_html_report,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}


def reader_for(path: Path) -> Reader:
    """By extension; a file with another extension is sniffed: a feed, a page, JSON Lines or text."""
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader
    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
    except OSError:
        return read_text_report  # it reports the error
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if looks_like_feed(head):
        return read_feed
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return read_html_report
    if start.startswith(b"{"):
        return read_jsonl
    return read_text_report


def expand_sources(inputs: Iterable[str]) -> list[Path | str]:
    """Web addresses (as strings) and files: folders (their report files, sorted), files and
    globs, in the order given, once each."""
    sources: list[Path | str] = []
    for item in inputs:
        if is_url(item):
            sources.append(item.strip())
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise EmptySource(f"{item}: the pattern matches no file")
            sources.extend(Path(m) for m in matches if Path(m).is_file())
        elif os.path.isdir(item):
            found = sorted(p for p in Path(item).rglob("*")
                           if p.is_file() and p.suffix.lower() in READERS
                           and not any(part.startswith(".") for part in p.relative_to(item).parts))
            if not found:
                raise EmptySource(f"{item}: the folder holds no report ({', '.join(READERS)})")
            sources.extend(found)
        elif os.path.exists(item):
            sources.append(Path(item))
        else:
            raise MissingSource(f"{item}: no such file or folder")
    unique: dict[Path | str, None] = {}
    for source in sources:
        unique.setdefault(source.resolve() if isinstance(source, Path) else source, None)
    cwd = Path.cwd()  # once, not once per file
    return [s if isinstance(s, str) else Path(os.path.relpath(s, cwd)) if s.is_relative_to(cwd) else s
            for s in unique]


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """The files among `inputs` (see `expand_sources`)."""
    return [s for s in expand_sources(inputs) if isinstance(s, Path)]


def load_documents(inputs: Iterable[str], strict: bool = False, warn: Report = lambda message: None,
                   options: BuildOptions | None = None, progress: Report = lambda message: None,
                   fetcher: Fetcher | None = None, keep: Callable[[Document], bool] | None = None) -> list[Document]:
    """Read every report; a bad one is skipped with a warning, or is fatal with `strict`. `keep`: which of the
    reports read to go on with (`daily`'s new ones), before copies are looked for and the reports are warned of:
    what an earlier brief used is not warned of again."""
    from ..options import BuildOptions

    options = options or BuildOptions(strict=strict)
    strict = strict or options.strict

    def skip(message: str) -> None:
        if strict:
            raise InputError(message)
        warn(f"skipped {message}")

    items: list[Item] = []
    sidecars = Sidecars(warn)
    for source in expand_sources(inputs):
        if isinstance(source, str):
            items.append(Link(url=source, source=source))
            continue
        if is_sidecar(source):
            continue  # metadata for the reports beside it (sidecar.py), not a report
        try:
            found = reader_for(source)(source)
        except InputError as error:
            found = [error]
        found = sidecars.apply(source, found)
        items.extend([found] if isinstance(found, Document) else found)
    if any(isinstance(item, Link) for item in items):
        from .web import Fetcher

        items = _fetch_links(items, fetcher or Fetcher(timeout=options.timeout))

    documents: list[Document] = []
    # _report_key(document) -> (the day its text opens with, its date); not id(): copy detection replaces the copy
    # it keeps with a new object (its also_published_by)
    opening_dates: dict[tuple, tuple[date, date]] = {}
    for item in items:
        if isinstance(item, InputError):
            skip(str(item))
        elif isinstance(item, Document):
            cleaned = without_page_furniture(without_lead_boilerplate(with_plain_title(item)))
            if keep is not None and not keep(cleaned):
                continue
            documents.append(cleaned)
            said = _opening_date(item)  # read before the lead-in cut takes the date line away
            if said:
                opening_dates[_report_key(cleaned)] = said
    if not documents:
        if keep is not None and any(isinstance(item, Document) for item in items):
            return []  # every report was left out by `keep`: a quiet day, not a bad input
        raise InputError("no usable report in the input")
    documents = _within_dates(documents, options, warn, progress)
    documents = _without_copies(documents, progress,
                                lambda document: _contradicts_its_date(opening_dates.get(_report_key(document))))
    documents = _in_language(documents, options.language, skip)
    documents = _noted_lost_characters(documents, warn)
    documents = _noted_other_dates(documents, opening_dates, warn)
    used_ids: set[str] = set()
    unique = []
    for document in documents:
        document = _with_unique_id(document, used_ids)
        used_ids.add(document.id)
        unique.append(document)
    return unique


LOST_NOTE = "characters lost to an earlier encoding error (shown as \ufffd)"


def _noted_lost_characters(documents: list[Document], warn: Report) -> list[Document]:
    """The documents, those whose text or title holds U+FFFD with a note saying so in the brief's sources (characters
    an earlier wrong decoding lost before briefing read them; they show as "\ufffd"; nothing can bring them back),
    and one warning that names the first (audit 7: the others were named nowhere)."""
    lost = [d for d in documents if "\ufffd" in d.text or "\ufffd" in (d.title or "")]
    if not lost:
        return documents
    warn(f"{len(lost)} report{' holds' if len(lost) == 1 else 's hold'} characters lost to an earlier "
         f"encoding error (shown as \ufffd; the first: {_where(lost[0])}; each has a note in its sources); the brief quotes "
         f"them as they are")
    marked = {id(d) for d in lost}
    return [_noted(d, LOST_NOTE) if id(d) in marked else d for d in documents]


def _noted(document: Document, remark: str, **changes) -> Document:
    """The document with `remark` added to its note (shown in the brief's sources), and any other `changes`."""
    return replace(document, note=f"{document.note}; {remark}" if document.note else remark, **changes)


# a date line a day off the report's date is most often a time zone (a page's local day, a feed's UTC one): no
# contradiction for the desk to check, though its weekdays are still the writer's (see _opening_date)
DATE_SLACK_DAYS = 1


def _opening_date(document: Document) -> tuple[date, date] | None:
    """(the day the text opens with, the report's date) when they differ: "April 11 2017 Russian General Staff
    warns ..." in a report dated 4 April. The day is the page's date line that the lead-in cut (lead.py) takes away,
    in any form it reads: "Last updated at Oct 042017 ..." (Jordan Times, its space lost), "<headline> Moscow AFP
    Saturday 7 Oct 2017 ..." (Ahram, after the headline), "17-08-2016 <headline>" (Al-Manar). A day apart counts
    too: the text's "on Tuesday" is counted back from the day its writer wrote it, and "Published August 2 2016" in
    a report dated Monday 1 August put a Tuesday's strike on 26 July, a week early (audit 8)."""
    if not document.date:
        return None
    from ..dates import date_line_day
    from .lead import lead_date

    said_text = lead_date(document.text, with_plain_title(document).title)
    said = date_line_day(said_text) if said_text else None
    if said is None:
        return None
    try:
        dated = date.fromisoformat(document.date[:10])
    except ValueError:
        return None
    return (said, dated) if said != dated else None


def _contradicts_its_date(days: tuple[date, date] | None) -> bool:
    """Whether (the day a text opens with, its report's date) are further apart than a time zone can put them."""
    return days is not None and abs((days[0] - days[1]).days) > DATE_SLACK_DAYS


def _report_key(document: Document) -> tuple:
    return document.id, document.path, hash(document.text)


OTHER_DATES_NAMED = 5  # reports named on the terminal; every one gets a note in the brief's sources


def _noted_other_dates(documents: list[Document], opening_dates: dict[tuple, tuple[date, date]],
                       warn: Report) -> list[Document]:
    """The documents, those whose text opens with a day other than their date with a note saying so (it stays in
    the brief's sources and its JSON: a desk checks them one by one), and one warning for those further off than
    DATE_SLACK_DAYS: how many, the first OTHER_DATES_NAMED on lines of their own. Their news is read as of the day
    their text opens with (`Document.written`; the pipeline's analysis); which of the two days is right only the
    desk can tell. A day apart is a time zone, not warned of (9 of 804 FA-KES reports): it is noted, since it moves
    the text's weekdays. (Audit 7: 6 of 7 were named nowhere; a list of each on the terminal was 170 lines for
    1,000 FA-KES reports.)"""
    other = []
    noted = []
    for document in documents:
        days = opening_dates.get(_report_key(document))
        if days:
            said, dated = days
            if _contradicts_its_date(days):
                other.append((document, said, dated))
            document = _noted(document, f"its text opens with {long_day(said)}", written=said.isoformat())
        noted.append(document)
    if len(other) == 1:
        document, said, dated = other[0]
        warn(f"1 report opens with a date other than its own ({_where(document)} says {long_day(said)}, its "
             f"date is {long_day(dated)}); its news is dated by its text's day, and its source keeps its date")
    elif other:
        more = len(other) - OTHER_DATES_NAMED
        warn(f"{len(other)} reports open with a date other than their own; their news is dated by their text's day, and "
             f"each source keeps its date with a note" + (", the first named below" if more > 0 else ", named below"))
        for document, said, dated in other[:OTHER_DATES_NAMED]:
            warn(f"  {_where(document)} says {long_day(said)}, its date is {long_day(dated)}")
        if more > 0:
            warn(f"  and {more} more (the brief's JSON lists every report with its note)")
    return noted


def _where(document: Document) -> str:
    """How a warning names a report: its file, or its id when it is one line of a JSON Lines file."""
    return document.path if document.path and not document.path.endswith(".jsonl") else document.id


def _fetch_links(items: list[Item], fetcher: Fetcher) -> list[Item]:
    """Fetch every link at once (bounded by the fetcher), then read what came back in place; a
    feed's entries are fetched in a second round."""
    for _round in range(2):
        links = [item for item in items if isinstance(item, Link)]
        if not links:
            break
        urls = list(dict.fromkeys(link.url for link in links))  # an article in two feeds is fetched once
        responses = dict(zip(urls, fetcher.fetch_all(urls)))
        resolved: list[Item] = []
        for item in items:
            if not isinstance(item, Link):
                resolved.append(item)
                continue
            response = responses[item.url]
            try:
                if isinstance(response, InputError):
                    raise response
                resolved.extend(read_response(response, item))
            except InputError as error:
                resolved.append(error if item.source == item.url else InputError(f"{item.source}: {error}"))
        items = resolved
    return [item if not isinstance(item, Link) else InputError(f"{item.source}: {item.url} was not fetched")
            for item in items]


_HTML_TYPES = ("text/html", "application/xhtml+xml")
_JSONL_TYPES = ("application/jsonl", "application/x-jsonlines", "application/x-ndjson", "application/ndjson")


def read_response(response: Response, link: Link) -> list[Item]:
    """What a download holds: a feed (its entries), a page (one report) or JSON Lines."""
    from .feed import feed_items
    from .html import extract_page, page_document
    from .jsonl import jsonl_items
    from .text import decode_report, text_document
    from .web import id_from_url

    body, kind = response.body, response.content_type
    if not link.from_feed and (kind in FEED_TYPES or looks_like_feed(body)):
        return feed_items(body, link.url, base_url=response.url)
    start = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kind in _HTML_TYPES or start.startswith((b"<!doctype html", b"<html")):
        page = extract_page(body, link.url, url=response.url)
        url = link.url if link.from_feed else (page.url or response.url)
        return [page_document(page, id=id_from_url(link.url), url=url, title=link.title, date=link.date,
                              outlet=link.outlet)]
    if kind in _JSONL_TYPES or link.url.lower().split("?")[0].endswith((".jsonl", ".ndjson")):
        return list(jsonl_items(decode_report(body, link.url), link.url, id_from_url(link.url)))
    if kind in ("text/plain", "text/markdown"):
        return [text_document(body, link.url, id=id_from_url(link.url), url=link.url)]
    raise InputError(f"{link.url}: is {kind or 'of no stated type'}, not a web page, feed, text or JSON Lines")


def _within_dates(documents: list[Document], options: BuildOptions, warn: Report,
                  progress: Report) -> list[Document]:
    if options.since is None and options.until is None:
        return documents
    from .dates import parse_bound

    since, until = parse_bound(options.since, "--since"), parse_bound(options.until, "--until")
    kept = [d for d in documents if d.date is None or in_range(d.date, since, until)]
    left_out = len(documents) - len(kept)
    if left_out:
        progress(f"left out {left_out} report{'s' * (left_out != 1)} dated outside --since/--until")
    undated = [d for d in kept if d.date is None]
    if undated:
        names = ", ".join(d.path or d.url or d.id for d in undated[:5]) + (", ..." if len(undated) > 5 else "")
        warn(f"kept {len(undated)} report{'s' * (len(undated) != 1)} with no date, which --since/--until "
             f"cannot place: {names}")
    if not kept:
        raise InputError("no report is dated within --since/--until")
    return kept


def _in_language(documents: list[Document], language: str | None, skip: Report) -> list[Document]:
    if not language or language == "any":
        return documents
    from .language import detect_language

    kept = []
    for document in documents:
        found = detect_language(document.text, expected=language)
        if found is not None and found != language:
            skip(f"{document.path or document.url or document.id}: is in language '{found}', not '{language}' "
                 f"(--language any keeps it)")
            continue
        kept.append(document)
    if not kept:
        raise InputError(f"no report is in language '{language}'")
    return kept


def _without_copies(documents: list[Document], progress: Report,
                    misdated: Callable[[Document], bool] | None = None) -> list[Document]:
    """One report of each group of copies: the first, or the first whose text does not contradict its date."""
    from .dedupe import collapse_duplicates

    kept, pairs = collapse_duplicates(documents, misdated=misdated)
    for copy, original in pairs[:SHOWN_COPIES]:
        progress(f"{_named(copy, original)} is a copy of {_named(original, copy)}: counted once")
    if len(pairs) > SHOWN_COPIES:  # 500 copies of one wire story: a line, not a screenful
        progress(f"... and {len(pairs) - SHOWN_COPIES} more copies, each counted once")
    return kept


SHOWN_COPIES = 10


def _named(document: Document, other: Document) -> str:
    """Where a report came from; with its id when the other came from the same file (two lines of one .jsonl)."""
    where = document.path or document.url or document.id
    same = where == (other.path or other.url or other.id) and document.id != where
    return f"{where} ({document.id})" if same else where


def _with_unique_id(document: Document, used: set[str]) -> Document:
    if document.id not in used:
        return document
    n = 2
    while f"{document.id}-{n}" in used:
        n += 1
    return replace(document, id=f"{document.id}-{n}")
