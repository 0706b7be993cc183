"""docs/templates.md is the contract templates read: every field of the Brief (and of every
dataclass inside it), every context name, filter and block must be documented there, and nothing
documented may be gone from the code. A field added to the model without a line in the docs fails here."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import pytest

from briefing.model import Brief
from briefing.renderers import RenderOptions, template_context
from briefing.renderers.filters import FILTERS
from briefing.renderers.theme import block_names

DOCS = Path(__file__).resolve().parent.parent / "docs" / "templates.md"


def docs_sections() -> dict[str, str]:
    """Heading text -> the text under it, for ## and ### headings."""
    parts = re.split(r"^(#{2,3} .+)$", DOCS.read_text(encoding="utf-8"), flags=re.M)
    return {heading.lstrip("# ").strip(): body for heading, body in zip(parts[1::2], parts[2::2])}


def table_names(text: str) -> set[str]:
    """The names in the first column of the Markdown tables in text: | `name` | ..."""
    return set(re.findall(r"^\|\s*`([^`(]+)(?:\([^`]*\))?`\s*\|", text, flags=re.M))


def dataclasses_in(kind, seen: dict[str, type] | None = None) -> dict[str, type]:
    """Every dataclass reachable from kind through its fields' types."""
    seen = {} if seen is None else seen
    if dataclasses.is_dataclass(kind):
        if kind.__name__ in seen:
            return seen
        seen[kind.__name__] = kind
        for hint in typing.get_type_hints(kind).values():
            dataclasses_in(hint, seen)
    for arg in typing.get_args(kind):
        if arg is not Ellipsis:
            dataclasses_in(arg, seen)
    return seen


MODEL = dataclasses_in(Brief)


def test_the_walk_finds_the_nested_dataclasses():
    assert {"Brief", "Generation", "Section", "Statement", "Citation", "Source", "Topic", "Member"} <= set(MODEL)


@pytest.mark.parametrize("name", sorted(MODEL))
def test_every_field_of_the_model_is_documented(name):
    sections = docs_sections()
    heading = f"`{name}`"
    assert heading in sections, f"docs/templates.md has no section '### `{name}`' for the dataclass {name}"
    documented = table_names(sections[heading])
    fields = {f.name for f in dataclasses.fields(MODEL[name])}
    missing = sorted(fields - documented)
    stale = sorted(documented - fields)
    assert not missing, f"docs/templates.md does not document {', '.join(f'{name}.{f}' for f in missing)}"
    assert not stale, f"docs/templates.md documents {', '.join(f'{name}.{f}' for f in stale)}, gone from the model"


def test_every_dataclass_documented_is_in_the_model():
    documented = {heading.strip("`") for heading in docs_sections() if re.fullmatch(r"`[A-Z]\w+`", heading)}
    assert documented <= set(MODEL), f"documented but not in the Brief: {sorted(documented - set(MODEL))}"


def test_the_context_names_are_exactly_the_documented_ones(tmp_path):
    from tests.test_templates import small_brief

    context = template_context(small_brief(), RenderOptions())
    assert set(context) == table_names(docs_sections()["The context"])
    assert context["brief"] == small_brief().to_dict() | {"generated": context["brief"]["generated"]}


def test_every_filter_is_documented():
    assert set(FILTERS) == table_names(docs_sections()["Filters"])


def test_every_block_is_documented():
    documented = table_names(docs_sections()["Blocks of `brief.html.j2`"])
    stable = {"head", "style", "header", "key_points", "sections", "section", "statement", "sources", "method", "footer"}
    assert stable <= set(block_names()), "a block users may override has gone from brief.html.j2"
    assert set(block_names()) <= documented, f"undocumented blocks: {sorted(set(block_names()) - documented)}"
    assert documented <= set(block_names()), f"documented, but not in brief.html.j2: {sorted(documented - set(block_names()))}"
