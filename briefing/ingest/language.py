"""Which language a report is in (py3langid: a small model shipped in its wheel, nothing downloaded).

Short texts are not judged: a headline-sized report is too little evidence to drop it.
"""

from __future__ import annotations

import threading

MIN_WORDS = 25
CONFIDENCE = 0.9
SAMPLE_CHARS = 4000
_lock = threading.Lock()
_identifier = None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or mixed."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    language, confidence = _get_identifier().classify(sample)
    return language if confidence >= CONFIDENCE else None


def _get_identifier():
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier
