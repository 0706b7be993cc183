"""The int8 ONNX backend gives the torch model's vectors, near enough (cosine 0.99 on the seeds)."""

from __future__ import annotations

import numpy as np
import pytest

from briefing.errors import BriefingError
from briefing.options import BuildOptions

pytest.importorskip("onnxruntime")


@pytest.fixture(scope="module")
def seed_sentences():
    from briefing.ingest import load_documents
    from briefing.segment import segment_document

    from conftest import SEEDS

    return [s.text for d in load_documents([str(SEEDS)]) for s in segment_document(d)]


@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory):
    """One cache dir for the module's tests: the export (about 10 s) is made once."""
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.mark.slow
def test_onnx_vectors_stay_within_cosine_099_of_torch(seed_sentences, onnx_cache):
    from briefing.embed import SentenceTransformerEmbedder, make_embedder

    cache = onnx_cache
    onnx = make_embedder("all-MiniLM-L6-v2 (packaged)", 16, cache=False, cache_dir=str(cache), backend="onnx")
    fast = onnx.embed(seed_sentences)
    exact = SentenceTransformerEmbedder().embed(seed_sentences)
    assert fast.shape == exact.shape == (len(seed_sentences), 384)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    cosine = (fast * exact).sum(axis=1)
    assert cosine.min() >= 0.99, f"lowest cosine {cosine.min():.4f}"
    assert "onnx" in onnx.name  # its own cache keys: the vectors are not torch's
    # exported once, then the cached file is reused
    files = list((cache / "onnx").glob("*.onnx"))
    assert len(files) == 1
    again = make_embedder("all-MiniLM-L6-v2 (packaged)", 64, cache=False, cache_dir=str(cache), backend="onnx")
    assert np.array_equal(again.embed(seed_sentences), fast)
    assert list((cache / "onnx").glob("*.onnx")) == files


@pytest.mark.slow
def test_onnx_vectors_do_not_depend_on_what_else_is_embedded(seed_sentences, onnx_cache):
    """Audit 7: int8 activations are quantised with one scale per run, so a sentence batched with others came
    out a little different with each batch (cosine 0.9916 at worst), and a brief made from a cache that an
    earlier, larger run had filled differed from one made afresh (another key point, another section). Each
    sentence is run alone: its vector is the same whatever is embedded with it, on one thread or two."""
    from briefing.embed import make_embedder
    from briefing.onnx_backend import OnnxEmbedder

    cache = onnx_cache
    onnx = make_embedder("all-MiniLM-L6-v2 (packaged)", 16, cache=False, cache_dir=str(cache), backend="onnx")
    together = onnx.embed(seed_sentences)
    alone = np.vstack([onnx.embed([s]) for s in seed_sentences[:6]])
    assert np.array_equal(alone, together[:6])
    assert np.array_equal(onnx.embed(seed_sentences[::-1])[::-1], together)
    serial = OnnxEmbedder(onnx.model_dir, "serial", cache, parallel=False)
    assert np.array_equal(serial.embed(seed_sentences), together)


def test_duplicates_are_embedded_once():
    from briefing.embed import embed_unique

    seen = []

    def encode(texts):
        seen.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    out = embed_unique(["a b", "c", "a b", "c", "d e f"], encode)
    assert seen == [["a b", "c", "d e f"]]
    assert out[:, 0].tolist() == [3, 1, 3, 1, 5]


def test_backend_is_checked():
    with pytest.raises(BriefingError, match="--backend"):
        BuildOptions(backend="tensorflow").validate()
    assert BuildOptions(backend="onnx").validate().backend == "onnx"


@pytest.mark.slow
def test_the_first_export_prints_only_our_line(tmp_path):
    """No "Loading weights" bar, TracerWarning, UserWarning or onnxruntime's root-logger warning."""
    import subprocess
    import sys

    from conftest import ROOT, SEEDS

    result = subprocess.run([sys.executable, "-m", "briefing", "build", str(SEEDS), "-o", str(tmp_path / "out"),
                             "--backend", "onnx", "-q", "--format", "json", "--cache-dir", str(tmp_path / "cache")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "exporting" in lines[0] and "to int8 ONNX (once; cached at" in lines[0], lines
