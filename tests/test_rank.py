import numpy as np

from briefing.model import Sentence
from briefing.names import NameIndex
from briefing.rank import RankedTopic, fit_word_budget, rank_topic
from tests.conftest import FakeEmbedder


def sentence(doc, index, text):
    return Sentence(doc_id=doc, index=index, paragraph=index, start=0, end=len(text), text=text)


SENTENCES = [
    sentence("a", 0, "The army captured the city of Marib from the rebels on Friday."),
    sentence("a", 1, "Engineers began clearing mines in the old market district."),
    sentence("b", 0, "The army captured the city of Marib from the rebels on Friday morning."),
    sentence("b", 1, "Hospitals in the province reported shortages of fuel and medicine."),
]


def ranked(per_topic=5):
    vectors = FakeEmbedder().embed([s.text for s in SENTENCES])
    names = NameIndex([s.text for s in SENTENCES])
    return rank_topic(0, np.arange(len(SENTENCES)), vectors, SENTENCES, {"a": 1, "b": 2}, names, per_topic)


def test_the_same_fact_from_two_reports_is_one_statement_with_two_citations():
    topic = ranked()
    first = topic.statements[0]
    assert "captured the city of Marib" in first.text
    assert [c.source for c in first.citations] == [1, 2]
    assert {c.text for c in first.citations} == {SENTENCES[0].text, SENTENCES[2].text}
    assert len(topic.statements) == 3  # the duplicate did not come back as a bullet of its own
    assert topic.source_count == 2


def test_scores_keep_their_parts_and_are_ordered():
    topic = ranked()
    scores = [s.score for s in topic.statements]
    assert scores == sorted(scores, reverse=True)
    assert set(topic.statements[0].why) >= {"centrality", "support", "position"}
    assert topic.statements[0].why["support"] == 1.0


def test_per_topic_cap():
    assert len(ranked(per_topic=1).statements) == 1


def test_word_budget_gives_every_topic_its_best_statement_first():
    topic = ranked()
    other = RankedTopic(1, topic.statements[1:], 1)
    words = len(topic.statements[0].text.split()) + len(other.statements[0].text.split())
    kept = fit_word_budget([topic, other], words)
    assert [len(t.statements) for t in kept] == [1, 1]
