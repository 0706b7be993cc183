"""Sidecar metadata (sources.yaml / sources.toml) for reports that must stay verbatim."""

import pytest

from briefing.errors import InputError
from briefing.ingest import load_documents
from tests.conftest import SEEDS

REPORT = "The army captured the city of Marib on Friday. Engineers began clearing mines in Marib.\n"


def _folder(tmp_path, sidecar_name=None, sidecar=""):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ntitle: Own title\noutlet: Own outlet\n---\nVoters in Kenora elected a mayor on Thursday. Turnout was high.\n", encoding="utf-8")
    if sidecar_name:
        (tmp_path / sidecar_name).write_text(sidecar, encoding="utf-8")
    return tmp_path


def test_yaml_sidecar_supplies_metadata_and_is_not_a_report(tmp_path):
    folder = _folder(tmp_path, "sources.yaml", "a.txt:\n  title: Marib falls\n  outlet: Alpha News\n"
                                               "  date: 2017-11-03\n  url: https://example.org/a\n"
                                               "  note: date from the wire\n")
    documents = {d.id: d for d in load_documents([str(folder)])}
    assert set(documents) == {"a", "b"}
    a = documents["a"]
    assert (a.title, a.title_from, a.outlet, a.date, a.url, a.note) == (
        "Marib falls", "sidecar", "Alpha News", "2017-11-03", "https://example.org/a", "date from the wire")
    assert a.text == REPORT  # the report itself is read as it is
    assert (documents["b"].title, documents["b"].outlet, documents["b"].date) == ("Own title", "Own outlet", None)


def test_toml_sidecar_and_the_sidecar_wins_over_front_matter(tmp_path):
    folder = _folder(tmp_path, "sources.toml", '["b.txt"]\noutlet = "Beta Wire"\ndate = 2017-11-04\n')
    documents = {d.id: d for d in load_documents([str(folder / "*")])}  # a glob matches the sidecar too
    assert set(documents) == {"a", "b"}
    assert (documents["b"].outlet, documents["b"].date, documents["b"].title) == ("Beta Wire", "2017-11-04",
                                                                                   "Own title")


def test_sidecar_as_a_list_of_entries(tmp_path):
    folder = _folder(tmp_path, "sources.yaml", "- file: a.txt\n  outlet: Alpha\n")
    assert {d.id: d.outlet for d in load_documents([str(folder)])}["a"] == "Alpha"


@pytest.mark.parametrize("name, text, message", [
    ("sources.yaml", "a.txt: [unclosed\n", "malformed sidecar"),
    ("sources.yaml", "a.txt:\n  publisher: X\n", "unknown field(s) publisher"),
    ("sources.yaml", "a.txt:\n  date: last Friday\n", "no date of the calendar in ISO form"),
    ("sources.yaml", "a.txt:\n  date: 2017-02-30\n", "the date of a.txt, '2017-02-30', is no date of the calendar in ISO form"),
    ("sources.yaml", "a.txt:\n  date: 2017-02-30T10:00:00Z\n", "is no date of the calendar in ISO form"),
    ("sources.toml", '["a.txt"]\ndate = 2017-02-30\n', "malformed sidecar"),
    ("sources.toml", '"a.txt" = 3\n', "must map fields"),
])
def test_a_bad_sidecar_is_a_clear_error(tmp_path, name, text, message):
    folder = _folder(tmp_path, name, text)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_documents([str(folder)])


def test_an_entry_for_a_missing_file_is_a_warning(tmp_path):
    folder = _folder(tmp_path, "sources.yaml", "gone.txt:\n  outlet: Nobody\n")
    warnings = []
    load_documents([str(folder)], warn=warnings.append)
    assert any("gone.txt" in w for w in warnings)


def test_the_seeds_sidecar():
    documents = {d.id: d for d in load_documents([str(SEEDS)])}
    assert set(documents) == {"000_a75d085bfc2e9512", "004_892d3aec1209a7b2"}
    seed_000, seed_004 = documents["000_a75d085bfc2e9512"], documents["004_892d3aec1209a7b2"]
    assert (seed_004.outlet, seed_004.date) == ("Tasnim News Agency", "2017-11-03")
    assert (seed_000.outlet, seed_000.date) == (None, "2017-11-03")
    assert "November 3" in seed_000.note and "inferred" in seed_000.note
