"""The seeds brief as HTML, compared with tests/golden/seeds.html.

When a change to the theme or the pipeline is meant, regenerate it and review the diff:
    .venv/bin/python -m pytest tests/test_render_golden.py --update-golden && git diff tests/golden
"""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path

import pytest

from briefing.renderers import render

pytestmark = pytest.mark.slow
GOLDEN = Path(__file__).parent / "golden" / "seeds.html"
FIXED_TIME = "2000-01-01T00:00:00+00:00"
FIXED_DATE = "2000-01-01"


def normalised(brief):
    """The brief with the facts that change from run to run (generation time, today's date) fixed."""
    generated = dataclasses.replace(brief.generated, time=FIXED_TIME,
                                    options={**brief.generated.options, "cache_dir": None})
    return dataclasses.replace(brief, generated=generated, date=FIXED_DATE)


def test_seeds_html_matches_the_golden_file(seeds_brief, update_golden):
    html = render(normalised(seeds_brief), "html")
    if update_golden or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{GOLDEN} did not exist and was written: review it and commit it")
        return
    expected = GOLDEN.read_text(encoding="utf-8")
    if html != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), html.splitlines(True),
                                                 str(GOLDEN), "rendered now"))[:60])
        pytest.fail(f"the seeds HTML differs from {GOLDEN.name}; if the change is meant, run "
                    f"pytest tests/test_render_golden.py --update-golden\n{diff}")
