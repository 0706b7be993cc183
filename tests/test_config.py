"""The TOML config of daily runs: every key documented in the example, every mistake named."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import EXAMPLE, ConfigError, load_config
from briefing.options import BuildOptions


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefing.toml"
    path.write_text(text)
    return path


def test_the_example_loads_and_resolves_paths_next_to_it(tmp_path):
    config = load_config(write(tmp_path, EXAMPLE))
    assert config.inputs == (str(tmp_path / "reports/"),)
    assert config.output_dir == tmp_path / "briefs"
    assert config.build == BuildOptions(max_words=400, per_topic=5, key_points=4)
    assert config.formats == ("html", "pdf", "json") and config.threshold == 0.85
    assert config.email.to == ("you@example.org",) and config.email.smtp_port == 587
    assert config.email.smtp().security == "starttls"


def test_brief_keys_are_the_cli_names(tmp_path):
    config = load_config(write(tmp_path, """
[sources]
paths = "in/*.txt"
feeds = ["https://example.org/feed.xml"]
[brief]
max-words = 300
per_topic = 3
no-cache = true
title = "Morning brief"
templates = "theme"
css = ["extra.css"]
page-size = "letter"
max-citations = 0
format = "html, md"
[output]
dir = "/srv/briefs"
"""))
    assert config.build.max_words == 300 and config.build.per_topic == 3 and config.build.cache is False
    assert config.build.title == "Morning brief"
    assert config.inputs == (str(tmp_path / "in/*.txt"), "https://example.org/feed.xml")
    assert config.templates == (str(tmp_path / "theme"),) and config.css == (str(tmp_path / "extra.css"),)
    assert config.page_size == "letter" and config.formats == ("html", "md") and config.max_citations == 0
    assert config.output_dir == Path("/srv/briefs") and config.email is None


@pytest.mark.parametrize("text, message", [
    ("[sources]\npaths = ['r']\n[brief]\nmax_wrds = 3\n", "[brief] max_wrds: unknown key"),
    ("[sources]\npaths = ['r']\n[brief]\nmax-words = '300'\n", "[brief] max-words: must be a whole number, not '300'"),
    ("[sources]\npaths = ['r']\n[brief]\nmax-words = 0\n", "[brief] max-words must be at least 1"),
    ("[sources]\npaths = ['r']\n[brief]\nno-cache = 1\n", "[brief] no-cache: must be true or false"),
    ("[sources]\npaths = ['r']\n[brief]\nformat = ['docx']\n", "[brief] format: unknown format 'docx'"),
    ("[sources]\npaths = ['r']\n[brief]\nmax-citations = -2\n", "[brief] max-citations: must be 0 (show all) or more"),
    ("[sources]\npath = ['r']\n", "[sources] path: unknown key"),
    ("[sources]\npaths = 3\n", "[sources] paths: must be a string or a list of strings"),
    ("[sources]\n", "[sources] names no paths, feeds or urls"),
    ("[sources]\npaths = ['r']\n[outptu]\ndir = 'x'\n", "outptu: unknown section"),
    ("[sources]\npaths = ['r']\n[output]\ndir = 3\n", "[output] dir: must be a string"),
    ("[sources]\npaths = ['r']\n[news]\nthreshold = 2\n", "[news] threshold: must be more than 0 and at most 1"),
    ("[sources]\npaths = ['r']\n[email]\nto = ['a@example.org']\nsmtp_security = 'tls'\n",
     "[email] smtp_security: must be one of none, starttls, ssl, not 'tls'"),
    ("[sources]\npaths = ['r']\n[email]\nto = ['a@example.org']\nsmtp_port = 70000\n",
     "[email] smtp_port: 70000 is not a port number"),
    ("[sources]\npaths = ['r']\n[email]\nto = ['a@example.org']\nsmtp_password = 'x'\n",
     "[email] smtp_password: unknown key"),
    ("[sources]\npaths = ['r']\n[email]\nto = []\n", "[email] to: give at least one address"),
    ("[sources]\npaths = ['r']\n[email]\nto = ['nobody']\n", "[email] to 'nobody': not a mail address"),
    ("[sources]\npaths = ['r']\n[email]\nto = ['a@example.org']\nattach_pdf = 'yes'\n",
     "[email] attach_pdf: must be true or false"),
    ("[sources\n", "not valid TOML"),
])
def test_mistakes_name_the_key(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert message in str(caught.value) and str(tmp_path / "briefing.toml") in str(caught.value)


@pytest.mark.parametrize("value", ["A4", "a4", "letter", "Letter", "LETTER", "legal", ""])
def test_page_size_is_read_as_the_command_line_reads_it(tmp_path, value):
    """One rule for `page-size` and `--page-size`: any case of A4 or letter, nothing else."""
    from briefing.cli import build_parser

    try:
        build_parser().parse_args(["build", "r.txt", "--page-size", value])
        by_flag = True
    except SystemExit:
        by_flag = False
    path = write(tmp_path, f"[sources]\npaths = ['r']\n[brief]\npage-size = '{value}'\n")
    if by_flag:
        assert load_config(path).page_size == ("A4" if value.lower() == "a4" else "letter")
    else:
        with pytest.raises(ConfigError, match=rf"\[brief\] page-size: must be A4 or letter, not '{value}'$"):
            load_config(path)


def test_page_size_must_be_a_string(tmp_path):
    with pytest.raises(ConfigError, match=r"\[brief\] page-size: must be a string, not 4"):
        load_config(write(tmp_path, "[sources]\npaths = ['r']\n[brief]\npage-size = 4\n"))


def test_password_is_not_a_config_key(tmp_path):
    """Credentials only come from the environment; a config that holds one is refused, not ignored."""
    with pytest.raises(ConfigError, match="password: unknown key"):
        load_config(write(tmp_path, "[sources]\npaths = ['r']\n[email]\nto = ['a@example.org']\npassword = 'x'\n"))


def test_init_config_writes_the_example_once(tmp_path):
    path = tmp_path / "briefing.toml"
    out, err = io.StringIO(), io.StringIO()
    assert main(["init-config", str(path)], stdout=out, stderr=err) == 0
    assert path.read_text() == EXAMPLE and "briefing daily --config" in out.getvalue()
    assert main(["init-config", str(path)], stdout=out, stderr=err) == 2
    assert "exists (--force overwrites it)" in err.getvalue()
    assert main(["init-config", str(path), "--force"], stdout=out, stderr=err) == 0


def test_daily_with_a_bad_config_is_one_line_exit_2(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["daily", "--config", str(write(tmp_path, "[sources]\npaths = ['r']\n[brief]\ncolour = 'red'\n"))],
                stdout=out, stderr=err)
    assert code == 2 and "[brief] colour: unknown key" in err.getvalue() and err.getvalue().count("\n") == 1
