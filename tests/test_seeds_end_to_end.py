"""The seeds brief with the real model, real WeasyPrint and the real CLI."""

import io
import json
import re
import shutil
import subprocess
from collections import Counter
from itertools import permutations

import pytest

from briefing import BuildOptions, build_brief, render
from briefing.cli import main
from briefing.ingest import load_documents
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow
PLACES = {"deir": re.compile(r"Deir\s+(?:Ezzor|ez-Zor|al-Zour|Ez-Zor)", re.I),
          "bukamal": re.compile(r"Al\s*Bu\s*Kamal|Albu\s+Kamal|Al\s+Bukamal", re.I),
          "qaim": re.compile(r"\bal[- ]Qaim\b", re.I)}


def places_named(text):
    return {place for place, pattern in PLACES.items() if pattern.search(text)}


def test_three_topics_hold_the_sentences_about_them(seeds_brief):
    """Each place gets a topic of its own (the matching that explains most sentences), and
    at least 80% of the sentences that name exactly one place sit in that place's topic."""
    assert len(seeds_brief.topics) == 3
    naming_one = [(t.id, next(iter(places_named(m.text)))) for t in seeds_brief.topics for m in t.members
                  if len(places_named(m.text)) == 1]
    counts = Counter(naming_one)
    topic_ids = [t.id for t in seeds_brief.topics]
    home = max((dict(zip(PLACES, order)) for order in permutations(topic_ids)),
               key=lambda match: sum(counts[(topic, place)] for place, topic in match.items()))
    right = sum(1 for topic, place in naming_one if home[place] == topic)
    assert right / len(naming_one) >= 0.8, (right, len(naming_one), home)
    labels = {place: next(t.label for t in seeds_brief.topics if t.id == topic) for place, topic in home.items()}
    assert "Deir" in labels["deir"] and "Bukamal" in labels["bukamal"] and "Qaim" in labels["qaim"]
    assert all(2 <= len(label.split()) <= 5 for label in labels.values())


def test_every_citation_points_to_a_report_that_contains_it(seeds_brief):
    documents = {d.id: d for d in load_documents([str(SEEDS)])}
    numbers = {s.number: s.id for s in seeds_brief.sources}
    statements = [s for section in seeds_brief.sections for s in section.statements] + list(seeds_brief.key_points)
    assert statements
    for statement in statements:
        assert statement.text in {c.text for c in statement.citations}
        for citation in statement.citations:
            assert numbers[citation.source] == citation.doc_id
            assert citation.text in documents[citation.doc_id].text


def test_a_fact_both_reports_tell_is_one_statement_with_two_citations(seeds_brief):
    statements = [s for section in seeds_brief.sections for s in section.statements]
    both = [s for s in statements if {c.source for c in s.citations} == {1, 2}]
    assert any("Deir" in s.text and re.search(r"seized|captured", s.text) for s in both)
    texts = [c.text for s in statements for c in s.citations]
    assert len(texts) == len(set(texts))  # no sentence stands behind two statements


def test_two_runs_give_the_same_json_apart_from_the_generation_time(seeds_brief, tmp_path):
    again = build_brief([str(SEEDS)], BuildOptions(cache_dir=str(tmp_path)))

    def without_time(brief):
        data = brief.to_dict()
        data["generated"].pop("time")
        data["generated"]["options"].pop("cache_dir")
        return json.dumps(data, sort_keys=True)

    assert without_time(again) == without_time(seeds_brief)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by the Makefile")
def test_pdf_text_holds_the_topic_labels(seeds_brief, tmp_path):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(render(seeds_brief, "pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for section in seeds_brief.sections:
        assert section.label in text


def test_html_citations_link_to_their_source_entries(seeds_brief):
    html = render(seeds_brief, "html")
    targets = set(re.findall(r'href="#(source-\d+)"', html))
    anchors = set(re.findall(r'id="(source-\d+)"', html))
    assert targets and targets <= anchors


def test_cli_build_writes_every_format(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(SEEDS), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")],
                stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    for ext in ("html", "pdf", "md", "json"):
        assert (tmp_path / "out" / f"brief.{ext}").stat().st_size > 1000
    assert (tmp_path / "out" / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert "3 topics" in err.getvalue()
    assert not list((tmp_path / "out").glob(".*.part"))
    one = tmp_path / "one.md"
    assert main(["build", str(SEEDS), "-o", str(one), "-q", "--cache-dir", str(tmp_path / "cache")],
                stdout=io.StringIO(), stderr=err) == 0
    assert one.read_text().startswith("# ")


def test_caps_on_words_and_statements(tmp_path):
    brief = build_brief([str(SEEDS)], BuildOptions(max_words=120, per_topic=2, cache_dir=str(tmp_path)))
    statements = [s for section in brief.sections for s in section.statements]
    assert sum(len(s.text.split()) for s in statements) <= 120
    assert all(len(section.statements) <= 2 for section in brief.sections)
    forced = build_brief([str(SEEDS)], BuildOptions(topics=2, cache_dir=str(tmp_path)))
    assert len(forced.topics) == 2
