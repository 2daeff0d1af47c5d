"""Sign up, sign in and sign out of the web app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse

from lems_companion.accounts import throttle
from lems_companion.accounts.models import User
from lems_companion.accounts.service import (
    AccountError,
    AddressTaken,
    SecondFactorRequired,
    TooManyAttempts,
    WrongCredentials,
    authenticate,
    change_password,
    count_users,
    create_user,
    end_session,
    start_session,
)
from lems_companion.dates import is_known_zone
from lems_companion.messaging.service import request_verification
from lems_companion.settings import Settings
from lems_companion.web.deps import (
    SESSION_COOKIE,
    ClientAddress,
    DbSession,
    MaybeWebUser,
    PreSessionChecked,
    SettingsDep,
    WebUser,
    WebUserEnrollingPosting,
    WebUserPosting,
    pre_session_token,
    safe_next,
    set_pre_session_cookie,
)
from lems_companion.web.forms import field_errors
from lems_companion.web.templating import templates

router = APIRouter()


def _signed_in_redirect(db: DbSession, settings: Settings, user: User, target: str) -> Response:
    token, _ = start_session(db, user=user, kind="web", days=settings.session_days)
    db.commit()
    response = RedirectResponse(target, status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_days * 24 * 3600,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
    )
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request,
    db: DbSession,
    settings: SettingsDep,
    signed_in: MaybeWebUser,
    next: str = "/",
    welcome: bool = False,
) -> Response:
    """Show the sign-in form; a database with no account sends the visitor to sign up."""
    if signed_in:
        return RedirectResponse(safe_next(next, "/"), status.HTTP_303_SEE_OTHER)
    if count_users(db) == 0:
        return RedirectResponse("/signup", status.HTTP_303_SEE_OTHER)
    return form_page(
        request, settings, "login.html", {"next": safe_next(next, "/"), "welcome": welcome}
    )


def form_page(
    request: Request,
    settings: Settings,
    template: str,
    context: Mapping[str, object],
    status_code: int = status.HTTP_200_OK,
) -> Response:
    """Return a page whose form, sent before signing in, carries the pre-session CSRF token."""
    token = pre_session_token(request)
    response = templates.TemplateResponse(
        request, template, {**context, "form_token": token}, status_code=status_code
    )
    set_pre_session_cookie(response, token, secure=settings.cookie_secure)
    return response


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    db: DbSession,
    settings: SettingsDep,
    _: PreSessionChecked,
    client: ClientAddress,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    code: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Sign in and go to the page asked for; the form again with a message when it fails."""
    try:
        user = authenticate(db, email=email, password=password, client=client, code=code)
    except TooManyAttempts as error:
        message, code_status = str(error), status.HTTP_429_TOO_MANY_REQUESTS
    except SecondFactorRequired:
        message = "Enter the 6-digit code from your authenticator app (or a recovery code)."
        code_status = status.HTTP_401_UNAUTHORIZED
    except WrongCredentials as error:
        message, code_status = str(error), status.HTTP_401_UNAUTHORIZED
    else:
        return _signed_in_redirect(db, settings, user, safe_next(next, "/"))
    context = {"next": safe_next(next, "/"), "email": email, "error": message}
    return form_page(request, settings, "login.html", context, status_code=code_status)


@router.get("/password", response_class=HTMLResponse)
def password_page(request: Request, signed_in: WebUser) -> Response:
    """Show the form to change the password."""
    return templates.TemplateResponse(request, "password.html", {"signed_in": signed_in})


@router.post("/password", response_class=HTMLResponse)
def password_change(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    client: ClientAddress,
    current_password: Annotated[str, Form()] = "",
    new_password: Annotated[str, Form()] = "",
    new_password_again: Annotated[str, Form()] = "",
) -> Response:
    """Change the password; every other session and API token is signed out."""
    try:
        if new_password != new_password_again:
            raise AccountError("new_password_again: the two new passwords differ")
        change_password(
            db,
            user=signed_in.user,
            current=current_password,
            new=new_password,
            keep=request.cookies.get(SESSION_COOKIE),
            client=client,
        )
    except AccountError as error:
        db.rollback()
        return templates.TemplateResponse(
            request,
            "password.html",
            {"signed_in": signed_in, "errors": field_errors(error)},
            status_code=status.HTTP_429_TOO_MANY_REQUESTS
            if isinstance(error, TooManyAttempts)
            else status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    db.commit()
    return templates.TemplateResponse(
        request, "password.html", {"signed_in": signed_in, "changed": True}
    )


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, db: DbSession, settings: SettingsDep) -> Response:
    """Show the sign-up form, with a welcome when this is the very first account."""
    first = count_users(db) == 0
    if not (first or settings.open_signup):
        return templates.TemplateResponse(
            request, "signup_closed.html", status_code=status.HTTP_403_FORBIDDEN
        )
    return form_page(request, settings, "signup.html", {"first": first})


@router.post("/signup", response_class=HTMLResponse)
def signup(
    request: Request,
    db: DbSession,
    settings: SettingsDep,
    _: PreSessionChecked,
    client: ClientAddress,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_again: Annotated[str, Form()] = "",
    tz: Annotated[str, Form()] = "UTC",
) -> Response:
    """Create an account, then send the person to sign in with it; the form again with the
    reason when the details are not acceptable.

    A free address and a taken one get the same answer (a redirect to sign in), so the form
    cannot be used to learn who has an account; sign-up is also counted per client.
    """
    first = count_users(db) == 0
    if not (first or settings.open_signup):
        return templates.TemplateResponse(
            request, "signup_closed.html", status_code=status.HTTP_403_FORBIDDEN
        )
    try:
        throttle.count_sign_up(db, client=client)
    except throttle.Throttled as error:
        context = {"first": first, "email": email, "errors": {"email": str(error)}}
        return form_page(
            request, settings, "signup.html", context, status.HTTP_429_TOO_MANY_REQUESTS
        )
    try:
        if password != password_again:
            raise AccountError("password_again: the two passwords differ")
        user = create_user(
            db, email=email, password=password, time_zone=tz if is_known_zone(tz) else "UTC"
        )
        # Issue 15: the address is confirmed through a link sent to it.
        request_verification(db, user=user)
    except AddressTaken:
        db.rollback()  # the same answer as for a new address, below
    except AccountError as error:
        db.rollback()
        context = {"first": first, "email": email, "errors": field_errors(error)}
        return form_page(
            request, settings, "signup.html", context, status.HTTP_422_UNPROCESSABLE_CONTENT
        )
    else:
        db.commit()
    return RedirectResponse("/login?welcome=1", status.HTTP_303_SEE_OTHER)


@router.post("/logout")
def logout(request: Request, db: DbSession, signed_in: WebUserEnrollingPosting) -> Response:
    """Sign out: the session ends on the server, not only in this browser."""
    end_session(db, request.cookies.get(SESSION_COOKIE, ""))
    db.commit()
    response = RedirectResponse("/login", status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE)
    return response
