"""Two-step sign-in on the web: set up an authenticator app, see recovery codes, turn it off.

Reachable by a clinician or admin who still owes a second factor (the rest of the app sends
them here first), so these routes take ``WebUserEnrolling``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse

from lems_companion.accounts import mfa
from lems_companion.accounts.service import TooManyAttempts, check_password
from lems_companion.i18n import N_
from lems_companion.web.deps import (
    ClientAddress,
    DbSession,
    SignedIn,
    WebUserEnrolling,
    WebUserEnrollingPosting,
)
from lems_companion.web.templating import templates

router = APIRouter()
PAGE = "/account/two-step"


def _page(
    request: Request, db: DbSession, signed_in: SignedIn, status_code: int = 200, **extra: Any
) -> Response:
    user = signed_in.user
    secret = mfa.pending_secret(db, user)
    context = {
        "signed_in": signed_in,
        "required": mfa.mfa_required(user),
        "active": mfa.active_factor(db, user) is not None,
        "recovery_left": mfa.unused_recovery_codes(db, user),
        "secret": secret,
        "uri": mfa.provisioning_uri(user, secret) if secret else None,
        **extra,
    }
    return templates.TemplateResponse(request, "two_step.html", context, status_code=status_code)


@router.get(PAGE, response_class=HTMLResponse)
def two_step_page(request: Request, db: DbSession, signed_in: WebUserEnrolling) -> Response:
    """Show whether two-step sign-in is on, and the way to set it up or turn it off."""
    return _page(request, db, signed_in)


@router.post(PAGE, response_class=HTMLResponse)
def start(db: DbSession, signed_in: WebUserEnrollingPosting) -> Response:
    """Make a new secret for the authenticator app, pending until its first code."""
    if mfa.active_factor(db, signed_in.user) is None:
        mfa.start_enrolment(db, signed_in.user)
        db.commit()
    return RedirectResponse(PAGE, status.HTTP_303_SEE_OTHER)


@router.post(f"{PAGE}/confirm", response_class=HTMLResponse)
def confirm(
    request: Request,
    db: DbSession,
    signed_in: WebUserEnrollingPosting,
    code: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Turn two-step sign-in on once the app's first code is right; show the recovery codes."""
    codes = mfa.confirm_enrolment(db, signed_in.user, code)
    if codes is None:
        return _page(
            request,
            db,
            signed_in,
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            error=N_("That code is not right. Check the phone's clock and type the newest code."),
        )
    db.commit()
    return _page(request, db, signed_in, codes=codes)


@router.post(f"{PAGE}/off", response_class=HTMLResponse)
def turn_off(
    request: Request,
    db: DbSession,
    signed_in: WebUserEnrollingPosting,
    client: ClientAddress,
    password: Annotated[str, Form()] = "",
) -> Response:
    """Turn two-step sign-in off with the password; refused for clinicians and admins."""
    if mfa.mfa_required(signed_in.user):
        return _page(
            request,
            db,
            signed_in,
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            error=N_("Clinician and admin accounts must keep two-step sign-in."),
        )
    try:
        right = check_password(db, user=signed_in.user, password=password, client=client)
    except TooManyAttempts as error:
        return _page(request, db, signed_in, status.HTTP_429_TOO_MANY_REQUESTS, error=str(error))
    if not right:
        return _page(
            request,
            db,
            signed_in,
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            error=N_("That is not your password."),
        )
    mfa.remove(db, signed_in.user)
    db.commit()
    return RedirectResponse(PAGE, status.HTTP_303_SEE_OTHER)
