"""Key points: each topic's first statement, most important topic first, never two tellings of one event."""

from briefing.assemble import key_points
from briefing.model import Account, Citation, Difference, Statement
from briefing.rank import RankedTopic

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


def test_without_differences_each_topic_gives_its_first_statement_then_the_best_of_the_rest():
    ranked, made = _ranked()
    assert key_points(ranked, 5) == (made["six"], made["seven"], made["strikes"], made["rockets"], made["more"])


def test_a_statement_whose_figure_the_differences_set_beside_an_earlier_key_point_s_is_no_key_point():
    ranked, made = _ranked()
    bus = _difference("Damascus, reported 1 February 2015", _account(made["six"], "at least six", 6),
                      _account(made["seven"], "at least seven", 7))
    assert key_points(ranked, 4, (bus,)) == (made["six"], made["strikes"], made["rockets"], made["more"])


def test_two_events_of_one_place_and_day_are_two_events():
    """Told apart by their tables, not their headings: the rebels' rockets and the air strikes that answered them
    are both "Damascus, reported 5 February 2015"."""
    ranked, made = _ranked()
    heading = "Damascus, reported 5 February 2015"
    strikes = _difference(heading, _account(made["strikes"], "at least 45", 45), _account(made["more"], "70", 70))
    rockets = _difference(heading, _account(made["rockets"], "at least three", 3), _account(made["more"], "10", 10))
    assert key_points(ranked, 4, (strikes, rockets)) == (made["six"], made["seven"], made["strikes"], made["rockets"])
