"""The memory of an archive: one SQLite file in OUTDIR that knows which reports and which
statements earlier briefs used, and which briefs were made and mailed.

Everything of one brief is written in one transaction, after its files are in place, so an
interrupted run leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import OutputError
from ..model import Brief, Document

STORE_NAME = ".briefing.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs (
    date TEXT PRIMARY KEY,       -- the day the brief speaks for
    title TEXT NOT NULL,
    report_count INTEGER NOT NULL,
    new_count INTEGER NOT NULL,  -- statements no earlier brief told
    no_new_reports INTEGER NOT NULL,
    made_at TEXT NOT NULL,
    mailed_at TEXT               -- NULL until a mail went out
);
CREATE TABLE IF NOT EXISTS reports (
    key TEXT NOT NULL,           -- hash of the report's text: a renamed copy is the same report
    date TEXT NOT NULL,          -- the brief that took it
    path TEXT,
    PRIMARY KEY (key, date)
);
CREATE TABLE IF NOT EXISTS statements (
    date TEXT NOT NULL,
    topic TEXT NOT NULL,
    text TEXT NOT NULL,
    vector BLOB NOT NULL         -- float32, normalised
);
CREATE INDEX IF NOT EXISTS statements_date ON statements (date);
"""


@dataclass(frozen=True)
class BriefRow:
    date: str
    title: str
    report_count: int
    new_count: int
    no_new_reports: bool
    made_at: str
    mailed_at: str | None


def report_key(document: Document) -> str:
    text = re.sub(r"\s+", " ", document.text).strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, folder: Path) -> None:
        self.path = folder / STORE_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=10)
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise OutputError(f"{self.path}: cannot be opened ({error})") from None

    def close(self) -> None:
        self.db.close()

    def seen_reports(self, before: str) -> set[str]:
        rows = self.db.execute("SELECT key FROM reports WHERE date < ?", (before,))
        return {key for (key,) in rows}

    def previous_brief(self, before: str) -> str | None:
        row = self.db.execute("SELECT max(date) FROM briefs WHERE date < ?", (before,)).fetchone()
        return row[0] if row else None

    def earlier_statements(self, before: str) -> tuple[np.ndarray, list[str], list[str]]:
        """(vectors, dates, topics) of the statements of every brief before `before`."""
        rows = self.db.execute("SELECT date, topic, vector FROM statements WHERE date < ? ORDER BY date",
                               (before,)).fetchall()
        if not rows:
            return np.zeros((0, 0), dtype=np.float32), [], []
        vectors = np.stack([np.frombuffer(blob, dtype=np.float32) for _d, _t, blob in rows])
        return vectors, [d for d, _t, _b in rows], [t for _d, t, _b in rows]

    def brief(self, date: str) -> BriefRow | None:
        row = self.db.execute("SELECT * FROM briefs WHERE date = ?", (date,)).fetchone()
        return BriefRow(*row[:4], bool(row[4]), *row[5:]) if row else None

    def briefs(self) -> list[BriefRow]:
        """Every brief of the archive, newest first."""
        rows = self.db.execute("SELECT * FROM briefs ORDER BY date DESC").fetchall()
        return [BriefRow(*row[:4], bool(row[4]), *row[5:]) for row in rows]

    def record(self, brief: Brief, documents: list[Document], statements: list[tuple[str, str, np.ndarray]]) -> None:
        """The brief of `brief.date`, its reports and its (topic, text, vector) statements, replacing any
        earlier record of that date but keeping when it was mailed."""
        news = brief.news
        new_count = len(news.new) if news else sum(len(s.statements) for s in brief.sections)
        made_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        with self.db:
            self.db.execute("DELETE FROM reports WHERE date = ?", (brief.date,))
            self.db.execute("DELETE FROM statements WHERE date = ?", (brief.date,))
            self.db.execute(
                "INSERT INTO briefs (date, title, report_count, new_count, no_new_reports, made_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (date) DO UPDATE SET title = excluded.title, "
                "report_count = excluded.report_count, new_count = excluded.new_count, "
                "no_new_reports = excluded.no_new_reports, made_at = excluded.made_at",
                (brief.date, brief.title, brief.report_count, new_count, int(bool(news and news.no_new_reports)),
                 made_at))
            self.db.executemany("INSERT OR IGNORE INTO reports VALUES (?, ?, ?)",
                                [(report_key(d), brief.date, d.path or d.url) for d in documents])
            self.db.executemany("INSERT INTO statements VALUES (?, ?, ?, ?)",
                                [(brief.date, topic, text, np.asarray(vector, dtype=np.float32).tobytes())
                                 for topic, text, vector in statements])

    def mark_mailed(self, date: str) -> None:
        when = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        with self.db:
            self.db.execute("UPDATE briefs SET mailed_at = ? WHERE date = ?", (when, date))
