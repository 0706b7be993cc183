"""ONNX embedding speed, closeness to torch and determinism, in one run.

    .venv/bin/python -m benchmarks.onnx_speed [--old OLD.onnx] [--sentences 2000] [--batch 8] [--reps 3]

Sentences: the first N distinct sentences (shuffled, seed 0) of the FA-KES articles that
benchmarks/speed.py builds its reports from. Every configuration embeds all of them; configurations
take turns, `--reps` rounds, and the best round of each is reported, since the machine is shared.
"sentences/s" is wall time; "per CPU-s" divides by the process's CPU time (both cores), which moves
less with the load of other processes. Cosine is to the torch vectors of the same sentences
(sentence-transformers, the packaged model). "moves" is the largest change of a vector (1 - cosine)
when the same sentences are embedded in the reverse order, that is with other batch mates.

"one a run" is the backend as it is (`OnnxEmbedder._encode`): each sentence in a run of its own, the
sentences shared by both cores (one single-threaded session); "one a run, op-split" runs them one
after the other with each op split over both cores. "batched N" is the backend as it was until
November 2026: length-sorted batches of N run two at a time. int8 activations are quantised with one
scale per run, so a batched sentence's vector moves with its batch mates, and a brief made from a
cache an earlier run filled differed from one made afresh: speed traded for that.
`--old` is an ONNX file from an earlier export format, run batched with onnxruntime's default graph
optimisations, as that version did.
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
    parser.add_argument("--batch", type=int, nargs="+", default=[8], help="batch sizes of the batched rows")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--cache-dir", help="where the new export is cached (default: the user cache dir)")
    args = parser.parse_args(argv)

    from briefing.embed import SentenceTransformerEmbedder, default_cache_dir, resolve_model
    from briefing.onnx_backend import OnnxEmbedder, exported_path

    Batched = _batched_class()

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
    configs = [{"label": "one a run", "embedder": OnnxEmbedder(model_dir, name, cache_dir)},
               {"label": "one a run, op-split", "embedder": OnnxEmbedder(model_dir, name, cache_dir,
                                                                           parallel=False)}]
    configs += [{"label": f"batched {batch}", "embedder": Batched(model_dir, name, cache_dir, batch)}
                for batch in args.batch]
    if args.old:  # as the previous version ran it: default optimisations, each op split over the threads
        configs += [{"label": f"old export, batched {batch}",
                     "embedder": Batched(model_dir, name, cache_dir, batch, onnx_file=args.old, disabled_optimizers=(),
                                         parallel=False)} for batch in args.batch]
    for config in configs:
        config.update(wall=0.0, cpu=0.0)
        config["embedder"]._load()
        config["embedder"]._encode(texts[:64])  # warm up

    load_before = os.getloadavg()
    for _ in range(args.reps):
        for config in configs:
            wall, cpu = time.perf_counter(), time.process_time()
            vectors = config["embedder"]._encode(texts)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            config["wall"] = max(config["wall"], len(texts) / wall)
            config["cpu"] = max(config["cpu"], len(texts) / cpu)
            cosine = (vectors * exact).sum(axis=1)
            config["cosine"] = (min(config.get("cosine", (1.0,))[0], float(cosine.min())), float(cosine.mean()),
                                int((cosine < 0.99).sum()))
            if "moves" not in config:
                again = config["embedder"]._encode(texts[::-1])[::-1]
                config["moves"] = float(1 - (again * vectors).sum(axis=1).min())
    load_after = os.getloadavg()
    print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min); {os.cpu_count()} CPUs")
    print(f"{'configuration':<28} {'sentences/s':>11} {'per CPU-s':>9}  {'moves':>8}  cosine to torch: min / mean / below 0.99")
    for c in configs:
        low, mean, below = c["cosine"]
        print(f"{c['label']:<28} {c['wall']:>11.0f} {c['cpu']:>9.0f}  {c['moves']:>8.1e}  {low:.4f} / {mean:.4f} / {below}")
    return 0


def _batched_class():
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    from briefing.onnx_backend import OnnxEmbedder

    class Batched(OnnxEmbedder):
        """The backend until November 2026: length-sorted batches, two run at a time."""

        def __init__(self, model_dir, name, cache_dir, batch, **kwargs):
            super().__init__(model_dir, name, cache_dir, **kwargs)
            self.batch = batch

        def _encode(self, texts):
            session = self._load()
            encodings = self._tokenizer.encode_batch(texts)
            lengths = np.array([len(e.ids) for e in encodings])
            order = np.argsort(lengths, kind="stable")
            size = max(1, min(self.batch, -(-len(order) // self.threads))) if self.parallel else self.batch
            batches = [order[start:start + size] for start in range(0, len(order), size)]

            def run(rows):
                width = int(lengths[rows].max())
                ids = np.zeros((len(rows), width), dtype=np.int64)
                mask = np.zeros((len(rows), width), dtype=np.int64)
                for i, row in enumerate(rows):
                    ids[i, :lengths[row]] = encodings[row].ids
                    mask[i, :lengths[row]] = 1
                feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
                hidden = session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
                pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
                return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

            if self.parallel and len(batches) > 1:
                with ThreadPoolExecutor(self.threads) as pool:
                    pooled = list(pool.map(run, batches))
            else:
                pooled = [run(rows) for rows in batches]
            out = np.empty((len(texts), pooled[0].shape[1]), dtype=np.float32)
            for rows, vectors in zip(batches, pooled):
                out[rows] = vectors
            return out

    return Batched


if __name__ == "__main__":
    raise SystemExit(main())
