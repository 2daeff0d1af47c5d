"""Diary pages: the timeline, the entry form, one entry, edit and delete."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.exc import IntegrityError

from lems_companion.accounts.models import User
from lems_companion.dates import zone
from lems_companion.diary import idempotency
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import (
    BadCursor,
    add_entry,
    delete_entry,
    load_entry,
    page_entries,
    red_flags,
    replace_entry,
    to_public,
)
from lems_companion.triage.alerts import alert_for
from lems_companion.web.deps import (
    DbSession,
    MaybeWebUser,
    PostedForm,
    RowId,
    SettingsDep,
    WebUser,
    WebUserPosting,
)
from lems_companion.web.forms import blank_form, form_from_entry, parse_entry_form
from lems_companion.web.templating import templates

router = APIRouter()


@router.get("/")
def home(signed_in: MaybeWebUser) -> Response:
    """Send a signed-in person to their diary and anyone else to sign in."""
    return RedirectResponse("/diary" if signed_in else "/login", status.HTTP_303_SEE_OTHER)


@router.get("/diary", response_class=HTMLResponse)
def timeline(
    request: Request, db: DbSession, signed_in: WebUser, cursor: str | None = None
) -> Response:
    """Show the diary newest first; with htmx, only the next page of entries."""
    try:
        page = page_entries(db, owner=signed_in.user, cursor=cursor)
    except BadCursor as error:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(error)) from None
    context = {
        "signed_in": signed_in,
        "entries": [to_public(row) for row in page.items],
        "entry_levels": {row.id: row.triage_level for row in page.items},
        "next_cursor": page.next_cursor,
        "tz": signed_in.user.time_zone,
    }
    template = "_timeline_items.html" if request.headers.get("HX-Request") else "diary.html"
    return templates.TemplateResponse(request, template, context)


@router.get("/entries/new", response_class=HTMLResponse)
def new_entry_page(request: Request, signed_in: WebUser) -> Response:
    """Show an empty entry form, timed now."""
    now = datetime.now(UTC).astimezone(zone(signed_in.user.time_zone))
    return templates.TemplateResponse(
        request,
        "entry_form.html",
        {"signed_in": signed_in, "form": blank_form(now=now), "entry_id": None},
    )


@router.post("/entries", response_class=HTMLResponse)
def create_entry(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save a new entry and show it; the form again, as typed, with messages when invalid."""
    entry, form = parse_entry_form(posted, default_time_zone=signed_in.user.time_zone)
    if entry is None:
        return templates.TemplateResponse(
            request,
            "entry_form.html",
            {"signed_in": signed_in, "form": form, "entry_id": None},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    key = str(posted.get("idempotency_key") or "")
    entry_id = _add_once(db, signed_in.user, entry, key) if key else None
    if entry_id is None:
        entry_id = add_entry(db, owner=signed_in.user, data=entry).id
        db.commit()
    return RedirectResponse(f"/entries/{entry_id}?saved=1", status.HTTP_303_SEE_OTHER)


def _add_once(db: DbSession, user: User, entry: EntryCreate, key: str) -> int | None:
    """Return the id of the entry this form's key made, adding it the first time only; None for
    a key that cannot be used (the entry is then added as without one)."""
    try:
        idempotency.check_key(key)
        request_hash = idempotency.fingerprint(entry.model_dump_json())
        earlier = idempotency.earlier_answer(db, user=user, key=key, request_hash=request_hash)
    except ValueError:
        return None
    if earlier is not None and earlier.entry_id is not None:
        return earlier.entry_id
    row = add_entry(db, owner=user, data=entry)
    idempotency.remember(
        db, user=user, key=key, request_hash=request_hash, status_code=303, entry_id=row.id
    )
    try:
        db.commit()
    except IntegrityError:
        db.rollback()  # the same form arrived twice at once; the other one saved it
        earlier = idempotency.earlier_answer(db, user=user, key=key, request_hash=request_hash)
        return earlier.entry_id if earlier else None
    return row.id


@router.get("/entries/{entry_id}", response_class=HTMLResponse)
def show_entry(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    settings: SettingsDep,
    entry_id: RowId,
    saved: bool = False,
) -> Response:
    """Show one entry, its red-flag alert (if any) above everything else."""
    row = load_entry(db, entry_id, viewer=signed_in.user)
    db.commit()  # keeps the audit record when someone other than the owner reads it
    owner_view = row.user_id == signed_in.user.id
    return templates.TemplateResponse(
        request,
        "entry.html",
        {
            "signed_in": signed_in,
            "can_write": owner_view,
            "back": "/diary" if owner_view else f"/people/{row.user_id}/diary",
            "entry": to_public(row),
            "flags": row.flags,
            "alert": alert_for(row.flags, emergency_number=settings.emergency_number),
            "emergency_number": settings.emergency_number,
            "saved": saved,
            "tz": signed_in.user.time_zone,
        },
    )


@router.get("/red-flags", response_class=HTMLResponse)
def red_flag_history(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show every red flag the diary has raised, newest first."""
    flags = red_flags(db, owner=signed_in.user)
    return templates.TemplateResponse(
        request,
        "red_flags.html",
        {"signed_in": signed_in, "flags": flags, "tz": signed_in.user.time_zone},
    )


@router.get("/entries/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry_page(
    request: Request, db: DbSession, signed_in: WebUser, entry_id: RowId
) -> Response:
    """Show the form filled in with the entry."""
    row = load_entry(db, entry_id, viewer=signed_in.user, action="write")
    form = form_from_entry(to_public(row), time_zone=signed_in.user.time_zone)
    return templates.TemplateResponse(
        request, "entry_form.html", {"signed_in": signed_in, "form": form, "entry_id": entry_id}
    )


@router.post("/entries/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    entry_id: RowId,
    posted: PostedForm,
) -> Response:
    """Save the changed entry; the form again with messages when invalid (nothing changes)."""
    row = load_entry(db, entry_id, viewer=signed_in.user, action="write")
    entry, form = parse_entry_form(posted, default_time_zone=signed_in.user.time_zone)
    if entry is None:
        return templates.TemplateResponse(
            request,
            "entry_form.html",
            {"signed_in": signed_in, "form": form, "entry_id": entry_id},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    replace_entry(db, row, entry)
    db.commit()
    return RedirectResponse(f"/entries/{row.id}?saved=1", status.HTTP_303_SEE_OTHER)


@router.post("/entries/{entry_id}/delete")
def remove_entry(db: DbSession, signed_in: WebUserPosting, entry_id: RowId) -> Response:
    """Delete the entry and go back to the diary."""
    row = load_entry(db, entry_id, viewer=signed_in.user, action="write")
    delete_entry(db, row)
    db.commit()
    return RedirectResponse("/diary?deleted=1", status.HTTP_303_SEE_OTHER)
