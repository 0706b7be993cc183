"""briefing: turns a pile of news reports into a short, cited situation brief.

    from briefing import build_brief, render
    brief = build_brief(["seeds/"])
    html = render(brief, "html")

Heavy libraries (torch, WeasyPrint) load only when a brief is built or rendered. (The
renderers live in `briefing.renderers`, not `briefing.render`, so that importing them never
shadows the `render` function.)
"""

from __future__ import annotations

import os

# OpenMP threads (scikit-learn's k-means) that wait by spinning took 1.5-4.4 s instead of 0.6 s for
# the 1,000-report clustering when another process held a core; sleeping waits cost 0.03 s when idle
# and kept it at 1.0-1.4 s under that load. Read once, when the OpenMP runtime loads: set it first.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
__all__ = ["build_brief", "render", "BuildOptions", "Brief", "__version__"]


def __getattr__(name: str):
    if name == "build_brief":
        from .pipeline import build_brief

        return build_brief
    if name == "render":
        from .renderers import render

        return render
    if name == "BuildOptions":
        from .options import BuildOptions

        return BuildOptions
    if name == "Brief":
        from .model import Brief

        return Brief
    raise AttributeError(name)
