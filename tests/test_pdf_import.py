"""The WeasyPrint import in the PDF renderer: the quick library lookup used while it imports finds
what ctypes.util.find_library finds, and find_library itself is left as it was."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from briefing.renderers.pdf import _ldconfig_lookup, import_weasyprint

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the lookup is for Linux's ldconfig")


@linux
@pytest.mark.parametrize("name", ["gobject-2.0", "pango-1.0", "harfbuzz", "fontconfig", "pangoft2-1.0", "c", "m"])
def test_the_ldconfig_lookup_finds_what_find_library_finds(name):
    assert _ldconfig_lookup()(name) == ctypes.util.find_library(name)


@linux
@pytest.mark.parametrize("name", ["libgobject-2.0-0", "gobject-2.0-0", "libpango-1.0-0.dll", "no-such-library-at-all"])
def test_spellings_for_other_systems_are_not_found(name):
    assert _ldconfig_lookup()(name) is None


def test_import_leaves_find_library_alone():
    ordinary = ctypes.util.find_library
    weasyprint = import_weasyprint()
    assert weasyprint.HTML and ctypes.util.find_library is ordinary
    from weasyprint.text import ffi

    assert ffi.pango and ffi.harfbuzz and ffi.fontconfig and ffi.pangoft2


def test_import_in_a_fresh_interpreter():
    import subprocess

    code = ("import ctypes.util; ordinary = ctypes.util.find_library\n"
            "from briefing.renderers.pdf import import_weasyprint\n"
            "import_weasyprint()\n"
            "from weasyprint.text import ffi\n"
            "assert ffi.pango and ffi.fontconfig and ctypes.util.find_library is ordinary\n")
    subprocess.run([sys.executable, "-c", code], check=True)
