"""argparse types for the number flags of every command, so that a bad number reads the same way
whichever flag it was given to: "argument --max-words: 'abc' is not a whole number".

argparse's own `type=int` says "invalid int value: 'abc'", which is Python's word, not the user's.
Only the standard library is imported here: `briefing --help` must stay light.
"""

from __future__ import annotations

import argparse
import math
from typing import Callable


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None


def whole_number(least: int = 0) -> Callable[[str], int]:
    """A whole number of `least` or more."""

    def parse(value: str) -> int:
        number = _int(value)
        if number < least:
            raise argparse.ArgumentTypeError(f"{number} is below {least}")
        return number

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


def positive_number(unit: str = "") -> Callable[[str], float]:
    """A finite number above 0 ("nan" and "inf" parse as floats but wait for ever or never)."""
    shown = f" {unit}" if unit else ""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if not math.isfinite(number):
            raise argparse.ArgumentTypeError(f"{value!r} is not a finite number")
        if number <= 0:
            raise argparse.ArgumentTypeError(f"{value} is not more than 0{shown}")
        return number

    parse.__name__ = "number"
    return parse


def is_port(number: int) -> bool:
    """A TCP port, 1 to 65535: the one rule of --smtp-port, the config file's smtp_port and SmtpSettings."""
    return 0 < number < 65536


def port_number(value: str) -> int:
    """A TCP port for argparse (see is_port)."""
    number = _int(value)
    if not is_port(number):
        raise argparse.ArgumentTypeError(f"{number} is not a port number (1 to 65535)")
    return number
