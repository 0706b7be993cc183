"""The theme a user owns: overrides by file and by block, --css, templates init/list, template
mistakes, and untrusted report text. Fast: the pipeline runs with the fake embedder."""

from __future__ import annotations

import io
import re

import pytest

from briefing.cli import main
from briefing.errors import TemplateError
from briefing.renderers import FORMATS, RenderOptions, render
from briefing.renderers.environment import packaged_templates
from tests.conftest import FakeEmbedder, make_document

XSS_SCRIPT = "<script>alert('x')</script>"
XSS_IMG = '<img src=x onerror="alert(1)">'
JS_URL = "javascript:alert(document.cookie)"
REPORTS = [
    ("Rebels seized the northern town of Kafr Tala on Monday after a week of fighting. "
     "Aid groups said thousands of families fled Kafr Tala towards the border. "
     f"A leaflet dropped over the town read {XSS_SCRIPT} in large letters. "
     "The army said it would retake Kafr Tala within days.\n\n"
     "Talks on a ceasefire in the capital Marun stalled on Tuesday. "
     f"One delegate posted {XSS_IMG} to mock the talks in Marun. "
     "Mediators in Marun said they would meet again next week."),
    ("Thousands of families fled Kafr Tala towards the border, aid groups said. "
     "Rebels seized the northern town of Kafr Tala on Monday after a week of fighting. "
     "The ceasefire talks in Marun stalled, delegates said on Tuesday. "
     "Mediators in Marun said they would meet again next week."),
]


def small_brief(reports=REPORTS, **options):
    """A two-report brief made by the real pipeline with the deterministic fake embedder."""
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents

    documents = [make_document(text, id=f"r{n}", title=f"Report {n} {XSS_IMG if n == 1 else ''}".strip(),
                               outlet=("Daily Wire", "Evening Post")[n], date=f"2024-05-0{n + 1}")
                 for n, text in enumerate(reports)]
    return brief_documents(documents, BuildOptions(**options).validate(), FakeEmbedder())


def hostile(brief):
    """The brief with report text that tries to be markup in every place report text can reach."""
    from dataclasses import replace

    def statement(s, text):
        return replace(s, text=text, citations=tuple(replace(c, text=text) for c in s.citations))

    section = brief.sections[0]
    sections = (replace(section, label=f"Leaflets {XSS_IMG}",
                        statements=(statement(section.statements[0], f"A leaflet read {XSS_SCRIPT} in red."),
                                    statement(section.statements[1], f"A delegate posted {XSS_IMG} online."),
                                    *section.statements[2:])),
                *brief.sections[1:])
    key_points = (statement(brief.key_points[0], f"Key: {XSS_SCRIPT}"), *brief.key_points[1:])
    sources = (replace(brief.sources[0], title=f"Report {XSS_IMG}", url="https://example.org/a?b=1&c=2"),
               replace(brief.sources[1], url=JS_URL), *brief.sources[2:])
    return replace(brief, title=f"Brief {XSS_SCRIPT}", sections=sections, key_points=key_points, sources=sources)


@pytest.fixture(scope="module")
def brief():
    return small_brief()


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def fake_model(monkeypatch):
    """`briefing build` in-process with the fake embedder in place of the real model."""
    import briefing.pipeline

    monkeypatch.setattr(briefing.pipeline, "make_embedder", lambda *args, **kwargs: FakeEmbedder())


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, text in enumerate(REPORTS):
        (folder / f"r{n}.txt").write_text(f"---\ntitle: Report {n}\noutlet: Outlet {n}\n---\n{text}\n")
    return folder


# -- the default theme -----------------------------------------------------------------------

def test_every_template_format_renders_the_whole_brief(brief):
    for fmt in ("html", "md", "txt"):
        text = render(brief, fmt)
        assert "2 reports, 2 outlets" in text, fmt
        for section in brief.sections:
            assert section.label.upper() in text.upper(), (fmt, section.label)
        assert "Evening Post" in text
    html = render(brief, "html")
    assert html.count('class="topic"') == len(brief.sections)
    assert "How this brief was made" in html and "Key points" in html and "<script" not in html
    assert set(re.findall(r'href="#(source-\d+)"', html)) <= set(re.findall(r'id="(source-\d+)"', html))


def test_markdown_headings_and_list_items_stand_apart(brief):
    lines = render(brief, "md").splitlines()
    for number, line in enumerate(lines[1:], 1):
        if line.startswith("#") or (line.startswith("- ") and lines[number - 1].startswith("- ")):
            assert lines[number - 1] == "", (number, line)


def test_the_packaged_theme_needs_no_script_and_nothing_remote():
    for path in packaged_templates().rglob("*"):
        if path.suffix in (".j2", ".css"):
            text = path.read_text(encoding="utf-8")
            assert "<script" not in text.lower(), path
            assert not re.search(r"(@import|url\(|src=)\s*[\"']?(https?:)?//", text), path


def test_registry_names_every_format():
    assert set(FORMATS) == {"html", "pdf", "md", "txt", "json"}


# -- overriding: one file, one block, --css ---------------------------------------------------

def test_a_user_file_replaces_the_packaged_one_and_the_rest_stays(brief, tmp_path):
    (tmp_path / "brief.md.j2").write_text("# {{ brief.title }} ({{ brief.sections | length }} topics)\n")
    options = RenderOptions(templates=(str(tmp_path),))
    assert render(brief, "md", options) == f"# {brief.title} ({len(brief.sections)} topics)\n"
    assert render(brief, "html", options) == render(brief, "html")  # no brief.html.j2 there: the packaged one


def test_a_block_overridden_through_default_keeps_the_rest(brief, tmp_path):
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block key_points %}<p class="house-notice">For internal use</p>{{ super() }}{% endblock %}\n'
        '{% block statement %}<li class="mine">{{ s.text }}{{ citation_links(s.citations) }}</li>{% endblock %}\n')
    html = render(brief, "html", RenderOptions(templates=(str(tmp_path),)))
    default = render(brief, "html")
    assert '<p class="house-notice">For internal use</p>' in html
    notice_at, key_points_at = html.index("house-notice"), html.index('class="key-points"')
    assert notice_at < key_points_at  # super() kept the packaged key points after the notice
    assert html.count('<li class="mine">') == sum(len(s.statements) for s in brief.sections)
    assert html.count('class="cite"') == default.count('class="cite"')
    assert html.split('<section class="sources"')[1] == default.split('<section class="sources"')[1]


def test_user_css_comes_after_the_theme_css(brief, tmp_path):
    house = tmp_path / "house.css"
    house.write_text(":root { --accent: #123456; } /* house style */")
    html = render(brief, "html", RenderOptions(css=(str(house),)))
    style = html.split("<style>")[1].split("</style>")[0]
    assert style.index("--accent: #9b2226") < style.index("--accent: #123456")
    assert "/* house style */" in style


def test_css_flag_that_names_no_file_is_exit_2(reports, tmp_path, fake_model):
    code, out, err = run("build", reports, "-o", tmp_path / "out", "--css", tmp_path / "nope.css")
    assert code == 2 and "--css" in err and "no such file" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_css_flag_in_the_cli(reports, tmp_path, fake_model):
    house = tmp_path / "house.css"
    house.write_text(".title { color: rebeccapurple; }")
    code, out, err = run("build", reports, "-o", tmp_path / "b.html", "--css", house, "-q")
    assert code == 0, err
    assert "rebeccapurple" in (tmp_path / "b.html").read_text()


# -- templates init / list --------------------------------------------------------------------

def test_templates_init_copies_a_theme_that_builds(brief, tmp_path, reports, fake_model):
    theme = tmp_path / "theme"
    code, out, err = run("templates", "init", theme)
    assert code == 0, err
    packaged = packaged_templates()
    for name in ("brief.html.j2", "brief.css", "print.css", "brief.md.j2", "brief.txt.j2"):
        assert (theme / name).read_bytes() == (packaged / name).read_bytes()
    readme = (theme / "README.md").read_text()
    assert "--templates" in readme and 'extends "default:brief.html.j2"' in readme and "key_points" in readme
    assert f"briefing render out/ --templates {theme}" in readme and f"briefing render out/ --templates {theme}" in out
    options = RenderOptions(templates=(str(theme),))
    for fmt in ("html", "md", "txt"):
        assert render(brief, fmt, options) == render(brief, fmt)
    (theme / "brief.css").write_text((theme / "brief.css").read_text().replace("#9b2226", "#005a9c"))
    code, out, err = run("build", reports, "-o", tmp_path / "out", "--format", "html,md,txt",
                         "--templates", theme, "-q")
    assert code == 0, err
    assert "#005a9c" in (tmp_path / "out" / "brief.html").read_text()


def test_templates_init_refuses_to_overwrite(tmp_path):
    assert run("templates", "init", tmp_path)[0] == 0
    (tmp_path / "brief.css").write_text("mine")
    code, out, err = run("templates", "init", tmp_path)
    assert code == 2 and "exists" in err and err.count("\n") == 1
    assert (tmp_path / "brief.css").read_text() == "mine"
    assert run("templates", "init", tmp_path, "--force")[0] == 0
    assert (tmp_path / "brief.css").read_text() != "mine"


def test_templates_list_says_which_file_is_used_from_where(tmp_path):
    (tmp_path / "brief.css").write_text("body { color: navy; }")
    (tmp_path / "extra.html.j2").write_text("x")
    (tmp_path / "brief.md.j2").write_text('{% extends "default:brief.md.j2" %}{% block method %}{% endblock %}')
    code, out, err = run("templates", "list", "--templates", tmp_path)
    assert code == 0, err
    packaged = packaged_templates()
    lines = out.splitlines()
    assert lines[1].strip() == f"1. {tmp_path.resolve()}" and lines[2].strip().startswith(f"2. {packaged}")
    used = {line.split()[0]: line for line in lines if line.startswith("  ") and ".j2" in line or ".css  " in line}
    assert f"{tmp_path.resolve() / 'brief.css'}  (yours, replaces the packaged one)" in used["brief.css"]
    assert f"{packaged / 'brief.html.j2'}  (packaged)" in used["brief.html.j2"]
    assert "(yours, not in the packaged theme)" in used["extra.html.j2"]
    assert "(yours, extends the packaged one)" in used["brief.md.j2"]
    assert "key_points" in lines[-1] and "statement" in lines[-1]
    code, out, err = run("templates", "list")
    assert code == 0 and str(packaged) in out and "yours" not in out


def test_templates_list_with_a_config_shows_what_briefing_daily_uses(tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "brief.css").write_text("body { color: navy; }")
    config = tmp_path / "briefing.toml"
    config.write_text('[sources]\npaths = ["reports"]\n[brief]\ntemplates = ["theme"]\n')
    code, out, err = run("templates", "list", "--config", config)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].strip() == f"1. {theme.resolve()}"
    assert lines[2].strip() == f"2. {packaged_templates() / 'daily'}  (packaged: the daily brief's news part)"
    assert any(line.split()[:2] == ["brief.css", str(theme.resolve() / "brief.css")] for line in lines)
    assert any(line.split()[:1] == ["brief.html.j2"] and line.endswith("(packaged daily overlay)") for line in lines)
    code, out, err = run("templates", "list", "--config", tmp_path / "nope.toml")
    assert code == 2 and "no such config file" in err


def test_templates_list_with_a_missing_folder_is_exit_2(tmp_path):
    code, out, err = run("templates", "list", "--templates", tmp_path / "nope")
    assert code == 2 and "no such folder" in err


# -- template mistakes: one line with file and line, exit 2, no output ------------------------

MISTAKES = {
    "undefined variable": ("brief.html.j2", "<p>\n{{ brief.title }}\n{{ breif.title }}\n", 3, "undefined variable"),
    "undefined field": ("brief.html.j2", '{% extends "default:brief.html.j2" %}\n{% block header %}\n'
                        '{{ brief.headline }}{% endblock %}\n', 3, "undefined variable"),
    "syntax error": ("brief.html.j2", '{% extends "default:brief.html.j2" %}\n{% block header %}\n'
                     '{% if brief.title %}\n{% endblock %}\n', 4, "syntax error"),
    "missing include": ("brief.html.j2", "<p>\n\n{% include 'house-header.html' %}\n", 3,
                        "template not found: house-header.html"),
    "missing parent": ("brief.html.j2", '{% extends "default:breif.html.j2" %}\n', 1,
                       "template not found: default:breif.html.j2"),
    "mistake in the CSS": ("brief.css", "body {\n  color: {{ colour }};\n}\n", 2, "undefined variable"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_template_mistake_is_one_line_exit_2_and_no_output(mistake, reports, tmp_path, fake_model):
    name, source, line, message = MISTAKES[mistake]
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / name).write_text(source)
    out_dir = tmp_path / "out"
    code, out, err = run("build", reports, "-o", out_dir, "--templates", theme, "-q")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{theme / name}:{line}: " in err, err
    assert message in err
    assert not out_dir.exists()


def test_a_missing_top_template_is_exit_2(brief, tmp_path, monkeypatch):
    from briefing.renderers import _template

    with pytest.raises(TemplateError, match=r"template not found: nope\.html\.j2 \(searched "):
        _template("nope.html.j2")(brief, RenderOptions())


def test_a_template_that_extends_itself_says_to_use_default(brief, tmp_path):
    (tmp_path / "brief.html.j2").write_text('{% extends "brief.html.j2" %}{% block header %}x{% endblock %}')
    with pytest.raises(TemplateError, match='extends or includes itself; .* extend "default:brief.html.j2"'):
        render(brief, "html", RenderOptions(templates=(str(tmp_path),)))


def test_a_formatting_mistake_in_a_template_names_its_line(brief, tmp_path):
    (tmp_path / "brief.txt.j2").write_text("ok\n{{ brief.report_count + ' reports' }}\n")
    with pytest.raises(TemplateError, match=re.escape(f"{tmp_path / 'brief.txt.j2'}:2: TypeError")):
        render(brief, "txt", RenderOptions(templates=(str(tmp_path),)))


# -- untrusted report text --------------------------------------------------------------------

def test_the_pipeline_keeps_report_text_as_it_was_written(brief):
    members = [m.text for topic in brief.topics for m in topic.members] + [m.text for m in brief.unassigned]
    assert any(XSS_SCRIPT in text for text in members) and any(XSS_IMG in text for text in members)
    assert hostile(brief).sections[0].statements[0].text == f"A leaflet read {XSS_SCRIPT} in red."


def test_report_text_is_escaped_in_html(brief):
    html = render(hostile(brief), "html")
    assert "<script" not in html.lower() and "<img" not in html.lower() and 'onerror="' not in html
    escaped_script = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    escaped_img = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"
    assert f"<title>Brief {escaped_script}</title>" in html
    assert f"A leaflet read {escaped_script} in red." in html
    assert f'title="A delegate posted {escaped_img} online."' in html  # citation tooltips are attributes
    assert f"Leaflets {escaped_img}</h2>" in html and f"Leaflets {escaped_img}</a>" in html
    assert f"Report {escaped_img}</span>" in html


def test_a_report_url_becomes_a_link_only_when_it_is_http(brief):
    html = render(hostile(brief), "html")
    assert '<a href="https://example.org/a?b=1&amp;c=2" class="link">' in html
    assert "javascript:" not in html.split('<section class="sources"')[0]
    assert 'href="javascript' not in html and f'<span class="link">{JS_URL}</span>' in html
    markdown = render(hostile(brief), "md")
    assert "<https://example.org/a?b=1&c=2>" in markdown and "<javascript" not in markdown
    assert r"javascript:alert\(document.cookie\)" in markdown


def test_report_text_stays_text_in_markdown_and_plain_text(brief):
    markdown = render(hostile(brief), "md")
    assert not re.search(r"(?<!\\)<(script|img|/script)", markdown)
    assert r"A leaflet read \<script\>alert\('x'\)\</script\> in red." in markdown
    text = render(hostile(brief), "txt")
    assert f"A leaflet read {XSS_SCRIPT} in red." in text and XSS_IMG in text  # shown as written


# -- what the audit found: the Markdown list, escapes, source notes, counts, empty briefs, theme files --

def with_source_extras(brief):
    """The small brief with a note on one source and a merged copy from another outlet on the other."""
    from dataclasses import replace

    note = "Outlet unknown. Publication date inferred from the report's own text."
    sources = (replace(brief.sources[0], outlet=None, note=note),
               replace(brief.sources[1], also_published_by=("Al Arabiya", "Wire *B*")), *brief.sources[2:])
    return replace(brief, sources=sources)


def test_markdown_sources_are_a_commonmark_list_with_working_anchors(brief):
    markdown_it = pytest.importorskip("markdown_it")
    markdown = render(with_source_extras(brief), "md")
    html = markdown_it.MarkdownIt("commonmark").render(markdown)
    sources = html.split("<h2>Sources</h2>")[1]
    assert sources.lstrip().startswith("<ul>")  # a list, not a heading or a paragraph
    items = re.findall(r"<li>(.*?)</li>", sources.split("</ul>")[0], flags=re.S)
    assert len(items) == len(brief.sources)
    for number, item in enumerate(items, 1):
        assert f'<a id="source-{number}"></a>[{number}]' in item
    assert "<h2>" not in sources.split("</ul>")[0] and "<hr />" in sources  # the rule after it stays a rule
    cited = set(re.findall(r'href="#(source-\d+)"', html))
    assert cited and cited <= set(re.findall(r'id="(source-\d+)"', html))
    assert "\n\n---\n" in markdown


def test_markdown_escapes_only_what_commonmark_would_read_as_markup():
    markdown_it = pytest.importorskip("markdown_it")
    from briefing.renderers.filters import md_escape

    assert md_escape("02.10.2017Get the news") == "02.10.2017Get the news"  # no list item: left alone
    assert md_escape("1. first") == r"1\. first" and md_escape("1) first") == r"1\) first"
    for text in ["02.10.2017Get the news", "1. first", "12) twelfth", "- a dash", "+ plus", "* star", "---",
                 "=== under", "# hash", "> quote", "<b>bold</b>", "*em* _em_ `code` [a](b) ![i](s) ~~s~~",
                 "&copy; &amp; AT&T", "back\\slash", "a | b", "1.5 million fled"]:
        rendered = markdown_it.MarkdownIt("commonmark").render(md_escape(text))
        assert rendered == f"<p>{markdown_it.common.utils.escapeHtml(text)}</p>\n", (text, rendered)


def test_every_format_shows_the_source_note_and_who_else_published_it(brief):
    extras = with_source_extras(brief)
    for fmt in ("html", "md", "txt"):
        text = render(extras, fmt)
        sources = text.split("Sources" if fmt != "txt" else "SOURCES")[-1]
        assert "Outlet unknown. Publication date inferred from the report" in sources, fmt
        assert "also published by Al Arabiya, Wire" in sources, fmt
    html = render(extras, "html")
    assert '<span class="source-note">Outlet unknown. Publication date inferred' in html
    assert r"also published by Al Arabiya, Wire \*B\*" in render(extras, "md")


def test_counts_say_known_outlets_and_topics_shown_of_those_found(brief):
    from dataclasses import replace

    from briefing.model import Topic

    one_unknown = replace(with_source_extras(brief), outlet_count=1)  # as assemble counts it (tested below)
    side_stories = tuple(Topic(id=90 + n, label=f"Side story {n}", weight=0.0, members=()) for n in range(2))
    fewer = replace(one_unknown, sections=one_unknown.sections[:1], topics=(*brief.topics[:1], *side_stories))
    for fmt in ("html", "md", "txt"):
        text = render(fewer, fmt)
        assert "2 reports, 1 known outlet" in text, fmt
        assert "2 outlets" not in text, fmt
        assert "1 of 3 topics" in text, fmt
    html = render(fewer, "html")
    assert "grouped into 3 topics" in html and "The brief shows 1 of these topics" in html and "lists all 3" in html
    assert "2 reports, 2 outlets" in render(brief, "md")  # every outlet known: no "known" needed


def header_lines(brief) -> dict[str, str]:
    """The line under the title in the page, the Markdown, the text and the mail, tags removed and
    the text's " - " separators read as the others' " · "."""
    from briefing.deliver.email import email_html

    def untagged(html: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", "", html).split())

    page = re.search(r'<p class="meta">(.*?)</p>', render(brief, "html"), flags=re.S).group(1)
    mail = re.search(r'<p class="meta"[^>]*>(.*?)</p>', email_html(brief), flags=re.S).group(1)
    return {"html": untagged(page), "md": render(brief, "md").split("\n")[2],
            "txt": render(brief, "txt").split("\n")[1].replace(" - ", " · "), "email": untagged(mail)}


def test_the_page_markdown_text_and_mail_give_the_header_the_context_makes(brief):
    """Coverage and topic count are made once (`brief_coverage`, `topics_shown`), so the four
    templates, and a theme of the user's own, say them in the same words."""
    from dataclasses import replace

    from briefing.deliver.daily import empty_brief
    from briefing.model import Topic
    from briefing.options import BuildOptions
    from briefing.renderers import template_context

    side_stories = tuple(Topic(id=90 + n, label=f"Side story {n}", weight=0.0, members=()) for n in range(2))
    one_unknown = replace(with_source_extras(brief), outlet_count=1)  # an unknown outlet and hidden topics
    fewer = replace(one_unknown, sections=one_unknown.sections[:1], topics=(*brief.topics[:1], *side_stories))
    none_known = replace(brief, outlet_count=0, sources=tuple(replace(s, outlet=None) for s in brief.sources))
    empty = empty_brief("2026-11-21", None, BuildOptions(), None)
    assert len(brief.sections) == len(brief.topics) == 1  # every topic shown
    cases = [(fewer, "2 reports, 1 known outlet", "1 of 3 topics"), (brief, "2 reports, 2 outlets", "1 topic"),
             (none_known, "2 reports, outlets unknown", "1 topic"), (empty, "no reports", "")]
    for case, coverage, topics in cases:
        context = template_context(case, RenderOptions())
        assert (context["brief_coverage"], context["topics_shown"]) == (coverage, topics)
        header = f"{coverage} · {topics}" if topics else coverage
        lines = header_lines(case)
        assert len(set(lines.values())) == 1, lines
        assert lines["html"].endswith(f" · {header}") and lines["html"].count("·") == header.count("·") + 1, lines


def test_reports_of_several_days_head_the_brief_with_the_span_and_one_day_stays_one_date(brief):
    """996 reports of 2013 to 2018 were headed "18 July 2018" alone; `date` stays the latest day (the daily
    archive files by it, and themes show `brief.date`), `first_date` is the earliest."""
    from dataclasses import replace

    from briefing.deliver.email import default_subject
    from briefing.renderers import template_context

    assert (brief.first_date, brief.date) == ("2024-05-01", "2024-05-02")  # small_brief's two reports
    span = "1–2 May 2024"  # one month: the month and year once
    assert template_context(brief, RenderOptions())["brief_dates"] == span
    assert all(line.startswith(f"{span} · ") for line in header_lines(brief).values()), header_lines(brief)
    assert ('<span class="brief-date"><time datetime="2024-05-01">1</time>–'
            '<time datetime="2024-05-02">2 May 2024</time></span>') in render(brief, "html")  # the PDF's header too
    assert default_subject(brief).startswith(f"Brief, {span}: ")
    one_day = replace(brief, first_date="2024-05-02")
    assert all(line.startswith("2 May 2024 · ") for line in header_lines(one_day).values())
    assert '<time class="brief-date" datetime="2024-05-02">2 May 2024</time>' in render(one_day, "html")


@pytest.mark.parametrize("first, last, shown", [
    ("2017-04-04", "2017-04-06", "4–6 April 2017"),
    ("2017-03-30", "2017-04-06", "30 March – 6 April 2017"),
    ("2016-12-30", "2017-01-02", "30 December 2016 – 2 January 2017"),
    ("2017-04-06", "2017-04-06", "6 April 2017"),
    (None, "2017-04-06", "6 April 2017"),
])
def test_a_span_of_dates_names_its_month_and_year_once_when_they_are_shared(brief, first, last, shown):
    """"4 April 2017 – 6 April 2017" read long; every format and the mail's subject say it alike."""
    from dataclasses import replace

    from briefing.deliver.email import default_subject
    from briefing.renderers.filters import date_span

    assert date_span(first, last) == shown
    spanned = replace(brief, first_date=first, date=last)
    assert all(line.startswith(f"{shown} · ") for line in header_lines(spanned).values()), header_lines(spanned)
    assert default_subject(spanned).startswith(f"Brief, {shown}: ")


def test_a_brief_json_from_before_first_date_still_renders_and_mails(brief, tmp_path):
    import json

    from briefing.model import Brief

    data = json.loads(json.dumps(brief.to_dict()))
    del data["first_date"]
    old = Brief.from_dict(data)
    # its sources' dates still give the span (an audit found an older JSON shown with its last day only)
    assert old.first_date == "2024-05-01" and old.date == "2024-05-02"
    assert all(line.startswith("1–2 May 2024 · ") for line in header_lines(old).values())
    (tmp_path / "brief.json").write_text(json.dumps(data))
    code, out, err = run("email", tmp_path / "brief.json", "--to", "a@example.org", "--dry-run")
    assert code == 0 and "Subject: Brief, =?utf-8?q?1=E2=80=932?= May 2024: " in out, err  # "1–2 May 2024"
    for source in data["sources"]:
        source["date"] = None
    assert Brief.from_dict(data).first_date is None  # no dated source: one day, as before


def test_a_theme_that_shows_brief_date_keeps_working(brief, tmp_path):
    (tmp_path / "brief.md.j2").write_text("{{ brief.date | long_date }}\n")
    assert render(brief, "md", RenderOptions(templates=(str(tmp_path),))).strip() == "2 May 2024"


def test_outlet_count_counts_known_outlets_only():
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents

    documents = [make_document(text, id=f"r{n}", outlet=(None, "Daily Wire", "Daily Wire")[n]) for n, text in
                 enumerate([*REPORTS, REPORTS[0].replace("Monday", "Sunday")])]
    progress: list[str] = []
    brief = brief_documents(documents, BuildOptions().validate(), FakeEmbedder(), progress=progress.append)
    assert brief.report_count == 3 and brief.outlet_count == 1
    assert progress[0].startswith("read 3 reports (1 known outlet), ")


def test_a_brief_of_no_reports_says_so_and_shows_no_empty_parts():
    from briefing.deliver.daily import empty_brief
    from briefing.options import BuildOptions

    empty = empty_brief("2026-11-21", None, BuildOptions(), None)
    for fmt in ("html", "md", "txt"):
        text = render(empty, fmt)
        assert "There were no reports to brief on." in text, fmt
        assert "no reports" in text.split("There were")[0], fmt
        for nothing in ("0 reports", "0 outlets", "0 topics", "0 sentences", "Sources", "SOURCES"):
            assert nothing not in text, (fmt, nothing)
        assert empty.generated.model not in text, fmt  # no model was used


# -- a theme's own files in the web page ------------------------------------------------------

def test_the_web_page_carries_the_theme_files_it_refers_to(brief, tmp_path):
    import base64

    from tests.test_render_pdf import png_bytes

    theme, outside = tmp_path / "theme", tmp_path / "outside"
    theme.mkdir()
    outside.mkdir()
    logo = png_bytes()
    (theme / "logo.png").write_bytes(logo)
    (theme / "fonts").mkdir()
    (theme / "fonts" / "house.woff2").write_bytes(b"wOF2 not really")
    (outside / "secret.png").write_bytes(b"secret")
    (theme / "link.png").symlink_to(outside / "secret.png")
    (theme / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block style %}{{ super() }}\n@font-face { font-family: House; src: url(fonts/house.woff2); }{% endblock %}\n'
        '{% block header %}<img class="logo" src="logo.png" alt="ACME"><img src="link.png" alt="symlink">'
        '<img src="../outside/secret.png" alt="outside"><img src="https://example.org/r.png" alt="remote">'
        '<img src="missing.png" alt="missing">{{ super() }}{% endblock %}\n')
    warnings: list[str] = []
    html = render(brief, "html", RenderOptions(templates=(str(theme),), extra={"warn": warnings.append}))
    assert f'<img class="logo" src="data:image/png;base64,{base64.b64encode(logo).decode()}" alt="ACME">' in html
    assert 'url("data:font/woff2;base64,' + base64.b64encode(b"wOF2 not really").decode() + '")' in html
    for left_as_it_is in ('src="link.png"', 'src="../outside/secret.png"', 'src="https://example.org/r.png"',
                          'src="missing.png"'):
        assert left_as_it_is in html  # nothing from outside the theme goes in, nothing remote is fetched
    assert base64.b64encode(b"secret").decode() not in html
    assert any("missing.png" in w for w in warnings)
    assert render(brief, "html") == render(brief, "html", RenderOptions(templates=(str(tmp_path / "outside"),)))


def test_report_text_that_looks_like_a_reference_stays_as_it_is(brief, tmp_path):
    from dataclasses import replace

    (tmp_path / "logo.png").write_bytes(b"png")
    section = brief.sections[0]
    text = 'The leaflet said <img src="logo.png"> and url(logo.png) in red.'
    sneaky = replace(brief, sections=(replace(section, statements=(replace(section.statements[0], text=text),
                                                                    *section.statements[1:])), *brief.sections[1:]))
    html = render(sneaky, "html", RenderOptions(templates=(str(tmp_path),)))
    assert "data:" not in html
    assert "&lt;img src=&#34;logo.png&#34;&gt; and url(logo.png) in" in html


def test_a_brief_of_undated_reports_says_so_instead_of_passing_off_the_day_it_was_made():
    """An audit found 4 undated reports headed '22 November 2026', read as the day of the events."""
    from dataclasses import replace

    brief = small_brief()
    undated = replace(brief, first_date=None, date="2026-11-22",
                      sources=tuple(replace(source, date=None) for source in brief.sources))
    for fmt in ("md", "txt"):
        assert "undated reports, made 22 November 2026" in render(undated, fmt)
    assert "undated reports, made <time" in render(undated, "html")
    assert "undated" not in render(brief, "md").split("\n\n")[1]  # dated reports: their dates, as before
