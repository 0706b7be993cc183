"""Daily runs: three days of dated report folders, the archive, "new since", no double mail."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from conftest import FakeEmbedder
from smtp_server import smtp_server

from briefing.config import load_config
from briefing.deliver.daily import Lock, run_daily
from briefing.errors import BriefingError

FLOOD = [
    "The river Elbe burst its banks at Pirna on Monday and flooded the old town.",
    "Rescue teams evacuated four hundred residents from the riverside streets overnight.",
    "The regional government declared a state of emergency for the district of Pirna.",
]
BRIDGE = [
    "The Blue Bridge at Pirna was closed to traffic after engineers found cracks in its piers.",
    "Engineers said repairs on the damaged bridge piers would take at least three weeks.",
]
AID = [
    "The federal government pledged twenty million euros in emergency aid for the flooded towns.",
    "Volunteers from Dresden filled sandbags along the embankment through Tuesday afternoon.",
]


def report(folder: Path, name: str, title: str, outlet: str, date: str, sentences: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(sentences)
    (folder / name).write_text(f"---\ntitle: {title}\noutlet: {outlet}\ndate: {date}\n---\n{body}\n")


@pytest.fixture
def archive(tmp_path):
    """reports/<day>/ folders added day by day; the config reads all of reports/."""
    reports = tmp_path / "reports"
    report(reports / "2026-03-02", "a.txt", "Elbe floods Pirna", "Sächsische Zeitung", "2026-03-02", FLOOD)
    report(reports / "2026-03-02", "b.txt", "Evacuations in Pirna", "MDR", "2026-03-02", FLOOD[1:] + BRIDGE[:1])
    return tmp_path


def config_for(tmp_path: Path, port: int | None = None, extra: str = ""):
    text = ('[sources]\npaths = ["reports/"]\n[brief]\nformat = ["html", "json", "txt"]\nno-cache = true\n'
            '[output]\ndir = "briefs"\n' + extra)
    if port:
        text += (f'[email]\nto = ["desk@example.org"]\nfrom = "brief@example.org"\nsmtp_host = "127.0.0.1"\n'
                 f'smtp_port = {port}\nsmtp_security = "none"\n')
    (tmp_path / "briefing.toml").write_text(text)
    return load_config(tmp_path / "briefing.toml")


def day2_reports(tmp_path: Path) -> None:
    # one report repeats two statements of day 1 word for word, and tells the bridge and aid news
    report(tmp_path / "reports" / "2026-03-03", "c.txt", "Pirna bridge closed", "dpa", "2026-03-03",
           [FLOOD[0], BRIDGE[1], AID[0]])
    report(tmp_path / "reports" / "2026-03-03", "d.txt", "Aid for Pirna", "MDR", "2026-03-03",
           [AID[0], AID[1], FLOOD[2]])


def test_three_days_archive_news_and_no_double_mail(archive):
    embedder = FakeEmbedder()
    lines = []
    with smtp_server("none") as (handler, port):
        config = config_for(archive, port)
        first = run_daily(config, date="2026-03-02", embedder=embedder, progress=lines.append)
        assert first.mailed and len(handler.received) == 1
        brief1 = json.loads((config.output_dir / "2026-03-02" / "brief.json").read_text())
        assert brief1["news"] is None and brief1["report_count"] == 2 and brief1["date"] == "2026-03-02"

        day2_reports(archive)
        second = run_daily(config, date="2026-03-03", embedder=embedder, progress=lines.append)
        assert second.mailed and second.report_count == 2 and len(handler.received) == 2
        brief2 = json.loads((config.output_dir / "2026-03-03" / "brief.json").read_text())
        news = brief2["news"]
        assert news["previous"] == "2026-03-02" and news["no_new_reports"] is False
        new_texts = [s["text"] for s in news["new"]]
        assert AID[0] in new_texts and FLOOD[0] not in new_texts and FLOOD[2] not in new_texts
        shown = [s["text"] for section in brief2["sections"] for s in section["statements"]]
        assert FLOOD[0] not in shown and FLOOD[2] not in shown, "told on day 1: not repeated as news"
        assert FLOOD[0] not in [e["text"] for e in brief2["timeline"]]
        assert news["repeated"] >= 2 and news["continuing"]
        assert all(t["first_seen"] == "2026-03-02" for t in news["continuing"])
        html2 = (config.output_dir / "2026-03-03" / "brief.html").read_text()
        assert "New since the last brief" in html2 and "Continuing:" in html2
        assert html2.index("New since the last brief") < html2.index("Sources")
        txt2 = (config.output_dir / "2026-03-03" / "brief.txt").read_text()
        assert "NEW SINCE THE LAST BRIEF OF 2 MARCH 2026" in txt2
        mail2 = handler.messages()[1]
        text_part = next(p for p in mail2.walk() if p.get_content_type() == "text/plain").get_content()
        html_part = next(p for p in mail2.walk() if p.get_content_type() == "text/html").get_content()
        assert "NEW SINCE THE LAST BRIEF" in text_part and "New since the last brief" in html_part
        assert AID[0] in html_part

        # the same day again: rebuilt, not mailed twice; --force mails again
        again = run_daily(config, date="2026-03-03", embedder=embedder, progress=lines.append)
        assert not again.mailed and again.mail_note == "already mailed" and len(handler.received) == 2
        assert json.loads((config.output_dir / "2026-03-03" / "brief.json").read_text())["news"]["new"] == news["new"]
        forced = run_daily(config, date="2026-03-03", force=True, embedder=embedder)
        assert forced.mailed and len(handler.received) == 3

        # day 3: nothing new came in; the brief says so and nothing is mailed
        third = run_daily(config, date="2026-03-04", embedder=embedder, progress=lines.append)
        assert third.report_count == 0 and not third.mailed and third.mail_note == "no new reports"
        assert len(handler.received) == 3
    brief3 = json.loads((config.output_dir / "2026-03-04" / "brief.json").read_text())
    assert brief3["news"]["no_new_reports"] is True and brief3["news"]["previous"] == "2026-03-03"
    assert "No new reports came in" in (config.output_dir / "2026-03-04" / "brief.html").read_text()

    index = (config.output_dir / "index.html").read_text()
    dates = re.findall(r'<li id="brief-(\d{4}-\d\d-\d\d)"', index)
    assert dates == ["2026-03-04", "2026-03-03", "2026-03-02"], "newest first"
    for day in dates:
        assert f'href="{day}/brief.html"' in index and (config.output_dir / day / "brief.html").is_file()
    assert "no new reports" in index and "mailed" in index
    assert not [p for p in config.output_dir.iterdir() if p.name.startswith(".2026")], "no staging folder left"


def test_empty_day_is_mailed_when_configured(archive):
    with smtp_server("none") as (handler, port):
        config = config_for(archive, port)
        config = dataclasses.replace(config, email=dataclasses.replace(config.email, send_empty=True))
        run_daily(config, date="2026-03-02", embedder=FakeEmbedder())
        result = run_daily(config, date="2026-03-03", embedder=FakeEmbedder())
    assert result.mailed and len(handler.received) == 2
    assert handler.messages()[1]["Subject"] == "Brief, 3 March 2026: no new reports"
    # the quiet day's page speaks for its day, not for "undated reports" (audit 6)
    page = (result.folder / "brief.txt").read_text(encoding="utf-8")
    assert "3 March 2026" in page and "undated" not in page


def test_since_takes_reports_by_date_not_by_history(archive):
    config = config_for(archive)
    run_daily(config, date="2026-03-02", embedder=FakeEmbedder())
    day2_reports(archive)
    result = run_daily(config, date="2026-03-03", since="2026-03-01", embedder=FakeEmbedder())
    assert result.report_count == 4
    # reports of two days, but the brief of one: headed with its day, not with the reports' span
    assert json.loads((config.output_dir / "2026-03-03" / "brief.json").read_text())["first_date"] is None
    assert '<time class="brief-date" datetime="2026-03-03">3 March 2026</time>' in \
        (config.output_dir / "2026-03-03" / "brief.html").read_text()


def test_a_lock_keeps_two_runs_apart(archive):
    config = config_for(archive)
    with Lock(config.output_dir):
        with pytest.raises(BriefingError, match="another daily run is working on"):
            run_daily(config, date="2026-03-02", embedder=FakeEmbedder())
    assert run_daily(config, date="2026-03-02", embedder=FakeEmbedder()).report_count == 2


def test_an_interrupted_run_leaves_the_archive_whole(archive, monkeypatch):
    config = config_for(archive)
    run_daily(config, date="2026-03-02", embedder=FakeEmbedder())
    before = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    day2_reports(archive)
    calls = []

    def interrupted(path, content):  # the second file of the day is never written
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path, content)

    import briefing.deliver.daily as daily

    real = daily.write_atomic
    monkeypatch.setattr(daily, "write_atomic", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_daily(config, date="2026-03-02", embedder=FakeEmbedder(), force=True)  # redo of an existing day
    with pytest.raises(KeyboardInterrupt):
        calls.clear()
        run_daily(config, date="2026-03-03", embedder=FakeEmbedder())
    after = {p: p.read_bytes() for p in config.output_dir.rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if p.suffix != ".lock"} == \
           {p: b for p, b in before.items() if p.suffix != ".lock"}
    monkeypatch.setattr(daily, "write_atomic", real)
    # the store did not record the interrupted day: its reports are still new
    assert run_daily(config, date="2026-03-03", embedder=FakeEmbedder()).report_count == 2


def test_mail_failure_exits_3_with_the_archive_written(archive, monkeypatch):
    from smtp_server import free_port

    monkeypatch.setattr("briefing.deliver.smtp._sleep", lambda seconds: None)
    monkeypatch.setattr("briefing.deliver.daily._embedder", lambda options, warn: FakeEmbedder())
    config_for(archive, free_port())
    from briefing.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["daily", "--config", str(archive / "briefing.toml"), "--date", "2026-03-02"], stdout=out, stderr=err)
    assert code == 3 and "mail not sent" in err.getvalue()
    assert (archive / "briefs" / "2026-03-02" / "brief.html").is_file() and (archive / "briefs" / "index.html").is_file()
    # not mailed yet, so the next run of the day tries again
    with smtp_server("none") as (handler, port):
        config = config_for(archive, port)
        assert run_daily(config, date="2026-03-02", embedder=FakeEmbedder()).mailed
    assert len(handler.received) == 1


def test_an_index_that_cannot_be_rewritten_after_the_mail_is_a_warning(archive, monkeypatch):
    """The mail went and the store says so: the run succeeded, with a warning; not exit 2 and no summary."""
    from briefing.cli import main
    from briefing.deliver import daily
    from briefing.errors import OutputError

    monkeypatch.setattr("briefing.deliver.daily._embedder", lambda options, warn: FakeEmbedder())
    real, calls = daily.write_index, []

    def write_index(config, store, render_options):
        calls.append(config)
        if len(calls) == 2:  # the rewrite after the mail
            raise OutputError(f"{config.output_dir / 'index.html'}: cannot be written (No space left on device)")
        return real(config, store, render_options)

    monkeypatch.setattr(daily, "write_index", write_index)
    with smtp_server("none") as (handler, port):
        config_for(archive, port)
        out, err = io.StringIO(), io.StringIO()
        code = main(["daily", "--config", str(archive / "briefing.toml"), "--date", "2026-03-02"], stdout=out, stderr=err)
        assert code == 0, err.getvalue()
        assert len(handler.received) == 1 and len(calls) == 2
        assert re.search(r"^brief of 2026-03-02: .*; mail: mailed$", out.getvalue(), re.MULTILINE), out.getvalue()
        index = archive / "briefs" / "index.html"
        assert (f"briefing: warning: the brief was mailed, but the index still says it was not: {index}: cannot be "
                f"written (No space left on device) (the next run rewrites it)\n") in err.getvalue()
        again = run_daily(load_config(archive / "briefing.toml"), date="2026-03-02", embedder=FakeEmbedder())
    assert not again.mailed and again.mail_note == "already mailed" and len(handler.received) == 1


def test_a_url_or_an_unmatched_glob_in_sources_paths_passes_the_check(archive):
    """[sources] paths keeps a URL as it is and the run fetches it; a glob that matches nothing or an
    empty folder is a quiet day. The check before the run follows the reader's rules, not its own."""
    (archive / "empty").mkdir()
    config_for(archive)
    text = (archive / "briefing.toml").read_text().replace(
        'paths = ["reports/"]', 'paths = ["reports/", "https://example.org/feed.xml", "later/*.txt", "empty/"]')
    (archive / "briefing.toml").write_text(text)
    config = load_config(archive / "briefing.toml")
    assert "https://example.org/feed.xml" in config.source_paths
    assert config.check_paths() is config


@pytest.mark.slow
def test_daily_cli_with_the_real_model_and_pdf(archive):
    from briefing.cli import main

    with smtp_server("none") as (handler, port):
        config_for(archive, port, extra="")
        text = (archive / "briefing.toml").read_text().replace('format = ["html", "json", "txt"]\n', "")
        (archive / "briefing.toml").write_text(text.replace("[email]\n", "[email]\nattach_pdf = true\n"))
        out, err = io.StringIO(), io.StringIO()
        argv = ["daily", "--config", str(archive / "briefing.toml"), "--date", "2026-03-02"]
        assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
        day2_reports(archive)
        argv[-1] = "2026-03-03"
        assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    assert sorted(p.name for p in (archive / "briefs" / "2026-03-03").iterdir()) == ["brief.html", "brief.json",
                                                                                   "brief.pdf"]
    assert len(handler.received) == 2
    news = json.loads((archive / "briefs" / "2026-03-03" / "brief.json").read_text())["news"]
    assert news["repeated"] >= 2 and AID[0] in [s["text"] for s in news["new"]]
    assert "mail: mailed" in out.getvalue()


def test_the_index_says_mailed_in_the_run_that_mailed(archive):
    with smtp_server("none") as (handler, port):
        config = config_for(archive, port)
        assert run_daily(config, date="2026-03-02", embedder=FakeEmbedder()).mailed
    index = (config.output_dir / "index.html").read_text()
    assert re.search(r'<li id="brief-2026-03-02".*?· mailed 20\d\d-', index, re.DOTALL), index


def test_one_report_is_said_in_the_singular(archive, monkeypatch):
    """'1 new report (1 was in an earlier brief)', not '1 new reports (1 were in earlier briefs)'."""
    from briefing.cli import main

    monkeypatch.setattr("briefing.deliver.daily._embedder", lambda options, warn: FakeEmbedder())
    (archive / "reports" / "2026-03-02" / "b.txt").unlink()
    config_for(archive)
    argv = ["daily", "--config", str(archive / "briefing.toml"), "--date", "2026-03-02"]
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    assert "briefing: 1 new report (0 were in earlier briefs)\n" in err.getvalue()
    report(archive / "reports" / "2026-03-03", "c.txt", "Aid", "MDR", "2026-03-03", AID)
    out, err = io.StringIO(), io.StringIO()
    assert main(argv[:-1] + ["2026-03-03"], stdout=out, stderr=err) == 0, err.getvalue()
    assert "briefing: 1 new report (1 was in an earlier brief)\n" in err.getvalue()
    assert re.search(r"^brief of 2026-03-03: 1 new report, \d+ new statements?; mail: no \[email\] in the config$",
                     out.getvalue(), re.MULTILINE), out.getvalue()


@pytest.mark.parametrize("extra, message", [
    ('[sources]\npaths = ["reports/", "gone/"]\n', "[sources] paths: {base}/gone: no such file or folder"),
    ('[sources]\npaths = ["reports/"]\n[brief]\ntemplates = ["no-theme/"]\n',
     "[brief] templates: {base}/no-theme: no such folder"),
    ('[sources]\npaths = ["reports/"]\n[brief]\ncss = ["house.css"]\n', "[brief] css: {base}/house.css: no such file"),
])
def test_a_config_naming_a_missing_path_stops_before_making_anything(archive, extra, message):
    from briefing.cli import main

    (archive / "briefing.toml").write_text(extra + '[output]\ndir = "briefs"\n')
    out, err = io.StringIO(), io.StringIO()
    code = main(["daily", "--config", str(archive / "briefing.toml"), "--date", "2026-03-02"], stdout=out, stderr=err)
    expected = f"briefing: error: {archive / 'briefing.toml'}: " + message.format(base=archive) + "\n"
    assert code == 2 and err.getvalue() == expected
    assert not (archive / "briefs").exists(), "no lock, no store, no folder"


def test_daily_since_must_be_a_date(archive):
    config = config_for(archive)
    with pytest.raises(BriefingError, match="--since 'last week' is no date of the calendar in ISO form"):
        run_daily(config, since="last week", embedder=FakeEmbedder())
    assert not config.output_dir.exists()


def test_a_source_with_nothing_in_it_today_leaves_the_other_sources_read(archive):
    """Re-audit: one empty glob among the paths made the whole day "0 new reports" (exit 0, no mail)."""
    (archive / "empty").mkdir()
    text = ('[sources]\npaths = ["reports/", "nothing/*.txt", "empty/"]\n[brief]\nformat = ["json"]\nno-cache = true\n'
            '[output]\ndir = "briefs"\n')
    (archive / "briefing.toml").write_text(text)
    warnings = []
    result = run_daily(load_config(archive / "briefing.toml"), date="2026-03-02", embedder=FakeEmbedder(),
                       warn=warnings.append)
    assert result.report_count == 2
    assert any("nothing/*.txt: the pattern matches no file" in w for w in warnings)
    assert any("empty: the folder holds no report" in w for w in warnings)


def test_the_configs_reading_options_apply_to_what_daily_reads(archive):
    """[brief] language, since and until are build options the config takes: daily's reading ignored them (a
    German desk's `language = "de"` still dropped every German report), and said nothing of the copies it left."""
    german = ["Die Elbe trat am Montag in Pirna über die Ufer und überflutete die Altstadt vollständig.",
              "Rettungskräfte brachten in der Nacht vierhundert Anwohner aus den Straßen am Fluss in Sicherheit.",
              "Die Landesregierung rief für den Landkreis Pirna den Katastrophenfall aus, wie ein Sprecher sagte."]
    report(archive / "reports" / "2026-03-02", "c.txt", "Elbe-Hochwasser in Pirna", "MDR", "2026-03-02", german)
    report(archive / "reports" / "2026-03-02", "copy.txt", "Elbe floods Pirna", "Sächsische Zeitung", "2026-03-02",
           FLOOD)
    report(archive / "reports" / "2026-02-20", "old.txt", "Pirna before the flood", "MDR", "2026-02-20",
           AID + BRIDGE[1:])
    config_for(archive)
    (archive / "briefing.toml").write_text((archive / "briefing.toml").read_text().replace(
        "[brief]\n", '[brief]\nlanguage = "any"\nsince = "2026-03-01"\n'))
    config = load_config(archive / "briefing.toml")
    messages, warnings = [], []
    result = run_daily(config, date="2026-03-02", embedder=FakeEmbedder(), progress=messages.append,
                       warn=warnings.append)
    assert result.report_count == 3  # a.txt, b.txt and the German report; not the copy, not the February one
    said = " ".join(messages + warnings)
    assert "copy" in said and "left out 1 report dated outside" in said, said


def test_a_daily_markdown_opens_with_what_is_new_as_the_text_does(archive):
    """A user audit: with `format = ["md"]` the daily brief.md had no "New since the last brief" part (there was
    no templates/daily/brief.md.j2), while the page, the PDF and the text had it."""
    config = config_for(archive)
    config = dataclasses.replace(config, formats=("md", "txt", "json"))
    run_daily(config, date="2026-03-02", embedder=FakeEmbedder())
    day2_reports(archive)
    run_daily(config, date="2026-03-03", embedder=FakeEmbedder())
    markdown = (config.output_dir / "2026-03-03" / "brief.md").read_text()
    news = markdown.split("## New since the last brief of 2 March 2026\n", 1)[1].split("\n## ", 1)[0]
    assert f"- {AID[0]} [\\[" in news, markdown
    assert "*Continuing: " in news and "told in earlier briefs" in news
    assert FLOOD[0] not in markdown, "told on day 1"
    assert "NEW SINCE THE LAST BRIEF OF 2 MARCH 2026" in (config.output_dir / "2026-03-03" / "brief.txt").read_text()
    run_daily(config, date="2026-03-04", embedder=FakeEmbedder())
    assert "No new reports came in since the last brief." in (config.output_dir / "2026-03-04" / "brief.md").read_text()


@pytest.mark.slow  # WeasyPrint lays out the PDF
def test_the_news_box_of_the_pdf_breaks_its_items_as_the_sections_do(tmp_path):
    """A user audit: in the PDF's news box an item broke after "Syrias", then "Idlib" alone on its line, then the
    rest (WeasyPrint breaks wrongly when the text before cited()'s nowrap span fits only without its last space;
    the box, narrower than the sections, met that width). The items glue their marks with a word joiner instead."""
    from io import BytesIO

    from pypdf import PdfReader
    from test_templates import small_brief

    from briefing.model import News
    from briefing.renderers import RenderOptions, render
    from briefing.deliver.news import news_templates

    text = ("Initial results of tests on victims of an attack which killed dozens of people in Syrias Idlib province "
            "point to possible exposure to sarin gas Turkeys health ministry said on Thursday.")
    brief = small_brief()
    item = dataclasses.replace(brief.sections[0].statements[0], text=text)
    daily = dataclasses.replace(brief, news=News(previous="2024-05-01", new=(item,), continuing=(), repeated=0))
    options = RenderOptions(templates=news_templates(()))
    html = render(daily, "html", options)
    assert "said on Thursday.&#8288;<span class=\"cites\">" in html, "the marks glued to the last word"
    page = PdfReader(BytesIO(render(daily, "pdf", options))).pages[0].extract_text()
    lines = [" ".join(line.split()) for line in page.splitlines()]
    news = lines[lines.index("NEW SINCE THE LAST BRIEF OF 1 MAY 2024") + 1:][:3]
    assert news[1].startswith("Idlib province point") and news[2].startswith("Thursday. [1]"), news  # not "Idlib" alone


def test_a_first_section_told_before_takes_its_name_out_of_the_title():
    """`build` titles a brief after its first section; when an earlier brief told all of that section, daily left it
    out but kept the title naming it (render then warns that the title names a section not shown)."""
    import numpy as np
    from test_templates import small_brief

    from briefing.deliver.news import brief_statements, mark_news

    brief = small_brief()
    first = brief.sections[0]
    other = dataclasses.replace(first, topic=9, label="Aid convoys", statements=tuple(
        dataclasses.replace(s, text=f"Aid convoy {n} reached the town.") for n, s in enumerate(first.statements)))
    brief = dataclasses.replace(brief, sections=(first, other))
    rows = np.eye(len(brief_statements(brief)), dtype=np.float32)
    told = rows[:len(first.statements)]  # every statement of the first section
    marked = mark_news(brief, rows, told, ["2024-05-01"] * len(told), "2024-05-01", threshold=0.9)
    assert [s.label for s in marked.sections] == ["Aid convoys"] and marked.title == "Situation brief: Aid convoys"
    everything = mark_news(brief, rows, rows, ["2024-05-01"] * len(rows), "2024-05-01", threshold=0.9)
    assert everything.sections == () and everything.title == "Situation brief"
    desk = dataclasses.replace(brief, title="Pirna desk", generated=dataclasses.replace(
        brief.generated, options={**brief.generated.options, "title": "Pirna desk"}))
    assert mark_news(desk, rows, told, ["2024-05-01"] * len(told), "2024-05-01", threshold=0.9).title == "Pirna desk"


def test_a_day_s_brief_holds_no_report_published_after_that_day(archive):
    """Audit 5: back-filling with --date 2017-10-05 from a folder that held the whole month briefed all 15
    reports, up to the 23rd, as the 5th's news. The later ones wait for their own day."""
    day2_reports(archive)
    config = config_for(archive)
    messages = []
    first = run_daily(config, date="2026-03-02", embedder=FakeEmbedder(), progress=messages.append)
    assert first.report_count == 2 and "left out 2 reports published after 2026-03-02" in messages
    second = run_daily(config, date="2026-03-03", embedder=FakeEmbedder())
    assert second.report_count == 2  # the 3rd's own reports, not yet briefed


def test_reports_of_earlier_briefs_are_not_warned_of_again(archive):
    """Audit 5: every daily run, quiet days too, repeated "3 reports hold characters lost ..." about reports that
    earlier briefs had used. A day warns of its own reports."""
    report(archive / "reports" / "2026-03-02", "lost.txt", "Pirna", "MDR", "2026-03-02",
           ["The river Elbe flooded Pirna\ufffds old town on Monday, the mayor said on the radio."])
    config = config_for(archive)
    first = []
    run_daily(config, date="2026-03-02", embedder=FakeEmbedder(), warn=first.append)
    assert any("characters lost" in w for w in first)
    day2_reports(archive)
    second, quiet = [], []
    result = run_daily(config, date="2026-03-03", embedder=FakeEmbedder(), warn=second.append)
    assert result.report_count == 2 and second == []
    run_daily(config, date="2026-03-04", embedder=FakeEmbedder(), warn=quiet.append)
    assert quiet == []
