import numpy as np

from briefing.cluster import cluster_sentences
from briefing.model import Sentence
from tests.conftest import FakeEmbedder

STORIES = {
    "dam": ["The Marib dam burst after heavy rain flooded the valley.",
            "Floodwater from the Marib dam reached villages in the valley.",
            "Rescue teams searched the flooded valley below the Marib dam."],
    "vote": ["Voters in Kenora chose a new mayor in the election.",
             "The Kenora election turnout was the highest in years.",
             "The new mayor of Kenora thanked voters after the election."],
}


def sentences_of(stories: dict[str, list[str]]) -> list[Sentence]:
    out = []
    for doc, (name, texts) in enumerate(stories.items()):
        for i, text in enumerate(texts):
            out.append(Sentence(doc_id=f"d{doc}", index=i, paragraph=i, start=0, end=len(text), text=text))
    return out


def test_two_stories_make_two_topics_deterministically():
    sentences = sentences_of(STORIES)
    vectors = FakeEmbedder().embed([s.text for s in sentences])
    first = cluster_sentences(vectors, sentences)
    second = cluster_sentences(vectors, sentences)
    assert first.topic_count == 2
    np.testing.assert_array_equal(first.labels, second.labels)
    assert len(set(first.labels[:3])) == 1 and len(set(first.labels[3:])) == 1
    assert first.labels[0] != first.labels[3]


def test_forced_topic_count():
    sentences = sentences_of(STORIES)
    vectors = FakeEmbedder().embed([s.text for s in sentences])
    assert cluster_sentences(vectors, sentences, topics=3).topic_count == 3
    assert set(cluster_sentences(vectors, sentences, topics=1).labels.tolist()) == {0}


def test_a_lone_sentence_is_left_unassigned_not_forced_in():
    stories = dict(STORIES, odd=["Zebras graze quietly somewhere far away."])
    sentences = sentences_of(stories)
    vectors = FakeEmbedder().embed([s.text for s in sentences])
    result = cluster_sentences(vectors, sentences)
    assert result.labels[-1] == -1
    assert result.topic_count == 2


def test_tiny_input_is_one_topic():
    sentences = sentences_of({"dam": STORIES["dam"][:2]})
    vectors = FakeEmbedder().embed([s.text for s in sentences])
    result = cluster_sentences(vectors, sentences)
    assert result.topic_count == 1 and (result.labels == 0).all()


def test_zero_vectors_do_not_break_clustering():
    sentences = sentences_of(STORIES)
    vectors = FakeEmbedder().embed([s.text for s in sentences])
    vectors[1] = 0.0
    vectors[4] = 0.0
    result = cluster_sentences(vectors, sentences)
    assert len(result.labels) == len(sentences) and np.isfinite(result.features).all()


def test_cosine_distances_are_scipys_and_give_its_clustering():
    """The one-product distance matrix matches scipy's pdist (what AgglomerativeClustering's cosine
    metric computes) to rounding, zero rows included, and clusters to the same labels."""
    from scipy.spatial.distance import pdist, squareform
    from sklearn.cluster import AgglomerativeClustering

    from briefing.cluster import cosine_distances

    rows = np.random.default_rng(3).normal(size=(60, 12)).astype(np.float32)
    rows[7] = 0.0
    ours = cosine_distances(rows)
    theirs = np.nan_to_num(squareform(pdist(rows[[i for i in range(60) if i != 7]], metric="cosine")))
    kept = np.delete(np.delete(ours, 7, axis=0), 7, axis=1)
    assert np.allclose(kept, theirs, atol=1e-12) and ours.shape == (60, 60) and (np.diag(ours) == 0).all()
    unit = rows[[i for i in range(60) if i != 7]]
    expected = AgglomerativeClustering(n_clusters=5, metric="cosine", linkage="average").fit_predict(unit)
    found = AgglomerativeClustering(n_clusters=5, metric="precomputed", linkage="average").fit_predict(
        cosine_distances(unit))
    assert (expected == found).all()
