"""The benchmark's own parts: the ROUGE-1.5.5-style scorer and the MultiLing reader (fast)."""

from __future__ import annotations

import pytest

pytest.importorskip("rouge_score")


def test_rouge_matches_rouge_score_on_one_reference_and_sums_over_several():
    from rouge_score import rouge_scorer

    from benchmarks.rouge import cut_words, score

    ours = ["The cat sat on the mat.", "Dogs were barking loudly at night."]
    ref = ["A cat was sitting on the mat.", "At night the dogs barked."]
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True).score(
        "\n".join(ref), "\n".join(ours))
    mine = score(ours, [ref])
    for metric, other in (("rouge1", "rouge1"), ("rouge2", "rouge2"), ("rougeL", "rougeLsum")):
        assert mine[metric].recall == pytest.approx(100 * theirs[other].recall)
        assert mine[metric].precision == pytest.approx(100 * theirs[other].precision)
    # -f A: matches and reference n-grams are summed over the references, not the best one kept
    both = score(["a b c d"], [["a b c d"], ["a b x y z w"]])["rouge1"]
    assert both.recall == pytest.approx(100 * (4 + 2) / (4 + 6))
    # -l N cuts every summary, the references too
    assert cut_words(["one two three", "four five"], 4) == ["one two three", "four"]


def test_multiling_reader_cleans_the_quirks():
    from benchmarks.multiling import clean_lines, load_clusters

    title, date, paragraphs = clean_lines(["2005/01/08 Tsunami aid donations", "Countries affected by it",
                                           "Tuesday, January 18, 2005Through a telethon, Romanians raised money.",
                                           "Margaret Beckett", "The freeze stays until they are released, said Margaret Beckett.",
                                           "Russell Square after the bombings.", "Image: Francis Tyers.",
                                           "Local death tolls", "* India - more than 7,700"])
    assert title == "Tsunami aid donations" and date == "2005-01-18"
    assert paragraphs == ["Through a telethon, Romanians raised money.", "The freeze stays until they are released, said Margaret Beckett.",
                          "Local death tolls", "India - more than 7,700"]
    clusters = load_clusters()
    assert [c.id for c in clusters] == ["M000", "M001", "M002"]
    assert all(len(c.documents) == 10 and len(c.references) == 3 for c in clusters)
    assert not any("Image:" in d.text for c in clusters for d in c.documents)
