"""The look a brief was rendered with, kept in its JSON (`rendered_with`) so that `briefing render` and
`briefing email` give it the same look again unless told otherwise: a brief built on letter paper with
`--max-citations 1` must not come back on A4 with six marks a line. Its template folders and CSS files are
used again only with `render --recorded-look` (see `without_paths`): a JSON can come from anyone.

    "rendered_with": {"page_size": "letter", "max_citations": 1,
                      "templates": ["/srv/theme"], "css": ["/srv/house.css"]}

It sits beside the Brief's own keys, not in the Brief: it says how one file set was drawn, not what the
brief says, and templates (which read `brief`) never see it. Paths are absolute, so that the JSON can be
rendered from any folder. The packaged daily overlay is not recorded: a brief with `news` gets it anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..options import PAGE_SIZES

LOOK_KEY = "rendered_with"
LOOK_FLAGS = ("page_size", "max_citations", "templates", "css")


def recorded_look(options) -> dict[str, Any]:
    """What `rendered_with` holds for these RenderOptions."""
    from .environment import packaged_templates

    overlay = (packaged_templates() / "daily").resolve()
    return {"page_size": options.page_size.lower(), "max_citations": options.max_citations,
            "templates": [str(Path(folder).resolve()) for folder in options.templates
                          if Path(folder).resolve() != overlay],
            "css": [str(Path(path).resolve()) for path in options.css]}


def look_from(data: dict, warn: Callable[[str], None]) -> dict[str, Any]:
    """The flags a brief's JSON records, each only when it is as briefing writes it ({} for a JSON from
    before `rendered_with`); a recorded folder or file that is gone is left out, with a warning."""
    look = data.get(LOOK_KEY)
    if look is None:
        return {}
    if not isinstance(look, dict):
        warn(f"{LOOK_KEY} is not an object: the brief is rendered in the default look")
        return {}
    found: dict[str, Any] = {}
    size = look.get("page_size")
    if isinstance(size, str) and size.lower() in PAGE_SIZES:
        found["page_size"] = size.lower()
    elif size is not None:
        warn(f"{LOOK_KEY}.page_size: {size!r} is not a4 or letter: a4 is used")
    limit = look.get("max_citations")
    if isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0:
        found["max_citations"] = limit
    elif limit is not None:
        warn(f"{LOOK_KEY}.max_citations: {limit!r} is not a whole number of 0 or more: 6 is used")
    for key, exists, kind in (("templates", _is_theme, "template folder"), ("css", _is_css, "CSS file")):
        paths = look.get(key)
        if paths is None:
            continue
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            warn(f"{LOOK_KEY}.{key} is not a list of paths: left out")
            continue
        found[key] = []
        for path in paths:
            if exists(Path(path)):
                found[key].append(path)
            elif Path(path).exists():  # a JSON from elsewhere must not make render read any file into the brief
                warn(f"{LOOK_KEY}.{key}: {path} is no {kind}: rendering without it")
            else:
                warn(f"the {kind} {path} the brief was rendered with is gone: rendering without it")
    return found


PATH_FLAGS = ("templates", "css")


def without_paths(look: dict[str, Any], warn: Callable[[str], None]) -> dict[str, Any]:
    """The look without its template folders and CSS files, with one warning naming them: a JSON can come
    from anyone, and a template is code (Jinja runs it) and a stylesheet is copied into the page, so they are
    used only when the user asks for them (`render --recorded-look`) or names them again."""
    named = [f"--{key} {path}" for key in PATH_FLAGS for path in look.get(key, ())]
    if named:
        warn(f"the brief was rendered with {' '.join(named)}: a brief's JSON does not choose templates or CSS "
             f"by itself; pass them again, or --recorded-look if you trust this JSON")
    return {key: value for key, value in look.items() if key not in PATH_FLAGS}


def _is_theme(path: Path) -> bool:
    """A theme folder (a template or a stylesheet in it, or in its daily/), not any folder a JSON names ("/etc")."""
    return path.is_dir() and any(p.suffix in (".j2", ".css") for pattern in ("*", "daily/*") for p in path.glob(pattern))


def _is_css(path: Path) -> bool:
    """A `.css` file: a recorded stylesheet is copied into the page, so no other file is taken for one."""
    return path.is_file() and path.suffix.lower() == ".css"


def describe(look: dict[str, Any]) -> str:
    """'page size letter, max citations 1, templates /srv/theme, css /srv/house.css' (what is set)."""
    parts = []
    for key in LOOK_FLAGS:
        value = look.get(key)
        if value in (None, []):
            continue
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        parts.append(f"{key.replace('_', ' ')} {shown}")
    return "; ".join(parts)
