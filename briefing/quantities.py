"""Counts a sentence gives, with their bounds, what they count and how firmly they are told.

"killed at least 58 people including 11 children" gives two counts: killed people, 58 or more,
and killed children, exactly 11. Each count is a range (`low`..`high`, `None` for no upper
bound) so that two reports' counts can be compared: "at least 10" and "11" can both be true,
"58" and "72" cannot. Number words ("ten", "fifty-eight", "three hundred") go through the
word2number library; vague counts ("dozens", "scores", "hundreds") get the range their word allows.
A count is kept only when it says what it counts (a casualty word, or people, fighters,
civilians, children, displaced): years, times, ages and resolution numbers are not counts.
`figures` gives every number a sentence tells, counts or not ("2000 Sunni residents ... were given safe
passage"), for telling whether two sentences give one figure (rank.counts_agree).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from .dates import dated
from .names import match_key

# words before a number -> how the number bounds the true value
_BOUNDS = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
    "about": "about", "around": "about", "some": "about", "approximately": "about", "roughly": "about",
    "an estimated": "about", "almost": "nearly", "nearly": "nearly", "close to": "nearly",
    "up to": "at most", "at most": "at most", "fewer than": "fewer than", "less than": "fewer than",
    "under": "fewer than",
}
# vague counts: word -> (low, high)
_VAGUE = {"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2000, 9999),
          "a dozen": (12, 12), "a handful": (2, 6), "tens of thousands": (20000, 99999),
          "hundreds of thousands": (200000, 999999),
          # "several thousand refugees" is thousands, not the one thousand it was read as (and set against 2200). Not
          # "several dozen" or "several hundred" (left unread, _SEVERAL_BEFORE): read as ranges they made FA-KES pairs
          # no one labelled (a quote's "several dozen wounded" against "hundreds"; "several dozen" fighters on guard
          # against "several hundred" fighters evacuated): precision 0.905 -> 0.862, measured twice
          "several thousand": (2000, 9999)}
# "several hundred", "a few hundred": no count read, neither the 100 the number word alone says nor a range
_SEVERAL_BEFORE = re.compile(r"\b(?:several|a\s+few)\s+$", re.I)
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
          "hundred thousand million").split()
_NUMBER_WORD = r"(?:" + "|".join(_UNITS) + r")"
_NUMBER = (r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand))?|"
           + _NUMBER_WORD + r"(?:[\s-]+(?:and\s+)?" + _NUMBER_WORD + r")*|"
           + "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True)) + ")")
_BOUND = r"(?:(?P<bound>" + "|".join(re.escape(b) for b in sorted(_BOUNDS, key=len, reverse=True)) + r")\s+)?"
_QUANTITY = re.compile(r"(?<![\w,.$€£-])" + _BOUND + _NUMBER + r"(?![\w%$-])", re.I)

# what is counted: the noun after the number
WHO = {
    "people": ("people", "persons", "person", "victims", "residents", "individuals", "others", "bodies",
               "dead", "casualties", "citizens", "martyrs", "men", "evacuees"),
    "civilians": ("civilians", "civilian"),
    "children": ("children", "child", "kids", "minors", "boys", "girls", "infants", "babies", "schoolchildren",
                 "pupils"),
    "women": ("women",),
    "fighters": ("fighters", "militants", "rebels", "soldiers", "troops", "jihadists", "insurgents", "gunmen",
                 "members", "terrorists", "servicemen", "policemen", "personnel", "extremists", "militiamen"),
    "displaced": ("refugees", "displaced"),
    # who attacked: "three suicide bombers" (not "bombers" alone: aircraft); a count of attackers is a fact of
    # its event as a toll is ("three suicide bombers" and "four suicide bombers" are two attacks)
    "attackers": ("attackers", "assailants", "bombers"),
}
# "one" counts only a person named just after it ("at least one person was killed", "one civilian"); the
# singular is read only there ("two rebel groups" counts no rebels)
_ONE = {"person": "people", "man": "people", "civilian": "civilians", "child": "children", "boy": "children",
        "girl": "children", "woman": "women", "soldier": "fighters", "fighter": "fighters", "militant": "fighters",
        "rebel": "fighters", "policeman": "fighters", "member": "fighters"}
_ONE_PERSON = re.compile(r"\s+(?P<who>" + "|".join(_ONE) + r")\b(?!-)", re.I)
_LIST_BEFORE = re.compile(r"\b(?:\d+|" + _NUMBER_WORD + r")\s+(?:[a-z-]+\s+){0,2}?(?:and|,)\s+$", re.I)
_MARTYRS = re.compile(r"\s+(?:[a-z-]+\s+)?martyrs\b", re.I)
_WHO_WORD = {word: who for who, words in WHO.items() for word in words}
# what a number counts when it is not people: "two besieged towns", "three buses"
# (the words between are a noun's own, not a preposition's: "injured another ten in down town Damascus" counts people)
_THING = re.compile(r"^\s+(?:(?!(?:in|at|on|near|of|from|to|across|around|inside|outside)\s)[a-z-]+\s+){0,2}?(?:towns?|villages?|cities|city|buses|bus|vehicles|cars|trucks|buildings|"
                    r"hospitals|schools|areas|districts|neighbou?rhoods|provinces|countries|days|hours|weeks|months|"
                    r"years|times|rounds|missiles|rockets|shells|strikes|airstrikes|raids|batches|convoys|points|attacks|bombings|"
                    r"blasts|explosions|bombs|assaults|incidents|operations|waves)\b", re.I)
# the outcome a count belongs to, and the words that tell it
OUTCOMES = {
    "killed": ("killed", "killing", "kills", "kill", "dead", "died", "deaths", "death toll", "death", "lives",
               "toll", "massacred", "executed", "bodies", "perished", "fatalities", "martyred", "martyrdom"),
    "wounded": ("wounded", "wounding", "wound", "injured", "injuring", "injure", "injuries", "hurt", "injury", "suffering",
                "suffered", "treated", "harm"),
    "displaced": ("displaced", "fled", "refugees", "evacuated", "homeless"),
    "detained": ("arrested", "detained", "captured", "abducted", "kidnapped"),
}
_OUTCOME_CUE = re.compile(r"\b(?P<cue>" + "|".join(sorted((re.escape(w) for ws in OUTCOMES.values() for w in ws),
                                                           key=len, reverse=True)) + r")\b", re.I)
_LONGEST_CUE = max(len(w) for ws in OUTCOMES.values() for w in ws)
_OUTCOME_OF = {w: outcome for outcome, words in OUTCOMES.items() for w in words}
# "killed or injured", "dead and wounded", "killing and injuring": one count of both, which is neither a death
# toll nor a count of the wounded; it is compared only with counts of both
KILLED_OR_WOUNDED = "killed or wounded"
_AND_OR = re.compile(r"\s+(?:and/or|or|and)\s+")
_CUE_AND_OR = re.compile(r"\b(?P<cue>\w+)\s+(?:and/or|or|and)\s+$")
REACH = 60  # characters around a number searched for its outcome word
_NOT_A_COUNT_BEFORE = re.compile(r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                                 r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|resolutions?|article|"
                                 r"chapter|age of|aged|page|number|no\.|since|until)\s+$", re.I)
_MONTH_BEFORE = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december)\s+$", re.I)
_NOT_A_COUNT_AFTER = re.compile(r"^\s*(?:-?years?\b|-?year-old|a\.?m\b|p\.?m\b|%|percent|per cent|km|kilomet|miles?\b|"
                                r"metres|meters|dollars|(?:us\s+)?\$|euros|hours|days|weeks|months|minutes|times|"
                                r"o'clock|st\b|nd\b|rd\b|th\b|(?:january|february|march|april|may|june|july|"
                                r"august|september|october|november|december)\b)", re.I)
# a number just after a name, with no counted noun after it: an age ("Ziad 13 suffered a head injury"; the
# reports' commas are often gone). Not after a place cue ("in Aleppo 12 were killed") nor after words that
# open a sentence or tell a time
_NAME_BEFORE = re.compile(r"(?:^|(?<![Ii]n )(?<![Aa]t )(?<![Nn]ear )(?<![Oo]f )(?<![Ff]rom )(?<![Oo]n )(?<![Tt]o )"
                          r"(?<![Aa]round )(?<![Ii]nto )(?<![Aa]cross ))\b(?P<name>[A-Z][a-z]+),?\s+$")
_NOT_A_NAME = {"the", "a", "an", "and", "but", "yesterday", "today", "overall", "meanwhile", "earlier", "later",
               "altogether", "since", "so", "in", "on", "at", "of", "another", "some", "and", "also", "only", "then",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "total", "all", "when",
               "while", "after", "before", "including", "among", "nearly", "almost", "about", "over", "least",
               "killing", "killed", "wounding", "injuring", "kill", "kills", "wound", "wounds"} | set(_UNITS)
# words that may stand between a number with no counted noun and the casualty word after it ("20 were
# killed", "13 others had died"); any other word is a noun of its own: "four medical staff killed" counts staff
_BETWEEN = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "also", "more",
            "others", "other", "all", "later", "already", "allegedly", "subsequently", "got", "left", "who", "now",
            "so", "far", "confirmed", "people", "persons", "either", "both", "of", "them", "those", "the", "in",
            "total", "seriously", "critically", "badly", "severely", "lightly", "slightly", "been", "reported",
            "said", "to", "believed", "feared", "thought", "known", "dead", "wounded", "injured", "killed", "number",
            "its", "toll", "sustained", "internally", "mostly", "mainly", "syrians"}
# a toll told as "the toll ... at N" or "... to N": "placed the death toll from the air raids at 50", "The death
# toll from a suspected chemical weapons attack on a rebel-held Syrian town has risen to 86" (no other figure, clause
# or sentence end between). "reached" too, and a long place of the toll: "The death toll from a bomb blast on a crowded
# Syrian bus convoy outside Aleppo reached at least 112 people", "The death toll in a suicide car bomb attack on buses
# carrying Syrians evacuated from two besieged government-held towns has risen to at least 112" (105 characters)
TOLL_REACH = 160  # characters before a number searched for its toll phrase
_TOLL_AT = re.compile(r"\btoll\b(?:\s+(?:from|of|in|on)\b[^;:\d.]{0,130}?)?\s+(?:(?:has|had|have)\s+(?:now\s+)?)?"
                      r"(?:(?:(?:risen|rose|climbed|jumped|increased|stood|stands|was|is)\s+)?(?:at|to)|reached)\s+$",
                      re.I)
# ... unless it is a forecast ("is expected to rise to 20") or a war's toll ("the toll of the conflict to 18")
_FORECAST = re.compile(r"\b(?:expect\w*|could|may|might|likely|feared|will|would|set to|estimated?|conflict|war|since)\b",
                       re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\s+(?:were\s+)?(?P<who>children|women|civilians|minors)\b", re.I)
# a part told inside a toll, after its noun: "people including 68 children", "people among them 18 children"
_PART_ASIDE = re.compile(r"(?<=\s)(?:including|among\s+them|among\s+whom)\s+(?:" + "|".join(
    re.escape(b) for b in sorted(_BOUNDS, key=len, reverse=True)) + r")?\s*(?:\d[\d,]*|" + _NUMBER_WORD +
    r"(?:-" + _NUMBER_WORD + r")?)\s+(?:[a-z-]+\s+)?(?:" + "|".join(WHO["children"] + WHO["women"] + WHO["civilians"]) +
    r")(?=\s)", re.I)
# the whole a part is told among: "At least 68 children were among the 126 people killed" (the 68 were killed too)
_WHOLE_ASIDE = re.compile(r"(?<=\s)among\s+(?:the\s+)?(?:(?:at least|more than|over|about|some|nearly)\s+)?"
                          r"(?:\d[\d,]*|" + _NUMBER_WORD + r"(?:-" + _NUMBER_WORD + r")?)(?=\s)", re.I)
_PART_OF = re.compile(r"\b(?:including|among them|of them|of whom|among whom)\s+(?:at least |more than |about |some )?$", re.I)
# words that make a count a claim rather than a statement of fact (not "alleged attack": that doubts the attack)
# "claiming 4 martyrs", "claimed 22 lives", "22 injured were claimed in a terrorist bombing": lives taken, no claim
_HEDGE = re.compile(r"\b(?:claim(?:s|ed|ing)?(?! (?:the|their|his|her) lives)(?! responsibility)"
                    r"(?! (?:at least |more than |some |about |nearly )?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?) (?:[a-z]+ )?"
                    r"(?:lives|martyrs|victims)\b)"
                    r"(?! (?:in|by) (?:a|an|the)\b)|allegedly|reportedly|"
                    r"accus(?:e|es|ed|ing)|"
                    r"(?:is|are|was|were) said to|according to|unconfirmed|unverified)\b", re.I)


@dataclass(frozen=True)
class Count:
    """One count in a sentence: 'at least 58' people killed."""

    text: str  # the words as written: "at least 58"
    value: int  # the number as written: 58 ("dozens": 24)
    bound: str  # "exact", "at least", "more than", "about", "nearly", "at most", "fewer than", "vague"
    low: int  # the least the words allow
    high: int | None  # the most the words allow (None: no upper bound)
    outcome: str  # "killed", "wounded", "killed or wounded", "displaced", "detained", or "" for a plain count
    who: str  # "people", "civilians", "children", "women", "fighters", "displaced", "attackers"
    start: int  # character offsets in the sentence
    end: int

    @property
    def measure(self) -> str:
        """What is counted, as a reader says it: 'people killed', 'children wounded', 'fighters', 'attackers'."""
        if not self.outcome:
            return self.who
        return f"{self.who} {self.outcome}" if self.who != "displaced" else "people displaced"


def parse_number(words: str) -> tuple[int, int, int | None] | None:
    """'58' -> (58, 58, 58); 'fifty-eight' -> 58; 'dozens' -> (24, 24, 99): value, low, high."""
    plain = words.lower().strip()
    if plain in _VAGUE:
        low, high = _VAGUE[plain]
        return low, low, high
    multiplier = 1
    for word, factor in (("million", 1_000_000), ("thousand", 1000)):
        if re.fullmatch(r"[\d.]+\s+" + word, plain):
            plain, multiplier = plain.split()[0], factor
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", plain):
        value = int(float(plain.replace(",", "")) * multiplier)
        return value, value, value
    from word2number import w2n

    try:
        value = int(w2n.word_to_num(plain.replace("-", " ")))
    except ValueError:
        return None
    return value, value, value


def bounds(value: int, bound: str) -> tuple[int, int | None]:
    """The range of true values a bounded number allows."""
    if bound == "at least":
        return value, None
    if bound == "more than":
        return value + 1, None
    if bound == "about":
        return int(value * 0.85), int(round(value * 1.15 + 0.5))
    if bound == "nearly":
        return int(value * 0.85), value
    if bound == "at most":
        return 0, value
    if bound == "fewer than":
        return 0, max(value - 1, 0)
    return value, value


# a count is kept only with an outcome word near it or a count of fighters or displaced people after it:
# a sentence holding none of these words gives no count, whatever numbers it has
_COUNT_WORDS = tuple(sorted({w for words in OUTCOMES.values() for w in words}
                            | {w for who in ("fighters", "displaced", "attackers") for w in WHO[who]} | {"martyrs"}))
# the same test with fewer words, the words most sentences hold first: a word that holds another adds nothing
# ("killed" holds "kill"), and a sentence that holds one stops the test early (50 -> 30 ms at 1,000 reports)
_OFTEN = ("kill", "terrorists", "injure", "fighters", "wound", "rebels", "militants", "dead", "death", "toll")
_COUNT_TEST = tuple(sorted((w for w in _COUNT_WORDS if not any(v != w and v in w for v in _COUNT_WORDS)),
                           key=lambda w: (_OFTEN.index(w) if w in _OFTEN else len(_OFTEN), w)))


@lru_cache(maxsize=16384)
def counts(sentence: str) -> tuple[Count, ...]:
    """The counts a sentence gives, in order."""
    found: list[Count] = []
    lower = sentence.lower()
    if not any(word in lower for word in _COUNT_TEST):
        return ()
    for match in _QUANTITY.finditer(sentence):
        number = match.group("number")
        if number.lower() in ("one", "zero") and (not _ONE_PERSON.match(sentence, match.end()) or
                                                  _LIST_BEFORE.search(sentence, max(0, match.start() - 40), match.start())):
            continue  # "one of the", "one-year-old": almost never a toll; "one person was killed" is one, but not
            # "four children and one man killed": a part of a toll told in parts
        # only the words next to the number are read: a copy of the sentence's rest for each number ("5 killed and "
        # * 15000 took 15 to 39 s at 200 KB), and _who reading every word of it, made the search quadratic
        before, after = sentence[max(0, match.start() - 24):match.start()], sentence[match.end():match.end() + 200]
        if _NOT_A_COUNT_BEFORE.search(before[-16:]) and not match.group("bound") or _NOT_A_COUNT_AFTER.match(after):
            if number[0].isdigit() or not _MONTH_BEFORE.search(before[-16:]):
                continue  # "October 4" is a day; "In early October four suicide bombers ..." counts bombers
        if _SEVERAL_BEFORE.search(before[-12:]) and number.lower() in ("hundred", "dozen"):
            continue  # "several hundred pro-government fighters" was read as exactly 100 (see _VAGUE for why no range)
        if re.match(r"^\d{4}$", number) and 1900 <= int(number) <= 2100:
            continue  # a year
        if re.match(r"^[:.]\d", after):  # a time (6:30) or a decimal that the pattern cut
            continue
        parsed = parse_number(number)
        if parsed is None:
            continue
        value, low, high = parsed
        bound = (_BOUNDS[match_key(match.group("bound"))] if match.group("bound") else
                 "vague" if number.lower() in _VAGUE else "exact")
        if bound != "vague":
            low, high = bounds(value, bound)
        part = _OF_THEM.match(after) if found else None
        if part:  # "killed 86, 30 of them children": the children of the count before, as "including" tells them
            found.append(Count(text=match.group(0).strip(), value=value, bound=bound, low=low, high=high,
                               outcome=found[-1].outcome, who=_WHO_WORD[match_key(part.group("who"))],
                               start=match.start(), end=match.end()))
            continue
        if _THING.match(after) or (bound != "vague" and re.match(r"\s+of\s+(?:the|them|whom|those)\b", after)):
            continue  # "two besieged towns" counts towns; "15 of the wounded" is a part of a count
        one = _ONE_PERSON.match(after) if number.lower() == "one" else None
        # a number just after it is another figure whose comma was lost ("risen to 86 30 of them children"): the
        # nouns after that one are its own
        who = _ONE[match_key(one.group("who"))] if one else None if re.match(r"[\s,]+\d", after) else _who(after)
        if who is None and not match.group("bound") and number.isdigit():
            name = _NAME_BEFORE.search(before[-24:])
            if name and name.group("name").lower() not in _NOT_A_NAME and \
                    not re.match(r"\s*(?:killed|dead|injured|wounded)\b", after, re.I):
                continue  # "Ziad 13 suffered a head injury": an age
        outcome = _outcome(sentence, match.start(), match.end(), who)
        if not outcome and who in (None, "people", "civilians", "children"):
            toll = _TOLL_AT.search(sentence, max(0, match.start() - TOLL_REACH), match.start())
            if toll and not _FORECAST.search(toll.group(0)):
                outcome = "killed"  # "placed the death toll from the air raids at 50", "the toll ... has risen to 86"
        if _MARTYRS.match(after):
            outcome = "killed"  # "6 Lebanese martyrs and 22 injured": the dead (not "the martyrs brigade ... 20 fighters")
        if _PART_OF.search(before[-24:]):
            if who is None:
                continue  # "17 killed, among them 13 police officers": a part of a toll, counting no one we know
            if found:
                outcome = found[-1].outcome  # "killed 58 people including 11 children": the children were killed too
        if who == "attackers":
            outcome = ""  # "three suicide bombers killed two people", "killing 40 attackers": a count of attackers
        if outcome is None or (not outcome and who not in ("fighters", "displaced", "attackers")):
            continue
        if who == "displaced" and not outcome:
            outcome = "displaced"
        found.append(Count(text=match.group(0).strip(), value=value, bound=bound, low=low, high=high,
                           outcome=outcome, who=who or "people", start=match.start(), end=match.end()))
    return tuple(found)


def _who(after: str) -> str | None:
    """The counted noun: the first of the next three words that names who is counted."""
    words = re.findall(r"[a-z]+", after.lower())
    if words[:1] == ["of"]:
        words = words[1:]  # "dozens of people"
    for n, word in enumerate(words[:3]):
        if word == "bombers" and words[n - 1:n] != ["suicide"]:
            return None  # "four Tu-22 bombers": aircraft
        if word in _WHO_WORD:
            return _WHO_WORD[word]
        if word in _OUTCOME_OF or word in ("mostly", "mainly", "many", "most") or word in ("of", "and", "were", "was", "have", "had", "are", "in", "on", "at", "including", "from"):
            break
    return None


# "and three were": another clause with a subject of its own; not a place joined to the one before ("from the towns
# of Fuaa and Kafraya were killed")
_ANOTHER_CLAUSE = re.compile(r"\band\s+(?:at least |more than |over |about )?(?![A-Z][a-z])\w+\s+(?:were|was)\b")


def _outcome(sentence: str, start: int, end: int, who: str | None) -> str | None:
    """The nearest casualty word around the number ('' when none but the count has a noun; None: not a count)."""
    best: tuple[float, float, re.Match[str]] | None = None  # distance, words that count toward the limit, cue
    # a cue is one that starts within REACH, read to its end: a window cut inside a word read "deadly" as "dead", and
    # "98 evacuees from the northern towns of Fuaa and Kafraya were killed" lost "killed" (it starts 59 characters on)
    for cue in _OUTCOME_CUE.finditer(sentence, max(0, start - REACH), min(len(sentence), end + REACH + _LONGEST_CUE)):
        if cue.start() > end + REACH or cue.end() < len(sentence) and (sentence[cue.end()].isalnum() or
                                                                       sentence[cue.end()] == "_"):
            continue
        if cue.end() <= start:
            if cue.group("cue").lower() in ("injured", "wounded", "dead", "killed", "displaced") and \
                    re.search(r"\bthe\s+$", sentence[max(0, cue.start() - 5):cue.start()]):
                continue  # "the injured": a noun, not what the number counts
            between = sentence[cue.end():start]
            if re.search(r"\b(?:and|while|but|whereas)\b", between):
                continue  # "two were killed and three others were injured": the three start a clause of their own
            distance = words = len(between.split())
        elif cue.start() >= end:
            # "At least 126 people including 68 children were killed": the part aside between the toll and its word
            # is the toll's own, not another clause (the 126 was lost, only the 68 read)
            between = _WHOLE_ASIDE.sub(" among ", _PART_ASIDE.sub(" ", sentence[end:cue.start()], count=1), count=1)
            if who is None and any(w not in _BETWEEN for w in re.findall(r"[a-z]+", between.lower())):
                continue  # "four medical staff killed": the number counts a noun of its own, not people
            distance = len(between.split()) + 0.5  # a word after counts a little less than one before
            # the counted noun is the count's own word, not one between: "98 evacuees from the northern towns of Fuaa
            # and Kafraya were killed" is nine words from its cue
            words = len(between.split()) - (1 if who else 0)
        else:
            continue
        if re.search(r"[;:]|\d", between) or _ANOTHER_CLAUSE.search(between):
            continue  # another clause or another number stands between
        if best is None or distance < best[0]:
            best = (distance, words, cue)
    if best is not None and best[1] <= (9 if who else 3):
        return _told_outcome(sentence, best[2])
    return "" if who is not None else None


def _told_outcome(sentence: str, cue: re.Match[str]) -> str:
    """The outcome of a casualty word, or KILLED_OR_WOUNDED when it is joined to the other one by "or" or "and"."""
    outcome = _OUTCOME_OF[match_key(cue.group("cue"))]
    if outcome not in ("killed", "wounded"):
        return outcome
    joined = _AND_OR.match(sentence, cue.end())
    after = _OUTCOME_CUE.match(sentence, joined.end()) if joined else None
    before = _CUE_AND_OR.search(sentence[max(0, cue.start() - 24):cue.start()])
    for other in (after, before):
        if other and {outcome, _OUTCOME_OF.get(match_key(other.group("cue")))} == {"killed", "wounded"}:
            return KILLED_OR_WOUNDED
    return outcome


def hedge(sentence: str) -> str | None:
    """The words that make a sentence a claim ('claimed', 'according to'), or None when told as fact."""
    match = _HEDGE.search(sentence)
    return match.group(0) if match else None


# Figures: every number a sentence gives, for telling whether two sentences give one figure (rank.counts_agree). A
# claim's figure is often no count (no casualty word near it): "more than 2000 people including rebel fighters were
# granted safe passage", "gassing hundreds of people"; and a report may tell it so ("about 2200 left Madaya").
# a number in digits, or a vague one (parse_number gives its range; "several hundred" only here, see _VAGUE)
_FIGURE = re.compile(r"(?<![\w.,:-])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w.,:-]?\d)(?![\w-])|"
                     r"\b(?:(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|several\s+hundred)\b",
                     re.I)
_SEVERAL = {"several hundred": (200, 999)}
# who a figure counts, beyond WHO's words: people a report names by what they were doing or are ("98 evacuees",
# "2000 Sunni residents", "dozens of pilgrims"), at most two words after the number
_PEOPLE_NOUNS = sorted({word for words in WHO.values() for word in words} | {
    "evacuees", "syrians", "passengers", "pilgrims", "worshippers", "families", "inhabitants", "prisoners",
    "detainees", "students", "patients", "workers", "staff", "nationals", "shiites", "sunnis"}, key=len, reverse=True)
_COUNTS_PEOPLE = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){0,2}?\s+(?:" + "|".join(_PEOPLE_NOUNS) + r")\b", re.I)


@dataclass(frozen=True)
class Figure:
    """A number a sentence gives: what it counts and its range when `counts` reads it, else only the number written
    ("98", "2,000", "hundreds") and whether a noun of people follows it."""

    value: int  # as written ("hundreds": 200)
    vague: bool  # "dozens", "hundreds": a range, not a number
    start: int  # character offsets in the sentence
    end: int
    count: Count | None = None
    people: bool = True  # a count, or a number of people ("2000 Sunni residents"); False: "about 2200 left"


@lru_cache(maxsize=16384)  # a statement is compared with many sentences
def figures(sentence: str) -> tuple[Figure, ...]:
    """The numbers a sentence gives: its counts first, then every other number in digits that is no date ("in
    2015", "April 15"), and every vague one that counts people ("hundreds of people", not "dozens of buses")."""
    told = counts(sentence)
    found = [Figure(count.value, count.bound == "vague", count.start, count.end, count) for count in told]
    read = [(count.start, count.end) for count in told] + [(m.start, m.end) for m in dated(sentence, None)]
    for match in _FIGURE.finditer(sentence):
        if any(start <= match.start() < end for start, end in read):
            continue
        words = " ".join(match.group().replace(",", "").lower().split())
        parsed = (_SEVERAL[words][0], *_SEVERAL[words]) if words in _SEVERAL else parse_number(words)
        if parsed is None:
            continue
        value, _low, high = parsed
        vague, people = high != value, bool(_COUNTS_PEOPLE.match(sentence, match.end()))
        if not vague or people:
            found.append(Figure(value, vague, match.start(), match.end(), people=people))
    return tuple(found)


# a toll a report tells only as the one its figure replaced: "updating a previous toll of 112 dead", "up from 112"
_REPLACED = re.compile(r"\b(?:(?:previous|earlier|initial|prior|former|old)\s+(?:death\s+)?(?:toll|tally|figure|count)"
                       r"(?:\s+(?:of|was|at|had\s+been|stood\s+at))?|up\s+from|revised\s+from|raised\s+from)\s+"
                       r"(?:(?:at\s+least|more\s+than|about|some|nearly)\s+)?$", re.I)


def told_now(text: str, start: int) -> bool:
    """Whether the number at `start` is a figure the sentence tells as it stands, not the toll it says its figure
    replaced ("... the 126 people killed ... updating a previous toll of 112": 112 is no figure of that report's
    now). Same-fact citations (rank.counts_agree) and the differences' accounts read it alike."""
    return not _REPLACED.search(text, max(0, start - 40), start)

