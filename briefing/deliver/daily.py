"""One daily run: the reports new since the last brief, their brief marked with what is new,
OUTDIR/YYYY-MM-DD/brief.*, the archive page OUTDIR/index.html, and the mail.

Safe to run again: a lock keeps two runs apart; the day's folder is made aside and renamed into
place, so an interrupted run leaves every earlier brief (and that day's previous one) whole; the
store records the brief only once its files are in place; a day already mailed is not mailed
again unless `force`. Whatever happens to the mail, the files are on disk before it is sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import os
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import __version__
from ..config import DailyConfig
from ..errors import BriefingError, InputError, OutputError
from ..model import Brief, Document, Generation, News
from ..wording import brief_title, plural
from ..writing import write_atomic
from .news import news_templates
from .store import Store, report_key

LOCK_NAME = ".briefing.lock"
Report = Callable[[str], None]


@dataclass(frozen=True)
class DailyResult:
    date: str
    folder: Path
    written: tuple[Path, ...]
    report_count: int
    new_count: int
    mailed: bool
    mail_note: str  # why it was or was not mailed


class Lock:
    """An exclusive, non-blocking lock on OUTDIR (flock: released by the kernel if we die)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self.handle = None

    def __enter__(self) -> Lock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(self.path, "a+")
        except OSError as error:
            raise OutputError(f"{self.path}: cannot be opened ({error.strerror or error})") from None
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.close()
            raise BriefingError(f"another daily run is working on {self.path.parent} (it holds {self.path})") from None
        self.handle.seek(0), self.handle.truncate()
        self.handle.write(f"{os.getpid()}\n"), self.handle.flush()
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
        self.handle.close()


def run_daily(config: DailyConfig, date: str | None = None, force: bool = False, since: str | None = None,
              embedder=None, progress: Report = lambda m: None, warn: Report = lambda m: None,
              send=None, environ=None) -> DailyResult:
    day = _day(date)
    config.check_paths()  # before the lock and the store are made in OUTDIR
    if since:
        from ..ingest.dates import parse_bound

        since = parse_bound(since, "--since")
    with Lock(config.output_dir):
        store = Store(config.output_dir)
        try:
            return _run(config, day, force, since, embedder, progress, warn, send, environ, store)
        finally:
            store.close()


def _run(config, day, force, since, embedder, progress, warn, send, environ, store: Store) -> DailyResult:
    from ..pipeline import brief_documents
    from ..renderers import RenderOptions

    options = config.build
    seen = set() if since else store.seen_reports(before=day)
    left_out: Counter[str] = Counter()

    def new(document: Document) -> bool:
        """The reports this day's brief is made of, chosen as they are read, so that the reports of earlier
        briefs are not warned of every day again."""
        if document.date and document.date[:10] > day:  # `--date` back-fills from a folder holding later days
            left_out["later"] += 1
        elif since and _published(document) < since[:10]:
            left_out["before since"] += 1
        elif not since and report_key(document) in seen:
            left_out["seen"] += 1
        else:
            return True
        return False

    new_documents = _read(config, warn, progress, new)
    if left_out["later"]:
        progress(f"left out {plural(left_out['later'], 'report')} published after {day}")
    if since:
        progress(f"{len(new_documents)} of {plural(len(new_documents) + left_out['before since'], 'report')} "
                 f"published since {since}")
    else:
        earlier = left_out["seen"]
        progress(f"{plural(len(new_documents), 'new report')} "
                 f"({earlier} {'was in an earlier brief' if earlier == 1 else 'were in earlier briefs'})")
    previous = store.previous_brief(before=day)
    render_options = RenderOptions(templates=news_templates(config.templates), css=config.css,
                                   page_size=config.page_size, max_citations=config.max_citations,
                                   extra={"warn": warn})
    statements: list[tuple[str, str, np.ndarray]] = []
    if new_documents:
        embedder = embedder or _embedder(options, warn)
        brief = brief_documents(new_documents, options, embedder, progress, warn)
        brief = dataclasses.replace(brief, date=day, first_date=None)  # the brief of its day, whatever the reports' dates
        from .news import brief_statements, mark_news, other_texts

        found, others = brief_statements(brief), other_texts(brief)
        texts = [s.text for _t, _l, s in found] + others
        matrix = _normalised(embedder.embed(texts)) if texts else np.zeros((0, 0))
        vectors, other_vectors = matrix[:len(found)], matrix[len(found):]
        statements = [(label, s.text, vectors[i]) for i, (_t, label, s) in enumerate(found)]
        earlier, dates, _topics = store.earlier_statements(before=day)
        if previous is not None and len(earlier) and earlier.shape[1] == matrix.shape[1]:
            brief = mark_news(brief, vectors, earlier, dates, previous, config.threshold,
                              other_vectors=other_vectors)
            progress(f"new since {previous}: {len(brief.news.new)} statements shown, "
                     f"{brief.news.repeated} told before left out")
        elif previous is not None and len(earlier):
            warn("the store's vectors come from another model: every statement counts as new")
    else:
        progress(f"no new reports for {day}")
        brief = empty_brief(day, previous, options, embedder)

    folder = write_day(config, brief, render_options)
    store.record(brief, new_documents, statements)
    write_index(config, store, render_options)
    progress(f"updated {config.output_dir / 'index.html'}")
    new_count = len(brief.news.new) if brief.news else sum(len(s.statements) for s in brief.sections)
    written = tuple(sorted(folder.iterdir()))
    mailed, note = _mail(config, brief, folder, force, store, progress, send, environ)
    if mailed:  # the index was written before the mail went, so that a failed mail loses nothing
        try:
            write_index(config, store, render_options)  # now it can say "mailed"
        except OutputError as error:  # the mail went and the store says so: the run did its work
            warn(f"the brief was mailed, but the index still says it was not: {error} "
                 f"(the next run rewrites it)")
    return DailyResult(day, folder, written, len(new_documents), new_count, mailed, note)


def empty_brief(day: str, previous: str | None, options, embedder) -> Brief:
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    model = getattr(embedder, "name", None) or options.model
    return Brief(title=options.title or brief_title("no new reports"), date=day, report_count=0,
                 outlet_count=0, generated=Generation(version=__version__, model=model, time=now.isoformat(),
                                                      options=options.as_dict()),
                 key_points=(), sections=(), topics=(), unassigned=(), sources=(),
                 news=News(previous=previous, new=(), continuing=(), repeated=0, no_new_reports=True))


def write_day(config: DailyConfig, brief: Brief, render_options) -> Path:
    """Render every format first, write them to a folder aside, then swap it in for the day's."""
    from ..renderers import render

    rendered = {fmt: render(brief, fmt, render_options) for fmt in config.formats}
    final = config.output_dir / brief.date
    staging = config.output_dir / f".{brief.date}.new-{os.getpid()}"
    retired = config.output_dir / f".{brief.date}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for fmt, content in rendered.items():
            write_atomic(staging / f"brief.{fmt}", content)
        if final.exists():
            os.replace(final, retired)
        os.replace(staging, final)
    except OSError as error:
        raise OutputError(f"{final}: cannot be written ({error.strerror or error})") from None
    finally:
        if retired.exists() and not final.exists():  # stopped between the two renames: put the earlier one back
            os.replace(retired, final)
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
    return final  # the command lists what was written (result.written), once, on stdout


def write_index(config: DailyConfig, store: Store, render_options) -> Path:
    from ..renderers.environment import make_environment, render_template

    briefs = []
    for row in store.briefs():
        folder = config.output_dir / row.date
        files = {p.suffix.lstrip("."): f"{row.date}/{p.name}" for p in sorted(folder.glob("brief.*"))} \
            if folder.is_dir() else {}
        briefs.append(dataclasses.asdict(row) | {"files": dict(sorted(files.items(), key=_format_order))})
    context = {"archive_title": config.build.title or "Daily briefs", "briefs": briefs, "version": __version__,
               "generated": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()}
    html = render_template(make_environment(render_options.templates), "index.html.j2", context)
    path = config.output_dir / "index.html"
    write_atomic(path, html)
    return path


def _mail(config, brief: Brief, folder: Path, force: bool, store: Store, progress, send, environ):
    if config.email is None:
        return False, "no [email] in the config"
    if brief.news is not None and brief.news.no_new_reports and not config.email.send_empty:
        progress("mail: not sent, no new reports (send_empty = true in [email] sends it anyway)")
        return False, "no new reports"
    row = store.brief(brief.date)
    if row and row.mailed_at and not force:
        progress(f"mail: the brief of {brief.date} was mailed at {row.mailed_at}; not mailing it again (--force does)")
        return False, "already mailed"
    from ..renderers import RenderOptions
    from .email import compose
    from .smtp import send as smtp_send

    pdf_path = folder / "brief.pdf"
    pdf = pdf_path.read_bytes() if config.email.attach_pdf and pdf_path.is_file() else None
    options = RenderOptions(templates=news_templates(config.templates), css=config.css, page_size=config.page_size,
                            max_citations=config.max_citations)
    message = compose(brief, config.email.mail_options(), options, pdf=pdf)
    (send or smtp_send)(message, config.email.smtp(), environ=environ, progress=progress)
    store.mark_mailed(brief.date)
    return True, "mailed"


def _read(config: DailyConfig, warn: Report, progress: Report, keep: Callable[[Document], bool]) -> list[Document]:
    """The reports the sources name now that `keep` takes (the day's new ones), read with the config's build
    options (language, since, until, timeout, strict) as `build` reads with its flags, copies said as `build`
    says them. A source with nothing in it today (an empty folder, a glob matching no file) is a quiet day
    there, with a warning: the others are still read. A missing one is a mistake; so is any empty one with
    strict."""
    from ..errors import EmptySource, MissingSource
    from ..ingest import expand_sources, load_documents

    inputs = []
    for item in config.inputs:
        try:
            expand_sources([item])
        except MissingSource as error:
            raise InputError(f"{config.path}: [sources] {error}") from None
        except EmptySource as error:
            if config.build.strict:
                raise InputError(f"{config.path}: [sources] {error}") from None
            warn(str(error))
            continue
        inputs.append(item)
    if not inputs:
        return []
    try:
        return load_documents(inputs, warn=warn, options=config.build, progress=progress, keep=keep)
    except InputError as error:  # e.g. no usable report in what is there
        if config.build.strict:
            raise InputError(f"{config.path}: [sources] {error}") from None
        warn(str(error))
        return []


def _embedder(options, warn):
    from ..embed import make_embedder

    extra = {"backend": options.backend} if getattr(options, "backend", "torch") != "torch" else {}
    return make_embedder(options.model, options.batch_size, options.cache, options.cache_dir, warn, **extra)


def _normalised(vectors) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _published(document: Document) -> str:
    if document.date:
        return document.date[:10]
    if document.path and Path(document.path).exists():
        return dt.date.fromtimestamp(Path(document.path).stat().st_mtime).isoformat()
    return "9999-12-31"  # unknown: keep it


def _format_order(item: tuple[str, str]) -> int:
    order = ("html", "pdf", "md", "txt", "json")
    return order.index(item[0]) if item[0] in order else len(order)


def _day(date: str | None) -> str:
    if date is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise BriefingError(f"--date {date!r}: give a date as YYYY-MM-DD") from None
