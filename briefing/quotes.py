"""Direct quotes, their cue verbs and their speakers; the Key quotes of a brief.

Quotes are found per paragraph, in straight and curly quotation marks. A speaker is the noun
phrase next to a cue verb, appositive included:
    “...,” Staff Major General Noman Abed Al Zobai, the commander of the army's 7th Division, said.
    "...," state television said, citing sources on the ground.          (the speaker after the quote)
    "...," said John Smith, a ministry spokesman.                         (inverted)
    The state news agency SANA also reported that the city had been "fully liberated".  (before)
A quote split around its attribution (“We will,” he said, “and soon.”) is one quote. A pronoun
speaker stands for the nearest name before the quote in its paragraph, else for the last speaker
of the paragraph before (news puts "another officer said" one paragraph above "he said").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .dates import DATE_WORD, WEEKDAY
from .model import Citation, Document, Quote, Sentence
from .press import AGENCY_PATTERN
from .names import extract_names, fold, match_key

KEY_QUOTES = 4
# fewer quoted words ("eliminated", "other terrorist groups", "calls into question") are a scare quote or a
# phrase inside the reporter's own sentence, not something said: a key quote only when nothing longer is quoted
# (nor is a longer one the reporter's sentence goes on after: FoundQuote.within)
MIN_KEY_WORDS = 5
# a quote the reporter's own words lead into ('... said one of the groups members blew himself up "inside a bus at
# the market"') is a phrase of the reporter's sentence when shorter than this; a longer one holds a clause of the
# speaker's own ('the attack was a form of "support for the armed terrorist groups and it is an attempt to ..."')
MIN_LED_WORDS = 12
MAX_SPEAKER_WORDS = 22
MAX_NAME_WORDS = 8  # a pronoun stands for a name of at most this many words
# the cues before a quote tried for its speaker, nearest first: a sentence has a few ('said "a " said "a " ...' tried
# a hundred for each of its quotes, each reading up to a thousand characters)
MAX_CUES_READ = 6

_CUES = (r"said|says|say|told|tells|added|adds|stated|states|announced|announces|declared|reported|reports|"
         r"wrote|writes|tweeted|posted|insisted|warned|claimed|explained|noted|asked|replied|urged|confirmed|"
         r"denied|acknowledged|stressed|vowed|pledged|recalled|quoted|cited")
_AUX = r"(?:(?:has|have|had|also|later|earlier|then|further|separately|again|would|had\s+earlier)\s+)*"
_WHEN = rf"(?:\s+(?:on|late\s+on|early\s+on|in)\s+(?:{WEEKDAY}|a\s+statement)" \
        r"(?:\s+(?:morning|afternoon|evening|night))?)?"
# cues that say more than "said": shown with what they introduce (see _with_stance)
_STANCE_CUES = {"denied", "claimed", "warned", "insisted", "urged", "vowed", "pledged", "acknowledged", "confirmed",
                "asked", "replied", "stressed", "declared", "announced", "announces", "recalled", "quoted", "cited"}
_CUE_ADVERBS = {"also", "later", "earlier", "then", "further", "separately", "again"}
_PRONOUNS = {"he", "she", "they", "it", "we"}
_PERSONAL_PRONOUNS = {"he", "she"}
# "he" or "she" stands for a person: never for a name ending in one of these ("Municipal Palace", "Red Crescent")
_NOT_A_PERSON = frozenset("""palace council ministry ministries square street road city town village province
    governorate district region hospital agency army forces front state states observatory organisation organization
    committee commission university mosque church airport base camp prison bridge crossing border news tv television
    radio channel office command government coalition union nations crescent cross party brigade brigades group
    movement authority authorities department police court assembly parliament embassy company corporation agencies
    institute centre center program programme fund bank network press times post daily gazette""".split())
# who was told, between "told" and what was said: "told AFP the campaign was ...", "told reporters on Friday that"
_NAME_RUN = r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|al-)?[A-Z][\w’'.-]*)*"
_DAY_TOLD = rf"(?:\s+(?:on\s+)?{WEEKDAY})?"
# who was told, between "told" and what was said: "told AFP the campaign was ...", "told reporters on Friday that",
# "told The Times Aleppo was ...". A known outlet is taken whole; any other run of names only when "that", ","
# or ":" follows it, and a single capitalised word when a lower-case one does ("told Putin the talks ..."):
# "told Reuters Turkey would" must keep Turkey, the subject of what was said
_TOLD_WHOM = re.compile(
    rf"(?:(?:the\s+)?(?:{AGENCY_PATTERN})"
    rf"|(?:(?:the|a|an)\s+)?(?:them|him|her|us|me|reporters|journalists|the\s+press|(?:(?:state|official)\s+)?"
    rf"(?:news\s+)?(?:agency|newspaper|media|television|TV|radio)(?:\s+(?:{AGENCY_PATTERN}))?)"
    rf"|(?:the\s+)?{_NAME_RUN}(?={_WHEN}{_DAY_TOLD}(?:\s+that\b|\s*[,:]|\s+(?:the|a|an|its|it|he|she|they|his|"
    rf"her|their|there|this|these|those)\s))"
    rf"|[A-Z][\w’'.-]*(?=\s+[a-z]))"
    rf"{_WHEN}{_DAY_TOLD}(?:\s+that|\s*[,:])?\s+")
# after a quote: ," SPEAKER [also] CUE   or   ," CUE SPEAKER
_SPEAKER_THEN_CUE = re.compile(rf"^\s*[,–—-]?\s*(?P<speaker>[^“”\"]{{1,250}}?),?\s+(?P<cue>{_AUX}(?:{_CUES}))\b"
                               rf"(?=\s*$|\s*[,.;:]|{_WHEN}|\s+(?:that|in|on|at|to|after|citing|adding|according|"
                               r"during|by|from|late|early|afterwards|later|earlier|before|when|while|as)\b)")
_CUE_THEN_SPEAKER = re.compile(rf"^\s*[,–—-]?\s*(?P<cue>{_CUES})\s+(?P<speaker>[^“”\"]{{1,250}}?)\s*(?:[.;]\s*$|$|"
                               r",\s+(?:who|adding|citing|according|referring|in|speaking|when|as)\b|"
                               r"\s+(?:adding|citing)\s+(?:that\b)?)")  # the comma lost: "… said X adding that …"
_ACCORDING = re.compile(r"^\s*,?\s*(?P<cue>according\s+to)\s+(?P<speaker>[^“”\"]{1,250}?)\s*(?:[.;]\s*$|$|,)")
# before a quote, in its sentence: SPEAKER [also] CUE [on Friday] [that|,|:]
_CUE_BEFORE = re.compile(rf"(?P<cue>{_AUX}(?:{_CUES})){_WHEN}(?:\s+that|\s*[,:])?\s+")
_CUE_WORD = re.compile(rf"\s(?:{_CUES})\b")
_LEADING_ADVERBIAL = re.compile(r"^(?:(?:On|In|At|Meanwhile|Later|Earlier|Shortly afterwards|However|Also|But|And|"
                                r"Separately|Elsewhere|Across [^,]+|On \w+|In [^,]+|After [^,]+)\b[^,]*,\s+)+")
_NAME = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'.-]*|al-|Al-)(?:\s+(?:(?:of|the|al|bin|ibn|de|and)\s+)*(?:[A-Z][\w’'.-]*))*")
_PREPOSITIONS = {"in", "from", "of", "to", "at", "near", "towards", "toward", "into", "on", "across", "by", "with",
                 "against", "for", "over", "under", "inside", "outside", "around", "about", "after", "during",
                 "following", "regarding"}
_ABBREVIATIONS = {"gen", "maj", "col", "lt", "sgt", "dr", "mr", "mrs", "ms", "st", "sen", "rep", "gov", "capt",
                  "brig", "jr", "sr", "u.s", "u.n", "u.k", "no", "vs", "prof", "adm", "cpl", "pvt", "rev"}
_SENTENCE_START_WORDS = {"the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "in", "on", "at", "but",
                         "and", "meanwhile", "shortly", "after", "before", "across", "troops", "large", "some"}


@dataclass(frozen=True)
class FoundQuote:
    """One quote in a paragraph, offsets relative to the paragraph's text."""

    start: int  # the opening mark of the (first part of the) quote
    end: int  # past the closing mark of the (last part of the) quote
    text: str  # the quoted words
    shown: str  # the quote with the words of its sentence it continues
    speaker: str
    speaker_start: int  # -1 when resolved from another paragraph
    cue: str
    pronoun: str | None = None
    within: bool = False  # the reporter's sentence goes on after it: a phrase of that sentence, not a thing said


MAX_QUOTE_CHARS = 2000  # between a pair of marks: more is two quotes' marks that lost their partners
_MARK = re.compile(r"[“”\"]")
_OPENS_AFTER = "([—–-:"  # a straight mark after a space or one of these, and before a word, opens
_CLOSES_BEFORE = ".,;:!?)]—–-"  # after a word, and before a space or one of these, it closes
_ENDS_SENTENCE = re.compile(r"[.!?…]\s+$")
_SENTENCE_END = re.compile(r"[.!?…][”\"’)]?\s")


@dataclass(frozen=True)
class _Quoted:
    """A pair of quotation marks in a paragraph: the opening one at `start`, the closing one before `end`."""

    start: int
    end: int
    body: str  # the words between


def _direction(paragraph: str, at: int) -> str:
    """"open", "close" or "" (either) for the quotation mark at `at`. A curly mark says which it is; a straight
    one is read from its neighbours, and one glued to words on both sides or spaced on both may be either."""
    mark = paragraph[at]
    if mark != '"':
        return "open" if mark == "“" else "close"
    before = paragraph[at - 1] if at else " "
    after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
    if (before.isspace() or before in _OPENS_AFTER) and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE):
        return "close"
    return ""


def _paired_quotes(paragraph: str) -> list[_Quoted]:
    """The paragraph's quotes, each an opening mark and the closing mark that answers it; one may hold inner
    quotes in the same marks ("... and confirmed "on the ground" influential ..." Konashenkov said). Marks that
    cannot be paired so give no quote rather than a guess: taking the marks two by two in turn, one closing
    mark lost in a report credited the Homs governor with Donald Trump's words and Trump with the governor's."""
    quotes: list[_Quoted] = []
    opened = -1  # the opening mark of the quote being read; -1 between quotes
    inner: list[int] = []  # the marks of the quotes within it
    previous = 0  # past the mark before
    ended = False  # whether a sentence ended since the last quote closed
    for match in _MARK.finditer(paragraph):
        at = match.start()
        ended = ended or bool(_SENTENCE_END.search(paragraph, previous, at))
        previous = at + 1
        # a mark that may be either is taken as the one that pairs: 'referring to Kobane."But they ...' opens
        direction = _direction(paragraph, at) or ("close" if opened >= 0 else "open")
        inner_open = len(inner) % 2 == 1
        if direction == "open" and (opened < 0 or (not inner_open and _ENDS_SENTENCE.search(
                paragraph, max(opened + 1, at - 8), at))):
            # an opening mark after a sentence's end in a quote: the quote went on into a new paragraph, which
            # opens it again without closing it, and a flattened text ran the paragraphs together ("... will not
            # change. "This targeting ..."), or a closing mark was lost: either way where the first part ends
            # and who said it are unknown, so it is dropped
            opened, inner = at, []
        elif opened >= 0 and (direction == "close") == inner_open:
            inner.append(at)  # an inner quote opens within a sentence of the quote, or closes
        elif direction == "close" and opened >= 0:
            if at - opened - 1 <= MAX_QUOTE_CHARS and paragraph[opened + 1:at].strip():
                quotes.append(_Quoted(start=opened, end=at + 1, body=_body(paragraph, opened, at, inner)))
            opened, ended = -1, False
        else:  # a quote within an inner quote, or a closing mark outside a quote
            if direction == "close" and quotes and not ended:
                quotes.pop()  # it may close the quote before it, in its sentence: which of the two does is unknown
            opened = -1
    return quotes


def _body(paragraph: str, opened: int, closed: int, inner: Sequence[int]) -> str:
    """The words between two marks, the marks of inner quotes made single (‘on the ground’)."""
    parts, start = [], opened + 1
    for k, at in enumerate(inner):
        parts += [paragraph[start:at], "’" if k % 2 else "‘"]
        start = at + 1
    return "".join(parts) + paragraph[start:closed]


def find_quotes(paragraph: str, previous_speaker: str | None = None) -> list[FoundQuote]:
    """The attributed quotes of one paragraph (unattributed ones are left out)."""
    return list(_find_quotes(paragraph, previous_speaker))


@lru_cache(maxsize=65536)  # each paragraph is read twice (its quotes, its last speaker); wire copies repeat it
def _find_quotes(paragraph: str, previous_speaker: str | None) -> tuple[FoundQuote, ...]:
    marks = _paired_quotes(paragraph)
    if not marks:
        return ()  # most paragraphs: nothing to bound
    found: list[FoundQuote] = []
    consumed: set[int] = set()
    bounds = _Bounds(paragraph, marks)  # sentence starts and ends, found once: a paragraph of many quotes stays linear
    for i, mark in enumerate(marks):
        if i in consumed:
            continue
        body = mark.body.strip()
        # a sentence is read at most READ_WINDOW characters either side of its quote
        sentence_start = max(bounds.start_before(mark.start), mark.start - READ_WINDOW)
        sentence_end = min(bounds.end_after(mark.end), mark.end + READ_WINDOW)
        after = paragraph[mark.end:sentence_end]
        attributed = _after_quote(after, body, opens_sentence=not paragraph[sentence_start:mark.start].strip())
        if attributed is not None:
            speaker, offset, cue, attribution_end = attributed
            speaker_start = mark.end + offset
            text, end = _clean_body(body), mark.end
            follow = marks[i + 1] if i + 1 < len(marks) else None
            gap = paragraph[mark.end + attribution_end:follow.start] if follow else ""
            if follow and re.fullmatch(r"[\s,.;:]*", gap):  # “A,” he said, “B.” is one quote
                second = _clean_body(follow.body.strip())
                # “A,” he said. “B.”: B opens a sentence of its own, so A ends one
                stop = "." if second[:1].isupper() and not re.search(r"[.!?…]$", text) else ""
                text = f"{text}{stop} {second}"
                end = follow.end
                consumed.add(i + 1)
            lead = paragraph[sentence_start:mark.start].strip()
            shown = _shown("" if _headline_like(lead) else lead, text, "")
            within = False
        else:
            if not bounds.cue_between(sentence_start, mark.start):
                continue  # no cue to read: '"a " "a " ...' read a thousand characters before each of its quotes
            before = paragraph[sentence_start:mark.start]
            attributed = _before_quote(before)
            if attributed is None:
                continue
            speaker, offset, cue, cue_start, lead_start = attributed
            speaker_start = sentence_start + offset
            text, end = _clean_body(body), mark.end
            tail = paragraph[mark.end:sentence_end].rstrip()
            shown = _shown(_with_stance(before, cue_start, lead_start, cue), text, tail)
            # a phrase of the reporter's sentence: its own words lead into it with no verb of speech right before
            # ('... said one of the groups members blew himself up "inside a bus at the market"'), or the sentence
            # goes on after it with more than a time, a place or a clause of its own ('said that "we probably had a
            # role" in high casualties'); a quote right after a verb of speech or a colon is something said whatever
            # time or place follows ('said "we will fight terrorism ..." on Tuesday', 'told reporters: "..." in
            # Damascus', 'said "...", adding that ...')
            if _reporters_lead(before[lead_start:]):
                within = bool(re.search(r"\w", tail)) or len(text.split()) < MIN_LED_WORDS \
                    or _continues_a_clause(text)
            else:
                within = bool(re.search(r"\w", tail)) and not _SAID_TAIL.match(tail)
        pronoun = None
        if speaker.lower() in _PRONOUNS:
            pronoun = speaker
            personal = speaker.lower() in _PERSONAL_PRONOUNS
            # a name before the pronoun itself: not "Al Jazeera" of "She told Al Jazeera the town was ..."
            name = _nearest_name(paragraph, min(mark.start, speaker_start), found, personal, bounds)
            if name is None and previous_speaker and not (personal and not _may_be_person(previous_speaker)):
                name = previous_speaker
            if name:
                speaker, speaker_start = name, -1
        elif _KIND_OF_GROUP.fullmatch(speaker):
            speaker = _group_named_before(paragraph, min(mark.start, speaker_start), speaker, bounds) or speaker
        found.append(FoundQuote(start=mark.start, end=end, text=text, shown=shown, speaker=speaker,
                                speaker_start=speaker_start, cue=cue, pronoun=pronoun, within=within))
    return tuple(found)


# what may stand between a cue and the quote it introduces: nothing, a colon, or a verb of speech of its own
# ('..., saying "..."', 'adding: "..."', 'in a statement on Twitter: "..."')
_SPEECH_LEAD = re.compile(r"(?:.*[:：]|(?:.*\W)?(?:saying|adding|stating|writing|declaring|warning|noting|telling\s+\S+"
                          r"(?:\s+\S+)?)(?:\s+that)?\s*[,:]?)\s*", re.S)


# what may follow a quote a verb of speech introduced, its sentence going on: a stop, a comma or a dash before a clause
# of its own (", adding that ..."), when it was said ("on Tuesday", "late on Monday", "earlier", "after the meeting"),
# where ("in Damascus", "at the UN") or how ("in a statement", "at a news conference", "to reporters")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SAID_TAIL = re.compile(
    rf"\s*(?:[,;:.!?(\[—–-]|(?:(?:late|early)\s+)?(?:on\s+)?(?:{WEEKDAY}|{_MONTH})\b"
    r"|(?:this|last)\s+(?:week|month|year|morning|afternoon|evening|night|weekend)\b"
    r"|(?:yesterday|today|tonight|overnight|earlier|later|afterwards|adding|citing|according|referring|speaking|"
    r"before|after|when|while|during)\b"
    r"|(?:in|at|from|to|on|via|through)\s+(?:(?:the\s+)?[A-Z]|reporters\b|journalists\b|(?:a|an|the|his|her|its|their)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:statement|interview|speech|address|conference|briefing|message|video|post|tweet|"
    r"broadcast|communiqu[eé]|meeting|session|rally|visit)s?\b))")


def _reporters_lead(lead: str) -> bool:
    """Whether the words between a quote's cue and the quote are the reporter's own, leading into it with no
    verb of speech right before it: the quote is then a phrase of the reporter's sentence."""
    lead = lead.strip()
    return bool(re.search(r"\w", lead)) and not _SPEECH_LEAD.fullmatch(lead[-READ_WINDOW:])


# the words a quote opens with when it only goes on with the reporter's clause: 'the use of chemical weapons "by anyone
# under any circumstances" is seen "as reprehensible and wholly contrary to the legal norms ..."' (audit 8, aleppo16aug)
# holds no clause of the speaker's, however long; 'the attack was a form of "support for the armed terrorist groups and
# it is an attempt to ..."' opens with a noun, and may
_CLAUSE_GOES_ON = _PREPOSITIONS | {"as", "than", "like", "and", "or", "nor", "but", "that", "which", "whose", "whom",
                                   "because", "if", "whether", "so"}


def _continues_a_clause(text: str) -> bool:
    """Whether a quote the reporter's words lead into opens with a word that only goes on with their clause."""
    first = re.match(r"[\w’'-]+", text)
    return bool(first) and first.group() in _CLAUSE_GOES_ON


def _headline_like(words: str) -> bool:
    """A run of capitalised words ("Sputnik Hikmet Durgun US-Led Coalition Confirms Syrias Raqqa Completely
    Liberated From Daesh"): a photo credit and a related headline that a saved page glued in front of the
    quote, with no full stop between them, not words of the quote's sentence."""
    tokens = re.findall(r"[^\W\d_][\w’'-]*", words)
    return len(tokens) >= 5 and sum(t[0].isupper() for t in tokens) >= 0.8 * len(tokens)


def _clean_body(body: str) -> str:
    return body.rstrip(",").strip()


def _with_stance(before: str, cue_start: int, lead_start: int, cue: str) -> str:
    """The reporter's words between the cue and the quote; with the cue when it takes a stance: the source
    "denied that its forces used any such weapons" must not be shown as "its forces used any such weapons"."""
    lead = before[lead_start:].strip()
    if cue.split()[-1].lower() not in _STANCE_CUES:
        return lead
    return f"{before[cue_start:lead_start].strip()} {lead}".strip()


def _shown(lead: str, text: str, tail: str) -> str:
    """“quote”, or the sentence's own words around a quoted fragment (their own straight quotes made
    curly like the fragment's: 'the army "does not and has not" used chemical weapons “not in the past”')."""
    lead = _curly(lead.rstrip(" ,"))
    tail = _curly(tail.strip().rstrip(" ,."), close_last=True)
    quoted = f"“{text}”"
    if tail and not tail.startswith((".", ",", ";")):
        quoted = f"{quoted} {tail}"
    return f"{lead} {quoted}".strip() if lead else quoted


def _curly(words: str, close_last: bool = False) -> str:
    """Straight double quotes made curly by where they stand: one after a space (or at the start) and
    before a word opens, any other closes. With `close_last` (the words after a fragment), a quote left
    open (the sentence's end cut its closing mark off) is closed."""
    words = re.sub(r'(^|[\s(\[])"(?=[^\s"])', "\\1“", words).replace('"', "”")
    if close_last and words.rfind("“") > words.rfind("”"):
        words += "”"
    return words


def _after_quote(after: str, body: str, opens_sentence: bool = False) -> tuple[str, int, str, int] | None:
    """(speaker, its offset in `after`, cue, where the attribution ends) for a quote followed by one."""
    marked = bool(body.endswith((",", "?", "!", "…")) or re.match(r"\s*[,–—]", after)
                  or re.match(rf"\s+(?:{_CUES})\s+[A-Z]", after))  # “…” said Mounzer Khalil (the comma lost)
    # a quote that opens its sentence is what someone said, if anything: its comma may be lost too, as in every
    # FA-KES report ('"The strike was requested by the partnered forces ..." the US Central Command said');
    # within the reporter's sentence a quote with no comma is a phrase of it ('the "Free Syrian Army" commander
    # said that ...')
    if not (marked or opens_sentence):
        return None
    for pattern in (_SPEAKER_THEN_CUE, _CUE_THEN_SPEAKER, _ACCORDING):
        match = pattern.match(after)
        if match and _is_speaker(match.group("speaker")) \
                and (marked or _BARE_SPEAKER.fullmatch(match.group("speaker"))):
            speaker, at = match.group("speaker"), match.start("speaker")
            if not marked and _holds_a_clause(speaker):
                continue
            said = re.match(rf"(?:{_CUES})\s+(?=\S)", speaker)
            if said:  # '"...," said Ibrahim Abu Laith, a spokesman, told AFP': two cues, the first no speaker's
                speaker, at = speaker[said.end():], at + said.end()
            return _trim_speaker(speaker), at, _cue(match.group("cue")), match.end()
    return None


# the speaker after a quote whose comma was lost: a name's words, no clause of the reporter's
# ('"Moderate" rebels attacked the town, the ministry said'), and no pronoun, whose name a text without commas
# leaves unclear ('"..." he added' after a quote of Rami Abdel Rahman and a sentence naming Nusra Front); a surname may
# open with its particle ('"This horrific attack ..." de Mistura told reporters', audit 8)
_NAME_PARTICLES = {"de", "al", "el", "bin", "ibn", "van", "von", "da", "di", "du", "la", "le"}
_BARE_SPEAKER = re.compile(rf"\s*(?:[A-Z]|(?:the|a|an)\s|(?:{'|'.join(_NAME_PARTICLES)})[\s-][A-Z])[^,;:]{{0,150}}")


# a verb in the past of the reporter's own clause, by its object after it ("attacked the town", "shelled rebel
# positions", "struck Idlib"); a participle before its noun ("an armed group", "a displaced resident") or before
# a preposition ("a man wounded in the attack") is none, nor one that names ("a witness named Ahmad") or one of a
# compound that lost its hyphen ("the Aleppo based Fastaqim group", "Iranian backed Hezbollah", "rebel held Idlib")
_CLAUSE_VERB = re.compile(r"(?<![\w’'-])(?!(?:named|called|dubbed|nicknamed|titled|entitled|based|backed|led|linked|funded|"
                          r"supported|allied|affiliated|aligned|controlled|held|owned|run|sponsored|trained|armed|"
                          r"operated|dominated|organi[sz]ed)\b)"
                          r"(?:[a-z]{2,}ed|hit|struck|fled|fought|took|shot|left|began|drove|threw|won|lost|"
                          r"made|came|went|fell|broke|blew|ran|sent|brought|kept|met|saw|gave|got|put|set|cut)"
                          r"(?=\s+(?:the|a|an|its|their|his|her|this|that|these|those|some|several|many|rebel|"
                          r"government|regime|army|\d|[A-Z]))")


def _holds_a_clause(speaker: str) -> bool:
    """Whether the words between a quote whose comma was lost and its cue hold a clause of the reporter's that lost
    its full stop ('"We will win this war" The rebels attacked the town the ministry said'): the cue then attributes
    that clause, and the quote before it is no one's. A relative clause says more of the speaker ("a woman who lost
    her son")."""
    return any(not re.search(r"\b(?:who|that|which|whose)\s", speaker[:m.start()])
               for m in _CLAUSE_VERB.finditer(speaker))


def _before_quote(before: str) -> tuple[str, int, str, int, int] | None:
    """(speaker, its offset in `before`, cue, where the cue starts, where the quoted words' lead-in starts)
    for 'X said "..."'."""
    cues = list(_CUE_BEFORE.finditer(before))
    for cue in reversed(cues[-MAX_CUES_READ:]):
        subject = _subject_of(before[:cue.start()])
        if subject is None:
            continue
        speaker, offset = subject
        lead_start = cue.end()
        if cue.group("cue").split()[-1].lower() in ("told", "tells"):
            whom = _TOLD_WHOM.match(before, lead_start)  # the one told is no word of what was said
            if whom:
                lead_start = whom.end()
        return _trim_speaker(speaker), offset, _cue(cue.group("cue")), cue.start(), lead_start
    return _saying_before_quote(before)


# "saying" after a verb of the speaker's that is no cue: 'UN aid chief Stephen OBrien condemned the bombing saying in
# a statement "The perpetrators of such a monstrous and cowardly attack ..."' (audit 8, busbomb17)
_SAYING = re.compile(rf"\s(?P<cue>saying){_WHEN}(?:\s+that|\s*[,:])?\s+")


def _saying_before_quote(before: str) -> tuple[str, int, str, int, int] | None:
    """(speaker, its offset, cue, where the cue starts, where the lead-in starts) for 'X condemned it saying "..."':
    the speaker is the subject of the verb "saying" goes with, the words before that verb."""
    saying = next((m for m in _SAYING.finditer(before) if m.end() == len(before)), None)
    if saying is None:
        return None
    clause = before[:saying.start()]
    verb = _CLAUSE_VERB.search(clause)
    subject = _subject_of(clause[:verb.start()]) if verb else None
    if subject is None:
        return None
    return _trim_speaker(subject[0]), subject[1], saying.group("cue"), saying.start("cue"), saying.end()


def _subject_of(clause: str) -> tuple[str, int] | None:
    """(the subject, its offset) of the words before a verb: the speaker before a cue, with its appositive."""
    start = max(clause.rfind(", ") + 2 if clause.rfind(", ") >= 0 else 0, 0)
    # an appositive ("John Smith, the mayor, said") keeps its name: go back past one comma pair
    if start and clause[:start].rstrip(", ").count(",") == 0 and clause[:start - 2].strip() \
            and not _LEADING_ADVERBIAL.match(clause):
        start = 0
    adverbial = _LEADING_ADVERBIAL.match(clause[start:])
    if adverbial:
        start += adverbial.end()
    speaker = clause[start:].strip()
    if speaker and "," not in speaker:  # "In a statement issued afternoon the Ministry of Awqaf": its comma lost
        subject = _subject_after_opener(speaker)
        if subject is None:
            return None  # "Following Wednesdays reports the Observatory ...": "reports" is no cue here
        start += (len(clause[start:]) - len(clause[start:].lstrip())) + subject
        speaker = speaker[subject:]
    if speaker.endswith((" and", " but")):
        # "A doctor receiving the casualties confirmed the death toll and said ...": the speaker is the subject
        # of the verbs, before the first of them
        first = _CUE_WORD.search(speaker)
        speaker = speaker[:first.start()].rstrip() if first else speaker
    if not (speaker and _is_speaker(speaker)):
        return None
    return speaker, start + (len(clause[start:]) - len(clause[start:].lstrip()))


_OPENING_ADVERBS = {"meanwhile", "later", "earlier", "separately", "also", "however", "moreover", "elsewhere", "then"}
_OPENING_PREPOSITIONS = {"in", "on", "at", "following", "after", "before", "despite", "amid", "during", "since", "with",
                         "as", "when", "while", "under", "from", "by", "for", "of", "speaking", "writing"}
# words that open the subject after an opening phrase: "In a statement the military", "Of the Daesh executioners
# one resident of the town"
_SUBJECT_OPENERS = {"the", "a", "an", "one", "another", "some", "several"}
# words after which a capitalised word still belongs to the opening phrase ("in northern Syria", "on CNN's website")
_OBJECT_LEADS = _PREPOSITIONS | {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                                 "the", "a", "an", "its", "his", "her", "their"}
_MEDIA_NOUNS = {"TV", "television", "radio", "agency", "newspaper", "channel", "website", "Press"}


def _subject_after_opener(speaker: str) -> int | None:
    """Where the subject starts in a speaker that opens with an adverbial whose comma a flattened text lost
    ("On Tuesday Russian defence ministry spokesman Igor Konashenkov", "In a statement the military",
    "Meanwhile Amnesty International"): 0 if it opens with none; None if no subject follows it ("Following
    Wednesdays")."""
    first = re.match(r"\s*(\S+)(?:\s+(\S))?", speaker)  # the rest only when it opens with an opener
    if first.group(1).lower() in _OPENING_ADVERBS:
        return first.start(2) if first.group(2) else None
    if first.group(1).lower() not in _OPENING_PREPOSITIONS or not first.group(2):
        return 0
    words = list(re.finditer(r"\S+", speaker))
    if words[-1].group().lower() in _PRONOUNS:
        return words[-1].start()  # "Speaking in Moscow after meeting the Syrian and Iranian foreign ministers he"
    previous = words[0].group()
    for i, word in enumerate(words[1:], start=1):
        text = word.group()
        lower = text.lower()
        if i > 1 and lower in _SUBJECT_OPENERS and previous.lower() not in _PREPOSITIONS:
            return word.start()  # "In a statement the military" (not "about the incident")
        if text[:1].isupper() and not DATE_WORD.match(text) and text not in _MEDIA_NOUNS and (
                DATE_WORD.match(previous) or previous in _MEDIA_NOUNS
                or (previous[:1].islower() and previous.lower() not in _OBJECT_LEADS)):
            return word.start()  # "On Tuesday Russian ...", "In a video statement Ahrar al-Sham", "state TV Barazi"
        previous = text
    return None


def _is_speaker(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    if text.strip().lower() in _PRONOUNS:
        return True
    if re.search(r"[.!?]\s+[A-Z]", text) and not _only_abbreviations(text):
        return False
    # a clause with its own verb ("engineering units are now combing") is not a speaker
    if re.search(r"\b(?:is|are|was|were|be|been|will|would|had|have|has)\b", text.split(",")[0]):
        return False
    return True


def _only_abbreviations(text: str) -> bool:
    return all(m.group(1).lower() in _ABBREVIATIONS or len(m.group(1)) == 1
               for m in re.finditer(r"([\w.]+)\.(?=\s+[A-Z])", text))


def _cue(words: str) -> str:
    """The cue verb with its auxiliary ("has said"), without adverbs ("also reported" -> "reported")."""
    kept = [w for w in words.split() if w.lower() not in _CUE_ADVERBS]
    return " ".join(kept)


def _trim_speaker(text: str) -> str:
    """The speaker as written, without a relative clause that only says more about them ("Mohamad Sabra the
    head negotiator for the HNC that participated in recent peace talks in Geneva")."""
    text = re.sub(r"\s+", " ", text.strip().rstrip(","))
    clause = re.search(r",?\s+(?:that|who|which|whose)\s", text)
    if clause and len(text[:clause.start()].split()) >= 2:
        text = text[:clause.start()]
    when = _SPEAKER_WHEN.search(text)  # "The UN's aid chief Stephen O'Brien this week": when, not who
    if when and len(text[:when.start()].split()) >= 1:
        text = text[:when.start()]
    return text


_SPEAKER_WHEN = re.compile(r",?\s+(?:(?:this|last|earlier this|later this|next)\s+(?:week|month|year|morning|evening|"
                           rf"weekend)|(?:on\s+)?{WEEKDAY}|yesterday|"
                           r"today|tonight|earlier|later|again)$", re.I)


READ_WINDOW = 1000  # characters of a quote's sentence read either side of it (a run-on "sentence" can be a page)
NAME_WINDOW = 1500  # characters before a pronoun searched for the name it stands for
# a sentence's end mark, then (for a start) the space before the next; the word before the mark is read
# backwards (_abbreviation): a leading "([\w.]+)?" tried at every character cost more than the rest of quotes
_ANY_CUE = re.compile(_CUES)
_STARTS = re.compile(r"[.!?][”\"’]?\s+(?=[“\"A-Z])")
_ENDS = re.compile(r"[.!?](?=[”\"’]?(?:\s+[“\"A-Z]|\s*$))")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_STOP_QUOTE = re.compile(r"\.[”\"’]")
_NEXT_SENTENCE = re.compile(r"\s+[“\"A-Z]|\s*$")


class _Bounds:
    """A paragraph's sentence starts and ends and its quotes' spans, each found in one pass."""

    def __init__(self, paragraph: str, marks: Sequence[_Quoted]) -> None:
        self.paragraph = paragraph
        # over the whole paragraph, so that the look-ahead sees the quote mark at a position itself (a
        # slice ending there hid it, and a quote opening a sentence took the previous one as its lead)
        # only around the quotes: a sentence is read at most READ_WINDOW characters either side of one
        low = max(0, min((m.start for m in marks), default=0) - READ_WINDOW - 100)
        high = len(paragraph) if not marks else min(len(paragraph), max(m.end for m in marks) + READ_WINDOW + 100)
        self.starts = [0] + [m.end() for m in _STARTS.finditer(paragraph, low, high)
                             if not _abbreviation(paragraph, m.start())]
        self.ends = [(_word_start(paragraph, m.start()), m.end()) for m in _ENDS.finditer(paragraph, low, high)
                     if not _abbreviation(paragraph, m.start())]
        self.end_starts = [start for start, _ in self.ends]
        self.quotes = [(m.start, m.end) for m in marks]
        self.cues = [m.start() for m in _ANY_CUE.finditer(paragraph, low, high)]  # where _CUE_BEFORE may find one
        self.quote_starts = [start for start, _ in self.quotes]

    def start_before(self, position: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, position) - 1]

    def end_after(self, position: int) -> int:
        if position >= 2 and _STOP_QUOTE.fullmatch(self.paragraph, position - 2, position) \
                and _NEXT_SENTENCE.match(self.paragraph, position):
            return position  # the quote's full stop closed its sentence: “... in the future.” Meanwhile ...
            # (not ? or !: “Is anyone listening?” Lt. Gen. Sean MacFarland asked.)
        k = bisect.bisect_left(self.end_starts, position)
        return self.ends[k][1] if k < len(self.ends) else len(self.paragraph)

    def cue_between(self, start: int, end: int) -> bool:
        """Whether a cue's word may stand between `start` and `end`."""
        k = bisect.bisect_left(self.cues, start)
        return k < len(self.cues) and self.cues[k] < end

    def quoted(self, position: int) -> bool:
        """Whether `position` falls inside a quote."""
        k = bisect.bisect_right(self.quote_starts, position) - 1
        return k >= 0 and position < self.quotes[k][1]


def _word_before(paragraph: str, mark: int) -> str:
    """The run of word characters and dots that ends at an end mark ("Gen" of "Gen.", "U.S" of "U.S.")."""
    found = _WORD_BEFORE.search(paragraph, max(0, mark - 40), mark)
    return found.group() if found else ""


def _word_start(paragraph: str, mark: int) -> int:
    return mark - len(_word_before(paragraph, mark))


def _abbreviation(paragraph: str, mark: int) -> bool:
    word = _word_before(paragraph, mark)
    return bool(word) and word.lower() in _ABBREVIATIONS


def _may_be_person(name: str) -> bool:
    """Whether "he" or "she" may stand for this name: not an acronym ("SANA") nor a name ending in a place's
    or an institution's word ("Municipal Palace", "the interior ministry")."""
    words = re.findall(r"[\w’'-]+", name)
    if not words or (len(words) == 1 and name.isupper()) or words[-1].lower() in _NOT_A_PERSON \
            or any(DATE_WORD.match(w) for w in words):  # "Syria June"
        return False
    # "Syrian and Iranian" (of "the Syrian and Iranian foreign ministers"): peoples' adjectives, no one's name
    return not all(w.lower() == "and" or _PEOPLES_ADJECTIVE.fullmatch(w) for w in words)


_PEOPLES_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:i|ian|ese|ish|an)")


def _nearest_name(paragraph: str, position: int, found: Sequence[FoundQuote], personal: bool,
                  bounds: _Bounds) -> str | None:
    """The last name before `position` (within NAME_WINDOW) outside quotes, not one standing after a
    preposition; for "he" or "she" (`personal`), one that may be a person's."""
    candidates: list[tuple[int, str]] = [(q.speaker_start, q.speaker) for q in found
                                         if q.pronoun is None and 0 <= q.speaker_start < position]
    for match in _NAME.finditer(paragraph, max(0, position - NAME_WINDOW), position):
        if bounds.quoted(match.start()):
            continue
        name = match.group(0).strip()
        if name.endswith(".") and name.split()[-1].rstrip(".").lower() not in _ABBREVIATIONS:
            name = name[:-1]  # the sentence's full stop
        parts = name.split()
        if len(parts) > MAX_NAME_WORDS:
            continue  # a run of capitalised words (a headline, a list) is no one's name
        drop = 0  # "The Syrian Foreign Ministry" is the Syrian Foreign Ministry; "TV Barazi" Barazi
        while drop < len(parts) - 1 and (parts[drop].lower() in _SENTENCE_START_WORDS or parts[drop] in _MEDIA_NOUNS):
            drop += 1
        name = " ".join(parts[drop:])
        previous = re.search(r"(\w+)\s*$", paragraph[max(0, match.start() - 40):match.start()])
        if name.split()[0].lower() in _SENTENCE_START_WORDS or (previous and previous.group(1).lower() in _PREPOSITIONS):
            continue
        if len(name.split()) < 2 and not name.isupper():
            continue
        candidates.append((match.start(), name))
    if personal:
        candidates = [c for c in candidates if _may_be_person(c[1])]
    return max(candidates)[1] if candidates else None


# "the group said", "the ministry said": the words a report uses again for a group it has just named, by the nouns
# that end such a group's name ("the group" for "the White Helmets", "the ministry" for "The Russian defense ministry")
_GROUP_NOUNS = {
    "group": {"group", "brigade", "brigades", "front", "helmets", "defence", "defense", "movement", "battalion",
              "battalions", "faction"},
    "ministry": {"ministry"}, "body": {"body"}, "monitor": {"monitor", "observatory"}, "agency": {"agency"},
    "organisation": {"organisation", "organization"}, "organization": {"organisation", "organization"},
    "coalition": {"coalition"}}
_KIND_OF_GROUP = re.compile(rf"(?:the|The)\s+({'|'.join(_GROUP_NOUNS)})")
# the last word of the name of a group of any kind: the nearest such name is the one "the group" may stand for
_INSTITUTIONS = frozenset(set().union(*_GROUP_NOUNS.values()) | set("""council committee commission army forces
    government command authority authorities office union nations crescent cross party police network centre center
    institute fund programme program service services department court assembly parliament embassy""".split()))
# a run of capitalised names ("Syrian Observatory for Human Rights", "Ministry of Defence"), with up to two
# lower-case words after it ("Russian defense ministry", "Islamic State group")
_GROUP_NAME = re.compile(r"(?<![\w’'-])(?P<article>(?:the|The)\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:(?:of|for|the|al|and)\s+)?"
                         r"[A-Z][\w’'-]*)*)(?P<tail>(?:\s+(?!(?:the|a|an|of|for|in|on|at|to|and|by|from|with|said|says)\b)"
                         r"[a-z][\w-]*){0,2})")
_NAME_CONNECTORS = {"of", "for", "the", "al", "and"}
_INSTITUTIONS_CAPITALISED = frozenset(w.capitalize() for w in _INSTITUTIONS)


def _group_named_before(paragraph: str, position: int, speaker: str, bounds: _Bounds) -> str | None:
    """The group that "the group" (the ministry, the monitor ...) stands for: the nearest group named before
    `position`, outside quotes, when its name ends with a noun of that kind; None when the nearest is of another
    kind ("the body" after "the opposition National Coalition"), or none is named."""
    kind = _GROUP_NOUNS[match_key(speaker.split()[-1])]
    nearest = None
    for match in _GROUP_NAME.finditer(paragraph, max(0, position - NAME_WINDOW), position):
        if bounds.quoted(match.start()):
            continue
        words = match.group("name").split()
        article = "the " if match.group("article") or words[0] == "The" else ""
        if words[0] == "The":
            words = words[1:]
        tail = match.group("tail").split()
        if tail and tail[-1] in _INSTITUTIONS:
            head, words = tail[-1], words + tail
        elif tail and tail[0] in _INSTITUTIONS:
            head, words = tail[0], words + tail[:1]
        else:
            if "the" in words:  # "Aleppo the Russian Defense Ministry": a place, then the name
                if words[-1] in _INSTITUTIONS_CAPITALISED:
                    words, article = words[len(words) - words[::-1].index("the"):], "the "
            connector = next((i for i, w in enumerate(words) if w in _NAME_CONNECTORS), len(words))
            head = words[connector - 1] if connector else ""  # "Ministry of Defence": Ministry
        if head.lower() in _INSTITUTIONS and any(w[:1].isupper() for w in words):
            nearest = (head.lower(), article + " ".join(words))
    return nearest[1] if nearest and nearest[0] in kind else None


@lru_cache(maxsize=65536)
def last_speaker(paragraph: str) -> str | None:
    """Who the paragraph last attributes words to, quoted or not ("..., another officer said.")."""
    speaker = None
    for match in re.finditer(rf",\s+(?P<speaker>[^,.;“”\"]{{1,120}}?)\s+(?:{_AUX})(?:{_CUES})[.!]?\s*(?:$|(?=[A-Z“\"]))",
                             paragraph):
        if _is_speaker(match.group("speaker")) and match.group("speaker").lower() not in _PRONOUNS:
            speaker = _trim_speaker(match.group("speaker"))
    for found in _find_quotes(paragraph, None):
        speaker = found.speaker if found.pronoun is None else speaker
    return speaker


# --- quotes of documents, and the key quotes of a brief ---------------------------------------

def document_quotes(document: Document, sentences: Sequence[Sentence]) -> list[tuple[FoundQuote, Sentence]]:
    """Every attributed quote of one report, with the sentence it starts in."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    found: list[tuple[FoundQuote, Sentence]] = []
    previous_speaker: str | None = None
    for number in sorted(by_paragraph):
        members = by_paragraph[number]
        base = members[0].start
        paragraph = document.text[base:members[-1].end]
        for quote in find_quotes(paragraph, previous_speaker):
            home = next((s for s in reversed(members) if s.start - base <= quote.start), members[0])
            found.append((quote, home))
        previous_speaker = last_speaker(paragraph) or previous_speaker
    speakers = [quote.speaker for quote, _ in found]
    return [(replace(quote, speaker=_named_in_full(quote.speaker, speakers, sentences)), sentence)
            for quote, sentence in found]


# a speaker named by the surname alone is the person the report names in full elsewhere, with their role where a
# verb follows that mention: "Seibert said ..." is "German government spokesman Steffen Seibert", "Zaatari said" "the
# UNs coordinator for humanitarian and development affairs in Syria Ali al-Zaatari" (... Ali al-Zaatari called on ...),
# "Uzumcu added" the speaker of his other quote, "Ahmet Uzumcu the head of the Organisation for the Prohibition of
# Chemical Weapons [OPCW]" (audit 8)
# (the appositive between them may have lost its commas: "Mohammed Saeed an activist in the area told The Associated
# Press", "Rami Abdel Rahman head of the Syrian Observatory for Human Rights said", audit 7; read only when no verb
# follows the name itself: "Steffen Seibert visited Aleppo and said" has none)
_VERB_AFTER_NAME = re.compile(rf"(?:,[^,;.“”\"]{{1,150}},|\s+[a-z][^,;.“”\"]{{1,100}}?)??"
                              rf"\s+(?P<verb>{_AUX}(?:{_CUES}|[a-z]{{3,}}ed))\b")
MAX_ROLE_WORDS = 12  # before the name: more is the reporter's clause run into the subject (a full stop lost)
# words before a name that make it no subject's head: "Lavrov speaking at a news conference ... with his German
# counterpart Frank-Walter Steinmeier said" names Lavrov, not Steinmeier
_NOT_THE_SUBJECTS_HEAD = re.compile(r"\b(?:\w+ing|with|and(?=\s+[A-Z]))\b")


def _named_in_full(speaker: str, speakers: Sequence[str], sentences: Sequence[Sentence]) -> str:
    """The fullest naming of a surname speaker in its report: the speaker unchanged when it is no bare name, or
    when the report names two people so ("Bashar al-Assad" and "Hafez al-Assad")."""
    if not _bare_name(speaker):
        return speaker
    count = len(speaker.split())
    # a title's abbreviation before the surname is no given name: "British FM Johnson" is "Boris Johnson"
    full_names = [name for name in _full_names(speaker, sentences) if not name.split()[-1 - count].isupper()]
    if len({fold(name.split()[-1 - count]) for name in full_names}) != 1:
        return speaker  # none, or two given names
    name = max(full_names, key=lambda n: len(n.split()))
    named = [s for s in speakers if name in s] + _subjects_naming(name, sentences)
    # a name no one speaks or acts by is no person's: "Russia Iran" of "a deal between Russia Iran and Turkey"
    return max(named, key=lambda s: len(s.split()), default=speaker)


def _bare_name(speaker: str) -> bool:
    """"Seibert", "Abdel Rahman": one or two capitalised words a person may be named by; no acronym ("SANA")."""
    words = [w for w in speaker.split() if w not in _NAME_PARTICLES]  # "de Mistura"
    # not _may_be_person: a speaker is no people's adjective, and "Mogherini", "Zaatari" end like "Iraqi"
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and not w.isupper() and not DATE_WORD.match(w) for w in words) \
        and words[-1].lower() not in _NOT_A_PERSON


def _full_names(surname: str, sentences: Sequence[Sentence]) -> list[str]:
    """The report's longer names that end with the surname, however spelt ("Ali al-Zaatari" for "Zaatari")."""
    count, key = len(surname.split()), fold(surname)
    names = {_without_a_place_before(name, surname, sentence.text) for sentence in sentences
             if surname.split()[-1][:3].lower() in sentence.text.lower() for name in extract_names(sentence.text)}
    return sorted(name for name in names
                  if count < len(name.split()) <= MAX_NAME_WORDS and fold(" ".join(name.split()[-count:])) == key)


def _without_a_place_before(name: str, surname: str, text: str) -> str:
    """The name without its first word when a preposition stands before it and one given name after it: the place
    of a role ran into the name ("coordinator ... in Syria Ali al-Zaatari", "Special Envoy for Syria Staffan de
    Mistura"); not "from British Foreign Minister Boris Johnson", where the preposition's object is the person."""
    at = text.find(name)
    before = re.search(r"(\w+)\s+$", text[max(0, at - 20):at]) if at > 0 else None
    words = name.split()
    if before and before.group(1) in _PREPOSITIONS and len(words) == len(surname.split()) + 2 \
            and not _PEOPLES_ADJECTIVE.fullmatch(words[0]):
        return " ".join(words[1:])
    return name


def _subjects_naming(name: str, sentences: Sequence[Sentence]) -> list[str]:
    """The subjects of the report's verbs whose subject the name is, with their roles ("German government spokesman
    Steffen Seibert" of "German government spokesman Steffen Seibert said the hardships ..."), or the name alone
    where the subject is no speaker's ("Moscow says it has not ... but senior Russian military official Sergei
    Rudskoi told a briefing")."""
    subjects = []
    for sentence in sentences:
        for mention in re.finditer(re.escape(name), sentence.text):
            verb = _VERB_AFTER_NAME.match(sentence.text, mention.end())
            if verb is None:
                continue
            subject = _subject_of(sentence.text[:verb.start("verb")])
            role = subject[0][:subject[0].index(name)] if subject and name in subject[0] else None
            if role is not None and not _NOT_THE_SUBJECTS_HEAD.search(role) and len(role.split()) <= MAX_ROLE_WORDS:
                subjects.append(_trim_speaker(subject[0]))
            else:
                subjects.append(name)
    return subjects


def key_quotes(documents: Sequence[Document], sentences: Sequence[Sentence], labels: Sequence[int],
               source_numbers: Mapping[str, int], topic_order: Mapping[int, int],
               count: int = KEY_QUOTES) -> tuple[Quote, ...]:
    """The few quotes that matter most: from the most important topics, saying the most."""
    topic_of = {(s.doc_id, s.index): int(label) for s, label in zip(sentences, labels)}
    per_doc: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        per_doc.setdefault(sentence.doc_id, []).append(sentence)
    merged: dict[str, Quote] = {}
    quoted_by: dict[str, set[str]] = {}  # the reports behind each merged quote
    phrases: set[str] = set()  # quotes the reporter's sentence goes on after
    for document in documents:
        for found, sentence in document_quotes(document, per_doc.get(document.id, [])):
            citation = Citation(source=source_numbers[document.id], doc_id=document.id, sentence=sentence.index,
                                text=sentence.text)
            key = _quote_key(found.text)
            if key in merged:  # the same words quoted by another report: one quote, two citations
                if document.id not in quoted_by[key]:
                    quoted_by[key].add(document.id)
                    merged[key] = replace(merged[key], citations=merged[key].citations + (citation,))
                    if _fuller(found.speaker, merged[key].speaker):  # "Abdel Rahman" -> "Rami Abdel Rahman head of ..."
                        merged[key] = replace(merged[key], speaker=found.speaker, cue=found.cue, pronoun=found.pronoun)
                continue
            quoted_by[key] = {document.id}
            if found.within:
                phrases.add(key)
            topic = topic_of.get((sentence.doc_id, sentence.index), -1)
            merged[key] = Quote(text=found.text, shown=found.shown, speaker=found.speaker, cue=found.cue,
                                pronoun=found.pronoun, citations=(citation,), topic=topic,
                                score=_score(found, topic, topic_order))
    quotes = [replace(q, score=round(q.score + 0.1 * (len(q.citations) - 1), 4)) for q in merged.values()]
    # five words are no test alone: the reporter's sentence went on after 'the "large numbers of foreign
    # mercenaries" were coming into ...' and '"we probably had a role" in high casualties in Mosul'
    # and a phrase of the reporter's sentence is no quote at all, even when nothing else is quoted ("most of the
    # injured were "gravely wounded by shrapnel"")
    said = [q for key, q in zip(merged, quotes) if key not in phrases]
    substantial = [q for q in said if len(q.text.split()) >= MIN_KEY_WORDS] or said
    substantial.sort(key=lambda q: (-q.score, q.citations[0].source, q.citations[0].sentence))
    chosen, sentences_shown = [], set()
    for quote in substantial:  # two fragments quoted in one sentence show that sentence once
        where = (quote.citations[0].doc_id, quote.citations[0].sentence)
        if where not in sentences_shown:
            sentences_shown.add(where)
            chosen.append(quote)
    return tuple(chosen[:count])


def _fuller(speaker: str, than: str) -> bool:
    """Whether `speaker` names the one `than` names, and says more: every word of `than` in it, and more words."""
    if speaker.casefold() in _PRONOUNS:
        return False
    if than.casefold() in _PRONOUNS:
        return True
    words, fewer = speaker.casefold().split(), than.casefold().split()
    return len(words) > len(fewer) and set(fewer) <= set(words)


def _quote_key(text: str) -> str:
    """The quote's words, case, punctuation and vowels aside: one quote however its reports spell a name ("in the
    Salihiah neighbourhood of Hasakeh city" and "... of Hasakah city", audit 7)."""
    return " ".join(re.sub(r"[aeiouy]+", "", word) or word for word in re.findall(r"\w+", text.casefold()))


# a speaker that is only a source ("the source", "a military source", "Local sources"): a named official's words, or a
# witness's ("a militia member", "a local resident"), say more
_ANONYMOUS = re.compile(r"(?:(?:the|a|an|one|two|several|some)\s+)?(?:[\w-]+\s+){0,2}sources?", re.I)


_LOADED_SPEAKER = re.compile(r"\b(?:terrorists?|takfiris?|so-called)\b", re.I)


def _score(found: FoundQuote, topic: int, topic_order: Mapping[int, int]) -> float:
    importance = 1.0 / (1.0 + topic_order[topic]) if topic in topic_order else 0.2
    substance = min(len(found.text.split()) / 15.0, 1.0)
    if found.speaker.lower() in _PRONOUNS:
        trust = 0.5  # a pronoun nobody stands for
    elif _ANONYMOUS.fullmatch(found.speaker) or _LOADED_SPEAKER.search(found.speaker):
        # says nothing of who spoke: "the source" of "A source told Sputnik" (audit 8, busbomb17); or says it in one
        # side's words: "the terrorist group" (Daily Sabah's for Hezbollah, named the sentence before: audit 9)
        trust = 0.6
    else:  # a named speaker ("SANA", "General Noman Abed Al Zobai") beats "another officer"
        trust = 1.0 if re.search(r"\s[A-Z]|^[A-Z]{2}", found.speaker) else 0.85
        trust *= 0.9 if found.pronoun else 1.0
    return round(trust * (0.6 * importance + 0.4 * substance), 4)
