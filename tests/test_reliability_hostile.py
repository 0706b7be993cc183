"""Hostile report text (issue 6): HTML, Jinja syntax, Markdown injection, CSS url() and endless words
in report text, titles and metadata reach every output as inert text: nothing runs, nothing is
fetched, no link or heading is made of it. And the same inputs give the same brief every run.

The brief is made by `briefing build` itself (fake embedder), from report files; the PDF test
(WeasyPrint) and the seeds determinism test (real model, two processes) are slow.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from html.parser import HTMLParser

import pytest

from briefing.cli import main
from tests.conftest import ROOT, SEEDS, FakeEmbedder

LONG_WORD = "Kafr" + "x" * 5000
PAYLOADS = {
    "script": "<script>alert('x')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "anchor": '<a href="javascript:alert(2)">click</a>',
    "jinja expression": "{{ 7*7 }}",
    "jinja include": "{% include '/etc/passwd' %}",
    "jinja config": "{{ config.items() }}",
    "markdown link": "[click me](http://evil.example/md-link)",
    "markdown image": "![pixel](http://evil.example/md-pixel.png)",
    "markdown autolink": "<http://evil.example/autolink>",
    "raw html in markdown": "<b onclick=\"alert(3)\">bold</b>",
    "css url": "url(http://evil.example/css.png)",
    "style break-out": "</style><style>body{background:url(http://evil.example/bg.png)}</style>",
    "long word": LONG_WORD,
}
REPORT_A = "\n\n".join([
    f"The army said a leaflet reading {PAYLOADS['script']} fell on Kafr Tala on Monday.",
    f"A militia account posted {PAYLOADS['img']} and {PAYLOADS['anchor']} about the Kafr Tala siege.",
    f"Officials in Kafr Tala called the price list {PAYLOADS['jinja expression']} and "
    f"{PAYLOADS['jinja include']} a forgery on Tuesday.",
    f"## Injected heading text from the Kafr Tala report about {PAYLOADS['jinja config']} and the siege.",
    f"The word {LONG_WORD} was painted on a wall in Kafr Tala, residents said.",
])
REPORT_B = "\n\n".join([
    f"Rebels in Kafr Tala shared {PAYLOADS['markdown link']} and {PAYLOADS['markdown image']} on Monday.",
    f"A rebel website at {PAYLOADS['markdown autolink']} showed {PAYLOADS['raw html in markdown']} near Kafr Tala.",
    f"Its stylesheet used {PAYLOADS['css url']} and {PAYLOADS['style break-out']} to track Kafr Tala readers.",
    "| table | cell | in a sentence about Kafr Tala aid convoys on Thursday.",
])
FRONT_MATTER_A = ("---\ntitle: \"Kafr Tala {{ 7*7 }} <script>alert('t')</script> [t](http://evil.example/title)\"\n"
                  "outlet: \"Wire <img src=y onerror=alert(5)>\"\nurl: \"javascript:alert(6)\"\n"
                  "date: 2024-05-01\n---\n")
FRONT_MATTER_B = ("---\ntitle: \"# Kafr {% include 'x' %} ![i](http://evil.example/title.png)\"\n"
                  "outlet: \"Post\"\nurl: \"data:text/html,<script>alert(7)</script>\"\ndate: 2024-05-02\n---\n")
FORMATS = ("html", "md", "txt", "json")


class Page(HTMLParser):
    """Every tag, attribute and the text of an HTML document, as a browser would see them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)


def assert_inert_html(html: str) -> Page:
    page = Page(html)
    tags = {tag for tag, _attrs in page.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "b"}, tags
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction", "background"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (tag, attrs)
            assert "evil.example" not in value, (tag, attrs)
        assert "evil.example" not in (attrs.get("style") or ""), (tag, attrs)
    assert "evil.example" not in "".join(page.styles)
    assert len([t for t, _a in page.tags if t == "style"]) == 1  # the theme's, and no second one broke out
    text = " ".join(page.text)
    for name, payload in PAYLOADS.items():  # shown to the reader as written
        if name != "long word":
            assert payload in text, name
    assert LONG_WORD in text
    # never evaluated: the payload shows as written, and neither the title nor the statement it sits in
    # shows 49 in its place (a bare "49" elsewhere may be the brief's own clock, "at 19:49")
    assert "{{ 7*7 }}" in text and "Kafr Tala 49" not in text and "price list 49" not in text
    return page


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The hostile reports built by the CLI (fake embedder) into every text format."""
    import briefing.pipeline

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "reports").mkdir()
    (folder / "reports" / "a.md").write_text(FRONT_MATTER_A + REPORT_A + "\n", encoding="utf-8")
    (folder / "reports" / "b.md").write_text(FRONT_MATTER_B + REPORT_B + "\n", encoding="utf-8")
    patch = pytest.MonkeyPatch()
    patch.setattr(briefing.pipeline, "make_embedder", lambda *args, **kwargs: FakeEmbedder())
    try:
        out, err = io.StringIO(), io.StringIO()
        code = main(["build", str(folder / "reports"), "-o", str(folder / "out"), "--format", ",".join(FORMATS),
                     "--per-topic", "20", "--max-words", "5000", "--no-timeline", "--no-quotes"],
                    stdout=out, stderr=err)
    finally:
        patch.undo()
    assert code == 0, err.getvalue()
    return {fmt: (folder / "out" / f"brief.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS}


def test_every_payload_reaches_the_brief(outputs):
    brief = json.loads(outputs["json"])
    statements = " ".join(s["text"] for section in brief["sections"] for s in section["statements"])
    for name, payload in PAYLOADS.items():
        assert payload in statements, name


def test_json_keeps_the_text_exactly_and_stays_json(outputs):
    brief = json.loads(outputs["json"])
    titles = {s["title"] for s in brief["sources"]}
    assert "Kafr Tala {{ 7*7 }} <script>alert('t')</script> [t](http://evil.example/title)" in titles
    assert any(s["url"] == "javascript:alert(6)" or s["url"] is None for s in brief["sources"])
    from briefing.model import Brief

    brief.pop("rendered_with")  # the look its files were drawn with, beside the Brief
    assert json.loads(json.dumps(Brief.from_dict(brief).to_dict())) == brief


def test_html_shows_hostile_text_as_text(outputs):
    assert_inert_html(outputs["html"])
    assert "&lt;script&gt;" in outputs["html"] and "&lt;/style&gt;&lt;style&gt;" in outputs["html"]


def test_html_title_and_metadata_are_text(outputs):
    page = Page(outputs["html"])
    text = " ".join(page.text)
    assert "Kafr Tala {{ 7*7 }} <script>alert('t')</script> [t](http://evil.example/title)" in text
    assert "Wire <img src=y onerror=alert(5)>" in text
    hrefs = [attrs.get("href", "") for tag, attrs in page.tags if tag == "a"]
    assert hrefs and all(h.startswith("#") or h.startswith("http") for h in hrefs), hrefs


def test_long_words_wrap_instead_of_widening_the_page(outputs):
    css = "".join(Page(outputs["html"]).styles)
    assert re.search(r"overflow-wrap:\s*(anywhere|break-word)", css)


def test_markdown_makes_no_link_image_html_or_heading_of_report_text(outputs):
    markdown_it = pytest.importorskip("markdown_it")
    markdown = outputs["md"]
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    page = Page(html)
    tags = {tag for tag, _attrs in page.tags}
    assert not tags & {"script", "img", "iframe", "style", "b"}, tags
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a" and "href" in attrs]
    assert hrefs and all(h.startswith("#source-") for h in hrefs), [h for h in hrefs if not h.startswith("#source-")]
    headings = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html)
    assert not any("Injected" in h or "include" in h for h in headings[1:]), headings
    assert headings[0].startswith("Situation brief")
    text = " ".join(page.text)
    for name, payload in PAYLOADS.items():
        assert payload in text, name
    assert "| table | cell |" in text  # no table


def test_plain_text_shows_the_reports_as_written(outputs):
    for name, payload in PAYLOADS.items():
        assert payload in outputs["txt"], name


def test_the_mail_html_and_headers_are_inert(outputs, tmp_path):
    from dataclasses import replace

    from briefing.deliver.email import MailOptions, compose, message_bytes
    from briefing.model import Brief

    brief = Brief.from_dict(json.loads(outputs["json"]))
    sections = (replace(brief.sections[0], label="Kafr\r\nBcc: victim@example.org"), *brief.sections[1:])
    message = compose(replace(brief, sections=sections), MailOptions(to=("desk@example.org",)))
    parsed = BytesParser(policy=policy.default).parsebytes(message_bytes(message))
    assert parsed["Bcc"] is None and "\n" not in parsed["Subject"]
    html = next(p for p in parsed.walk() if p.get_content_type() == "text/html").get_content()
    assert_inert_html(html)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by the Makefile")
def test_the_pdf_shows_hostile_text_and_fetches_nothing(outputs, tmp_path):
    from briefing.model import Brief
    from briefing.renderers import RenderOptions, render

    warnings = []
    pdf = render(Brief.from_dict(json.loads(outputs["json"])), "pdf", RenderOptions(extra={"warn": warnings.append}))
    assert warnings == []  # not even a refused fetch: the report's url() and <img> are text
    (tmp_path / "b.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for name, payload in PAYLOADS.items():
        if name != "long word":
            assert re.sub(r"\s+", "", payload) in flat, name
    assert flat.count("x") >= len(LONG_WORD) - 4  # wrapped over lines and pages, none of it clipped
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "b.pdf")
    assert not any(page.images for page in reader.pages)
    uris = [annot.get_object().get("/A", {}).get("/URI") for page in reader.pages
            for annot in page.get("/Annots") or []]
    assert not [u for u in uris if u and ("evil" in u or u.startswith(("javascript", "data")))], uris


# -- determinism --------------------------------------------------------------------------------

def without_time(text: str, time: str) -> str:
    from briefing.renderers.filters import long_time

    return text.replace(time, "TIME").replace(long_time(time), "TIME")


def test_the_same_reports_give_the_same_outputs_apart_from_the_time(tmp_path, monkeypatch):
    import briefing.pipeline

    monkeypatch.setattr(briefing.pipeline, "make_embedder", lambda *args, **kwargs: FakeEmbedder())
    runs = []
    for n in range(2):
        out = tmp_path / f"out{n}"
        code = main(["build", str(SEEDS), "-o", str(out), "--format", ",".join(FORMATS), "-q"],
                    stdout=io.StringIO(), stderr=io.StringIO())
        assert code == 0
        time = json.loads((out / "brief.json").read_text())["generated"]["time"]
        runs.append({fmt: without_time((out / f"brief.{fmt}").read_text(), time) for fmt in FORMATS})
    assert runs[0] == runs[1]


@pytest.mark.slow
def test_two_processes_give_the_same_seeds_html_and_json(tmp_path):
    """The real model in two processes with different hash seeds (set and dict order can differ)."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "briefing", "build", str(SEEDS), "-o", str(out), "--format", "html,json",
                        "-q", "--cache-dir", str(tmp_path / f"cache{seed}")], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        data = json.loads((out / "brief.json").read_text())
        time = data["generated"]["time"]
        data["generated"].pop("time")
        data["generated"]["options"].pop("cache_dir")
        html = without_time((out / "brief.html").read_text(), time)
        outputs.append((json.dumps(data, sort_keys=True), html.replace(str(tmp_path / f"cache{seed}"), "CACHE")))
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]


@pytest.mark.parametrize("make", [
    lambda n: "The " * (n // 4) + 'Xy Zed. "We will win the war soon," he said.',  # pronoun search
    lambda n: "The army said so on Friday here. x y " + "ABC (Abc) Abc def ghi jkl " * (n // 26),  # datelines
    lambda n: "The army said so. x " + "!," * (n // 2) + "a ABC (Abc) Abc went home.",  # headline check
    lambda n: "Abc Def and " * (n // 12),  # names at a sentence's start
    lambda n: "Abc  Def and " * (n // 13),  # names split by two spaces: each was searched for to the end
    lambda n: '"ab" ' * (n // 25),  # 8,000 quotes in one sentence-less paragraph: 13 s at a tenth of it once
    lambda n: '"We will win," he said. ' * (n // 24),  # a quote and a pronoun in every sentence
    lambda n: "My god! Look at it. pic.twitter.com/ab Ab Cd (abcd) July 27 2016 " * (n // 64),  # tweets, each popped
    lambda n: "Ab Cd (abcd) July 27 2016 Ef (gh) " * (n // 34) + "pic.twitter.com/x",  # signatures before one link
    lambda n: "The army said so. " + "(ab) " * (n // 5),  # handles with no day
    lambda n: "Ab Cd Ef The ab cd. " * (n // 20),  # a glued sub-heading at every sentence's start
    lambda n: "(AFP Photo) (File photo) [Click to enlarge] " * (n // 44),  # photo credits, no sentence end
    lambda n: "Ab photo cd. (Ab Photo) " * (n // 24),  # a credit after every sentence
    lambda n: "ABC DEF Ghi jk. READ MORE Ab Cd Ef Gh. " * (n // 39),  # capitals and links at every sentence's start
    lambda n: "READ MORE " + "Abc " * (n // 4),  # a link with no story's restart to be found
])
def test_long_adversarial_paragraphs_take_linear_time(make):
    """Each took seconds to minutes at 20 to 160 KB once (quadratic scans of a paragraph's prefix, or of the
    whole paragraph for each of its quotes)."""
    import time

    from briefing.label import _NameUsage
    from briefing.names import NameIndex
    from briefing.quotes import find_quotes
    from briefing.segment import segment_document
    from tests.conftest import make_document

    text = make(200_000)
    started = time.perf_counter()
    sentences = segment_document(make_document(text))
    find_quotes(text)
    _NameUsage({0: sentences}, NameIndex([s.text for s in sentences]))
    assert time.perf_counter() - started < 20  # quadratic: many minutes


@pytest.mark.parametrize("unit", [
    "2014, ",  # a run of years and no joining word: each year read the run to its end (79 s once)
    "2014 , ",
    "2014,  ",
    "In 2014, ",  # 22,000 dates, each checked against every one found before it (7 s once)
    "2014 and ",
    "2014-",
    "since 2014, ",
    "October 4, ",
    "Friday, ",
])
def test_long_adversarial_date_texts_take_linear_time(unit):
    """Dates are read in every sentence the timeline dates (`event_date`, as it calls it: on the segmented
    sentences) and wherever `find_dates` is called: each took seconds to minutes at 200 KB once."""
    import time

    from briefing.dates import find_dates
    from briefing.rank import event_date
    from briefing.segment import segment_document
    from tests.conftest import make_document

    text = unit * (200_000 // len(unit))
    sentences = segment_document(make_document(text))
    started = time.perf_counter()
    for sentence in sentences:
        event_date(sentence, "2017-04-04")
    event_date("x " + text, "2017-04-04")  # a text of its own: the calls above are cached
    find_dates("y " + text)
    assert time.perf_counter() - started < 10  # a tenth of a second each; quadratic: 11 s to minutes (slack for a busy machine)


@pytest.mark.parametrize("unit", [
    "5 killed and ",  # each number copied the sentence's rest and read every word of it (15 to 39 s once)
    "5 killed or wounded and ",
    "five killed and ",
    "killed 5, ",
    "1,000 killed ",
    "killed and ",
    "the injured 5 ",
    "killed 5 people including 3 children and ",
])
def test_long_adversarial_count_texts_take_linear_time(unit):
    import time

    from briefing.quantities import counts

    text = unit * (200_000 // len(unit))
    started = time.perf_counter()
    counts(text)
    assert time.perf_counter() - started < 12  # about 2 s at most (15,000 numbers); quadratic: 15 s to minutes


def test_letters_a_case_insensitive_pattern_reads_as_ascii_do_not_crash_the_build():
    """A review found "air ſtrike" (long s) and "ſome 12 people were killed" end a build with "unexpected KeyError":
    a case-insensitive pattern matches ſ as s (ı and İ as i, K as k) but lower() keeps it, so the word it found
    was looked up under a key no table has. Turkish outlets write "İdlib"."""
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents
    from briefing.quantities import counts
    from tests.conftest import FakeEmbedder, make_document

    texts = ["An air ſtrike on İdlib on Monday killed ſome 12 people, the Obſervatory ſaid. İt ſaid two dayſ ago 20 "
             "were İnjured.",
             'A bombing kılled 14 cıvılıans and ınjured 30 others ın Aleppo on Tuesday. "The regıme ıs responsıble," '
             "the mınıstry said. Three dayſ ago a chemical attack hit the town.",
             'At leaſt 15 people were killed and dozenſ wounded, ſaid the group. The miniſtry ſaid: "We will reſpond." '
             "It was in reſponſe to the attack on Auguſt 21. Only one perſon was Killed."]
    assert [(c.value, c.measure) for c in counts("Some 12 people were Killed and ſome 20 were ınjured")] == \
        [(12, "people killed"), (20, "people wounded")]
    documents = [make_document(t, id=f"r{n}", outlet=f"O{n}", date="2017-04-10") for n, t in enumerate(texts)]
    brief = brief_documents(documents, BuildOptions(), embedder=FakeEmbedder())
    assert brief.sections
