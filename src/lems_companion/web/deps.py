"""Request dependencies: the database session, the signed-in user, CSRF checks.

Aliases such as ``DbSession`` and ``WebUser`` make a route's signature read like a sentence.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Path, Request, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from lems_companion.accounts.models import AuthSession, User
from lems_companion.accounts.service import resolve_session
from lems_companion.db.engine import new_session
from lems_companion.db.types import MAX_ROW_ID
from lems_companion.settings import Settings

SESSION_COOKIE = "lems_session"


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
    try:
        yield db
    finally:
        db.rollback()
        db.close()


async def posted_form(request: Request) -> FormData:
    """Return the posted form, read on the event loop, so the route that takes it can be a
    plain ``def`` and run its database work in FastAPI's thread pool."""
    return await request.form()


SettingsDep = Annotated[Settings, Depends(get_settings)]
PostedForm = Annotated[FormData, Depends(posted_form)]
# An id in a path: a whole number that can name a stored row; anything else is refused (422).
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="The record's id.")]
DbSession = Annotated[Session, Depends(get_db)]


class LoginRequired(Exception):
    """Raised for a page that needs a signed-in user; the app answers with a redirect to login."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


@dataclass(frozen=True)
class SignedIn:
    """The user behind a web request and their session (for its CSRF token)."""

    user: User
    session: AuthSession


def _web_session(request: Request, db: Session) -> SignedIn | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    found = resolve_session(db, token, kind="web")
    return SignedIn(*found) if found else None


def optional_web_user(request: Request, db: DbSession) -> SignedIn | None:
    """Return the signed-in user of a page request; None for a visitor."""
    return _web_session(request, db)


def require_web_user(request: Request, db: DbSession) -> SignedIn:
    """Return the signed-in user of a page request; LoginRequired (a redirect) for a visitor."""
    signed_in = _web_session(request, db)
    if signed_in is None:
        raise LoginRequired(request.url.path)
    return signed_in


def check_csrf(
    signed_in: Annotated[SignedIn, Depends(require_web_user)],
    csrf_token: Annotated[str, Form()] = "",
) -> SignedIn:
    """Return the signed-in user when the form carries their session's CSRF token; 403 if not."""
    if not secrets.compare_digest(csrf_token, signed_in.session.csrf_token):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "This form has expired or did not come from this site. Go back, reload and try again.",
        )
    return signed_in


MaybeWebUser = Annotated[SignedIn | None, Depends(optional_web_user)]
WebUser = Annotated[SignedIn, Depends(require_web_user)]
WebUserPosting = Annotated[SignedIn, Depends(check_csrf)]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/token", auto_error=False)


def require_api_user(db: DbSession, token: Annotated[str | None, Depends(oauth2_scheme)]) -> User:
    """Return the user behind the bearer token; 401 when it is missing, unknown or expired."""
    found = resolve_session(db, token, kind="api") if token else None
    if found is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Sign in first: send 'Authorization: Bearer <token>' from POST /api/v1/token.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return found[0]


ApiUser = Annotated[User, Depends(require_api_user)]
