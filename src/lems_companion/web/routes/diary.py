"""Diary pages: the timeline, the entry form, one entry, edit and delete."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.exc import IntegrityError

from lems_companion import catalogue
from lems_companion.accounts.models import User
from lems_companion.accounts.profile import emergency_number_for
from lems_companion.dates import zone
from lems_companion.diary import idempotency
from lems_companion.diary.acknowledgements import acknowledgements_for
from lems_companion.diary.alerts import alert_for
from lems_companion.diary.authors import written_by_others
from lems_companion.diary.flags import records_of, red_flag_names
from lems_companion.diary.quick import QuickEntry, quick_entry
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.search import MAX_MATCHES, TimelineFilter, search_entries
from lems_companion.diary.service import (
    BadCursor,
    add_entry,
    delete_entry,
    load_entry,
    page_entries,
    red_flags,
    replace_entry,
    same_day_medicines,
    to_public,
)
from lems_companion.diary.weights import WEIGHT_UNITS, unit_or_default
from lems_companion.i18n import N_, translate
from lems_companion.tools.records import amifampridine_notices
from lems_companion.web.deps import (
    DbSession,
    PostedForm,
    RowId,
    SettingsDep,
    SignedIn,
    WebUser,
    WebUserPosting,
)
from lems_companion.web.forms import (
    WEIGHT_UNIT_FIELD,
    EntryForm,
    blank_form,
    form_from_entry,
    parse_entry_form,
)
from lems_companion.web.templating import page_language, templates

router = APIRouter()


def _day(text: str | None) -> date | None:
    """Return the date typed in a filter; None when empty or not a date."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _weight_unit(user: User, asked: str | None = None) -> str:
    """Return the unit the form asks the weight in: the one just chosen (a link on the form),
    else the person's own, else kilograms."""
    return asked if asked in WEIGHT_UNITS else unit_or_default(user.weight_unit)


def _keep_weight_unit(user: User, posted: PostedForm) -> None:
    """Remember the unit a saved entry's weight was typed in as the person's (the caller
    commits with the entry, so a failed save changes nothing)."""
    unit = str(posted.get(WEIGHT_UNIT_FIELD) or "")
    if unit in WEIGHT_UNITS:
        user.weight_unit = unit


def _timeline_context(
    request: Request,
    db: DbSession,
    signed_in: SignedIn,
    criteria: TimelineFilter,
    cursor: str | None,
) -> dict[str, Any]:
    """Return what the diary page shows: a page of entries, or the newest that match a filter."""
    if criteria.active():
        rows = search_entries(
            db, owner=signed_in.user, criteria=criteria, time_zone=signed_in.user.time_zone
        )
        next_cursor = None
    else:
        try:
            page = page_entries(db, owner=signed_in.user, cursor=cursor)
        except BadCursor:
            message = N_(
                "This link to older entries is not one the diary made; open the diary again."
            )
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST,
                translate(message, page_language(request, signed_in.user)),
            ) from None
        rows, next_cursor = page.items, page.next_cursor
    return {
        "signed_in": signed_in,
        "entries": [to_public(row) for row in rows],
        "entry_levels": {row.id: row.triage_level for row in rows},
        "entry_flags": {
            row.id: red_flag_names(row, page_language(request, signed_in.user)) for row in rows
        },
        "entry_authors": written_by_others(
            db, owner_id=signed_in.user.id, entry_ids=[row.id for row in rows]
        ),
        "entry_seen": acknowledgements_for(db, [row.id for row in rows]),
        "next_cursor": next_cursor,
        "tz": signed_in.user.time_zone,
        "criteria": criteria,
        "max_matches": MAX_MATCHES,
    }


@router.get("/diary", response_class=HTMLResponse)
def timeline(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    cursor: str | None = None,
    q: str = "",
    symptom: str = "",
    flags: str = "",
    since: str = "",
    until: str = "",
) -> Response:
    """Show the diary newest first; with htmx, only the next page of entries; with a filter,
    the newest entries that match it."""
    criteria = TimelineFilter(
        text=q.strip()[:200],
        symptom=symptom if symptom in catalogue.symptom_ids() else None,
        red_flags=bool(flags),
        since=_day(since),
        until=_day(until),
    )
    context = _timeline_context(request, db, signed_in, criteria, cursor)
    template = "_timeline_items.html" if request.headers.get("HX-Request") else "diary.html"
    return templates.TemplateResponse(request, template, context)


def _new_entry_form(
    request: Request,
    signed_in: WebUser,
    form: EntryForm,
    quick: QuickEntry,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    return templates.TemplateResponse(
        request,
        "entry_form.html",
        {"signed_in": signed_in, "form": form, "entry_id": None, "quick": quick},
        status_code=status_code,
    )


@router.get("/entries/new", response_class=HTMLResponse)
def new_entry_page(
    request: Request, db: DbSession, signed_in: WebUser, weight_unit: str | None = None
) -> Response:
    """Show an empty entry form, timed now, the person's usual symptoms and medicines first,
    the weight asked in their unit (or the one just chosen)."""
    now = datetime.now(UTC).astimezone(zone(signed_in.user.time_zone))
    quick = quick_entry(db, owner=signed_in.user)
    form = blank_form(now=now, weight_unit=_weight_unit(signed_in.user, weight_unit))
    return _new_entry_form(request, signed_in, form, quick)


@router.post("/entries", response_class=HTMLResponse)
def create_entry(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save a new entry and show it; the form again, as typed, with messages when invalid."""
    entry, form = parse_entry_form(
        posted,
        default_time_zone=signed_in.user.time_zone,
        language=page_language(request, signed_in.user),
    )
    if entry is None:
        quick = quick_entry(db, owner=signed_in.user)
        return _new_entry_form(
            request, signed_in, form, quick, status.HTTP_422_UNPROCESSABLE_CONTENT
        )
    _keep_weight_unit(signed_in.user, posted)
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
    day = same_day_medicines(db, row)
    db.commit()  # keeps the audit record when someone other than the owner reads it
    owner_view = row.user_id == signed_in.user.id
    # The number the person reading would call: theirs, which a caregiver may not share.
    number = emergency_number_for(signed_in.user, settings.emergency_number)
    entry = to_public(row)
    return templates.TemplateResponse(
        request,
        "entry.html",
        {
            "signed_in": signed_in,
            "can_write": owner_view,
            "owner_view": owner_view,
            "back": "/diary" if owner_view else f"/people/{row.user_id}/diary",
            "entry": entry,
            "author": written_by_others(db, owner_id=row.user_id, entry_ids=[row.id]).get(row.id),
            "flag_names": red_flag_names(row, page_language(request, signed_in.user)),
            "seen": acknowledgements_for(db, [row.id]).get(row.id, []),
            # A caregiver or clinician says they have seen the red flags; the patient need not.
            "can_acknowledge": not owner_view,
            "alert": alert_for(
                records_of(row),
                emergency_number=number,
                language=page_language(request, signed_in.user),
            ),
            "emergency_number": number,
            "amifampridine": amifampridine_notices(entry, same_day=day),
            "saved": saved,
            "tz": signed_in.user.time_zone,
        },
    )


@router.get("/red-flags", response_class=HTMLResponse)
def red_flag_history(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show every red flag the diary has raised, newest first."""
    flags = red_flags(db, owner=signed_in.user)
    authors = written_by_others(
        db, owner_id=signed_in.user.id, entry_ids={flag.entry_id for flag in flags}
    )
    return templates.TemplateResponse(
        request,
        "red_flags.html",
        {
            "signed_in": signed_in,
            "flags": flags,
            "entry_authors": authors,
            "tz": signed_in.user.time_zone,
        },
    )


@router.get("/entries/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry_page(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    entry_id: RowId,
    weight_unit: str | None = None,
) -> Response:
    """Show the form filled in with the entry, its weight in the person's unit."""
    row = load_entry(db, entry_id, viewer=signed_in.user, action="write")
    form = form_from_entry(
        to_public(row),
        time_zone=signed_in.user.time_zone,
        weight_unit=_weight_unit(signed_in.user, weight_unit),
    )
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
    entry, form = parse_entry_form(
        posted,
        default_time_zone=signed_in.user.time_zone,
        language=page_language(request, signed_in.user),
    )
    if entry is None:
        return templates.TemplateResponse(
            request,
            "entry_form.html",
            {"signed_in": signed_in, "form": form, "entry_id": entry_id},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    _keep_weight_unit(signed_in.user, posted)
    replace_entry(db, row, entry)
    db.commit()
    return RedirectResponse(f"/entries/{row.id}?saved=1", status.HTTP_303_SEE_OTHER)


@router.post("/entries/{entry_id}/delete", response_class=HTMLResponse)
def remove_entry(
    request: Request, db: DbSession, signed_in: WebUserPosting, entry_id: RowId
) -> Response:
    """Delete the entry and show the diary, with a button that saves the entry again."""
    row = load_entry(db, entry_id, viewer=signed_in.user, action="write")
    # Undo without keeping deleted entries on the server: the page carries the entry's answers
    # in a form that saves it again (triaged afresh), for as long as the page is open.
    # Rejected: a soft delete, which every query of entries (report, analysis, exports, the
    # clinician's views) would have to remember to skip.
    undo = form_from_entry(
        to_public(row),
        time_zone=signed_in.user.time_zone,
        weight_unit=unit_or_default(signed_in.user.weight_unit),
    )
    undo.values["idempotency_key"] = uuid.uuid4().hex
    delete_entry(db, row)
    db.commit()
    context = _timeline_context(request, db, signed_in, TimelineFilter(), cursor=None)
    return templates.TemplateResponse(request, "diary.html", {**context, "undo": undo})
