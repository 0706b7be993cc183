"""Words that agree with their count ("1 report", "2 reports"), and a brief's own title."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 new report', '2 new reports'; `plural_form` for the irregular ones."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def brief_title(first_label: str | None) -> str:
    """The title a brief takes when none is given: its first section's label."""
    return f"Situation brief: {first_label}" if first_label else "Situation brief"
