"""Where sources differ: the same count of the same event told differently, and facts told as claims.

Every count a sentence gives (quantities.py) is attached to its event: the places its sentence
names after "in", "of", "near"... (else the places its report is mostly about), the days it may be on
and its topic (the places and times are read in event_context.py). Two counts are of one event
when they count the same thing, their days meet (the days their sentences state, else those their
reports' leads state, else their reports' dates and the UNSTATED_DAYS before; a report with no date:
any day) and their places meet.
A sentence about another time ("in August 2013", "last year", a weekday that is not its report's)
or only about places its report is not about counts for no event: reports often recall earlier
attacks. Nor does a toll over a period ("since the offensive began", "in the first six months"). Counts
whose clauses (else their reports' leads) name other kinds of attack (air strikes, shelling, bombings,
clashes) or other attackers ("rebels fired", "regime air strikes") are of other events, unless their own
sentences state one day and place and only one of the two differs.

Two counts of one event from two reports are labelled:
  conflict     their ranges cannot both be true ("58" and "at least 72");
  differs      different but compatible ("at least 10" and "11");
  updated      a later report gives a higher toll than an earlier one allows;
  attribution  the same figure, told as fact by one and as a claim ("according to") by the other.
Counts with the same figure, bound and manner are one account citing every report that gives it,
so copies of one wire story count once and a report never disagrees with itself, unless it gives two figures
of one event as two named tellers' ("the Observatory put the death toll at 58"; "Meanwhile the Idlib Media
Center said dozens"): those are two accounts, each shown by the sentence that names its teller.
Facts told as a claim by one outlet and stated flatly by another ("alleged chemical attack" against
"chemical attack", "claimed to have captured" against "captured") are an attribution difference too.
The brief shows; it does not judge: notes say what differs, never who is right.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .dates import long_date
from .event_context import (LEAD, EventContext, event_days, first_place, read_context, stated_day,
                            told_places)
from .model import Account, Citation, Difference, Document, Sentence
from .names import NameIndex
from .quantities import KILLED_OR_WOUNDED, Count, counts, hedge, told_now

OUTLIER = 8  # a count this many times off the median of its event's counts is of something else
OUTLIER_SLACK = 10  # unless it is at most this many off: "one person" against "at least nine" is one early toll
MAX_DIFFERENCES = 8
MAX_ACCOUNTS = 6  # accounts shown per difference (a toll told 35 ways is a table no one reads)
SEVERITY = {"conflict": 3, "updated": 2, "differs": 1, "attribution": 0}
NOTES = {
    "conflict": "The figures cannot all be true.",
    "updated": "A later report gives a higher figure than an earlier one allows.",
    "differs": "The figures differ but can all be true.",
    "attribution": "One source reports as a claim what another states as fact.",
}
# actions whose telling as fact or as claim is worth showing; the hedge must stand just before them
ACTIONS = ("chemical attack", "gas attack", "captured", "seized", "took control", "shot down", "liberated",
           "recaptured")
_ACTION = re.compile(r"\b(" + "|".join(map(re.escape, ACTIONS)) + r")\b", re.I)
_NEAR_HEDGE = re.compile(r"\b(?:alleged(?:ly)?|suspected|claim(?:s|ed)? (?:to have|it had|they had)|purported|"
                         r"(?:claims?|reports?|allegations?|accusations?) of|accus\w+ (?:\w+ ){0,4}of|"
                         r"reported(?:ly)?|said to have|unconfirmed)\s+(?:\w+\s+){0,3}$", re.I)
# a verb of speech: what it introduces is someone's words the outlet reports, not its own statement of fact
# ("Ivanka Trump took a more compassionate tone tweeting ... the atrocious chemical attack"). Not quotes.py's
# cues: those are read beside quotation marks, and without them "states" and "reports" are nouns as often
_SPEECH = re.compile(r"\b(?:said|says|saying|told|tells|telling|wrote|writes|writing|tweeted|tweets|tweeting|posted|"
                     r"posting|stated|stating|declared|announced|added|adding|insisted|warned|denied|denying|"
                     r"quoted)\b", re.I)
TRAILING_WORDS = 6  # a verb of speech this near a sentence's end names who said all of it ("..., the statement said.")


@dataclass(frozen=True)
class Item:
    """One count in one sentence, with what makes its event."""

    row: int  # the sentence's index in the sentences given
    doc_id: str
    outlet: str
    date: str | None
    count: Count
    claim: str | None
    places: frozenset[str]  # entities the sentence names as places; else its report's main places
    context: frozenset[str]  # its report's main places
    topic: int
    text: str
    told: frozenset[str] = frozenset()  # the places its own sentence names (event_context.told_places)
    days: tuple[int, int] | None = None  # the days its event may be on (event_context.event_days)
    same: bool = False  # its sentence says it counts an event told before ("rose to", "put the toll at")
    attributed: bool = False  # told as someone's words: a claim, or after a verb of speech
    kinds: frozenset[str] = frozenset()  # the kinds of attack its clause names ("air", "shelling", "bombing", "clashes")
    actors: frozenset[str] = frozenset()  # who its clause says attacked ("regime", "rebels", "russia", ...)
    own_days: tuple[int, int] | None = None  # the days its own sentence states (event_context.stated_day)
    # the figures its report gives, beside it, as a revised toll's ("updated its earlier death toll of 15": 15)
    revised: frozenset[int] = frozenset()
    sides: frozenset[str] = frozenset()  # who holds the places its sentence says were hit ("rebel-held": "rebels")
    revising: bool = False  # its report tells, anywhere, that a toll was revised ("The previous death toll was 20")
    source: frozenset[str] = frozenset()  # who its sentence says gives it ("observatory", "state media"; source_of)


# a count that is not of the event its sentence tells: the tolls of other incidents ("Fifteen others were killed in
# two more incidents of violence", "in separate attacks", "elsewhere"; "four children and one man killed in earlier
# regime shelling", not "in the earlier attack": that may be the event told again), of other places ("Rocket attacks
# on another government-held neighbourhood killed one person"), or what a picture shows ("One video showed the
# bodies of a dozen people": a scene, not a toll)
_OTHER_INCIDENTS = re.compile(r"\b(?:in|during|by)\s+(?:(?:two|three|four|five|several|\d+)\s+)?(?:other|separate|more|"
                              r"further|different|unrelated|an?\s+earlier|earlier)\s+(?:[a-z-]+\s+)?(?:incidents?|"
                              r"attacks?|strikes?|air ?strikes?|raids?|bombings?|blasts?|explosions?|clashes|places|"
                              r"areas|locations|towns|villages|parts|shelling|bombardments?)\b|\belsewhere\b|"
                              r"\b(?:on|in|at)\s+(?:an)?other\s+(?:[a-z-]+\s+){0,2}(?:neighbou?rhoods?|districts?|"
                              r"towns?|villages?|areas?|parts?|cit(?:y|ies)|provinces?)\b", re.I)
_PICTURE = re.compile(r"\b(?:videos?|footage|photos?|photographs?|images?|pictures?|clips?)\s+(?:\S+\s+){0,3}?"
                      r"(?:showed|shows|show|showing|depicted|depicts|depicting)\b", re.I)
_NOT_A_TOLL_WORDS = ("other", "separate", "more", "further", "different", "unrelated", "earlier", "elsewhere", "video",
                     "footage", "photo", "image", "picture", "clip")


def not_a_toll(text: str, start: int, end: int) -> bool:
    """Whether a count's clause says it counts other incidents or what a picture shows, not its event's toll."""
    clause = _clause(text, start, end)
    lower = clause.lower()
    if not any(w in lower for w in _NOT_A_TOLL_WORDS):
        return False
    return bool(_OTHER_INCIDENTS.search(clause) or _PICTURE.search(clause))


# a count added to one its report gave before ("kill another 20 terrorists"): no toll of an event of its own
_INCREMENT = re.compile(r"\b(?:another|a further|an additional)\s+$", re.I)
# a count "more" of what a count before it in its sentence counts ("15 people were killed but three more died"; not
# "killed 44 and wounded dozens more": more than the dead, of the wounded)
_MORE = re.compile(r"\s+more\b(?!\s+than\b)", re.I)
# words that say a count is of an event its report told already, so that two of its counts may be one event's
_SAME_EVENT = re.compile(r"\b(?:rose|risen|rising|climbed|increased|raised|raising|updated|revised|toll|number of|"
                         r"put(?:s|ting)? (?:the|its) (?:\w+ ){0,3}at|earlier|initially|later|also reported|"
                         r"the (?:incident|attack|strike|airstrike|air strike|raid|bombing|blast|explosion|shelling))\b",
                         re.I)


# words that say a toll was revised: "updated its earlier death toll of 15", "has risen to 86", "three more people
# had died of their injuries", "New toll". Not "is likely to rise": a forecast revises nothing
_REVISED = re.compile(r"\b(?:(?:risen|rose|climbed|jumped|increased)\s+to\b|updated|revised|rais(?:ed|ing)\s+(?:the|its)\s+"
                      r"(?:\w+\s+)?toll|(?:earlier|previous|initial|new)\s+(?:death\s+)?toll|(?:earlier|initial|previous|first)\s+"
                      r"reports?|more\s+(?:people\s+|others\s+)?(?:(?:had|have|has)\s+)?died\s+(?:of|from|after)\b)",
                      re.I)
_REVISED_WORDS = ("risen", "rose", "climbed", "jumped", "increased", "updated", "revised", "rais", "toll", "died",
                  "report")
REVISED_NEAR = (1, 2)  # a revision told this many sentences before or after a count is of its toll


# "since" a time of the day: one day's toll ("drones in the sky since Sunday morning with warplanes heavily bombing
# the towns of Mesraba Harasta and Eastern Ghouta killing at least 19 civilians", Damascus, 26 Nov 2017)
_SINCE_TODAY = (r"\s+(?:early\s+|late\s+)?(?:this\s+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
                r"(?:morning|dawn|daybreak|first light|afternoon|evening|noon|midday|midnight)\b")
# a toll over a period, not of one event: "have been killed since the offensive began", "in the first six months of
# 2016", "over the past week", "so far this year". Not "the deadliest attack since March": that is one event
_PERIOD = re.compile(r"\b(?:since\b(?!\s+then)(?!" + _SINCE_TODAY + r")|so far\b|to date\b|in total\b|over the (?:past|last)\b|"
                     r"(?:in|during|for) the (?:past|last|first)\s+(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?)\b|"
                     r"this (?:year|month)\b|since the (?:start|beginning)\b|"
                     r"in (?:two|three|four|five|six|seven|several|\d+) (?:days|weeks|months) of\b|"
                     # many events' toll: "hundreds of civilians killed in operations against Daesh", "scores killed in
                     # subsequent attacks", "in repeated air strikes"
                     r"in (?:its |their |the )?(?:operations|campaigns?) against\b|"
                     r"in (?:subsequent|repeated|recent|previous|successive|numerous|several|multiple|daily|frequent) "
                     r"(?:\w+ )?(?:attacks|strikes|raids|operations|bombings|bombardments|assaults))", re.I)
_NOT_PERIOD = re.compile(r"\b(?:deadliest|worst|bloodiest|highest|biggest|largest|heaviest|first|most|first time)\b"
                         r"(?:\s+\S+){0,4}\s+$", re.I)
_PERIOD_WORDS = ("since", "so far", "to date", "total", "past", "last", "first", "this year", "this month", " of",
                 "against", "subsequent", "repeated", "recent", "previous", "successive", "numerous", "several",
                 "multiple", "daily", "frequent")
# what a count's clause is: a count "after rebels fired rockets" is of the rockets, one before it of what answered
_CLAUSE_END = re.compile(r"\b(?:after|following|in response to|response to|in retaliation|retaliation for|while|"
                         r"whereas|meanwhile|as well as)\b|[;:]", re.I)
# kinds of attack: counts of an air strike and of a rocket attack are of two events
_KINDS = {
    "air": re.compile(r"\b(?:air ?strikes?|air ?raids?|air attacks?|war ?planes?|jets?|aircraft|air forces?|"
                      r"helicopters?|barrel bombs?|bombing raids?|aerial)\b", re.I),
    "shelling": re.compile(r"\b(?:shell(?:s|ing|ed)?|rockets?|mortars?|artillery|projectiles?|grad)\b", re.I),
    "bombing": re.compile(r"\b(?:suicide|car[ -]bombs?|explosions?|blasts?|explosives?|explosive devices?|ieds?|"
                          r"booby-trapped|detonated|bombers?)\b", re.I),
    "clashes": re.compile(r"\b(?:clashes|fighting|battles?|combat)\b", re.I),
}
_KIND = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _KINDS.items()), re.I)
_KIND_WORDS = ("air", "plane", "jet", "aircraft", "helicopter", "barrel", "bombing", "aerial", "shell", "rocket",
               "mortar", "artillery", "projectile", "grad", "suicide", "bomb", "explosi", "blast", "ied", "booby",
               "detonat", "clashes", "fighting", "battle", "combat")
# who attacked, named as the agent: just before an attack word or verb ("regime air strikes", "rebels fired",
# "government forces had also fired") or after "by" ("by Islam Army insurgents"); not "rebel-held", "opposition areas"
_ACTOR_NAMES = {
    "regime": r"regime|government|pro-government|pro-regime|loyalists?|assad|syrian army|syrian air force|"
              r"syrian forces|syrian troops|syrian warplanes|syrian jets|(?<!islam )(?<!free syrian )army",
    "rebels": r"rebels?|insurgents?|opposition fighters|islamists?|islam army|army of islam|jaish al-islam|"
              r"free syrian army|(?-i:FSA)|nusra|al-nusra|fateh al-sham|tahrir al-sham|hts|ahrar al-sham",
    "is": r"islamic state|isis|isil|daesh|(?-i:IS)",
    "russia": r"russian?",
    "coalition": r"coalition|us-led|u\.s\.-led|american|(?-i:US|U\.S\.)",
    "kurds": r"kurdish|ypg|sdf",
}
_ACTOR_AFTER = r"(?:air ?strikes?|air ?raids?|strikes?|raids?|warplanes?|jets?|aircraft|shell(?:s|ing)?|rockets?|" \
               r"mortars?|artillery|bombardment|bombing|fire|fired|launched|shelled|bombed|struck|targeted|pounded|" \
               r"attacked|attacks?|hit|offensive|assault|carried out)"
# the attackers' names, found once per clause; then whether an attack word follows or "by" stands before
_ACTOR_NAME = re.compile("|".join(rf"\b(?P<{actor}>{names})\b(?!-)" for actor, names in _ACTOR_NAMES.items()), re.I)
# one of these is in every clause an attacker is found in (lower case: "IS", "US" and "FSA" too)
_ACTOR_WORDS = ("regime", "government", "loyalist", "assad", "syrian", "army", "rebel", "insurgent", "opposition",
                "islamis", "nusra", "fateh", "tahrir", "hts", "ahrar", "islamic state", "isis", "isil", "daesh", "is ",
                "russia", "coalition", "u.s.", "us", "american", "fsa", "kurd", "ypg", "sdf")
_ACTOR_ATTACK = re.compile(r"(?:\s+\S+){0,3}?\s+" + _ACTOR_AFTER + r"\b", re.I)
_BY = re.compile(r"\bby\s+(?:the\s+)?(?:\S+\s+){0,2}?$", re.I)


def _clause(text: str, start: int, end: int) -> str:
    """The words of a count's clause: from the last clause break before it to the first after it."""
    head = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        head = match.end()
    tail = _CLAUSE_END.search(text, end)
    return text[head:tail.start() if tail else len(text)]


@lru_cache(maxsize=16384)  # wire copies repeat sentences across reports
def attack_of(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of attack and the attackers a count's clause names (none: it names none)."""
    clause = _clause(text, start, end)
    lower = clause.lower()
    kinds = frozenset(m.lastgroup for m in _KIND.finditer(clause)) if any(w in lower for w in _KIND_WORDS) \
        else frozenset()
    if not any(w in lower for w in _ACTOR_WORDS):
        return kinds, frozenset()
    actors = frozenset(m.lastgroup for m in _ACTOR_NAME.finditer(clause)
                       if _ACTOR_ATTACK.match(clause, m.end()) or _BY.search(clause, max(0, m.start() - 40), m.start()))
    return kinds, actors


@lru_cache(maxsize=4096)
def lead_attack(lead: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of attack and the attackers the first lead sentence that names a kind of attack names."""
    for text in lead:
        kinds, actors = attack_of(text, 0, 0)
        if kinds:
            return kinds, actors
    return frozenset(), frozenset()


# a month's toll: "More than 100 civilians have been killed ... in August shelling of Syrias Aleppo" (TASS, 13 August
# 2016) is every attack of August so far, not the Saturday raids' 51. Not "on August 10" or "August 10": a day
_MONTH_PERIOD = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?:the\s+month\s+of\s+)?(?:early\s+|late\s+|mid-?)?"
                           r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\b(?!,?\s+\d{1,2}\b)")


# who holds a place: a chlorine barrel on "the Zubdiya neighbourhood of rebel-held Aleppo" and rebel rockets on
# "government-held neighbourhoods of divided Aleppo city" on one Wednesday are two events (Aleppo, 10 August 2016)
# (not "state-run": that is the news agency, not a place)
_HELD = {
    "rebels": re.compile(r"\b(?:rebel|opposition|insurgent|militant|terrorist|jihadist)s?[- ](?:held|controlled)\b",
                         re.I),
    "government": re.compile(r"\b(?:government|regime|army|loyalist|pro-government|pro-regime)[- ]"
                             r"(?:held|controlled)\b", re.I),
}


@lru_cache(maxsize=16384)
def held_sides(text: str) -> frozenset[str]:
    """The sides a sentence says hold its places ("rebel-held": "rebels"; "regime-controlled": "government")."""
    if "held" not in text and "controlled" not in text:
        return frozenset()
    return frozenset(side for side, pattern in _HELD.items() if pattern.search(text))


def other_sides(sides: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two counts' sentences say their places are held by other sides: two events, however alike their day
    and city (one side does not shell its own neighbourhoods)."""
    return bool(sides and other and not sides & other)


def is_period(text: str) -> bool:
    """Whether a sentence tells a toll over a period ("since the offensive began", "in August shelling"), not one
    event's."""
    if _MONTH_PERIOD.search(text):
        return True
    lower = text.lower()
    if not any(word in lower for word in _PERIOD_WORDS):
        return False
    return any(not _NOT_PERIOD.search(text[max(0, m.start() - 50):m.start()]) for m in _PERIOD.finditer(text))


# who gives a toll: the counters news relays, each a family of its names. The Observatory's "four civilians" and
# SANA's "two people" of one shelling are two accounts, even in one report (Al-Araby, 16 Oct 2017: "Four civilians
# were killed ... a Britain-based monitor and a medical source said ... Meanwhile state news agency SANA said
# artillery fire killed two people and wounded nine others")
_SOURCE_NAMES = {
    "observatory": r"(?:syrian\s+)?observatory|sohr|(?:britain|london|uk|british)-based\s+monitor(?:ing\s+group)?|"
                   r"monitor(?:ing\s+group)?|rami\s+abdel?\s*rahman|abdel?\s*rahman",
    "state media": r"sana|state(?:-run)?\s+(?:news\s+)?(?:agency|media|television|tv|news)|official\s+(?:news\s+)?"
                   r"(?:agency|media|television|tv)|al-ikhbariya|ikhbariya|syrian\s+(?:state\s+)?(?:tv|television)",
    "activists": r"activists?|local\s+coordination\s+committees|(?:media|press)\s+(?:cent(?:er|re)|office)",
    "civil defence": r"civil\s+defen[cs]e|white\s+helmets|rescuers|rescue\s+workers",
    "medics": r"medical\s+sources?|medics?|doctors?|hospital|health\s+(?:ministry|officials?|directorate|authorities|"
              r"chief|director)|ministry\s+of\s+health|(?:the\s+)?(?:uossm|sams|msf)",
    "military": r"(?:syrian\s+)?army|military|armed\s+forces|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e",
    "rebels": r"rebels?|insurgents?|opposition(?:\s+(?:fighters|groups?|sources?|activists))?|free\s+syrian\s+army",
    "officials": r"governor|police|local\s+officials?|(?:an?\s+)?officials?|interior\s+ministry",
    "un": r"united\s+nations|(?-i:UN)|unicef|ocha|world\s+health\s+organi[sz]ation|(?-i:WHO)",
    "residents": r"residents?|witness(?:es)?|locals?",
}
_SOURCE = re.compile("|".join(rf"\b(?P<{family.replace(' ', '_')}>{names})\b"
                              for family, names in _SOURCE_NAMES.items()), re.I)
# a name is the teller when a verb of telling follows it ("SANA said", "the Observatory ... put the toll at") or
# "according to", "said", "told" stand just before it ("said Rami Abdel Rahman")
_TELLS_AFTER = re.compile(r"(?:[\s,]+[\w'-]+){0,6}?[\s,]+(?:said|says|saying|reported|reports|told|claimed|claims|"
                          r"announced|stated|confirmed|estimated|counted|documented|gave|gives|put|puts|placed|places|"
                          r"quoted)\b", re.I)
_TELLS_BEFORE = re.compile(r"\b(?:according\s+to|said|says|told|citing|quoting|quoted|per)\s+(?:[\w'-]+\s+){0,6}$",
                           re.I)


# a name joined to the teller's ("a Britain-based monitor and a medical source said"): it tells too
_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


# one of these is in every sentence a teller is found in
_TELLING_WORDS = ("said", "says", "saying", "report", "told", "claim", "announced", "stated", "confirmed",
                  "estimated", "counted", "documented", "gave", "gives", "put", "placed", "places", "quot", "according",
                  "citing", "per ")


@lru_cache(maxsize=16384)  # wire copies repeat sentences across reports
def sources_told(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """The tellers a sentence names, each with where its clause (between _SPEECH_BREAKs) starts: who gives the
    counts of that clause ("Meanwhile state news agency SANA said ...": state media)."""
    lower = text.lower()
    if not any(w in lower for w in _TELLING_WORDS):
        return ()
    breaks = (0, *_speech_marks(text)[2])
    found: dict[int, set[str]] = defaultdict(set)
    for match in _SOURCE.finditer(text):
        if _tells(text, match):
            found[breaks[bisect_right(breaks, match.start()) - 1]].add(match.lastgroup.replace("_", " "))
    return tuple((start, frozenset(families)) for start, families in sorted(found.items()))


def _tells(text: str, name: re.Match[str]) -> bool:
    """Whether a teller's name is the one that tells: a verb of telling follows it, and no other name stands
    between unless joined to it ("a Britain-based monitor and a medical source said": both; "the army shelled the
    town, activists said": the activists only); or "according to" stands before it."""
    if _TELLS_BEFORE.search(text, max(0, name.start() - 60), name.start()):
        return True
    verb = _TELLS_AFTER.match(text, name.end())
    if not verb:
        return False
    between = text[name.end():verb.end()]
    return all(_JOINED.search(between, 0, other.start()) for other in _SOURCE.finditer(between))


def source_of(text: str, at: int) -> frozenset[str]:
    """Who a count at `at` is told by: the tellers its clause names, else the sentence's one teller ("Four civilians
    were killed ... a Britain-based monitor and a medical source said": the Observatory and medics); none when
    the sentence names none, or several in other clauses."""
    told = sources_told(text)
    if not told:
        return frozenset()
    breaks = _speech_marks(text)[2]
    clause = breaks[bisect_right(breaks, at) - 1] if bisect_right(breaks, at) else 0
    own = [families for start, families in told if start == clause]
    if own:
        return own[0]
    return told[0][1] if len({families for _, families in told}) == 1 else frozenset()


def _teller(text: str, count: Count) -> frozenset[str]:
    """Who gives a count as a toll of its own: none for "six more people lost their lives" (added to another toll,
    Al-Alam, 18 Jul 2016: the Observatory's "at least 15" in Manbij was set against it)."""
    return frozenset() if _MORE.match(text, count.end) else source_of(text, count.start)


def other_tellers(a: Item, b: Item) -> bool:
    """Whether one report gives the two counts as two tellers' (the Observatory's and SANA's): each names one, and
    none in common. A report's own figure (no teller named) never stands against it."""
    return a.doc_id == b.doc_id and bool(a.source and b.source and not a.source & b.source)


# a sentence with more counts is a table or a list; a report with more, a table or crafted text: reading each
# count against its sentence and each pair of a report's counts made a 200 KB sentence of 8,000 counts take minutes
MAX_COUNTS_PER_SENTENCE = 12
MAX_COUNTS_PER_REPORT = 120


def items_of(documents: Sequence[Document], sentences: Sequence[Sentence], names: NameIndex,
             topics: Sequence[int] | None = None, where: EventContext | None = None) -> list[Item]:
    """Every count of the sentences, with its event's places, date and topic (`where`: read_context's)."""
    by_id = {d.id: d for d in documents}
    where = where or read_context(documents, sentences, names)
    cued, main, central, elsewhen = where.places, where.main, where.central, where.elsewhen
    items = []
    measures: dict[str, set[str]] = defaultdict(set)  # per report, the measures its counts so far gave
    leads: dict[str, list[str]] = defaultdict(list)  # per report, its lead sentences
    for sentence in sentences:
        if sentence.index < LEAD:
            leads[sentence.doc_id].append(sentence.text)
    lead_attacks: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    per_report: Counter[str] = Counter()
    revisions: dict[int, frozenset[int]] = {}  # per row read so far: the figures it tells as a revised toll's
    at_least: set[tuple[str, str, int]] = set()  # per report, the measures and numbers it tells as "at least N"
    told: dict[tuple[str, str], set[int]] = defaultdict(set)  # per report and measure, the numbers it tells
    exact: dict[tuple[str, str], set[int]] = defaultdict(set)  # and those it tells as exact ("seven", not "dozens")
    for row, sentence in enumerate(sentences):
        document = by_id[sentence.doc_id]
        found = counts(sentence.text)
        at_least.update((document.id, c.measure, c.value) for c in found if c.bound == "at least")
        for c in found:
            told[(document.id, c.measure)].add(c.value)
            if c.bound == "exact":
                exact[(document.id, c.measure)].add(c.value)
        if not found or row in elsewhen or len(found) > MAX_COUNTS_PER_SENTENCE \
                or per_report[document.id] >= MAX_COUNTS_PER_REPORT:
            continue  # a table, a list or crafted text, not tolls to set side by side (and each is read per count)
        per_report[document.id] += len(found)
        context = main.get(document.id, frozenset())
        places = cued[row]
        if places and central and first_place(sentence.text, places, names) not in central:
            continue  # it tells of a place the reports together are not about: another event
        claim = hedge(sentence.text)
        same = bool(_SAME_EVENT.search(sentence.text))
        told_here = told_places(sentence.text, names, where.known)
        days = event_days(sentence.text, document.date, where.leads.get(document.id))
        if is_period(sentence.text):
            continue  # a toll over a period ("since the offensive began"): no one event's, and periods differ
        own_days = stated_day(sentence.text, document.date)
        revised = _revised_near(sentences, row, revisions)
        for n, count in enumerate(found):
            if count.measure in measures[document.id] and _INCREMENT.search(sentence.text[max(0, count.start - 16):count.start]):
                continue  # "another 20 terrorists": added to a toll told before, of another strike
            if _MORE.match(sentence.text, count.end) and any(c.measure == count.measure for c in found[:n]):
                continue  # "15 people were killed but three more died": added to the count before it, no toll
            measures[document.id].add(count.measure)
            if not_a_toll(sentence.text, count.start, count.end) or not told_now(sentence.text, count.start):
                continue  # (a replaced toll is no account of the report: audit 9's "112" row cited a report of 126)
            kinds, actors = attack_of(sentence.text, count.start, count.end)
            if not kinds or not actors:  # else the attack its report's lead tells, as its places are its report's
                if document.id not in lead_attacks:
                    lead_attacks[document.id] = lead_attack(tuple(leads[document.id]))
                kinds, actors = kinds or lead_attacks[document.id][0], actors or lead_attacks[document.id][1]
            items.append(Item(row=row, doc_id=document.id, outlet=(document.outlet or document.id).casefold(),
                              date=document.date[:10] if document.date else None, count=count,
                              claim=claim, places=places or context or central, context=context,
                              topic=int(topics[row]) if topics is not None else 0, text=sentence.text,
                              told=told_here, days=days,
                              same=same, attributed=bool(claim) or in_speech(sentence.text, count.start),
                              kinds=kinds, actors=actors, own_days=own_days, revised=revised,
                              sides=held_sides(sentence.text), source=_teller(sentence.text, count)))
    revising = {sentences[row].doc_id for row, figures in revisions.items() if figures}
    items = [dataclasses.replace(i, revising=True) if i.doc_id in revising else i for i in items]
    return _without_parts(_loosest_bounds(items, at_least), told, exact)


def _without_parts(items: list[Item], told: Mapping[tuple[str, str], set[int]],
                   exact: Mapping[tuple[str, str], set[int]]) -> list[Item]:
    """Leave out the exact counts a report adds up to another of its counts of the measure: the tolls of the places or
    attacks of its event. SANA's "seven others were injured by terrorist rocket and sniper attacks that targeted
    Aleppo city and al-Hader town" are the four of al-Hamadaniya and the "three people [who] sustained injuries ...
    on al-Hader town" (12 Aug 2016); its three was set against the seven as a conflict. Two different numbers: one
    count told twice ("killed 5 ... the 5 dead") adds up to nothing."""
    parts: set[tuple[str, str, int]] = set()
    for (doc_id, measure), values in exact.items():
        totals = told[(doc_id, measure)]
        parts.update((doc_id, measure, v) for v in values for w in values
                     if v != w and v + w in totals and v + w not in (v, w))
    return [i for i in items if i.count.bound != "exact" or (i.doc_id, i.count.measure, i.count.value) not in parts]


def _loosest_bounds(items: list[Item], at_least: set[tuple[str, str, int]]) -> list[Item]:
    """A report's "more than N" of a measure is left out when it also tells "at least N" (`at_least`: per report, of
    every sentence, kept or not): it uses the two alike, and its headline's "More than 19 civilians were killed in
    Eastern Ghouta on Sunday" was a conflict with another report's 19, though its own "killing at least 19 civilians"
    agrees (Damascus, 26 Nov 2017)."""
    return [i for i in items if i.count.bound != "more than" or
            (i.doc_id, i.count.measure, i.count.value) not in at_least]


def _revised_near(sentences: Sequence[Sentence], row: int, seen: dict[int, frozenset[int]]) -> frozenset[int]:
    """The figures the sentence at `row`, and its report's REVISED_NEAR before and after it, give when they tell a
    revised toll ("updated its earlier death toll of 15 ... three more people had died": 15 and 3)."""
    before, after = REVISED_NEAR
    found: frozenset[int] = frozenset()
    for near in range(max(0, row - before), min(len(sentences), row + after + 1)):
        if sentences[near].doc_id != sentences[row].doc_id:
            continue
        if near not in seen:
            text = sentences[near].text
            lower = text.lower()
            told = any(w in lower for w in _REVISED_WORDS) and _REVISED.search(text)
            seen[near] = frozenset(c.value for c in counts(text)) if told else frozenset()
        found |= seen[near]
    return found


def same_event(a: Item, b: Item) -> bool:
    """Whether two counts are of one event: one measure; days that meet (those their sentences or their reports'
    leads state, else their reports' days and the UNSTATED_DAYS before); places that meet, and when both
    sentences name places, they name one, or each a place the other's report is about; and two different
    figures of one report only when it says it tells the event again ("the toll rose to", "put the toll at", "SANA
    gave a toll of", "wounded in the attack")."""
    if a.count.measure != b.count.measure:
        return False
    if not alike_attacks(a.kinds, a.actors, b.kinds, b.actors, told_alike(a, b)) or other_sides(a.sides, b.sides):
        return False  # rebel rockets on Damascus and regime air strikes on Ghouta: two events
    if a.days is not None and b.days is not None and (a.days[0] > b.days[1] or b.days[0] > a.days[1]):
        return False  # (a report with no date, or none that reads as one, may be of any day)
    if a.doc_id == b.doc_id and (a.count.low, a.count.high) != (b.count.low, b.count.high) and not (a.same or b.same):
        return False  # two tellers' figures too: a roundup's police source and SANA tell of two rocket attacks
    if a.told and b.told and not (a.told & b.told) and not (a.told & b.context and b.told & a.context):
        return False  # a Thursday missile on Qusour and a Wednesday strike on a river crossing: other places
    if a.places & b.places:
        return True
    # "Khan Sheikhoun" and "Idlib": each names a place the other's report is about
    return bool(a.places & b.context and b.places & a.context and a.topic == b.topic)


def alike_attacks(kinds: frozenset[str], actors: frozenset[str], other_kinds: frozenset[str],
                  other_actors: frozenset[str], told_alike: bool = False) -> bool:
    """False when both name kinds of attack and share none, or both name attackers and share none, unless their
    own sentences state one day and place (`told_alike`: "an air strike" and "shelling" of one event) and only
    one of the two differs (rebel rockets on Damascus and regime air strikes near it on one Thursday: two events)."""
    other_kind = bool(kinds and other_kinds and not kinds & other_kinds)
    other_actor = bool(actors and other_actors and not actors & other_actors)
    return not (other_kind or other_actor) or (told_alike and not (other_kind and other_actor))


def told_alike(a: Item, b: Item) -> bool:
    """Whether the two counts' own sentences state days that meet and name a place in common: one event told two
    ways ("an air strike", "shelling") whatever kinds of attack they name."""
    return a.own_days is not None and b.own_days is not None and a.own_days[0] <= b.own_days[1] and \
        b.own_days[0] <= a.own_days[1] and bool(a.told & b.told)


def compare(a: Count, a_claim: str | None, a_date: str | None,
            b: Count, b_claim: str | None, b_date: str | None) -> str | None:
    """The label of two counts of one measure of one event, or None when they agree."""
    if (a.low, a.high, a.bound) == (b.low, b.high, b.bound):
        return "attribution" if bool(a_claim) != bool(b_claim) else None
    a_high = a.high if a.high is not None else float("inf")
    b_high = b.high if b.high is not None else float("inf")
    if a.low <= b_high and b.low <= a_high:
        return "differs"
    if a_date and b_date and a_date != b_date and a.outcome in ("killed", "wounded", KILLED_OR_WOUNDED):
        earlier, later = (a, b) if a_date < b_date else (b, a)
        earlier_high = earlier.high if earlier.high is not None else float("inf")
        if later.low > earlier_high:
            return "updated"
    return "conflict"


@dataclass
class _Account:
    items: list[Item]

    @property
    def first(self) -> Item:
        return self.items[0]


def count_pairs(items: Sequence[Item]) -> list[tuple[_Account, _Account, str]]:
    """Every labelled pair of accounts (one figure, bound and manner each) within each event."""
    return [pair for group in _events(items) for pair in _labelled(_accounts(group))]


def _events(items: Sequence[Item]) -> list[list[Item]]:
    """Connected groups of items of one measure of one event (linked when `same_event`).

    Near-linear: pairs are only looked for among items that share a place (or whose place is the
    other's report's place, in one topic) and whose days meet, found through an index sorted by day."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a == b:
            return
        alike = told_alike(items[i], items[j]) if overriding else False
        if not alike_attacks(kinds[a], actors[a], kinds[b], actors[b], alike) or other_sides(sides[a], sides[b]):
            return  # a count naming no attack links to the rockets or to the air strikes, not to both
        parent[a] = b
        kinds[b], actors[b], sides[b] = kinds[a] | kinds[b], actors[a] | actors[b], sides[a] | sides[b]

    kinds = [item.kinds for item in items]  # per group (its root): the kinds of attack and attackers its counts name
    actors = [item.actors for item in items]
    sides = [item.sides for item in items]  # and who holds the places they say were hit
    spans = [_span(item) for item in items]
    by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_context: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    # places in sorted order, here and below: a set's order changes with the process's hash seed, and the order of
    # the links decides which of two conflicting ones is made (a brief of the same reports differed between runs)
    for i, item in enumerate(items):
        for place in sorted(item.places):
            by_place[(item.count.measure, place)].append(i)
        for place in sorted(item.context):
            by_context[(item.count.measure, item.topic, place)].append(i)
    windows = {key: _DayWindow(members, spans) for key, members in by_context.items()}
    # first the counts whose attacks are alike, then those told alike on one day and place though their attacks
    # differ ("an air strike", "shelling"): the chlorine barrel's four dead over Aleppo on Wednesday joined the
    # rebel rockets' 14 of that Wednesday before the barrel's other counts, which say Zubdiya is rebel-held
    for overriding in (False, True):
        for members in by_place.values():
            _link_near(members, spans, items, find, union)
        for i, item in enumerate(items):
            # "Khan Sheikhoun" and "Idlib": each names a place the other's report is about
            for place in sorted(item.places):
                window = windows.get((item.count.measure, item.topic, place))
                for j in window.near(spans[i]) if window else ():
                    if j != i and find(i) != find(j) and same_event(item, items[j]):
                        union(i, j)
    groups: dict[int, list[Item]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[find(i)].append(item)
    kept = [_without_outliers(g) for g in groups.values()]
    return [g for g in kept if len({i.doc_id for i in g}) >= 2 or len({i.source for i in g if i.source}) >= 2]


def _span(item: Item) -> tuple[int, int] | None:
    """The days (ordinals) an item's event may be on; None (its report has no date): any day."""
    return item.days


def _link_near(members: list[int], spans: list[tuple[int, int] | None], items: Sequence[Item],
               find, union) -> None:
    """Link the items of one place whose days meet and that `same_event` says are one event's: a sweep in
    order of first day, each item tried against those whose days are not over yet."""
    undated = [i for i in members if spans[i] is None]
    dated = sorted((i for i in members if spans[i] is not None), key=lambda i: spans[i][0])
    open_: list[int] = []
    for i in dated:
        open_ = [j for j in open_ if spans[j][1] >= spans[i][0]]
        for j in open_ + undated:
            if find(i) != find(j) and same_event(items[i], items[j]):
                union(i, j)
        open_.append(i)
    for x, i in enumerate(undated):
        for j in undated[x + 1:]:
            if find(i) != find(j) and same_event(items[i], items[j]):
                union(i, j)


class _DayWindow:
    """Items sorted by first day: those whose days meet a span, and the undated ones (near every day)."""

    def __init__(self, members: list[int], spans: list[tuple[int, int] | None]) -> None:
        self.dated = sorted((i for i in members if spans[i] is not None), key=lambda i: spans[i][0])
        self.firsts = [spans[i][0] for i in self.dated]
        self.spans = spans
        self.longest = max((spans[i][1] - spans[i][0] for i in self.dated), default=0)
        self.undated = [i for i in members if spans[i] is None]

    def near(self, span: tuple[int, int] | None) -> list[int]:
        if span is None:
            return self.dated + self.undated
        candidates = self.dated[bisect_left(self.firsts, span[0] - self.longest):bisect_right(self.firsts, span[1])]
        return [i for i in candidates if self.spans[i][1] >= span[0]] + self.undated


def _without_outliers(group: list[Item]) -> list[Item]:
    """Leave out counts OUTLIER times above or below the group's median: one event's tolls do not differ
    that much between outlets, a war's total or another attack's toll recalled in passing does."""
    lows = sorted(i.count.low for i in group)
    median = lows[len(lows) // 2]
    if median <= 0:
        return group
    return [i for i in group if median / OUTLIER <= max(i.count.low, i.count.high or i.count.low) and
            i.count.low <= median * OUTLIER or abs(i.count.low - median) <= OUTLIER_SLACK]


def _accounts(group: list[Item]) -> list[_Account]:
    """The group's accounts: one per figure, bound and manner (told with a claim word, "according to", or not),
    each citing every report that tells it so ("killed 5" and "The governor said ... killed 5" are one)."""
    accounts: dict[tuple, _Account] = {}
    for item in group:
        key = (item.count.low, item.count.high, item.count.bound, bool(item.claim))
        accounts.setdefault(key, _Account([])).items.append(item)
    for key in list(accounts):  # reports telling a figure both ways and none only one way: one account
        other = (*key[:3], not key[3])
        if key[3] and other in accounts:
            claimed, plain = ({i.doc_id for i in accounts[k].items} for k in (key, other))
            if claimed <= plain:
                accounts[other].items.extend(accounts.pop(key).items)
            elif plain <= claimed:
                accounts[key].items.extend(accounts.pop(other).items)
    for account in accounts.values():
        account.items.sort(key=lambda i: (i.date or "", i.doc_id, i.row))
    # in the order of the figures as written ("70" before "up to 80", though "up to 80" allows fewer)
    return sorted(accounts.values(), key=lambda a: (a.first.count.value, a.first.count.low,
                                                    a.first.count.high or 10**12, a.first.date or ""))


def _labelled(accounts: list[_Account]) -> list[tuple[_Account, _Account, str]]:
    pairs = []
    for x, a in enumerate(accounts):
        for b in accounts[x + 1:]:
            docs_a, docs_b = {i.doc_id for i in a.items}, {i.doc_id for i in b.items}
            if not docs_a - docs_b and not docs_b - docs_a and not told_by_others(a, b):
                continue  # only the same reports: no disagreement with yourself, unless two tellers of one report
            label = compare(a.first.count, _told_as_claim(a), _earliest(a), b.first.count, _told_as_claim(b),
                            _earliest(b))
            if label in ("conflict", "updated") and not told_by_others(a, b):
                label = _revision(a, b, label, accounts)  # one teller's figure is no earlier toll of another's
            if label == "attribution":
                plain, claimed = (a, docs_b) if not _told_as_claim(a) else (b, docs_a)
                if not any(not i.attributed and i.doc_id not in claimed for i in plain.items):
                    # a report that tells the figure both ways is on both sides; "The Homs governor said five were
                    # killed" is someone's words, no statement of fact to set against "according to"
                    continue
            if label:
                pairs.append((a, b, label))
    return pairs


def told_by_others(a: _Account, b: _Account) -> bool:
    """Whether one report gives the two accounts' figures as two tellers' of one event ("Four civilians were killed
    ... a Britain-based monitor and a medical source said"; "state news agency SANA said artillery fire killed
    two"): then each is an account of its own, though the report tells both. The two counts must be one event's by
    themselves, not only through other counts: SANA's roundup of 18 Nov 2016 gives "Two persons were injured" in
    al-Fouaa (local sources) and "injuring three others" in al-Salyhiah (a police source), joined through its other
    tolls. Per report, its few counts of each account are set against each other."""
    tellers_a, tellers_b = _tellers(a), _tellers(b)
    return any(other_tellers(first, second) and same_event(first, second)
               for doc_id in tellers_a.keys() & tellers_b.keys()
               for first in tellers_a[doc_id] for second in tellers_b[doc_id])


def _tellers_first(account: _Account) -> None:
    """Show a teller's account by the sentence that names its teller: "Rebel shelling ... killed four civilians
    on Sunday" (Al-Araby's headline) says nothing of whose four it is; "... a Britain-based monitor and a medical
    source said" does, beside "state news agency SANA said artillery fire killed two people"."""
    account.items.sort(key=lambda i: (i.date or "", i.doc_id, not i.source, i.row))


def _tellers(account: _Account) -> dict[str, list[Item]]:
    """Per report, the account's counts whose teller it names."""
    found: dict[str, list[Item]] = defaultdict(list)
    for item in account.items:
        if item.source:
            found[item.doc_id].append(item)
    return found


def _revision(a: _Account, b: _Account, label: str, accounts: list[_Account]) -> str:
    """An update is what the reports say is one: "conflict" is "updated" when the higher figure's report says,
    beside it, that the lower figure's toll was an earlier one ("updated its earlier death toll of 15" against
    "killed 15 civilians including four children") and it is not older than the lower one; and "updated" (a
    later, higher figure) is "conflict" when the later report also gives a lower figure of the event and tells no
    revision: it sets two counters side by side ("at least 18, said the Observatory"; "19, the Civil Defence
    said"; the Observatory's 11 children and the Coalition's 25), it does not raise one."""
    lower, higher = (a, b) if a.first.count.low <= b.first.count.low else (b, a)
    if label == "conflict":
        earlier = frozenset().union(*(i.revised for i in higher.items))  # the figures its report says were revised
        # the lower figure's sentence gives one of them: it is the earlier toll ("15 civilians including four
        # children" against "the earlier death toll of 15": the four children are the earlier toll's too)
        revised = any(c.value in earlier for i in lower.items for c in counts(i.text)) or \
            higher.first.count.outcome in ("killed", "wounded", KILLED_OR_WOUNDED) and _rising(accounts)
        return "updated" if revised and (_earliest(higher) or "") >= (_earliest(lower) or "") else label
    if any(i.revised for i in higher.items):
        return label  # it tells a revision ("earlier reports said 20")
    later_reports = {i.doc_id for i in higher.items}
    for other in accounts:
        if other is not higher and later_reports & {i.doc_id for i in other.items} and \
                other.first.count.low < higher.first.count.low:
            return "conflict"
    return label


RISING_REPORTS = 2  # reports of an event that tell its toll was revised: the event's toll rose over time


def _rising(accounts: list[_Account]) -> bool:
    """Whether RISING_REPORTS reports of the event tell that a toll of it was revised (its dead or its wounded: the
    wounded rise with the dead): then a lower figure no later than a higher one is an earlier toll, not a
    contradiction. The Aleppo convoy bomb (15 April 2017):
    "The previous death toll was 20" (Sputnik), "a monitor said in an updated toll" (43, Ahram), "updating a previous
    toll of 112" (126, Ahram): 20, 24, 43, at least 100 and 126 of one Saturday and Sunday, read as a conflict. One
    report's revision may be of its own counter only: it says nothing of another outlet's figure."""
    return len({i.doc_id for a in accounts for i in a.items if i.revising}) >= RISING_REPORTS


def _told_as_claim(account: _Account) -> str | None:
    """The claim word ("according to") one of the account's tellings has."""
    return next((i.claim for i in account.items if i.claim), None)


def _earliest(account: _Account) -> str | None:
    dates = [i.date for i in account.items if i.date]
    return min(dates) if dates else None


def find_differences(documents: Sequence[Document], sentences: Sequence[Sentence], names: NameIndex,
                     source_numbers: Mapping[str, int], topics: Sequence[int] | None = None,
                     topic_labels: Mapping[int, str] | None = None,
                     order: Mapping[int, int] | None = None) -> tuple[Difference, ...]:
    """The differences of a brief, most severe and most told first."""
    where = read_context(documents, sentences, names)
    items = items_of(documents, sentences, names, topics, where)
    found: list[tuple[tuple, Difference]] = []
    for group in _events(items):
        accounts = _accounts(group)
        pairs = _labelled(accounts)
        if not pairs:
            continue
        kind = max((label for _, _, label in pairs), key=SEVERITY.get)
        for account in {id(a): a for p, q, _ in pairs if told_by_others(p, q) for a in (p, q)}.values():
            _tellers_first(account)
        involved = [a for a in accounts if any(a is p or a is q for p, q, _ in pairs)]
        if kind == "updated":
            involved.sort(key=lambda a: (_earliest(a) or "", a.first.count.low))
        difference = _difference(kind, group, involved, sentences, names, source_numbers, topic_labels)
        reports = len({i.doc_id for i in group})
        found.append(((-SEVERITY[kind], (order or {}).get(difference.topic, 99), -reports), difference))
    found.extend(claim_differences(documents, sentences, names, source_numbers, topics, topic_labels, order, where))
    found.sort(key=lambda item: item[0])
    return _told_apart([d for _, d in found[:MAX_DIFFERENCES]])


def _told_apart(differences: list[Difference]) -> tuple[Difference, ...]:
    """Two events of one place and measure (the Khan Sheikhoun attack and the Urum al-Joz strike, both 'Idlib:
    people killed') are told apart by the day they were first reported: 'Idlib, reported 8 April 2017'."""
    dates: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    for d in differences:
        dates[(d.event, d.measure)].add(d.date)
    return tuple(dataclasses.replace(d, event=f"{d.event}, reported {long_date(d.date)}")
                 if len(dates[(d.event, d.measure)]) > 1 and d.date and d.event else d for d in differences)


def _difference(kind: str, group: list[Item], accounts: list[_Account], sentences: Sequence[Sentence],
                names: NameIndex, numbers: Mapping[str, int], topic_labels: Mapping[int, str] | None) -> Difference:
    measure = group[0].count.measure
    topic = Counter(i.topic for i in group).most_common(1)[0][0]
    every = [_account(a, sentences, numbers) for a in accounts]
    figures = [a.figure for a in every]
    note = f"Reports give {_figures(figures, measure, kind)}. {NOTES[kind]}" if kind != "attribution" else \
        f"Reports give {figures[0]} {measure}; {NOTES[kind][0].lower()}{NOTES[kind][1:]}"
    shown = _most_telling(every, updated=kind == "updated")
    if len(shown) < len(every):
        # see _most_telling
        ends = "the earliest, the latest, the highest" if kind == "updated" else "the lowest, the highest"
        note += (f" {len(shown)} of its {len(every)} accounts are shown: {ends}, and those that bring in the most "
                 f"other reports.")
    dates = [i.date for i in group if i.date]
    kept = {id(a) for a in shown}
    return Difference(kind=kind, measure=measure, event=_event_name(group, names, topic, topic_labels),
                      date=min(dates) if dates else None, topic=topic, note=note, accounts=tuple(shown),
                      hidden=tuple(a for a in every if id(a) not in kept))


def _most_telling(accounts: list[Account], updated: bool = False) -> list[Account]:
    """At most MAX_ACCOUNTS of a difference's accounts, in their order: both ends (lowest and highest
    figure; earliest and latest for an update, and its highest: the convoy bomb's 126 of 16 April was hidden
    behind "more than 120" of 18 April), then each time the one that brings in most reports not
    shown yet, so every outlet's figure is seen before a second telling of one; ties: the most reported,
    then a precise figure ("72") before a vague one ("dozens"), then the one told earliest in its report
    (news puts the main toll first: Al-Araby's lead says "at least 72", a later line "at least 32"). In the
    Idlib sample the toll of 72 and "some 80" were left out for "at least 32" and "more than 50", told by
    reports shown already."""
    if len(accounts) <= MAX_ACCOUNTS:
        return accounts
    kept = {0, len(accounts) - 1}
    if updated:
        kept.add(max(range(len(accounts)), key=lambda k: (accounts[k].low or 0, -k)))
    shown = {c.doc_id for k in kept for c in accounts[k].citations}
    while len(kept) < MAX_ACCOUNTS:
        def worth(k: int) -> tuple[int, int, bool, int, int]:
            account = accounts[k]
            reports = {c.doc_id for c in account.citations}
            earliest = min((c.sentence for c in account.citations), default=0)
            return len(reports - shown), len(reports), account.low == account.high, -earliest, -k
        best = max((k for k in range(1, len(accounts) - 1) if k not in kept), key=worth)
        kept.add(best)
        shown.update(c.doc_id for c in accounts[best].citations)
    return [a for k, a in enumerate(accounts) if k in kept]


def _figures(figures: list[str | None], measure: str, kind: str = "") -> str:
    """The figures in their order: lowest to highest, or, for an update, earliest to latest (where a
    figure in between may be lower than both: "from 33 to at least 38" would misread it)."""
    shown = list(dict.fromkeys(f for f in figures if f))  # a figure told as fact and as a claim: once
    if len(shown) == 2:
        return f"{shown[0]} and {shown[1]} {measure}"
    if kind == "updated":
        return f"{len(shown)} figures for {measure} over time, the first {shown[0]}, the latest {shown[-1]}"
    return f"{len(shown)} figures for {measure}, from {shown[0]} to {shown[-1]}"


def _account(account: _Account, sentences: Sequence[Sentence], numbers: Mapping[str, int]) -> Account:
    first = account.first
    citations, seen = [], set()
    for item in account.items:
        if item.doc_id in seen:
            continue
        seen.add(item.doc_id)
        sentence = sentences[item.row]
        citations.append(Citation(source=numbers.get(item.doc_id, 0), doc_id=item.doc_id, sentence=sentence.index,
                                  text=sentence.text))
    citations.sort(key=lambda c: c.source)
    figure = first.count.text[0].lower() + first.count.text[1:] if first.count.bound != "exact" or \
        not first.count.text.isdigit() else first.count.text
    return Account(text=first.text, figure=figure, low=first.count.low, high=first.count.high, claim=first.claim,
                   date=_earliest(account), citations=tuple(citations))


def _event_name(group: list[Item], names: NameIndex, topic: int, topic_labels: Mapping[int, str] | None) -> str:
    # the places the counts' own sentences name: a report about Raqqa tells of a strike in Deir ez-Zor too
    places = Counter(p for item in group for p in item.told) or Counter(p for item in group for p in item.places)
    if places:
        return names.display(_most_named(places))
    return (topic_labels or {}).get(topic, "")


def _most_named(places: Counter[str]) -> str:
    """The place named most; of a tie, the first by key. The counts come from sets, whose order changes with
    the process's hash seed: most_common's order of a tie made a heading differ from run to run."""
    return min(places, key=lambda place: (-places[place], place))


def claim_differences(documents: Sequence[Document], sentences: Sequence[Sentence], names: NameIndex,
                      numbers: Mapping[str, int], topics: Sequence[int] | None = None,
                      topic_labels: Mapping[int, str] | None = None,
                      order: Mapping[int, int] | None = None,
                      where: EventContext | None = None) -> list[tuple[tuple, Difference]]:
    """An action one outlet states as fact and another reports as a claim ("alleged chemical attack")."""
    by_id = {d.id: d for d in documents}
    tellings: dict[str, dict[bool, list[int]]] = defaultdict(lambda: defaultdict(list))
    where = where or read_context(documents, sentences, names)
    main, elsewhen = where.main, where.elsewhen
    for row, sentence in enumerate(sentences):
        if row in elsewhen:
            continue
        for action, hedged in _actions_told(sentence.text):
            tellings[action][hedged].append(row)  # one story per brief, mostly: the action is the key
    found = []
    for key, sides in tellings.items():
        flat, claimed = sides.get(False, []), sides.get(True, [])
        outlets_flat = {_outlet(by_id[sentences[r].doc_id]) for r in flat}
        outlets_claimed = {_outlet(by_id[sentences[r].doc_id]) for r in claimed}
        only_flat, only_claimed = outlets_flat - outlets_claimed, outlets_claimed - outlets_flat
        if not only_flat or not only_claimed:
            continue
        flat = [r for r in flat if _outlet(by_id[sentences[r].doc_id]) in only_flat]
        claimed = [r for r in claimed if _outlet(by_id[sentences[r].doc_id]) in only_claimed]
        action = key
        accounts = tuple(_fact_account(rows, sentences, by_id, numbers, claim) for rows, claim in
                         ((flat, None), (claimed, "claim")))
        accounts = (accounts[0], dataclasses.replace(accounts[1], claim=_claim_words(accounts[1].text, action)))
        rows = flat + claimed
        topic = Counter(int(topics[r]) if topics is not None else 0 for r in rows).most_common(1)[0][0]
        places = Counter(p for r in rows for p in main.get(sentences[r].doc_id, ()))
        event = names.display(_most_named(places)) if places else (topic_labels or {}).get(topic, "")
        dates = [a.date for a in accounts if a.date]
        note = (f"{_count_outlets(only_flat)} {'states' if len(only_flat) == 1 else 'state'} the {action} as fact; "
                f"{_count_outlets(only_claimed)} {'reports' if len(only_claimed) == 1 else 'report'} it as a claim.")
        difference = Difference(kind="attribution", measure="account", event=event, date=min(dates) if dates else None,
                                topic=topic, note=note, accounts=accounts)
        found.append(((-SEVERITY["attribution"], (order or {}).get(topic, 99), -len(rows)), difference))
    return found


@lru_cache(maxsize=16384)  # wire copies repeat a sentence in many reports: each distinct one is read once
def _actions_told(text: str) -> tuple[tuple[str, bool], ...]:
    """The actions a sentence tells (lower case, in order), each with whether a hedge stands just before it."""
    told = []
    for match in _ACTION.finditer(text):
        hedged = bool(_NEAR_HEDGE.search(text[max(0, match.start() - 60):match.start()]))
        if not hedged and (in_speech(text, match.start()) or hedge(text)):
            continue  # someone's words the outlet reports: neither its own statement of fact nor its doubt
        told.append((match.group(1).lower(), hedged))
    return tuple(told)


def in_speech(text: str, at: int) -> bool:
    """Whether the words at `at` are someone's that the outlet reports: a verb of speech stands before them in
    their own clause ("Carter said the coalition captured ...", not "Officials said on Monday they would respond,
    and an air strike killed 5"), or the sentence ends by naming who said it ("The rebels took control of the
    town, the statement said."). Linear in the sentence, once per sentence however many counts it has."""
    verbs, trailing, breaks = _speech_marks(text)
    if trailing:
        return True
    last = bisect_right(verbs, at) - 1  # the last verb of speech that ends by `at`
    if last < 0:
        return False
    between = bisect_left(breaks, verbs[last])  # the first clause break after it
    return between == len(breaks) or breaks[between] >= at


# what ends the clause a verb of speech governs: a semicolon, or a conjunction after a comma that opens a new
# clause (", and an air strike ...", ", but", ", while"), not one that goes on with the words said (", and that")
# or with more of the figures (", and 5 wounded"); "but", "meanwhile" and "whereas" wherever they stand
_SPEECH_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas|although|though|yet)\b(?!\s+(?:that\b|\d))|"
                           r"\b(?:but|meanwhile|whereas)\b", re.I)


@lru_cache(maxsize=4096)
def _speech_marks(text: str) -> tuple[tuple[int, ...], bool, tuple[int, ...]]:
    """A sentence's verbs of speech (their ends), whether one is among its last TRAILING_WORDS words (at most that
    many words after it), and where its clause breaks start."""
    head = text.rsplit(None, TRAILING_WORDS)  # the text before the last TRAILING_WORDS words, and those words
    tail = len(head[0]) if len(head) > TRAILING_WORDS else 0  # a verb ending here or after is in the last words
    verbs = tuple(m.end() for m in _SPEECH.finditer(text))
    return verbs, bool(verbs) and verbs[-1] >= tail, tuple(m.start() for m in _SPEECH_BREAK.finditer(text))


def _outlet(document: Document) -> str:
    return (document.outlet or document.id).casefold()


def _count_outlets(outlets: set[str]) -> str:
    return "1 outlet" if len(outlets) == 1 else f"{len(outlets)} outlets"


def _claim_words(text: str, action: str) -> str:
    at = text.lower().find(action)
    match = _NEAR_HEDGE.search(text[max(0, at - 60):at]) if at >= 0 else None
    return match.group(0).split()[0] if match else "claim"


def _fact_account(rows: list[int], sentences: Sequence[Sentence], by_id: Mapping[str, Document],
                  numbers: Mapping[str, int], claim: str | None) -> Account:
    rows = sorted(rows, key=lambda r: (numbers.get(sentences[r].doc_id, 0), sentences[r].index))
    citations, seen = [], set()
    for r in rows:
        if sentences[r].doc_id in seen:
            continue
        seen.add(sentences[r].doc_id)
        citations.append(Citation(source=numbers.get(sentences[r].doc_id, 0), doc_id=sentences[r].doc_id,
                                  sentence=sentences[r].index, text=sentences[r].text))
    dates = [by_id[c.doc_id].date[:10] for c in citations if by_id[c.doc_id].date]
    return Account(text=sentences[rows[0]].text, figure=None, low=None, high=None, claim=claim,
                   date=min(dates) if dates else None, citations=tuple(citations))
