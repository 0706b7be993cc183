from briefing.label import label_topics
from briefing.model import Sentence
from briefing.names import NameIndex


def s(text, heading=None, doc="a", index=0):
    return Sentence(doc_id=doc, index=index, paragraph=0, start=0, end=len(text), text=text, heading=heading)


def test_labels_are_short_and_name_place_and_event():
    topics = {
        0: [s("The army captured the city of Marib on Friday."), s("Marib was seized after a siege."),
            s("Troops captured the centre of Marib.")],
        1: [s("Iraqi forces launched an offensive on Al Qaim."), s("The Iraqi assault on Al Qaim began."),
            s("Iraqi troops pushed into Al Qaim.")],
    }
    texts = [x.text for group in topics.values() for x in group]
    labels = label_topics(topics, NameIndex(texts))
    assert labels[0] == "Marib capture"
    assert labels[1] == "Iraqi offensive on Al Qaim"
    assert all(2 <= len(label.split()) <= 5 for label in labels.values())


def test_a_short_heading_over_the_topic_is_its_label():
    topics = {0: [s("The town is next.", heading="Race to Al Bukamal"), s("It lies on the river.", heading="Race to Al Bukamal")]}
    assert label_topics(topics, NameIndex([x.text for x in topics[0]])) == {0: "Race to Al Bukamal"}


def test_events_are_read_in_one_scan_as_each_event_cue_reads_them():
    """One scan for every cue (the longest at each word start, standing for the cues it begins with)
    finds the events that searching each event's cues on its own finds."""
    import re

    from briefing.label import EVENTS, _events_told

    one_by_one = {event: re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + ")", re.I)
                  for event, cues in EVENTS.items()}
    sentences = ["Iran seized sailors in the Gulf.", "A gas attack killed dozens.", "The CEASE-FIRE held for a week.",
                 "They recaptured the town after an airstrike.", "Air strikes and shelling went on.", "No events here.",
                 "Aid convoys approached the besieged city as talks resumed.", "Toxic gas, chlorine and sarin."]
    for sentence in sentences:
        assert _events_told(sentence) == {e for e, cue in one_by_one.items() if cue.search(sentence)}, sentence
    assert _events_told("Iran seized sailors.") == {"arrest", "capture"}
