"""The config file of daily runs (TOML): where reports come from, how the brief is built, where it
goes and who gets it. `briefing init-config` writes `EXAMPLE`, which documents every key.

[brief] takes the build options under the CLI's own names (`max-words` or `max_words`,
`no-cache = true` or `cache = false`), plus `templates`, `css`, `page-size`, `max-citations` and `format`.
Paths are relative to the config file's folder. An unknown key or a bad value is an error that
names the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .arguments import is_port
from .errors import BriefingError
from .options import BuildOptions

FORMAT_NAMES = ("html", "pdf", "md", "txt", "json")
DAILY_FORMATS = ("html", "pdf", "json")
SECURITY = ("none", "starttls", "ssl")
DEFAULT_THRESHOLD = 0.85

EXAMPLE = '''\
# briefing daily --config briefing.toml
# Every run takes the reports that are new since the last brief, writes
# OUTDIR/YYYY-MM-DD/brief.{html,pdf,json}, updates OUTDIR/index.html and mails the brief.
# Relative paths are relative to this file's folder.

[sources]
# folders (read recursively), files or globs; reports already in an earlier brief are skipped
paths = ["reports/"]
# RSS/Atom feeds and web pages, read like `briefing build URL` does
feeds = []
urls = []

[brief]
# the options of `briefing build`, under the same names (see `briefing build --help`)
max-words = 400
per-topic = 5
key-points = 4
# title = "Morning brief"
# model = "all-MiniLM-L6-v2 (packaged)"
# templates = ["my-theme/"]      # searched before the packaged theme; email.html.j2 is the mail
# css = ["extra.css"]
# page-size = "A4"
# max-citations = 6               # citation marks a line shows before "+N"; 0 shows them all
# format = ["html", "pdf", "json"]
# aliases = [["Tiger Forces", "Qawat al-Nimr"]]   # names of one entity no spelling rule joins; first shown

[output]
dir = "briefs"

[news]
# a statement at least this similar (cosine, 0 to 1) to one of an earlier brief is not news
threshold = 0.85

[email]
# remove this section to send nothing; the SMTP user and password come only from the
# environment: BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD
to = ["you@example.org"]
cc = []
from = "briefing@example.org"
smtp_host = "smtp.example.org"
smtp_port = 587
smtp_security = "starttls"   # none, starttls or ssl
attach_pdf = false
# send_empty = false         # mail a day with no new reports too
# smtp_cafile = "relay-ca.pem"
'''


@dataclass(frozen=True)
class EmailConfig:
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    sender: str | None = None
    smtp_host: str = "localhost"
    smtp_port: int | None = None
    smtp_security: str = "starttls"
    smtp_cafile: str | None = None
    attach_pdf: bool = False
    send_empty: bool = False

    def smtp(self):
        from .deliver.smtp import SmtpSettings

        return SmtpSettings(host=self.smtp_host, port=self.smtp_port, security=self.smtp_security,
                            cafile=self.smtp_cafile).validate()

    def mail_options(self, subject: str | None = None):
        from .deliver.email import MailOptions

        return MailOptions(to=self.to, cc=self.cc, sender=self.sender, subject=subject, attach_pdf=self.attach_pdf)


@dataclass(frozen=True)
class DailyConfig:
    path: Path
    inputs: tuple[str, ...]  # the [sources] paths, feeds and urls, in that order
    build: BuildOptions
    templates: tuple[str, ...]
    css: tuple[str, ...]
    page_size: str
    max_citations: int
    formats: tuple[str, ...]
    output_dir: Path
    threshold: float
    email: EmailConfig | None
    source_paths: tuple[str, ...] = ()  # the [sources] paths alone (inputs holds the feeds and urls too)

    def check_paths(self) -> DailyConfig:
        """The files and folders the config names exist: checked before a run makes anything in OUTDIR.
        (Not at load: `briefing email --config` needs only [email].) [sources] paths are checked by
        the reader's own rules (`expand_sources`): a URL is fetched, not looked for on disk; a glob
        that matches nothing and an empty folder are a quiet day, as the run itself treats them."""
        from .errors import EmptySource, MissingSource
        from .ingest import expand_sources

        for item in self.source_paths:
            try:
                expand_sources([item])
            except MissingSource as error:
                raise ConfigError(f"{self.path}: [sources] paths: {error}") from None
            except EmptySource:
                pass  # a quiet day there, as deliver/daily.py's _read takes it
        for folder in self.templates:
            if not Path(folder).is_dir():
                raise ConfigError(f"{self.path}: [brief] templates: {folder}: no such folder")
        for css in self.css:
            if not Path(css).is_file():
                raise ConfigError(f"{self.path}: [brief] css: {css}: no such file")
        cafile = self.email.smtp_cafile if self.email else None
        if cafile and not Path(cafile).is_file():
            raise ConfigError(f"{self.path}: [email] smtp_cafile: {cafile}: no such file")
        return self


class ConfigError(BriefingError):
    pass


def load_config(path: str | Path) -> DailyConfig:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file (`briefing init-config {path}` writes an example)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> DailyConfig:
    reader = _Reader(path)
    reader.known("", data, ("sources", "brief", "output", "news", "email"))
    for section in ("sources", "brief", "output", "news", "email"):
        if section in data and not isinstance(data[section], dict):
            raise ConfigError(f"{path}: [{section}] must be a table")
    sources = data.get("sources", {})
    reader.known("sources", sources, ("paths", "feeds", "urls"))
    source_paths = tuple(reader.path(p) for p in reader.strings("sources", "paths", sources))
    inputs = source_paths + reader.strings("sources", "feeds", sources) + reader.strings("sources", "urls", sources)
    if not inputs:
        raise ConfigError(f"{path}: [sources] names no paths, feeds or urls")

    brief = dict(data.get("brief", {}))
    templates = tuple(reader.path(p) for p in reader.strings("brief", "templates", brief))
    css = tuple(reader.path(p) for p in reader.strings("brief", "css", brief))
    page_size = reader.page_size(_pop_either(brief, "page-size"))
    formats = tuple(f.lower() for f in reader.strings("brief", "format", {"format": _pop_either(brief, "format")}))
    from .renderers.citations import DEFAULT_MAX_CITATIONS

    max_citations = _pop_either(brief, "max-citations")
    max_citations = reader.typed("brief", "max-citations", DEFAULT_MAX_CITATIONS if max_citations is None else max_citations, int)
    if max_citations < 0:
        raise ConfigError(f"{path}: [brief] max-citations: must be 0 (show all) or more, not {max_citations}")
    for name in formats:
        if name not in FORMAT_NAMES:
            raise ConfigError(f"{path}: [brief] format: unknown format {name!r} (choose from {', '.join(FORMAT_NAMES)})")
    brief.pop("templates", None), brief.pop("css", None)
    build = reader.build_options(brief)
    if build.cache_dir:
        build = dataclasses.replace(build, cache_dir=reader.path(build.cache_dir))

    output = data.get("output", {})
    reader.known("output", output, ("dir",))
    out_dir = reader.typed("output", "dir", output.get("dir", "briefs"), str)
    news = data.get("news", {})
    reader.known("news", news, ("threshold",))
    threshold = reader.typed("news", "threshold", news.get("threshold", DEFAULT_THRESHOLD), float)
    if not 0 < threshold <= 1:
        raise ConfigError(f"{path}: [news] threshold: must be more than 0 and at most 1, not {threshold}")
    return DailyConfig(path=path, inputs=inputs, build=build, templates=templates, css=css,
                       page_size=page_size, max_citations=max_citations,
                       formats=formats or DAILY_FORMATS, output_dir=Path(reader.path(out_dir)), threshold=threshold,
                       email=reader.email(data["email"]) if "email" in data else None, source_paths=source_paths)


def _pop_either(table: dict, name: str) -> Any:
    value = table.pop(name, None)
    underscored = table.pop(name.replace("-", "_"), None)
    return value if value is not None else underscored


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path_ = path
        self.base = path.parent

    def fail(self, section: str, key: str, message: str) -> ConfigError:
        where = f"[{section}] {key}" if section else key
        return ConfigError(f"{self.path_}: {where}: {message}")

    def known(self, section: str, table: dict, keys: tuple[str, ...]) -> None:
        for key in table:
            if key not in keys:
                what = "section" if not section else "key"
                raise self.fail(section, key, f"unknown {what} (known: {', '.join(keys)})")

    def path(self, value: str) -> str:
        if "://" in value:
            return value
        expanded = Path(value).expanduser()
        return str(expanded if expanded.is_absolute() else self.base / expanded)

    def typed(self, section: str, key: str, value: Any, kind: type) -> Any:
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(section, key, f"must be {_kind_name(kind)}, not {_toml_kind(value)}")
        return value

    def strings(self, section: str, key: str, table: dict) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip()) if key == "format" else (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(section, key, f"must be a string or a list of strings, not {_toml_kind(value)}")
        return tuple(value)

    def choice(self, section: str, key: str, value: Any, choices: tuple[str, ...], default: str) -> str:
        if value is None:
            return default
        value = self.typed(section, key, value, str)
        if value not in choices:
            raise self.fail(section, key, f"must be one of {', '.join(dict.fromkeys(c.lower() for c in choices))}, "
                                          f"not {value!r}")
        return value

    def page_size(self, value: Any) -> str:
        """"A4" or "letter", in any case, by the renderers' own rule (as `--page-size` takes it)."""
        from .options import page_size

        if value is None:
            return "A4"
        try:
            return page_size(self.typed("brief", "page-size", value, str))
        except ConfigError:
            raise
        except BriefingError:
            raise self.fail("brief", "page-size", f"must be A4 or letter, not {value!r}") from None

    def build_options(self, table: dict) -> BuildOptions:
        hints = typing.get_type_hints(BuildOptions)
        by_name: dict[str, tuple[str, bool]] = {}  # config key -> (field, inverted)
        for field in dataclasses.fields(BuildOptions):
            by_name[field.name] = by_name[field.name.replace("_", "-")] = (field.name, False)
            flag = field.metadata.get("flag")
            if flag:
                by_name[flag.lstrip("-")] = (field.name, hints[field.name] is bool and bool(field.default))
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in by_name:
                raise self.fail("brief", key, "unknown key (the build options, as in `briefing build --help`, "
                                              "plus templates, css, page-size, max-citations, format)")
            name, inverted = by_name[key]
            kind = hints[name]
            base = next((t for t in typing.get_args(kind) if t is not type(None)), kind)
            parse = {f.name: f for f in dataclasses.fields(BuildOptions)}[name].metadata.get("parse")
            if parse:  # a field of its own shape (aliases: a list of lists)
                try:
                    values[name] = parse(value)
                except ValueError as error:
                    raise self.fail("brief", key, str(error)) from None
                continue
            value = self.typed("brief", key, value, base)
            values[name] = (not value) if inverted else value
        try:
            return BuildOptions(**values).validate()
        except ConfigError:
            raise
        except BriefingError as error:
            raise ConfigError(f"{self.path_}: [brief] {str(error).removeprefix('--')}") from None

    def email(self, table: dict) -> EmailConfig:
        keys = ("to", "cc", "from", "smtp_host", "smtp_port", "smtp_security", "smtp_cafile", "attach_pdf",
                "send_empty")
        self.known("email", table, keys)
        to = self.strings("email", "to", table)
        if not to:
            raise self.fail("email", "to", "give at least one address (or remove [email] to send nothing)")
        port = table.get("smtp_port")
        if port is not None:
            port = self.typed("email", "smtp_port", port, int)
            if not is_port(port):
                raise self.fail("email", "smtp_port", f"{port} is not a port number")
        config = EmailConfig(
            to=to, cc=self.strings("email", "cc", table),
            sender=self.typed("email", "from", table["from"], str) if "from" in table else None,
            smtp_host=self.typed("email", "smtp_host", table.get("smtp_host", "localhost"), str),
            smtp_port=port,
            smtp_security=self.choice("email", "smtp_security", table.get("smtp_security"), SECURITY, "starttls"),
            smtp_cafile=self.path(self.typed("email", "smtp_cafile", table["smtp_cafile"], str))
            if "smtp_cafile" in table else None,
            attach_pdf=self.typed("email", "attach_pdf", table.get("attach_pdf", False), bool),
            send_empty=self.typed("email", "send_empty", table.get("send_empty", False), bool),
        )
        try:
            config.mail_options().validate(names=("to", "cc", "from"))
        except BriefingError as error:
            raise ConfigError(f"{self.path_}: [email] {error}") from None
        return config


def _kind_name(kind: type) -> str:
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}.get(kind, kind.__name__)


def _toml_kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, (int, float)):
        return f"{value} (a number)"
    if isinstance(value, str):
        return f"{value!r} (a string)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
