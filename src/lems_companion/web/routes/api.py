"""The JSON API under /api/v1: tokens (OAuth2 password flow), diary entries, the profile, and the
people whose diaries are shared with the caller (issue 14)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Header, HTTPException, Query, Response, status
from fastapi.encoders import jsonable_encoder
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lems_companion.accounts.mfa import must_enrol
from lems_companion.accounts.models import User
from lems_companion.accounts.profile import (
    ProfilePublic,
    ProfileUpdate,
    emergency_number_for,
    profile_of,
    set_profile,
)
from lems_companion.accounts.service import (
    SecondFactorRequired,
    TooManyAttempts,
    WrongCredentials,
    authenticate,
    start_session,
)
from lems_companion.diary import idempotency
from lems_companion.diary.acknowledgements import (
    Acknowledgement,
    NothingToAcknowledge,
    acknowledge_entry_flags,
    acknowledgements_for,
)
from lems_companion.diary.alerts import alert_for
from lems_companion.diary.authors import AuthorPublic, author_of_new, authors_of
from lems_companion.diary.flags import FlagPublic, records_of
from lems_companion.diary.models import Entry
from lems_companion.diary.schemas import EntryCreate, EntryPublic, EntryUpdate
from lems_companion.diary.service import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    Author,
    BadCursor,
    NotFound,
    add_entry,
    author_for,
    delete_entry,
    diary_access,
    load_entry,
    page_entries,
    replace_entry,
    to_public,
)
from lems_companion.people.service import PersonSummary, people_for
from lems_companion.settings import Settings
from lems_companion.sharing.service import Access, audit, mark_seen
from lems_companion.tools.records import MedicationWarning, medication_warnings
from lems_companion.web.deps import ApiUser, ClientAddress, DbSession, RowId, SettingsDep

router = APIRouter(prefix="/api/v1", tags=["api"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such entry in your diary."}}


class Token(BaseModel):
    """A bearer token for the API."""

    access_token: str
    token_type: str = "bearer"
    expires_in: int


class TriagePublic(BaseModel):
    """The entry's triage: its level, red flags (most urgent first) and what to do now."""

    level: str
    flags: list[FlagPublic]
    advice: list[str]


class AcknowledgementPublic(BaseModel):
    """Someone saw one of the entry's red flags; the flag itself stays in `triage.flags`."""

    flag: str
    level: str
    by: AuthorPublic
    at: datetime
    text: str  # "seen by NAME (role) at TIME", in UTC


class EntryRead(EntryPublic):
    """A stored entry with its author, its triage (recomputed whenever the entry changes) and
    who has acknowledged its red flags."""

    author: AuthorPublic
    triage: TriagePublic
    # Logged medicines that can worsen LEMS, to discuss with the prescriber (spec section 6);
    # next to the triage, not in it: a caution is advice about a medicine, not a red flag.
    medication_warnings: list[MedicationWarning]
    acknowledgements: list[AcknowledgementPublic]


class EntryPage(BaseModel):
    """A page of entries, newest first, and the cursor of the next page (null on the last)."""

    items: list[EntryRead]
    next_cursor: str | None


def _acknowledgement(item: Acknowledgement) -> AcknowledgementPublic:
    return AcknowledgementPublic(
        flag=item.flag,
        level=item.level,
        by=AuthorPublic(id=item.user_id, name=item.name, role=item.role),
        at=item.at,
        text=f"{item.text(UTC)} UTC",
    )


def _reads(db: Session, rows: list[Entry], settings: Settings, viewer: User) -> list[EntryRead]:
    """Return the entries as the API shows them: two queries (authors, acknowledgements)."""
    authors = authors_of(db, rows)
    seen = acknowledgements_for(db, [row.id for row in rows])
    return [
        _read(row, settings, viewer, author=authors[row.id], seen=seen.get(row.id, []))
        for row in rows
    ]


def _read_one(db: Session, row: Entry, settings: Settings, viewer: User) -> EntryRead:
    return _reads(db, [row], settings, viewer)[0]


def _read_new(row: Entry, settings: Settings, viewer: User, *, owner: User) -> EntryRead:
    """Return an entry the viewer has just added to ``owner``'s diary as the API shows it.

    No query, where ``_read_one`` costs two after the commit (and on PostgreSQL a connection
    taken from the pool again): the author is the viewer or the owner, both at hand, and
    nobody can have acknowledged the new entry's flags yet.
    """
    author = author_of_new(row, owner=owner, writer=viewer)
    return _read(row, settings, viewer, author=author, seen=[])


def _read(
    row: Entry,
    settings: Settings,
    viewer: User,
    *,
    author: AuthorPublic,
    seen: list[Acknowledgement],
) -> EntryRead:
    """Return the entry with its triage as the API shows it, with the viewer's emergency number."""
    number = emergency_number_for(viewer, settings.emergency_number)
    flags = records_of(row)
    alert = alert_for(flags, emergency_number=number)
    triage = TriagePublic(
        level=row.triage_level,
        flags=[FlagPublic.of(item) for item in flags],
        advice=alert.advice if alert else [],
    )
    public = to_public(row)
    warnings = medication_warnings(public.medications)
    return EntryRead.model_validate(
        {
            **public.model_dump(),
            "author": author,
            "triage": triage,
            "medication_warnings": warnings,
            "acknowledgements": [_acknowledgement(item) for item in seen],
        }
    )


@router.post(
    "/token",
    response_model=Token,
    responses={
        401: {
            "description": "Wrong e-mail or password; or the detail `mfa_required`: the account "
            "has two-step sign-in on (or must have it) and `totp` was missing or wrong."
        },
        403: {"description": "`mfa_enrolment_required`: set up two-step sign-in on the web."},
        429: {"description": "Too many attempts from this client; wait and retry."},
    },
)
def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: DbSession,
    settings: SettingsDep,
    client: ClientAddress,
    totp: Annotated[
        str,
        Form(
            max_length=40,
            description="The 6-digit code of the authenticator app, or a recovery code, for "
            "an account with two-step sign-in.",
        ),
    ] = "",
) -> Token:
    """Exchange an e-mail (as `username`) and password for a bearer token."""
    try:
        user = authenticate(
            db, email=form.username, password=form.password, client=client, code=totp
        )
    except TooManyAttempts as error:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, str(error)) from None
    except SecondFactorRequired:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "mfa_required", headers={"WWW-Authenticate": "Bearer"}
        ) from None
    except WrongCredentials as error:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, str(error), headers={"WWW-Authenticate": "Bearer"}
        ) from None
    if must_enrol(db, user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "mfa_enrolment_required")
    token, _ = start_session(db, user=user, kind="api", days=settings.session_days)
    db.commit()
    return Token(access_token=token, expires_in=settings.session_days * 24 * 3600)


IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=idempotency.MAX_KEY_CHARS,
        description="A key of your choosing (e.g. a UUID) for this entry. Sending the same "
        "request again with the same key within 24 hours returns the first answer and stores "
        "nothing new, so a retry after a dropped connection cannot make a duplicate.",
    ),
]


@router.post(
    "/entries",
    response_model=EntryRead,
    status_code=status.HTTP_201_CREATED,
    responses={422: {"description": "Invalid entry, or an Idempotency-Key reused differently."}},
)
def create_entry(
    data: EntryCreate,
    db: DbSession,
    user: ApiUser,
    settings: SettingsDep,
    response: Response,
    idempotency_key: IdempotencyKeyHeader = None,
) -> EntryRead:
    """Add an entry to your diary; the response carries its red-flag triage."""
    if idempotency_key is None:
        row, new = add_entry(db, owner=user, data=data), True
        db.commit()
    else:
        row, new = _add_once(db, user, data, idempotency_key)
    response.headers["Location"] = f"/api/v1/entries/{row.id}"
    return _read_new(row, settings, user, owner=user) if new else _read_one(db, row, settings, user)


def _add_once(
    db: DbSession,
    user: User,
    data: EntryCreate,
    key: str,
    *,
    owner: User | None = None,
    author: Author | None = None,
    access: Access | None = None,
) -> tuple[Entry, bool]:
    """Return the entry this key made, adding it only the first time the key is seen, and
    whether it was added now.

    ``owner`` is the diary written to (the caller's own when None); the key belongs to the
    caller, who is ``author``."""
    try:
        idempotency.check_key(key)
        request_hash = idempotency.fingerprint(
            data.model_dump_json() + (f"|diary {owner.id}" if owner else "")
        )
        earlier = idempotency.earlier_answer(db, user=user, key=key, request_hash=request_hash)
        if earlier is None:
            row = add_entry(db, owner=owner or user, data=data, author=author)
            if access is not None:
                audit(db, access, action="create", target=f"entry {row.id}")
            idempotency.remember(
                db,
                user=user,
                key=key,
                request_hash=request_hash,
                status_code=status.HTTP_201_CREATED,
                entry_id=row.id,
            )
            db.commit()
            return row, True
    except ValueError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from None
    except IntegrityError:
        # The same key arrived twice at once and the other request stored first: answer as it.
        db.rollback()
        earlier = idempotency.earlier_answer(db, user=user, key=key, request_hash=request_hash)
        if earlier is None:
            raise
    assert earlier.entry_id is not None
    return load_entry(db, earlier.entry_id, viewer=user), False


# The query of every page of entries: your own and a diary shared with you.
Since = Annotated[
    datetime | None, Query(description="Only entries at or after this time (ISO 8601).")
]
Until = Annotated[datetime | None, Query(description="Only entries before this time (ISO 8601).")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Entries per page.")]


@router.get("/entries", response_model=EntryPage)
def list_entries(
    db: DbSession,
    user: ApiUser,
    settings: SettingsDep,
    since: Since = None,
    until: Until = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> EntryPage:
    """List your entries, newest first, a page at a time."""
    return _page(db, user, user, settings, since=since, until=until, cursor=cursor, limit=limit)


def _page(
    db: Session,
    owner: User,
    viewer: User,
    settings: Settings,
    *,
    since: datetime | None,
    until: datetime | None,
    cursor: str | None,
    limit: int,
) -> EntryPage:
    """Return a page of the owner's entries as the viewer sees them; 422/400 for bad bounds."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: give a UTC offset, e.g. +00:00"
            )
        try:
            # Year 1 east of Greenwich or 9999 west of it has no UTC equivalent to query with.
            _ = value and value.astimezone(UTC)
        except OverflowError:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: out of range once in UTC"
            ) from None
    try:
        page = page_entries(db, owner=owner, since=since, until=until, cursor=cursor, limit=limit)
    except BadCursor as error:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(error)) from None
    return EntryPage(items=_reads(db, page.items, settings, viewer), next_cursor=page.next_cursor)


@router.get("/entries/{entry_id}", response_model=EntryRead, responses=NOT_FOUND)
def get_entry(entry_id: RowId, db: DbSession, user: ApiUser, settings: SettingsDep) -> EntryRead:
    """Return one entry of your diary (or one shared with you), with its triage."""
    row = load_entry(db, entry_id, viewer=user)
    db.commit()  # keeps the audit record when someone other than the owner reads it
    return _read_one(db, row, settings, user)


@router.patch("/entries/{entry_id}", response_model=EntryRead, responses=NOT_FOUND)
def update_entry(
    entry_id: RowId, change: EntryUpdate, db: DbSession, user: ApiUser, settings: SettingsDep
) -> EntryRead:
    """Change some fields of an entry; fields left out keep their value, null clears one."""
    row = load_entry(db, entry_id, viewer=user, action="write")
    try:
        merged = change.apply_to(to_public(row).as_create())
    except ValidationError as error:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            jsonable_encoder(error.errors(include_url=False, include_context=False)),
        ) from None
    replace_entry(db, row, merged)
    db.commit()
    return _read_one(db, row, settings, user)


@router.delete("/entries/{entry_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def remove_entry(entry_id: RowId, db: DbSession, user: ApiUser) -> Response:
    """Delete an entry of your diary."""
    delete_entry(db, load_entry(db, entry_id, viewer=user, action="write"))
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/profile", response_model=ProfilePublic)
def get_profile(user: ApiUser) -> ProfilePublic:
    """Return your profile: name, date of birth, country, language and emergency number."""
    return profile_of(user)


@router.put("/profile", response_model=ProfilePublic)
def put_profile(profile: ProfileUpdate, db: DbSession, user: ApiUser) -> ProfilePublic:
    """Replace your whole profile; a field left out or null is cleared. 422 stores nothing."""
    set_profile(user, profile)
    db.commit()
    return profile_of(user)


# The people whose diaries are shared with the caller (issue 14) -------------------------------

NO_DIARY: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such diary shared with you (or no such entry in it)."}
}


class OpenFlagsPublic(BaseModel):
    """Red flags of the diary that you have not acknowledged, by level."""

    emergency: int
    prompt: int


class PersonPublic(BaseModel):
    """A diary shared with you, with what it needs."""

    owner_id: int
    name: str
    role: str
    last_entry_at: datetime | None
    open_flags: OpenFlagsPublic
    new_flags: int
    changes: list[str]
    pending: bool

    @classmethod
    def of(cls, person: PersonSummary) -> PersonPublic:
        """Return the public form of a summary."""
        return cls(
            owner_id=person.owner_id,
            name=person.name,
            role=person.role,
            last_entry_at=person.last_entry_at,
            open_flags=OpenFlagsPublic(
                emergency=person.open_flags.emergency, prompt=person.open_flags.prompt
            ),
            new_flags=person.new_flags,
            changes=list(person.changes),
            pending=person.pending,
        )


@router.get("/people", response_model=list[PersonPublic])
def list_people(db: DbSession, user: ApiUser) -> list[PersonPublic]:
    """List the diaries shared with you: unacknowledged emergency flags first, then prompt
    flags, then a marked change (weakness worse, 3TUG 20% slower, weight loss), then the rest by
    last entry. `open_flags` counts the red flags you have not acknowledged; `new_flags` those
    written since you last opened the diary; `pending` is true until you first open it."""
    people = people_for(db, user)
    db.commit()  # keeps the signals computed for diaries that changed
    return [PersonPublic.of(person) for person in people]


def _owner(db: Session, owner_id: int) -> User:
    owner = db.get(User, owner_id)
    if owner is None:
        raise NotFound("no such diary")
    return owner


@router.get("/people/{owner_id}/entries", response_model=EntryPage, responses=NO_DIARY)
def list_their_entries(
    owner_id: RowId,
    db: DbSession,
    user: ApiUser,
    settings: SettingsDep,
    since: Since = None,
    until: Until = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
) -> EntryPage:
    """List the entries of a diary shared with you (or your own), newest first, a page at a
    time; each names its author. Opening it counts as looking (`new_flags` starts again)."""
    access = diary_access(db, viewer=user, owner_id=owner_id, action="read")
    page = _page(
        db,
        _owner(db, owner_id),
        user,
        settings,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )
    audit(db, access, action="read", target="diary")
    mark_seen(db, viewer=user, owner_id=owner_id)
    db.commit()
    return page


@router.post(
    "/people/{owner_id}/entries",
    response_model=EntryRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        **NO_DIARY,
        422: {"description": "Invalid entry, or an Idempotency-Key reused differently."},
    },
)
def create_their_entry(
    owner_id: RowId,
    data: EntryCreate,
    db: DbSession,
    user: ApiUser,
    settings: SettingsDep,
    response: Response,
    idempotency_key: IdempotencyKeyHeader = None,
) -> EntryRead:
    """Add an entry to a diary shared with you when your role may (a caregiver may; a clinician
    reads only). The entry names you, with your role, as its author, and triage reads it so."""
    access = diary_access(db, viewer=user, owner_id=owner_id, action="create")
    owner = _owner(db, owner_id)
    author = author_for(user, access)
    if idempotency_key is None:
        row, new = add_entry(db, owner=owner, data=data, author=author), True
        audit(db, access, action="create", target=f"entry {row.id}")
        db.commit()
    else:
        row, new = _add_once(
            db, user, data, idempotency_key, owner=owner, author=author, access=access
        )
    response.headers["Location"] = f"/api/v1/entries/{row.id}"
    return (
        _read_new(row, settings, user, owner=owner) if new else _read_one(db, row, settings, user)
    )


@router.post(
    "/people/{owner_id}/entries/{entry_id}/acknowledge",
    response_model=EntryRead,
    responses={
        **NO_DIARY,
        409: {"description": "The entry raised no red flag, so there is nothing to acknowledge."},
    },
)
def acknowledge(
    owner_id: RowId, entry_id: RowId, db: DbSession, user: ApiUser, settings: SettingsDep
) -> EntryRead:
    """Say you have seen this entry's red flags. The flags stay, each with "seen by"; your
    `open_flags` for the diary go down. Acknowledging again changes nothing."""
    row = load_entry(db, entry_id, viewer=user)
    if row.user_id != owner_id:
        db.rollback()
        raise NotFound(f"no diary entry {entry_id}")
    try:
        acknowledge_entry_flags(db, row, user)
    except NothingToAcknowledge as error:
        db.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from None
    db.commit()
    return _read_one(db, row, settings, user)
