"""The Jinja environment: the user's template folders first, then the packaged theme.

A user template can replace a packaged one by name, or extend it and override one block:
    {% extends "default:brief.html.j2" %}{% block key_points %}...{{ super() }}{% endblock %}
Undefined variables are errors (StrictUndefined): a typo in a template must not pass silently.
Every template mistake becomes a `TemplateError` of one line that names the file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..errors import TemplateError
from .filters import FILTERS

DEFAULT_PREFIX = "default"
THEME_SUFFIXES = (".j2", ".css")  # what `templates list` and `templates init` treat as the theme


def packaged_templates() -> Path:
    """The default theme: inside the installed wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "brief.html.j2").is_file():
            return candidate
    raise TemplateError(f"the packaged templates are missing (looked in {here / 'templates'} and "
                        f"{here.parent / 'templates'}): reinstall briefing")


def template_search_path(user_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """The folders searched for a template, in order; the packaged theme is always last."""
    dirs = []
    for folder in user_dirs:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise TemplateError(f"--templates {folder}: no such folder")
        dirs.append(path.resolve())
    return dirs + [packaged_templates()]


def theme_files(folder: Path) -> list[str]:
    """Names of the theme files in a folder, relative to it (subfolders included)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and p.name.endswith(THEME_SUFFIXES))


def resolve_templates(user_dirs: Sequence[str | Path] = ()) -> list[tuple[str, Path, list[Path]]]:
    """(name, the file used, the files it hides) for every template the search path offers."""
    search = template_search_path(user_dirs)
    names = sorted({name for folder in search for name in theme_files(folder)})
    table = []
    for name in names:
        found = [folder / name for folder in search if (folder / name).is_file()]
        table.append((name, found[0], found[1:]))
    return table


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
        searched = ", ".join(str(p) for p in _search_of(environment))
        raise TemplateError(f"{_where(error)}template not found: {error.name} (searched {searched})") from None
    except jinja2.UndefinedError as error:
        message = str(error.message)
        if message.startswith("'dict object' has no attribute"):  # brief.<typo>: say what to look at
            message += " (the fields of brief are listed in docs/templates.md; --format json shows them)"
        raise TemplateError(f"{_where(error)}undefined variable: {message}") from None
    except RecursionError:
        raise TemplateError(f"{name}: a template extends or includes itself; to build on the packaged "
                            f"one, extend \"{DEFAULT_PREFIX}:{name}\"") from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as error:
        where = _where(error)
        if not where:  # not a template's mistake: a bug of ours, keep the traceback
            raise
        raise TemplateError(f"{where}{type(error).__name__}: {error}") from None


def _search_of(environment: jinja2.Environment) -> list[str]:
    loaders = getattr(environment.loader, "loaders", [])
    return next((loader.searchpath for loader in loaders if isinstance(loader, jinja2.FileSystemLoader)), [])


def _where(error: BaseException) -> str:
    """'file:line: ' of the innermost template frame of a rendering error ('' if none).

    Jinja rewrites tracebacks so that each template frame is a fake frame compiled with the
    template's file name and line number; those frames carry `__jinja_exception__`.
    """
    tb, where = error.__traceback__, ""
    while tb is not None:
        frame = tb.tb_frame
        if "__jinja_exception__" in frame.f_globals or frame.f_code.co_filename.endswith(THEME_SUFFIXES):
            where = f"{frame.f_code.co_filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where
