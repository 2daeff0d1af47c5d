"""Slowing down password guessing without letting anyone lock a patient out.

Every password check (sign-in on the web or the API, the current password on /password) first
takes an attempt from three counters, each one row bumped by a single INSERT ... ON CONFLICT DO
UPDATE ... RETURNING, which SQLite and PostgreSQL both run atomically: however many requests
arrive at once, each sees its own number and no two see the same. The counters, per window of
15 minutes:

- the account together with the client address: 10 attempts, then refused (429). This stops
  one machine guessing one password, and refuses only that machine.
- the client address alone, whatever the account: 30 attempts, then refused. This stops one
  machine trying a few passwords on many accounts (password spraying).
- the account alone, from anywhere: after 10 attempts each further check waits a second first.
  A guesser spread over many addresses is slowed, but the right password from the patient's own
  device still works: an attacker can no longer lock a patient out (docs/security.md).

A successful sign-in clears the account's counters and gives the client its attempt back.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, case, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from lems_companion.accounts.models import SignInThrottle

WINDOW_MINUTES = 15
WINDOW = timedelta(minutes=WINDOW_MINUTES)
# OWASP ASVS 2.2.1: at most 10 checks of one account's password from one client per window.
MAX_PER_ACCOUNT_AND_CLIENT = 10
# A household or clinic behind one address may hold a few accounts; 30 leaves them room while
# a sprayer gets 30 guesses in all rather than 10 per account.
MAX_PER_CLIENT = 30
# Beyond this many attempts on one account from anywhere, each check is delayed.
SLOW_DOWN_AFTER = 10
SLOW_DOWN_SECONDS = 1.0
# Sign-ups from one client per window: a family or a clinic setting up accounts together fits,
# a script checking which addresses have accounts (by signing in afterwards) does not.
MAX_SIGN_UPS_PER_CLIENT = 10
# IPv6 clients usually hold a whole /64; counting single addresses would give them 2**64 budgets.
IPV6_CLIENT_PREFIX = 64


class Throttled(Exception):
    """Too many attempts from this client; the message is safe to show."""


@dataclass(frozen=True)
class Attempt:
    """An attempt that may go ahead: its counter keys and how long to wait before checking."""

    account_and_client: str
    client: str
    account: str
    delay_seconds: float


def client_key(address: str | None) -> str:
    """Return the client a request is counted against: its address, an IPv6 one as its /64."""
    if not address:
        return "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:100]
    if parsed.version == 6:
        network = ipaddress.ip_network(f"{parsed}/{IPV6_CLIENT_PREFIX}", strict=False)
        return str(network)
    return str(parsed)


def _bump(engine: Engine, key: str, now: datetime) -> int:
    """Return the key's attempts in the current window, this one included; one statement,
    committed at once so that concurrent requests see it."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    table = SignInThrottle.__table__
    stale = table.c.window_started_at <= now - WINDOW
    statement = (
        dialect.insert(table)
        .values(key=key, attempts=1, window_started_at=now)
        .on_conflict_do_update(
            index_elements=["key"],
            set_={
                # A window that has passed starts again from this attempt.
                "attempts": case((stale, 1), else_=table.c.attempts + 1),
                "window_started_at": case((stale, now), else_=table.c.window_started_at),
            },
        )
        .returning(table.c.attempts)
    )
    with Session(engine) as db:
        attempts = int(db.execute(statement).scalar_one())
        db.commit()
    return attempts


def engine_of(db: Session) -> Engine:
    """Return the engine behind a session, for the counters' own short transactions."""
    bind = db.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def count_sign_up(db: Session, *, client: str | None) -> None:
    """Return nothing when this client may create another account; Throttled when not.

    One statement in its own transaction.
    """
    if _bump(engine_of(db), f"signup:{client_key(client)}", datetime.now(UTC)) > (
        MAX_SIGN_UPS_PER_CLIENT
    ):
        raise Throttled(
            f"Too many sign-ups from here. Wait {WINDOW_MINUTES} minutes and try again."
        )


def begin_attempt(engine: Engine, *, account: str, client: str | None) -> Attempt:
    """Return the attempt, counted; Throttled when this client has had too many.

    Three statements, each its own short transaction (never held while the password is hashed).
    """
    now = datetime.now(UTC)
    who = client_key(client)
    keys = Attempt(
        account_and_client=f"account-client:{account}|{who}",
        client=f"client:{who}",
        account=f"account:{account}",
        delay_seconds=0.0,
    )
    pair = _bump(engine, keys.account_and_client, now)
    if pair == 1:
        _sweep(engine, now)  # a new window for this pair: a good moment to forget old ones
    if pair > MAX_PER_ACCOUNT_AND_CLIENT:
        raise Throttled(
            f"Too many failed attempts for this account from here. Wait {WINDOW_MINUTES} minutes "
            "and try again."
        )
    if _bump(engine, keys.client, now) > MAX_PER_CLIENT:
        raise Throttled(
            f"Too many failed sign-ins from here. Wait {WINDOW_MINUTES} minutes and try again."
        )
    slow = _bump(engine, keys.account, now) > SLOW_DOWN_AFTER
    return Attempt(
        account_and_client=keys.account_and_client,
        client=keys.client,
        account=keys.account,
        delay_seconds=SLOW_DOWN_SECONDS if slow else 0.0,
    )


def wait_if_slowed(attempt: Attempt) -> None:
    """Return after the attempt's delay (none for most): runs in a worker thread, not the loop."""
    if attempt.delay_seconds:
        time.sleep(attempt.delay_seconds)


def succeeded(db: Session, attempt: Attempt) -> None:
    """Clear the account's counters and give the client its attempt back, in the caller's
    transaction (the caller commits). Two statements."""
    db.execute(
        delete(SignInThrottle).where(
            SignInThrottle.key.in_([attempt.account_and_client, attempt.account])
        )
    )
    db.execute(
        update(SignInThrottle)
        .where(SignInThrottle.key == attempt.client, SignInThrottle.attempts > 0)
        .values(attempts=SignInThrottle.attempts - 1)
    )


def _sweep(engine: Engine, now: datetime) -> None:
    """Delete the counters whose window has passed; best effort: a sweep that collides with
    another request's is left for the next one."""
    try:
        with Session(engine) as db:
            db.execute(
                delete(SignInThrottle).where(SignInThrottle.window_started_at <= now - WINDOW)
            )
            db.commit()
    except DBAPIError:
        pass
