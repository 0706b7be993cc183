"""ONNX embedding speed and closeness to torch: old vs new export, in one run.

    .venv/bin/python -m benchmarks.onnx_speed [--old OLD.onnx] [--sentences 2000] [--batch 16 32 64] [--reps 3]

Sentences: the first N distinct sentences (shuffled, seed 0) of the FA-KES articles that
benchmarks/speed.py builds its reports from. Every configuration embeds all of them through
`OnnxEmbedder._encode` (tokenising, length-sorted batching, pooling: the backend's own path);
configurations take turns, `--reps` rounds, and the best round of each is reported, since the
machine is shared. "sentences/s" is wall time; "per CPU-s" divides by the process's CPU time
(both cores), which moves less with the load of other processes. Cosine is to the torch vectors
of the same sentences (sentence-transformers, the packaged model).

"new" runs batches on both cores at once (one single-threaded session), as the backend does;
"new, op-split" runs the same file one batch at a time with each op split over both cores.
`--old` is an ONNX file from the previous export format (e.g. a file left in
~/.cache/briefing/onnx/ by an earlier version); it is run with onnxruntime's default graph
optimisations, as that version did. The new file is the current export (made if missing; the
time it takes is printed).
"""

from __future__ import annotations

import argparse
import os
import random
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def sentences(count: int) -> list[str]:
    from benchmarks.speed import fakes_articles

    seen = dict.fromkeys(s for a in fakes_articles() for s in a["sentences"])
    distinct = list(seen)
    random.Random(0).shuffle(distinct)
    return distinct[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="an ONNX file of the previous export format, to compare against")
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--batch", type=int, nargs="+", default=[16, 32, 64])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--cache-dir", help="where the new export is cached (default: the user cache dir)")
    args = parser.parse_args(argv)

    from briefing.embed import SentenceTransformerEmbedder, default_cache_dir, resolve_model
    from briefing.onnx_backend import OnnxEmbedder, exported_path

    texts = sentences(args.sentences)
    name, model_dir = resolve_model("all-MiniLM-L6-v2 (packaged)")
    cache_dir = args.cache_dir or str(default_cache_dir())
    start = time.perf_counter()
    exact = SentenceTransformerEmbedder().embed(texts)
    print(f"{len(texts)} sentences; torch reference {len(texts) / (time.perf_counter() - start):.0f}/s")

    new_file = exported_path(model_dir, cache_dir)
    if not new_file.is_file():
        start = time.perf_counter()
        OnnxEmbedder(model_dir, name, cache_dir)._load()
        print(f"exported {new_file} in {time.perf_counter() - start:.1f} s")
    models = [("new", OnnxEmbedder(model_dir, name, cache_dir)),
              ("new, op-split", OnnxEmbedder(model_dir, name, cache_dir, parallel_batches=False))]
    if args.old:  # as the previous version ran it: default optimisations, each op split over the threads
        models.insert(0, ("old", OnnxEmbedder(model_dir, name, cache_dir, onnx_file=args.old, disabled_optimizers=(),
                                              parallel_batches=False)))
    configs = [{"label": f"{label} batch {batch}", "embedder": embedder, "batch": batch, "wall": 0.0, "cpu": 0.0}
               for label, embedder in models for batch in args.batch]
    embedders = {id(c["embedder"]): c["embedder"] for c in configs}
    for embedder in embedders.values():  # one session each, shared by its batch sizes
        embedder._load()
        embedder._encode(texts[:64])  # warm up

    load_before = os.getloadavg()
    for _ in range(args.reps):
        for config in configs:
            config["embedder"].batch_size = config["batch"]
            wall, cpu = time.perf_counter(), time.process_time()
            vectors = config["embedder"]._encode(texts)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            config["wall"] = max(config["wall"], len(texts) / wall)
            config["cpu"] = max(config["cpu"], len(texts) / cpu)
            cosine = (vectors * exact).sum(axis=1)
            config["cosine"] = (min(config.get("cosine", (1.0,))[0], float(cosine.min())), float(cosine.mean()),
                                int((cosine < 0.99).sum()))
    load_after = os.getloadavg()
    print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min); {os.cpu_count()} CPUs")
    print(f"{'configuration':<24} {'sentences/s':>11} {'per CPU-s':>9}  cosine to torch: min / mean / below 0.99")
    for c in configs:
        low, mean, below = c["cosine"]
        print(f"{c['label']:<24} {c['wall']:>11.0f} {c['cpu']:>9.0f}  {low:.4f} / {mean:.4f} / {below}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
