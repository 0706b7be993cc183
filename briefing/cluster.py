"""Topics: groups of sentences that tell one sub-story, found with scikit-learn.

Single-sentence vectors do not split one story into its sub-topics (every sentence is about
"Syria, ISIS, the army"), so each sentence is described by more evidence than its own vector:
  * its passage: vectors are mixed with their neighbours' in the same report, never across a
    heading (reports tell one sub-story per passage);
  * the names it and its passage mention, as character n-grams of their folded spellings, so
    "Albu Kamal" meets "Al Bukamal" and "Deir al-Zour" meets "Deir ez-Zor".
Grouping reports into stories first (report vectors and names, then sub-topics per story) was
measured and rejected: on the mixed MultiLing sample it kept stories apart no better (homogeneity
0.99 against 0.96) and split them far more (34 to 61 topics against 12; ARI 0.17-0.50 against 0.61).
The number of topics is found by a distance threshold unless forced (silhouette was measured
and rejected: passage smoothing makes many tight groups, so it always asks for more topics); the clustering is deterministic.
Sentences far from every topic, and topics too small to be one, are left unassigned.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sklearn.cluster import AgglomerativeClustering, MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .model import Sentence
from .names import NameIndex

# Measured on the seeds (adjusted Rand index against a hand labelling of the 36 sentences):
# single-sentence vectors -0.03; with passage context and names as below, 0.93.
CONTEXT_WEIGHT = 0.7  # share of a sentence's vector that comes from its passage
CONTEXT_DECAY = 0.7  # weight of a neighbour k sentences away: decay ** k
CONTEXT_REACH = 3
NAMES_WEIGHT = 2.0  # weight of the names block against the meaning block
TOPIC_DISTANCE = 0.5  # average-linkage cosine distance at which two groups stay apart
MAX_TOPICS = 12
MIN_TOPIC_SIZE = 2
MAX_DIRECT = 3000  # above this many sentences, cluster micro-cluster centroids instead
MICRO_CLUSTERS = 500  # topics are found among this many micro-cluster centroids
MICRO_EPOCHS = 10  # passes of the micro-clustering over the data, at most
MICRO_BATCH = 1024  # rows per mini-batch step: at 24,215 sentences 0.7-0.9 s against 1.0-1.2 s for 2048,
# and the topics agree with the reports' places as well (NMI 0.33-0.34 against 0.31-0.33)
MAX_NAMES = 512  # the names block keeps the most frequent entities: its width must not grow with the input


@dataclass(frozen=True)
class Clustering:
    """The topic of each sentence (-1: unassigned) and the features it was found on."""

    labels: np.ndarray  # one per sentence; topics numbered 0.. by size, largest first
    features: np.ndarray  # the rows the clustering saw (normalised)
    topic_count: int


def passage_groups(sentences: list[Sentence]) -> list[int]:
    """A passage id per sentence: the same report under the same heading."""
    ids: dict[tuple[str, str | None], int] = {}
    return [ids.setdefault((s.doc_id, s.heading), len(ids)) for s in sentences]


def smoothing_operator(sentences: list[Sentence]):
    """A sparse (n x n) matrix that mixes each row with its neighbours in the same passage
    (decaying with distance): at most 2 * CONTEXT_REACH + 1 entries a row, so linear in n."""
    from scipy.sparse import csr_matrix

    passages = passage_groups(sentences)
    by_passage: dict[int, list[int]] = defaultdict(list)
    for row, passage in enumerate(passages):
        by_passage[passage].append(row)
    rows, cols, values = [], [], []
    for members in by_passage.values():
        local_rows, local_cols, weights = _passage_weights(len(members))
        at = np.asarray(members)
        rows.append(at[local_rows])
        cols.append(at[local_cols])
        values.append(weights)
    n = len(sentences)
    return csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))


@lru_cache(maxsize=256)
def _passage_weights(length: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, weight) of the mixing matrix of one passage of `length` sentences, by place in it:
    every passage of a length mixes alike, so each length is worked out once."""
    rows, cols, values = [], [], []
    for i in range(length):
        lo, hi = max(0, i - CONTEXT_REACH), min(length, i + CONTEXT_REACH + 1)
        weights = np.array([CONTEXT_DECAY ** abs(j - i) for j in range(lo, hi)])
        weights[i - lo] = 0.0
        if weights.sum() == 0:
            rows.append(i), cols.append(i), values.append(1.0)
            continue
        weights = CONTEXT_WEIGHT * weights / weights.sum()
        weights[i - lo] = 1 - CONTEXT_WEIGHT
        rows.extend([i] * (hi - lo))
        cols.extend(range(lo, hi))
        values.extend(weights.tolist())
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(values, dtype=np.float32)


def smooth(vectors, sentences: list[Sentence], operator=None):
    """Mix each row with its neighbours in the same passage (dense or sparse rows)."""
    operator = smoothing_operator(sentences) if operator is None else operator
    out = operator @ vectors
    return np.asarray(out, dtype=np.float32) if isinstance(vectors, np.ndarray) else out


def name_features(sentences: list[Sentence], index: NameIndex | None = None):
    """Sparse TF-IDF over the entities (names grouped across spellings) each sentence mentions."""
    index = index or NameIndex([s.text for s in sentences] + sorted({s.heading for s in sentences if s.heading}))
    documents = [" ".join(index.entities(s.text) + (index.entities(s.heading) if s.heading else []))
                 for s in sentences]
    if not any(documents):
        return None
    vectorizer = TfidfVectorizer(analyzer=str.split, sublinear_tf=True, min_df=1, max_features=MAX_NAMES)
    try:
        return vectorizer.fit_transform(documents)
    except ValueError:  # every name shorter than an n-gram
        return None


def sentence_features(vectors: np.ndarray, sentences: list[Sentence], index: NameIndex | None = None) -> np.ndarray:
    operator = smoothing_operator(sentences)
    meaning = smooth(vectors, sentences, operator)
    names = name_features(sentences, index)
    if names is None:
        return _no_zero_rows(_unit_rows(meaning))
    # both blocks are written into one array (no hstack of 24,000 x 900 copies), each scaled to length 1
    width = meaning.shape[1]
    features = np.empty((len(sentences), width + names.shape[1]), dtype=np.float32)
    features[:, :width] = meaning
    _unit_rows(features[:, :width])
    mixed = smooth(names.astype(np.float32), sentences, operator).tocsr()
    features[:, width:] = 0.0
    features[np.repeat(np.arange(len(sentences)), np.diff(mixed.indptr)), width + mixed.indices] = mixed.data
    _unit_rows(features[:, width:])
    features[:, width:] *= NAMES_WEIGHT
    return _no_zero_rows(_unit_rows(features))


def _unit_rows(features: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero), in place: sklearn's normalize took 0.45 s on
    24,000 rows of 896 features, this takes 0.01."""
    norms = np.sqrt(np.einsum("ij,ij->i", features, features))
    norms[norms == 0] = 1.0
    features /= norms[:, None]
    return features


def _no_zero_rows(features: np.ndarray) -> np.ndarray:
    """A sentence with no vector and no name (an embedder may give zeros) would make cosine
    distances undefined: give it a uniform unit row, equally far from every topic."""
    empty = ~features.any(axis=1)
    if empty.any():
        features = features.copy()
        features[empty] = 1.0 / np.sqrt(features.shape[1])
    return features


def cluster_sentences(vectors: np.ndarray, sentences: list[Sentence], topics: int | None = None,
                      names: NameIndex | None = None) -> Clustering:
    n = len(sentences)
    if n == 0:
        return Clustering(np.zeros(0, dtype=int), vectors, 0)
    features = sentence_features(vectors, sentences, names)
    if n < 2 * MIN_TOPIC_SIZE:
        return Clustering(np.zeros(n, dtype=int), features, 1)
    if n > MAX_DIRECT:
        labels = _cluster_large(features, topics)
    else:
        labels = _cluster(features, topics)
    labels = _drop_small_and_far(labels, features, forced=topics is not None)
    return Clustering(labels, features, int(labels.max() + 1) if (labels >= 0).any() else 0)


def cosine_distances(features: np.ndarray) -> np.ndarray:
    """The square matrix of cosine distances between rows, in float64 as scipy's pdist gives them, but
    through one matrix product: pdist's own loop took 1.05 s at 2,440 sentences, and the clustering
    needed it twice (a threshold cut, then a merge down to MAX_TOPICS)."""
    rows = np.asarray(features, dtype=np.float64)
    norms = np.sqrt(np.einsum("ij,ij->i", rows, rows))
    norms[norms == 0] = 1.0
    distances = 1.0 - (rows @ rows.T) / np.outer(norms, norms)
    np.clip(distances, 0.0, 2.0, out=distances)
    np.fill_diagonal(distances, 0.0)
    return distances


def _agglomerate(features: np.ndarray, distances: np.ndarray, k: int) -> np.ndarray:
    return AgglomerativeClustering(n_clusters=k, metric="precomputed", linkage="average").fit_predict(distances)


def _ward(features: np.ndarray, distances: np.ndarray, k: int) -> np.ndarray:
    return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(features)


def _cluster(features: np.ndarray, topics: int | None, merge=_agglomerate) -> np.ndarray:
    """Average-linkage cosine clustering of at most MAX_DIRECT rows: one distance matrix for both cuts."""
    n = len(features)
    distances = cosine_distances(features)
    if topics is not None:
        return merge(features, distances, min(topics, n))
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=TOPIC_DISTANCE, metric="precomputed",
                                     linkage="average").fit_predict(distances)
    big = [label for label in set(labels.tolist()) if (labels == label).sum() >= MIN_TOPIC_SIZE]
    if len(big) > MAX_TOPICS:
        return merge(features, distances, MAX_TOPICS)
    return labels


def _cluster_large(features: np.ndarray, topics: int | None) -> np.ndarray:
    """Micro-clusters first (linear in the input), then topics over their centroids."""
    # k-means++ seeding costs one pass over the data per centre (five minutes for 25,000
    # sentences on 2 cores): micro-clusters only need to be small and tight, random seeds will do
    # (its OpenMP threads wait passively: see OMP_WAIT_POLICY in briefing/__init__.py)
    micro = MiniBatchKMeans(n_clusters=min(MICRO_CLUSTERS, len(features) // 4), random_state=0, init="random",
                            n_init=1, batch_size=MICRO_BATCH, max_iter=MICRO_EPOCHS).fit(np.asarray(features, dtype=np.float32))
    centroids = normalize(micro.cluster_centers_)
    # merging down to MAX_TOPICS with average linkage over the centroids of a thousand reports
    # on one war chained 95% of the sentences into one topic; Ward keeps the topics comparable
    # in size (largest 21% on the same input)
    return _cluster(centroids, topics, merge=_ward)[micro.labels_]


def _drop_small_and_far(labels: np.ndarray, features: np.ndarray, forced: bool) -> np.ndarray:
    """Renumber topics largest first; topics under MIN_TOPIC_SIZE and outliers become -1."""
    labels = labels.copy()
    sizes = {label: int((labels == label).sum()) for label in set(labels.tolist())}
    least = 1 if forced else MIN_TOPIC_SIZE  # a forced count is kept, however small a topic
    keep = [label for label in sorted(sizes, key=lambda t: (-sizes[t], t)) if sizes[label] >= least]
    renumber = {old: new for new, old in enumerate(keep)}
    out = np.array([renumber.get(label, -1) for label in labels], dtype=int)
    if not forced:
        for topic in range(len(keep)):
            rows = np.flatnonzero(out == topic)
            centroid = normalize(features[rows].mean(axis=0, keepdims=True))[0]
            similarity = features[rows] @ centroid
            cutoff = min(similarity.mean() - 2.5 * similarity.std(), 0.2)
            out[rows[similarity < cutoff]] = -1
    return out
