"""Reader for web pages: the article's text without navigation, ads, comments or related links
(trafilatura), and its title, outlet, author, publication date and canonical URL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .dateline import find_dateline
from .dates import parse_date
from .text import read_capped

# where pages state when they were first published, most trusted first
_DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
              "publish-date", "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
              "parsely-pub-date", "sailthru.date", "date")
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
# embedded social posts quote someone else inside the story: trafilatura keeps them as text
_PRUNE = ["//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'twitter-video')"
          " or contains(@class, 'instagram-media') or contains(@class, 'tiktok-embed')]",
          "//div[contains(@class, 'fb-post') or contains(@class, 'social-embed')]"]


@dataclass(frozen=True)
class Page:
    """What a page says about its article."""

    title: str | None
    outlet: str | None
    author: str | None
    date: str | None  # ISO 8601, timezone-aware when the page gives a time and zone
    url: str | None  # the canonical URL when the page names one
    text: str  # paragraphs separated by blank lines


def read_html_report(path: Path) -> Document:
    raw = read_capped(path, "page")
    return page_document(extract_page(raw, str(path)), id=path.stem, path=str(path))


def page_document(page: Page, id: str, path: str | None = None, url: str | None = None,
                  title: str | None = None, date: str | None = None, outlet: str | None = None) -> Document:
    """A Document from a page; what a feed entry already said (`title`, `date`, `url`) wins."""
    first_paragraph = page.text.lstrip().split("\n", 1)[0]
    dateline = find_dateline(first_paragraph)
    chosen_title = title or page.title
    return Document(
        id=id,
        title=chosen_title or id,
        title_from="feed" if title else ("page" if page.title else "file name"),
        outlet=page.outlet or outlet or (dateline.outlet if dateline else None),
        date=date or page.date,
        url=url or page.url,
        path=path,
        place=dateline.place if dateline else None,
        text=page.text,
    )


def extract_page(raw: bytes | str, source: str, url: str | None = None) -> Page:
    """The article in a page. `source` names it in errors; `url` is where it was fetched from."""
    import lxml.html
    from trafilatura import bare_extraction

    try:
        result = bare_extraction(raw, url=url, with_metadata=True, include_comments=False, include_tables=False,
                                 include_links=False, include_images=False, favor_precision=True,
                                 prune_xpath=_PRUNE,
                                 date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as error:  # a page lxml or trafilatura cannot take is one bad source, not the run
        raise InputError(f"{source}: the page cannot be read ({type(error).__name__})") from None
    if result is None or not (result.text or "").strip():
        raise InputError(f"{source}: no article text found in the page")
    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    title = _clean(result.title)
    text = _paragraphs(result.text, title)
    if not text:
        raise InputError(f"{source}: no article text found in the page")
    canonical = _canonical(tree, url) if tree is not None else None
    return Page(
        title=title,
        outlet=_clean(result.sitename),
        author=(_meta(tree, _AUTHOR_META) if tree is not None else None) or _clean(result.author),
        # the page's own markup keeps the time and zone; trafilatura's date (htmldate) is a day
        date=(_page_date(tree) if tree is not None else None) or parse_date(result.date),
        url=canonical or _clean(result.url) or url,
        text=text,
    )


def html_to_text(fragment: str) -> str:
    """Plain paragraphs from an HTML fragment (a feed entry's full content)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath(".//script|.//style|.//figure|.//figcaption|.//aside|.//nav"):
        bad.drop_tree()
    blocks = root.xpath(".//p|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//li|.//blockquote[not(.//p)]")
    texts = [" ".join(b.text_content().split()) for b in blocks] if blocks else [root.text_content()]
    return "\n\n".join(t for t in (" ".join(x.split()) for x in texts) if t)


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph per line of trafilatura's text, blank lines between; the headline, which
    trafilatura keeps as the first line, goes (it is the title, not a sentence of the story)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and _same(lines[0], title):
        lines = lines[1:]
    return "\n\n".join(lines)


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return norm(a) == norm(b)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _meta(tree, names: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = _clean(element.get("content"))
        if key in names and content and key not in found:
            found[key] = content
    return next((found[name] for name in names if name in found), None)


def _page_date(tree) -> str | None:
    date = parse_date(_meta(tree, _DATE_META))
    if date:
        return date
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        date = parse_date(element.get("datetime") or element.get("content") or element.text_content())
        if date:
            return date
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        date = _json_ld_date(script.text_content())
        if date:
            return date
    # a <time> inside the article, not one of a related story in the sidebar
    for element in tree.xpath("//article//time[@datetime] | //time[@pubdate][@datetime]")[:1]:
        return parse_date(element.get("datetime"))
    return None


def _json_ld_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if item.get("datePublished"):
                return parse_date(item["datePublished"])
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return None


def _canonical(tree, url: str | None) -> str | None:
    from urllib.parse import urljoin

    for element in tree.xpath('//link[@rel="canonical"][@href] | //meta[@property="og:url"][@content]'):
        href = _clean(element.get("href") or element.get("content"))
        if href:
            return urljoin(url, href) if url else href
    return None
