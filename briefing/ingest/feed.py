"""Reader for RSS and Atom feeds (feedparser reads every dialect).

Each entry becomes a report: from the entry's own content when the feed carries the full text,
else from its linked article, fetched later (a `Link`). The entry's date and link are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .dateline import find_dateline
from .dates import from_struct_utc, parse_date
from .html import html_to_text
from .text import read_capped
from .web import id_from_url

FULL_TEXT_WORDS = 120  # an entry's content shorter than this is a teaser: fetch the article
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")


@dataclass(frozen=True)
class Link:
    """An article still to fetch, with what its feed entry already told about it."""

    url: str
    source: str  # what named it, for messages: the feed and the entry number, or the URL itself
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    from_feed: bool = False  # a link found in a feed is not itself read as a feed


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return False
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(path: Path) -> list[Document | Link | InputError]:
    raw = read_capped(path, "feed")
    return feed_items(raw, str(path), base_url=None, path=str(path))


def feed_items(raw: bytes, source: str, base_url: str | None, path: str | None = None
               ) -> list[Document | Link | InputError]:
    """One item per entry, in the feed's order."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(raw, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{source}: is not an RSS or Atom feed")
    if not parsed.entries:
        raise InputError(f"{source}: the feed has no entries")
    feed_outlet = _clean(parsed.feed.get("title"))
    items: list[Document | Link | InputError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source} entry {number}"
        link = _clean(entry.get("link"))
        if link and not link.lower().startswith(("http://", "https://")):
            link = None  # a relative link in a saved feed: nowhere to resolve it against
        title = _clean(entry.get("title"))
        date = _entry_date(entry)
        text = _full_text(entry)
        if text and len(text.split()) >= FULL_TEXT_WORDS or (text and not link):
            items.append(_entry_document(entry, number, where, text, title, date, link, feed_outlet, path))
        elif link:
            items.append(Link(url=link, source=where, title=title, date=date, outlet=feed_outlet, from_feed=True))
        else:
            items.append(InputError(f"{where}: has neither text nor a link to its article"))
    return items


def _entry_document(entry, number: int, where: str, text: str, title: str | None, date: str | None,
                    link: str | None, outlet: str | None, path: str | None) -> Document:
    first_paragraph = text.split("\n", 1)[0]
    dateline = find_dateline(first_paragraph)
    ident = id_from_url(link) if link else (id_from_url(entry.get("id")) if entry.get("id") else f"entry-{number}")
    return Document(
        id=ident,
        title=title or ident,
        title_from="feed" if title else "file name",
        outlet=outlet or (dateline.outlet if dateline else None),
        date=date,
        url=link,
        path=path,
        place=dateline.place if dateline else None,
        text=text,
    )


def _full_text(entry) -> str:
    """The longest text the entry carries: its content (Atom content, content:encoded), else its summary."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_to_text(c) if "<" in c else "\n\n".join(p.strip() for p in c.split("\n\n") if p.strip())
             for c in candidates if c and c.strip()]
    return max(texts, key=len, default="")


def _entry_date(entry) -> str | None:
    """Published, else updated; from the raw text first, which keeps the zone feedparser drops."""
    for key in ("published", "updated", "created"):
        date = parse_date(entry.get(key))
        if date:
            return date
        date = from_struct_utc(entry.get(f"{key}_parsed"))
        if date:
            return date
    return None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
