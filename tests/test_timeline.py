"""Date expressions resolved against the publication date, and the Timeline built from them."""

import datetime as dt

import numpy as np
import pytest

from briefing.dates import dated, find_dates
from briefing.names import NameIndex
from briefing.segment import segment_document
from briefing.timeline import build_timeline
from tests.conftest import FakeEmbedder, make_document

D = dt.date.fromisoformat
FRI = "2017-11-03"  # a Friday, the seeds' publication day

# (sentence, publication date, expression as found, precision, first day, last day)
RESOLVED = [
    # a bare weekday: the latest such day on or before publication
    ("The army said on Friday it had seized the city.", FRI, "Friday", "day", "2017-11-03", "2017-11-03"),
    ("The army said on Friday it had seized the city.", "2017-11-04", "Friday", "day", "2017-11-03", "2017-11-03"),
    ("Talks began on Thursday in Geneva.", FRI, "Thursday", "day", "2017-11-02", "2017-11-02"),
    ("Talks began on Saturday in Geneva.", FRI, "Saturday", "day", "2017-10-28", "2017-10-28"),
    ("Rebels shelled the town on Sunday.", "2017-11-06", "Sunday", "day", "2017-11-05", "2017-11-05"),
    ("Artillery fired on the town on Friday morning.", FRI, "Friday morning", "day", "2017-11-03", "2017-11-03"),
    ("The ministry met last Friday.", FRI, "last Friday", "day", "2017-10-27", "2017-10-27"),
    ("The ministry will meet next Friday.", FRI, "next Friday", "day", "2017-11-10", "2017-11-10"),
    # month-days take the year nearest publication, the past preferred
    ("Forces captured the T2 station on October 26.", FRI, "October 26", "day", "2017-10-26", "2017-10-26"),
    ("Forces captured the T2 station on 26 October.", FRI, "26 October", "day", "2017-10-26", "2017-10-26"),
    ("The operation began on Oct. 25 near the border.", FRI, "Oct. 25", "day", "2017-10-25", "2017-10-25"),
    ("The city fell on Friday, November 3, a statement said.", FRI, "Friday, November 3", "day",
     "2017-11-03", "2017-11-03"),
    ("The siege was lifted on December 28.", "2018-01-04", "December 28", "day", "2017-12-28", "2017-12-28"),
    ("The siege was lifted on Dec. 31.", "2018-01-02", "Dec. 31", "day", "2017-12-31", "2017-12-31"),
    ("The talks resumed on January 2.", "2018-01-04", "January 2", "day", "2018-01-02", "2018-01-02"),
    ("Elections are due on November 20.", FRI, "November 20", "day", "2017-11-20", "2017-11-20"),
    # weeks, months, years
    ("The operation began last week.", FRI, "last week", "week", "2017-10-23", "2017-10-29"),
    ("The operation began last week.", "2017-11-06", "last week", "week", "2017-10-30", "2017-11-05"),
    ("Fighting intensified this week.", FRI, "this week", "week", "2017-10-30", "2017-11-05"),
    ("Prices rose last month.", "2018-01-15", "last month", "month", "2017-12-01", "2017-12-31"),
    ("The group lost ground last year.", FRI, "last year", "year", "2016-01-01", "2016-12-31"),
    ("The army arrived in September.", FRI, "in September", "month", "2017-09-01", "2017-09-30"),
    ("The army arrived in December.", "2018-01-04", "in December", "month", "2017-12-01", "2017-12-31"),
    # since: a range up to publication
    ("They have fought there since September.", FRI, "since September", "range", "2017-09-01", "2017-11-03"),
    ("They have fought there since September.", "2017-09-20", "since September", "range", "2017-09-01",
     "2017-09-20"),
    ("They have fought there since September.", "2018-02-10", "since September", "range", "2017-09-01",
     "2018-02-10"),
    ("They have held it since September 2014.", FRI, "since September 2014", "range", "2014-09-01", "2017-11-03"),
    ("They have held it since 2014.", FRI, "since 2014", "range", "2014-01-01", "2017-11-03"),
    ("Since April 21 Syrian forces have intensified attacks.", FRI, "Since April 21", "range", "2017-04-21",
     "2017-11-03"),
    ("Raids went on since 3 December.", "2018-01-04", "since 3 December", "range", "2017-12-03", "2018-01-04"),
    ("Raids went on since Dec. 3, 2016.", None, "since Dec. 3, 2016", "range", "2016-12-03", "2016-12-03"),
    ("The group grew over the past three years.", FRI, "over the past three years", "range", "2014-11-03",
     "2017-11-03"),
    ("Shelling went on in the past three days.", FRI, "in the past three days", "range", "2017-10-31",
     "2017-11-03"),
    # ago
    ("The group seized the city three years ago.", FRI, "three years ago", "year", "2014-01-01", "2014-12-31"),
    ("The convoy left two days ago.", FRI, "two days ago", "day", "2017-11-01", "2017-11-01"),
    ("The convoy left a week ago.", FRI, "a week ago", "week", "2017-10-23", "2017-10-29"),
    ("The convoy left two months ago.", FRI, "two months ago", "month", "2017-09-01", "2017-09-30"),
    ("The convoy left yesterday.", FRI, "yesterday", "day", "2017-11-02", "2017-11-02"),
    ("The convoy left the day before yesterday.", FRI, "the day before yesterday", "day", "2017-11-01",
     "2017-11-01"),
    # absolute dates need no publication date
    ("The city fell on November 3, 2017.", None, "November 3, 2017", "day", "2017-11-03", "2017-11-03"),
    ("The city fell on 3 November 2017.", None, "3 November 2017", "day", "2017-11-03", "2017-11-03"),
    ("The city fell on 2017-11-03.", None, "2017-11-03", "day", "2017-11-03", "2017-11-03"),
    ("The offensive began in November 2016.", None, "November 2016", "month", "2016-11-01", "2016-11-30"),
    ("The group took the city in 2014.", None, "in 2014", "year", "2014-01-01", "2014-12-31"),
]


@pytest.mark.parametrize("sentence, published, expression, precision, first, last", RESOLVED,
                         ids=[f"{row[2]}@{row[1]}" for row in RESOLVED])
def test_date_expressions_resolve_exactly(sentence, published, expression, precision, first, last):
    mentions = [m for m in dated(sentence, published) if m.text == expression]
    assert mentions, [m.text for m in find_dates(sentence)]
    mention = mentions[0]
    assert (mention.precision, mention.first, mention.last) == (precision, D(first), D(last))
    assert sentence[mention.start:mention.end] == expression


def test_there_are_at_least_thirty_fixtures():
    assert len(RESOLVED) >= 30


@pytest.mark.parametrize("expression", ["on Friday", "last week", "since September", "three years ago",
                                        "October 26", "yesterday"])
def test_without_a_publication_date_relative_dates_stay_as_written(expression):
    mentions = dated(f"The army moved {expression}.", None)
    assert len(mentions) == 1
    assert not mentions[0].resolved and mentions[0].label == mentions[0].text
    assert mentions[0].text in expression


def test_labels_say_the_precision():
    labels = {m.text: m.label for m in dated("It began last week, on October 25, in October 2017, since September, "
                                             "since October 25, in 2014.", FRI)}
    assert labels == {"last week": "week of 23 October 2017", "October 25": "25 October 2017",
                      "October 2017": "October 2017", "since September": "since September 2017", "in 2014": "2014",
                      "since October 25": "since 25 October 2017"}


def test_a_rule_held_since_a_year_is_no_date_of_the_sentence():
    """FA-KES: "since 1963" put "The Syrian conflict began ..." into the timeline at 1963 (user audit)."""
    mentions = dated("The Syrian conflict began when the Baath regime in power since 1963 and led by President "
                     "Bashar al-Assad responded with military force to peaceful protests.", FRI)
    assert [(m.text, m.precision) for m in mentions] == [("since 1963", "duration")]
    assert [m.precision for m in dated("Rebels have held the town since 2013.", FRI)] == ["range"]


def test_a_duration_is_found_but_is_no_date():
    mentions = dated("They broke a siege of nearly three years.", FRI)
    assert [(m.text, m.precision, m.resolved) for m in mentions] == [("of nearly three years", "duration", False)]


def test_month_days_months_and_weekdays_are_read_as_dateparser_reads_them():
    """The quick reading of the commonest expressions (no dateparser call) agrees with dateparser on the
    month, day and weekday, the parts the timeline uses; impossible days are None for both."""
    from briefing.dates import _parser, _quick_date

    expressions = ["October 26", "26 Oct.", "Sept. 7", "April 3rd", "1st May", "February 29", "June 31", "July",
                   "Dec", "Friday", "Sunday", "Monday", "26 of September", "4th of April", "31 of June"]
    for expression in expressions:
        data = _parser().get_date_data(expression)
        expected = data.date_obj.date() if data and data.date_obj else None
        quick = _quick_date(expression)
        assert (quick is None) == (expected is None), expression
        if quick is not None:
            assert (quick.month, quick.day, quick.weekday()) == (expected.month, expected.day, expected.weekday()) \
                or (expression[0].isupper() and expression.endswith("day") and quick.weekday() == expected.weekday()), \
                expression
    assert _quick_date("last Friday") is None
    for expression in ["26 October 2017", "Apr 29, 2016", "Sept. 7 2016", "March 2014", "29th April 2016",
                       "4th of April 2017"]:
        assert _quick_date(expression) == _parser().get_date_data(expression).date_obj.date(), expression


def test_dates_are_found_only_where_their_cues_are():
    """A pattern is tried only on a text holding what it needs (a digit, a month, a unit word ...):
    the same mentions as trying every pattern on every text, earliest-listed first."""
    from briefing.dates import PATTERNS, _find_dates

    def every_pattern(text):
        taken, found = [], []
        for kind, pattern, _ in PATTERNS:
            for match in pattern.finditer(text):
                if not any(match.start() < b and a < match.end() for a, b in taken):
                    taken.append(match.span())
                    found.append((match.start(), match.end(), kind))
        return sorted(found)

    texts = ["Three weeks ago the army entered the town.", "YESTERDAY the army retook it.", "a 10-day-long siege",
             "Since 2011 the war has killed many.", "since early March 2014", "On Friday morning shells fell.",
             "for nearly two YEARS", "In 2015, the group", "On 2017-11-03 it fell.", "Tuesday, 4 April 2017 news",
             "over the past three weeks", "in the past three days", "by mid-September", "earlier this month",
             "attacks in 2014 and 2015", "The 3rd Division moved on."]
    for text in texts:
        assert [(m.start, m.end, m.kind) for m in _find_dates(text)] == every_pattern(text), text
    assert sum(bool(every_pattern(text)) for text in texts) == len(texts) - 1


def test_numbers_and_capitalised_words_are_not_dates():
    assert find_dates("About 150,000 people live there; 1,500 fighters remain; May God help them.") == []


def _timeline(documents, limit=10):
    sentences = [s for d in documents for s in segment_document(d)]
    vectors = FakeEmbedder().embed([s.text for s in sentences])
    labels = np.zeros(len(sentences), dtype=int)
    numbers = {d.id: n for n, d in enumerate(documents, start=1)}
    return build_timeline(documents, sentences, vectors, labels, numbers, NameIndex([s.text for s in sentences]),
                          {0: 0}, limit=limit)


def test_timeline_lists_events_oldest_first_with_their_precision():
    report = make_document("The army captured the city of Marib on Friday. The siege of Marib began last week. "
                           "Engineers reached the Marib dam on October 30. Fighting around Marib has gone on "
                           "since September.", date=FRI)
    timeline = _timeline([report])
    assert [(e.label, e.precision) for e in timeline] == [
        ("since September 2017", "range"), ("week of 23 October 2017", "week"),
        ("30 October 2017", "day"), ("3 November 2017", "day")]
    assert all(len(e.citations) == 1 and e.citations[0].source == 1 for e in timeline)
    assert timeline[-1].text == "The army captured the city of Marib on Friday."


def test_the_same_event_from_two_reports_is_one_entry_with_two_citations():
    a = make_document("The army captured the city of Marib on Friday. Hospitals in Marib lack fuel.", id="a",
                      date=FRI)
    b = make_document("Government troops captured the city of Marib on November 3, officials said. "
                      "Voters in Kenora elected a mayor on Thursday.", id="b", date="2017-11-04")
    timeline = _timeline([a, b])
    assert [(e.date, [c.source for c in e.citations]) for e in timeline] == [
        ("2017-11-02", [2]), ("2017-11-03", [1, 2])]
    assert timeline[1].label == "3 November 2017"


def test_an_undated_report_keeps_its_relative_dates_as_written_and_last():
    dated_report = make_document("The army captured the city of Marib on October 26.", id="a", date=FRI)
    undated = make_document("Voters in Kenora elected a mayor on Thursday.", id="b")
    timeline = _timeline([undated, dated_report])
    assert [(e.label, e.date, e.precision) for e in timeline] == [
        ("26 October 2017", "2017-10-26", "day"), ("Thursday", None, "unresolved")]


def test_a_long_timeline_keeps_the_events_most_reports_tell():
    text = " ".join(f"Convoy number {n} reached the depot of Marib on October {n + 1}." for n in range(12))
    timeline = _timeline([make_document(text, date=FRI)], limit=5)
    assert len(timeline) == 5
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)


def test_what_every_report_recalls_gives_way_to_the_days_events():
    """"Since 2011", "since the conflict began in March 2011", "over the past five years": told by every
    report, so first by count, but background; the reports' own events come first when room is short."""
    recalled = ("Syria has been mired in civil war since 2011. More than 330000 people have been killed since "
                "the conflict began in March 2011. The war has killed 280000 people over the past five years. ")
    reports = [make_document(recalled + ("Jets struck the bakery of Marib on Friday." if n == 0 else
                                         "The Marib dam was shelled on Thursday." if n == 1 else
                                         "Voters in Kenora elected a mayor on Wednesday."), id=f"r{n}", date=FRI)
               for n in range(3)]
    timeline = _timeline(reports, limit=3)
    assert [e.date for e in timeline] == ["2017-11-01", "2017-11-02", "2017-11-03"]
    assert len(_timeline(reports, limit=6)) == 6  # with room, the background is shown too


def test_the_story_s_history_gives_way_to_the_days_events():
    """Audit 8: "December 2016: ... before Bashar al Assads forces retook full control of the city" in an April 2017
    timeline. A month or a year a month or more before the first report, told by fewer than three reports, is
    history: shown when the events leave room. A day is not; nor history three reports tell (below)."""
    history = ("Assad holds the advantage thanks to Russias intervention in 2015. The army retook the city of Aleppo "
               "in December 2016. Rebels shelled the Marib airport on 12 March 2016. ")
    reports = [make_document((history if n == 0 else "") + ("Jets struck the bakery of Marib on Friday." if n == 0 else
                                        "The Marib dam was shelled on Thursday." if n == 1 else
                                        "Voters in Kenora elected a mayor on Wednesday."), id=f"r{n}", date=FRI)
               for n in range(3)]
    assert [e.date for e in _timeline(reports, limit=4)] == ["2016-03-12", "2017-11-01", "2017-11-02", "2017-11-03"]
    assert len(_timeline(reports, limit=6)) == 6  # with room, the history is shown too
    this_month = make_document("Convoys reached Marib in November 2017. Jets struck the bakery of Marib on Friday. "
                               "The Marib dam was shelled on Thursday.", date=FRI)
    assert len(_timeline([this_month], limit=3)) == 3  # the month the reports are of is no history
    recalled = [make_document(f"The SDF launched its Raqqa operation in November 2016. {event}", id=f"s{n}", date=FRI)
                for n, event in enumerate(("Jets struck the bakery of Marib on Friday.",
                                           "The Marib dam was shelled on Thursday.",
                                           "Voters in Kenora elected a mayor on Wednesday."))]
    assert "November 2016" in [e.label for e in _timeline(recalled, limit=3)]


@pytest.mark.parametrize("sentence", [
    "More than 300000 people have been killed in Syria since the conflict began with anti-government protests "
    "in March 2011.",
    "The war, which began in March 2011, has killed 300000.",
    "The uprising against Assad began in March 2011.",
    "More than 140000 people have been killed since the start of the uprising against President Bashar al-Assad "
    "in March 2011.",
])
def test_the_recalled_start_of_a_war_is_background(sentence):
    from briefing.dates import is_background

    resolved = [m for m in dated(sentence, dt.date(2017, 11, 3)) if m.resolved]
    assert resolved and all(is_background(m, sentence) for m in resolved)


@pytest.mark.parametrize("sentence", [
    "The Britain-based war monitor said the offensive began on Friday.",
    "The UK-based Syrian Observatory, a war monitor, said the air strikes started on Wednesday night.",
    "Talks to end the conflict started in Geneva on Thursday.",
    "The crisis talks began on Monday in Astana.",
    "The war crimes trial began on October 30 in The Hague.",
    "The Britain-based war monitor said the offensive began in March.",  # month-dated: the rules themselves
    "The crisis talks began in October in Astana.",
    "The war crimes trial began in October 2017 in The Hague.",
])
def test_an_event_told_beside_the_words_war_or_conflict_is_no_background(sentence):
    from briefing.dates import is_background

    resolved = [m for m in dated(sentence, dt.date(2017, 11, 3)) if m.resolved]
    assert resolved and not any(is_background(m, sentence) for m in resolved)


@pytest.mark.slow
def test_seeds_timeline_holds_the_dated_events_with_citations(seeds_brief):
    by_date = {}
    for entry in seeds_brief.timeline:
        by_date.setdefault(entry.date, []).append(entry)
    assert any("Al Qaim" in e.text and "launched" in e.text for e in by_date["2017-10-25"])
    assert any("T2" in e.text for e in by_date["2017-10-26"])
    assert any("Deir" in e.text for e in by_date["2017-11-03"])
    for day in ("2017-10-25", "2017-10-26", "2017-11-03"):
        assert all(e.citations and e.precision == "day" for e in by_date[day])
    assert [e.date for e in seeds_brief.timeline] == sorted(e.date for e in seeds_brief.timeline)
    # the capture of Deir Ezzor, told by both reports, is one entry citing both
    assert any({c.source for c in e.citations} == {1, 2} and "Deir" in e.text for e in by_date["2017-11-03"])
    # and the start of the Al Qaim operation is one entry: the second report's "began last week" is none of its own
    assert any("Al Qaim" in e.text for e in by_date["2017-10-25"])
    assert not any(e.precision == "week" for e in seeds_brief.timeline)


@pytest.mark.slow
def test_seeds_pdf_and_text_show_the_timeline_and_the_key_quotes(seeds_brief, tmp_path):
    import shutil
    import subprocess

    from briefing import render

    text = render(seeds_brief, "txt")
    assert "TIMELINE\n  since September 2017:" in text and "\n  25 October 2017: The operation to capture Al Qaim" in text
    assert "KEY QUOTES" in text and "- state television [2]" in text
    if shutil.which("pdftotext"):
        pdf = tmp_path / "brief.pdf"
        pdf.write_bytes(render(seeds_brief, "pdf"))
        shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Timeline" in shown and "Key quotes" in shown and "26 October 2017" in shown


def test_a_dated_sentence_cites_the_same_reports_in_the_timeline_and_in_its_section():
    """The timeline merges by rank's rule: a report that names the operation but not who launched it
    joined the timeline's entry (a shared name and word were enough there) while the section cited the
    sentence's own report only."""
    from briefing.model import Sentence
    from briefing.rank import brief_content, rank_topic

    a = make_document("The operation to capture Al Qaim and Rawa was launched by units from the Iraqi army, "
                      "the Counter-Terrorism Service and the Hashd on October 25.", id="a", date=FRI)
    b = make_document("The operation to seize Al Qaim and its surroundings, a pocket of barren desert, "
                      "began last week.", id="b", date=FRI)
    sentences = [s for d in (a, b) for s in segment_document(d)]
    assert [s.doc_id for s in sentences] == ["a", "b"] and isinstance(sentences[0], Sentence)
    vectors = np.array([[1.0, 0.0], [0.7, 0.51 ** 0.5]], dtype=np.float32)  # cosine 0.7: one story
    names = NameIndex([s.text for s in sentences])
    numbers = {"a": 1, "b": 2}
    timeline = build_timeline([a, b], sentences, vectors, np.zeros(2, dtype=int), numbers, names, {0: 0})
    in_timeline = {e.text: [c.source for c in e.citations] for e in timeline}
    content = brief_content(sentences, {"a": FRI, "b": FRI})
    topic = rank_topic(0, np.arange(2), vectors, sentences, numbers, names, 5, content)
    in_section = {s.text: [c.source for c in s.citations] for s in topic.statements}
    launched = sentences[0].text
    assert in_timeline[launched] == in_section[launched] == [1]


def test_the_timeline_keeps_different_tolls_of_one_day_apart():
    a = make_document("Air raids on the market of Quriyah killed 58 civilians on Friday.", id="a", date=FRI)
    b = make_document("Air raids on the market of Quriyah killed 14 civilians on Friday.", id="b", date=FRI)
    timeline = _timeline([a, b])
    assert sorted([c.source for c in e.citations] for e in timeline) == [[1], [2]]


def test_a_sentence_a_report_repeats_word_for_word_is_one_entry():
    """A 2 MB page repeated a paragraph: its dated sentence was listed twice."""
    text = ("A bomb exploded in the Grand Mosque on Friday. Police closed the area. "
            "A bomb exploded in the Grand Mosque on Friday. Police closed the area.")
    timeline = _timeline([make_document(text, date=FRI)])
    assert [e.text for e in timeline] == ["A bomb exploded in the Grand Mosque on Friday."]


@pytest.mark.parametrize("sentence, expression", [
    ("A UN-led inquiry blamed the regime for at least three chlorine attacks in 2014 and 2015.", "in 2014 and 2015"),
    ("Between 2014 and 2016 the group held Palmyra.", "Between 2014 and 2016"),
    ("Raids came in 2012, 2013 and 2014.", "in 2012, 2013 and 2014"),
    ("The 2014-2015 campaign failed.", "2014-2015"),
])
def test_two_or_more_years_are_no_date_of_one_event(sentence, expression):
    """FA-KES audit: "at least three chlorine attacks in 2014 and 2015" was an entry of the timeline dated 2014."""
    assert [(m.text, m.resolved) for m in dated(sentence, FRI)] == [(expression, False)]


def test_a_sentence_of_several_years_is_dated_only_by_a_date_of_its_own():
    report = make_document("The regime was blamed for at least three chlorine attacks in 2014 and 2015. "
                           "Sarin was used in Khan Sheikhoun on April 4, 2017, in the worst of the attacks.", date=FRI)
    assert [(e.label, e.text[:5]) for e in _timeline([report])] == [("4 April 2017", "Sarin")]
    assert [m.precision for m in dated("Chlorine attacks in 2014 and 2015 came before the sarin attack of "
                                       "April 4, 2017.", FRI)] == ["duration", "day"]


def test_a_report_that_tells_an_event_again_in_other_words_is_cited_once_in_one_entry():
    """Audit 5: Al-Araby's standfirst and lead ("... on Wednesday as they attempted to cross the Euphrates River",
    then the same with "a monitoring group said") were two entries on 4 October citing [1] each; Sputnik's report
    [6] said Trump's words twice, so "[5][6]" was followed by the same text again with "[6]"."""
    lead = "A Russian airstrike killed at least 38 civilians on Wednesday as they tried to cross the Euphrates River"
    a = make_document(f"{lead}. Aid workers counted the rafts. {lead} a monitoring group said.", id="a",
                      date="2017-10-04")
    timeline = _timeline([a])
    assert [(e.date, [c.source for c in e.citations]) for e in timeline] == [("2017-10-04", [1])]
    said = ("US President Donald Trump said the attack was a response to the alleged chemical weapon use in Idlib on "
            "Tuesday which Washington blames on {}.")
    b = make_document(said.format("the Syrian government") + " The governor counted the dead.", id="b", date=FRI)
    c = make_document(said.format("Damascus") + " The governor counted the dead. " + said.format("the Syrian government"),
                      id="c", date=FRI)
    timeline = _timeline([b, c])
    assert [[c.source for c in e.citations] for e in timeline] == [[1, 2]]


def test_two_sentences_of_one_report_about_different_events_of_a_day_stay_two_entries():
    a = make_document("Air raids on the market of Quriyah killed 58 civilians on Friday. Rebels shelled the airport of "
                      "Deir ez-Zor on Friday, the army said.", id="a", date=FRI)
    assert len(_timeline([a])) == 2


def test_a_report_telling_the_event_as_another_telling_does_joins_its_entry():
    """Audit 5 (Raqqa): two "November 2016" entries for the launch of the SDF's operation: the reports that named
    "Syrian Raqqa" differed from the shown sentence's "Syrias Raqqa", not from the other report that told it alike."""
    shown = ("The SDF launched the Wrath of Euphrates operation to seize control over Syrias Raqqa the de facto Daesh "
             "capital in November 2016 and are now in the start of the fourth stage of the campaign undertaking the "
             "liberation of the rural areas of Raqqa province from terrorists.")
    told = ("In November 2016 the SDF which predominately consists of Kurdish fighters but also includes members of "
            "the Syrian Arab Coalition launched an operation called the {} of Euphrates to seize control over {} the "
            "de facto {} capital.")
    documents = [make_document(text, id=name, date="2017-04-13") for name, text in
                 (("a", shown), ("b", told.format("Wrath", "Syrias Raqqa", "IS")),
                  ("c", told.format("Rage", "Syrian Raqqa", "Daesh")))]
    sentences = [s for d in documents for s in segment_document(d)]
    vectors = np.array([[1, 0, 0], [0.7, 0.51 ** 0.5, 0], [0.7, 0.574, 0.18 ** 0.5]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)  # b and c alike (0.9), both close to a (0.7)
    timeline = build_timeline(documents, sentences, vectors, np.zeros(3, dtype=int), {"a": 1, "b": 2, "c": 3},
                              NameIndex([s.text for s in sentences]), {0: 0})
    assert [(e.label, [c.source for c in e.citations]) for e in timeline] == [("November 2016", [1, 2, 3])]


@pytest.mark.parametrize("sentence", ["The incident occurred on April 11.", "This is absolutely critical today.",
                                      "It happened on Friday morning."])
def test_a_sentence_that_tells_nothing_but_its_date_is_no_entry(sentence):
    """Audit 5: "11 April 2017: The incident occurred on April 11." and "5 October 2017: This is absolutely critical
    today." were entries of the timeline."""
    report = make_document(f"Jets struck the bakery of Marib on Friday. {sentence}", date=FRI)
    assert [e.text for e in _timeline([report])] == ["Jets struck the bakery of Marib on Friday."]


def test_when_room_is_short_a_second_entry_of_one_report_on_the_same_day_gives_way():
    """Audit 5: two entries of report [10] for "1 October 2017 to 3 October 2017" took the room of the day's main
    strike. With room enough both stay (see the test above)."""
    a = make_document("Air raids on the market of Quriyah killed 58 civilians on Friday. Rebels shelled the airport of "
                      "Deir ez-Zor on Friday, the army said.", id="a", date=FRI)
    b = make_document("Voters in Kenora queued for hours. Voters in Kenora elected a mayor on Thursday.", id="b", date=FRI)
    assert sorted(e.text[:6] for e in _timeline([a, b], limit=2)) == ["Air ra", "Voters"]
    assert len(_timeline([a, b], limit=3)) == 3


def test_a_report_that_tells_a_month_s_event_again_with_its_year_only_is_one_entry():
    """Audit 5 (Deir ez-Zor): "2016: ... the Pentagon said in 2016 the notorious fighter had been killed" and "March
    2016: The Pentagon announced in March 2016 that American forces had killed Shishani", both of [5]: a year never
    met the shorter events within it."""
    report = make_document("The Pentagon announced in March 2016 that American forces had killed Shishani the notorious "
                           "Daesh commander in Iraq. Moscow reported his death on Saturday. The Pentagon said in 2016 "
                           "that American forces had killed Shishani the notorious Daesh commander in Iraq.", date=FRI)
    assert [e.label for e in _timeline([report])] == ["March 2016", "28 October 2017"]


@pytest.mark.parametrize("sentence", ["Some 1800 to 2000 people fled the town.", "Between 1900 and 2000 civilians fled.",
                                      "About 2000 to 2014 fighters remain."])
def test_a_count_between_two_numbers_is_no_years(sentence):
    """Review 6: "Some 1800 to 2000 people fled" was read as several years."""
    assert [m.kind for m in find_dates(sentence)] == []


def test_one_year_is_no_cue_of_several_years():
    """Review 6: "2019" holds both "20" and "19", which let the several-years pattern try a text of one year."""
    from briefing.dates import _cues

    assert "years" not in _cues("The war went on in 2019.")
    assert "years" in _cues("The war went on in 2018 and 2019.")
    assert [(m.text, m.kind) for m in find_dates("Raids came in 2012,  2013 and 2014.")] == [
        ("in 2012,  2013 and 2014", "years")]


def test_since_a_weekday_is_the_days_since_not_that_day():
    """Audit 9: "11 July 2015: Since Saturday at least 68 civilians ..." was a six-day toll put on its first day."""
    report = make_document("Since Saturday at least 68 civilians have been killed in Aleppo. Jets struck the bakery "
                           "of Marib on Friday.", date="2015-07-16")
    assert [(e.label, e.precision) for e in _timeline([report])] == [
        ("10 July 2015", "day"), ("since 11 July 2015", "range")]


def test_a_date_the_event_is_compared_with_or_answers_is_no_date_of_it():
    """Audit 7: Fabius's remark of 21 August 2013 ("a tragedy not seen since ... Halabja in 1988") was filed under
    1988, and September's "Obama is seeking backing for the strikes in response to an alleged chemical weapons
    attack near Damascus on August 21" under 21 August. "since Monday" is a date of its own."""
    report = make_document("Fabius called the attack a tragedy not seen since thousands of Iraqi Kurds were gassed "
                           "at Halabja in 1988. Obama is seeking backing for strikes in response to an alleged "
                           "chemical attack near Damascus on August 21. The SDF killed 47 militants in the area "
                           "since Monday local media reported Wednesday. Rebels have shelled the town since Monday.",
                           date="2013-09-04")
    assert [(e.label, e.text.split()[0]) for e in _timeline([report])] == [
        ("since 2 September 2013", "The"), ("since 2 September 2013", "Rebels")]  # the days since (audit 9)


def test_a_report_whose_text_opens_with_another_day_dates_its_news_by_that_day(fake_embedder):
    """Audit 7: a copy of the Qamishli bombing of Wednesday 27 July 2016, dated 10 July but opening "Published July
    27 2016", put the bombing on 6 July. Its "on Wednesday" was written on the 27th; its source keeps its date."""
    from briefing.ingest import load_documents
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a.md").write_text("---\ntitle: Blast in Qamishli\ndate: 2016-07-10\n---\nPublished July 27 2016 "
                                        "A truck bomb killed 44 people in Qamishli on Wednesday a monitor said.\n")
        brief = brief_documents(load_documents([folder]), BuildOptions(), embedder=fake_embedder)
    assert [e.date for e in brief.timeline] == ["2016-07-27"]
    assert brief.sources[0].date == "2016-07-10" and brief.sources[0].note == "its text opens with 27 July 2016"
    # and the brief's span is the days its reports were written (audit 8: "5–25 April 2017" for reports of 14 to 25
    # April, one of them dated 5 April)
    assert (brief.first_date, brief.date) == ("2016-07-27", "2016-07-27")


@pytest.mark.parametrize("cosine, joined", [(0.68, True), (0.6, False)])
def test_another_report_s_vaguer_date_of_an_event_in_its_own_words_joins_the_precise_entry(cosine, joined):
    """The seeds: "The operation to seize Al Qaim ... began last week" and "The operation to capture Al Qaim and Rawa
    ... was launched ... on October 25" share too few words for same-fact merging, and were two entries. The week
    holds the day, and the two are close in meaning: one entry, at the precise day. It cites what a statement showing
    its sentence cites, not the vaguer report, which does not say who launched the operation."""
    a = make_document("The operation to capture Al Qaim and Rawa was launched by the Iraqi army on October 25.",
                      id="a", date=FRI)
    b = make_document("The operation to seize Al Qaim and its desert surroundings began last week.", id="b",
                      date="2017-11-01")
    documents = [a, b]
    sentences = [s for d in documents for s in segment_document(d)]
    vectors = np.array([[1.0, 0.0], [cosine, (1 - cosine ** 2) ** 0.5]], dtype=np.float32)
    timeline = build_timeline(documents, sentences, vectors, np.zeros(2, dtype=int), {"a": 1, "b": 2},
                              NameIndex([s.text for s in sentences]), {0: 0})
    if joined:
        assert [(e.date, e.precision, [c.source for c in e.citations]) for e in timeline] == [
            ("2017-10-25", "day", [1])]
    else:
        assert [e.precision for e in timeline] == ["week", "day"]
