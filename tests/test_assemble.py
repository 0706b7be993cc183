"""Key points (each topic's first statement, most important topic first, never two tellings of one event, each one
that stands alone) and
the day a statement's "on Sunday" stands for."""

import markupsafe
import pytest

from briefing.assemble import key_points, with_day
from briefing.model import Account, Citation, Difference, Statement
from briefing.rank import RankedTopic
from briefing.renderers.filters import dated

# audit 8 (damascus15): two topics' first statements told one bus bomb, and were two of four key points
SIX = "A bus blast in Damascus central district killed at least six people and wounded dozens."
SEVEN = "At least seven people were killed and 20 wounded when a blast ripped through a bus in the capital on Sunday."
STRIKES = "At least 45 people were killed in government air strikes on opposition areas around Damascus Thursday."
ROCKETS = "A rebel group has launched a rocket attack on residential areas of Damascus leaving at least three killed."
MORE = "Rescue workers searched the rubble of the bus station through the night."


def _statement(text: str, report: str, topic: int, score: float = 1.0, sentence: int = 0) -> Statement:
    return Statement(text=text, citations=(Citation(int(report[1:]), report, sentence, text),), score=score,
                     topic=topic)


def _account(statement: Statement, figure: str, low: int) -> Account:
    return Account(text=statement.text, figure=figure, low=low, high=low, claim=None, date="2015-02-01",
                   citations=statement.citations)


def _difference(event: str, *accounts: Account) -> Difference:
    return Difference(kind="conflict", measure="people killed", event=event, date="2015-02-01", topic=0,
                      note="", accounts=accounts)


def _ranked() -> tuple[list[RankedTopic], dict[str, Statement]]:
    made = {"six": _statement(SIX, "r1", 0), "seven": _statement(SEVEN, "r2", 1),
            "strikes": _statement(STRIKES, "r3", 2), "rockets": _statement(ROCKETS, "r4", 3),
            "more": _statement(MORE, "r1", 0, score=0.5, sentence=4)}
    ranked = [RankedTopic(0, (made["six"], made["more"]), 3), RankedTopic(1, (made["seven"],), 2),
              RankedTopic(2, (made["strikes"],), 2), RankedTopic(3, (made["rockets"],), 1)]
    return ranked, made


def test_without_differences_each_topic_gives_its_first_statement_and_none_a_second_line_of_its_story():
    """The seeds' Al Qaim was two of four key points: a second line of a section's story is no new point."""
    ranked, made = _ranked()
    assert key_points(ranked, 5) == (made["six"], made["seven"], made["strikes"], made["rockets"])


@pytest.mark.parametrize("text, alone", [
    (SIX, True), (SEVEN, True),  # a toll is news, "the capital" or not
    ("The Russian Defence Ministry said on Tuesday that Russian planes had not carried out air strikes on Idlib.", True),
    ("The capture of Deir Ezzor will likely lead to a major offensive towards Al Bukamal.", True),
    ("Meanwhile, Iraqi forces claimed to have captured the Husaybah border crossing in Al Qaim.", True),
    # a3's and audit 5's key points, each a detail of a story the reader had not been told
    ("The transfer deal is not overseen by the United Nations.", False),
    ("Security was tightened up for Wednesdays departures.", False),
    ("The suicide attacker reportedly detonated his explosives in front of the bakery.", False),
    ("Earlier conflicting reports on the number of casualties as a result of the attack emerged.", False),
    ("The source website for this claim remains unknown; however, Rajanews.com said on Friday that it was true.", False),
    ("It said engineering units from the army were combing captured neighborhoods in Deir Ezzor.", False),
    # audit 10
    ('"The fleeing increased after the Syrian Democratic Force besieged Manbij" the head of the Observatory said.',
     False),
    ("For his part French President Francois Hollande directly blamed Syrian regime forces for the attack.", False),
])
def test_a_key_point_stands_alone(text, alone):
    from briefing.assemble import stands_alone

    assert stands_alone(text) is alone


def test_a_section_whose_lines_need_their_report_gives_no_key_point_and_another_section_s_news_takes_its_place():
    detail = _statement("Security was tightened up for Wednesdays departures.", "r5", 4, score=0.9, sentence=12)
    deep = _statement("The Syrian Coalition said regime planes carried out the strike on Idlib.", "r6", 5, score=0.8,
                      sentence=19)
    widely = Statement(text="Russia denied that its planes had bombed Idlib on Tuesday.", score=0.4, topic=5,
                       citations=(Citation(7, "r7", 9, "x"), Citation(8, "r8", 14, "y")))
    lead = _statement("Turkey closed the Bab al-Hawa crossing into Idlib on Wednesday.", "r9", 6, score=0.3, sentence=1)
    ranked = [RankedTopic(0, (_statement(SIX, "r1", 0),), 3), RankedTopic(4, (detail,), 1),
              RankedTopic(5, (_statement(MORE, "r1", 5, sentence=4), deep, widely), 1), RankedTopic(6, (lead,), 1)]
    # topic 4 none (its one line needs its report); topic 5's first line needs its report, and of the rest only
    # what two reports tell or one leads with: not `deep`, one report's 20th sentence
    assert [s.text for s in key_points(ranked, 4)] == [SIX, lead.text, widely.text]


def test_a_statement_whose_figure_the_differences_set_beside_an_earlier_key_point_s_is_no_key_point():
    ranked, made = _ranked()
    bus = _difference("Damascus, reported 1 February 2015", _account(made["six"], "at least six", 6),
                      _account(made["seven"], "at least seven", 7))
    assert key_points(ranked, 4, (bus,)) == (made["six"], made["strikes"], made["rockets"])


def test_two_events_of_one_place_and_day_are_two_events():
    """Told apart by their tables, not their headings: the rebels' rockets and the air strikes that answered them
    are both "Damascus, reported 5 February 2015"."""
    ranked, made = _ranked()
    heading = "Damascus, reported 5 February 2015"
    strikes = _difference(heading, _account(made["strikes"], "at least 45", 45), _account(made["more"], "70", 70))
    rockets = _difference(heading, _account(made["rockets"], "at least three", 3), _account(made["more"], "10", 10))
    assert key_points(ranked, 4, (strikes, rockets)) == (made["six"], made["seven"], made["strikes"], made["rockets"])


# the day a relative date stands for, written in brackets after it (audit 8: an eight-week brief's key points said
# "on Sunday", "on Monday", "Friday", and a reader could not tell which week)
SUNDAY = "Four civilians were killed in the Syrian capital on Sunday after rebel shelling on Old Damascus."


def test_a_statement_s_weekday_is_read_from_its_own_report_s_day():
    statement = _statement(SUNDAY, "r3", 0)
    dated = with_day(statement, {"r3": "2017-10-16"})  # a Monday
    assert dated.day == "2017-10-15" and SUNDAY[:dated.day_end].endswith("on Sunday")
    assert with_day(statement, {"r3": None}) == statement  # no report day: nothing to count from


def test_a_written_out_date_or_no_date_needs_no_day():
    for text in ("Four civilians were killed on 15 October after rebel shelling.", MORE):
        statement = _statement(text, "r3", 0)
        assert with_day(statement, {"r3": "2017-10-16"}) == statement


@pytest.mark.parametrize("text, day_end, html, md, plain", [
    ("<b>Four</b> killed on Sunday after shelling.", len("<b>Four</b> killed on Sunday"),
     '&lt;b&gt;Four&lt;/b&gt; killed on Sunday <span class="gloss">[15\u00a0October\u00a02017]</span> after shelling.',
     "\\<b\\>Four\\</b\\> killed on Sunday \\[15 October 2017\\] after shelling.",
     "<b>Four</b> killed on Sunday [15 October 2017] after shelling."),
    # an edited JSON whose text no longer holds the date where day_end says: no day inside a word
    ("Four killed on Sundays after shelling.", len("Four killed on Sunday"),
     "Four killed on Sundays after shelling.", "Four killed on Sundays after shelling.",
     "Four killed on Sundays after shelling."),
])
def test_the_dated_filter_writes_the_day_after_the_date_s_words_and_keeps_the_text_inert(text, day_end, html, md,
                                                                                       plain):
    statement = {"text": text, "day": "2017-10-15", "day_end": day_end}
    assert str(dated(statement)) == html and dated(statement, "md") == md and dated(statement, "text") == plain
    assert str(dated({"text": text, "day": None, "day_end": None})) == str(markupsafe.escape(text))


def test_a_section_whose_lead_tells_an_earlier_section_s_lead_event_joins_it():
    """Audit 8: the 1 February 2015 bus bomb led three sections ("Damascus attack", "Souq al-Hamadiyeh attack",
    "al-Kallaseh attack"). A section whose lead the differences set beside an earlier section's lead joins it; a
    section that only mentions the event further down draws no other in (a section of many events stays apart)."""
    from briefing.assemble import one_section_an_event

    ranked, made = _ranked()
    bus = _difference("Damascus", _account(made["six"], "at least six", 6), _account(made["seven"], "at least seven", 7))
    joined = one_section_an_event(ranked, (bus,), {})
    assert [r.topic for r in joined] == [0, 2, 3]
    assert [s.text for s in joined[0].statements] == [SIX, MORE, SEVEN]
    assert all(s.topic == 0 for s in joined[0].statements) and joined[0].source_count == 2
    # the event only in an earlier section's second statement: no join
    aside = _difference("Damascus", _account(made["more"], "9", 9), _account(made["seven"], "at least seven", 7))
    assert [r.topic for r in one_section_an_event(ranked, (aside,), {})] == [0, 1, 2, 3]


def test_a_section_s_key_point_is_the_statement_of_the_event_far_more_reports_tell():
    """Audit 7 and 9: idlib17's first key point was the Urum al-Joz strike, a formula 4 reports share, while 17 of 19
    reports told the Khan Sheikhoun attack, each in figures of its own; damascus17's was its smallest incident. The
    differences count the reports that tell each event; a section's key point is the statement of the event that
    far more reports tell (twice as many, and three more), else its first."""
    urum = _statement("An air strike killed 18 civilians in Idlib on Saturday.", "r1", 0)
    khan = _statement("At least 72 people were killed in a toxic gas attack on Khan Sheikhoun on Tuesday.", "r2", 0,
                      score=0.9)
    other = _statement("Rebels shelled the Marib dam on Thursday, killing three people.", "r3", 1)

    def tolls(reports: int, statement: Statement, figure: int) -> Difference:
        accounts = [_account(statement, str(figure), figure)] + [
            Account(text="x", figure=str(figure + n), low=figure + n, high=figure + n, claim=None, date=None,
                    citations=(Citation(10 + n, f"o{n}", 0, "x"),)) for n in range(1, reports)]
        return _difference("Idlib", *accounts)

    ranked = [RankedTopic(0, (urum, khan), 9), RankedTopic(1, (other,), 2)]
    assert key_points(ranked, 2, (tolls(2, urum, 18), tolls(8, khan, 72))) == (khan, other)
    assert key_points(ranked, 2, (tolls(4, urum, 18), tolls(6, khan, 72))) == (urum, other)  # not far more
