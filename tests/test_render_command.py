"""`briefing render`: a brief's JSON rendered again (another theme, page size or format, or after an
edit), with the real renderers, and without reading any report. Only the tests that lay out a PDF with
WeasyPrint are slow."""

from __future__ import annotations

import json
from io import BytesIO

import pytest

from tests.test_cli import run
from tests.test_templates import small_brief


@pytest.fixture()
def built(tmp_path):
    """A folder as `build` leaves it: the brief's JSON (only: render must not need the other files)."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "brief.json").write_text(json.dumps(small_brief().to_dict()), encoding="utf-8")
    return folder


@pytest.mark.slow  # WeasyPrint lays out the PDF
def test_render_writes_the_briefs_folder_in_another_look_and_leaves_its_json_alone(built, tmp_path):
    from pypdf import PdfReader

    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block method %}'
                                         '<p class="notice">ACME internal</p>{% endblock %}', encoding="utf-8")
    before = (built / "brief.json").read_bytes()
    code, out, err = run("render", str(built), "--templates", str(theme), "--page-size", "letter", "-q")
    assert code == 0, err
    assert sorted(p.name for p in built.iterdir()) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]
    assert (built / "brief.json").read_bytes() == before
    assert out.splitlines()[0].startswith(f"wrote {built / 'brief.html'} (")
    html = (built / "brief.html").read_text(encoding="utf-8")
    assert "ACME internal" in html and "How this brief was made" not in html
    box = PdfReader(BytesIO((built / "brief.pdf").read_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_an_edited_json_is_rendered_as_edited(built, tmp_path):
    data = json.loads((built / "brief.json").read_text(encoding="utf-8"))
    dropped = data["sections"][0]["statements"].pop()["text"]
    data["sections"][0]["label"] = "Reworded by the desk"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run("render", str(edited), "-o", str(tmp_path / "brief.txt"))
    assert code == 0, err
    text = " ".join((tmp_path / "brief.txt").read_text(encoding="utf-8").split())
    assert "reworded by the desk" in text.casefold()
    assert dropped not in {point["text"] for point in data["key_points"]}
    assert " ".join(dropped.split()) not in text
    assert "done in" in err  # progress, since -q was not given


@pytest.mark.parametrize("command", ["render", "email"])
def test_an_empty_brief_name_is_a_clear_error_not_the_current_folder(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(command, "", "--to", "a@example.org", "--dry-run") if command == "email" else run(command, "")
    assert code == 2 and out == "" and list(tmp_path.iterdir()) == []
    assert err == ("briefing: error: BRIEF is empty: name a brief's JSON file, or the folder `briefing build` or "
                   "`briefing render` wrote\n")


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing.json", "missing.json: no such file or folder"),
    (lambda tmp: tmp, "the folder has no brief.json"),
    (lambda tmp: (tmp / "x.json").write_text('{"title": "x"}') and tmp / "x.json", "not a brief's JSON"),
    (lambda tmp: (tmp / "y.json").write_text("{not json") and tmp / "y.json", "not a brief's JSON"),
])
def test_a_bad_brief_is_one_line_and_nothing_is_written(tmp_path, make, message):
    source = make(tmp_path)
    target = tmp_path / "target"
    code, _out, err = run("render", str(source), "-o", str(target))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("briefing: error: ") and message in err, err
    assert not target.exists()


def test_render_takes_the_look_flags_build_takes():
    from briefing.cli import build_parser

    def flags(command):
        parser = build_parser()._subparsers._group_actions[0].choices[command]
        return {option for action in parser._actions for option in action.option_strings}

    look = {"--templates", "--css", "--page-size", "--max-citations", "--allow-remote", "--format", "-o"}
    assert look <= flags("render") and look <= flags("build")


def _edited(tmp_path, edit, name="edited.json"):
    data = json.loads(json.dumps(small_brief().to_dict()))
    data = edit(data) or data
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _set(key, value):
    return lambda data: data.update({key: value})


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["sections"][0]["statements"][1]["citations"][0].update(source=99),
     "sections[0].statements[1].citations[0]: cites source 99, which is not in sources"),
    (lambda d: d.update(sources=d["sources"][:1]), "citations[1]: cites source 2, which is not in sources"),
    (_set("date", "yesterday"), "date: 'yesterday' is not a date (YYYY-MM-DD)"),
    (_set("date", "2017-13-45"), "date: '2017-13-45' is not a date (YYYY-MM-DD)"),
    (_set("first_date", "not a date"), "first_date: 'not a date' is not a date (YYYY-MM-DD)"),
    (_set("first_date", "2030-01-01"), "first_date: '2030-01-01' is after date '2024-05-02'"),
    (_set("report_count", "two"), "report_count: 'two' is not a whole number"),
    (_set("report_count", -1), "report_count: -1 is below 0"),
    (_set("sections", {}), "sections: {...} is not a list"),
    (_set("title", None), "title: null is not text"),
    (lambda d: [d], "not a brief's JSON (it holds [...], not an object"),
    (lambda d: d.pop("title") and None, ": no 'title'"),
    (lambda d: d["sections"][0]["statements"][1].pop("citations") and None, "sections[0].statements[1]: no 'citations'"),
    (lambda d: d["sources"][1].update(number=1), "sources[1].number: 1 is also sources[0]'s"),
    (lambda d: d["key_points"][0].update(score="high"), "key_points[0].score: 'high' is not a number"),
])
@pytest.mark.parametrize("command", ["render", "email"])
def test_an_edited_json_that_would_print_wrong_is_one_line_naming_the_key_and_nothing_is_written(
        tmp_path, edit, message, command):
    source = _edited(tmp_path, edit)
    target = tmp_path / "target"
    argv = ("email", str(source), "--to", "a@example.org", "--eml", str(target / "m.eml")) if command == "email" \
        else ("render", str(source), "-o", str(target))
    code, out, err = run(*argv)
    assert code == 2 and out == "", err
    assert err.count("\n") == 1 and err.startswith(f"briefing: error: {source}: ") and message in err, err
    assert "Error" not in err  # no Python exception names
    assert not target.exists()


def test_keys_the_brief_does_not_know_are_left_alone(tmp_path):
    source = _edited(tmp_path, lambda d: d.update(desk_note="checked by J.") or d["sections"][0].update(foo=1))
    code, _out, err = run("render", str(source), "-o", str(tmp_path / "b.txt"))
    assert code == 0, err


# -- the look a brief was rendered with, and where render writes ---------------------------------

LOOK_TXT = "{{ page_size }}|{{ max_citations }}|{{ user_css | trim }}|{{ brief.title }}\n"


@pytest.fixture()
def looked(tmp_path):
    """A brief's JSON as `build --page-size letter --max-citations 1 --templates theme --css house.css`
    writes it; the theme's text template shows the look it is drawn with."""
    from briefing.renderers import RenderOptions, render

    theme, css = tmp_path / "theme", tmp_path / "house.css"
    theme.mkdir()
    (theme / "brief.txt.j2").write_text(LOOK_TXT, encoding="utf-8")
    css.write_text(":root { --accent: #005a9c; }", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    options = RenderOptions(templates=(str(theme),), css=(str(css),), page_size="letter", max_citations=1)
    (folder / "brief.json").write_text(render(small_brief(), "json", options), encoding="utf-8")
    return folder, theme, css


def test_the_json_records_the_look_beside_the_brief_with_absolute_paths(looked, monkeypatch, tmp_path):
    from briefing.model import Brief
    from briefing.renderers import RenderOptions, render

    folder, theme, css = looked
    data = json.loads((folder / "brief.json").read_text(encoding="utf-8"))
    assert data["rendered_with"] == {"page_size": "letter", "max_citations": 1, "templates": [str(theme)],
                                     "css": [str(css)]}
    Brief.from_dict(data)  # an extra key: the model does not mind
    monkeypatch.chdir(tmp_path)
    from briefing.deliver.news import news_templates

    relative = json.loads(render(small_brief(), "json", RenderOptions(templates=news_templates(("theme",)))))
    assert relative["rendered_with"]["templates"] == [str(theme)]  # absolute; the daily overlay is not recorded


def test_render_with_no_flags_keeps_the_recorded_page_and_marks_and_names_the_theme_it_does_not_use(looked):
    folder, theme, css = looked
    code, _out, err = run("render", str(folder), "--format", "txt,md")
    assert code == 0, err
    assert " +1" in (folder / "brief.md").read_text(encoding="utf-8")  # one mark a line, then +1
    assert "page size letter; max citations 1" in err
    assert (f"briefing: warning: the brief was rendered with --templates {theme} --css {css}: a brief's JSON does "
            f"not choose templates or CSS by itself; pass them again, or --recorded-look if you trust this JSON") in err
    assert not (folder / "brief.txt").read_text(encoding="utf-8").startswith("letter|")  # the packaged theme


def test_recorded_look_takes_the_theme_and_css_too(looked):
    folder, theme, css = looked
    code, _out, err = run("render", str(folder), "--format", "txt", "--recorded-look")
    assert code == 0, err
    assert (folder / "brief.txt").read_text(encoding="utf-8").startswith("letter|1|:root { --accent: #005a9c; }|")
    assert f"page size letter; max citations 1; templates {theme}; css {css}" in err


def test_flags_given_win_over_the_recorded_look_and_default_look_drops_it(looked, tmp_path):
    folder, _theme, _css = looked
    other = tmp_path / "other.css"
    other.write_text("p { color: red; }", encoding="utf-8")
    code, _out, err = run("render", str(folder), "--format", "txt", "--page-size", "a4", "--css", str(other), "-q",
                          "--recorded-look")
    assert code == 0, err
    assert (folder / "brief.txt").read_text(encoding="utf-8").startswith("A4|1|p { color: red; }|")
    code, _out, err = run("render", str(folder), "--format", "txt", "--default-look", "-q")
    assert code == 0 and err == "", err
    text = (folder / "brief.txt").read_text(encoding="utf-8")
    assert not text.startswith("A4|") and "KEY POINTS" in text.upper()  # the packaged theme


def test_a_recorded_folder_or_file_that_is_gone_is_one_warning_then_left_out(looked):
    import shutil

    folder, theme, css = looked
    shutil.rmtree(theme)
    css.unlink()
    code, _out, err = run("render", str(folder), "--format", "txt", "-q", "--recorded-look")
    assert code == 0, err
    assert err.splitlines() == [
        f"briefing: warning: the template folder {theme} the brief was rendered with is gone: rendering without it",
        f"briefing: warning: the CSS file {css} the brief was rendered with is gone: rendering without it"]
    assert "KEY POINTS" in (folder / "brief.txt").read_text(encoding="utf-8").upper()


def test_a_daily_brief_renders_with_its_news_part_as_daily_does(built, tmp_path):
    from dataclasses import replace

    from briefing.model import News

    brief = small_brief()
    daily = replace(brief, first_date=None, news=News(previous="2024-05-01", new=brief.sections[0].statements[:1],
                                                      continuing=(), repeated=2))
    (built / "brief.json").write_text(json.dumps(daily.to_dict()), encoding="utf-8")
    code, _out, err = run("render", str(built), "--format", "html,txt,md", "-q")
    assert code == 0, err
    assert "New since the last brief of 1 May 2024" in (built / "brief.html").read_text(encoding="utf-8")
    assert "NEW SINCE THE LAST BRIEF OF 1 MAY 2024" in (built / "brief.txt").read_text(encoding="utf-8")
    markdown = (built / "brief.md").read_text(encoding="utf-8")  # the md had no news part (a user audit)
    assert "## New since the last brief of 1 May 2024\n" in markdown and "## Key points" not in markdown
    assert markdown.index("New since") < markdown.index("## Timeline")


def test_an_edited_copy_renders_beside_itself_under_its_own_name(built, tmp_path):
    (built / "brief.html").write_text("the build's page", encoding="utf-8")
    edited = _edited(built, lambda d: d["sections"][0].update(label="Reworded"))
    code, out, err = run("render", str(edited), "--format", "html,md,txt", "-q")
    assert code == 0, err
    assert (built / "brief.html").read_text(encoding="utf-8") == "the build's page"
    assert sorted(p.name for p in built.iterdir()) == ["brief.html", "brief.json", "edited.html", "edited.json",
                                                      "edited.md", "edited.txt"]
    assert out.splitlines()[0].startswith(f"wrote {built / 'edited.html'} (")


@pytest.mark.parametrize("argv", [
    lambda src: ("render", str(src), "-o", str(src)),
    lambda src: ("render", str(src), "--format", "json,txt"),
    lambda src: ("render", str(src.parent), "-o", str(src.parent), "--format", "json"),
])
def test_render_never_writes_over_the_json_it_reads(built, argv):
    source = _edited(built, lambda d: d.update(desk_note="mine"), name="brief.json")
    before = source.read_bytes()
    code, out, err = run(*argv(source))
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"briefing: error: {source}: is the brief render reads; it is not written over"), err
    assert source.read_bytes() == before and sorted(p.name for p in built.iterdir()) == ["brief.json"]


def test_render_into_another_folder_carries_the_json_so_it_can_be_mailed_or_rendered_again(looked, tmp_path):
    folder, _theme, _css = looked
    other = tmp_path / "other"
    code, out, err = run("render", str(folder), "-o", str(other), "--format", "txt,json", "--max-citations", "2", "-q",
                         "--recorded-look")
    assert code == 0, err
    code, out, err = run("render", str(folder), "-o", str(tmp_path / "r2"), "--format", "txt", "-q")
    assert code == 0 and sorted(p.name for p in (tmp_path / "r2").iterdir()) == ["brief.txt"]  # --format as asked
    data = json.loads((other / "brief.json").read_text(encoding="utf-8"))
    assert data["rendered_with"]["max_citations"] == 2 and data["rendered_with"]["page_size"] == "letter"
    code, out, err = run("email", str(other), "--to", "a@example.org", "--dry-run")
    assert code == 0 and "Subject: Brief," in out, err
    code, out, err = run("render", str(other), "--format", "txt", "-q", "--recorded-look")
    assert code == 0 and (other / "brief.txt").read_text(encoding="utf-8").startswith("letter|2|"), err


def test_render_plan_defaults():
    from pathlib import Path

    from briefing.cli import render_plan

    source = Path("out/edited.json")
    assert render_plan(None, None, source) == {f: Path(f"out/edited.{f}") for f in ("html", "pdf", "md")}
    assert render_plan(None, None, Path("out/brief.json")) == {f: Path(f"out/brief.{f}") for f in ("html", "pdf", "md")}
    assert render_plan("out", None, source) == {f: Path(f"out/brief.{f}") for f in ("html", "pdf", "md")}
    assert render_plan("else", None, source) == {f: Path(f"else/brief.{f}") for f in ("html", "pdf", "md", "json")}
    assert render_plan("else/x.md", None, source) == {"md": Path("else/x.md")}


def test_an_emptied_section_is_not_shown_nor_named_in_the_subject(tmp_path):
    data = json.loads(json.dumps(small_brief().to_dict()))
    kept = {**data["sections"][0], "label": "Aid convoys", "topic": 9, "statements": data["sections"][0]["statements"][:1]}
    data["sections"].append(kept)
    data["title"] = "Desk brief"
    gone = data["sections"][0]["label"]
    texts = {s["text"] for s in data["sections"][0]["statements"]}
    data["sections"][0]["statements"] = []
    data["key_points"] = [p for p in data["key_points"] if p["text"] not in texts]
    source = tmp_path / "emptied.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run("render", str(source), "--format", "html,md,txt", "-q")
    assert code == 0 and err == "", err
    for ext in ("html", "md", "txt"):
        shown = (tmp_path / f"emptied.{ext}").read_text(encoding="utf-8")
        assert gone not in shown and gone.upper() not in shown, ext
    assert "2 outlets - 1 topic\n" in (tmp_path / "emptied.txt").read_text(encoding="utf-8")  # not "2 topics"
    code, out, err = run("email", str(source), "--to", "a@example.org", "--dry-run")
    assert code == 0, err
    subject = next(line for line in out.splitlines() if line.startswith("Subject:"))
    assert gone not in subject and data["sections"][1]["label"].split()[0] in subject


@pytest.mark.parametrize("command", ["render", "email"])
def test_a_statement_taken_out_of_its_section_but_still_a_key_point_is_named_in_a_warning(tmp_path, command):
    data = json.loads(json.dumps(small_brief().to_dict()))
    point = data["key_points"][0]["text"]
    for section in data["sections"]:
        section["statements"] = [s for s in section["statements"] if s["text"] != point]
    source = tmp_path / "edited.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    argv = ("email", str(source), "--to", "a@example.org", "--dry-run") if command == "email" \
        else ("render", str(source), "--format", "txt", "-q")
    code, _out, err = run(*argv)
    assert code == 0, err
    warning = err.splitlines()[0]
    assert warning.startswith(f"briefing: warning: {source}: key_points[0] ('{point[:20]}") and \
        "is in no section: it is still shown as a key point (take it out of key_points too" in warning, err


def test_a_recorded_look_cannot_make_render_read_any_file_into_the_brief(built, tmp_path):
    """An edited or foreign JSON naming /etc as a theme or /etc/passwd as CSS: left out, with a warning."""
    data = json.loads((built / "brief.json").read_text(encoding="utf-8"))
    data["rendered_with"] = {"page_size": "a4", "max_citations": 6, "templates": ["/etc"], "css": ["/etc/passwd"]}
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run("render", str(edited), "--format", "html", "--recorded-look")
    assert code == 0, err
    assert "/etc is no template folder" in err and "/etc/passwd is no CSS file" in err
    assert "root:" not in (tmp_path / "edited.html").read_text(encoding="utf-8")


def test_without_recorded_look_a_json_cannot_run_a_template_or_copy_a_file_into_the_page(built, tmp_path):
    """A review ran code through a theme a JSON recorded, and read /proc/self/environ (the SMTP password) into
    the page as its CSS: a JSON's templates and CSS are used only with --recorded-look."""
    theme = tmp_path / "evil"
    theme.mkdir()
    (theme / "brief.html.j2").write_text("{{ 6 * 7 }} owned", encoding="utf-8")
    (tmp_path / "leak.css").write_text("SECRET-IN-CSS", encoding="utf-8")
    data = json.loads((built / "brief.json").read_text(encoding="utf-8"))
    data["rendered_with"] = {"templates": [str(theme)], "css": [str(tmp_path / "leak.css")]}
    edited = tmp_path / "foreign.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run("render", str(edited), "--format", "html", "-q")
    assert code == 0, err
    page = (tmp_path / "foreign.html").read_text(encoding="utf-8")
    assert "42 owned" not in page and "SECRET-IN-CSS" not in page and "--recorded-look" in err


def test_a_desks_own_keys_go_along_into_the_json_render_writes_elsewhere(built, tmp_path):
    source = _edited(built, lambda d: d.update(desk_note="checked by Amal", reviewed=True))
    code, _out, err = run("render", str(source), "-o", str(tmp_path / "other"), "-q")
    assert code == 0, err
    data = json.loads((tmp_path / "other" / "brief.json").read_text(encoding="utf-8"))
    assert data["desk_note"] == "checked by Amal" and data["reviewed"] is True


def test_render_by_default_writes_again_the_formats_already_beside_the_json(built):
    (built / "brief.html").write_text("old", encoding="utf-8")
    (built / "brief.pdf").write_bytes(b"old")
    code, out, err = run("render", str(built), "-q")
    assert code == 0, err
    assert sorted(p.name for p in built.iterdir()) == ["brief.html", "brief.json", "brief.pdf"]  # no brief.md added


def test_a_brief_with_no_section_left_renders_with_a_warning_that_says_so_and_names_the_title(tmp_path):
    """A user audit: `sections: []` rendered "0 of 1 topic" with no word, under a title naming the topic it no
    longer shows. A warning, not an error: `daily` writes briefs with no section itself (see the next test)."""
    source = _edited(tmp_path, lambda d: d.update(sections=[], key_points=[]))
    code, _out, err = run("render", str(source), "--format", "txt", "-q")
    assert code == 0 and (tmp_path / "edited.txt").is_file(), err
    assert err.splitlines() == [
        f"briefing: warning: {source}: sections is empty: the brief shows none of its 1 topic, only its key points, "
        f"timeline and quotes (put a section back to show it)",
        f"briefing: warning: {source}: title 'Situation brief: Kafr Tala capture' names 'Kafr Tala capture', which "
        f"the brief no longer shows as a section: the title is left as written (change it in the JSON)"]
    assert (tmp_path / "edited.txt").read_text(encoding="utf-8").startswith("SITUATION BRIEF: KAFR TALA CAPTURE\n")


def test_an_emptied_section_the_title_names_is_a_warning_and_the_title_is_kept(tmp_path):
    def edit(data):
        kept = {**data["sections"][0], "label": "Aid convoys", "topic": 9, "statements": data["sections"][0]["statements"][:1]}
        data["sections"] = [{**data["sections"][0], "statements": []}, kept]
        data["key_points"] = [p for p in data["key_points"] if p["text"] == kept["statements"][0]["text"]]

    source = _edited(tmp_path, edit)
    code, _out, err = run("render", str(source), "--format", "txt", "-q")
    assert code == 0, err
    assert err == (f"briefing: warning: {source}: title 'Situation brief: Kafr Tala capture' names 'Kafr Tala capture', "
                   f"which the brief no longer shows as a section: the title is left as written (change it in the JSON)\n")
    retitled = _edited(tmp_path, lambda d: edit(d) or d.update(title="Kafr Tala capture: aid convoys"), "retitled.json")
    assert run("render", str(retitled), "--format", "txt", "-q")[2] != ""  # still names it, in other words
    shown = _edited(tmp_path, lambda d: edit(d) or d.update(title="Situation brief: Aid convoys"), "shown.json")
    assert run("render", str(shown), "--format", "txt", "-q")[2] == ""


def test_a_renamed_section_the_title_names_is_said_to_be_renamed_not_gone(tmp_path):
    """Audit 5: renaming sections[0].label gave "names 'Kafr Tala capture', which the brief no longer shows"."""
    source = _edited(tmp_path, lambda d: d["sections"][0].update(label="Kafr Tala taken"))
    code, _out, err = run("render", str(source), "--format", "txt", "-q")
    assert code == 0 and err == (
        f"briefing: warning: {source}: title 'Situation brief: Kafr Tala capture' names 'Kafr Tala capture', the "
        f"section now headed 'Kafr Tala taken': the title is left as written (change it in the JSON)\n")


def test_a_title_naming_a_shown_section_is_no_warning_even_when_a_hidden_topic_is_a_word_of_it():
    from dataclasses import replace

    from briefing.brief_check import edit_warnings
    from briefing.model import Topic

    brief = small_brief()
    hidden = Topic(id=7, label="Kafr Tala", weight=0.1, members=())
    us = Topic(id=8, label="US", weight=0.1, members=())
    assert edit_warnings(replace(brief, topics=(*brief.topics, hidden, us), title="Status of Kafr Tala capture")) == []
    assert edit_warnings(replace(brief, topics=(*brief.topics, us), title="US: Kafr Tala capture")) == [
        "title 'US: Kafr Tala capture' names 'US', which the brief no longer shows as a section: the title is left "
        "as written (change it in the JSON)"]


def test_a_daily_brief_whose_every_statement_was_told_before_renders_without_a_warning(built):
    from dataclasses import replace

    from briefing.model import News

    brief = small_brief()
    daily = replace(brief, title="Situation brief", first_date=None, sections=(), key_points=(),
                    news=News(previous="2024-05-01", new=(), continuing=(), repeated=3))
    (built / "brief.json").write_text(json.dumps(daily.to_dict()), encoding="utf-8")
    code, _out, err = run("render", str(built), "--format", "txt", "-q")
    assert code == 0 and err == "", err
    assert "The new reports tell nothing the earlier briefs did not." in (built / "brief.txt").read_text(encoding="utf-8")
