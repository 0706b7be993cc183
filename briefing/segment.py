"""Paragraphs, then sentences, each with its character offsets in the document.

Headings (short lines with no end punctuation, or short questions, between paragraphs) are not
sentences, but they are kept on the sentences below them: reports tell one sub-story per passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sentencex import segment as sentencex_segment

from .dates import DAY_WITH_YEAR, MONTH_NAME, WEEKDAY
from .ingest.dateline import find_dateline, find_dateline_within
from .ingest.furniture import story_after_card
from .ingest.lead import ACRONYMS, after_place
from .press import AGENCIES
from .quantities import parse_number
from .model import Document, Sentence

MAX_SENTENCE_WORDS = 60  # sentencex never splits inside quotes: an unbalanced one makes a run-on
MIN_SENTENCE_WORDS = 4
HEADING_MAX_WORDS = 10
DATELINE_WITHIN = 3  # a dateline with no dash is looked for in the first sentences (after a lead summary)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_FORCED_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“(]?[A-Z])")
# credit and boilerplate lines that are not part of the story
_BOILERPLATE = re.compile(r"^\W*(?:(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Translated)(?: by)?\b[^.]{0,120}$"
                          r"|(?:Photo|Image|Picture|Video)(?: credit)?:\s|Read more:|Click here|Subscribe\b|Follow us\b"
                          r"|Copyright\b|©|All rights reserved|Last Update:|Sources?:\s|Our Standards:)"
                          r"|^(?-i:READ MORE)\b", re.I)
# a credit or a clock glued before the story: "REUTERS/Bassam Khabieh We hope ...", "(TRT World and Agencies)
# International leaders ...", "UTC+3 A total of ...": the story starts after it
_LEADING_CREDIT = re.compile(r"(?:[A-Z]{2,}/[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}|\([A-Z][\w ]{0,40}\bAgencies\)"
                             r"|(?:UTC|GMT)[+-]\d{1,2}|[A-Z]{2,5} Photo|Slideshow \(\d{1,3} Images?\))\s+(?=[A-Z\"“])")
_CREDIT = re.compile(r"\b(?:Additional reporting|Editing) by [A-Z]|pic\.twitter\.com/?\w|\bsign up (?:to|for) our\b"
                     r"|^\W*(?:\w+\s+){0,2}contributed(?:\s+to\s+this\s+(?:story|report|article))?\b"
                     r"|\bNever miss a story\b|^\W*Source:?\s+[A-Z][\w.]*(?:\s+(?:and|&)\s+agencies)?\W*$", re.I)
# a page's date line glued before the story ("Published October 4 2014 At least 35 ...", "6 October 2016 Aleppo ...",
# "Saturday 27 Aug 2016 Barrel bombs kill 15 in Aleppo Monitor AFP At least 15 civilians ...", "Air raids kill 11 in
# east Syria Monitor AFP Friday 15 Jul 2016 At least 11 ...", with Etilaf's clock ("Friday 10 July 2015 19:14 ...")
# and a page's "Print Tweet Views 1662"); the dates are dates.py's own (patterns used with .match(text, begin,
# end), so anchored at the sentence's start without a "^")
_PAGE_DATE = rf"(?:{DAY_WITH_YEAR}|\d{{2}}-\d{{2}}-\d{{4}})(?:\s+\d{{1,2}}:\d{{2}})?"
_AGENCY = r"(?:AFP|AP|Reuters)"  # the wires whose pages print a date line after the credit (of press.AGENCIES)
_PAGE_DATE_FIRST = re.compile(rf"(?:(?:NGO\s+|State media\s+)?{_AGENCY}\s+|(?:Published|Updated|Posted)(?:\s+on)?\s+)?"
                              rf"{_PAGE_DATE}\s+(?=[A-Z\"“0-9])")
_PAGE_DATE_AFTER_HEADLINE = re.compile(rf".{{0,250}}?\b{_AGENCY}\s+(?={WEEKDAY}){_PAGE_DATE}\s+(?=[A-Z\"“])")
# after a page date that opens the sentence, its headline and its credit ("... in Syrias Aleppo Monitor AFP")
_HEADLINE_CREDIT = re.compile(rf"(?:\S+\s+){{2,30}}?(?:(?:Monitor|monitor|State media|state media|State TV|state TV|NGO|"
                              rf"Report)\s+)?{_AGENCY}\s+(?=[A-Z\"“])")
_ATTRIBUTES = re.compile(r"\b(?:told|tells|said|says|according|reported|quoted)\b", re.I)
_PRINT_TWEET = re.compile(r"Print Tweet(?:\s+Views\s+\d+)?\s+")
# an embedded tweet glued before the story goes on: "... pic.twitter.com/ab12 Leith Abou Fadel (leithfadel) July 27
# 2016 State TV rolled footage ...": the story starts after the tweet's date
# and its text's short lines before the link, sentences of their own: "Syria - Chlorine Gas Attack in Saraqeb. About 30
# people affected. Retaliation to downing of Russia helicopter? pic.twitter.com..." (a story's sentence is longer)
# A tweet can also end with its author's name, handle and date and no link: "... Thats something new. Syria Raniah
# Salloum (Ranyah) February 5 2015 Over 30 rockets ...", "8 killed in yesterdays tragedy. The White Helmets
# (SyriaCivilDef) April 30 2017 "Rescue workers ...": a one-word handle in brackets before a day (not a wire's name)
TWEET_CHARS = 280
TWEET_LINE_WORDS = 8
_TWEET = re.compile(rf".*?(?:pic\.twitter\.com\S*(?:\s+[^()]{{0,60}}?\(\w+\))?|\s\((?P<signed>\w+)\))"
                    rf"\s+{DAY_WITH_YEAR}\s+(?=[A-Z\"“0-9])")
_SIGNATURE = re.compile(rf"\s\((\w+)\)\s+{DAY_WITH_YEAR}\b")
# the tweet's own lines are short, or a tweet's voice: an exclamation, a question, the first person, an imperative
# ("My god! Look at the devastation from this terrorist attack in Qamishli. My prayers are with the victims."); a
# story's sentence that quotes one says who spoke
_TWEET_VOICE = re.compile(r"[!?][\"”’']?$|\b(?:I|Im|I'm|I’m|my|My|we|We|our|Our|us|me)\b"
                          r"|^(?:Look|Watch|See|Pray|Stop|Help|Join|Read|Share|Please|Retweet|RT)\b")
_SPEAKS = re.compile(r"\b(?:said|says|told|tells|according|asked|added|quoted|wrote|tweeted)\b")
# a photo's caption glued into the text: a scene in the present tense, dated to the day at its end ("Syrian
# children receive treatment following a suspected toxic gas attack in Khan Shaykhun ... on April 4 2017.",
# "A man holds a child ... in this handout picture provided by SANA on September 5 2016.")
_CAPTION_VERBS = ("receive|sit|stand|walk|carry|carrie|look|gather|hold|inspect|rest|wait|ride|pray|mourn|react|"
                  "flee|arrive|check|search|searche|evacuate|help|attend|cry|crie|shout|wave|take|pass|rushe|rush|"
                  "gesture|lie|play|march|marche|chant|clear|remove|treat|transport|bury|burie|sweep|sift|dig|"
                  "comfort|hug|embrace|watch|stare|queue|line|collect|load|unload|prepare|pose|stroll|shelter")
_CAPTION = re.compile(rf"^(?:\S+\s+){{0,12}}?(?<!will )(?<!would )(?<!to )(?<!can )(?<!could )(?<!may )(?<!must )"
                      rf"(?:{_CAPTION_VERBS})s?\b.{{0,400}}?\s(?<!of\s)(?:on\s+)?{DAY_WITH_YEAR}\.?\s*"
                      rf"(?:\({_AGENCY}[^)]*\))?\s*$"
                      rf"|\bin this (?:handout )?(?:picture|photo|image)\b")
# ... and with no date: a person in a scene, in the present tense, and no one said it (Daily Sabah and TRT put them in
# the text: "A man carries an injured girl after an airstrike on Aleppos opposition held Kadi Askar in Aleppo.", "A boy
# breathes through an oxygen mask at Al-Quds hospital after the suspected gas attack." (audit 8: a topic of its own,
# "Al-Quds chemical attack"), "People inspect a damaged building in Idlib after warplanes pounded the city yesterday.")
_SCENE_PERSON = (r"(?:man|woman|boy|girl|child|baby|people|men|women|boys|girls|children|soldiers?|fighters?|rescuers?"
                 r"|volunteers?|medics?)")
_SCENE_CAPTION = re.compile(rf"^(?:(?:A|An|The|Two|Three|Some)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?i:{_SCENE_PERSON})"
                            rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_CAPTION_VERBS}|breathe|run|drive|inspect)(?:s|es)?\b")
_NOT_A_SCENE = re.compile(r"\b(?:was|were|has|have|had|is|are|been|will|would|said|says|told|tells|according|killed)\b")
SCENE_MAX_WORDS = 40
# a byline on its own: names and nothing else ("Dominic Evans Khaled Yacoub Oweis.", "Mark Felsenthal.", Asharq
# Al-Awsat's "Youssef Diab Paula Astih and Najla Habriri.")
_BYLINE = re.compile(r"^(?:[A-Z][\w'’-]+\s+(?:and\s+)?){1,7}[A-Z][\w'’-]+\.?$")
# a photo's credit in brackets: "(AFP Photo)", "(Photo AFP)", "(File photo)", "(IHA Photo)", Al-Araby's "[Click to
# enlarge]" under its pictures, an old photo's "(archive)" (Al-Manar: "Casualties as Syria terrorists shell Aleppo city
# (archive) A bomb exploded ...", audit 8) and "(AP Archive)" (TRT)
_PHOTO_CREDIT_BRACKET = re.compile(r"[(\[](?:(?:[A-Z][\w.]*\s){0,2}(?:File\s)?[Pp]hoto(?:\s[A-Z][\w.]*){0,2}"
                                   r"|(?:[A-Z][\w.]*\s){0,2}[Aa]rchive(?:\s[Pp]hoto)?|Click to enlarge)[)\]]\s*")
_CREDIT_WORDS_IN_BRACKETS = ("hoto", "rchive", "Click to enlarge")  # read before _PHOTO_CREDIT_BRACKET is tried
# Sputnik's link to another story: "READ MORE WATCH Russian Airstrikes Send Terrorists Fleeing in Syrias Hama In a
# separate operation in Hama the Syrian troops ..."
_READ_MORE = re.compile(r"READ MORE(?:\s+WATCH)?:?\s+")
_CAPS_HEADING = re.compile(r"(?:[A-Z][A-Z'’-]+\s+){2,4}(?=[A-Z\"“(0-9][a-z(0-9 ])")
_GLUED_HEADING = re.compile(r"((?!(?:The|A|An)\s)[A-Z][\w'’-]*)\s+(?:(?!(?:The|A|An)\s)[A-Z][\w'’-]*\s+){0,3}"
                            r"(?=(?:The|A|An)\s+\S)")
# a sub-heading in sentence case glued before the sentence below it (Al-Araby, TRT, Al Arabiya, Jordan Times: "...
# condemned the raids. Intentional attack A leading opposition group ...", "Girl evacuated The ministry said ...", a
# quote: "We had no choice A Madaya resident speaking from the bus garage ..." (audit 8)): two to five words, then "The",
# "A" or "An" in capitals in mid-sentence
_SHORT_HEADING = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){1,4}\s+(?=(?:The|A|An)\s+\S)")
# words that make them a sentence's own start: who said what ("He added The stances ...", "A medical source in Aleppo
# said The regimes helicopter ..."), a chronology's date ("September 2014 The US ... launch"), a count, or the subject
# of reported speech going on, its full stop lost ("... he said. He has no links with Daesh The advances ..."); and a
# name with its article after a small word ("The UN-backed group based in The Hague ...", "A contributor to The New
# Arab based in Aleppo ...")
_NOT_A_HEADING = re.compile(rf"\b(?:said|says|told|tells|according|added|asked|quoted|stated|announced|reported"
                            rf"|{MONTH_NAME}|{WEEKDAY})\b|\d|^(?:He|She|It|They|His|Her|Its|Their|This|These|That|Those)\b"
                            r"|\b(?:of|in|on|at|to|for|by|with|from|as|into|near|about|than|and|or|the|an?)\s*$")
_SENTENCE_ADVERBS = {"Meanwhile", "However", "Moreover", "Separately", "Later", "Earlier", "Also", "Still", "Then",
                     "Now", "Yesterday", "Today", "Instead", "Finally", "Nonetheless", "Nevertheless", "Furthermore",
                     "Besides", "Thus", "Therefore", "Indeed", "Overnight", "Elsewhere", "Additionally", "Previously"}
_WIRES = {name.casefold().replace(" ", "") for name in AGENCIES}  # "(DailySabah)": an outlet, no handle
_SOFT_BREAK = re.compile(r"(?<=[;:])\s+|\s+(?=[–—]\s)")
# a headline or a standfirst glued before the lead, the full stop or line between them lost: SANA's roundups ("Three
# injured in terrorist rocket attack on Bab Touma neighborhood in Damascus Three people were injured when ..."), a
# province's name ("Idleb Two persons were injured ..."), Al-Manar's standfirst said twice ("... in Aleppo city on Friday
# Eleven civilians were killed ..."), Daily Sabah's standfirst ("... UNICEF said 25 casualties were children Twenty-five
# children were reportedly killed ..."): a count in capitals in mid-sentence, then its noun and its verb
_COUNT_WORD = (r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|"
               r"Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundreds|Dozens|"
               r"Scores|Thousands)(?:-[a-z]+)?")
_GLUED_LEAD = re.compile(rf"(?<=\w)\s+(?=(?P<count>{_COUNT_WORD}|At least|More than)\s+(?:\S+\s+){{0,5}}?"
                         r"(?:were|was|are|is|have|has|had|got)\b)")
# the words before a count that is what someone said, not a new sentence ("He stressed Hundreds of ... were killed")
_SAYING = {"said", "says", "stressed", "added", "noted", "told", "stated", "warned", "confirmed", "reported",
           "announced", "explained", "affirmed", "indicated", "claimed", "that", "out"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> Iterator[Span]:
    """Blank-line separated blocks; inside a block, every line that ends a sentence or is a
    heading is a paragraph of its own (one-paragraph-per-line files), else the block is one
    hard-wrapped paragraph."""
    position = 0
    for block in _PARAGRAPH_BREAK.split(text):
        start = text.index(block, position)
        position = start + len(block)
        lines = _line_spans(block, start)
        if not lines:
            continue
        if all(_ends_sentence(text[s.start:s.end]) or _is_heading(text[s.start:s.end]) for s in lines[:-1]):
            yield from lines
        else:
            yield Span(lines[0].start, lines[-1].end)


def _line_spans(block: str, offset: int) -> list[Span]:
    spans, cursor = [], 0
    for line in block.split("\n"):
        stripped = line.strip()
        if stripped:
            begin = offset + cursor + line.index(stripped)
            spans.append(Span(begin, begin + len(stripped)))
        cursor += len(line) + 1
    return spans


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(tuple(".!?\"”’)"))


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS or not line[0].isupper():
        return False
    if line.endswith("?"):
        return len(words) <= 6
    return not line.rstrip().endswith(tuple(".!:;,\"”’)"))


def segment_document(document: Document) -> list[Sentence]:
    text = document.text
    sentences: list[Sentence] = []
    heading: str | None = None
    for number, span in enumerate(paragraphs(text)):
        paragraph = text[span.start:span.end]
        if _is_heading(paragraph) and "\n" not in paragraph:
            heading = paragraph.rstrip("?!").strip()
            continue
        start = span.start
        if number == 0 or not sentences:
            dateline = find_dateline(paragraph)
            if dateline:
                start += dateline.length
        for begin, end in _sentence_spans(text, start, span.end):
            if len(sentences) < DATELINE_WITHIN:  # "... said. MOSCOW (Sputnik) According to ...": one paragraph
                dateline = find_dateline_within(text[begin:end])
                if dateline:
                    begin += dateline.length
            link = _tweet_end(text, begin, end)
            if link >= 0:  # the tweet's own lines before its link or signature were split off as sentences
                while sentences and sentences[-1].paragraph == number and sentences[-1].start >= link - TWEET_CHARS \
                        and _tweets_line(sentences[-1].text):
                    sentences.pop()
                begin = _after_tweets(text, begin, end)
            if not sentences:  # a page's date line heads the page: later ones are a report's own chronology
                begin = _after_page_date(text, begin, end)
            photo = _after_photo_credit(text, begin, end)
            if photo is None:
                continue  # a caption and its credit, and no story after them ("(Click to enlarge) Read Also")
            begin = photo
            more = _READ_MORE.match(text, begin, end)
            if more:  # a link to another story, its headline, then maybe the story going on
                story = story_after_card(text, more.end())
                if story is None or story >= end or not _has_words(text, story, end, MIN_SENTENCE_WORDS):
                    continue
                begin = story
            # a sub-heading that lost its line is cut, but made no heading: which sentences are under it cannot be
            # told (the next sub-heading may go unseen: "Russia denies involvement Turkish President ...")
            begin = _glued_heading(text, begin, end) or begin
            credit = _LEADING_CREDIT.match(text, begin, end)
            if credit and len(text[credit.end():end].split()) >= MIN_SENTENCE_WORDS:
                begin = credit.end()
            sentence_text = text[begin:end]
            if _BOILERPLATE.match(sentence_text) or _is_credit(sentence_text) or _BYLINE.match(sentence_text) \
                    or _is_caption(sentence_text):
                continue
            if len(sentence_text.split()) == 1:
                continue  # a word alone ("Staff." of "Reuters Staff."), no statement
            if _DATE_ONLY.fullmatch(sentence_text):  # a date alone: a caption's, split from it ("... near the Turkish
                # border. July 27 2016. (TRT World and Agencies) A bomb blast ...")
                if sentences and sentences[-1].paragraph == number and \
                        _is_caption(sentences[-1].text.rstrip(".") + " " + sentence_text):
                    sentences.pop()
                continue
            if len(sentence_text.split()) < MIN_SENTENCE_WORDS and sentences and not sentence_text[-1:] in ".!?":
                continue
            sentences.append(Sentence(doc_id=document.id, index=len(sentences), paragraph=number,
                                      start=begin, end=end, text=sentence_text, heading=heading))
    return sentences


def _after_photo_credit(text: str, begin: int, end: int) -> int | None:
    """Where the story starts in a sentence that holds a photo's credit in brackets: after the credit (and the caption
    before it, and a dateline in capitals after it: "Syrian Kurds walk near destroyed buildings in Hasakeh on Monday
    (AFP photo) BEIRUT Thirteen civilians ...", "(IHA Photo) Qamishli ...", "[Click to enlarge] The pro-regime
    website ..."); `begin` if it holds none; None if no sentence is left after it."""
    if not _may_hold_photo_credit(text[begin:end]):
        return begin
    credit = _PHOTO_CREDIT_BRACKET.search(text, begin, end)
    if credit is None:
        return begin
    if not _has_words(text, credit.end(), end, MIN_SENTENCE_WORDS):
        return None
    story = after_place(text, credit.end())
    return story if _has_words(text, story, end, MIN_SENTENCE_WORDS) else credit.end()


def _may_hold_photo_credit(sentence: str) -> bool:
    return any(word in sentence for word in _CREDIT_WORDS_IN_BRACKETS)


def _glued_heading(text: str, begin: int, end: int) -> int | None:
    """Where the sentence starts after a sub-heading glued before it, the line between them lost ("Military Denies The
    Syrian military source on Tuesday denied ...", "Malnutrition The shelling comes as ...", SANA's provinces: "Hama
    An army unit ..."): one to four capitalised words, none an article, then "The", "A" or "An" and running text
    (two lower-case words of the next four: not a title-case headline's "Russia Sends A Warship To Syria"). None if
    there is none, or the first word opens sentences ("Meanwhile The Arab League called ...")."""
    caps = _CAPS_HEADING.match(text, begin, end)
    if caps is not None:  # Reuters' sub-headings in capitals: "WINNING RESPECT Damaged military vehicles ..."
        words = caps.group().split()
        if not any(word in ACRONYMS for word in words) and any(len(word) >= 4 for word in words) \
                and _has_words(text, caps.end(), end, MIN_SENTENCE_WORDS):
            return caps.end()
        return None
    heading = _GLUED_HEADING.match(text, begin, end)
    if heading is not None and heading.group(1) in _SENTENCE_ADVERBS:
        return None
    if heading is None:
        heading = _SHORT_HEADING.match(text, begin, end)
        if heading is None or heading.group().split()[0] in _SENTENCE_ADVERBS or _NOT_A_HEADING.search(heading.group()):
            return None
    following = text[heading.end():end].split()[1:5]
    if sum(word[:1].islower() for word in following) < 2 or len(following) < 3:
        return None
    return heading.end()


def _tweet_end(text: str, begin: int, end: int) -> int:
    """Where an embedded tweet's link, or its signature (a name, a handle in brackets and a day), stands in the
    sentence; -1 if none does."""
    link = text.find("pic.twitter.com", begin, end)
    if link >= 0:
        return link
    if "(" in text[begin:end]:
        for signature in _SIGNATURE.finditer(text, begin, end):
            if _is_handle(signature.group(1)):
                return signature.start()
    return -1


def _is_handle(name: str) -> bool:
    """A tweet's handle in a signature with no link: not a wire's or outlet's name ("(SANA)", "(DailySabah)"), nor an
    organisation's initials spelt out before it ("the Kurdish units (YPG) July 27 2016")."""
    return name.casefold() not in _WIRES and name not in ACRONYMS


def _tweets_line(sentence: str) -> bool:
    """A sentence before a tweet's end that is the tweet's own: short, or in a tweet's voice and quoting no one."""
    return len(sentence.split()) < TWEET_LINE_WORDS or bool(_TWEET_VOICE.search(sentence)) \
        and not _SPEAKS.search(sentence)


def _after_tweets(text: str, begin: int, end: int) -> int:
    """Past the tweets glued before the story goes on ("pic.twitter.comab12 Leith Abou Fadel (leithfadel) July 27
    2016 State TV rolled footage ..."), the last of several; `begin` when too little of a sentence would be left."""
    start = begin
    while (tweet := _TWEET.match(text, begin, end)) is not None:
        signed = tweet.group("signed")  # with no link, a wire's name in brackets is no handle
        if signed and not _is_handle(signed) or not _has_words(text, tweet.end(), end, MIN_SENTENCE_WORDS):
            break
        begin = tweet.end()
    return begin if begin > start else start


_WORD = re.compile(r"\S+")


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    """At least `count` words in text[start:end], read no further than that (a loop over a long run stays linear)."""
    return sum(1 for _, _word in zip(range(count), _WORD.finditer(text, start, end))) >= count


_DATE_ONLY = re.compile(rf"{DAY_WITH_YEAR}\.?")
_CREDIT_WORDS = ("reporting by", "editing by", "pic.twitter", "sign up", "never miss", "source", "contributed")
_YEAR_AT_END = re.compile(r"\d{4}\W{0,3}(?:\([^)]{0,40}\))?\W{0,3}$")


def _is_credit(text: str) -> bool:
    """_CREDIT, tried only on a sentence holding one of its words (24,000 sentences: 0.27 s -> 0.03 s)."""
    lower = text.lower()
    return any(word in lower for word in _CREDIT_WORDS) and bool(_CREDIT.search(text))


def _is_caption(text: str) -> bool:
    """_CAPTION, tried only on a sentence that ends with a year or says "in this" (picture, photo); _SCENE_CAPTION."""
    return bool((_YEAR_AT_END.search(text[-60:]) or "in this " in text) and _CAPTION.search(text)) \
        or _SCENE_CAPTION.match(text) is not None and len(text.split()) <= SCENE_MAX_WORDS \
        and not _NOT_A_SCENE.search(text)


def _after_page_date(text: str, begin: int, end: int) -> int:
    """Where the story starts in a report's first sentence when a page's date line (and the headline and credit
    around it) was glued onto it; `begin` if none was, or if too little of a sentence would be left."""
    start = begin
    first = _PAGE_DATE_FIRST.match(text, begin, end)
    if first:
        begin = first.end()
        credit = _HEADLINE_CREDIT.match(text, begin, end)
        # not past words that attribute ("a doctor told Reuters ..."): those are the story's own
        if credit and not _ATTRIBUTES.search(text, begin, credit.end()):
            begin = credit.end()
    else:
        after = _PAGE_DATE_AFTER_HEADLINE.match(text, begin, end)
        if after and not _ATTRIBUTES.search(text, begin, after.end()):
            begin = after.end()
    printed = _PRINT_TWEET.match(text, begin, end)
    begin = printed.end() if printed else begin
    return begin if len(text[begin:end].split()) >= MIN_SENTENCE_WORDS else start


# a clock time's "a.m." or "p.m." before its time zone, which sentencex takes for a sentence's end ("at 8:50 a.m. BST
# (0750 UTC), marking ...": MultiLing M001; "at 6 p.m. Damascus time")
_CLOCK_END = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.\s*$", re.I)
_TIME_ZONE = re.compile(r"(?:UTC|GMT|BST|CET|CEST|EET|EEST|MSK|AST|EST|EDT|CST|CDT|PST|PDT|ET|PT|[A-Z][a-z]+\s+time)\b")


def _pieces(text: str) -> Iterator[str]:
    """sentencex's sentences of `text`, a clock time kept with the time zone after it."""
    held = ""
    for piece in sentencex_segment("en", text):
        if held and _TIME_ZONE.match(piece):
            held += piece
            continue
        if held:
            yield held
        held = piece
        if not _CLOCK_END.search(piece):
            yield held
            held = ""
    if held:
        yield held


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    opening = None  # where a quote mark that opens the next sentence was left at the end of the last one
    for piece in _pieces(text[start:end]):
        stripped = piece.strip()
        if not stripped:
            continue
        begin = text.index(stripped, cursor, end)
        cursor = begin + len(stripped)
        if opening is not None and not text[opening + 1:begin].strip():
            begin = opening
        opening = None
        piece_end = cursor
        if _OPENING_QUOTE_LEFT.search(stripped):
            # an unclosed quote's mark left behind: 'Carter said on Wednesday. "' / 'Weve killed over 20 ...' (audit 9)
            opening = cursor - 1
            piece_end = begin + len(stripped[:-1].rstrip())
        for lead_begin, lead_end in _after_glued_headlines(text, begin, piece_end):
            for a, b in _before_photo_credits(text, lead_begin, lead_end):
                yield from _cap_length(text, a, b)


def _after_glued_headlines(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """The span split before each lead glued to a headline or standfirst (_GLUED_LEAD); a headline that says the lead's
    count again, or the standfirst said twice, is left out: the lead says it (a standfirst with facts of its own is
    kept, a sentence of its own)."""
    for glue in _GLUED_LEAD.finditer(text, begin, end):
        before = text[begin:glue.start()]
        # (a page's date line and headline before the first sentence: _after_page_date cuts them whole)
        if not before.strip() or before.split()[-1].lower() in _SAYING or _A_PAGE_DATE.search(before) \
                or not _has_words(text, glue.end(), end, MIN_SENTENCE_WORDS):
            continue
        if not _restates(before, text[glue.end():end]):
            yield begin, glue.start()
        begin = glue.end()
    yield begin, end


_A_PAGE_DATE = re.compile(_PAGE_DATE)
_OPENING_QUOTE_LEFT = re.compile(r"[.!?]\s+[\"“]$")


def _restates(headline: str, lead: str) -> bool:
    """Whether the words before a glued lead are its headline: they hold its count and no number it does not hold
    ("Terrorist rocket attack injures three civilians ..." before "Three civilians were injured ...", "4 citizens
    killed ..." before "At least four citizens were killed ..."), or the lead says them again. Not a standfirst with a
    toll of its own ("... killed 58 civilians in eastern Syria UNICEF said 25 casualties were children" before
    "Twenty-five children were reportedly killed ...")."""
    if lead.startswith(headline.strip()):
        return True
    words = lead.split()
    count = parse_number(words[2] if words[0] in ("At", "More") else words[0])
    said = _numbers(headline)
    return count in said and said <= _numbers(lead)


def _numbers(words: str) -> set[tuple[int, int, int | None]]:
    return {number for word in words.split() if (word[:1].isdigit() or word.isalpha())
            and (number := parse_number(word)) is not None}


def _before_photo_credits(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """The span, split before each photo credit in brackets that follows a sentence's end (sentencex does not split
    before a bracket: "The army advanced. (Click to enlarge) Read Also")."""
    if not _may_hold_photo_credit(text[begin:end]):
        yield begin, end
        return
    for credit in _PHOTO_CREDIT_BRACKET.finditer(text, begin, end):
        before = text[begin:credit.start()].rstrip()
        if credit.start() > begin and before.endswith(tuple(".!?\"”’")):
            yield begin, begin + len(before)
            begin = credit.start()
    yield begin, end


def _cap_length(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """Re-split a run-on 'sentence' at sentence ends that sentencex ignored inside quotes,
    then at semicolons and dashes; a run with no break point at all is kept whole."""
    if len(text[begin:end].split()) <= MAX_SENTENCE_WORDS:
        yield begin, end
        return
    for pattern in (_FORCED_BREAK, _SOFT_BREAK):
        cuts = [begin] + [begin + m.end() for m in pattern.finditer(text[begin:end])] + [end]
        pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
        if len(pieces) > 1:
            for a, b in pieces:
                piece = text[a:b]
                a += len(piece) - len(piece.lstrip())
                b -= len(piece) - len(piece.rstrip())
                yield from _cap_length(text, a, b)
            return
    yield begin, end


def segment_documents(documents: list[Document]) -> list[Sentence]:
    return [sentence for document in documents for sentence in segment_document(document)]
