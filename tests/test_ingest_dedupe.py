"""Copy detection's 5-grams, hashed for all reports at once with numpy, are the 5-grams of the
words `re.findall(r"\\w+")` finds in the casefolded text: the same reports share the same number
of them as with Python's own tuples of words."""

from __future__ import annotations

import random
import re

import pytest

from briefing.ingest import dedupe
from briefing.model import Document
from tests.conftest import SEEDS


def reference_shingles(text: str) -> set[int]:
    """The word 5-grams as Python tuples (a text of fewer words: its words as one)."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) < dedupe.SHINGLE_WORDS:
        return {hash(tuple(words))} if words else set()
    return set(map(hash, zip(*(words[k:] for k in range(dedupe.SHINGLE_WORDS)))))


def table_sets(texts: list[str]) -> list[set[int]]:
    owner, gram, sizes = dedupe._shingle_table(texts)
    sets: list[set[int]] = [set() for _ in texts]
    for text, number in zip(owner.tolist(), gram.tolist()):
        assert number not in sets[text]  # once per text
        sets[text].add(number)
    assert sizes.tolist() == [len(s) for s in sets]
    return sets


def assert_same_overlaps(texts: list[str]) -> None:
    expected = [reference_shingles(t) for t in texts]
    found = table_sets(texts)
    assert [len(s) for s in found] == [len(s) for s in expected]
    for i in range(len(texts)):
        for j in range(i, len(texts)):
            assert len(found[i] & found[j]) == len(expected[i] & expected[j]), (texts[i][:80], texts[j][:80])


SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
ODD = [
    "", "   ", "...", "one", "one two", "one two three four", "one two three four five",
    "ONE two Three FOUR five six", "Straße STRASSE strasse ﬁnal FINAL final",  # casefolding lengthens
    "Der Fluß und die Straße führen nach Köln. İstanbul ΣΊΣΥΦΟΣ σίσυφος ς "
    "日本語の記事 x_y 3.14 ٣٤",
    "cafe\u0301 café cafe\u0301 café e\u0301 \u00e9 snake_case_name __init__ a1b2 ½ ² ⅷ",
    "emoji 🙂 between words 🙂 and \U0001d400\U0001d401 math letters and a lone \ud800 surrogate here",
    "tab\tseparated\nnew\nlines\r\nand\x0bcontrol\x0cchars\x1f\x00nul inside words",
]


def test_the_hashed_5_grams_overlap_as_pythons_do():
    rng = random.Random(7)
    texts = list(ODD) + SEED_TEXTS
    for _ in range(30):  # pieces of the seeds, and seeds with odd words spliced in
        words = rng.choice(SEED_TEXTS).split()
        start = rng.randrange(len(words))
        piece = words[start:start + rng.choice([1, 3, 4, 5, 6, 40, 400])]
        if rng.random() < 0.5:
            piece.insert(rng.randrange(len(piece) + 1), rng.choice(ODD))
        texts.append(" ".join(piece))
    assert_same_overlaps(texts)


def test_no_text_and_no_words():
    assert [len(x) for x in dedupe._shingle_table([])] == [0, 0, 0]
    assert dedupe._shingle_table(["", "...", "  "])[2].tolist() == [0, 0, 0]


@pytest.mark.parametrize("code", [0x5F, 0x30, 0x41, 0xAA, 0xB2, 0xBD, 0x300, 0x301, 0x660, 0x2167, 0x3005, 0xFF10])
def test_word_characters_are_those_of_backslash_w(code):
    assert dedupe._is_word_char(code) == bool(re.fullmatch(r"\w", chr(code)))


def test_every_word_character_below_0x3000_is_that_of_backslash_w():
    assert all(dedupe._is_word_char(c) == bool(re.fullmatch(r"\w", chr(c))) for c in range(0x3000))


def doc(id: str, text: str, outlet: str | None = None) -> Document:
    return Document(id=id, title=id, title_from="file name", outlet=outlet, date=None, url=None, path=None,
                    place=None, text=text)


def test_copies_word_for_word_near_copies_and_short_texts_collapse():
    story = SEED_TEXTS[0]
    words = story.split()
    near = " ".join(words[:-3])  # the same story with its last words cut
    other = SEED_TEXTS[1]
    documents = [doc("a", story, "A"), doc("b", other, "B"), doc("c", story.upper(), "C"), doc("d", near, "D"),
                 doc("e", "Dam breaks", "E"), doc("f", "dam BREAKS!", "F"), doc("g", "", "G")]
    kept, pairs = dedupe.collapse_duplicates(documents)
    assert [d.id for d in kept] == ["a", "b", "e", "g"]
    assert kept[0].also_published_by == ("C", "D") and kept[2].also_published_by == ("F",)
    assert sorted((c.id, o.id) for c, o in pairs) == [("c", "a"), ("d", "a"), ("f", "e")]


def test_a_near_copy_with_another_toll_is_an_update_not_a_copy():
    """Re-audit: b.txt, a.txt with "Two people died" made "Three people died", was dropped as a copy, so the
    difference it tells never reached "Where sources differ"."""
    story = ("Two people died when a car bomb exploded in the market of Azaz on Monday, the monitor said. The blast "
             "also damaged shops and houses nearby, residents said. Rescue teams searched the rubble for survivors "
             "until the evening.")
    documents = [doc("a", story, "A"), doc("b", story.replace("Two people", "Three people"), "B"),
                 doc("c", story + " More later.", "C")]
    kept, pairs = dedupe.collapse_duplicates(documents)
    assert [d.id for d in kept] == ["a", "b"] and [(c.id, o.id) for c, o in pairs] == [("c", "a")]


def test_two_lines_of_one_jsonl_that_are_copies_are_named_by_their_ids(tmp_path):
    """An audit read "idlib3days.jsonl is a copy of idlib3days.jsonl": the lines are named."""
    from briefing.ingest import load_documents

    story = "The army took the town of Marib on Friday after a week of fighting, officials said."
    lines = [f'{{"title": "A", "text": "{story}"}}', '{"title": "B", "text": "Rebels fled Marib on Saturday at dawn '
             'and the army entered the centre."}', f'{{"title": "A", "text": "{story}"}}']
    (tmp_path / "day.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    said: list[str] = []
    documents = load_documents([str(tmp_path / "day.jsonl")], progress=said.append)
    assert len(documents) == 2
    assert said == [f"{tmp_path / 'day.jsonl'} (day-3) is a copy of {tmp_path / 'day.jsonl'} (day-1): counted once"]
