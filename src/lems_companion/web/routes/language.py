"""The language switch on every page: a visitor's choice is a cookie, a signed-in person's is
their profile's language (so e-mails and reports follow it too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, status
from fastapi.responses import RedirectResponse

from lems_companion.i18n import LANGUAGE_COOKIE, LANGUAGES
from lems_companion.web.deps import (
    DbSession,
    MaybeWebUser,
    SettingsDep,
    check_posted_csrf,
    safe_next,
)

router = APIRouter()

# A year: the choice outlives a session, as a language choice should.
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600


@router.post("/language")
def switch_language(
    db: DbSession,
    settings: SettingsDep,
    signed_in: MaybeWebUser,
    language: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
    csrf_token: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Show every page in the chosen language from now on; back to the page it was chosen on."""
    if language not in LANGUAGES:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            "Choose one of: " + ", ".join(LANGUAGES.values()) + ".",
        )
    if signed_in is not None:
        check_posted_csrf(signed_in, csrf_token)
        signed_in.user.language = language
        db.commit()
    response = RedirectResponse(safe_next(next, default="/"), status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=LANGUAGE_COOKIE_SECONDS,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
    )
    return response
