"""One options object that drives the API and the command line alike.

Each field is documented once, here: the CLI builds its flags and help from this table.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

DEFAULT_MODEL = "all-MiniLM-L6-v2 (packaged)"


def _opt(default: Any, help: str, flag: str | None = None, metavar: str | None = None, least: int | None = None,
         unit: str = "") -> Any:
    """`least`: the smallest whole number the field takes; a number field (float) takes more than 0 `unit`."""
    return field(default=default, metadata={"help": help, "flag": flag, "metavar": metavar, "least": least,
                                            "unit": unit})


def parse_aliases(value: Any) -> tuple[tuple[str, ...], ...]:
    """Aliases from a config file: a list of lists (["Daesh", "ISIS"]: the first is shown) or a table
    (ISIS = ["Daesh", "IS"]: the key is shown). Raises ValueError on any other shape."""
    if isinstance(value, dict):
        value = [[key, *(names if isinstance(names, list) else [names])] for key, names in value.items()]
    if not isinstance(value, (list, tuple)) or not all(
            isinstance(row, (list, tuple)) and len(row) >= 2 and all(isinstance(n, str) and n.strip() for n in row)
            for row in value):
        raise ValueError("must be a list of lists of two or more names, or a table of name = [other names]")
    return tuple(tuple(n.strip() for n in row) for row in value)


def _config_only(default: Any, help: str, parse: Any) -> Any:
    """A field set from the config file or the API only: the CLI makes no flag for it."""
    return field(default=default, metadata={"help": help, "cli": False, "parse": parse})


@dataclass(frozen=True)
class BuildOptions:
    title: str | None = _opt(None, "title of the brief (default: from its top topic)", metavar="TEXT")
    max_words: int = _opt(400, "cap on the words of all statements together", metavar="N", least=1)
    per_topic: int = _opt(5, "cap on the statements of one topic", metavar="N", least=1)
    key_points: int = _opt(4, "the most key points that open the brief, one per section at most (3 to 5 reads best)",
                           metavar="N", least=1)
    topics: int | None = _opt(None, "force this many topics instead of finding the number", metavar="N",
                              least=1)
    model: str = _opt(DEFAULT_MODEL, "sentence-transformers model name or path", metavar="NAME_OR_PATH")
    cache_dir: str | None = _opt(None, "where embeddings are cached (default: the user cache dir)",
                                 metavar="DIR")
    # a field that is True by default has a --no-... flag: its help says what that flag does
    cache: bool = _opt(True, "embed without the on-disk cache (by default embeddings are kept there, so a second "
                             "run embeds nothing)", flag="--no-cache")
    strict: bool = _opt(False, "treat warnings (a skipped report) as errors")
    since: str | None = _opt(None, "leave out reports published before this ISO date or date-time "
                                   "(reports with no date are kept, with a warning)", metavar="DATE")
    until: str | None = _opt(None, "leave out reports published after this ISO date or date-time "
                                   "(a bare date takes the whole day)", metavar="DATE")
    language: str = _opt("en", "keep only reports in this language, by ISO 639-1 code; 'any' keeps all "
                               "(the default model is English)", metavar="CODE")
    timeout: float = _opt(20.0, "seconds to wait for each web page or feed", metavar="SECONDS",
                          unit="seconds")
    batch_size: int = _opt(64, "sentences embedded per batch by torch (--backend onnx runs each sentence alone: its vector does not depend on the others)",
                           metavar="N", least=1)
    backend: str = _opt("torch", "embedding backend: torch, or onnx (int8 ONNX export of the same model, "
                                 "about 6x faster; needs the onnx extra)", metavar="NAME")
    timeline: bool = _opt(True, "leave out the Timeline (by default the brief lists dated events, resolved "
                                "against each report's publication date)", flag="--no-timeline")
    quotes: bool = _opt(True, "leave out the Key quotes (by default the brief shows them with their speakers)",
                        flag="--no-quotes")
    differences: bool = _opt(True, "leave out Where sources differ (by default the brief sets side by side the "
                                   "counts, such as tolls, fighters, displaced, and the claims that outlets tell "
                                   "differently)", flag="--no-differences")
    aliases: tuple[tuple[str, ...], ...] = _config_only(
        (), "more names that are one entity, added to the built-in table (Daesh = ISIS): in the config file, "
            "aliases = [[\"Daesh\", \"ISIS\"], ...] (the first name is shown) or a [brief.aliases] table "
            "of name = [other names]", parse_aliases)

    def as_dict(self) -> dict[str, Any]:
        """JSON-shaped: lists, not tuples, so that a Brief's options read back from JSON compare equal."""
        values = dataclasses.asdict(self)
        values["aliases"] = [list(row) for row in self.aliases]
        return values

    def validate(self) -> BuildOptions:
        from .errors import BriefingError

        for option in dataclasses.fields(self):  # the same rule as the CLI's flags (cli.add_option_flags)
            least, value = option.metadata.get("least"), getattr(self, option.name)
            if least is not None and value is not None and value < least:
                raise BriefingError(f"--{option.name.replace('_', '-')} must be at least {least}")
        from .ingest.dates import parse_bound

        since, until = parse_bound(self.since, "--since"), parse_bound(self.until, "--until")
        if since and until and since[:10] > until[:10]:
            raise BriefingError(f"--since {self.since} is after --until {self.until}")
        if self.language != "any" and not (len(self.language) == 2 and self.language.isalpha()
                                           and self.language.islower()):
            raise BriefingError(f"--language {self.language!r}: give a two-letter code like 'en', or 'any'")
        from .ingest.language import LANGUAGES

        if self.language != "any" and self.language not in LANGUAGES:
            raise BriefingError(f"--language {self.language!r}: not a language the language detector knows "
                                f"(two-letter ISO 639-1 codes such as en, fr, de, ar, ru, uk; or 'any')")
        if not (math.isfinite(self.timeout) and self.timeout > 0):  # the CLI's positive_number says the same
            raise BriefingError(f"--timeout {self.timeout}: give a finite number of seconds above 0")
        if self.backend not in ("torch", "onnx"):
            raise BriefingError(f"--backend must be torch or onnx, not {self.backend!r}")
        return self


PAGE_SIZES = {"a4": "A4", "letter": "letter"}  # the CSS @page size names


def page_size(name: str) -> str:
    """The CSS name of a page size given in any case ("LETTER" -> "letter"): one rule for --page-size,
    the daily config and the renderers (here, not in renderers/, so that parsing options imports no Jinja)."""
    from .errors import BriefingError

    if name.lower() not in PAGE_SIZES:
        raise BriefingError(f"page size {name!r}: choose A4 or letter")
    return PAGE_SIZES[name.lower()]
