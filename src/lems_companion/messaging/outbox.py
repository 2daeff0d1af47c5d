"""Outbound e-mail: compose a message with text and HTML parts and send it through SMTP.

Standard library only (``email`` and ``smtplib``). ``LEMS_SMTP_URL`` chooses how:
``smtp://host:25`` (plain), ``smtp+starttls://user:pass@host:587`` (upgraded with STARTTLS) or
``smtps://user:pass@host:465`` (TLS from the start). With no URL set, a message is printed on
standard output in full and only its kind and Message-ID go to the log, which never holds an
address or a link token (logs.py). Messages carry no tracking: no pixels, no rewritten links.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from functools import cache
from urllib.parse import unquote, urlsplit

from lems_companion.logs import log_event
from lems_companion.settings import Settings

mail_log = logging.getLogger("lems_companion.mail")
# Long enough for a slow server, short enough to end well inside a job's lease.
SMTP_TIMEOUT_SECONDS = 30.0
DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


class MailError(Exception):
    """A message that cannot be sent (bad settings, refused by the server)."""


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """Where and how to hand mail over, parsed from ``LEMS_SMTP_URL``."""

    scheme: str
    host: str
    port: int
    username: str | None
    password: str | None


def parse_smtp_url(url: str) -> SmtpServer:
    """Return the server named by an smtp://, smtp+starttls:// or smtps:// URL; MailError else."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise MailError("LEMS_SMTP_URL must look like smtp+starttls://user:pass@host:587")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise MailError("LEMS_SMTP_URL has a port that is not a number") from None
    return SmtpServer(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def new_message_id(settings: Settings) -> str:
    """Return a new Message-ID in the domain of the From address."""
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


def compose(
    settings: Settings,
    *,
    to: str,
    subject: str,
    text: str,
    html: str,
    message_id: str | None = None,
    when: datetime | None = None,
) -> EmailMessage:
    """Return a message with a plain-text part and an HTML alternative, a Date and a
    Message-ID (given, so that a message sent again keeps its id and can be recognised)."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = Address(addr_spec=to)
    message["Subject"] = subject
    message["Date"] = format_datetime(when or datetime.now(UTC))
    message["Message-ID"] = message_id or new_message_id(settings)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


@cache
def _tls_context() -> ssl.SSLContext:
    """Return the TLS settings for the mail server: certificates checked against the system's
    authorities. Made once: loading them costs more than sending a message."""
    return ssl.create_default_context()


def send(settings: Settings, message: EmailMessage, *, kind: str) -> None:
    """Send the message through the configured SMTP server; print it when none is set.

    Raises MailError (or an OSError / smtplib error) when the server refuses or cannot be
    reached; the job that called it is then retried."""
    if settings.smtp_url is None:
        print(f"--- e-mail not sent (LEMS_SMTP_URL is not set) ---\n{message}", flush=True)
        sys.stdout.flush()
        log_event(mail_log, "mail_printed", kind=kind, message_id=str(message["Message-ID"]))
        return
    server = parse_smtp_url(settings.smtp_url)
    client: smtplib.SMTP
    if server.scheme == "smtps":
        client = smtplib.SMTP_SSL(
            server.host, server.port, timeout=SMTP_TIMEOUT_SECONDS, context=_tls_context()
        )
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=SMTP_TIMEOUT_SECONDS)
    with client:
        if server.scheme == "smtp+starttls":
            client.starttls(context=_tls_context())
        if server.username:
            client.login(server.username, server.password or "")
        refused = client.send_message(message)
    if refused:
        raise MailError(f"the server refused {len(refused)} recipient(s)")
    log_event(mail_log, "mail_sent", kind=kind, message_id=str(message["Message-ID"]))
