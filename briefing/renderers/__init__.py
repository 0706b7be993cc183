"""Rendering a Brief: one registry of formats, all but JSON drawn from Jinja templates.

    render(brief, "html") -> str        render(brief, "pdf") -> bytes
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Brief
from ..options import page_size
from .citations import DEFAULT_MAX_CITATIONS, source_listing
from .environment import make_environment, render_template
from .filters import date_span, long_date
from ..wording import plural


@dataclass(frozen=True)
class RenderOptions:
    templates: tuple[str, ...] = ()  # user template folders, searched before the packaged theme
    css: tuple[str, ...] = ()  # user CSS files added after the theme's
    page_size: str = "A4"  # PDF page size: A4 or letter
    allow_remote: bool = False  # let the PDF renderer fetch http(s) and files outside the templates
    max_citations: int = DEFAULT_MAX_CITATIONS  # citation marks shown per line, then "+N"; 0 shows all
    extra: dict = field(default_factory=dict)


def template_context(brief: Brief, options: RenderOptions) -> dict:
    """What every template receives (documented in docs/templates.md)."""
    from .. import __version__

    data = brief.to_dict()
    data["sections"] = shown_sections(data["sections"])
    listed, unlisted = source_listing(data, options.max_citations)
    # no report dated: the header says so, instead of the day the brief was made passing for the events'; a daily
    # brief speaks for its day, with reports or none (audit 6: a quiet day read "undated reports, made ...")
    undated = brief.news is None and bool(brief.sources) and not brief.first_date \
        and not any(source.date for source in brief.sources)
    return {
        "brief": data,
        "user_css": "\n".join(_read_css(path) for path in options.css),
        "page_size": page_size(options.page_size),
        "for_print": False,
        "version": __version__,
        "max_citations": options.max_citations,
        "listed_sources": listed,
        "unlisted_sources": unlisted,
        "brief_coverage": brief_coverage(brief),
        "undated": undated,
        "brief_dates": f"undated reports, made {long_date(brief.date)}" if undated else date_span(brief.first_date,
                                                                                                  brief.date),
        "topics_shown": topics_shown(brief),
    }


def shown_sections(sections):
    """The sections a brief shows: those with a statement (an edited JSON may have emptied one; its heading,
    its place in the contents and in the mail's subject go with its statements)."""
    return type(sections)(section for section in sections if _statements(section))


def _statements(section) -> tuple:
    return section["statements"] if isinstance(section, dict) else section.statements


def brief_coverage(brief: Brief) -> str:
    """What the brief was made from, as its header says it: "2 reports, 2 outlets"; known outlets
    only, and said so, when a report's outlet is unknown ("2 reports, 1 known outlet"); "2 reports,
    outlets unknown"; "no reports" for an empty day."""
    if not brief.report_count:
        return "no reports"
    if not brief.outlet_count:
        return f"{plural(brief.report_count, 'report')}, outlets unknown"
    outlet = "known outlet" if any(not source.outlet for source in brief.sources) else "outlet"
    return f"{plural(brief.report_count, 'report')}, {plural(brief.outlet_count, outlet)}"


def topics_shown(brief: Brief) -> str:
    """The topics the brief shows, of those found: "5 of 12 topics" when some found no statement,
    else "5 topics"; "" when it found none."""
    shown, found = len(shown_sections(brief.sections)), len(brief.topics)
    if not shown and not found:
        return ""
    return f"{shown} of {plural(found, 'topic')}" if shown < found else plural(shown, "topic")


def _read_css(path: str) -> str:
    from ..errors import BriefingError

    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BriefingError(f"--css {path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None


def _template(name: str) -> Callable[[Brief, RenderOptions], str]:
    def render_with(brief: Brief, options: RenderOptions) -> str:
        return render_template(make_environment(options.templates), name, template_context(brief, options))

    return render_with


def _html(brief: Brief, options: RenderOptions) -> str:
    """The web page, with the files of the template folders it refers to (a theme's logo.png, a
    font) inside it as data: URIs: it is opened away from the theme, so it must carry them."""
    from .assets import inline_theme_files
    from .environment import template_search_path

    page = render_template(make_environment(options.templates), "brief.html.j2", template_context(brief, options))
    return inline_theme_files(page, template_search_path(options.templates), options.extra.get("warn"))


def _json(brief: Brief, options: RenderOptions) -> str:
    """The Brief, and the look it was rendered with beside it (`rendered_with`, see look.py), so that
    `briefing render` and `briefing email` give it that look again."""
    from .look import LOOK_KEY, recorded_look

    data = brief.to_dict() | {LOOK_KEY: recorded_look(options)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _pdf(brief: Brief, options: RenderOptions) -> bytes:
    from .pdf import render_pdf

    return render_pdf(brief, options)


@dataclass(frozen=True)
class Format:
    extension: str
    render: Callable[[Brief, RenderOptions], str | bytes]
    description: str


FORMATS: dict[str, Format] = {
    "html": Format("html", _html, "one self-contained web page"),
    "pdf": Format("pdf", _pdf, "a printable PDF (WeasyPrint)"),
    "md": Format("md", _template("brief.md.j2"), "Markdown"),
    "txt": Format("txt", _template("brief.txt.j2"), "plain text (also the text part of mail)"),
    "json": Format("json", _json, "the Brief itself: the contract templates read"),
}
DEFAULT_FORMATS = ("html", "pdf", "md", "json")


def render(brief: Brief, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    from ..errors import BriefingError

    if fmt not in FORMATS:
        raise BriefingError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return FORMATS[fmt].render(brief, options or RenderOptions())
