"""The mail of a brief, sent to a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email.utils
import io
import re
from email import policy
from email.parser import BytesParser
from html.parser import HTMLParser

import pytest
from conftest import ROOT, FakeEmbedder
from smtp_server import PASSWORD, USER, smtp_server

from briefing.cli import main

# aiosmtpd warns about AUTH without STARTTLS even when the whole connection is TLS (security "ssl")
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

SAMPLE = ROOT / "samples" / "seeds"  # the seeds brief as `make brief` writes it (json, html, pdf, md)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def fake_brief():
    """The seeds brief made with the fake embedder, with a non-ASCII title (fast)."""
    from briefing.ingest import load_documents
    from briefing.options import BuildOptions
    from briefing.pipeline import brief_documents

    documents = load_documents([str(ROOT / "seeds")])
    return brief_documents(documents, BuildOptions(title="Dayr az-Zawr — Lage, Überblick"), FakeEmbedder())


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cafile = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    return ca, cafile


@pytest.fixture
def no_wait(monkeypatch):
    """Retries happen, but without sleeping; the waits asked for are recorded."""
    waits = []
    monkeypatch.setattr("briefing.deliver.smtp._sleep", waits.append)
    return waits


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_USER", USER)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids, self.tags = [], set(), set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag == "a" and attrs.get("class") == "cite":
            self.hrefs.append(attrs["href"])
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])


def parts(message):
    alternative = next(p for p in message.walk() if p.get_content_type() == "multipart/alternative")
    text, html = alternative.get_payload()
    return text, html


def check_html_part(html: str, brief_sources: int) -> None:
    links = Links()
    links.feed(html)
    assert "script" not in links.tags and "link" not in links.tags and "img" not in links.tags
    assert 'style="' in html and re.search(r'<td class="masthead" style="[^"]*padding', html)
    assert re.search(r'<table[^>]*width="600"', html)
    assert links.hrefs, "citation links"
    for href in links.hrefs:  # every citation leads to its source: an anchor in the mail, or a URL
        assert href.startswith(("http://", "https://")) or href[1:] in links.ids, href
    assert {f"source-{n}" for n in range(1, brief_sources + 1)} <= links.ids
    assert "http://" not in re.sub(r'href="[^"]*"', "", html).replace("http://www.w3.org", "")


def test_message_parts_headers_and_size(fake_brief):
    from briefing.deliver.email import MailOptions, compose, message_bytes
    from briefing.renderers import render

    message = compose(fake_brief, MailOptions(to=("Zoë Analyst <zoe@example.org>",), cc=("desk@example.org",),
                                              sender="Briefing <brief@example.org>"))
    data = message_bytes(message)
    assert len(data) < 100_000
    assert all(byte < 128 for byte in data), "7-bit clean: UTF-8 goes in encoded words and quoted-printable"
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    assert parsed.get_content_type() == "multipart/alternative"
    assert parsed["Subject"].startswith(f"Brief, {int(fake_brief.date[8:])} ")
    assert fake_brief.sections[0].label in parsed["Subject"]
    assert str(parsed["To"]) == "Zoë Analyst <zoe@example.org>" and parsed["Cc"] == "desk@example.org"
    assert email.utils.parsedate_to_datetime(parsed["Date"]).tzinfo is not None
    assert re.fullmatch(r"<[^@<>]+@example\.org>", parsed["Message-ID"])
    text, html = parts(parsed)
    assert text.get_content_type() == "text/plain" and text.get_content_charset() == "utf-8"
    assert text.get_content().replace("\r\n", "\n") == render(fake_brief, "txt")
    assert "DAYR AZ-ZAWR — LAGE, ÜBERBLICK" in text.get_content()
    assert "Überblick" in html.get_content()
    if fake_brief.timeline:
        assert "Timeline" in html.get_content() and fake_brief.timeline[0].text in html.get_content()
    check_html_part(html.get_content(), len(fake_brief.sources))


def test_default_subject_names_date_and_topics(fake_brief):
    from briefing.deliver.email import default_subject

    subject = default_subject(fake_brief)
    assert subject.startswith("Brief, ") and fake_brief.date[:4] in subject
    assert all(s.label in subject for s in fake_brief.sections[:2]) and len(subject) <= 110


def test_bad_address_is_one_line_exit_2():
    code, out, err = run("email", SAMPLE, "--to", "not-an-address", "--dry-run")
    assert code == 2 and "--to 'not-an-address': not a mail address" in err and err.count("\n") == 1


def test_no_address_shows_how_to_give_one():
    code, out, err = run("email", SAMPLE, "--dry-run")
    assert code == 2 and err == "briefing: error: --to: give at least one address, as in --to desk@example.org\n"


def test_dry_run_and_eml_write_the_message_and_send_nothing(tmp_path):
    code, out, err = run("email", SAMPLE, "--to", "a@example.org", "--dry-run", "--smtp-port", "9")
    assert code == 0 and out.startswith("From: briefing@") and "multipart/alternative" in out
    eml = tmp_path / "brief.eml"
    code, _out, err = run("email", SAMPLE, "--to", "a@example.org", "--attach-pdf", "--eml", eml)
    assert code == 0 and "nothing sent" in err
    parsed = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert parsed.get_content_type() == "multipart/mixed"
    assert b"\r\n" in eml.read_bytes()


def test_plain_smtp_with_pdf_attachment(tmp_path):
    from pypdf import PdfReader

    with smtp_server("none") as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--from", "brief@example.org",
                             "--attach-pdf", "--smtp-host", "127.0.0.1", "--smtp-port", port, "--smtp-security", "none")
    assert code == 0, err
    assert len(handler.received) == 1 and handler.received[0].rcpt_tos == ["desk@example.org"]
    assert handler.received[0].mail_from == "brief@example.org"
    message = handler.messages()[0]
    assert message.get_content_type() == "multipart/mixed"
    text, html = parts(message)
    check_html_part(html.get_content(), 2)
    assert "KEY POINTS" in text.get_content()
    attachment = next(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf" and attachment.get_filename().endswith(".pdf")
    (tmp_path / "got.pdf").write_bytes(attachment.get_content())
    pdf_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "got.pdf").pages)
    assert "Deir" in pdf_text
    assert len(handler.received[0].content) < 100_000


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_with_auth_never_shows_the_password(security, certificate, credentials):
    with smtp_server(security, auth=True, certificate=certificate) as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", security, "--smtp-cafile", certificate[1])
    assert code == 0, err
    assert len(handler.received) == 1
    _text, html = parts(handler.messages()[0])
    check_html_part(html.get_content(), 2)
    assert PASSWORD not in out + err


def test_wrong_password_fails_at_once_exit_3(certificate, monkeypatch, no_wait):
    monkeypatch.setenv("BRIEFING_SMTP_USER", USER)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "wrong-" + PASSWORD)
    with smtp_server("starttls", auth=True, certificate=certificate) as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "starttls", "--smtp-cafile", certificate[1])
    assert code == 3 and err.count("\n") == 1 and "refused the login" in err
    assert no_wait == [] and handler.received == []
    assert PASSWORD not in out + err


def test_untrusted_certificate_fails_at_once(certificate, no_wait):
    with smtp_server("starttls", certificate=certificate) as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "starttls")
    assert code == 3 and "TLS" in err and err.count("\n") == 1 and no_wait == []


@pytest.mark.parametrize("password", ["s", "x", "server"])
def test_a_short_password_is_masked_as_a_word_not_inside_words(password, monkeypatch, no_wait):
    """A plain server without STARTTLS: the error reads as written; the password shows nowhere."""
    monkeypatch.setenv("BRIEFING_SMTP_USER", USER)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", password)
    with smtp_server("none") as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port)
    assert code == 3 and err.count("\n") == 1
    shown = "server" if password != "server" else "***"
    assert err == f"briefing: error: mail not sent: 127.0.0.1:{port}: STARTTLS extension not supported by " \
                  f"{shown}. (check smtp security)\n"


def test_redaction_masks_long_secrets_anywhere_and_short_ones_as_tokens():
    from briefing.deliver.smtp import _redact, secret_forms

    assert _redact("535 bad password s for analyst; sessions", ["s"]) == "535 bad password *** for analyst; sessions"
    assert _redact("echo: xx" + PASSWORD + "yy", [PASSWORD]) == "echo: xx***yy"
    forms = secret_forms((USER, PASSWORD))
    import base64

    echoed = base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode()
    assert _redact(f"501 cannot decode {echoed}", forms) == "501 cannot decode ***"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")  # loopback only
def test_a_non_ascii_password_fails_at_once_and_shows_none_of_itself(monkeypatch, no_wait):
    """smtplib's AUTH encodes the password as ASCII: its UnicodeEncodeError would quote the character
    and where it stands. One line, exit 3, nothing of the password."""
    password = "s3cret-Pa55\xc4-do-not-print"
    monkeypatch.setenv("BRIEFING_SMTP_USER", USER)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", password)
    with smtp_server("none", auth=True) as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "none")
    assert code == 3 and no_wait == [] and handler.received == []
    assert err == ("briefing: error: mail not sent: BRIEFING_SMTP_PASSWORD holds characters SMTP AUTH cannot "
                   "send (ASCII only)\n")


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")  # loopback only
def test_a_unicode_error_at_login_is_a_delivery_error_without_detail():
    """The login itself, should a non-ASCII secret reach it: DeliveryError, not the codec's message."""
    from briefing.deliver.smtp import SmtpSettings, _deliver
    from briefing.errors import DeliveryError

    with smtp_server("none", auth=True) as (handler, port):
        settings = SmtpSettings(host="127.0.0.1", port=port, security="none")
        with pytest.raises(DeliveryError) as caught:
            _deliver(settings, (USER, PASSWORD + "\xc4"), "a@example.org", ["desk@example.org"], b"Subject: x\r\n\r\nx")
    assert str(caught.value) == ("mail not sent: BRIEFING_SMTP_USER or BRIEFING_SMTP_PASSWORD holds characters "
                                 "SMTP AUTH cannot send (ASCII only)")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


@pytest.mark.parametrize("failure", [
    ValueError(f"cannot send {PASSWORD}"),
    UnicodeEncodeError("ascii", PASSWORD + "\xc4", len(PASSWORD), len(PASSWORD) + 1, "ordinal not in range(128)"),
])
def test_an_unforeseen_error_while_sending_is_one_line_without_the_password(failure, credentials, monkeypatch,
                                                                            no_wait):
    import smtplib

    def sendmail(self, *args, **kwargs):
        raise failure

    monkeypatch.setattr(smtplib.SMTP, "login", lambda self, user, password: (235, b"ok"))
    monkeypatch.setattr(smtplib.SMTP, "sendmail", sendmail)
    with smtp_server("none") as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "none")
    detail = "" if isinstance(failure, UnicodeError) else ": cannot send ***"
    assert code == 3 and err == (f"briefing: error: mail not sent to 127.0.0.1:{port}: unexpected "
                                 f"{type(failure).__name__}{detail}\n")


def test_password_refused_in_clear_to_a_remote_host(credentials):
    code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "mail.example.org",
                         "--smtp-security", "none")
    assert code == 3 and "unencrypted" in err and PASSWORD not in err


def test_451_twice_then_accepted_is_delivered_once(no_wait):
    with smtp_server("none", answers=["451 4.3.0 try again later"] * 2) as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "none")
    assert code == 0, err
    assert handler.attempts == 3 and len(handler.received) == 1
    assert no_wait == [2.0, 4.0]
    assert err.count("trying again") == 2


def test_550_fails_at_once_with_exit_3(no_wait):
    with smtp_server("none", answers=["550 5.7.1 relaying denied"]) as (handler, port):
        code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "none")
    assert code == 3 and handler.attempts == 1 and no_wait == []
    assert err.strip().splitlines() == [f"briefing: error: mail not sent: 127.0.0.1:{port} answered 550 5.7.1 "
                                        f"relaying denied"]


def test_connection_refused_is_retried_a_bounded_number_of_times(no_wait):
    from smtp_server import free_port

    code, out, err = run("email", SAMPLE, "--to", "desk@example.org", "--smtp-host", "127.0.0.1",
                         "--smtp-port", free_port(), "--smtp-security", "none")
    assert code == 3 and "after 4 tries" in err and no_wait == [2.0, 4.0, 8.0]
    assert err.strip().splitlines()[-1].startswith("briefing: error: mail not sent to 127.0.0.1")


def test_mail_goes_through_the_config_email_section(tmp_path):
    with smtp_server("none") as (handler, port):
        config = tmp_path / "briefing.toml"
        config.write_text(f'[sources]\npaths = ["reports"]\n[email]\nto = ["a@example.org", "b@example.org"]\n'
                          f'from = "brief@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
                          f'smtp_security = "none"\n')
        code, out, err = run("email", SAMPLE / "brief.json", "--config", config)
    assert code == 0, err
    assert handler.received[0].rcpt_tos == ["a@example.org", "b@example.org"]


@pytest.mark.slow
def test_build_with_email_to_writes_the_files_then_mails(tmp_path, no_wait):
    out_dir = tmp_path / "out"
    with smtp_server("none") as (handler, port):
        code, out, err = run("build", ROOT / "seeds", "-o", out_dir, "--cache-dir", tmp_path / "cache",
                             "--email-to", "desk@example.org", "--attach-pdf", "--smtp-host", "127.0.0.1",
                             "--smtp-port", port, "--smtp-security", "none")
    assert code == 0, err
    assert len(handler.received) == 1 and len(handler.received[0].content) < 100_000
    message = handler.messages()[0]
    assert next(message.iter_attachments()).get_content() == (out_dir / "brief.pdf").read_bytes()
    # the server is gone: the files are still written, the mail fails with exit 3
    again = tmp_path / "again"
    code, out, err = run("build", ROOT / "seeds", "-o", again, "--cache-dir", tmp_path / "cache", "--format", "html,json",
                         "--email-to", "desk@example.org", "--smtp-host", "127.0.0.1", "--smtp-port", port,
                         "--smtp-security", "none")
    assert code == 3 and (again / "brief.html").is_file() and (again / "brief.json").is_file()


def test_mail_commands_help_imports_nothing_heavy():
    import subprocess
    import sys

    code = ("import sys; from briefing.cli import main; "
            "[main([c, '--help']) for c in ('email', 'daily', 'init-config', 'build')]; "
            "heavy = [m for m in ('torch', 'weasyprint', 'numpy', 'css_inline', 'sqlite3', 'smtplib') "
            "if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("[]")
    assert "BRIEFING_SMTP_PASSWORD" in result.stdout and "--email-to" in result.stdout
