"""The exceptions the CLI turns into one-line messages and exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 2  # the user's input or options are wrong (bad file, no reports, bad template)
EXIT_DELIVERY = 3  # the brief was made but could not be delivered
EXIT_BUG = 1  # an error we did not foresee: one line, BRIEFING_DEBUG=1 shows the traceback
EXIT_INTERRUPTED = 130


class BriefingError(Exception):
    """A mistake in what the user gave us: shown as one line, never as a traceback."""

    exit_code = EXIT_USAGE


class InputError(BriefingError):
    """A report that cannot be read, or no usable report at all."""


class MissingSource(InputError):
    """A file or folder named as input that does not exist: a mistake, for `build` and `daily` alike."""


class EmptySource(InputError):
    """A glob that matches nothing, or a folder with no report in it: for `daily`, a quiet day there."""


class ModelError(BriefingError):
    """The embedding model cannot be found or loaded."""


class TemplateError(BriefingError):
    """A template is missing, has a syntax error or uses an undefined variable."""


class OutputError(BriefingError):
    """An output path cannot be written."""


class DeliveryError(BriefingError):
    """The brief is on disk but the mail could not be sent (SMTP refused it, or no server)."""

    exit_code = EXIT_DELIVERY
