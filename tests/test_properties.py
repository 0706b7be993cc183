"""Property tests (issue 6): any text in gives a brief or a clear error out, never a crash, and
every sentence's offsets point back at its text. Fast: the fake embedder, bounded examples."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError, InputError
from tests.conftest import FakeEmbedder, make_document

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces of news text and of what breaks naive parsers, so that examples reach the later stages
PIECES = [
    "The", "army", "took", "Kafr", "Tala", "on", "Monday", "after", "heavy", "fighting", "officials", "said",
    "Deir", "ez-Zor", "U.S.-led", "Maj.", "Gen.", "Smith", "3,000", "people", "fled", "12", "November", "2017",
    ".", ",", "?", "!", ";", ":", "...", "…", "—", "–", "-", '"', "“", "”", "'", "(", ")", "(Reuters)", "DAMASCUS",
    "\n", "\n\n", "\n\n\n", "\r\n", "\t", "   ", "# ", "## Heading", "---", "* ", "1.", "> ",
    "{{ 7*7 }}", "{% include 'x' %}", "<script>", "</p>", "[x](http://e.x)", "![i](x.png)", "url(x)",
    "Ünïcödé", "日本語", "مرحبا", "\u200b", "\ufeff", "\x0c", "Reporting by Jane Doe", "Editing by", "©",
    "x" * 300,
]
words = st.lists(st.sampled_from(PIECES), max_size=120).map(" ".join)
texts = st.one_of(words, st.text(max_size=300), st.lists(words, min_size=1, max_size=4).map("\n\n".join))


class NeverZero(FakeEmbedder):
    """The fake embedder gives a zero vector to a sentence of short words only; a real model never
    does, and cosine clustering cannot place one (see docs/reliability.md)."""

    def embed(self, texts):
        vectors = super().embed(texts)
        vectors[:, -1] += 0.05
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


# -- ingest -------------------------------------------------------------------------------------

@FAST
@given(raw=st.one_of(st.binary(max_size=3000),
                     st.tuples(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]))
                     .map(lambda pair: pair[0].encode(pair[1], errors="replace"))))
def test_any_bytes_are_a_report_or_an_input_error(raw):
    from briefing.ingest.text import text_document

    try:
        document = text_document(raw, "report.txt", id="report")
    except InputError as error:
        assert str(error).startswith("report.txt: ") and "\n" not in str(error)
        return
    assert document.text.strip() and document.title and "\r" not in document.text


@FAST
@given(text=texts, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_text_survives_its_encoding(text, encoding):
    """What a report says comes back as it was written, whichever of these encodings it is in."""
    from briefing.ingest.text import decode_report

    if text.startswith("\ufeff"):
        return  # a byte order mark, not text: it is dropped
    if encoding == "utf-16" and text.startswith("\x00"):
        return  # FF FE 00 00: the UTF-32 byte order mark, which it is read as (found by a CI run: text "\x00")
    try:
        raw = text.encode(encoding)  # Python's utf-16 codec writes a byte order mark
    except UnicodeEncodeError:
        return
    try:
        decoded = decode_report(raw, "r.txt")
    except InputError:
        return  # control characters or NULs: refused as binary, with a message
    if encoding == "cp1252" and any(ord(c) > 127 for c in text):
        return  # undeclared 8-bit text is read as UTF-8 when it happens to be valid UTF-8
    assert decoded == text


@FAST
@given(lines=st.lists(st.one_of(texts, st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["title", "text", "date", "url", "id", "outlet"]), st.one_of(texts, st.integers(), st.none())))),
    max_size=6))
def test_any_json_lines_file_gives_reports_and_line_errors(lines):
    from briefing.ingest.jsonl import jsonl_items
    from briefing.model import Document

    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    try:
        items = jsonl_items(text, "feed.jsonl", "feed")
    except InputError as error:
        assert "holds no report" in str(error)
        return
    for item in items:
        assert isinstance(item, (Document, InputError))
        if isinstance(item, InputError):
            assert str(item).startswith("feed.jsonl, line ") and "\n" not in str(item)


# -- segmentation -------------------------------------------------------------------------------

@FAST
@given(text=texts)
def test_sentence_offsets_point_back_at_the_sentence_text(text):
    from briefing.segment import segment_document

    sentences = segment_document(make_document(text))
    end = 0
    for number, sentence in enumerate(sentences):
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= end  # in order, never overlapping
        end = sentence.end
        assert sentence.index == number


# -- the pipeline and the renderers -------------------------------------------------------------

@PIPELINE
@given(reports=st.lists(texts, min_size=1, max_size=3), title=texts)
def test_any_reports_give_a_brief_that_renders_or_a_clear_error(reports, title):
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents
    from briefing.renderers import render

    documents = [make_document(text, id=f"r{n}", title=title or "untitled", outlet=f"Outlet {n}")
                 for n, text in enumerate(reports)]
    try:
        brief = brief_documents(documents, BuildOptions(), NeverZero())
    except InputError as error:
        assert "\n" not in str(error)
        return
    by_id = {d.id: d for d in documents}
    for section in brief.sections:
        for statement in section.statements:
            for citation in statement.citations:
                assert citation.text in by_id[citation.doc_id].text  # cited where it was said
    for fmt in ("html", "md", "txt"):
        assert isinstance(render(brief, fmt), str)
    data = json.loads(render(brief, "json"))
    from briefing.model import Brief

    look = data.pop("rendered_with")  # beside the Brief, not in it: how its files were drawn
    assert look == {"page_size": "a4", "max_citations": 6, "templates": [], "css": []}
    assert json.loads(json.dumps(Brief.from_dict(data).to_dict())) == data


@pytest.fixture(scope="module")
def fake_model():
    import briefing.pipeline

    patch = pytest.MonkeyPatch()
    patch.setattr(briefing.pipeline, "make_embedder", lambda *args, **kwargs: NeverZero())
    yield
    patch.undo()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(texts.map(lambda t: t.encode("utf-8")), st.binary(max_size=500)),
       suffix=st.sampled_from([".txt", ".md", ".jsonl", ".html", ".dat"]))
# a form feed in the report reached the progress line in a topic label: "1 topic in 0.0 s: A\x0c*, 2 sentences"
@example(raw=b'\x01\x1c" " " " " " " " " " " " " " " " ! ! !  \t\nA\x0c*\nR .', suffix=".txt")
def test_the_command_line_gives_a_brief_or_one_error_line(fake_model, raw, suffix):
    from briefing.cli import main

    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / f"report{suffix}"
        report.write_bytes(raw)
        out, err = io.StringIO(), io.StringIO()
        code = main(["build", str(report), "-o", str(Path(folder) / "out"), "--format", "html,md,txt,json",
                     "--no-cache"], stdout=out, stderr=err)
        assert code in (0, 2), err.getvalue()
        lines = err.getvalue().splitlines()
        assert all(line.startswith("briefing: ") for line in lines), lines
        if code == 2:
            assert lines[-1].startswith("briefing: error: ")
            assert not (Path(folder) / "out").exists()
        else:
            assert len(list((Path(folder) / "out").glob("brief.*"))) == 4


def test_briefing_error_is_the_base_of_what_the_cli_prints():
    assert issubclass(InputError, BriefingError)
