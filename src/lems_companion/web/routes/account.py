"""The account page: see the account, edit the profile, download all of its data, delete it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lems_companion.accounts.profile import (
    LANGUAGES,
    PROFILE_FIELDS,
    ProfileError,
    parse_profile,
    profile_of,
    set_profile,
)
from lems_companion.accounts.service import (
    AccountError,
    TooManyAttempts,
    check_password,
    normalise_email,
    record_security_event,
)
from lems_companion.data_rights.service import delete_account, export_account
from lems_companion.diary.models import Entry
from lems_companion.diary.quick import (
    MAX_OWN_SYMPTOMS,
    OwnSymptomsError,
    choosable_symptoms,
    choose_own_symptoms,
)
from lems_companion.i18n import N_, message_of
from lems_companion.settings import Settings
from lems_companion.web.deps import (
    SESSION_COOKIE,
    ClientAddress,
    DbSession,
    PostedForm,
    SignedIn,
    WebUser,
    WebUserPosting,
)
from lems_companion.web.templating import templates

router = APIRouter()

EXPORT_MEDIA_TYPE = "application/zip"


def _same_email(typed: str, email: str) -> bool:
    """Return True when the typed text is this e-mail address, however it was capitalised."""
    try:
        return normalise_email(typed) == email
    except AccountError:
        return False


def _account_page(
    request: Request,
    db: Session,
    signed_in: SignedIn,
    *,
    profile: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    saved: bool = False,
    delete_error: str | None = None,
    own_symptoms: list[str] | None = None,
    own_symptoms_error: str | None = None,
    own_symptoms_saved: bool = False,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    """Return the account page; ``profile`` holds what was typed when it is shown again."""
    entries = db.scalar(
        select(func.count()).select_from(Entry).where(Entry.user_id == signed_in.user.id)
    )
    stored = profile_of(signed_in.user).model_dump(mode="json")
    settings: Settings = request.app.state.settings
    return templates.TemplateResponse(
        request,
        "account_page.html",
        {
            "signed_in": signed_in,
            "entry_count": entries or 0,
            "profile": profile or {name: stored[name] or "" for name in PROFILE_FIELDS},
            "profile_errors": errors or {},
            "profile_saved": saved,
            "languages": LANGUAGES,
            "delete_error": delete_error,
            "default_emergency_number": settings.emergency_number,
            "choosable_symptoms": choosable_symptoms(),
            "max_own_symptoms": MAX_OWN_SYMPTOMS,
            "own_symptoms": own_symptoms
            if own_symptoms is not None
            else signed_in.user.own_symptoms or [],
            "own_symptoms_error": own_symptoms_error,
            "own_symptoms_saved": own_symptoms_saved,
        },
        status_code=status_code,
    )


@router.get("/account", response_class=HTMLResponse)
def account_page(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    saved: bool = False,
    symptoms_saved: bool = False,
) -> Response:
    """Show the account, its profile, the download of all its data and the way to delete it."""
    return _account_page(request, db, signed_in, saved=saved, own_symptoms_saved=symptoms_saved)


@router.post("/account/symptoms", response_class=HTMLResponse)
def save_own_symptoms(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save the symptoms the entry form asks first; the page again, as ticked, with the reason
    when the choice cannot be stored (nothing saved)."""
    ticked = [str(value) for value in posted.getlist("symptom")]
    try:
        choose_own_symptoms(signed_in.user, ticked)
    except OwnSymptomsError as error:
        db.rollback()
        return _account_page(
            request,
            db,
            signed_in,
            own_symptoms=ticked,
            own_symptoms_error=message_of(error),
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    db.commit()
    return RedirectResponse(
        "/account?symptoms_saved=1#own-symptoms-heading", status.HTTP_303_SEE_OTHER
    )


@router.post("/account/profile", response_class=HTMLResponse)
def save_profile(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save the profile; the page again, as typed, with a message per bad field (nothing saved)."""
    typed = {name: str(posted.get(name) or "") for name in PROFILE_FIELDS}
    try:
        profile = parse_profile(dict(typed))
    except ProfileError as error:
        return _account_page(
            request,
            db,
            signed_in,
            profile=typed,
            errors=error.errors,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    set_profile(signed_in.user, profile)
    db.commit()
    return RedirectResponse("/account?saved=1#profile-heading", status.HTTP_303_SEE_OTHER)


@router.get("/account/export")
def export(db: DbSession, signed_in: WebUser) -> Response:
    """Return a zip archive of everything stored for the signed-in account."""
    archive = export_account(db, user=signed_in.user)
    day = datetime.now(UTC).date().isoformat()
    return Response(
        archive,
        media_type=EXPORT_MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="lems-companion-{day}.zip"',
            # Health data: neither shared caches nor the browser may keep a copy.
            "Cache-Control": "no-store",
        },
    )


@router.post("/account/delete", response_class=HTMLResponse)
def delete(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    client: ClientAddress,
    confirm_email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    """Delete the account and all its data once its e-mail address and current password are
    typed (a session left open on a shared computer is not enough); else say why not."""
    problem, code = None, status.HTTP_422_UNPROCESSABLE_CONTENT
    if not _same_email(confirm_email, signed_in.user.email):
        problem = N_("Type your e-mail address exactly as shown to delete the account.")
    else:
        try:
            if not check_password(db, user=signed_in.user, password=password, client=client):
                problem = N_("That is not your password: the account was not deleted.")
        except TooManyAttempts as error:
            problem, code = str(error), status.HTTP_429_TOO_MANY_REQUESTS
    if problem:
        return _account_page(request, db, signed_in, delete_error=problem, status_code=code)
    record_security_event(db, kind="account_deleted", user=signed_in.user)
    delete_account(db, user=signed_in.user)
    db.commit()
    response = RedirectResponse("/account/deleted", status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/account/deleted", response_class=HTMLResponse)
def deleted_page(request: Request) -> Response:
    """Confirm that an account was deleted."""
    return templates.TemplateResponse(request, "account_deleted.html")
