"""build_brief: the stages in one straight line, from report paths to a Brief."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from .assemble import assemble, known_outlets, one_section_an_event, with_day
from .cluster import cluster_sentences
from .embed import Embedder, make_embedder
from .errors import InputError
from .ingest import load_documents
from .label import also_known_as, label_topics
from .model import Brief, Document
from .differences import find_differences
from .names import ALIASES, NameIndex
from .options import BuildOptions
from .parallel import in_child
from .quotes import key_quotes
from .rank import brief_content, cite_across_topics, fit_word_budget, rank_topic
from .segment import MIN_SENTENCE_WORDS, segment_document
from .timeline import build_timeline
from .wording import plural

Report = Callable[[str], None]
PARALLEL_FROM = 5000  # sentences from which the timeline and quotes run in a child (below, they take 0.1 s or less)
PARALLEL_SEGMENT_FROM = 300  # reports from which half are segmented in a child (100 take 0.05 s)


def build_brief(inputs: Sequence[str], options: BuildOptions | None = None, embedder: Embedder | None = None,
                progress: Report = lambda message: None, warn: Report = lambda message: None) -> Brief:
    """Read the reports at `inputs` (folders, files, globs) and make their brief."""
    options = (options or BuildOptions()).validate()
    started = time.perf_counter()
    documents = load_documents(inputs, strict=options.strict, warn=warn, options=options, progress=progress)
    return brief_documents(documents, options, embedder, progress, warn, started)


def brief_documents(documents: Sequence[Document], options: BuildOptions, embedder: Embedder | None = None,
                    progress: Report = lambda message: None, warn: Report = lambda message: None,
                    started: float | None = None) -> Brief:
    started = started or time.perf_counter()
    kept, sentences = [], []
    # on many reports a second core segments the second half of them meanwhile (parallel.py)
    half = len(documents) // 2
    later = in_child(lambda: [segment_document(d) for d in documents[half:]],
                     when=len(documents) >= PARALLEL_SEGMENT_FROM)
    try:
        segmented = [segment_document(d) for d in documents[:half]] + later.result()
    finally:
        later.close()
    for document, found in zip(documents, segmented):
        if not any(len(s.text.split()) >= MIN_SENTENCE_WORDS for s in found):  # "Yes. No. Maybe." is no report
            message = (f"{document.path or document.id}: has no sentence of {MIN_SENTENCE_WORDS} words or more "
                       f"to summarise")
            if options.strict:
                raise InputError(message)
            warn(f"skipped {message}")
            continue
        kept.append(document)
        sentences.extend(found)
    if not sentences:
        raise InputError("no report has a sentence to summarise")
    outlets = known_outlets(kept)
    progress(f"read {plural(len(kept), 'report')} ({plural(outlets, 'known outlet')}), "
             f"{plural(len(sentences), 'sentence')}")

    embedder = embedder or make_embedder(options.model, options.batch_size, options.cache, options.cache_dir, warn,
                                          options.backend)
    vectors = np.asarray(embedder.embed([s.text for s in sentences]), dtype=np.float32)
    cached = getattr(embedder, "hits", None)
    progress(f"embedded {plural(len(sentences), 'sentence')}" + (f" ({cached} from the cache)" if cached is not None else ""))

    names = NameIndex([s.text for s in sentences] + sorted({s.heading for s in sentences if s.heading}),
                      aliases=ALIASES + options.aliases)
    clustering = cluster_sentences(vectors, sentences, topics=options.topics, names=names)
    members = {t: [s for s, label in zip(sentences, clustering.labels) if label == t]
               for t in range(clustering.topic_count)}
    numbers = {d.id: n for n, d in enumerate(kept, start=1)}
    # a report whose text opens with another day than its date is analysed as of that day (its "on Wednesday" was
    # written then); its source keeps its date (and ingest's note)
    analysed = [replace(d, date=d.written) if d.written else d for d in kept]
    # what coverage is measured on, one for every topic; the publication dates keep facts of other days apart
    content = brief_content(sentences, {d.id: d.date for d in analysed})
    ranked = [rank_topic(t, np.flatnonzero(clustering.labels == t), vectors, sentences, numbers, names,
                         options.per_topic, content) for t in range(clustering.topic_count)]
    ranked.sort(key=lambda r: (-r.source_count, -len(members[r.topic]), r.topic))
    ranked = fit_word_budget(ranked, options.max_words,
                             [r.source_count * len(members[r.topic]) for r in ranked], report_count=len(kept))
    ranked = cite_across_topics(ranked, vectors, sentences, numbers, names, content.published)
    cited = {r.topic: {c.doc_id for s in r.statements for c in s.citations} for r in ranked}
    # "N sources" of a section counts the reports its statements cite too, which may sit in other topics
    ranked = [replace(r, source_count=len({s.doc_id for s in members[r.topic]} | cited[r.topic]),
                      statements=tuple(with_day(s, content.published) for s in r.statements)) for r in ranked]
    # the sections in the order of the reports their shown statements cite: a topic whose one line is a side
    # remark two reports make in passing does not head the brief and give it its title
    ranked.sort(key=lambda r: (-len(cited[r.topic]), -r.source_count, -len(members[r.topic]), r.topic))
    order = {r.topic: i for i, r in enumerate(ranked)}  # topic importance, most important first
    # the timeline and the key quotes need neither the labels nor the differences: on a large input, a second core
    # works them out meanwhile (parallel.py)
    aside = in_child(lambda: (
        build_timeline(analysed, sentences, vectors, clustering.labels, numbers, names, order) if options.timeline
        else (),
        key_quotes(analysed, sentences, clustering.labels, numbers, order) if options.quotes else ()),
        when=len(sentences) >= PARALLEL_FROM and (options.timeline or options.quotes))
    try:
        topic_labels = label_topics(members, names, {r.topic: [s.text for s in r.statements] for r in ranked},
                                    [r.topic for r in ranked], [d.outlet for d in kept if d.outlet])
        # "Midan attack (2), 5": a count in brackets after a label numbered in brackets read as part of it (audit 9)
        progress(f"{plural(clustering.topic_count, 'topic')} in {time.perf_counter() - started:.1f} s: " + "; ".join(
            f"{topic_labels[r.topic]}, {plural(len(members[r.topic]), 'sentence') if i == 0 else len(members[r.topic])}"
            for i, r in enumerate(ranked)))
        differences = find_differences(analysed, sentences, names, numbers, clustering.labels, topic_labels, order) \
            if options.differences else ()
        timeline, quotes = aside.result()
    finally:
        aside.close()
    model_name = getattr(getattr(embedder, "inner", embedder), "name", getattr(embedder, "name", "unknown"))
    ranked = one_section_an_event(ranked, differences, members)
    also = also_known_as([r.topic for r in ranked], topic_labels, names)
    return assemble(kept, sentences, clustering.labels, topic_labels, ranked, options, model_name,
                    timeline=timeline, quotes=quotes, differences=differences, also=also)
