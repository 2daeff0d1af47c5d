"""Shared fixtures: a real database (SQLite and PostgreSQL), a live server, and personas.

Every database test runs once on SQLite and once on PostgreSQL. PostgreSQL tests are skipped with
a reason when no server answers, except in CI (``CI`` set), where a missing server is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
import uvicorn
from argon2 import PasswordHasher
from sqlalchemy import delete

from lems_companion.accounts import service as accounts_service
from lems_companion.accounts.service import create_user
from lems_companion.db.base import Base
from lems_companion.db.engine import get_engine, session_scope, upgrade
from lems_companion.settings import Settings
from lems_companion.web.app import create_app

# Browser fixtures (tests/e2e) and a second database with rows in every table (tests/db).
pytest_plugins = ["tests.e2e.browser", "tests.schema.tables"]

# The local server this machine runs; override to point the suite at another PostgreSQL.
POSTGRES_ADMIN_URL = os.environ.get(
    "LEMS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
PASSWORD = "correct horse battery"
REPO_ROOT = Path(__file__).resolve().parents[1]


# The app hashes passwords with argon2id at RFC 9106's low-memory cost, about 0.2 s of CPU a
# hash; the suite makes an account or signs in for most of its tests. In this process the tests
# hash with the same algorithm at its smallest cost instead (verifying reads the cost from the
# stored hash, so sign-ins are cheap too). The app's own cost is held by
# tests/accounts/test_password_timing.py, and real-process tests (tests/e2e) pay it in full.
APP_PASSWORD_HASHER = accounts_service._hasher
accounts_service._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _postgres_available() -> bool:
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Yield the URL of a migrated, empty database of each kind, made for this test run."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'lems.sqlite3'}"
        upgrade(url)
        yield url
        return
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}")
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}")
    name = f"lems_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    yield url
    get_engine(url).dispose()
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_url(database_url: str) -> str:
    """Return the database URL with every table emptied, so each test starts clean."""
    with session_scope(database_url) as db:
        for table in reversed(Base.metadata.sorted_tables):
            db.execute(delete(table))
    return database_url


@pytest.fixture
def settings(db_url: str) -> Settings:
    """Return settings pointing at the clean test database."""
    return Settings(database_url=db_url, emergency_number="999", jobs_in_process=False)


@dataclass(frozen=True)
class Persona:
    """A person with an account in the test database."""

    email: str
    password: str = PASSWORD


def make_user(db_url: str, email: str, time_zone: str = "Europe/London") -> Persona:
    """Return a persona after creating their account, its address confirmed as for accounts an
    admin makes (`lems user create`); tests/messaging signs people up unconfirmed."""
    with session_scope(db_url) as db:
        create_user(db, email=email, password=PASSWORD, time_zone=time_zone, verified=True)
    return Persona(email=email)


@pytest.fixture
def patient(db_url: str) -> Persona:
    """Return the patient whose diary the tests write."""
    return make_user(db_url, "patient@example.org")


@pytest.fixture
def stranger(db_url: str) -> Persona:
    """Return another patient, who must never see the first patient's diary."""
    return make_user(db_url, "stranger@example.org")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """The app served by uvicorn on a loopback port, in a background thread (real HTTP)."""

    def __init__(self, settings: Settings) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    """Yield a running server on the session's database (one per database kind)."""
    with LiveServer(
        Settings(database_url=database_url, emergency_number="999", jobs_in_process=False)
    ) as server:
        yield server


@pytest.fixture
def server(live_server: LiveServer, db_url: str) -> LiveServer:
    """Return the running server, its database emptied for this test."""
    return live_server


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    """Yield an HTTP client for the live server that does not follow redirects."""
    with httpx.Client(base_url=server.url, timeout=20) as client:
        yield client


def enrol_second_factor(db_url: str, email: str) -> str:
    """Return the TOTP secret of a confirmed second factor made for this account."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from lems_companion.accounts import mfa
    from lems_companion.accounts.models import TotpFactor, User

    with session_scope(db_url) as db:
        user = db.scalars(select(User).where(User.email == email)).one()
        secret = mfa.start_enrolment(db, user)
        factor = db.get(TotpFactor, user.id)
        assert factor is not None
        factor.confirmed_at = datetime.now(UTC)
    return secret


def totp_now(secret: str) -> str:
    """Return the authenticator app's code for this secret at this moment."""
    import pyotp

    return pyotp.TOTP(secret).now()


def api_token(client: httpx.Client, persona: Persona, totp: str = "") -> dict[str, str]:
    """Return the Authorization header of a fresh API token for this persona."""
    response = client.post(
        "/api/v1/token",
        data={"username": persona.email, "password": persona.password, "totp": totp},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def form_token(client: httpx.Client, path: str = "/login") -> str:
    """Return the pre-session CSRF token of the sign-in or sign-up form, its cookie set."""
    import re

    # Signed in, the sign-in page would send the client on to its diary: ask as a new browser.
    session = client.cookies.get("lems_session")
    if session:
        client.cookies.delete("lems_session")
    page = client.get(path)
    if session:
        client.cookies.set("lems_session", session)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, f"no CSRF token on {path}"
    # The cookie is marked Secure; httpx would not send it back over plain-HTTP loopback.
    client.cookies.set("lems_form", match.group(1))
    return match.group(1)


def sign_in_form(client: httpx.Client, path: str = "/login", **fields: str) -> httpx.Response:
    """Return the answer to the sign-in (or sign-up) form sent as a browser would send it."""
    return client.post(path, data={**fields, "csrf_token": form_token(client, path)})


def web_sign_in(client: httpx.Client, persona: Persona, code: str = "") -> str:
    """Return the session token after signing the client in through the login form."""
    response = sign_in_form(client, email=persona.email, password=persona.password, code=code)
    assert response.status_code == 303, response.text
    token = response.cookies["lems_session"]
    # The cookie is marked Secure; httpx would not send it back over plain-HTTP loopback.
    client.cookies.clear()
    client.cookies.set("lems_session", token)
    return token


def csrf_token(client: httpx.Client, path: str = "/entries/new") -> str:
    """Return the CSRF token embedded in a signed-in page's forms."""
    import re

    page = client.get(path)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


# --- Lanes ---------------------------------------------------------------------------------------
# `scripts/test --fast` leaves out what is slow and rarely touched by a change: the browser and
# live-process tests (tests/e2e) and the PostgreSQL twin of every database test. CI runs it all.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fast",
        action="store_true",
        help="skip tests/e2e (browser, crash, multi-process) and the PostgreSQL twin of each test",
    )


def _slow_lane(item: pytest.Item) -> bool:
    if "e2e" in item.path.parts or item.get_closest_marker("browser"):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("database_url") == "postgresql"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--fast"):
        return
    slow = [item for item in items if _slow_lane(item)]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not _slow_lane(item)]
