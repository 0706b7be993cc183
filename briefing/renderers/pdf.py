"""The PDF: the HTML theme laid out by WeasyPrint for print, fetching only what is allowed.

Allowed without asking: `data:` URIs and files under the template folders. Other files and
every http(s) URL are refused unless `allow_remote` is set; refusals are reported, not fatal.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..model import Brief
from .environment import make_environment, render_template, template_search_path

PAGE_SIZES = {"a4": "A4", "letter": "letter"}


def make_fetcher(allowed_dirs: list[Path], allow_remote: bool, refused: list[str]):
    from weasyprint.urls import URLFetcher

    class GuardedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlparse(url).scheme.lower()
            if scheme == "data" or (allow_remote and scheme in ("http", "https", "file")):
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path)).resolve()
                if any(path.is_relative_to(folder) for folder in allowed_dirs):
                    return super().fetch(url, headers)
            refused.append(url)
            raise ValueError(f"refused to fetch {url} (not under the template folders; see --allow-remote)")

    return GuardedFetcher(timeout=10, allowed_protocols=None if allow_remote else {"data", "file"})


def render_pdf(brief: Brief, options) -> bytes:
    from weasyprint import HTML

    from . import template_context

    context = template_context(brief, options) | {"for_print": True,
                                                 "page_size": PAGE_SIZES.get(options.page_size.lower(), "A4")}
    html = render_template(make_environment(options.templates), "brief.html.j2", context)
    allowed = template_search_path(options.templates)
    refused: list[str] = []
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=str(allowed[-1]) + "/",
                    url_fetcher=make_fetcher(allowed, options.allow_remote, refused))
    pdf = document.write_pdf(pdf_variant=None, optimize_images=False)
    if refused and "warn" in options.extra:
        for url in refused:
            options.extra["warn"](f"PDF: refused to fetch {url}")
    return pdf
