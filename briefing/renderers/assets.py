"""The web page carries the theme's own files inside it.

A theme's `<img src="logo.png">` (or a font or background in its CSS) names a file in the template
folder. The PDF reads it from there (pdf.py); a browser would look for it next to brief.html,
where it is not. So the HTML format puts every such file into the page as a `data:` URI: the page
stays one file that works wherever it is opened, copied or mailed, and nothing else has to be
written beside it.

Inlined are the references the PDF renderer would read without --allow-remote: relative URLs
(resolved against the first template folder, as the PDF resolves them) and file: URLs that lead to
a file under a template folder. They are looked for in `src` and `poster` attributes, the `href` of
`<link>`, and CSS `url(...)` in `<style>` elements, in `style` attributes and in a stylesheet a
`<link>` brings in. http(s), data: and fragment links are left as they are; a relative reference to
a file that is not in the template folders is left as it is, with a warning.
"""

from __future__ import annotations

import base64
import html as htmllib
import mimetypes
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from .pdf import is_allowed

_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:" + _ATTRIBUTE + r")*)(\s*/?>)")
_ATTRIBUTES = re.compile(r"""(\s+)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.S | re.I)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.I)
_EXTRA_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf",
                ".svg": "image/svg+xml", ".css": "text/css", ".webp": "image/webp"}


def inline_theme_files(page: str, template_dirs: list[Path], warn: Callable[[str], None] | None = None) -> str:
    """`page` with every reference to a file of the template folders replaced by a data: URI."""
    if not re.search(r"src\s*=|url\(|<link\b|poster\s*=", page, flags=re.I):
        return page
    inliner = _Inliner(template_dirs, warn or (lambda message: None))
    page = _STYLE_ELEMENT.sub(lambda m: m.group(1) + inliner.css(m.group(2), inliner.base) + m.group(3), page)
    return _TAG.sub(inliner.tag, page)


class _Inliner:
    def __init__(self, template_dirs: list[Path], warn: Callable[[str], None]) -> None:
        self.dirs = template_dirs
        self.base = template_dirs[0].as_uri() + "/"
        self.warn = warn
        self.cache: dict[str, str | None] = {}
        self.warned: set[str] = set()

    def tag(self, match: re.Match) -> str:
        name = match.group(1).lower()

        def attribute(a: re.Match) -> str:
            space, key, equals, quoted = a.groups()
            if quoted is None:
                return a.group(0)
            key_lower = key.lower()
            value = htmllib.unescape(quoted[1:-1] if quoted[0] in "\"'" else quoted)
            if key_lower in ("src", "poster") or (key_lower == "href" and name == "link"):
                new = self.uri(value, self.base)
            elif key_lower == "style":
                new = self.css(value, self.base)
            else:
                return a.group(0)
            if new == value:
                return a.group(0)
            return f'{space}{key}{equals}"{htmllib.escape(new, quote=True)}"'

        return f"<{match.group(1)}{_ATTRIBUTES.sub(attribute, match.group(2))}{match.group(3)}"

    def css(self, text: str, base: str) -> str:
        def url(m: re.Match) -> str:
            value = next(v for v in m.groups() if v is not None)
            new = self.uri(value, base)
            return m.group(0) if new == value else f'url("{new}")'

        return _CSS_URL.sub(url, text)

    def uri(self, value: str, base: str) -> str:
        """The data: URI of the template file `value` names, or `value` itself."""
        reference = value.strip()
        if not reference or reference.startswith(("#", "//")):
            return value
        scheme = urlparse(reference).scheme.lower()
        if scheme and scheme != "file" and len(scheme) > 1:  # http, https, data, mailto...; "c" would be a drive
            return value
        absolute = urljoin(base, reference)
        if absolute in self.cache:
            return self.cache[absolute] or value
        self.cache[absolute] = None
        path = Path(unquote(urlparse(absolute).path))
        if not is_allowed(absolute.split("#")[0].split("?")[0], self.dirs, allow_remote=False) or not path.is_file():
            if not scheme and reference not in self.warned:  # a relative name that the theme does not hold
                self.warned.add(reference)
                self.warn(f"HTML: {reference} is not a file of the template folder {self.dirs[0]}; "
                          f"the web page refers to it as it is")
            return value
        try:
            data = path.read_bytes()
        except OSError as error:
            self.warn(f"HTML: {path} cannot be read ({error.strerror or error}); the web page refers to it as it is")
            return value
        kind = _EXTRA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind == "text/css":  # its own url()s are relative to it, and a data: URI has no place to resolve them
            data = self.css(data.decode("utf-8", errors="replace"), path.resolve().as_uri()).encode("utf-8")
        self.cache[absolute] = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
        return self.cache[absolute]
