"""Shared helpers: a small document builder, a deterministic fake embedder, the seeds brief."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class FakeEmbedder:
    """Bag of words hashed into 256 dimensions: same words, same vector; fast and deterministic."""

    name = "fake-bag-of-words"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts):
        self.calls.append(len(texts))
        vectors = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                if len(word) > 3:
                    digest = hashlib.md5(word.encode()).digest()
                    vectors[row, digest[0]] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return vectors / norms


def make_document(text: str, id: str = "doc", title: str = "A report", outlet: str | None = None,
                  date: str | None = None):
    from briefing.model import Document

    return Document(id=id, title=title, title_from="front matter", outlet=outlet, date=date, url=None,
                    path=f"{id}.txt", place=None, text=text)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(scope="session")
def seeds_brief(tmp_path_factory):
    """The seeds brief made with the real packaged model (cache in a temporary folder)."""
    from briefing import BuildOptions, build_brief

    cache = tmp_path_factory.mktemp("cache")
    return build_brief([str(SEEDS)], BuildOptions(cache_dir=str(cache)))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files in tests/golden/ from the current output instead of "
                          "comparing with them (then review the diff with git)")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
