import json

from briefing.model import Brief
from briefing.options import BuildOptions
from briefing.pipeline import brief_documents
from tests.conftest import FakeEmbedder, make_document

REPORTS = [
    make_document("The army captured the city of Marib on Friday. Engineers began clearing mines in Marib. "
                  "The dam near Marib was not damaged in the fighting.", id="a", outlet="Alpha"),
    make_document("The army captured the city of Marib on Friday morning. Hospitals in Marib lack fuel. "
                  "Voters in Kenora elected a mayor. The Kenora election turnout was high.", id="b", outlet="Beta",
                  date="2017-11-03"),
]


def test_brief_round_trips_through_json():
    brief = brief_documents(REPORTS, BuildOptions(), embedder=FakeEmbedder())
    data = json.loads(json.dumps(brief.to_dict()))
    assert Brief.from_dict(data) == brief


def test_brief_json_holds_the_contract_fields():
    brief = brief_documents(REPORTS, BuildOptions(), embedder=FakeEmbedder()).to_dict()
    assert set(brief) >= {"title", "generated", "key_points", "sections", "topics", "unassigned", "sources"}
    assert set(brief["generated"]) >= {"model", "options", "version"}
    statement = brief["sections"][0]["statements"][0]
    assert set(statement) >= {"text", "citations", "score"}
    assert set(brief["topics"][0]) >= {"id", "label", "members"}
    assert set(brief["topics"][0]["members"][0]) == {"doc_id", "sentence", "text"}
    assert set(brief["sources"][0]) >= {"id", "number", "title", "outlet", "date", "url", "path"}
    clustered = sum(len(t["members"]) for t in brief["topics"]) + len(brief["unassigned"])
    assert clustered == 7  # every sentence is listed, under a topic or as unassigned
    assert brief["date"] == "2017-11-03" and brief["report_count"] == 2 and brief["outlet_count"] == 2
