"""Name variants against a hand-grouped gold file (tests/data/names_gold.tsv): spellings from the seeds
and FA-KES grouped into entities, and hard negatives that must stay apart. Pairwise precision and
recall are printed (pytest -s) and must stay above the targets of issue 8."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from briefing.names import NameIndex

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PRECISION, RECALL = 0.95, 0.85


def load_gold() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """surface form -> entity id, and the hard-negative pairs."""
    entities: dict[str, str] = {}
    negatives: list[tuple[str, str]] = []
    in_negatives = False
    for line in (DATA / "names_gold.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# hard negatives"):
            in_negatives = True
            continue
        if not line.strip() or line.startswith("#"):
            continue
        left, right = line.split("\t")
        if in_negatives:
            negatives.append((left, right))
        else:
            for form in right.split("|"):
                entities[form] = left
    return entities, negatives


def index_over(forms: list[str]) -> NameIndex:
    """The index a brief would build: the seed reports, plus a sentence naming each form."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [f"Reports came in from {form} on Tuesday." for form in forms]
    return NameIndex(texts)


def test_gold_file_is_big_enough():
    entities, negatives = load_gold()
    assert len(entities) >= 60 and len(set(entities.values())) >= 20 and len(negatives) >= 40


def test_pairwise_precision_and_recall_on_the_gold_file():
    entities, negatives = load_gold()
    forms = sorted(set(entities) | {name for pair in negatives for name in pair})
    index = index_over(forms)
    predicted = {form: index.entity(form) for form in forms}
    tp = fp = fn = 0
    wrong, missed = [], []
    gold_pairs = set()
    for a, b in combinations(sorted(entities), 2):
        gold_pairs.add(frozenset((a, b)))
        same_gold, same_predicted = entities[a] == entities[b], predicted[a] == predicted[b]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
        if same_predicted and not same_gold:
            wrong.append((a, b))
        if same_gold and not same_predicted:
            missed.append((a, b))
    split_negatives = [(a, b) for a, b in negatives if predicted[a] == predicted[b]]
    fp += sum(1 for a, b in split_negatives if frozenset((a, b)) not in gold_pairs)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"\nnames: {len(entities)} surface forms, {len(set(entities.values()))} entities, "
          f"{len(negatives)} hard negatives; pairwise precision {precision:.3f}, recall {recall:.3f}")
    print(f"  joined wrongly: {wrong + split_negatives}\n  missed: {missed}")
    assert not split_negatives, f"hard negatives joined: {split_negatives}"
    assert precision >= PRECISION and recall >= RECALL


def test_config_aliases_extend_the_built_in_table():
    from briefing.names import ALIASES

    texts = ["The Tiger Forces advanced.", "Qawat al-Nimr units entered the town."]
    assert NameIndex(texts).entity("Qawat al-Nimr") != NameIndex(texts).entity("Tiger Forces")
    index = NameIndex(texts, aliases=ALIASES + (("Tiger Forces", "Qawat al-Nimr"),))
    assert index.entity("Qawat al-Nimr") == index.entity("Tiger Forces")
    assert index.display(index.entity("Qawat al-Nimr")) in ("Tiger Forces", "Qawat al-Nimr")


def test_config_file_aliases_reach_the_build_options(tmp_path):
    from briefing.config import ConfigError, load_config

    base = "[sources]\npaths = [\"reports/\"]\n[output]\ndir = \"briefs\"\n"
    path = tmp_path / "briefing.toml"
    path.write_text(base + "[brief]\naliases = [[\"Tiger Forces\", \"Qawat al-Nimr\", \"Nimr Forces\"]]\n")
    assert load_config(path).build.aliases == (("Tiger Forces", "Qawat al-Nimr", "Nimr Forces"),)
    path.write_text(base + "[brief.aliases]\n\"Tiger Forces\" = [\"Qawat al-Nimr\"]\n")
    assert load_config(path).build.aliases == (("Tiger Forces", "Qawat al-Nimr"),)
    path.write_text(base + "[brief]\naliases = [\"Tiger Forces\"]\n")
    with pytest.raises(ConfigError, match="aliases"):
        load_config(path)
