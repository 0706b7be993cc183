"""Web sources against a real HTTP server on loopback: pages, RSS and Atom feeds, JSON Lines,
dates, duplicates, and the failures (404, timeout, oversized page, robots.txt) each skipped."""

from __future__ import annotations

import html
import json
import time
from pathlib import Path

import pytest

pytest.importorskip("pytest_httpserver")
from pytest_httpserver import HTTPServer  # noqa: E402
from werkzeug.wrappers import Response  # noqa: E402

from briefing.errors import BriefingError, InputError  # noqa: E402
from briefing.ingest import load_documents, reader_for  # noqa: E402
from briefing.ingest.dates import in_range, parse_date  # noqa: E402
from briefing.ingest.web import Fetcher, id_from_url  # noqa: E402
from briefing.options import BuildOptions  # noqa: E402
from tests.conftest import SEEDS  # noqa: E402

DATA = Path(__file__).parent / "data" / "web"
SEED_A, SEED_B = "000_a75d085bfc2e9512", "004_892d3aec1209a7b2"
TITLE_A = "Syrian army and allies capture Deir Ezzor from Islamic State"


def seed_story(stem: str) -> tuple[str | None, list[str]]:
    """A seed's title (when its first line is one) and its paragraphs."""
    lines = [line.strip() for line in (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    if stem == SEED_B:
        return lines[0], lines[1:]
    return None, lines


def is_heading(line: str) -> bool:
    return len(line.split()) <= 6 and not line.endswith((".", '"', "”"))


NAV = """<header class="site-header"><a class="logo" href="/">Levant Monitor</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/middle-east">Middle East</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe for $1 a week</a></li></ul></nav>
<form class="search"><input name="q" placeholder="Search Levant Monitor"></form></header>
<div id="cookie-banner">We use cookies to improve your experience. By continuing to browse you agree to our cookie policy. <button>Accept all</button></div>
<div class="ad ad-leaderboard">Advertisement<br>Refinance your mortgage today and save thousands. Rates as low as 2.9 percent. Apply now.</div>"""

SIDEBAR = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/2017/11/02/rawa">Iraqi troops close in on Rawa as Islamic State crumbles in Anbar</a></li>
<li><a href="/2017/11/01/oil">Kurdish-led fighters seize another oil field east of the Euphrates river</a></li>
<li><a href="/2017/10/30/aid">Aid convoys wait at the edge of the city as mines are cleared</a></li></ul></aside>
<aside class="most-read"><h3>Most read</h3><ol><li><a href="/x">Ten things you did not know about the Euphrates</a></li>
<li><a href="/y">Opinion: the long war is not over yet, whatever the generals say</a></li></ol></aside>"""

COMMENTS = """<section id="comments" class="comments"><h3>42 comments</h3>
<div class="comment"><p class="comment-author">abu_khalil88</p><p>Great reporting as always, thanks for keeping us informed about what happens on the ground.</p></div>
<div class="comment"><p class="comment-author">realist2017</p><p>I do not believe a word of the ministry statement, they said the same thing last year about Palmyra.</p></div>
<form class="comment-form"><textarea>Write a comment</textarea><button>Post comment</button></form></section>"""

FOOTER = """<div class="newsletter">Sign up for our newsletter and get the most important stories of the day in your inbox every morning.</div>
<footer class="site-footer"><p>© 2017 Levant Monitor Media Group. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms of use</a></li></ul><p>Follow us on Twitter, Facebook and Instagram for breaking news alerts.</p></footer>"""


def article_page(stem: str, title: str, site: str = "Levant Monitor", published: str | None = "2017-11-03T18:20:00+03:00",
                 author: str = "Jane Haddad", canonical: str | None = None, extra_head: str = "") -> str:
    """A seed report as a realistic news page: navigation, ads, share buttons, related links,
    comments and a footer around the story."""
    _title, paragraphs = seed_story(stem)
    body = []
    for n, line in enumerate(paragraphs):
        tag = "h2" if is_heading(line) else "p"
        body.append(f"<{tag}>{html.escape(line, quote=False)}</{tag}>")
        if n == 2:
            body.append('<div class="ad ad-inline">Advertisement: Try our premium app free for 30 days. '
                        'Cancel anytime.</div>')
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    time_tag = f'<time datetime="{published}">3 November 2017</time>' if published else ""
    canonical_tag = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{html.escape(title)}">
<meta name="author" content="{author}">
{date_meta}{canonical_tag}{extra_head}
<script>window.dataLayer = window.dataLayer || []; function track() {{ return 1; }}</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
{NAV}
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By <a href="/authors/jh">{author}</a></p>{time_tag}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
{chr(10).join(body)}
<p class="tags">Tags: <a href="/t/syria">Syria</a>, <a href="/t/isis">ISIS</a></p>
</article>
{SIDEBAR}
{COMMENTS}
</main>
{FOOTER}
</body></html>"""


def rss(base: str, stems: list[str], titles: list[str], full_text: bool = False) -> str:
    items = []
    for n, (stem, title) in enumerate(zip(stems, titles)):
        content = ""
        if full_text:
            _t, paragraphs = seed_story(stem)
            content = "<content:encoded><![CDATA[" + "".join(f"<p>{p}</p>" for p in paragraphs) + "]]></content:encoded>"
        items.append(f"""<item><title>{html.escape(title)}</title><link>{base}/articles/{stem}.html</link>
<guid>{base}/articles/{stem}.html</guid><pubDate>Fri, 0{3 + n} Nov 2017 14:0{n}:00 +0300</pubDate>
<description>Teaser: what happened in eastern Syria.</description>{content}</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Levant Monitor - World</title><link>{base}/</link><description>World news</description>
{''.join(items)}</channel></rss>"""


def atom(base: str, stems: list[str], titles: list[str]) -> str:
    entries = "".join(f"""<entry><title>{html.escape(title)}</title><link href="{base}/articles/{stem}.html"/>
<id>urn:example:{stem}</id><published>2017-11-0{3 + n}T09:30:00Z</published><updated>2017-11-05T10:00:00Z</updated>
<summary>Short teaser.</summary></entry>""" for n, (stem, title) in enumerate(zip(stems, titles)))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Euphrates Wire</title><id>urn:example:feed</id>
<updated>2017-11-05T10:00:00Z</updated>{entries}</feed>"""


TITLES = [TITLE_A, seed_story(SEED_B)[0]]


@pytest.fixture(scope="module")
def server():
    """A threaded server, so that a slow page does not hold up the others."""
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def site(server):
    """The seeds as pages and feeds; robots.txt keeps /private/ to itself."""
    server.clear()
    server.no_handler_status_code = 404  # a page the test did not make is missing, as on a real site
    base = server.url_for("").rstrip("/")
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n",
                                                           content_type="text/plain")
    for stem, title in zip((SEED_A, SEED_B), TITLES):
        server.expect_request(f"/articles/{stem}.html").respond_with_data(
            article_page(stem, title), content_type="text/html; charset=utf-8")
    server.expect_request("/feed.xml").respond_with_data(rss(base, [SEED_A, SEED_B], TITLES),
                                                         content_type="application/rss+xml")
    server.expect_request("/atom.xml").respond_with_data(atom(base, [SEED_A, SEED_B], TITLES),
                                                         content_type="application/atom+xml")
    return base


def fast_fetcher(**kwargs) -> Fetcher:
    return Fetcher(**{"timeout": 1.0, **kwargs})


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]


# --- pages ------------------------------------------------------------------------------------

def test_page_text_is_the_story_without_the_noise(site):
    (doc,) = load_documents([f"{site}/articles/{SEED_A}.html"], fetcher=fast_fetcher())
    assert paragraphs(doc.text) == seed_story(SEED_A)[1]
    for noise in ("Advertisement", "Related stories", "comments", "cookies", "newsletter", "Share on",
                  "All rights reserved", "Subscribe", "Tags:", "Jane Haddad"):
        assert noise not in doc.text


def test_page_metadata(site):
    (doc,) = load_documents([f"{site}/articles/{SEED_B}.html"], fetcher=fast_fetcher())
    assert doc.id == SEED_B
    assert doc.title == TITLES[1] and doc.title_from == "page"
    assert doc.outlet == "Levant Monitor"
    assert doc.date == "2017-11-03T18:20:00+03:00"
    assert doc.url == f"{site}/articles/{SEED_B}.html"
    assert (doc.place, doc.text.startswith("TEHRAN (Tasnim) –")) == ("Tehran", True)
    assert paragraphs(doc.text) == seed_story(SEED_B)[1]


def test_saved_page_author_and_canonical_url(tmp_path):
    from briefing.ingest.html import extract_page

    page = article_page(SEED_A, TITLE_A, author="Jane Haddad", canonical="https://levant.example/deir-ezzor")
    path = tmp_path / "saved.html"
    path.write_text(page, encoding="utf-8")
    extracted = extract_page(path.read_bytes(), str(path))
    assert (extracted.author, extracted.url, extracted.outlet) == (
        "Jane Haddad", "https://levant.example/deir-ezzor", "Levant Monitor")
    (doc,) = load_documents([str(path)])
    assert (doc.id, doc.url, doc.date, doc.path) == ("saved", "https://levant.example/deir-ezzor",
                                                     "2017-11-03T18:20:00+03:00", str(path))


@pytest.mark.parametrize("declared", ['<meta charset="windows-1252">', ""])
def test_saved_page_in_windows_1252(tmp_path, declared):
    path = tmp_path / "cp1252.html"
    path.write_bytes(article_page(SEED_A, TITLE_A).replace('<meta charset="utf-8">', declared).encode("cp1252"))
    (doc,) = load_documents([str(path)])
    assert paragraphs(doc.text) == seed_story(SEED_A)[1]  # curly quotes and all


def test_page_without_a_date_stays_undated(tmp_path):
    path = tmp_path / "undated.htm"
    path.write_text(article_page(SEED_A, TITLE_A, published=None), encoding="utf-8")
    (doc,) = load_documents([str(path)])
    assert doc.date is None  # never "today"


def test_page_date_from_json_ld(tmp_path):
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", ' \
         '"datePublished": "2017-11-03T07:05:00-05:00"}</script>'
    path = tmp_path / "ld.html"
    path.write_text(article_page(SEED_A, TITLE_A, published=None, extra_head=ld), encoding="utf-8")
    assert load_documents([str(path)])[0].date == "2017-11-03T07:05:00-05:00"


# --- feeds ------------------------------------------------------------------------------------

def test_rss_feed_url_fetches_each_article_and_keeps_entry_date_and_link(site):
    docs = load_documents([f"{site}/feed.xml"], fetcher=fast_fetcher())
    assert [d.id for d in docs] == [SEED_A, SEED_B]
    assert [d.url for d in docs] == [f"{site}/articles/{SEED_A}.html", f"{site}/articles/{SEED_B}.html"]
    assert [d.date for d in docs] == ["2017-11-03T14:00:00+03:00", "2017-11-04T14:01:00+03:00"]
    assert [d.title for d in docs] == TITLES
    assert docs[0].outlet == "Levant Monitor"  # the page's site name, not the feed's title
    assert paragraphs(docs[0].text) == seed_story(SEED_A)[1]


def test_atom_feed_dates_are_timezone_aware(site):
    docs = load_documents([f"{site}/atom.xml"], fetcher=fast_fetcher())
    assert [d.date for d in docs] == ["2017-11-03T09:30:00+00:00", "2017-11-04T09:30:00+00:00"]
    assert paragraphs(docs[1].text) == seed_story(SEED_B)[1]


def test_saved_feed_with_full_text_needs_no_network(tmp_path):
    path = tmp_path / "saved.rss"
    path.write_text(rss("http://127.0.0.1:9", [SEED_A, SEED_B], TITLES, full_text=True), encoding="utf-8")

    class NoNetwork:
        def fetch_all(self, urls):
            raise AssertionError(f"fetched {urls}")

    docs = load_documents([str(path)], fetcher=NoNetwork())
    assert [d.id for d in docs] == [SEED_A, SEED_B]
    assert [d.title_from for d in docs] == ["feed", "feed"]
    assert docs[0].outlet == "Levant Monitor - World"
    assert paragraphs(docs[0].text) == seed_story(SEED_A)[1]


def test_feed_file_with_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "feed.download"
    path.write_text(rss("http://127.0.0.1:9", [SEED_A], TITLES[:1], full_text=True), encoding="utf-8")
    assert reader_for(path).__name__ == "read_feed"


# --- JSON Lines -------------------------------------------------------------------------------

def test_jsonl_reports_and_a_bad_line(tmp_path):
    path = tmp_path / "reports.jsonl"
    good = {"title": "Dam breaks", "text": "BEIRUT (Reuters) - The dam broke on Friday. Thousands fled.",
            "outlet": "Reuters", "date": "2017-11-03T08:00:00Z", "url": "https://e.x/dam", "id": "dam"}
    other = {"title": "Bridge opens", "text": "The new bridge opened on Monday after two years of work."}
    path.write_text(json.dumps(good) + "\n\n{not json\n" + json.dumps(other) + "\n", encoding="utf-8")
    warnings: list[str] = []
    docs = load_documents([str(path)], warn=warnings.append)
    assert [d.id for d in docs] == ["dam", "reports-4"]
    assert (docs[0].outlet, docs[0].date, docs[0].url, docs[0].place) == (
        "Reuters", "2017-11-03T08:00:00+00:00", "https://e.x/dam", "Beirut")
    assert docs[1].date is None
    assert warnings == [f"skipped {path}, line 3: is not JSON (Expecting property name enclosed in double "
                        f"quotes at column 2)"]
    with pytest.raises(InputError, match=r"reports.jsonl, line 3: is not JSON"):
        load_documents([str(path)], strict=True)


# --- any mix, duplicates ----------------------------------------------------------------------

def test_a_url_a_saved_copy_and_a_reprint_collapse_into_one(site, tmp_path):
    saved = tmp_path / "saved-copy.html"
    saved.write_text(article_page(SEED_A, TITLE_A), encoding="utf-8")
    reprint = tmp_path / "reprint.md"  # wire copy under a new headline in another outlet
    _t, story = seed_story(SEED_A)
    reprint.write_text("---\ntitle: Deir Ezzor falls to government forces\noutlet: Euphrates Wire\n---\n"
                       + "\n\n".join(story[:-1]) + "\n", encoding="utf-8")
    notes: list[str] = []
    docs = load_documents([f"{site}/articles/{SEED_A}.html", str(saved), str(reprint),
                           f"{site}/articles/{SEED_B}.html"], fetcher=fast_fetcher(), progress=notes.append)
    assert [d.id for d in docs] == [SEED_A, SEED_B]
    assert docs[0].also_published_by == ("Euphrates Wire",)  # the saved copy is Levant Monitor's own
    assert len(notes) == 2 and all("is a copy of" in n for n in notes)


def test_two_feeds_of_the_same_articles_count_once(site, server):
    docs = load_documents([f"{site}/feed.xml", f"{site}/atom.xml"], fetcher=fast_fetcher())
    assert [d.id for d in docs] == [SEED_A, SEED_B]
    fetched = [request.path for request, _response in server.log]
    assert sorted(fetched) == sorted(["/robots.txt", "/feed.xml", "/atom.xml", f"/articles/{SEED_A}.html",
                                      f"/articles/{SEED_B}.html"])  # each article once, robots.txt once


def test_sources_list_carries_also_published_by():
    from briefing.assemble import sources_of
    from tests.conftest import make_document
    from dataclasses import replace

    doc = replace(make_document("The dam broke."), also_published_by=("AP", "AFP"))
    assert sources_of([doc])[0].also_published_by == ("AP", "AFP")


# --- failures ---------------------------------------------------------------------------------

def test_404_timeout_oversized_and_robots_are_each_reported_and_skipped(site, server):
    server.expect_request("/gone.html").respond_with_data("not here", status=404)

    def slow(request):
        time.sleep(4)
        return Response(article_page(SEED_B, TITLES[1]), content_type="text/html")

    server.expect_request("/slow.html").respond_with_handler(slow)
    server.expect_request("/huge.html").respond_with_data(
        article_page(SEED_B, TITLES[1]).replace("</body>", "<p>" + "x" * 300_000 + "</p></body>"),
        content_type="text/html")
    # the same page again, streamed in chunks with no Content-Length to announce its size
    server.expect_request("/endless.html").respond_with_handler(lambda request: Response(
        (chunk for chunk in [b"<html><body><article>"] + [b"<p>" + b"y" * 10_000 + b"</p>"] * 50),
        content_type="text/html"))
    server.expect_request("/private/memo.html").respond_with_data(article_page(SEED_B, TITLES[1]),
                                                                  content_type="text/html")
    warnings: list[str] = []
    started = time.monotonic()
    docs = load_documents([f"{site}/gone.html", f"{site}/slow.html", f"{site}/huge.html", f"{site}/endless.html",
                           f"{site}/private/memo.html", f"{site}/articles/{SEED_A}.html"],
                          warn=warnings.append, fetcher=fast_fetcher(max_bytes=100_000))
    assert time.monotonic() - started < 3.5  # the 1 s timeout, not the 4 s page, decided
    assert [d.id for d in docs] == [SEED_A]
    assert warnings == [
        f"skipped {site}/gone.html: HTTP 404",
        f"skipped {site}/slow.html: timed out after 1 s",
        f"skipped {site}/huge.html: 299 KiB is over the 98 KiB cap per download",
        f"skipped {site}/endless.html: more than the 98 KiB cap per download",
        f"skipped {site}/private/memo.html: the site's robots.txt does not allow fetching it",
    ]
    with pytest.raises(InputError, match="gone.html: HTTP 404"):
        load_documents([f"{site}/gone.html", f"{site}/articles/{SEED_A}.html"], strict=True,
                       fetcher=fast_fetcher())


def test_a_feed_entry_whose_article_fails_is_skipped(site, server):
    base = site
    server.expect_request("/broken-feed.xml").respond_with_data(
        rss(base, ["missing", SEED_B], ["Gone", TITLES[1]]), content_type="application/rss+xml")
    warnings: list[str] = []
    docs = load_documents([f"{site}/broken-feed.xml"], warn=warnings.append, fetcher=fast_fetcher())
    assert [d.id for d in docs] == [SEED_B]
    assert warnings == [f"skipped {site}/broken-feed.xml entry 1: {site}/articles/missing.html: HTTP 404"]


def test_redirects_are_followed_within_a_bound(site, server):
    server.expect_request("/old.html").respond_with_data("", status=301,
                                                         headers={"Location": f"/articles/{SEED_A}.html"})
    server.expect_request("/loop.html").respond_with_data("", status=302, headers={"Location": "/loop.html"})
    warnings: list[str] = []
    docs = load_documents([f"{site}/old.html", f"{site}/loop.html"], warn=warnings.append,
                          fetcher=fast_fetcher(max_redirects=3))
    assert [d.id for d in docs] == ["old"]
    assert warnings == [f"skipped {site}/loop.html: more than 3 redirects"]


def test_user_agent_names_briefing(site, server):
    from briefing import __version__

    load_documents([f"{site}/articles/{SEED_A}.html"], fetcher=fast_fetcher())
    agents = {request.headers.get("User-Agent") for request, _response in server.log}
    assert agents == {f"briefing/{__version__}"}


def test_unreachable_host_is_reported():
    warnings: list[str] = []
    with pytest.raises(InputError, match="no usable report"):
        load_documents(["http://127.0.0.1:9/feed.xml"], warn=warnings.append, fetcher=fast_fetcher())
    assert len(warnings) == 1 and "127.0.0.1:9" in warnings[0]


# --- dates and language -----------------------------------------------------------------------

@pytest.mark.parametrize("raw, parsed", [
    ("Fri, 03 Nov 2017 14:05:00 +0300", "2017-11-03T14:05:00+03:00"),
    ("Fri, 03 Nov 2017 14:05:00 GMT", "2017-11-03T14:05:00+00:00"),
    ("2017-11-03T09:30:00Z", "2017-11-03T09:30:00+00:00"),
    ("2017-11-03", "2017-11-03"),
    ("2017-11-03T09:30:00", "2017-11-03"),  # a time with no zone cannot be placed: the day only
    ("last Friday", None),
    ("", None),
    (None, None),
])
def test_parse_date(raw, parsed):
    assert parse_date(raw) == parsed


def test_since_until_filter_and_flag_undated(tmp_path):
    for name, date in (("early", "2017-10-01"), ("day", "2017-11-03T23:30:00+03:00"), ("late", "2017-12-01"),
                       ("undated", None)):
        front = f"---\ndate: {date}\n---\n" if date else ""
        (tmp_path / f"{name}.md").write_text(f"{front}The {name} report says the dam broke on a {name} day.\n")
    warnings: list[str] = []
    options = BuildOptions(since="2017-11-01", until="2017-11-03")
    docs = load_documents([str(tmp_path)], warn=warnings.append, options=options)
    assert sorted(d.id for d in docs) == ["day", "undated"]
    assert len(warnings) == 1 and "no date" in warnings[0] and "undated.md" in warnings[0]
    assert in_range("2017-11-03T23:30:00+03:00", "2017-11-03T21:00:00+00:00", None) is False
    with pytest.raises(BriefingError, match="--since 'yesterday'"):
        BuildOptions(since="yesterday").validate()


def test_non_english_reports_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "en.txt").write_text((SEEDS / f"{SEED_A}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "fr.txt").write_text(
        "L'armée syrienne et ses alliés ont pris vendredi le contrôle de la ville de Deir ez-Zor, "
        "a annoncé le ministère de la Défense. Les unités du génie ratissent désormais la ville pour "
        "enlever les mines et les engins explosifs laissés par les combattants de l'État islamique, "
        "selon la télévision d'État.\n", encoding="utf-8")
    warnings: list[str] = []
    docs = load_documents([str(tmp_path)], warn=warnings.append)
    assert [d.id for d in docs] == ["en"]
    assert len(warnings) == 1 and "fr.txt" in warnings[0] and "'fr'" in warnings[0]
    assert len(load_documents([str(tmp_path)], options=BuildOptions(language="any"))) == 2


def test_id_from_url():
    assert id_from_url("https://e.x/2017/11/03/deir-ezzor.html?utm=1") == "deir-ezzor"
    assert id_from_url("https://www.e.x/") == "www.e.x"


def test_the_noisiest_page(tmp_path):
    """tests/data/web/noisy.html: seed 004 inside a news site's page with a breaking-news ticker,
    breadcrumbs, share tools, a photo caption, a "Read more" link, an ad, an embedded tweet and an
    inline newsletter box in the story, then related stories, comments, recommendations, a
    paywall box and a footer around it."""
    path = DATA / "noisy.html"
    (doc,) = load_documents([str(path)])
    assert paragraphs(doc.text) == seed_story(SEED_B)[1]
    assert (doc.title, doc.outlet, doc.date, doc.url) == (
        TITLES[1], "Levant Monitor", "2017-11-03T16:45:00+03:30",
        "https://levant.example/middle-east/2017/11/03/syrian-army-takes-full-control-of-deir-ez-zor")


def test_a_plain_text_url_is_read_as_a_text_report(site, server):
    story = (SEEDS / f"{SEED_B}.txt").read_text(encoding="utf-8")
    server.expect_request("/wire/tasnim.txt").respond_with_data(story, content_type="text/plain; charset=utf-8")
    (doc,) = load_documents([f"{site}/wire/tasnim.txt"], fetcher=fast_fetcher())
    assert (doc.id, doc.title, doc.title_from, doc.url) == ("tasnim", TITLES[1], "first line", f"{site}/wire/tasnim.txt")


def test_a_jsonl_url(site, server):
    lines = json.dumps({"title": "Dam breaks", "text": "The dam broke on Friday. Thousands fled.", "id": "dam"})
    server.expect_request("/export.jsonl").respond_with_data(lines + "\n", content_type="application/x-ndjson")
    (doc,) = load_documents([f"{site}/export.jsonl"], fetcher=fast_fetcher())
    assert (doc.id, doc.title, doc.path) == ("dam", "Dam breaks", None)


def test_relative_links_in_a_fetched_feed_resolve_against_its_address(site, server):
    server.expect_request("/feeds/relative.xml").respond_with_data(
        rss("", [SEED_A], TITLES[:1]), content_type="application/rss+xml")
    (doc,) = load_documents([f"{site}/feeds/relative.xml"], fetcher=fast_fetcher())
    assert (doc.id, doc.url) == (SEED_A, f"{site}/articles/{SEED_A}.html")


def test_language_fast_path_agrees_with_the_model():
    from briefing.ingest import language

    english = (SEEDS / f"{SEED_B}.txt").read_text(encoding="utf-8")
    assert language.detect_language(english, expected="en") == "en"
    assert language.detect_language(english) == "en"  # the model's own answer
    dutch = ("Het Syrische leger heeft vrijdag de volledige controle over de stad Deir ez-Zor overgenomen, "
             "meldde de staatstelevisie. Het is de laatste grote stad van IS in het land en de strijd was zwaar "
             "voor het leger en zijn bondgenoten.")
    assert language.detect_language(dutch, expected="en") == "nl"


def test_any_mix_of_sources_in_the_order_given(site, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "dam.txt").write_text("The dam broke on Friday after three days of rain. Thousands fled.\n")
    (tmp_path / "bridge.jsonl").write_text(json.dumps({"title": "Bridge", "text": "The bridge opened on Monday.",
                                                       "id": "bridge"}) + "\n")
    saved_feed = tmp_path / "feed.rss"
    saved_feed.write_text(rss(site, [SEED_B], TITLES[1:]), encoding="utf-8")  # links to the live pages
    docs = load_documents([str(tmp_path / "bridge.jsonl"), f"{site}/articles/{SEED_A}.html", str(folder),
                           str(saved_feed)], fetcher=fast_fetcher())
    assert [d.id for d in docs] == ["bridge", SEED_A, "dam", SEED_B]


def test_the_proxy_from_the_environment_is_used(site, server, monkeypatch):
    """The test server stands in for a proxy: the site's name is never looked up."""
    monkeypatch.setenv("HTTP_PROXY", site)
    monkeypatch.setenv("http_proxy", site)  # the lower-case name wins where both are set
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    (doc,) = load_documents([f"http://news.invalid/articles/{SEED_A}.html"], fetcher=fast_fetcher())
    assert (doc.id, doc.url) == (SEED_A, f"http://news.invalid/articles/{SEED_A}.html")
    assert {request.host for request, _response in server.log} == {"news.invalid"}


def test_nothing_within_the_dates_and_strict_language(tmp_path):
    (tmp_path / "old.md").write_text("---\ndate: 2017-10-01\n---\nThe dam broke on a day in October.\n")
    with pytest.raises(InputError, match="no report is dated within --since/--until"):
        load_documents([str(tmp_path)], options=BuildOptions(since="2017-11-01"))
    (tmp_path / "de.txt").write_text(
        "Die syrische Armee hat am Freitag die Stadt Deir ez-Zor vollständig unter ihre Kontrolle gebracht, "
        "berichtete das Staatsfernsehen. Pioniereinheiten durchsuchen die Stadt nach Minen und Sprengfallen, "
        "die von den Kämpfern des Islamischen Staates zurückgelassen wurden.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"de.txt: is in language 'de', not 'en'"):
        load_documents([str(tmp_path)], strict=True)


def test_a_malformed_address_or_page_is_one_skipped_source(tmp_path, site):
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02" * 100)
    warnings: list[str] = []
    docs = load_documents(["http://[::1/broken", str(tmp_path / "binary.html"), f"{site}/articles/{SEED_A}.html"],
                          warn=warnings.append, fetcher=fast_fetcher())
    assert [d.id for d in docs] == [SEED_A]
    assert len(warnings) == 2 and warnings[0].startswith("skipped http://[::1/broken: cannot be fetched")
    assert "binary.html" in warnings[1]


def test_a_refused_connection_is_said_as_such_not_as_a_timeout():
    """urllib3 files "connection refused" under connect timeouts; the message must say what happened."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x.html"
    with pytest.raises(InputError) as refused:
        Fetcher(timeout=20, robots=False).fetch(url)
    assert str(refused.value) == f"{url}: cannot be fetched (connection refused)"
    warnings: list[str] = []
    started = time.monotonic()
    with pytest.raises(InputError, match="no usable report"):
        load_documents([url], warn=warnings.append, fetcher=Fetcher(timeout=20))
    assert warnings == [f"skipped {url}: its site's robots.txt cannot be read (connection refused)"]
    assert time.monotonic() - started < 5
