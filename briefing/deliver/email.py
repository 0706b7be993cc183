"""The mail of a brief: `multipart/alternative` with the `txt` format as its plain part and
`email.html.j2` (CSS inlined, nothing fetched) as its HTML part; `multipart/mixed` when the PDF
goes along. `compose()` makes the message; `message_bytes()` is exactly what is sent or saved.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import json
import re
import socket
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from ..errors import BriefingError, InputError, TemplateError
from ..model import Brief

EMAIL_TEMPLATE = "email.html.j2"
MAX_SUBJECT = 110  # characters; past this most clients cut the subject anyway
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+$")


@dataclass(frozen=True)
class MailOptions:
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    sender: str | None = None  # the From address (default: briefing@this host)
    subject: str | None = None  # default: the date and the top topics (`default_subject`)
    attach_pdf: bool = False

    def validate(self, names: tuple[str, str, str] = ("--to", "--cc", "--from")) -> MailOptions:
        """`names`: what the user called To, Cc and From (`build`'s --email-to, the config's to)."""
        to_name, cc_name, from_name = names
        if not self.to:
            raise BriefingError(f"{to_name}: give at least one address, as in {to_name} desk@example.org")
        for flag, addresses in ((to_name, self.to), (cc_name, self.cc),
                                (from_name, (self.sender,) if self.sender else ())):
            for address in addresses:
                _name, addr = email.utils.parseaddr(address)
                if not _ADDRESS.match(addr or ""):
                    raise BriefingError(f"{flag} {address!r}: not a mail address")
        return self


def load_brief(path: str | Path) -> tuple[Brief, Path]:
    """A brief from its JSON, or from the folder `build` wrote (its brief.json); also that folder."""
    brief, source, _data = read_brief(path)
    return brief, source.parent


def read_brief(path: str | Path) -> tuple[Brief, Path, dict]:
    """A brief from its JSON, or from the folder `build` wrote (its brief.json); also the JSON file
    it was read from and the JSON itself (its `rendered_with`: the look it was rendered with)."""
    if not str(path).strip():  # Path("") is the current folder: an empty name is a slip, not a choice
        raise InputError("BRIEF is empty: name a brief's JSON file, or the folder `briefing build` or "
                         "`briefing render` wrote")
    target = Path(path)
    if target.is_dir():
        target = target / "brief.json"
        if not target.is_file():
            raise InputError(f"{path}: the folder has no brief.json (`briefing build` writes it unless --format "
                             f"leaves json out; `briefing render -o` writes it into another folder)")
    elif not target.is_file():
        raise InputError(f"{path}: no such file or folder")
    from ..brief_check import BriefError, check_brief_data

    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{target}: not a brief's JSON (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{target}: not a brief's JSON (not JSON: {error})") from None
    except OSError as error:
        raise InputError(f"{target}: cannot be read ({error.strerror or error})") from None
    try:
        check_brief_data(data)  # an edited JSON: one line naming the key, not a TypeError from the model
    except BriefError as error:
        raise BriefError(f"{target}: {error}") from None
    try:
        return Brief.from_dict(data), target, data
    except (ValueError, TypeError, KeyError) as error:  # what the check above does not foresee
        raise InputError(f"{target}: not a brief's JSON ({type(error).__name__}: {error})") from None


def default_subject(brief: Brief) -> str:
    """'Brief, 3 November 2017: Deir ez-Zor capture; Race to Al Bukamal' (as many topics as fit)."""
    from ..renderers.filters import date_span

    head = f"Brief, {date_span(brief.first_date, brief.date)}"
    if brief.news is not None and brief.news.no_new_reports:
        return f"{head}: no new reports"
    from ..renderers import shown_sections

    # a line break in a header would end it; an emptied section is not shown, nor named here
    labels = [" ".join(s.label.split()) for s in shown_sections(brief.sections)]
    subject = head
    for count, label in enumerate(labels):
        candidate = f"{head}: {'; '.join(labels[:count + 1])}"
        if len(candidate) > MAX_SUBJECT and count:
            break
        subject = candidate
    return subject


def email_html(brief: Brief, render_options=None) -> str:
    """The HTML part: `email.html.j2` from the template folders, with every style inlined."""
    import css_inline

    from ..renderers import RenderOptions, template_context
    from ..renderers.environment import make_environment, render_template

    options = render_options or RenderOptions()
    html = render_template(make_environment(options.templates), EMAIL_TEMPLATE,
                           template_context(brief, options) | {"for_email": True})
    if re.search(r"<\s*(script|link|iframe|object)\b", html, re.IGNORECASE):
        raise TemplateError(f"{EMAIL_TEMPLATE}: a mail must not hold <script>, <link>, <iframe> or <object>")
    # keep_at_rules leaves @media in one <style> for the clients that honour it
    inliner = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True, keep_link_tags=False)
    try:
        return inliner.inline(html)
    except (css_inline.InlineError, ValueError) as error:
        raise TemplateError(f"{EMAIL_TEMPLATE}: CSS cannot be inlined: {error}") from None


def compose(brief: Brief, mail: MailOptions, render_options=None, pdf: bytes | None = None,
            now: dt.datetime | None = None) -> EmailMessage:
    """The whole message. `pdf` is attached when given (or rendered when `mail.attach_pdf` asks)."""
    from ..renderers import RenderOptions, render

    mail = mail.validate()
    options = render_options or RenderOptions()
    sender = mail.sender or f"briefing@{_hostname()}"
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = ", ".join(mail.to)
    if mail.cc:
        message["Cc"] = ", ".join(mail.cc)
    message["Subject"] = mail.subject or default_subject(brief)
    message["Date"] = email.utils.format_datetime((now or dt.datetime.now(dt.timezone.utc)).astimezone())
    message["Message-ID"] = email.utils.make_msgid("briefing", domain=_domain(sender))
    message["MIME-Version"] = "1.0"
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a cron job
    message["X-Mailer"] = f"briefing {brief.generated.version}"
    text = render(brief, "txt", options)
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(email_html(brief, options), subtype="html", charset="utf-8", cte="quoted-printable")
    if pdf is None and mail.attach_pdf:
        pdf = render(brief, "pdf", options)
    if pdf is not None:
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"brief-{brief.date}.pdf")
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The exact bytes sent, saved by --eml and printed by --dry-run (CRLF line ends)."""
    return message.as_bytes(policy=email.policy.SMTP)


def recipients(message: EmailMessage) -> list[str]:
    fields = message.get_all("To", []) + message.get_all("Cc", [])
    return [addr for _name, addr in email.utils.getaddresses(fields)]


def envelope_sender(message: EmailMessage) -> str:
    return email.utils.parseaddr(str(message["From"]))[1]


def _hostname() -> str:
    return (socket.gethostname() or "localhost").strip(".") or "localhost"


def _domain(address: str) -> str:
    addr = email.utils.parseaddr(address)[1]
    return addr.rpartition("@")[2] or _hostname()
