"""The PDF: the HTML theme laid out by WeasyPrint for print, fetching only what is allowed.

Allowed without asking: `data:` URIs and local files under the template folders (relative
URLs in templates resolve against the first template folder). Other files, and every http(s)
URL, are refused unless `allow_remote` is set; a refusal is a warning, not a failure: the PDF
is made without that image or stylesheet, and nothing is requested.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..model import Brief
from .environment import make_environment, render_template, template_search_path


def is_allowed(url: str, allowed_dirs: list[Path], allow_remote: bool) -> bool:
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme == "data":
        return True
    if allow_remote:
        return scheme in ("http", "https", "file")
    if scheme != "file" or parsed.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parsed.path)).resolve()  # resolve: no way out through .. or a symlink
    return any(path.is_relative_to(folder) for folder in allowed_dirs)


def make_fetcher(allowed_dirs: list[Path], allow_remote: bool, refused: list[str]):
    from weasyprint.urls import URLFetcher

    class GuardedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not is_allowed(url, allowed_dirs, allow_remote):
                refused.append(url)
                raise ValueError(f"refused to fetch {url} (not under the template folders; see --allow-remote)")
            return super().fetch(url, headers)

    protocols = {"data", "file", "http", "https"} if allow_remote else {"data", "file"}
    return GuardedFetcher(timeout=10, allowed_protocols=protocols, allow_redirects=allow_remote)


def render_pdf(brief: Brief, options) -> bytes:
    from weasyprint import HTML

    from . import template_context

    context = template_context(brief, options) | {"for_print": True}
    html = render_template(make_environment(options.templates), "brief.html.j2", context)
    allowed = template_search_path(options.templates)
    refused: list[str] = []
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # refusals are reported below, once each
    document = HTML(string=html, base_url=allowed[0].as_uri() + "/",
                    url_fetcher=make_fetcher(allowed, options.allow_remote, refused))
    pdf = document.write_pdf(pdf_variant=None, optimize_images=False)
    warn = options.extra.get("warn")
    for url in dict.fromkeys(refused):
        if warn:
            warn(f"PDF: refused to fetch {url} (only data: URIs and files under the template folders; "
                 f"--allow-remote lifts this)")
    return pdf
