"""How many citations a line shows, and which sources the brief lists.

A fact told by forty reports is one statement citing forty sources: all forty stay in the
Brief (and in `--format json`), but a line shows its first `max_citations` marks and then
"+36", and the sources list names the sources a reader can see cited. A brief of up to
LIST_ALL_UP_TO reports lists every report it read; a larger one lists the cited ones and
counts the rest by outlet. (At 1,000 reports the full list was 30 PDF pages and two thirds of
the PDF's layout time.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

DEFAULT_MAX_CITATIONS = 6  # marks shown per line; 0 shows them all
LIST_ALL_UP_TO = 40  # briefs of at most this many reports list every report read


def shown(citations: list, limit: int) -> list:
    """The citations a line shows."""
    return list(citations) if limit <= 0 else list(citations[:limit])


def hidden(citations: list, limit: int) -> list:
    """The citations a line counts as "+N" instead of showing."""
    return [] if limit <= 0 else list(citations[limit:])


def _citation_lists(value) -> Iterator[list]:
    """Every `citations` list anywhere in the Brief's JSON form."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "citations" and isinstance(item, (list, tuple)):
                yield item
            else:
                yield from _citation_lists(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _citation_lists(item)


def source_listing(brief: dict, limit: int) -> tuple[list[dict], dict]:
    """(the sources to list, in number order; what is left out: {"count", "outlets": [[outlet, n], ...]})."""
    sources = brief["sources"]
    if len(sources) <= LIST_ALL_UP_TO:
        return list(sources), {"count": 0, "outlets": []}
    seen = {c["source"] for citations in _citation_lists(brief) for c in shown(citations, limit)}
    listed = [src for src in sources if src["number"] in seen]
    left = Counter(src["outlet"] or "outlet unknown" for src in sources if src["number"] not in seen)
    outlets = [[outlet, count] for outlet, count in sorted(left.items(), key=lambda item: (-item[1], item[0]))]
    return listed, {"count": sum(left.values()), "outlets": outlets}
