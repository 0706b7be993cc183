import io
import subprocess
import sys

import pytest

from briefing.cli import main, output_plan
from briefing.errors import BriefingError


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_help_imports_no_heavy_library():
    code = ("import sys; from briefing.cli import main; main(['--help']); main(['build', '--help']); "
            "heavy = [m for m in ('torch', 'weasyprint', 'numpy', 'sentence_transformers', 'sklearn') "
            "if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("[]")
    assert "--max-words" in result.stdout and "--no-cache" in result.stdout


def test_output_plan():
    from pathlib import Path

    assert output_plan("out", None) == {f: Path("out") / f"brief.{f}" for f in ("html", "pdf", "md", "json")}
    assert output_plan("x/b.md", None) == {"md": Path("x/b.md")}
    assert output_plan("out", "html, txt") == {"html": Path("out/brief.html"), "txt": Path("out/brief.txt")}
    with pytest.raises(BriefingError, match="unknown format"):
        output_plan("out", "docx")
    with pytest.raises(BriefingError, match="unknown format .docx"):
        output_plan("b.docx", None)


@pytest.mark.parametrize("argv, message", [
    (["build", "no/such/folder"], "no/such/folder: no such file or folder"),
    (["build", "nothing-*.txt"], "matches no file"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, argv, message):
    argv = [*argv, "-o", str(tmp_path / "out")]
    code, out, err = run(*argv)
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_only_bad_files_exit_2_with_no_output(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\nxx")
    code, out, err = run("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "warning: skipped" in err and "error: no usable report" in err
    assert not (tmp_path / "out").exists()


def test_a_date_that_is_no_day_is_one_line_not_a_traceback(tmp_path):
    """YAML reads an unquoted 2017-02-30 as a date and fails deep inside; it must be our one line."""
    (tmp_path / "a.txt").write_text("The army captured the town on Friday. Engineers cleared mines.\n")
    (tmp_path / "sources.yaml").write_text("a.txt:\n  date: 2017-02-30\n")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "b.md").write_text("---\ndate: 2017-02-30\n---\nThe army captured the town. Mines.\n")
    code, out, err = run("build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "the date of a.txt, '2017-02-30', is no date of the calendar in ISO form" in err
    code, out, err = run("build", str(tmp_path / "b"), "--strict", "-o", str(tmp_path / "out"))
    assert code == 2 and err.count("\n") == 1 and "front matter date '2017-02-30' is no date of the calendar in ISO form" in err
    assert not (tmp_path / "out").exists()


def test_an_unforeseen_error_is_one_line_with_exit_1(tmp_path, monkeypatch):
    import briefing.cli

    def broken(*args, **kwargs):
        raise ValueError("something deep\nand more")

    monkeypatch.setattr(briefing.cli, "output_plan", broken)
    monkeypatch.delenv("BRIEFING_DEBUG", raising=False)
    code, out, err = run("build", str(tmp_path))
    assert code == 1 and err == ("briefing: error: unexpected ValueError: something deep "
                                 "(a bug in briefing; BRIEFING_DEBUG=1 shows where)\n")
    monkeypatch.setenv("BRIEFING_DEBUG", "1")
    with pytest.raises(ValueError):
        run("build", str(tmp_path))


@pytest.mark.parametrize("argv, message", [
    (["build", "x", "--page-size", "A5"],
     "briefing: error: argument --page-size: invalid choice: 'A5' (choose from 'a4', 'letter'); "
     "see briefing build --help"),
    (["build", "x", "--max-citations", "-1"],
     "briefing: error: argument --max-citations: -1 is below 0; see briefing build --help"),
    (["build"], "briefing: error: the following arguments are required: INPUT; see briefing build --help"),
    (["build", "x", "--bogus"], "briefing: error: unrecognized arguments: --bogus; see briefing build --help"),
    (["daily"], "briefing: error: the following arguments are required: --config; see briefing daily --help"),
])
def test_a_usage_error_is_one_line_and_exit_2(capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == message + "\n" and captured.out == ""


@pytest.mark.parametrize("argv, message", [
    (["build", "x", "--max-words", "abc"], "argument --max-words: 'abc' is not a whole number"),
    (["build", "x", "--max-words", "0"], "argument --max-words: 0 is below 1"),
    (["build", "x", "--per-topic", "-2"], "argument --per-topic: -2 is below 1"),
    (["build", "x", "--key-points", "2.5"], "argument --key-points: '2.5' is not a whole number"),
    (["build", "x", "--topics", "0"], "argument --topics: 0 is below 1"),
    (["build", "x", "--batch-size", "x"], "argument --batch-size: 'x' is not a whole number"),
    (["build", "x", "--max-citations", "x"], "argument --max-citations: 'x' is not a whole number"),
    (["build", "x", "--timeout", "soon"], "argument --timeout: 'soon' is not a number"),
    (["build", "x", "--timeout", "0"], "argument --timeout: 0 is not more than 0 seconds"),
    (["build", "x", "--timeout", "inf"], "argument --timeout: 'inf' is not a finite number"),
    (["build", "x", "--smtp-port", "smtp"], "argument --smtp-port: 'smtp' is not a whole number"),
    (["email", "x", "--smtp-port", "70000"], "argument --smtp-port: 70000 is not a port number (1 to 65535)"),
])
def test_every_number_flag_words_a_bad_number_the_same_way(capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"briefing: error: {message}; see briefing {argv[0]} --help\n" and captured.out == ""


def test_every_number_flag_has_our_type():
    """argparse's own int and float would say "invalid int value": no number flag may be left with them."""
    import argparse

    from briefing.cli import build_parser

    def flags(parser):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from flags(sub)
            else:
                yield action

    assert not [a.option_strings for a in flags(build_parser()) if a.type in (int, float)]


def test_no_command_is_a_usage_error():
    code, out, err = run()
    assert code == 2 and out == ""
    assert err.startswith("usage: briefing") and "build" in err
    assert err.splitlines()[-1] == "briefing: error: name a command (build, render, templates, email, daily, init-config)"
    assert len(err.splitlines()) <= 3, err  # the usage line(s) and the error: not the whole help first
    assert "show this help" not in err and "positional arguments" not in err


def test_page_size_takes_either_case(tmp_path):
    from briefing.cli import build_parser

    assert build_parser().parse_args(["build", "x", "--page-size", "Letter"]).page_size == "letter"
    assert build_parser().parse_args(["build", "x"]).page_size == "a4"


@pytest.mark.parametrize("argv, message", [
    (["--email-to", "bad addr"], "briefing: error: --email-to 'bad addr': not a mail address\n"),
    (["--email-to", "a@b.org", "--email-cc", "x y"], "briefing: error: --email-cc 'x y': not a mail address\n"),
    (["--email-to", "a@b.org", "--email-from", "nobody"], "briefing: error: --email-from 'nobody': not a mail address\n"),
])
def test_build_mail_errors_name_the_build_flag(tmp_path, argv, message):
    code, out, err = run("build", "tests", "-o", str(tmp_path / "out"), *argv)
    assert code == 2 and err == message
    assert not (tmp_path / "out").exists()


def test_no_flags_help_says_what_the_flag_does(capsys):
    assert main(["build", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--no-cache embed without the on-disk cache" in text
    assert "--no-timeline leave out the Timeline" in text
    assert "--no-quotes leave out the Key quotes" in text
    assert "--no-differences leave out Where sources differ" in text
    assert "skips it" not in text and "; --no-" not in text


def test_odd_outputs_and_formats_are_refused(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("mine")
    with pytest.raises(BriefingError, match=r"-o .*afile: is a file; give a folder, or a file ending in \.html"):
        output_plan(str(afile), None)
    assert afile.read_text() == "mine"
    for empty in ("", " , "):
        with pytest.raises(BriefingError, match="--format .*: name at least one format"):
            output_plan("out", empty)


@pytest.mark.parametrize("argv, message", [
    (["--format="], "briefing: error: --format '': name at least one format (html, pdf, md, txt, json)\n"),
    (["--language", "xx"], "briefing: error: --language 'xx': not a language the language detector knows "
                           "(two-letter ISO 639-1 codes such as en, fr, de, ar, ru, uk; or 'any')\n"),
])
def test_odd_options_are_one_line_errors(tmp_path, argv, message):
    code, out, err = run("build", "tests", "-o", str(tmp_path / "out"), *argv)
    assert code == 2 and err == message and not (tmp_path / "out").exists()


def test_the_language_list_is_the_detectors():
    from briefing.ingest.language import LANGUAGES, _get_identifier

    assert LANGUAGES == {code for code in _get_identifier().nb_classes if len(code) == 2}
    assert {"en", "fr", "de", "ar", "ru", "uk", "fa", "tr"} <= LANGUAGES


def test_the_api_and_the_config_refuse_what_the_flags_refuse():
    """One rule per option: an infinite timeout and port 0 are refused whichever way they come."""
    from briefing.deliver.smtp import SmtpSettings
    from briefing.options import BuildOptions

    with pytest.raises(BriefingError, match="finite"):
        BuildOptions(timeout=float("inf")).validate()
    with pytest.raises(BriefingError, match="not a port number"):
        SmtpSettings(host="localhost", port=70000).validate()


def test_a_word_no_command_takes_points_to_that_commands_help(capsys):
    assert main(["render", "brief.json", "--bogus"]) == 2
    assert capsys.readouterr().err == "briefing: error: unrecognized arguments: --bogus; see briefing render --help\n"
