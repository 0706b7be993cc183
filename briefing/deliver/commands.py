"""The delivery commands of the CLI: `email`, `daily`, `init-config`, and the mail flags of `build`.

Kept out of cli.py so that it stays a short table of commands. Only argparse is imported at
module level: `briefing --help` must stay light; the work is imported inside each command.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TextIO

from ..arguments import port_number
from ..errors import EXIT_OK, BriefingError

CREDENTIALS_NOTE = ("The SMTP user and password come only from the environment: BRIEFING_SMTP_USER and "
                    "BRIEFING_SMTP_PASSWORD (never from the command line).")


def add_smtp_flags(group) -> None:
    group.add_argument("--smtp-host", default=None, metavar="HOST", help="SMTP server (default: localhost)")
    group.add_argument("--smtp-port", default=None, type=port_number, metavar="PORT",
                       help="SMTP port (default: 25, 587 or 465 by security)")
    group.add_argument("--smtp-security", default=None, choices=("none", "starttls", "ssl"),
                       help="none, starttls or ssl (default: starttls)")
    group.add_argument("--smtp-cafile", default=None, metavar="FILE",
                       help="CA certificates to trust for the server instead of the system's")


def add_build_mail_flags(build: argparse.ArgumentParser) -> None:
    mail = build.add_argument_group("mail the brief once it is written", CREDENTIALS_NOTE)
    mail.add_argument("--email-to", nargs="+", action="extend", default=[], metavar="ADDR",
                      help="mail the brief to these addresses")
    mail.add_argument("--email-cc", nargs="+", action="extend", default=[], metavar="ADDR", help="copy to")
    mail.add_argument("--email-from", default=None, metavar="ADDR", help="the From address")
    mail.add_argument("--email-subject", default=None, metavar="TEXT",
                      help="subject (default: the date and the top topics)")
    mail.add_argument("--attach-pdf", action="store_true", help="attach the PDF to the mail")
    add_smtp_flags(mail)


def add_delivery_commands(commands) -> None:
    email = commands.add_parser("email", help="mail a brief (its JSON, or the folder build wrote)",
                                description="Mail a brief as HTML with a plain-text part, optionally with its "
                                            "PDF. " + CREDENTIALS_NOTE)
    email.add_argument("brief", metavar="BRIEF", help="a brief's JSON file, or the folder `build`, `render -o` "
                                                      "or `daily` wrote")
    email.add_argument("--to", nargs="+", action="extend", default=[], metavar="ADDR", help="recipients")
    email.add_argument("--cc", nargs="+", action="extend", default=[], metavar="ADDR", help="copy to")
    email.add_argument("--from", dest="sender", default=None, metavar="ADDR",
                       help="the From address (default: briefing@this host)")
    email.add_argument("--subject", default=None, metavar="TEXT", help="subject (default: the date and the top topics)")
    email.add_argument("--attach-pdf", action="store_true",
                       help="attach the PDF (the one beside the JSON, brief.pdf for brief.json, else rendered)")
    email.add_argument("--eml", default=None, metavar="FILE", help="write the message to FILE instead of sending it")
    email.add_argument("--dry-run", action="store_true", help="print the message instead of sending it")
    email.add_argument("--config", default=None, metavar="FILE",
                       help="take recipients and SMTP settings from this config file's [email]")
    email.add_argument("--templates", action="append", default=[], metavar="DIR",
                       help="a template folder searched before the packaged theme (email.html.j2 is the mail; "
                            "repeatable; default: those the brief was rendered with)")
    email.add_argument("-q", "--quiet", action="store_true", help="print no progress, only warnings and errors")
    add_smtp_flags(email)
    email.set_defaults(run=run_email)

    daily = commands.add_parser("daily", help="the daily brief: new reports, archive, mail",
                                description="Make the day's brief of the reports that are new since the last "
                                            "one, file it under OUTDIR/YYYY-MM-DD/, update OUTDIR/index.html and "
                                            "mail it if the config has [email]. " + CREDENTIALS_NOTE)
    daily.add_argument("--config", required=True, metavar="FILE", help="the TOML config (see briefing init-config)")
    daily.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the day to brief (default: today)")
    daily.add_argument("--since", default=None, metavar="YYYY-MM-DD",
                       help="take the reports published since this date, not those new since the last brief")
    daily.add_argument("--force", action="store_true", help="mail again even if this day's brief was mailed")
    daily.add_argument("-q", "--quiet", action="store_true", help="print no progress, only warnings and errors")
    daily.set_defaults(run=run_daily)

    init = commands.add_parser("init-config", help="write a commented example config for `briefing daily`",
                               description="Write a commented example config for `briefing daily`.")
    init.add_argument("path", nargs="?", default="briefing.toml", metavar="FILE",
                      help="where to write it (default: briefing.toml)")
    init.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    init.set_defaults(run=run_init_config)


def smtp_settings(args: argparse.Namespace, email_config=None):
    """The flags first, then the config file's [email], then the defaults."""
    from .smtp import SmtpSettings

    base = email_config.smtp() if email_config else SmtpSettings()
    chosen = {"host": args.smtp_host, "port": args.smtp_port, "security": args.smtp_security,
              "cafile": args.smtp_cafile}
    return dataclasses.replace(base, **{k: v for k, v in chosen.items() if v is not None}).validate()


def mail_after_build(args: argparse.Namespace, brief, pdf: bytes | None, render_options, progress) -> None:
    """`build --email-to`: called once every file is on disk, so a failed mail loses nothing."""
    if not args.email_to:
        return
    from .email import MailOptions, compose
    from .smtp import send

    mail = MailOptions(to=tuple(args.email_to), cc=tuple(args.email_cc), sender=args.email_from,
                       subject=args.email_subject, attach_pdf=args.attach_pdf)
    settings = smtp_settings(args)
    message = compose(brief, mail, render_options, pdf=pdf if args.attach_pdf else None)
    send(message, settings, progress=progress)


def check_build_mail(args: argparse.Namespace) -> None:
    """Mistakes in the mail flags fail before the brief is built, not after."""
    if args.email_to:
        from .email import MailOptions

        MailOptions(to=tuple(args.email_to), cc=tuple(args.email_cc), sender=args.email_from).validate(
            names=("--email-to", "--email-cc", "--email-from"))
        smtp_settings(args)


def run_email(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..renderers import RenderOptions
    from ..renderers.look import PATH_FLAGS, look_from, without_paths
    from .email import MailOptions, compose, message_bytes, read_brief
    from .news import news_templates

    email_config = None
    if args.config:
        from ..config import load_config

        email_config = load_config(args.config).email
        if email_config is None:
            raise BriefingError(f"--config {args.config}: the config has no [email] section")
    brief, source, data = read_brief(args.brief)
    from ..brief_check import edit_warnings

    for line in edit_warnings(brief):
        print(f"briefing: warning: {source}: {line}", file=err)
    def warn(line: str) -> None:
        print(f"briefing: warning: {line}", file=err)

    # the brief's own page size and citation marks; its templates and CSS only when named again (--templates)
    look = look_from(data, warn)
    look = without_paths(look if not args.templates else {k: v for k, v in look.items() if k not in PATH_FLAGS},
                         warn)
    mail = MailOptions(
        to=tuple(args.to) or (email_config.to if email_config else ()),
        cc=tuple(args.cc) or (email_config.cc if email_config else ()),
        sender=args.sender or (email_config.sender if email_config else None), subject=args.subject,
        attach_pdf=args.attach_pdf or bool(email_config and email_config.attach_pdf)).validate()
    sending = not (args.eml or args.dry_run)
    settings = smtp_settings(args, email_config) if sending else None
    pdf_path = source.with_suffix(".pdf")  # out/edited.json's PDF is out/edited.pdf, not the build's brief.pdf
    pdf = pdf_path.read_bytes() if mail.attach_pdf and pdf_path.is_file() else None
    options = RenderOptions(templates=news_templates(tuple(args.templates or look.get("templates", ()))),
                            css=tuple(look.get("css", ())), page_size=look.get("page_size", "a4"),
                            max_citations=look.get("max_citations", 6))
    message = compose(brief, mail, options, pdf=pdf)
    if not sending:
        data = message_bytes(message)
        if args.eml:
            from ..writing import write_atomic

            write_atomic(Path(args.eml), data)
            print(f"wrote {args.eml} ({len(data) / 1024:.0f} KB); nothing sent", file=err)
        if args.dry_run:
            out.write(data.decode("utf-8", "replace"))
        return EXIT_OK
    from .smtp import send

    send(message, settings, progress=lambda line: None if args.quiet else print(f"briefing: {line}", file=err))
    print(f"mailed {args.brief} to {', '.join(mail.to + mail.cc)}", file=out)
    return EXIT_OK


def run_daily(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..config import load_config
    from ..wording import plural
    from .daily import run_daily as daily

    config = load_config(args.config)

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"briefing: {message}", file=err, flush=True)

    def warn(message: str) -> None:
        print(f"briefing: warning: {message}", file=err, flush=True)

    result = daily(config, date=args.date, force=args.force, since=args.since, progress=progress, warn=warn)
    for path in result.written:
        print(f"wrote {path}", file=out)
    print(f"brief of {result.date}: {plural(result.report_count, 'new report')}, "
          f"{plural(result.new_count, 'new statement')}; "
          f"mail: {result.mail_note}", file=out)
    return EXIT_OK


def run_init_config(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..config import EXAMPLE
    from ..writing import write_atomic

    path = Path(args.path)
    if path.exists() and not args.force:
        raise BriefingError(f"{path} exists (--force overwrites it)")
    write_atomic(path, EXAMPLE)
    print(f"wrote {path}: edit [sources], [output] and [email], then run: briefing daily --config {path}", file=out)
    return EXIT_OK
