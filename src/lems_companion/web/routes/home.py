"""The home that fits the person (issue 14): the diaries shared with them first, sorted by what
needs attention, with pending invitations; their own diary beside them; the clinician's list of
patients; and acknowledging a patient's red flags ("seen by NAME (role) at TIME")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse

from lems_companion.accounts import mfa
from lems_companion.diary.acknowledgements import NothingToAcknowledge, acknowledge_entry_flags
from lems_companion.diary.service import NotFound, load_entry, page_entries, red_flags
from lems_companion.people.service import pending_invitations, people_for
from lems_companion.web.deps import (
    DbSession,
    EnrolmentRequired,
    MaybeWebUser,
    RowId,
    WebUser,
    WebUserPosting,
)
from lems_companion.web.templating import templates

router = APIRouter()
# Where the Acknowledge button may send the person back to: the home, the patient list, an entry
# or a shared timeline (never another site).
RETURN_PATHS = ("/", "/patients")
RETURN_PREFIXES = ("/entries/", "/people/")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: DbSession, signed_in: MaybeWebUser) -> Response:
    """Show the diaries shared with this person first, with any red flag since they last looked
    and pending invitations, and their own diary beside them; a patient goes to their diary and a
    visitor to sign in."""
    if signed_in is None:
        return RedirectResponse("/login", status.HTTP_303_SEE_OTHER)
    if mfa.must_enrol(db, signed_in.user):
        raise EnrolmentRequired()
    if not signed_in.roles.looks_after:
        return RedirectResponse("/diary", status.HTTP_303_SEE_OTHER)
    user = signed_in.user
    people = people_for(db, user)
    invitations = pending_invitations(db, user)
    own_latest = None
    own_flags = 0
    if signed_in.roles.own_diary:
        latest = page_entries(db, owner=user, limit=1).items
        own_latest = latest[0].recorded_at if latest else None
        own_flags = len(red_flags(db, owner=user))
    db.commit()  # keeps the people list's computed signals
    return templates.TemplateResponse(
        request,
        "home.html",
        {
            "signed_in": signed_in,
            "people": people,
            "invitations": invitations,
            "own_latest": own_latest,
            "own_flags": own_flags,
            "tz": user.time_zone,
        },
    )


@router.get("/patients", response_class=HTMLResponse)
def patients(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show every patient who shared their diary with this clinician, the one that needs
    attention first: an unacknowledged emergency flag, then a prompt flag, then a marked change,
    then the rest by their last entry."""
    people = [person for person in people_for(db, signed_in.user) if "clinician" in person.roles]
    db.commit()
    return templates.TemplateResponse(
        request,
        "patients.html",
        {"signed_in": signed_in, "people": people, "tz": signed_in.user.time_zone},
    )


@router.post("/entries/{entry_id}/acknowledge")
def acknowledge(
    db: DbSession,
    signed_in: WebUserPosting,
    entry_id: RowId,
    back: Annotated[str, Form()] = "",
) -> Response:
    """Record that this person has seen the entry's red flags; the flags stay, each with
    "seen by NAME (role) at TIME" beside it for everyone who reads the diary."""
    row = load_entry(db, entry_id, viewer=signed_in.user)
    try:
        acknowledge_entry_flags(db, row, signed_in.user)
    except NothingToAcknowledge as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from None
    except NotFound:
        raise NotFound(f"no diary entry {entry_id}") from None
    db.commit()
    local = back in RETURN_PATHS or (back.startswith(RETURN_PREFIXES) and "//" not in back)
    target = back if local else ""
    return RedirectResponse(
        target or f"/entries/{entry_id}?acknowledged=1", status.HTTP_303_SEE_OTHER
    )
