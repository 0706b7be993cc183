import numpy as np
import pytest

from briefing.embed import CachedEmbedder, SentenceTransformerEmbedder, resolve_model
from briefing.errors import ModelError
from tests.conftest import FakeEmbedder


def test_second_run_embeds_nothing(tmp_path):
    inner = FakeEmbedder()
    texts = ["The army took the city.", "Engineers cleared mines.", "The army took the city."]
    first = CachedEmbedder(inner, tmp_path).embed(texts)
    second_cache = CachedEmbedder(inner, tmp_path)
    second = second_cache.embed(texts)
    assert inner.calls == [2]  # the repeated sentence is embedded once, the second run not at all
    assert second_cache.hits == 3 and second_cache.misses == 0
    np.testing.assert_array_equal(first, second)


def test_cache_is_keyed_by_model(tmp_path):
    one, other = FakeEmbedder(), FakeEmbedder()
    other.name = "another-model"
    CachedEmbedder(one, tmp_path).embed(["The same sentence."])
    CachedEmbedder(other, tmp_path).embed(["The same sentence."])
    assert other.calls == [1]


def test_corrupt_cache_is_rebuilt_not_trusted(tmp_path):
    inner = FakeEmbedder()
    CachedEmbedder(inner, tmp_path).embed(["The army took the city."])
    (tmp_path / "embeddings.sqlite3").write_bytes(b"this is not a database" * 100)
    warnings = []
    vectors = CachedEmbedder(inner, tmp_path, on_rebuild=warnings.append).embed(["The army took the city."])
    assert vectors.shape == (1, 256) and inner.calls == [1, 1]
    assert warnings and "rebuilding" in warnings[0]


def test_unknown_model_is_a_clear_error(tmp_path):
    embedder = SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelError, match="no-such-model"):
        embedder.embed(["A sentence."])


def test_default_model_resolves_to_the_packaged_folder():
    name, path = resolve_model("all-MiniLM-L6-v2 (packaged)")
    assert "all-MiniLM-L6-v2" in name and path.endswith("model")


@pytest.mark.slow
def test_real_model_gives_normalised_vectors_and_takes_a_path():
    from pathlib import Path

    default = SentenceTransformerEmbedder()
    vectors = default.embed(["The army took the city.", "Engineers cleared the mines."])
    assert vectors.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    by_path = SentenceTransformerEmbedder(str(Path(default.path)))
    np.testing.assert_allclose(by_path.embed(["The army took the city."])[0], vectors[0], atol=1e-5)
