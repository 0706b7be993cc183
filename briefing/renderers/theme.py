"""`briefing templates init` and `briefing templates list`: the theme as a folder the user owns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import OutputError
from .environment import (DEFAULT_PREFIX, make_environment, packaged_templates, resolve_templates,
                          template_search_path, theme_files)

INIT_README = """\
# Your briefing theme

This folder is a copy of briefing's default theme. Try it on a brief you already built (in
seconds: no report is read, no model loaded), then build with it:

    briefing render out/ --templates {folder}
    briefing build INPUT --templates {folder}

Files here are used before the packaged ones, by name:

- `brief.html.j2` makes the web page and, laid out by WeasyPrint, the PDF.
- `brief.css` styles both; `print.css` is added for the PDF only (page size, running header,
  "page X of Y", bookmarks). `@page` and `string-set` are CSS Paged Media, as in any WeasyPrint PDF.
- `brief.md.j2` is the Markdown, `brief.txt.j2` the plain text (also the text part of mail).
- Any other `.j2`/`.css` file here is a template of another output (mail, archive index).

Keep only the files you change: delete the others and the packaged ones are used, so you get
their fixes when you upgrade briefing. To change one part of a page only, a file can extend the
packaged one and override a block; `{{{{ super() }}}}` keeps the original content:

    {{% extends "default:brief.html.j2" %}}
    {{% block key_points %}}<p class="notice">For internal use</p>{{{{ super() }}}}{{% endblock %}}

Blocks of brief.html.j2: {blocks}.

Only colours and fonts? You need no template: `briefing build INPUT --css house.css` adds your
CSS after the theme's, e.g. `:root {{ --accent: #005a9c; --text-font: Georgia, serif; }}`.

Every template receives `brief` (the Brief as JSON: `briefing build INPUT --format json` shows
yours), `user_css`, `page_size`, `for_print` and `version`; the full list is in briefing's
docs/templates.md. A mistake (an undefined variable, a syntax error, a missing file) stops the
build with one line naming the file and line, and writes nothing. The PDF loads images and fonts
only from this folder or `data:` URIs unless you pass `--allow-remote`.

`briefing templates list --templates {folder}` shows which file is used from where.
"""


_EXTENDS_DEFAULT = re.compile(r"\{%-?\s*extends\s+[\"']" + DEFAULT_PREFIX + ":")


def block_names(name: str = "brief.html.j2") -> list[str]:
    """The blocks a user can override in a packaged template, in the order they appear."""
    return list(make_environment().get_template(f"{DEFAULT_PREFIX}:{name}").blocks)


def init_theme(folder: str | Path, force: bool = False) -> list[Path]:
    """Copy the packaged theme into folder, with a README; refuse to overwrite unless force."""
    target = Path(folder).expanduser()
    source = packaged_templates()
    names = theme_files(source)
    planned = [target / name for name in [*names, "README.md"]]
    existing = [path for path in planned if path.exists()]
    if existing and not force:
        raise OutputError(f"{existing[0]} exists; nothing was copied (--force overwrites the theme files)")
    from ..writing import write_outputs

    try:
        files = {target / name: (source / name).read_bytes() for name in names}
    except OSError as error:
        raise OutputError(f"{source}: the packaged theme cannot be read ({error.strerror or error})") from None
    files[target / "README.md"] = INIT_README.format(folder=target, blocks=", ".join(block_names()))
    write_outputs(files)  # all or nothing: an interrupted copy leaves no half-written template
    return planned


def describe_templates(user_dirs: Sequence[str | Path] = ()) -> list[str]:
    """The lines `briefing templates list` prints."""
    search = template_search_path(user_dirs)
    lines = ["Template folders, searched in this order:"]
    for number, folder in enumerate(search, 1):
        note = f"  (packaged theme; extend it as \"{DEFAULT_PREFIX}:NAME\")" if folder == search[-1] else \
            "  (packaged: the daily brief's news part)" if folder.is_relative_to(search[-1]) else ""
        lines.append(f"  {number}. {folder}{note}")
    lines += ["", "Templates and the file used for each:"]
    table = resolve_templates(user_dirs)
    width = max(len(name) for name, _, _ in table)
    for name, used, hidden in table:
        packaged = search[-1] / name
        if used == packaged:
            whose = "packaged"
        elif used.is_relative_to(search[-1]):  # the daily overlay, when listed as `briefing daily` uses it
            whose = "packaged daily overlay"
        elif packaged not in hidden:
            whose = "yours, not in the packaged theme"
        elif _EXTENDS_DEFAULT.search(used.read_text(encoding="utf-8", errors="replace")):
            whose = "yours, extends the packaged one"
        else:
            whose = "yours, replaces the packaged one"
        lines.append(f"  {name:<{width}}  {used}  ({whose})")
    lines += ["", f"Blocks of {DEFAULT_PREFIX}:brief.html.j2: {', '.join(block_names())}"]
    return lines
