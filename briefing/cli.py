"""The command line: parse, call the API, print. `briefing --help` imports no heavy library.

`main(argv, stdout, stderr)` takes its I/O as arguments so tests call it in-process.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
import time
import typing
from pathlib import Path
from typing import TextIO

from . import __version__
from .arguments import positive_number, whole_number
from .deliver.commands import add_build_mail_flags, add_delivery_commands, check_build_mail, mail_after_build
from .errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, BriefingError
from .options import BuildOptions

FORMAT_NAMES = ("html", "pdf", "md", "txt", "json")  # the keys of renderers.FORMATS, without importing it
DEFAULT_FORMATS = ("html", "pdf", "md", "json")
RENDER_FORMATS = ("html", "pdf", "md")  # `render` reads the JSON: it need not write it again


def add_option_flags(parser: argparse.ArgumentParser, options_class: type = BuildOptions) -> None:
    """One flag per options field, documented where the field is defined."""
    hints = typing.get_type_hints(options_class)
    for field in dataclasses.fields(options_class):
        meta = field.metadata
        if meta.get("cli") is False:
            continue  # set from the config file or the API only (a list of lists has no flag)
        flag = meta.get("flag") or "--" + field.name.replace("_", "-")
        kind = hints[field.name]
        if kind is bool:
            action = "store_false" if field.default else "store_true"
            parser.add_argument(flag, dest=field.name, action=action, help=meta["help"])
            continue
        base = next((t for t in typing.get_args(kind) if t is not type(None)), kind)
        if base is int:  # argparse's own int says "invalid int value"; every number flag says it our way
            base = whole_number(meta.get("least") or 0)
        elif base is float:
            base = positive_number(meta.get("unit", ""))
        shown = "" if field.default is None or "default" in meta["help"] else f" (default: {field.default})"
        parser.add_argument(flag, dest=field.name, type=base, metavar=meta.get("metavar"),
                            default=field.default, help=meta["help"] + shown)


def options_from(args: argparse.Namespace, options_class: type = BuildOptions):
    return options_class(**{f.name: getattr(args, f.name) for f in dataclasses.fields(options_class)
                            if hasattr(args, f.name)})


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (not the usage block first), exit code 2."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"briefing: error: {message}; see {self.prog} --help\n")

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        """As argparse's, but a word no command takes is refused by that command ("see briefing render --help")."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            (_commands(self).get(getattr(parsed, "command", None)) or self).error(
                f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="briefing", description="Turn news reports into a short, cited situation brief.")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="make a brief from report files, folders or globs",
                                description="Make a brief from report files, folders or globs.")
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="report files (.txt, .md, saved .html pages, RSS/Atom feeds, .jsonl), folders, "
                            "globs, or http(s) URLs of articles and feeds, in any mix")
    build.add_argument("-o", "--output", default="out", metavar="DIR|FILE",
                       help="a folder (writes DIR/brief.<ext> per format) or one file whose extension "
                            "names its format (default: out/)")
    build.add_argument("--format", default=None, metavar="LIST",
                       help=f"formats to write, comma-separated from {','.join(FORMAT_NAMES)} "
                            f"(default: {','.join(DEFAULT_FORMATS)})")
    add_look_flags(build)
    build.add_argument("-q", "--quiet", action="store_true", help="print no progress, only warnings and errors")
    add_option_flags(build)
    add_build_mail_flags(build)
    build.set_defaults(run=run_build)
    add_render_command(commands)
    add_templates_command(commands)
    add_delivery_commands(commands)
    return parser


def add_look_flags(parser: argparse.ArgumentParser, recorded: bool = False) -> None:
    """How a brief is rendered (not what it says): `build` and `render` take the same flags. With
    `recorded` (render) a flag not given is None or empty: the look the brief's JSON records fills it."""
    was = "as the brief was rendered, else " if recorded else ""
    parser.add_argument("--templates", action="append", default=[], metavar="DIR",
                        help="a template folder searched before the packaged theme (repeatable)"
                             + ("; default: those the brief was rendered with" if recorded else ""))
    parser.add_argument("--css", action="append", default=[], metavar="FILE",
                        help="CSS added after the theme's (repeatable)"
                             + ("; default: that the brief was rendered with" if recorded else ""))
    parser.add_argument("--page-size", default=None if recorded else "a4", type=_page_size, metavar="{a4,letter}",
                        help=f"PDF page size (default: {was}a4)")
    parser.add_argument("--max-citations", type=whole_number(0), default=None if recorded else 6, metavar="N",
                        help=f"citation marks a line shows before \"+N\" (default: {was}6; 0 shows them all); "
                             "a brief of over 40 reports lists only the sources it shows")
    parser.add_argument("--allow-remote", action="store_true",
                        help="let the PDF renderer fetch URLs and files outside the template folders")


def add_render_command(commands) -> None:
    render = commands.add_parser(
        "render", help="render a brief's JSON again: another theme, page size or format, or after editing it",
        description="Render a brief that `build` made (its JSON, or the folder it wrote) again, without reading "
                    "the reports: to try a theme, another page size or format, or to send a brief whose JSON "
                    "you edited (a statement removed, a label reworded). It keeps the look the JSON records "
                    "(templates, CSS, page size, citation marks) for every flag you do not give.")
    render.add_argument("brief", metavar="BRIEF", help="a brief's JSON file, or the folder `build`, `render -o` "
                                                       "or `daily` wrote")
    render.add_argument("-o", "--output", default=None, metavar="DIR|FILE",
                        help="a folder (writes DIR/brief.<ext> per format, and brief.json with them unless the "
                             "folder is the brief's own) or one file whose extension names its format (default: "
                             "beside the JSON, named after it: out/edited.json gives out/edited.html, ...)")
    render.add_argument("--format", default=None, metavar="LIST",
                        help=f"formats to write, comma-separated from {','.join(FORMAT_NAMES)} "
                             f"(default: those already beside the JSON, else {','.join(RENDER_FORMATS)}; json too "
                             f"with -o another folder)")
    add_look_flags(render, recorded=True)
    render.add_argument("--default-look", action="store_true",
                        help="ignore the look recorded in the brief's JSON (its page size and citation marks): "
                             "what you do not give is the default")
    render.add_argument("--recorded-look", action="store_true",
                        help="also use the template folders and CSS files the JSON records (they run and are "
                             "copied into the page: only for a JSON you trust)")
    render.add_argument("-q", "--quiet", action="store_true", help="print no progress, only warnings and errors")
    render.set_defaults(run=run_render)


def add_templates_command(commands) -> None:
    templates = commands.add_parser("templates", help="copy or inspect the theme (templates init DIR, templates list)",
                                    description="Own the look of the brief: copy the default theme into a folder "
                                                "you edit, and see which template file is used from where.")
    actions = templates.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="copy the default theme into DIR, with a short README",
                              description="Copy the default theme into DIR, with a short README. Then "
                                          "try it on a brief you built: briefing render out/ --templates DIR "
                                          "(seconds, no report read), or build with it: "
                                          "briefing build INPUT --templates DIR")
    init.add_argument("folder", metavar="DIR", help="the folder to create or fill")
    init.add_argument("--force", action="store_true", help="overwrite theme files already in DIR")
    init.set_defaults(run=run_templates_init)
    listing = actions.add_parser("list", help="show which template file is used from where",
                                 description="Show the template folders in search order and which file is used "
                                             "for each template.")
    listing.add_argument("--templates", action="append", default=[], metavar="DIR",
                         help="a template folder searched before the packaged theme (repeatable)")
    listing.add_argument("--config", metavar="FILE",
                         help="also the template folders of a daily config file ([brief] templates), searched "
                              "after --templates, as `briefing daily` searches them")
    listing.set_defaults(run=run_templates_list)


def run_templates_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .renderers.theme import init_theme

    written = init_theme(args.folder, force=args.force)
    names = ", ".join(Path(p).relative_to(args.folder).as_posix() for p in written)  # "daily/news.html.j2"
    print(f"copied the default theme to {args.folder}: {names}", file=out)
    print(f"edit them, then try them on a brief you built: briefing render out/ --templates {args.folder} "
          f"(or build with them: briefing build INPUT --templates {args.folder})", file=out)
    return EXIT_OK


def run_templates_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .renderers.theme import describe_templates

    folders = list(args.templates)
    if args.config:
        from .config import load_config
        from .deliver.news import news_templates

        # as `briefing daily` searches: the config's folders, then the packaged daily overlay
        folders = list(news_templates((*folders, *load_config(args.config).templates)))
    print("\n".join(describe_templates(folders)), file=out)
    return EXIT_OK


def output_plan(output: str, formats: str | None, default: tuple[str, ...] = DEFAULT_FORMATS,
                stem: str = "brief") -> dict[str, Path]:
    """format -> path to write: DIR/<stem>.<format>, or the one file -o names."""
    chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip()) if formats is not None else None
    if chosen == ():
        raise BriefingError(f"--format {formats!r}: name at least one format ({', '.join(FORMAT_NAMES)})")
    for name in chosen or ():
        if name not in FORMAT_NAMES:
            raise BriefingError(f"unknown format {name!r} (choose from {', '.join(FORMAT_NAMES)})")
    target = Path(output)
    suffix = target.suffix.lower().lstrip(".")
    if suffix and not target.is_dir():
        if suffix not in FORMAT_NAMES:
            raise BriefingError(f"-o {output}: unknown format .{suffix} (choose from {', '.join(FORMAT_NAMES)})")
        if chosen and chosen != (suffix,):
            raise BriefingError(f"-o {output} writes one {suffix} file; --format asks for {','.join(chosen)}")
        return {suffix: target}
    if target.exists() and not target.is_dir():
        raise BriefingError(f"-o {output}: is a file; give a folder, or a file ending in "
                            f"{', '.join('.' + name for name in FORMAT_NAMES)}")
    return {name: target / f"{stem}.{name}" for name in (chosen or default)}


def run_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    started = time.perf_counter()
    plan = output_plan(args.output, args.format)
    options = options_from(args).validate()
    _check_css(args)
    check_build_mail(args)
    progress, warn = _reporters(args, err)

    from .pipeline import build_brief

    brief = build_brief(args.inputs, options, progress=progress, warn=warn)
    render_options, rendered = _render_and_write(brief, plan, args, warn, out)
    pdf = rendered.get(plan["pdf"]) if "pdf" in plan else None
    mail_after_build(args, brief, pdf, render_options, progress)  # the files are on disk whatever happens to it
    progress(f"done in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def run_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    started = time.perf_counter()
    from .deliver.email import read_brief
    from .renderers.look import describe, look_from, without_paths

    progress, warn = _reporters(args, err)
    brief, source, data = read_brief(args.brief)
    from .brief_check import edit_warnings

    for line in edit_warnings(brief):
        warn(f"{source}: {line}")
    recorded = {} if args.default_look else look_from(data, warn)
    if not args.recorded_look:  # templates run and CSS is copied in: from a JSON only when asked for
        recorded = without_paths({k: v for k, v in recorded.items() if not getattr(args, k)}, warn)
    used = {key: value for key, value in recorded.items() if getattr(args, key) in (None, [])}
    for key, value in used.items():  # a flag given on the command line wins
        setattr(args, key, value)
    args.page_size = args.page_size or "a4"
    args.max_citations = 6 if args.max_citations is None else args.max_citations
    differs = {k: v for k, v in used.items() if v not in ("a4", 6, [], None)}  # the defaults go unsaid
    if describe(differs):
        progress(f"in the look the brief was rendered with: {describe(differs)} (--default-look leaves it)")
    plan = render_plan(args.output, args.format, source)
    _check_css(args)
    templates = tuple(args.templates)
    if brief.news is not None:  # a daily brief: its "New since the last brief" part, as `daily` renders it
        from .deliver.news import news_templates

        templates = news_templates(templates)
    from .model import Brief

    known = {f.name for f in dataclasses.fields(Brief)} | {"rendered_with"}
    _render_and_write(brief, plan, args, warn, out, templates, extra={k: v for k, v in data.items() if k not in known})
    progress(f"done in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def render_plan(output: str | None, formats: str | None, source: Path) -> dict[str, Path]:
    """format -> path for `render` of the JSON `source`. By default beside it and named after it
    (out/edited.json -> out/edited.html, ...: the build's own out/brief.html stays). A folder of -o other
    than the JSON's own gets brief.json too, so that it can be rendered or mailed again. Never the JSON
    it reads: that is the user's edit, and the look and keys it records would be lost."""
    if output is None:
        # the formats already there for this brief ("daily" wrote html and pdf: no md beside them), else the default
        there = tuple(fmt for fmt in RENDER_FORMATS + ("txt",) if (source.parent / f"{source.stem}.{fmt}").is_file())
        plan = output_plan(str(source.parent), formats, there or RENDER_FORMATS, stem=source.stem)
    else:
        target = Path(output)
        names_a_file = target.suffix and not target.is_dir()
        elsewhere = not names_a_file and target.resolve() != source.parent.resolve()
        plan = output_plan(output, formats, RENDER_FORMATS + (("json",) if elsewhere else ()))
    for path in plan.values():
        if path.resolve() == source.resolve():
            raise BriefingError(f"{path}: is the brief render reads; it is not written over (give -o another "
                                f"folder or file, or --format without json)")
    return plan


def _check_css(args: argparse.Namespace) -> None:
    for css in args.css:
        if not Path(css).is_file():
            raise BriefingError(f"--css {css}: no such file")


def _reporters(args: argparse.Namespace, err: TextIO):
    """(progress, warn): progress unless --quiet; warnings always."""
    def progress(message: str) -> None:
        if not args.quiet:
            print(f"briefing: {one_line(message)}", file=err, flush=True)

    def warn(message: str) -> None:
        print(f"briefing: warning: {one_line(message)}", file=err, flush=True)

    return progress, warn


def _render_and_write(brief, plan: dict[str, Path], args: argparse.Namespace, warn, out: TextIO,
                      templates: tuple[str, ...] | None = None, extra: dict | None = None):
    """Render every planned format, then write them all or none (writing.write_outputs). `extra`: keys of
    the JSON read that briefing does not know (a desk's own notes), kept in the JSON written."""
    from .renderers import RenderOptions, render
    from .writing import write_outputs

    templates = tuple(args.templates) if templates is None else templates
    render_options = RenderOptions(templates=templates, css=tuple(args.css),
                                   page_size=args.page_size, allow_remote=args.allow_remote,
                                   max_citations=args.max_citations, extra={"warn": warn})
    rendered = {path: render(brief, fmt, render_options) for fmt, path in plan.items()}
    if extra and "json" in plan:
        import json

        written = json.loads(rendered[plan["json"]])
        rendered[plan["json"]] = json.dumps(written | {k: v for k, v in extra.items() if k not in written},
                                            ensure_ascii=False, indent=2) + "\n"
    for path in write_outputs(rendered):
        print(f"wrote {path} ({_size(path)})", file=out)
    return render_options, rendered


def _page_size(value: str) -> str:
    """A4 or letter, in any case, for argparse: the one rule of options.page_size."""
    from .options import PAGE_SIZES, page_size

    try:
        page_size(value)
    except BriefingError:
        raise argparse.ArgumentTypeError(f"invalid choice: {value!r} (choose from "
                                          f"{', '.join(map(repr, PAGE_SIZES))})") from None
    return value.lower()


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its message
        return int(exit_.code or 0)
    if not getattr(args, "run", None):  # `briefing` alone: a usage error, not a request for help
        err.write(parser.format_usage())
        print(f"briefing: error: name a command ({', '.join(_commands(parser))})", file=err)
        return EXIT_USAGE
    try:
        return args.run(args, out, err)
    except BriefingError as error:
        print(f"briefing: error: {one_line(str(error))}", file=err)
        return error.exit_code
    except KeyboardInterrupt:
        print("briefing: interrupted; no output was written", file=err)
        return EXIT_INTERRUPTED
    except OSError as error:  # the machine, not the input: a full disk, a cache dir we may not write
        where = f"{error.filename}: " if getattr(error, "filename", None) else ""
        print(f"briefing: error: {one_line(f'{where}{error.strerror or error}')}", file=err)
        return EXIT_USAGE
    except Exception as error:  # a bug of ours: still one line, and the traceback on request
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"briefing: error: unexpected {type(error).__name__}: {_first_line(error)} "
              f"(a bug in briefing; BRIEFING_DEBUG=1 shows where)", file=err)
        return EXIT_BUG


def entry() -> int:
    """The `briefing` command (and `python -m briefing`): main() in a process of its own, which exits after it.
    Python's collector, left as it is, made seven full passes over the ~130,000 objects the imports leave and
    every cache: 0.75 to 1.4 s of a warm 1,000-report build. A larger first generation (and the imports'
    objects set aside: never garbage) leaves it to a few young passes: warm build 11.5 -> 10.7 s, same output
    and peak memory (benchmarks, BENCHMARKS.md). Not in main(): a caller that goes on in its process (a test run,
    a script) would keep cyclic garbage, and the files it holds open, for longer."""
    tune_collector()
    return main()


def tune_collector() -> None:
    """Set the collector for one run in a process of its own (entry(); benchmarks/speed.py's child does the same)."""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser's commands by name ({} for a command's own parser)."""
    return {name: command for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name, command in action.choices.items()}


# what ends a line for str.splitlines (and for a reader's terminal), and the other control characters: a report's
# text reaches the messages in topic labels and quoted names ("1 topic in 0.0 s: A\x0c*" was two lines)
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def one_line(message: str) -> str:
    """The message on one line: line breaks and control characters each run made one space."""
    return _LINE_BREAKING.sub(" ", message)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:300] if text else "no message"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(entry())
