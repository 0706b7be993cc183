"""Summary quality and topic grouping on the MultiLing 2011 sample, ours against the baselines.

    .venv/bin/python -m benchmarks.quality [--backend torch|onnx] [--words 250] [--json out.json]

Summary quality: for each of the three clusters (10 reports each), the brief's statements in
reading order (sections only, not the key points), cut at 250 words, scored with ROUGE-1/2/L
recall and F1 against the three human references (benchmarks/rouge.py: ROUGE-1.5.5 `-f A -l 250`).
Baselines, in the same run, on the same sentences (briefing's segmenter, which re-splits run-ons):
  Lead      the reports' first sentences, round robin (report 1's first, report 2's first, ...);
  LexRank   sumy's LexRankSummarizer (top-rated sentences until the budget);
  TextRank  sumy's TextRankSummarizer (same);
  Centroid  the sentences closest to the centroid of all sentence vectors (same model as ours),
            skipping any within cosine 0.8 of one already taken.
And one row that is NOT a system: ORACLE reads the references and greedily takes the reports' own
sentences (same segmenter) that add most to ROUGE-2 recall within the budget: the upper bound of
choosing sentences (greedy, so about that; a few seconds). It is left out of "best baseline".
sumy needs NLTK's punkt data for its own tokenizer, which cannot be downloaded here: it gets a
tokenizer object of ours instead (sentences: briefing's segmenter; words: a regex).

Topic grouping: the 30 reports mixed into one brief; the story each clustered sentence comes
from against the topic it was put in: adjusted Rand index, NMI, topics found, and purity (the
share of clustered sentences whose topic's majority story is their own story).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from briefing.embed import make_embedder  # noqa: E402
from briefing.model import Document  # noqa: E402
from briefing.options import BuildOptions  # noqa: E402
from briefing.pipeline import brief_documents  # noqa: E402
from briefing.segment import _cap_length, segment_document  # noqa: E402

from benchmarks.multiling import Cluster, load_clusters  # noqa: E402
from benchmarks.rouge import cut_words, rouge_n, score, tokens  # noqa: E402

WORDS = 250
CENTROID_REDUNDANCY = 0.8


# --- systems: each takes a cluster's documents and returns sentences in reading order ---------

def ours(documents: tuple[Document, ...], embedder, options: BuildOptions) -> list[str]:
    brief = brief_documents(list(documents), options, embedder=embedder)
    return [statement.text for section in brief.sections for statement in section.statements]


def lead(documents: tuple[Document, ...], words: int = WORDS) -> list[str]:
    per_doc = [[s.text for s in segment_document(d)] for d in documents]
    out, total, depth = [], 0, 0
    while total < words and any(depth < len(s) for s in per_doc):
        for sentences in per_doc:
            if depth < len(sentences) and total < words:
                out.append(sentences[depth])
                total += len(sentences[depth].split())
        depth += 1
    return out


class SegmenterTokenizer:
    """What sumy asks of a tokenizer, without NLTK data: briefing's sentences, regex words."""

    language = "english"
    _WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        doc = Document(id="p", title="", title_from="", outlet=None, date=None, url=None, path=None, place=None,
                       text=paragraph)
        return tuple(s.text for s in segment_document(doc))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(sentence))


def sumy_summary(kind: str, documents: tuple[Document, ...], words: int = WORDS) -> list[str]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    text = "\n\n".join(d.text for d in documents)
    parsed = PlaintextParser.from_string(text, SegmenterTokenizer()).document
    summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[kind](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def until_budget(infos):  # infos come best first; keep them until the word budget is spent
        kept, total = [], 0
        for info in infos:
            if total >= words:
                break
            kept.append(info)
            total += len(str(info.sentence).split())
        return kept

    return [str(s) for s in summarizer(parsed, until_budget)]


def centroid(documents: tuple[Document, ...], embedder, words: int = WORDS) -> list[str]:
    sentences = [s.text for d in documents for s in segment_document(d)]
    vectors = np.asarray(embedder.embed(sentences), dtype=np.float32)
    centre = vectors.mean(axis=0)
    centre /= np.linalg.norm(centre)
    chosen: list[int] = []
    total = 0
    for row in np.argsort(-(vectors @ centre), kind="stable"):
        if total >= words:
            break
        if any(vectors[row] @ vectors[other] > CENTROID_REDUNDANCY for other in chosen):
            continue
        chosen.append(int(row))
        total += len(sentences[row].split())
    return [sentences[r] for r in chosen]


def oracle(documents: tuple[Document, ...], references: list[list[str]], words: int = WORDS) -> list[str]:
    """NOT a system: it reads the references. The extractive upper bound (greedy): the reports' own
    sentences (briefing's segmenter), each time the one that adds most to ROUGE-2 recall against the
    references, while the summary holds at most `words` words; then the sentence whose first words
    (the scorer's cut) add most, if any does. In the order chosen."""
    pool = list(dict.fromkeys(s.text for d in documents for s in segment_document(d)))
    pool_tokens = [tokens(s) for s in pool]
    refs = [[tokens(s) for s in cut_words(r, words)] for r in references]

    def hits(summary: list[list[str]]) -> float:
        return rouge_n(summary, refs, 2).recall

    chosen: list[int] = []
    total, current = 0, 0.0
    while True:
        best, best_gain = -1, 0.0
        for i, toks in enumerate(pool_tokens):
            size = len(pool[i].split())
            if i in chosen or total + size > words:
                continue
            gain = hits([pool_tokens[c] for c in chosen] + [toks]) - current
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            break
        chosen.append(best)
        total += len(pool[best].split())
        current += best_gain
    if total < words:  # the scorer keeps the first words of one more sentence
        left = words - total
        cut = {i: tokens(" ".join(pool[i].split()[:left])) for i in range(len(pool)) if i not in chosen}
        gains = {i: hits([pool_tokens[c] for c in chosen] + [t]) - current for i, t in cut.items()}
        best = max(gains, key=gains.get, default=None)
        if best is not None and gains[best] > 0:
            chosen.append(best)
    return [pool[i] for i in chosen]


# --- the benchmark -----------------------------------------------------------------------------

def summary_table(clusters: list[Cluster], embedder, options: BuildOptions, words: int) -> dict:
    systems = {
        "briefing (ours)": lambda c: ours(c.documents, embedder, options),
        "Lead (round robin)": lambda c: lead(c.documents, words),
        "LexRank (sumy)": lambda c: sumy_summary("lexrank", c.documents, words),
        "TextRank (sumy)": lambda c: sumy_summary("textrank", c.documents, words),
        "Centroid (MiniLM)": lambda c: centroid(c.documents, embedder, words),
        # reads the references: how much room choosing among the reports' own sentences leaves
        "ORACLE (sees refs)": lambda c: oracle(c.documents, [_reference_sentences(r) for r in c.references], words),
    }
    table = {}
    for name, system in systems.items():
        started = time.perf_counter()
        per_cluster = {}
        for cluster in clusters:
            summary = system(cluster)
            references = [_reference_sentences(r) for r in cluster.references]
            scores = score(summary, references, words)
            per_cluster[cluster.id] = {metric: {"recall": s.recall, "f1": s.f1} for metric, s in scores.items()}
            per_cluster[cluster.id]["words"] = min(words, sum(len(s.split()) for s in summary))
        mean = {metric: {part: float(np.mean([per_cluster[c][metric][part] for c in per_cluster]))
                         for part in ("recall", "f1")} for metric in ("rouge1", "rouge2", "rougeL")}
        table[name] = {"mean": mean, "clusters": per_cluster, "seconds": round(time.perf_counter() - started, 2)}
        print(f"  {name}: R-2 recall {mean['rouge2']['recall']:.1f} ({table[name]['seconds']} s)", file=sys.stderr)
    return table


def _reference_sentences(text: str) -> list[str]:
    """A reference's sentences (for ROUGE-L's summary-level LCS); ROUGE-N ignores the split."""
    return [text[a:b] for start, end in [(0, len(text))] for a, b in _spans(text)]


def _spans(text: str):
    from sentencex import segment

    cursor = 0
    for piece in segment("en", text):
        piece = piece.strip()
        if piece:
            begin = text.index(piece, cursor)
            cursor = begin + len(piece)
            yield from _cap_length(text, begin, cursor)


def grouping(clusters: list[Cluster], embedder, options: BuildOptions) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    story_of = {d.id: c.id for c in clusters for d in c.documents}
    documents = [d for c in clusters for d in c.documents]
    order = np.random.default_rng(0).permutation(len(documents))  # mixed, not cluster by cluster
    started = time.perf_counter()
    brief = brief_documents([documents[i] for i in order], options, embedder=embedder)
    seconds = time.perf_counter() - started
    stories, topics = [], []
    for topic in brief.topics:
        for member in topic.members:
            stories.append(story_of[member.doc_id])
            topics.append(topic.id)
    majority = {t: Counter(s for s, tt in zip(stories, topics) if tt == t).most_common(1)[0][0] for t in set(topics)}
    purity = sum(1 for s, t in zip(stories, topics) if majority[t] == s) / len(stories)
    mixed = [t.label for t in brief.topics
             if Counter(story_of[m.doc_id] for m in t.members).most_common(1)[0][1] < 0.9 * len(t.members)]
    return {
        "ari": adjusted_rand_score(stories, topics),
        "nmi": normalized_mutual_info_score(stories, topics),
        "purity": purity,
        "topics": len(brief.topics),
        "mixed_topics": mixed,  # topics whose sentences come less than 90% from one story
        "clustered": len(stories),
        "unassigned": len(brief.unassigned),
        "labels": [f"{t.label} ({len(t.members)}, {Counter(story_of[m.doc_id] for m in t.members).most_common(1)[0][0]})"
                   for t in brief.topics],
        "seconds": round(seconds, 2),
    }


def print_table(table: dict, group: dict, words: int) -> None:
    print(f"\nSummary quality, MultiLing 2011 sample (3 clusters x 10 reports, 3 references each), "
          f"{words} words, ROUGE-1.5.5 -f A -l {words} (stemmed), mean over clusters, in %")
    print(f"| {'system':<20} | R-1 R | R-1 F | R-2 R | R-2 F | R-L R | R-L F |")
    print(f"|{'-' * 22}|-------|-------|-------|-------|-------|-------|")
    for name, row in table.items():
        m = row["mean"]
        print(f"| {name:<20} | {m['rouge1']['recall']:5.1f} | {m['rouge1']['f1']:5.1f} | "
              f"{m['rouge2']['recall']:5.1f} | {m['rouge2']['f1']:5.1f} | "
              f"{m['rougeL']['recall']:5.1f} | {m['rougeL']['f1']:5.1f} |")
    baselines = {k: v for k, v in table.items() if "ours" not in k and "ORACLE" not in k}
    best = max(baselines, key=lambda k: baselines[k]["mean"]["rouge2"]["recall"])
    ours_r2 = table["briefing (ours)"]["mean"]["rouge2"]["recall"]
    best_r2 = baselines[best]["mean"]["rouge2"]["recall"]
    print(f"\nROUGE-2 recall: ours {ours_r2:.1f}, best baseline {best} {best_r2:.1f} "
          f"({100 * (ours_r2 / best_r2 - 1):+.0f}%; aim: +15%)")
    print("\nTopic grouping, the 30 reports mixed:")
    print("| ARI | NMI | purity | topics | clustered | unassigned |\n|-----|-----|--------|--------|-----------|------------|")
    print(f"| {group['ari']:.3f} | {group['nmi']:.3f} | {group['purity']:.3f} | {group['topics']} | "
          f"{group['clustered']} | {group['unassigned']} |")
    print("topics (sentences, majority story): " + "; ".join(group["labels"]))
    if group["mixed_topics"]:
        print("topics mixing stories (<90% from one): " + "; ".join(group["mixed_topics"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="torch", choices=("torch", "onnx"))
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--json", help="also write the numbers here")
    args = parser.parse_args(argv)
    clusters = load_clusters()
    # the brief's own word cap is above the budget: the scorer cuts at `words`, as it does the others
    options = BuildOptions(max_words=args.words + 60, backend=args.backend, cache=True)
    embedder = make_embedder(options.model, options.batch_size, options.cache, options.cache_dir,
                             backend=args.backend)
    started = time.perf_counter()
    table = summary_table(clusters, embedder, options, args.words)
    group = grouping(clusters, embedder, BuildOptions(backend=args.backend))
    print_table(table, group, args.words)
    print(f"\n({time.perf_counter() - started:.0f} s; options: {json.dumps({k: v for k, v in options.as_dict().items() if v is not None})})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": table, "grouping": group, "options": options.as_dict()}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
