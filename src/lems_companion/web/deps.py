"""Request dependencies: the database session, the signed-in user, CSRF checks.

Aliases such as ``DbSession`` and ``WebUser`` make a route's signature read like a sentence.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Annotated
from urllib.parse import urlparse

from fastapi import Depends, Form, HTTPException, Path, Request, Response, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from lems_companion.accounts import mfa
from lems_companion.accounts.models import AuthSession, User
from lems_companion.accounts.service import resolve_session
from lems_companion.db.engine import new_session
from lems_companion.db.types import MAX_ROW_ID
from lems_companion.people.roles import Roles, roles_of
from lems_companion.settings import Settings

SESSION_COOKIE = "lems_session"
# Before sign-in there is no session to hold a CSRF token, so the sign-in and sign-up forms use
# a double-submit cookie: a random value set with the form and echoed in it. A foreign page can
# neither read the cookie nor set it (SameSite=Strict, host-only), so it cannot forge the pair.
PRE_SESSION_COOKIE = "lems_form"
PRE_SESSION_MAX_AGE_SECONDS = 2 * 3600
# The smallest token this app issues; anything shorter in the cookie was not set by us.
MIN_TOKEN_CHARS = 32


# Dependencies that do no blocking I/O are async so FastAPI runs them on the event loop instead
# of sending each to the thread pool; on the entry API that hop cost more than the insert.


async def get_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_db(request: Request) -> Iterator[Session]:
    """Yield a database session; routes commit what they change, anything else is rolled back.

    Opening a session costs no I/O (it connects on first use); closing returns the connection.
    """
    settings: Settings = request.app.state.settings
    db = new_session(settings.resolved_database_url)
    # Kept for what the page's templates look up (templating.wording_reviewed), so a request
    # never holds a second pooled connection while it holds this one: with every place of
    # web/inflight.py's cap taken, requests each waiting for a second connection would stall
    # the worker until the pool gives up.
    request.state.db = db
    try:
        yield db
    finally:
        request.state.db = None  # closed: an error page rendered after this opens its own
        db.rollback()
        db.close()


async def posted_form(request: Request) -> FormData:
    """Return the posted form, read on the event loop, so the route that takes it can be a
    plain ``def`` and run its database work in FastAPI's thread pool."""
    return await request.form()


async def client_address(request: Request) -> str | None:
    """Return the client's address: the peer's, or X-Forwarded-For's when uvicorn trusts the
    proxy that sent it (``--forwarded-allow-ips``, docs/deployment.md)."""
    return request.client.host if request.client else None


ClientAddress = Annotated[str | None, Depends(client_address)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PostedForm = Annotated[FormData, Depends(posted_form)]
# An id in a path: a whole number that can name a stored row; anything else is refused (422).
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="The record's id.")]
DbSession = Annotated[Session, Depends(get_db)]


class EnrolmentRequired(Exception):
    """Raised for a clinician or admin without a second factor: the app sends them to set one
    up before anything else (docs/security.md)."""


class LoginRequired(Exception):
    """Raised for a page that needs a signed-in user; the app answers with a redirect to login."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


@dataclass(frozen=True)
class SignedIn:
    """The user behind a web request and their session (for its CSRF token), and what they do
    in the app (the menu shows only that)."""

    user: User
    session: AuthSession
    roles: Roles = field(default_factory=Roles)


def _web_session(request: Request, db: Session) -> SignedIn | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    found = resolve_session(db, token, kind="web")
    return SignedIn(*found) if found else None


def optional_web_user(request: Request, db: DbSession) -> SignedIn | None:
    """Return the signed-in user of a page request; None for a visitor."""
    signed_in = _web_session(request, db)
    return replace(signed_in, roles=roles_of(db, signed_in.user)) if signed_in else None


def signed_in_user(request: Request, db: DbSession) -> SignedIn:
    """Return the signed-in user, whether or not they still owe a second factor; LoginRequired
    (a redirect) for a visitor. Only the pages that set up the second factor and sign-out use
    this directly."""
    signed_in = _web_session(request, db)
    if signed_in is None:
        raise LoginRequired(request.url.path)
    return signed_in


def require_web_user(
    signed_in: Annotated[SignedIn, Depends(signed_in_user)], db: DbSession
) -> SignedIn:
    """Return the signed-in user of a page request; LoginRequired (a redirect) for a visitor,
    EnrolmentRequired for a clinician or admin who has not set up a second factor yet."""
    if mfa.must_enrol(db, signed_in.user):
        raise EnrolmentRequired()
    return replace(signed_in, roles=roles_of(db, signed_in.user))


def safe_next(next_path: str, default: str = "/diary") -> str:
    """Return a local path to go to next; ``default`` for anything that could leave the site."""
    parsed = urlparse(next_path)
    if (
        parsed.scheme
        or parsed.netloc
        or not next_path.startswith("/")
        or next_path.startswith("//")
    ):
        return default
    return next_path


def _checked(signed_in: SignedIn, csrf_token: str) -> SignedIn:
    if not (
        csrf_token.isascii()
        and secrets.compare_digest(csrf_token.encode(), signed_in.session.csrf_token.encode())
    ):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "This form has expired or did not come from this site. Go back, reload and try again.",
        )
    return signed_in


def check_posted_csrf(signed_in: SignedIn, csrf_token: str) -> SignedIn:
    """Return the signed-in user when ``csrf_token`` is their session's; 403 if not (for a form
    that visitors may post too, so the token cannot be a dependency)."""
    return _checked(signed_in, csrf_token)


def check_csrf(
    signed_in: Annotated[SignedIn, Depends(require_web_user)],
    csrf_token: Annotated[str, Form()] = "",
) -> SignedIn:
    """Return the signed-in user when the form carries their session's CSRF token; 403 if not."""
    return _checked(signed_in, csrf_token)


def check_csrf_enrolling(
    signed_in: Annotated[SignedIn, Depends(signed_in_user)],
    csrf_token: Annotated[str, Form()] = "",
) -> SignedIn:
    """Return the signed-in user (second factor owed or not) when the form carries their CSRF
    token; 403 if not."""
    return _checked(signed_in, csrf_token)


def pre_session_token(request: Request) -> str:
    """Return the pre-session CSRF token for a sign-in or sign-up form: the browser's, or new."""
    existing = request.cookies.get(PRE_SESSION_COOKIE, "")
    if len(existing) >= MIN_TOKEN_CHARS and existing.isascii() and existing.isprintable():
        return existing
    return secrets.token_urlsafe(32)


def set_pre_session_cookie(response: Response, token: str, *, secure: bool) -> None:
    """Send the pre-session token as a cookie only this site can read or send."""
    response.set_cookie(
        PRE_SESSION_COOKIE,
        token,
        max_age=PRE_SESSION_MAX_AGE_SECONDS,
        httponly=True,
        secure=secure,
        samesite="strict",
    )


def check_pre_session_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """Return nothing when the form echoes the pre-session cookie; 403 when it does not."""
    cookie = request.cookies.get(PRE_SESSION_COOKIE, "")
    if not (
        len(cookie) >= MIN_TOKEN_CHARS
        and csrf_token.isascii()
        and secrets.compare_digest(csrf_token.encode(), cookie.encode())
    ):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "This form has expired or did not come from this site. Go back, reload and try again.",
        )


PreSessionChecked = Annotated[None, Depends(check_pre_session_csrf)]
MaybeWebUser = Annotated[SignedIn | None, Depends(optional_web_user)]
WebUser = Annotated[SignedIn, Depends(require_web_user)]
WebUserPosting = Annotated[SignedIn, Depends(check_csrf)]
# For the second-factor set-up pages and sign-out, which a clinician owing one must reach.
WebUserEnrolling = Annotated[SignedIn, Depends(signed_in_user)]
WebUserEnrollingPosting = Annotated[SignedIn, Depends(check_csrf_enrolling)]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/token", auto_error=False)


def require_api_user(db: DbSession, token: Annotated[str | None, Depends(oauth2_scheme)]) -> User:
    """Return the user behind the bearer token; 401 when it is missing, unknown or expired."""
    found = resolve_session(db, token, kind="api") if token else None
    if found is None or mfa.must_enrol(db, found[0]):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Sign in first: send 'Authorization: Bearer <token>' from POST /api/v1/token.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return found[0]


ApiUser = Annotated[User, Depends(require_api_user)]
