"""Links that arrive by e-mail: confirming an address and resetting a forgotten password.

A link only opens a page; the change itself is a POST from that page, so a mail scanner that
fetches every link in a message spends no token. Asking for a reset answers the same whether or
not an account has the address.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from lems_companion.accounts.service import (
    MAX_PASSWORD_CHARS,
    AccountError,
    reset_password,
    token_is_live,
    verify_email,
)
from lems_companion.messaging.service import request_password_reset, request_verification
from lems_companion.web.deps import DbSession, PreSessionChecked, SettingsDep, WebUserPosting
from lems_companion.web.forms import field_errors
from lems_companion.web.routes.auth import form_page

router = APIRouter()
api_router = APIRouter(prefix="/api/v1")
# Longer than any token the app makes; keeps a pasted page of text out of the hash.
MAX_TOKEN_CHARS = 100


@router.get("/verify-email", response_class=HTMLResponse)
def verify_page(
    request: Request, db: DbSession, settings: SettingsDep, token: str = ""
) -> Response:
    """Show the button that confirms the address (or say the link is dead)."""
    live = len(token) <= MAX_TOKEN_CHARS and token_is_live(db, token, "verify")
    return form_page(request, settings, "verify_email.html", {"token": token, "live": live})


@router.post("/verify-email", response_class=HTMLResponse)
def verify(
    request: Request,
    db: DbSession,
    settings: SettingsDep,
    _: PreSessionChecked,
    token: Annotated[str, Form(max_length=MAX_TOKEN_CHARS)] = "",
) -> Response:
    """Confirm the address: diaries shared with it open, and notices may be sent to it."""
    user = verify_email(db, token)
    db.commit()
    context = {"token": token, "live": False, "verified": user is not None}
    code = status.HTTP_200_OK if user else status.HTTP_400_BAD_REQUEST
    return form_page(request, settings, "verify_email.html", context, status_code=code)


@router.post("/account/verify-email")
def resend_verification(db: DbSession, signed_in: WebUserPosting) -> Response:
    """Send the signed-in person a new link to confirm their address."""
    request_verification(db, user=signed_in.user)
    db.commit()
    return RedirectResponse("/shared?sent=1", status.HTTP_303_SEE_OTHER)


@router.get("/password-reset", response_class=HTMLResponse)
def reset_request_page(request: Request, settings: SettingsDep) -> Response:
    """Show the form that asks for a reset link."""
    return form_page(request, settings, "password_reset.html", {})


@router.post("/password-reset", response_class=HTMLResponse)
def reset_request(
    request: Request,
    db: DbSession,
    settings: SettingsDep,
    _: PreSessionChecked,
    email: Annotated[str, Form(max_length=320)] = "",
) -> Response:
    """Send a reset link when an account has the address; the same answer either way."""
    request_password_reset(db, email=email)
    db.commit()
    return form_page(request, settings, "password_reset.html", {"sent": True})


@router.get("/password-reset/confirm", response_class=HTMLResponse)
def reset_confirm_page(
    request: Request, db: DbSession, settings: SettingsDep, token: str = ""
) -> Response:
    """Show the form for a new password (or say the link is dead)."""
    live = len(token) <= MAX_TOKEN_CHARS and token_is_live(db, token, "reset")
    return form_page(
        request, settings, "password_reset_confirm.html", {"token": token, "live": live}
    )


@router.post("/password-reset/confirm", response_class=HTMLResponse)
def reset_confirm(
    request: Request,
    db: DbSession,
    settings: SettingsDep,
    _: PreSessionChecked,
    token: Annotated[str, Form(max_length=MAX_TOKEN_CHARS)] = "",
    new_password: Annotated[str, Form()] = "",
    new_password_again: Annotated[str, Form()] = "",
) -> Response:
    """Set the new password; every session and API token of the account is signed out."""
    try:
        if new_password != new_password_again:
            raise AccountError("new_password_again: the two new passwords differ")
        reset_password(db, token=token, password=new_password)
    except AccountError as error:
        db.rollback()
        context = {"token": token, "live": True, "errors": field_errors(error)}
        return form_page(
            request,
            settings,
            "password_reset_confirm.html",
            context,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    db.commit()
    return form_page(request, settings, "password_reset_confirm.html", {"done": True})


class ResetRequest(BaseModel):
    """Ask for a password reset link."""

    email: str = Field(max_length=320, description="The account's e-mail address.")


class ResetConfirm(BaseModel):
    """Set a new password with the token from a reset link."""

    token: str = Field(max_length=MAX_TOKEN_CHARS, description="The token from the link.")
    password: str = Field(max_length=MAX_PASSWORD_CHARS, description="The new password.")


class ResetAccepted(BaseModel):
    """The answer to a reset request: the same whether or not an account has the address."""

    detail: str = Field(description="What happens next.")


@api_router.post(
    "/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    responses={202: {"description": "Accepted, whether or not an account has the address."}},
)
def api_reset_request(body: ResetRequest, db: DbSession) -> ResetAccepted:
    """Send a reset link by e-mail when an account has the address; 202 whatever the address."""
    request_password_reset(db, email=body.email)
    db.commit()
    return ResetAccepted(
        detail="If an account has this address, a link to choose a new password was sent to it."
    )


@api_router.post(
    "/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        400: {"description": "The token is unknown, expired or already used."},
        422: {"description": "The new password breaks the rules (at least 12 characters)."},
    },
)
def api_reset_confirm(body: ResetConfirm, db: DbSession) -> Response:
    """Set a new password with a reset token; signs the account out everywhere."""
    from fastapi import HTTPException

    try:
        reset_password(db, token=body.token, password=body.password)
    except AccountError as error:
        db.rollback()
        field, _, message = str(error).partition(": ")
        code = status.HTTP_400_BAD_REQUEST if field == "token" else 422
        raise HTTPException(code, message) from None
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
