"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the mail tests: plain, STARTTLS or SSL, with AUTH,
and a script of answers to give to DATA before accepting ("451 ..." twice, then 250)."""

from __future__ import annotations

import contextlib
import socket
import ssl
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "analyst", "s3cret-Pa55-do-not-print"


@dataclass
class Handler:
    answers: list[str] = field(default_factory=list)  # given to DATA in turn before accepting
    received: list = field(default_factory=list)  # envelopes accepted
    attempts: int = 0  # DATA commands seen

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.answers:
            return self.answers.pop(0)
        self.received.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self):
        return [BytesParser(policy=policy.default).parsebytes(e.original_content or e.content) for e in self.received]


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() \
        and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SSLController(Controller):
    """Controller's readiness probe does not speak TLS; probe with a client context instead."""

    def __init__(self, *args, client_context, **kwargs):
        super().__init__(*args, **kwargs)
        self._client_context = client_context

    def _trigger_server(self):
        with socket.create_connection((self.hostname, self.port), 1.0) as raw, \
                self._client_context.wrap_socket(raw, server_hostname=self.hostname) as s:
            s.recv(1024)


@contextlib.contextmanager
def smtp_server(security: str = "none", auth: bool = False, answers=(), certificate=None):
    """Yield (handler, port). `certificate`: a (trustme CA, CA file path) pair for starttls / ssl."""
    handler = Handler(answers=list(answers))
    port = free_port()
    kwargs = dict(hostname="127.0.0.1", port=port, ready_timeout=10)
    if auth:
        # aiosmtpd does not count implicit TLS as TLS for AUTH, hence auth_require_tls only for starttls;
        # its LOGIN does not take smtplib's initial response after a failed PLAIN: offer PLAIN only
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=security == "starttls",
                      auth_exclude_mechanism=["LOGIN"])
    server_context = None
    if security != "none":
        ca, _cafile = certificate
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
    if security == "starttls":
        controller = Controller(handler, tls_context=server_context, require_starttls=True, **kwargs)
    elif security == "ssl":
        client = ssl.create_default_context()
        ca.configure_trust(client)
        controller = _SSLController(handler, ssl_context=server_context, client_context=client, **kwargs)
    else:
        controller = Controller(handler, **kwargs)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()
