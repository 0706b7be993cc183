"""Sending a message by SMTP, with bounded retries for what may pass and none for what will not.

Host, port and security come from options or the config file. The user name and password come
ONLY from the environment (BRIEFING_SMTP_USER, BRIEFING_SMTP_PASSWORD): never from argv, where
`ps` shows them, and never into a message, a log line or an error.

Transient (retried with backoff): connection refused, reset or timed out, a dropped connection,
any 4xx answer. Permanent (fail at once): any 5xx answer, a failed login, a TLS failure, a user
name or password that is not ASCII (smtplib's AUTH PLAIN, LOGIN and CRAM-MD5 encode them as ASCII;
sending UTF-8, which RFC 4616 allows for PLAIN, would mean replacing smtplib's own AUTH exchange, and
servers differ in what they accept). An error we did not foresee is still a one-line DeliveryError,
its text masked, and a UnicodeError's text (it quotes the character and its position) left out.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage

from ..arguments import is_port
from ..errors import BriefingError, DeliveryError
from .email import envelope_sender, message_bytes, recipients

SECURITY = ("none", "starttls", "ssl")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
USER_VARIABLE = "BRIEFING_SMTP_USER"
PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int | None = None  # default: 25, 587 or 465 by security
    security: str = "starttls"  # none | starttls | ssl
    cafile: str | None = None  # CA bundle to trust instead of the system's (a private relay)
    timeout: float = 30.0  # seconds per network operation
    attempts: int = 4  # tries in all, for transient failures only
    backoff: float = 2.0  # seconds before the second try, doubled before each next one
    max_wait: float = 60.0  # cap on all the waiting between tries together

    def validate(self) -> SmtpSettings:
        if self.security not in SECURITY:
            raise BriefingError(f"smtp security must be one of {', '.join(SECURITY)}, not {self.security!r}")
        if self.port is not None and not is_port(self.port):
            raise BriefingError(f"smtp port {self.port} is not a port number")
        if not self.host:
            raise BriefingError("smtp host is empty")
        if self.attempts < 1:
            raise BriefingError("smtp attempts must be at least 1")
        return self

    @property
    def port_or_default(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]


_sleep = time.sleep  # one name for tests to replace


class _Transient(Exception):
    pass


def credentials(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    environ = os.environ if environ is None else environ
    user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
    if not user and not password:
        return None
    if not user or not password:
        missing = USER_VARIABLE if not user else PASSWORD_VARIABLE
        raise DeliveryError(f"mail not sent: {missing} is not set (set both SMTP variables, or neither)")
    for name, value in ((USER_VARIABLE, user), (PASSWORD_VARIABLE, password)):
        if not value.isascii():  # checked before connecting; never say which character or where
            raise DeliveryError(f"mail not sent: {name} holds characters SMTP AUTH cannot send (ASCII only)")
    return user, password


def send(message: EmailMessage, settings: SmtpSettings, environ: Mapping[str, str] | None = None,
         progress: Callable[[str], None] = lambda line: None, sleep: Callable[[float], None] | None = None) -> int:
    """Send `message` to its To and Cc; return the number of tries it took. Raises DeliveryError."""
    settings = settings.validate()
    sleep = sleep or _sleep
    login = credentials(environ)
    where = f"{settings.host}:{settings.port_or_default}"
    if login and settings.security == "none" and not _is_loopback(settings.host):
        raise DeliveryError(f"mail not sent: refusing to send the SMTP password unencrypted to {where} "
                            f"(use smtp security starttls or ssl)")
    secrets = secret_forms(login)
    data, to, sender = message_bytes(message), recipients(message), envelope_sender(message)
    waited, delay = 0.0, settings.backoff
    for attempt in range(1, settings.attempts + 1):
        try:
            refused = _deliver(settings, login, sender, to, data)
        except _Transient as reason:
            why = _redact(str(reason), secrets)
            if attempt == settings.attempts or waited + delay > settings.max_wait:
                raise DeliveryError(f"mail not sent to {where} after {attempt} tries: {why}") from None
            progress(f"mail: {why}; trying again in {delay:g} s")
            sleep(delay)
            waited += delay
            delay *= 2
            continue
        except DeliveryError as error:
            raise DeliveryError(_redact(str(error), secrets)) from None
        except Exception as error:  # unforeseen: still one line, and never the secret or a piece of it
            detail = "" if isinstance(error, UnicodeError) else f": {_redact(_one_line(str(error)), secrets)}"
            raise DeliveryError(f"mail not sent to {where}: unexpected {type(error).__name__}{detail}") from None
        for address, (code, text) in refused.items():
            progress(f"mail: {address} refused ({code} {_one_line(text)})")
        progress(f"mail: sent to {', '.join(a for a in to if a not in refused)} via {where}")
        return attempt
    raise AssertionError("unreachable")  # pragma: no cover


def _deliver(settings: SmtpSettings, login, sender: str, to: list[str], data: bytes) -> dict:
    where = f"{settings.host}:{settings.port_or_default}"
    try:
        context = ssl.create_default_context(cafile=settings.cafile)
    except (OSError, ssl.SSLError) as error:
        raise DeliveryError(f"mail not sent: smtp cafile {settings.cafile}: {error}") from None
    try:
        if settings.security == "ssl":
            client = smtplib.SMTP_SSL(settings.host, settings.port_or_default, timeout=settings.timeout,
                                      context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port_or_default, timeout=settings.timeout)
        with client:
            client.ehlo()
            if settings.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if login:
                try:
                    client.login(*login)
                except UnicodeError:  # its text would quote a character of the secret and its position
                    raise DeliveryError(f"mail not sent: {USER_VARIABLE} or {PASSWORD_VARIABLE} holds characters "
                                        f"SMTP AUTH cannot send (ASCII only)") from None
            return client.sendmail(sender, to, data)
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(f"mail not sent: {where} refused the login of {USER_VARIABLE} "
                            f"({error.smtp_code} {_one_line(error.smtp_error)})") from None
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        detail = "; ".join(f"{a}: {c} {_one_line(t)}" for a, (c, t) in error.recipients.items())
        if all(400 <= code < 500 for code in codes):
            raise _Transient(f"recipients refused for now ({detail})") from None
        raise DeliveryError(f"mail not sent: {where} refused the recipients ({detail})") from None
    except smtplib.SMTPResponseException as error:
        answer = f"{error.smtp_code} {_one_line(error.smtp_error)}"
        if 400 <= error.smtp_code < 500:
            raise _Transient(f"{where} answered {answer}") from None
        raise DeliveryError(f"mail not sent: {where} answered {answer}") from None
    except smtplib.SMTPNotSupportedError as error:
        raise DeliveryError(f"mail not sent: {where}: {error} (check smtp security)") from None
    except ssl.SSLError as error:
        raise DeliveryError(f"mail not sent: TLS with {where} failed: {error.reason or error}") from None
    except smtplib.SMTPServerDisconnected as error:
        raise _Transient(f"{where} closed the connection ({error or 'no reason given'})") from None
    except (ConnectionError, TimeoutError, socket.timeout) as error:
        raise _Transient(f"cannot reach {where} ({error.strerror or type(error).__name__})"
                         if isinstance(error, OSError) and error.strerror else f"cannot reach {where} ({error})") from None
    except socket.gaierror as error:
        raise _Transient(f"cannot resolve {settings.host} ({error.strerror})") from None
    except smtplib.SMTPException as error:
        raise DeliveryError(f"mail not sent: {where}: {_one_line(str(error))}") from None
    except OSError as error:
        raise _Transient(f"cannot reach {where} ({error.strerror or error})") from None


def _one_line(text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(str(text).split())


LONG_SECRET = 8  # characters; from here a secret is masked wherever it appears


def secret_forms(login: tuple[str, str] | None) -> list[str]:
    """What must never be shown: the password, and its base64 forms as AUTH PLAIN and LOGIN send it
    (a server that echoes the exchange back would otherwise show them)."""
    if not login:
        return []
    user, password = login
    plain = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
    return [password, base64.b64encode(password.encode()).decode(), plain]


def _redact(text: str, secrets: list[str]) -> str:
    """Mask each secret with ***. A long one is masked wherever it appears; a short one only where it
    stands as a whole token (not inside a word): masking the "s" of every "server" both garbles the
    message and shows the reader which letters the password is made of."""
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        if len(secret) >= LONG_SECRET:
            text = text.replace(secret, "***")
        else:
            text = re.sub(rf"(?<![^\W_]){re.escape(secret)}(?![^\W_])", "***", text)
    return text


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
