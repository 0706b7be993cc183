"""The PDF: the HTML theme laid out by WeasyPrint for print, fetching only what is allowed.

Allowed without asking: `data:` URIs and local files under the template folders (relative
URLs in templates resolve against the first template folder). Other files, and every http(s)
URL, are refused unless `allow_remote` is set; a refusal is a warning, not a failure: the PDF
is made without that image or stylesheet, and nothing is requested.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..model import Brief
from .environment import make_environment, render_template, template_search_path


def import_weasyprint():
    """`import weasyprint`, without the ~0.25 s its library search costs on Linux.

    weasyprint.text.ffi tries several spellings of each library it loads (Windows, macOS, Linux);
    every spelling dlopen refuses goes to ctypes.util.find_library, which on Linux runs ldconfig,
    then gcc, then ld: about 50 subprocesses for the 7 libraries (Kozea/WeasyPrint#1125). For
    the import only, find_library answers from one reading of the ldconfig cache, as its own
    first step does; the gcc and ld steps only matter for libraries outside that cache, which
    dlopen then loads by their Linux name (the next spelling tried) from LD_LIBRARY_PATH. Should
    the import still fail, it is tried again the ordinary way.
    """
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    import ctypes.util

    ordinary = ctypes.util.find_library
    ctypes.util.find_library = _ldconfig_lookup()
    try:
        import weasyprint
    except OSError:
        ctypes.util.find_library = ordinary
        import weasyprint
    finally:
        ctypes.util.find_library = ordinary
    return weasyprint


def _ldconfig_lookup():
    """find_library(name) from the ldconfig cache (ctypes.util._findSoname_ldconfig, read once)."""
    abi = {"x86_64": "libc6,x86-64", "ppc64": "libc6,64bit", "sparc64": "libc6,64bit",
           "s390x": "libc6,64bit", "ia64": "libc6,IA-64"}.get(os.uname().machine, "libc6")
    if sys.maxsize <= 2 ** 32:
        abi = "libc6"
    cache: list[bytes] = []

    def find_library(name):
        if not cache:
            try:
                cache.append(subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                            env={"LC_ALL": "C", "LANG": "C"}, check=False).stdout)
            except OSError:
                cache.append(b"")
        found = re.search(os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi)), cache[0])
        return os.fsdecode(found.group(1)) if found else None

    return find_library


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
    import_weasyprint()
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
    HTML = import_weasyprint().HTML

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
