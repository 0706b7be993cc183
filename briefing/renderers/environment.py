"""The Jinja environment: the user's template folders first, then the packaged theme.

A user template can replace a packaged one by name, or extend it and override one block:
    {% extends "default:brief.html.j2" %}{% block key_points %}...{{ super() }}{% endblock %}
Undefined variables are errors (StrictUndefined): a typo in a template must not pass silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..errors import TemplateError
from .filters import FILTERS

DEFAULT_PREFIX = "default"


def packaged_templates() -> Path:
    """The default theme: inside the installed wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "brief.html.j2").is_file():
            return candidate
    raise TemplateError(f"the packaged templates are missing (looked in {here / 'templates'} and "
                        f"{here.parent / 'templates'}): reinstall briefing")


def template_search_path(user_dirs: Sequence[str | Path] = ()) -> list[Path]:
    dirs = []
    for folder in user_dirs:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise TemplateError(f"--templates {folder}: no such folder")
        dirs.append(path.resolve())
    return dirs + [packaged_templates()]


def make_environment(user_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    search = template_search_path(user_dirs)
    packaged = jinja2.FileSystemLoader(str(search[-1]))
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({DEFAULT_PREFIX: packaged}, delimiter=":"),
        jinja2.FileSystemLoader([str(p) for p in search]),
    ])
    environment = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "htm.j2", "xml.j2", "html", "htm"),
                                            default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(FILTERS)
    return environment


def render_template(environment: jinja2.Environment, name: str, context: dict) -> str:
    """Render one template; any template mistake becomes one line naming file and line."""
    try:
        return environment.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(f"{error.filename or error.name}:{error.lineno}: syntax error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"template not found: {error.name}") from None
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{_where(error)}undefined variable: {error.message}") from None


def _where(error: BaseException) -> str:
    """file:line of the innermost template frame of a rendering error."""
    tb, where = error.__traceback__, ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or "/templates/" in filename:
            where = f"{filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where
