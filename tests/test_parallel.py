"""parallel.in_child: a stage worked out in a forked child, its result (or its exception) handed back."""

import os
import time

import pytest

from briefing.parallel import in_child

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here: in_child runs the work in the parent")


def test_the_work_runs_in_another_process_and_its_result_comes_back_whole():
    parent = os.getpid()
    big = ["x" * 1000] * 1000  # a megabyte: more than a pipe holds at once
    pending = in_child(lambda: (os.getpid(), big))
    pid, result = pending.result()
    assert pid != parent and result == big


def test_without_when_the_work_runs_in_the_parent():
    assert in_child(os.getpid, when=False).result() == os.getpid()


def test_an_exception_in_the_child_is_raised_in_the_parent():
    def fails():
        raise ValueError("no differences table for Idlib")

    with pytest.raises(ValueError, match="no differences table for Idlib"):
        in_child(fails).result()


def test_a_child_that_dies_without_a_word_leaves_the_work_to_the_parent():
    parent = os.getpid()

    def dies_in_the_child():
        if os.getpid() != parent:
            os._exit(3)  # killed, out of memory: nothing written
        return "done here"

    assert in_child(dies_in_the_child).result() == "done here"


def test_a_child_whose_result_is_not_wanted_is_stopped_and_reaped():
    pending = in_child(lambda: time.sleep(30))
    pid = pending._pid
    started = time.perf_counter()
    pending.close()
    assert time.perf_counter() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_a_large_brief_made_with_a_child_is_the_brief_made_without(monkeypatch):
    """The pipeline segments half the reports in a child from PARALLEL_SEGMENT_FROM reports, and runs the timeline
    and the key quotes in one from PARALLEL_FROM sentences: the brief is the same, byte for byte (less the time it
    was made)."""
    import briefing.pipeline as pipeline
    from briefing.ingest import load_documents
    from briefing.options import BuildOptions
    from tests.conftest import SEEDS, FakeEmbedder

    documents = load_documents([str(SEEDS)])
    forked = []
    monkeypatch.setattr(pipeline, "in_child", lambda work, when: forked.append(when) or in_child(work, when))
    briefs = []
    for parallel_from in (10 ** 9, 0):
        monkeypatch.setattr(pipeline, "PARALLEL_FROM", parallel_from)
        monkeypatch.setattr(pipeline, "PARALLEL_SEGMENT_FROM", parallel_from)
        made = pipeline.brief_documents(documents, BuildOptions(), embedder=FakeEmbedder()).to_dict()
        made.pop("generated")
        briefs.append(made)
    assert forked == [False, False, True, True]  # the segmenting, then the timeline and quotes
    assert briefs[0] == briefs[1] and briefs[0]["timeline"] and briefs[0]["quotes"]
