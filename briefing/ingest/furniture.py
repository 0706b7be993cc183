"""What a news site's page puts inside the text of its story, when the page was saved as flat text:
a share widget with the date ("07.10.2017(updated 1500 07.10.2017) Get short URL 11990"), a list of
tags ("Tags Syria Idlib gas attack chlorine Observatory Assad"), related headlines and a comment box
("... 91 Related <headlines> Tags <tags> Community standardsDiscussion Comment via Facebook..."), a
site footer, and the reporters' sign-off after the last sentence ("Manar al-Freih / Hazem Sabbagh").

Left in, they glue onto the sentence next to them, and that sentence is often the lead the brief
shows: "Tags Syria Idlib gas attack chlorine Observatory Assad Warplanes carried out a suspected
toxic gas attack ...". FA-KES (Sputnik's and Al-Araby's pages) has all three; see
tests/test_ingest_furniture.py. A tag list is cut only where the story's next sentence can be told
to start (a capitalised "The", "A", "At least", a number word, or a capitalised word followed by a
verb phrase); otherwise it stays: a tag too many is better than a story's first words lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..model import Document
from ..press import AGENCY_PATTERN

_DATE = r"\d{2}\.\d{2}\.\d{4}"
# "Middle East 1735 15.04.2017(updated 2033 15.04.2017) Get short URL Topic ... (1881) 0 25 "
_SHARE_WIDGET = re.compile(
    rf"(?:(?:[A-Z][\w&'-]*\s+){{0,3}}\d{{3,4}}\s+)?(?:{_DATE})?(?:\s*\(updated\s+\d{{3,4}}\s+{_DATE}\))?\)?\s*"
    r"Get short URL\s+(?:Topic\s+[^()]{1,120}\(\d+\)\s+)?"
    r"(?:0\s+0\s+0\s+|0\s+\d+\s+|\d+\s+)?")  # its counts: "0 0 0", "0 85" (then "12 Daesh terrorists ..."), "191"
# Daily Sabah's share button and its short link, the link's punctuation lost: "Published August 1 2016 SEND
# httpsabahdai.lyEsxNAM At least 15 people ..."
_SEND_LINK = re.compile(r"\b(?:SEND|SHARE)\s+https?\S*\s*")
HEAD_WITHIN = 300  # a widget this close to the start, with no sentence before it, ends the page's header
# the comment box ends the page; before it, the share count ("... 91"), related headlines, tags
_COMMENT_BOX = re.compile(r"Community standards\s*Discussion(?:\s*Comment via Facebook)?"
                          r"(?:\s*Comment via Sputnik News)?")
_SHARE_COUNT = re.compile(r"\s\.\.\.(?:\s+\d+)+\s")
TAIL_WITHIN = 2000  # characters of related headlines and tags before the comment box, at most
# a site's footer: "Related News <headlines> ... Follow us ... Copyright 2018 TRT World ... Cookie Policy"
_FOOTER_START = re.compile(r"\bRelated (?:News|Stories|Articles)\b")
_FOOTER_END = re.compile(r"\b(?:Cookie|Privacy) Policy\b")
_COPYRIGHT = re.compile(r"(?:Copyright|©)\W{0,5}(?:19|20)\d\d\b")  # "Copyright © 2018", its © lost: "��"
FOOTER_WITHIN = 3000  # characters from "Related News" to the footer's last link, at most
WIDGET_REACH = 80  # characters of section, time and date before "Get short URL", at most
_TOKEN = re.compile(r"\S+")
# words that start a story's sentence after a tag list: a tag is a name or a keyword, never these
_STARTERS = {"The", "A", "An", "At", "More", "Over", "Some", "Several", "Dozens", "Hundreds", "Thousands", "Scores",
             "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Fifteen",
             "Twenty", "Fourteen", "Thirteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Thirty", "Forty",
             "Fifty"}
# the small words of running text: where they start, the story has started (before them: its subject)
_FUNCTION = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "was", "were", "is", "are", "has", "have", "had",
             "that", "with", "by", "for", "said", "from", "as", "which", "who", "after", "when", "into"}
# a capitalised word that opens a sentence before its subject: kept with it, never taken for a tag
_MODIFIERS = {"Suspected", "Alleged", "Reported", "Intense", "Heavy", "Fierce", "Fresh", "New", "Renewed", "Deadly",
              "Overnight", "Several", "Unidentified"}
# the reporters' and editors' names after the last sentence, slash-separated (SANA: "Manar al-Freih / Hazem Sabbagh")
# and initials ("H. Zain/ Ghossoun", "R.J/ Ghossoun/R. Milhem/H. Said", "H. Zain H. Said"); read only in the text's
# last SIGN_OFF_CHARS characters: a name may hold a full stop now, and every one would start a search
_NAME = r"(?:[A-Z][\w'.-]*|al-\w+)(?:\s+(?:[A-Z][\w'.-]*|al-\w+)){0,3}"
_INITIALLED = r"[A-Z]\.\s*[A-Z][\w'-]+"
_SIGN_OFF = re.compile(rf"(?<=[.!?\"”])\s+(?:{_NAME}(?:\s*/\s*{_NAME})+|{_INITIALLED}(?:\s+{_INITIALLED})+)\s*$")
_SIGNED_TAIL = re.compile(r"[.!?\"”]\s+[A-Z]\.")
SIGN_OFF_CHARS = 120
# the outlet's description of itself after the story, maybe with the author's card before it (Asharq Al-Awsat, 5 of 11
# reports in FA-KES: "... guarded by regime troops. Asharq Al-Awsat English Asharq Al-Awsat is the worlds premier
# pan-Arab daily newspaper ... Launched in London in 1978 Asharq Al-Awsat has established itself ..."; a card that
# opens a truncated one: "... will be officially announced. Youssef Diab Launched in London"): cut to the text's end.
# Left in, it was a statement, a topic member and a topic's label ("London offensive", audit 8)
_CARD = r"(?:[A-Z][\w'’-]*\s+){1,4}"
_OUTLET_BLURB = re.compile(rf"(?<=[.!?\"”])\s+(?:{_CARD})??(?:{AGENCY_PATTERN})\s+(?:is|was)\s+(?:the|an?)\s"
                           rf"|(?<=[.!?\"”])\s+{_CARD}(?:Launched|Founded|Established)\s+in\s+[A-Z0-9]")
BLURB_CHARS = 700  # the blurb starts this close to the text's end, at most (Asharq Al-Awsat's: 460 characters)
SENTENCE_REACH = 1000  # characters before "Tags" searched for the start of its sentence
TAGS_WITHIN = 30  # a tag list longer than this many words is no tag list


def without_page_furniture(document: Document) -> Document:
    text = strip_furniture(document.text)
    return document if text is document.text else replace(document, text=text)


def with_plain_title(document: Document) -> Document:
    """The document with its title free of the site's name (before the headline is looked for in the text), and of
    a field's name a scraper left in it (FA-KES: "title: ISIL Kills over 50 in Central Syria Attack", audit 9)."""
    title = without_site_name(document.title, document.outlet)
    field = _FIELD_NAME.match(title or "")
    if field and title and title[field.end():].strip():
        title = title[field.end():]
    return document if title is document.title else replace(document, title=title)


_FIELD_NAME = re.compile(r"\s*(?:title|headline)\s*:\s*", re.I)


_SITE_SUFFIX = re.compile(r"\s+[|\-–—]\s+([^|\-–—]{2,40})$")


def without_site_name(title: str | None, outlet: str | None) -> str | None:
    """The title without the site's name that a page's <title> ends with ("... | Jordan Times", "... -
    Sputnik International"), when that name is the report's outlet's (letters compared, case aside)."""
    match = _SITE_SUFFIX.search(title or "")
    if not match or not outlet:
        return title
    site, known = _letters(match.group(1)), _letters(outlet)
    if known and (site == known or site.startswith(known) or known.startswith(site)):
        return title[:match.start()].rstrip()  # type: ignore[index]
    return title


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold())


def strip_furniture(text: str) -> str:
    """The text without share widgets, tag lists and comment boxes (the same object when none is found).
    Each is looked for where its fixed words stand ("Get short URL", "Community standards", "Tags"),
    never by a pattern tried at every character: 1,000 reports take 0.02 s (0.39 s that way)."""
    if "Get short URL" not in text and "Tags " not in text and "Copyright" not in text and "©" not in text \
            and "/" not in text[-80:] and "Photo " not in text and " http" not in text and "Related " not in text \
            and "REUTERS " not in text and "Sputnik " not in text and "AFP " not in text and "YouTube" not in text \
            and "Print Tweet" not in text[:PRINT_WITHIN + 20] and not _SIGNED_TAIL.search(text[-SIGN_OFF_CHARS:]) \
            and not _OUTLET_BLURB.search(text, max(0, len(text) - BLURB_CHARS)):
        return text
    cleaned = _without_print_header(text)
    cleaned = _without_share_widgets(cleaned)
    if " http" in cleaned:
        cleaned = _SEND_LINK.sub("", cleaned)
    if "Photo " in cleaned or "REUTERS " in cleaned or "Sputnik " in cleaned or "AFP " in cleaned:
        cleaned = _without_photo_cards(cleaned)
    if "YouTube" in cleaned:
        cleaned = _without_video_titles(cleaned)
    if "Community standards" in cleaned:
        cleaned = _without_comment_box(cleaned)
    if "Related " in cleaned and ("Copyright" in cleaned or "©" in cleaned):
        cleaned = _without_site_footer(cleaned)
    if "Related " in cleaned:
        cleaned = _without_related_headlines(cleaned)
    cleaned = _without_tag_lists(cleaned).strip()
    blurb = _OUTLET_BLURB.search(cleaned, max(0, len(cleaned) - BLURB_CHARS))
    cleaned = cleaned[:blurb.start()] if blurb else cleaned
    tail = max(0, len(cleaned) - SIGN_OFF_CHARS)
    sign_off = _SIGN_OFF.search(cleaned, tail)
    cleaned = cleaned[:sign_off.start()] if sign_off else cleaned
    return text if cleaned == text.strip() else cleaned


# Ahram's page header ends with its share buttons and view count: the headline, the wire's name, the date and a
# photo's caption come before them ("<headline> AFP Friday 28 Oct 2016 Russian President Vladimir Putin attends a
# meeting ... Thursday Oct. 27 2016 (Photo AP) Print Tweet Views 2494 Related <headlines> Syrian rebels launched ...");
# all of it is the page's, cut when the buttons come within PRINT_WITHIN characters of the start (FA-KES: 7 of 7)
_PRINT_BUTTONS = re.compile(r"\bPrint Tweet(?:\s+Views\s+\d+)?\s+")
PRINT_WITHIN = 500


def _without_print_header(text: str) -> str:
    at = text.find("Print Tweet", 0, PRINT_WITHIN + len("Print Tweet"))
    if at < 0:
        return text
    buttons = _PRINT_BUTTONS.match(text, at)
    if buttons is None or len(text[buttons.end():].split()) < CARD_MIN_WORDS:
        return text
    return text[buttons.end():]


# related headlines between the page's header, or a sentence, and the story going on (Ahram: "Print Tweet Views 729
# Related IS group claims responsibility for attack on Syrian town Double bomb attack kills 31 ... -A double bomb
# attack killed 31 people ..."; Reuters: "... in the Security Council. Related Coverage U.S. to wait and see on use of
# force in Syria: army chief of staff U.N. Security Council urges ... Foreign Minister Sergei Lavrov said ...")
_RELATED = re.compile(r"(?:^|(?<=[.!?\"”’]\s))Related(?:\s+Coverage)?\s+(?=[A-Z0-9])")
RELATED_WORDS = 80  # related headlines and the story's first words, read at most
# words that open a story's sentence after a headline: a count's hedge ("Nearly 40 Syrian soldiers ...")
_COUNT_OPENERS = {"Nearly", "Almost", "About", "Around", "Up"}
_SAID = {"said", "told"}  # a headline says "says"; a story's sentence "said"


def _without_related_headlines(text: str) -> str:
    return _cut_to_story(text, _RELATED.finditer(text), _story_after_headlines)


def _cut_to_story(text: str, marks: Iterable[re.Match[str]], story_after: Callable[[str, int], int | None]) -> str:
    """The text without each mark (a "Related" label, a photo credit) and what follows it up to where the story goes
    on (`story_after`: None when that cannot be told, and then nothing is cut)."""
    pieces, cursor = [], 0
    for mark in marks:
        if mark.start() < cursor:
            continue
        story = story_after(text, mark.end())
        if story is not None:
            pieces.append(text[cursor:mark.start()])
            cursor = story
    return "".join(pieces) + text[cursor:] if pieces else text


def _story_after_headlines(text: str, start: int) -> int | None:
    """Where the story goes on after a list of headlines starting at `start`: the first word that can only open a
    story's sentence (a dash glued to a capital, "A", "The" or a count's hedge with running text after, or the subject
    of a "said" or of a past tense with an article after it: "Syrian rebels launched a major assault"), or None
    (then nothing is cut). Headlines end no sentence: a word ending one ends the search."""
    tokens = [(m.start(), m.group()) for _, m in zip(range(RELATED_WORDS), _TOKEN.finditer(text, start))]
    words = [word.strip("\"“‘'([,:;") for _, word in tokens]
    for i, (at, token) in enumerate(tokens):
        word = words[i]
        if i >= CARD_MIN_WORDS:
            if token[:1] in "-–—" and token[1:2].isupper():
                return at + 1
            if (word in _ARTICLES or word in _STARTERS or word in _COUNT_OPENERS) and _runs_on(words, i):
                return at
        said = word in _SAID or word.islower() and len(word) > 4 and word.endswith("ed") and "-" not in word \
            and i + 1 < len(words) and words[i + 1] in ("a", "an", "the")
        if said:
            j = i - 1
            while j > 0 and i - j <= 3 and words[j][:1].islower() and words[j] not in _FUNCTION:
                j -= 1  # "Syrian rebels launched", "US officials said"
            if not words[j][:1].isupper():
                return None
            while j > 0 and i - j < 6 and words[j - 1][:1].isupper():
                j -= 1  # "Foreign Minister Sergei Lavrov said"
            return tokens[j][0] if j >= CARD_MIN_WORDS else None
        if token[-1:] in ".!?" and token[:-1][-1:].islower() and len(word) > 3:
            return None  # a sentence ended: the story began before, where cannot be told
    return None


def _without_share_widgets(text: str) -> str:
    pieces, cursor = [], 0
    at = text.find("Get short URL")
    while at >= 0:
        match = _SHARE_WIDGET.search(text, max(cursor, at - WIDGET_REACH), at + 200)
        if match is None or match.end() <= at:  # (it always matches here: its words are all optional)
            break
        header = match.start() <= HEAD_WITHIN and not re.search(r"[.!?][\"”’']?\s", text[:match.start()])
        pieces = [] if header else pieces + [text[cursor:match.start()].rstrip(" "), " "]
        cursor = match.end()
        at = text.find("Get short URL", cursor)
    return "".join(pieces) + text[cursor:] if cursor else text


# Sputnik's card for another story, left between two sentences: a photo credit, that story's headline, then the
# story goes on ("... the source said. AP Photo Robert S. PriceU.S. Navy US Missile Strike on Syria Kills Five Injures
# Seven - Homs Governor Earlier conflicting reports ..."; "... Photo Igor Bubin Damascus Airport Attack Terrorism Wont
# Sow Fear in the Souls of Syrians The Syrian army in turn ...")
_PHOTO_CREDIT = re.compile(r"(?:(?:AP|AFP|Reuters)\s+)?Photo\s+(?=[A-Z])"
                           # the agency's name alone before the photographer's: "REUTERS Rodi Said Anti-Daesh Forces Get
                           # the Better of Terrorists in Battle for Manbij The US-led coalition ...", "Sputnik Andrei
                           # Stenin Syrias Security Services Avert Terror Attack ..."
                           r"|(?:REUTERS|Sputnik|AFP)\s+(?=[A-Z][\w'-]+\s+[A-Z])")
CARD_WORDS = 40  # a credit and a headline take this many words at most
CARD_MIN_WORDS = 4  # a credit (a name, or a page's name) and a headline: at least this many words before the story
# words that open a story's sentence, never a title-case headline's: an article ("... to Syrias Hama The Air Force
# shelled"), or one of these when running text follows ("... Christians According to Konashenkov Russian military"),
# a quote mark, or the capitalised word before the first word a title-case headline would have capitalised
_ARTICLES = {"The", "A", "An"}
_OPENERS = {"According", "This", "These", "That", "It", "Earlier", "Later", "Meanwhile", "Over", "On", "In", "At",
            "Since", "After", "While", "When", "Some", "More", "Several", "Dozens", "Hundreds", "Thousands"}
# the small words a title-case headline leaves in lower case ("Attempt to Divert Attention From Mosul")
_TITLE_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "vs",
                "over", "after", "into", "amid", "against"}
_PARTICLE = re.compile(r"(?:al|el|ez|ad|as|an|ar|az|ash|at|ed)-", re.I)


def _without_photo_cards(text: str) -> str:
    return _cut_to_story(text, (credit for credit in _PHOTO_CREDIT.finditer(text) if _between_sentences(text, credit)),
                         story_after_card)


def _between_sentences(text: str, credit: re.Match[str]) -> bool:
    """Whether a credit stands after a sentence's end, not inside one ("Photo" in a sentence, "(AFP Photo)")."""
    before = text[max(0, credit.start() - 5):credit.start()].rstrip()
    return not before or before.endswith(tuple(".!?\"”’'"))


def story_after_card(text: str, start: int) -> int | None:
    """Where the story goes on after a photo credit and a headline starting at `start`: its next sentence's
    first word, the earliest that can be told, or None (then nothing is cut)."""
    tokens = [(m.start(), m.group()) for _, m in zip(range(CARD_WORDS + 5), _TOKEN.finditer(text, start))]
    words = [word.strip("\"“‘'([") for _, word in tokens]
    for i in range(CARD_MIN_WORDS, min(len(tokens) - CARD_MIN_WORDS, CARD_WORDS)):
        word = words[i]
        if tokens[i][1][:1] in "\"“" or word in _ARTICLES or \
                word in _OPENERS and _runs_on_after(words, i):
            return tokens[i][0]
        if _running(word):  # "... - Homs Governor Earlier conflicting reports": back to the capitalised word
            j = i - 1
            while j > 0 and words[j] in _TITLE_SMALL:
                j -= 1
            if j - 1 >= CARD_MIN_WORDS and words[j - 1] in _OPENERS and words[j][:1].isupper():
                j -= 1  # "... Near Al Tabqa Reports On Saturday reports emerged": the story's "On Saturday"
            return tokens[j][0] if j >= CARD_MIN_WORDS and words[j][:1].isupper() else None
    return None


def _runs_on_after(words: list[str], i: int) -> bool:
    """Running text follows word i: a word in lower case ("According to", "This is"), or a number and then one
    ("Some 120 Islamic State group"); not "After Virgin Mary", "Over 20 Daesh Terrorists Killed"."""
    following = words[i + 1] if i + 1 < len(words) else ""
    return following[:1].islower() or following[:1].isdigit() and any(_running(w) for w in words[i + 2:i + 5])


def _running(word: str) -> bool:
    """A word that a title-case headline would have capitalised: running text."""
    return word[:1].islower() and word.isalpha() and word not in _TITLE_SMALL and not _PARTICLE.match(word)


# an embedded video's title between two sentences, its player's name after it (TRT World, 15 in FA-KES; Sputnik): "...
# the Turkish-Syria border. "Toxic gas attack" kills at least 58 in Idlib - YouTube Opposition demands ...", "... take
# shelter from the attack. Syria Death in Damascus - Rocket attack shakes Syrian capital - YouTube In a Twitter post
# ..." (audit 8: it opened a cited sentence). Cut from the sentence's end before it to the player's name
_VIDEO_PLAYER = re.compile(r"\s[-–—]\s*YouTube\b\s*(?=[A-Z\"“0-9]|$)")  # a sentence, or nothing, after it
# a sentence's end: not an initial's or an abbreviation's full stop ("U.S. strikes ..."), which a title may hold
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])[\"”’']?\s+|(?<=[a-z0-9][.!?][\"”’'])\s+")
VIDEO_TITLE_CHARS = 200  # a title (with its channel's "The War In Syria" and "<reporter> reports") at most


def _without_video_titles(text: str) -> str:
    pieces, cursor = [], 0
    for player in _VIDEO_PLAYER.finditer(text):
        title = _title_start(text, max(cursor, player.start() - VIDEO_TITLE_CHARS), player.start())
        if title is not None and player.start() - title >= 3:
            pieces.append(text[cursor:title])
            cursor = player.end()
    return "".join(pieces) + text[cursor:] if pieces else text


def _title_start(text: str, reach: int, end: int) -> int | None:
    """Where a title that ends at `end` starts: after the last sentence's end before it, or at the text's start; None
    when no sentence ends within `reach` (then the title cannot be told from the sentence)."""
    if reach == 0 and not _SENTENCE_END.search(text, 0, end):
        return 0
    ends = list(_SENTENCE_END.finditer(text, reach, end))
    return ends[-1].end() if ends else None


def _without_comment_box(text: str) -> str:
    """The text without each comment box and the share count, related headlines or tags that open it.
    On a page it ends the text; what follows one (in a text pieced together from several) is kept."""
    pieces, cursor = [], 0
    for box in _COMMENT_BOX.finditer(text):
        window = max(cursor, box.start() - TAIL_WITHIN)
        counts = list(_SHARE_COUNT.finditer(text, window, box.start()))
        if counts:
            start = counts[-1].start()
        else:
            tags = text.rfind("Tags ", window, box.start())
            related = text.rfind(" Related ", window, tags) if tags >= 0 else -1
            start = related if related >= 0 else tags
        if start >= 0:
            pieces.append(text[cursor:start])
            cursor = box.end()
    return "".join(pieces) + text[cursor:] if pieces else text


def _without_site_footer(text: str) -> str:
    """The text without each site footer: from "Related News" to the last of its policy links, when a
    copyright line with its year stands between them (TRT World's: related headlines, "FOLLOW TRTWORLD Dont miss out
    on the Latest News", social links, "Copyright 2018 TRT World", "Terms of Use Privacy Policy Cookie
    Policy")."""
    pieces, cursor = [], 0
    for start in _FOOTER_START.finditer(text):
        if start.start() < cursor:
            continue
        window = text[start.start():start.start() + FOOTER_WITHIN]
        ends = list(_FOOTER_END.finditer(window))
        if not ends or not _COPYRIGHT.search(window, 0, ends[-1].start()):
            continue
        last = ends[-1].end()
        while True:  # the footer's links run on: "Privacy Policy Cookie Policy"
            more = _FOOTER_END.match(window, last + 1) if window[last:last + 1] == " " else None
            if more is None:
                break
            last = more.end()
        pieces.append(text[cursor:start.start()])
        cursor = start.start() + last
    return "".join(pieces) + text[cursor:] if pieces else text


def _without_tag_lists(text: str) -> str:
    pieces, cursor = [], 0
    at = text.find("Tags ")
    while at >= 0:
        after = at + len("Tags ")
        if at == 0 or text[at - 1].isspace() or text[at - 1] in ".!?\"”'’":
            end = _story_restart(text, after)
            if end is not None:
                before = text[cursor:at]
                if before.strip() and not before.rstrip().endswith(tuple(".!?\"”’'")) and end < len(text):
                    # the standfirst before the tags ends no sentence ("... of the war-torn city Tags Syria Aleppo
                    # Eleven people ..."): a paragraph's end keeps it from running into the story's first sentence
                    before = before.rstrip() + "\n\n"
                pieces.append(before)
                cursor = after = max(end, after)
        at = text.find("Tags ", after)
    return "".join(pieces) + text[cursor:] if pieces else text


def _story_restart(text: str, start: int) -> int | None:
    """Where the story goes on after a tag list starting at `start`: the offset of its next sentence's
    first word, the end of the text when only tags follow, or None when that cannot be told."""
    tokens = [(m.start(), m.group()) for _, m in zip(range(TAGS_WITHIN + 8), _TOKEN.finditer(text, start))]
    words = [word.strip("\"“‘'([") for _, word in tokens]
    opening = _opening_words(text, start)  # Al-Araby repeats the sentence before the tags after them
    for i in range(1, min(len(tokens), TAGS_WITHIN)):
        if opening and words[i:i + len(opening)] == opening:
            return tokens[i][0]
    for i in range(1, min(len(tokens), TAGS_WITHIN)):  # at least one tag
        word = words[i]
        if (word in _STARTERS or word in _COUNT_OPENERS) and _runs_on(words, i):  # "Almost a dozen civilians"
            return tokens[i][0]
        function = word in _FUNCTION
        verb = word.islower() and len(word) > 4 and word.endswith("ed") and "-" not in word
        if not (function or verb):
            continue
        # "... Assad Warplanes carried out", "... war Government air raids in a": the subject is the
        # capitalised word before the verb, or before at most 3 lower-case words and a small word
        j = i - 1
        while j > 0 and words[j][:1].islower() and words[j] not in _FUNCTION:
            j -= 1
        run = i - 1 - j
        if j > 0 and words[j][:1].isupper() and (run >= 1 or verb) and run <= 3:
            while j > 1 and words[j - 1] in _MODIFIERS:  # "Suspected Syrian regime ... airstrikes"
                j -= 1
            return tokens[j][0]
        if function and not (words[i - 1][:1].isupper() and i + 1 < len(words) and words[i + 1][:1].isupper()):
            return None  # running text began (not a name's "for", "of"), and where cannot be told
    if len(tokens) <= TAGS_WITHIN and not re.search(r"[.!?]", text[start:]):
        return len(text)  # only tags are left
    return None


def _opening_words(text: str, tags_at: int, count: int = 3) -> list[str]:
    """The first words of the sentence just before "Tags" (which ends at `tags_at`), read within the
    SENTENCE_REACH characters before it: a text with a tag list every few lines stays linear."""
    window_start = max(0, tags_at - 5 - SENTENCE_REACH)
    before = text[window_start:max(0, tags_at - 5)]
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+", before[:-2])]
    if not ends and window_start > 0:
        return []  # the sentence began before the window: too long to be a standfirst
    words = [w.strip("\"“‘'([") for w in before[ends[-1] if ends else 0:].split()[:count]]
    return words if len(words) == count else []


def _runs_on(words: list[str], i: int) -> bool:
    """The next few words read as a sentence: lower-case words among them ("At least 11 civilians")."""
    following = words[i + 1:i + 5]
    return sum(word[:1].islower() or word[:1].isdigit() for word in following) >= 2
