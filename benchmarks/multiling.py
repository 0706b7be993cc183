"""The MultiLing 2011 sample as `briefing.model.Document`s, cleaned of its quirks, and its references.

The WikiNews texts come as lists of lines: the title, the date line, then paragraphs. Their quirks,
cleaned here rather than by hand in the data:
  * a date prefix on a title ("2005/01/08 Tsunami aid donations ...");
  * the date glued to the first sentence ("Tuesday, January 18, 2005Through a telethon, ...",
    "Saturday, March 26, 2005 Up to four times ...");
  * image captions: a line between the title and the date line, a short line (at most
    12 words) right after it where the lede should be, the lines just above an
    `Image: <credit>` line, an unpunctuated line that only repeats a name told next to it
    ("Margaret Beckett"), or one with a comma or a year in it ("Beached boat in Galle, Sri Lanca
    after 2004 Tsunami"); and the `Image:` credit lines themselves.
Other unpunctuated lines are kept: they are the reports' sub-headings ("Local death tolls").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Document

DATA = Path(__file__).resolve().parent / "data" / "multiling2011-sample"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?({_MONTHS})\s+(\d{{1,2}}),\s*(\d{{4}})\s*")
_TITLE_DATE = re.compile(r"^\d{4}/\d{2}/\d{2}\s+")
_CREDIT = re.compile(r"^Image:\s")
_BULLET = re.compile(r"^\*\s+")
LEAD_CAPTION_WORDS = 12
CAPTION_WORDS = 14
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Cluster:
    id: str  # M000, M001, M002
    documents: tuple[Document, ...]
    references: tuple[str, ...]  # the human summaries A, B, C


def _is_sentence(line: str) -> bool:
    return line.rstrip().endswith(tuple(".!?\"”’)':"))


def clean_lines(lines: list[str]) -> tuple[str, str | None, list[str]]:
    """(title, ISO date or None, paragraphs) of one report's raw lines."""
    title = _TITLE_DATE.sub("", lines[0].strip())
    body = [line.strip() for line in lines[1:] if line.strip()]
    date = None
    for i, line in enumerate(body[:3]):
        match = _DATE.match(line)
        if match:
            month, day, year = match.groups()
            date = dt.date(int(year), _MONTHS.split("|").index(month) + 1, int(day)).isoformat()
            rest = line[match.end():].strip()
            # lines above the date line (after the title) are captions of the lead image
            body = ([rest] if rest else []) + body[i + 1:]
            if not rest and len(body) > 1 and len(body[0].split()) <= LEAD_CAPTION_WORDS < len(body[1].split()):
                body = body[1:]  # the lead image's caption stands where the lede should
            break
    dropped: set[int] = set()
    for i, line in enumerate(body):
        if _CREDIT.match(line):
            dropped.add(i)
            j = i - 1  # the caption: the lines above the credit, up to the last full paragraph
            while j >= 0 and (not _is_sentence(body[j]) or len(body[j].split()) <= 8) and i - j <= 2:
                dropped.add(j)
                j -= 1
        elif not _is_sentence(line) and _is_caption(line, body[i - 1] if i else "", body[i + 1] if i + 1 < len(body) else ""):
            dropped.add(i)
    paragraphs = [_BULLET.sub("", line) for i, line in enumerate(body) if i not in dropped]
    return title, date, paragraphs


def _is_caption(line: str, before: str, after: str) -> bool:
    words = line.split()
    if _BULLET.match(line) or len(words) > CAPTION_WORDS:  # list items, or paragraphs cut short
        return False
    if re.search(r",\s", line) or _YEAR.search(line):
        return True
    names_only = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    return names_only and (line in before or line in after)


def load_clusters(data: Path = DATA) -> list[Cluster]:
    references: dict[str, tuple[str, ...]] = {}
    for row in (json.loads(line) for line in (data / "summaries.jsonl").read_text().splitlines() if line.strip()):
        if row["summarizer_type"] == "peer" and row["instance_id"] not in references:
            refs = sorted(row["references"], key=lambda r: r["summarizer_id"])
            references[row["instance_id"]] = tuple(" ".join(r["text"]) for r in refs)
    clusters = []
    for row in (json.loads(line) for line in (data / "documents.jsonl").read_text().splitlines() if line.strip()):
        documents = []
        for raw in row["documents"]:
            title, date, paragraphs = clean_lines(raw["text"])
            documents.append(Document(id=raw["filename"].split(".")[0], title=title, title_from="first line",
                                      outlet="Wikinews", date=date, url=None, path=None, place=None,
                                      text="\n\n".join(paragraphs)))
        clusters.append(Cluster(row["instance_id"], tuple(documents), references[row["instance_id"]]))
    return clusters
