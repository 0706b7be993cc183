"""The PDF read back: metadata, page size, running header and "page X of Y", outline, internal
citation links, embedded fonts, escaped report text, and the fetches it must refuse."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from io import BytesIO
from pathlib import Path

import pytest

from briefing.renderers import RenderOptions, render
from tests.test_templates import XSS_SCRIPT, hostile, small_brief

pytestmark = pytest.mark.slow
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils: make system-deps")


def reader(pdf: bytes):
    from pypdf import PdfReader

    return PdfReader(BytesIO(pdf))


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles.extend(outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


@pytest.fixture(scope="module")
def seeds_pdf(seeds_brief):
    return render(seeds_brief, "pdf")


def test_metadata(seeds_brief, seeds_pdf):
    meta = reader(seeds_pdf).metadata
    assert meta.title == seeds_brief.title
    assert meta.author == meta["/Creator"] == f"briefing {seeds_brief.generated.version}"
    assert meta["/Keywords"] == ", ".join(section.label for section in seeds_brief.sections)
    created = seeds_brief.generated.time  # 2026-11-21T16:15:01+00:00 -> D:20261121161501+00'00
    assert meta["/CreationDate"].startswith("D:" + created[:19].replace("-", "").replace("T", "").replace(":", ""))


def test_a4_by_default_and_letter_on_request(seeds_brief, seeds_pdf):
    a4 = reader(seeds_pdf).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    letter = reader(render(seeds_brief, "pdf", RenderOptions(page_size="letter"))).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


@needs_poppler
def test_page_numbers_and_running_header(seeds_brief, seeds_pdf, tmp_path):
    pages = page_texts(seeds_pdf, tmp_path)
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert text.rstrip().splitlines()[-1].strip() == f"page {number} of {len(pages)}"
    from briefing.renderers.filters import long_date

    for text in pages[1:]:  # the first page has the masthead instead
        header = text.strip().splitlines()[0]
        assert header.startswith(seeds_brief.title) and header.endswith(long_date(seeds_brief.date))


@needs_poppler
def test_the_running_header_shows_the_span_of_reports_of_several_days(seeds_brief, tmp_path):
    from dataclasses import replace

    pages = page_texts(render(replace(seeds_brief, first_date="2013-08-07", date="2018-07-18"), "pdf"), tmp_path)
    assert len(pages) >= 2
    for text in pages[1:]:
        assert text.strip().splitlines()[0].endswith("7 August 2013 – 18 July 2018")


def test_outline_has_one_entry_per_section(seeds_brief, seeds_pdf):
    titles = outline_titles(reader(seeds_pdf).outline)
    labels = [s.label for s in seeds_brief.sections]
    assert titles[0] == "Key points" and titles[-2:] == ["Sources", "How this brief was made"]
    assert [t for t in titles if t in labels] == labels  # each topic once, in the brief's order
    assert seeds_brief.title not in titles
    extra = set(titles) - {"Key points", "Sources", "How this brief was made", *labels}
    assert extra <= {"Timeline", "Key quotes", "Where sources differ", "New since the last brief"}, extra


@needs_poppler
def test_citations_link_to_the_sources_list_inside_the_pdf(seeds_pdf, tmp_path):
    pdf = reader(seeds_pdf)
    destinations = pdf.named_destinations
    pages = page_texts(seeds_pdf, tmp_path)
    sources_page = next(n for n, text in enumerate(pages) if "Sources" in text and "[1]" in text.split("Sources")[-1])
    links = [annotation.get_object() for page in pdf.pages for annotation in page.get("/Annots", [])]
    citation_links = [link for link in links if str(link.get("/Dest", "")).startswith("source-")]
    assert len(citation_links) >= 10
    assert all("/URI" not in (link.get("/A") or {}) for link in citation_links)  # nothing points outside
    for link in citation_links:
        target = destinations[str(link["/Dest"])]
        assert pdf.get_destination_page_number(target) == sources_page


def test_fonts_are_embedded(seeds_pdf):
    fonts = {}
    for page in reader(seeds_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[font["/BaseFont"]] = any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts


@needs_poppler
def test_report_text_is_text_in_the_pdf(tmp_path):
    pdf = render(hostile(small_brief()), "pdf")
    text = "".join(page_texts(pdf, tmp_path))
    assert XSS_SCRIPT in text.replace("\n", " ") or "alert('x')" in text
    assert "<img src=x" in text
    assert not reader(pdf).pages[0].images  # the <img> in the text made no image


@needs_poppler
def test_a_theme_from_templates_init_makes_the_same_pdf(tmp_path):
    from briefing.renderers.theme import init_theme

    init_theme(tmp_path / "theme")
    brief = small_brief()
    ours = page_texts(render(brief, "pdf", RenderOptions(templates=(str(tmp_path / "theme"),))), tmp_path)
    assert ours == page_texts(render(brief, "pdf"), tmp_path)
    assert ours[-1].rstrip().endswith(f"page {len(ours)} of {len(ours)}")


# -- fetches --------------------------------------------------------------------------------

@pytest.fixture
def loopback_server():
    """A local HTTP server that records every request it receives."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            body = png_bytes() if self.path.endswith(".png") else b"body { color: red; }"
            self.send_response(200)
            self.send_header("Content-Type", "image/png" if self.path.endswith(".png") else "text/css")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()
    server.server_close()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def greedy_theme(tmp_path, loopback_server):
    """A theme that reaches for a file in its folder, a file outside it and a URL."""
    url, _requests = loopback_server
    theme, outside = tmp_path / "theme", tmp_path / "outside"
    theme.mkdir()
    outside.mkdir()
    (theme / "logo.png").write_bytes(png_bytes())
    (outside / "secret.png").write_bytes(png_bytes())
    (theme / "link.png").symlink_to(outside / "secret.png")  # inside by name, outside in fact
    (theme / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block style %}@import url("' + url + '/remote.css");\n{{ super() }}\n'
        '.masthead { background: url("' + url + '/background.png"); }{% endblock %}\n'
        '{% block header %}<p><img src="logo.png" alt="ours">\n'
        '<img src="' + (outside / "secret.png").as_uri() + '" alt="absolute">\n'
        '<img src="../outside/secret.png" alt="relative"><img src="link.png" alt="symlink">\n'
        '<img src="' + url + '/remote.png" alt="remote"></p>{{ super() }}{% endblock %}\n')
    return theme, outside


def image_count(pdf: bytes) -> int:
    """Images drawn by the masthead (on the first page; pages may share one resource dictionary)."""
    return len(reader(pdf).pages[0].images)


def test_the_pdf_fetches_only_from_the_template_folder(greedy_theme, loopback_server):
    theme, outside = greedy_theme
    url, requests = loopback_server
    warnings: list[str] = []
    pdf = render(small_brief(), "pdf", RenderOptions(templates=(str(theme),), extra={"warn": warnings.append}))
    assert requests == []  # nothing reached the server
    assert image_count(pdf) == 1  # the logo in the template folder, nothing else
    refused = " ".join(warnings)
    for what in (f"{url}/remote.css", f"{url}/background.png", f"{url}/remote.png", (outside / "secret.png").as_uri(),
                 (theme / "link.png").as_uri()):
        assert f"refused to fetch {what}" in refused, (what, warnings)
    assert all(w.startswith("PDF: refused to fetch") for w in warnings)


def test_allow_remote_lets_it_fetch(greedy_theme, loopback_server):
    theme, _outside = greedy_theme
    url, requests = loopback_server
    pdf = render(small_brief(), "pdf", RenderOptions(templates=(str(theme),), allow_remote=True))
    assert sorted(requests) == ["/background.png", "/remote.css", "/remote.png"]  # the server does see them
    assert image_count(pdf) == 4  # logo, secret (absolute and relative are one URL), its symlink, remote


def test_refusals_reach_the_cli_as_warnings(greedy_theme, loopback_server, tmp_path, monkeypatch):
    from tests.test_templates import FakeEmbedder, REPORTS, run
    import briefing.pipeline

    monkeypatch.setattr(briefing.pipeline, "make_embedder", lambda *args, **kwargs: FakeEmbedder())
    theme, _outside = greedy_theme
    url, requests = loopback_server
    (tmp_path / "r.txt").write_text(REPORTS[0])
    code, out, err = run("build", tmp_path / "r.txt", "-o", tmp_path / "b.pdf", "--templates", theme, "-q")
    assert code == 0, err
    assert requests == []
    assert err.count("warning: PDF: refused to fetch") == 5


# -- layout: table rows and the sources list -----------------------------------------------------

def many_accounts():
    """The small brief with one difference of many long accounts: page breaks must fall between them."""
    from dataclasses import replace

    from briefing.model import Account, Difference

    brief = small_brief()
    citation = brief.sections[0].statements[0].citations[0]
    accounts = tuple(Account(text=f"Account{n}begins " + "with words a reader reads in one piece " * (3 + n % 5)
                             + f"Account{n}ends.", figure=f"figure{n}", low=n, high=n, claim="according to",
                             date=None, citations=(citation,)) for n in range(40))
    difference = Difference(kind="conflict", measure="people killed", event="Kafr Tala", date=None, topic=0,
                            note="Reports give many figures.", accounts=accounts)
    return replace(brief, differences=(difference,))


@needs_poppler
def test_a_table_row_is_never_split_across_pages(tmp_path):
    import re

    pages = [" ".join(text.split()) for text in page_texts(render(many_accounts(), "pdf"), tmp_path)]
    assert len(pages) >= 3
    for n in range(40):
        on = [number for number, text in enumerate(pages)
              if re.search(rf"\b(figure{n}|Account{n}begins|Account{n}ends)\b", text)]
        assert len(set(on)) == 1, (n, on)  # its figure, its first and its last words on one page


def word_boxes(pdf: bytes, tmp_path: Path) -> list[tuple[float, float, float, str]]:
    """(xMin, yMin, xMax, word) of every word of the page that holds the sources list, from pdftotext -bbox."""
    import html
    import re

    path = tmp_path / "boxes.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    last = next(page for page in out.split("<page ")[1:] if ">Sourcestart<" in page)
    return [(float(x0), float(y0), float(x1), html.unescape(word)) for x0, y0, x1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', last)]


@needs_poppler
def test_source_entries_hang_after_their_number(tmp_path):
    from dataclasses import replace

    brief = small_brief()
    long_title = "Sourcestart " + "a title long enough to wrap onto a second and a third line " * 3 + "Titleend"
    note = "Outlet unknown. Notestart publication date inferred from the report's own text."
    brief = replace(brief, sources=(replace(brief.sources[0], title=long_title, note=note), *brief.sources[1:]))
    words = word_boxes(render(brief, "pdf"), tmp_path)
    title = next(w for w in words if w[3] == "Sourcestart")
    number = next(w for w in words if w[3] == "[1]" and abs(w[1] - title[1]) < 2 and w[2] <= title[0])  # its line
    assert 0 < title[0] - number[2] < 8  # "[1]" then a small gap, not a wide one
    entry = [w for w in words if number[1] - 1 <= w[1] and w[3] != "[1]"]
    entry = entry[:next(i for i, w in enumerate(entry) if w[3] == "[2]")]
    line_starts = {}
    for x0, y0, _x1, _word in entry:
        line_starts[round(y0)] = min(x0, line_starts.get(round(y0), x0))
    assert len(line_starts) >= 4  # the title wraps, and the note has a line of its own
    assert all(abs(x - title[0]) < 1 for x in line_starts.values()), (title[0], line_starts)
    assert any(w[3] == "Notestart" for w in entry)
