"""The theme ships inside the wheel and is found there at run time."""

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_wheel_ships_the_templates_and_finds_them_installed(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("briefing-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/templates/brief.html.j2" in names and "briefing/templates/brief.css" in names
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); "
             "from briefing.renderers.environment import packaged_templates; print(packaged_templates())")
    found = subprocess.run([sys.executable, "-c", probe, str(target)], capture_output=True, text=True,
                           check=True, cwd=tmp_path).stdout.strip()
    assert found == str(target / "briefing" / "templates")
