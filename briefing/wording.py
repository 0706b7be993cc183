"""Words that agree with their count ("1 report", "2 reports"), for the CLI's lines and the templates alike."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 new report', '2 new reports'; `plural_form` for the irregular ones."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
