"""Which language a report is in (py3langid: a small model shipped in its wheel, nothing downloaded).

Short texts are not judged: a headline-sized report is too little evidence to drop it. English
news is recognised first by its function words (they are a fifth to a third of its words and
almost absent from other languages), which spares loading the model (over a second) on most runs.
A report with fewer of them (a wire story full of names and numbers: 0.13 on the 1,000-report
benchmark) is still English when almost none of its words are another language's function words
or written with letters English does not use; a report mixing in a few foreign sentences has
more than that and goes to the model.
"""

from __future__ import annotations

import re
import threading

# the two-letter ISO 639-1 codes py3langid's model tells apart (tests check this against the model,
# which takes a second to load: --language is checked against this list instead)
LANGUAGES = frozenset("""
    af am an ar as az ba be bg bn br bs ca cs cy da de dz el en eo es et eu fa fi fo fr fy ga gd gl gu
    ha he hi hr ht hu hy id ig is it ja jv ka kk km kn ko ku ky la lb lg ln lo lt lv mg mk ml mn mr ms
    mt my ne nl nn no oc om or pa pl ps pt qu ro ru rw sa se si sk sl sn so sq sr st sv sw ta te tg th
    tk tl tr tt ug uk ur uz vi vo wa xh yo zh zu""".split())
MIN_WORDS = 25
CONFIDENCE = 0.9
SAMPLE_CHARS = 2000
ENGLISH_SHARE = 0.18  # English news: 0.28 to 0.31 on the seeds; French, German: 0; Dutch: 0.08
_ENGLISH = frozenset("the of and to that for with was were is are said has have from by it its this which "
                     "their they he she been at as after would will".split())
ENGLISH_SHARE_UNMIXED = 0.10  # ... enough with next to no foreign words (foreign news: 0 to 0.07)
FOREIGN_SHARE = 0.02  # English news: at most 0.012; the model starts to call a mix foreign from 0.04
# common words of other languages written in Latin letters that English text does not use (not "a",
# "in", "van", "al", "non", "men", ...: English has them), each language's dozen or two
_FOREIGN = frozenset("""
    le la les des du une et est dans qui pour pas sur aux avec ce cette il elle ils ont sont été par mais ou
    selon leur der das und ist nicht mit den dem ein eine einen zu auf sich von im für auch wurde werden sie
    es nach bei wie oder noch über el los las del y que por con para se su fue como pero sus más esta entre
    sobre también di che per della delle dei degli nel nella alla sono gli anche dal dalla più het een niet
    zijn op voor dat er ook werd naar bij maar worden wordt dit aan heeft hebben zich tegen nog geen deze
    uit die wat deur vir os da dos das em um uma não foi pelo pela ao seu sua och att är som på för det av
    ett inte har om eller också og ikke af til și în cu pe pentru care din că este fost się nie na że jest
    przez jak ang ng mga sa ay yang dan dari untuk dengan ini itu dalam tidak akan pada""".split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_lock = threading.Lock()
_identifier = None


def detect_language(text: str, expected: str | None = None) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or mixed.
    `expected` is only a hint for the fast path."""
    sample = text[:SAMPLE_CHARS]
    # ASCII text (most news): the same words by a plain [a-z] pattern, which is quicker
    words = _ASCII_WORD.findall(sample.lower()) if sample.isascii() else _WORD.findall(sample.casefold())
    if len(words) < MIN_WORDS:
        return None
    if expected == "en" and _plainly_english(words):
        return "en"
    language, confidence = _get_identifier().classify(sample)
    return language if confidence >= CONFIDENCE else None


def _plainly_english(words: list[str]) -> bool:
    """English by its function words alone (else the model decides); `words` are casefolded."""
    english = sum(map(_ENGLISH.__contains__, words)) / len(words)
    if english >= ENGLISH_SHARE:
        return True
    if english < ENGLISH_SHARE_UNMIXED:
        return False
    return sum(w in _FOREIGN or not w.isascii() for w in words) / len(words) <= FOREIGN_SHARE


def _get_identifier():
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier
