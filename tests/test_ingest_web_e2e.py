"""End to end, with the real model: the seeds served as a feed of noisy pages make the same brief
as the seed files themselves (`build_brief([url])` against `build_brief(["seeds"])`)."""

from __future__ import annotations

import io
import json

import pytest

pytest.importorskip("pytest_httpserver")
from pytest_httpserver import HTTPServer  # noqa: E402

from tests.test_ingest_web import SEED_A, SEED_B, TITLES, article_page, rss  # noqa: E402


@pytest.mark.slow
def test_feed_url_makes_the_same_brief_as_the_seed_files(seeds_brief, tmp_path):
    from briefing import BuildOptions, build_brief
    from briefing.cli import main
    from briefing.model import Brief

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
        for stem, title in zip((SEED_A, SEED_B), TITLES):
            server.expect_request(f"/articles/{stem}.html").respond_with_data(
                article_page(stem, title), content_type="text/html; charset=utf-8")
        server.expect_request("/feed.xml").respond_with_data(rss(base, [SEED_A, SEED_B], TITLES),
                                                             content_type="application/rss+xml")
        warnings: list[str] = []
        from_feed = build_brief([f"{base}/feed.xml"], BuildOptions(cache_dir=str(tmp_path)), warn=warnings.append)
        # and the command line itself: briefing build http://127.0.0.1:PORT/feed.xml -o out/
        out, err = io.StringIO(), io.StringIO()
        code = main(["build", f"{base}/feed.xml", "-o", str(tmp_path / "out"), "--format", "json",
                     "--cache-dir", str(tmp_path), "-q"], out, err)
        assert code == 0, err.getvalue()
        from_cli = Brief.from_dict(json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8")))
    finally:
        server.clear()
        server.stop()
    assert warnings == []
    assert seeds_brief.sections  # built by the conftest fixture from the seeds folder
    assert [s.id for s in from_feed.sources] == [s.id for s in seeds_brief.sources]
    assert from_feed.sections == seeds_brief.sections
    assert from_feed.key_points == seeds_brief.key_points
    assert from_cli.sections == seeds_brief.sections
    # what the feed adds: titles, outlet and timezone-aware dates the text files do not have
    assert [s.date for s in from_feed.sources] == ["2017-11-03T14:00:00+03:00", "2017-11-04T14:01:00+03:00"]
    assert {s.outlet for s in from_feed.sources} == {"Levant Monitor"}
