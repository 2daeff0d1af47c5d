"""A real SMTP server in the test process (aiosmtpd) and the app sending to it."""

from __future__ import annotations

import email
import email.policy
import re
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller

from lems_companion.jobs.runner import Runner
from lems_companion.messaging.service import handlers_for
from lems_companion.settings import Settings
from tests.conftest import LiveServer

BASE_URL = "https://lems.example.org"


class Inbox:
    """Every message the SMTP server accepted, parsed, in order."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if message["To"] == address]

    def clear(self) -> None:
        self.messages.clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """Yield a running SMTP server on a loopback port and its inbox."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def inbox(smtp_server: tuple[Inbox, int]) -> Inbox:
    """Return the test SMTP server's inbox, emptied for this test."""
    smtp_server[0].clear()
    return smtp_server[0]


def mail_settings(database_url: str, port: int, **extra: Any) -> Settings:
    """Return settings that send mail to the test SMTP server."""
    return Settings(
        database_url=database_url,
        emergency_number="999",
        smtp_url=f"smtp://127.0.0.1:{port}",
        mail_from="LEMS Companion <lems@lems.example.org>",
        base_url=BASE_URL,
        **{"jobs_in_process": False, **extra},
    )


@pytest.fixture(scope="session")
def mail_live_server(database_url: str, smtp_server: tuple[Inbox, int]) -> Iterator[LiveServer]:
    """Yield a server whose mail goes to the test SMTP server (jobs run by the tests)."""
    with LiveServer(mail_settings(database_url, smtp_server[1])) as server:
        yield server


@pytest.fixture
def mail_http(mail_live_server: LiveServer, db_url: str) -> Iterator[httpx.Client]:
    """Yield an HTTP client for the mail-sending server, its database emptied for this test."""
    with httpx.Client(base_url=mail_live_server.url, timeout=20) as client:
        yield client


@pytest.fixture
def run_jobs(db_url: str, smtp_server: tuple[Inbox, int]) -> Any:
    """Return a function that runs every due job, as `lems worker` would, and says how many."""
    runner = Runner(db_url, handlers_for(mail_settings(db_url, smtp_server[1])))
    return runner.run_pending


def body_of(message: EmailMessage) -> tuple[str, str]:
    """Return the plain-text and HTML parts of a message."""
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def link_in(message: EmailMessage) -> str:
    """Return the path and query of the one app link in a message (it starts with the base)."""
    text, html = body_of(message)
    links = re.findall(re.escape(BASE_URL) + r"(/[^\s\"<]*)", text)
    assert len(links) == 1, links
    assert links[0] in html.replace("&amp;", "&")
    return links[0]
