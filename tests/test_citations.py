"""A fact told by many reports: a line shows its first marks then "+N", and a brief of many
reports lists the sources it shows, counting the rest by outlet. Every citation stays in the JSON."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from briefing.model import Citation, Source
from briefing.renderers import RenderOptions, render
from briefing.renderers.citations import LIST_ALL_UP_TO, hidden, shown, source_listing
from tests.test_templates import small_brief


def test_shown_and_hidden_split_the_citations():
    citations = list(range(10))
    assert shown(citations, 6) == [0, 1, 2, 3, 4, 5] and hidden(citations, 6) == [6, 7, 8, 9]
    assert shown(citations, 0) == citations and hidden(citations, 0) == []  # 0 shows them all
    assert shown(citations[:3], 6) == [0, 1, 2] and hidden(citations[:3], 6) == []


def widely_told(count: int = LIST_ALL_UP_TO + 20):
    """The small brief, read from `count` reports: its first statement told by 20 of them."""
    brief = small_brief()
    outlets = ["Wire A", "Wire B", "Wire C"]
    sources = tuple(Source(id=f"s{n}", number=n, title=f"Report {n}", outlet=outlets[n % 3], date="2024-05-01",
                           url=None, path=f"r{n}.txt") for n in range(1, count + 1))
    first = brief.sections[0].statements[0]
    many = tuple(Citation(source=n, doc_id=f"s{n}", sentence=0, text=first.text) for n in range(1, 21))
    sections = (replace(brief.sections[0], statements=(replace(first, citations=many), *brief.sections[0].statements[1:])),
                *brief.sections[1:])
    return replace(brief, sources=sources, sections=sections, report_count=count)


def cited_numbers(brief) -> set[int]:
    out = set()
    for part in (brief.key_points, brief.timeline, brief.quotes, *(s.statements for s in brief.sections)):
        for item in part:
            out.update(c.source for c in item.citations)
    for difference in brief.differences:
        for account in difference.accounts:
            out.update(c.source for c in account.citations)
    return out


def test_a_large_brief_lists_the_sources_it_shows_and_counts_the_rest():
    brief = widely_told()
    listed, unlisted = source_listing(brief.to_dict(), 6)
    numbers = [s["number"] for s in listed]
    assert 1 in numbers and 6 in numbers and 7 not in numbers and 20 not in numbers  # 7..20 are behind "+14"
    assert numbers == sorted(numbers)
    assert unlisted["count"] == len(brief.sources) - len(listed)
    assert sum(n for _, n in unlisted["outlets"]) == unlisted["count"]
    counts = [n for _, n in unlisted["outlets"]]
    assert {o for o, _ in unlisted["outlets"]} == {"Wire A", "Wire B", "Wire C"} and counts == sorted(counts, reverse=True)


def test_a_small_brief_lists_every_report_it_read():
    brief = widely_told(count=LIST_ALL_UP_TO)
    listed, unlisted = source_listing(brief.to_dict(), 6)
    assert len(listed) == LIST_ALL_UP_TO and unlisted == {"count": 0, "outlets": []}


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_every_format_shows_six_marks_then_plus_n(fmt):
    out = render(widely_told(), fmt)
    assert "+14" in out
    if fmt == "html":
        line = next(m.group(1) for m in re.finditer(r'<span class="cites">(.*?)</span></span>', out) if "+14" in m.group(1))
        assert re.findall(r"\[(\d+)\]</a>", line) == ["1", "2", "3", "4", "5", "6"]
        assert 'class="more-cites"' in line and "[7][8]" in line  # the hidden numbers in its tooltip
        assert 'id="source-6"' in out and 'id="source-7"' not in out
    assert re.search(r"Not listed: \d+ further reports read for this brief\s+\(Wire [ABC] \d+", out)


def test_max_citations_zero_shows_every_mark():
    out = render(widely_told(), "txt", RenderOptions(max_citations=0))
    assert "".join(f"[{n}]" for n in range(1, 21)) in out and "+14" not in out


def test_the_html_themes_marks_follow_max_citations():
    """The marks come from citations.html.j2, imported with the render's context: --max-citations 2
    shows two marks then "+18" in the brief, and in a daily brief's "New since the last brief"."""
    from briefing.deliver.news import news_templates
    from briefing.model import News

    brief = widely_told()
    brief = replace(brief, news=News(previous=None, new=brief.sections[0].statements, continuing=(), repeated=0,
                                     no_new_reports=False))
    out = render(brief, "html", RenderOptions(max_citations=2, templates=news_templates(())))
    assert "New since the last brief" in out
    lines = [m.group(1) for m in re.finditer(r'<span class="cites">(.*?)</span></span>', out)]
    assert lines and all(re.findall(r"\[(\d+)\]</a>", line) == ["1", "2"] for line in lines if "+18" in line)
    assert out.count("+18") >= 2


def test_json_keeps_every_citation_and_source():
    brief = widely_told()
    data = json.loads(render(brief, "json"))
    assert len(data["sources"]) == len(brief.sources)
    assert len(data["sections"][0]["statements"][0]["citations"]) == 20
    assert cited_numbers(brief) >= set(range(1, 21))


@pytest.mark.slow
def test_the_pdf_of_a_large_brief_lists_only_what_it_shows(tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "brief.pdf"
    path.write_bytes(render(widely_told(), "pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "+14" in text and "Not listed:" in text
    assert "Report 6" in text and "Report 7," not in text
