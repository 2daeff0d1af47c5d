"""Sharing a diary: invitations for caregivers and clinicians, share links, the audit log, and
the pages through which those people see (and caregivers add to) a diary that is not theirs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.dates import zone
from lems_companion.diary.acknowledgements import acknowledgements_for
from lems_companion.diary.alerts import alert_for
from lems_companion.diary.authors import written_by_others
from lems_companion.diary.flags import records_of, red_flag_names
from lems_companion.diary.models import Entry
from lems_companion.diary.service import (
    BadCursor,
    NotFound,
    add_entry,
    author_for,
    diary_access,
    page_entries,
    to_public,
)
from lems_companion.i18n import N_
from lems_companion.inputs import whole_number
from lems_companion.messaging.service import send_invitation
from lems_companion.people.service import pending_invitations
from lems_companion.reports.report import (
    MAX_CITED_ENTRIES,
    Report,
    render_report_html,
    render_report_pdf,
)
from lems_companion.reports.service import owner_report
from lems_companion.sharing.models import ShareLink
from lems_companion.sharing.service import (
    DEFAULT_LINK_DAYS,
    NOTIFY_LEVELS,
    Access,
    SharingError,
    audit,
    audit_log,
    create_link,
    diaries_shared_with,
    grants_of,
    invite,
    link_access,
    links_of,
    live_link,
    mark_seen,
    revoke_grant,
    revoke_link,
    set_notify,
    set_notify_wanted,
)
from lems_companion.web.deps import (
    DbSession,
    PostedForm,
    RowId,
    SettingsDep,
    WebUser,
    WebUserPosting,
)
from lems_companion.web.forms import blank_form, field_errors, parse_entry_form
from lems_companion.web.routes.reports import DateParam, period_bounds, period_query
from lems_companion.web.templating import page_language, templates

router = APIRouter()
# What each notice choice means, in the words the sharing pages show.
# The template passes them through the catalogue, in the reader's language.
NOTIFY_LABELS = {
    "none": N_("No e-mails"),
    "emergency": N_("An e-mail at once when an entry needs urgent care"),
    "prompt": N_("That, and a morning e-mail when entries should be shown to a doctor within days"),
}
# What a share link opens, as the list of links names it (through the catalogue).
LINK_SCOPES = {"diary": N_("diary and report"), "report": N_("report")}
REPORT_STYLESHEET = "/static/report.css"


def _sharing_page(
    request: Request,
    db: Session,
    signed_in: WebUser,
    *,
    errors: dict[str, str] | None = None,
    new_link: str | None = None,
    invited: int | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    user = signed_in.user
    grants = grants_of(db, owner=user)
    return templates.TemplateResponse(
        request,
        "sharing.html",
        {
            "signed_in": signed_in,
            "grants": grants,
            # The invitation just made: the page says what happens next, with an address to send.
            "invited": next((grant for grant in grants if grant.id == invited), None),
            "app_address": str(request.base_url),
            "links": links_of(db, owner=user),
            "errors": errors or {},
            "new_link": new_link,
            "default_days": DEFAULT_LINK_DAYS,
            "tz": user.time_zone,
            "notify_levels": NOTIFY_LEVELS,
            "notify_labels": NOTIFY_LABELS,
            "link_scopes": LINK_SCOPES,
        },
        status_code=status_code,
    )


@router.get("/sharing", response_class=HTMLResponse)
def sharing_page(
    request: Request, db: DbSession, signed_in: WebUser, invited: int | None = None
) -> Response:
    """Show who may see the diary, the live share links, and forms to add either; after an
    invitation, what happens next."""
    return _sharing_page(request, db, signed_in, invited=invited)


@router.post("/sharing/invite", response_class=HTMLResponse)
def invite_person(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    email: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    notify: Annotated[str, Form()] = "none",
) -> Response:
    """Invite a caregiver or clinician by e-mail (an invitation is sent); they see the diary
    once signed in with a confirmed address."""
    try:
        grant = invite(db, owner=signed_in.user, email=email, role=role, notify=notify)
    except SharingError as error:
        db.rollback()
        return _sharing_page(request, db, signed_in, errors=field_errors(error), status_code=422)
    send_invitation(db, grant=grant)
    db.commit()
    return RedirectResponse(f"/sharing?invited={grant.id}#invited", status.HTTP_303_SEE_OTHER)


@router.post("/sharing/grants/{grant_id}/notify", response_class=HTMLResponse)
def allow_notices(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    grant_id: RowId,
    notify: Annotated[str, Form()] = "",
) -> Response:
    """Choose which red-flag notices may be e-mailed to a person the patient invited."""
    try:
        set_notify(db, owner=signed_in.user, grant_id=grant_id, notify=notify)
    except SharingError as error:
        db.rollback()
        if str(error) == "no such invitation":
            raise NotFound("no such invitation") from None
        return _sharing_page(request, db, signed_in, errors=field_errors(error), status_code=422)
    db.commit()
    return RedirectResponse("/sharing", status.HTTP_303_SEE_OTHER)


@router.post("/shared/grants/{grant_id}/notify")
def want_notices(
    db: DbSession, signed_in: WebUserPosting, grant_id: RowId, notify: Annotated[str, Form()] = ""
) -> Response:
    """Choose which red-flag notices this person wants about a diary shared with them."""
    try:
        set_notify_wanted(db, viewer=signed_in.user, grant_id=grant_id, notify=notify)
    except SharingError:
        raise NotFound("no such invitation") from None
    db.commit()
    return RedirectResponse("/shared?saved=1", status.HTTP_303_SEE_OTHER)


@router.post("/sharing/grants/{grant_id}/revoke")
def revoke_person(db: DbSession, signed_in: WebUserPosting, grant_id: RowId) -> Response:
    """Withdraw an invitation; it stops working at once."""
    try:
        revoke_grant(db, owner=signed_in.user, grant_id=grant_id)
    except SharingError:
        raise NotFound("no such invitation") from None
    db.commit()
    return RedirectResponse("/sharing", status.HTTP_303_SEE_OTHER)


def _days(text: str) -> int:
    """Return the typed number of days; 0 (refused by create_link, with its message) when the
    text is not a whole number in ASCII digits."""
    try:
        return whole_number(text)
    except ValueError:
        return 0


@router.post("/sharing/links", response_class=HTMLResponse)
def new_link(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    scope: Annotated[str, Form()] = "report",
    days: Annotated[str, Form()] = str(DEFAULT_LINK_DAYS),
    label: Annotated[str, Form()] = "",
) -> Response:
    """Create a read-only link and show its address once (only its hash is kept)."""
    try:
        token, _ = create_link(
            db,
            owner=signed_in.user,
            scope=scope,
            days=_days(days),
            label=label,
        )
    except SharingError as error:
        db.rollback()
        return _sharing_page(request, db, signed_in, errors=field_errors(error), status_code=422)
    db.commit()
    address = str(request.url_for("shared_view", token=token))
    return _sharing_page(request, db, signed_in, new_link=address)


@router.post("/sharing/links/{link_id}/revoke")
def withdraw_link(db: DbSession, signed_in: WebUserPosting, link_id: RowId) -> Response:
    """Revoke a share link; it stops working at once."""
    try:
        revoke_link(db, owner=signed_in.user, link_id=link_id)
    except SharingError:
        raise NotFound("no such link") from None
    db.commit()
    return RedirectResponse("/sharing", status.HTTP_303_SEE_OTHER)


@router.get("/sharing/audit", response_class=HTMLResponse)
def audit_page(request: Request, db: DbSession, signed_in: WebUser) -> Response:
    """Show every read or change of the diary by someone other than its owner."""
    events = audit_log(db, owner=signed_in.user)
    return templates.TemplateResponse(
        request,
        "sharing_audit.html",
        {"signed_in": signed_in, "events": events, "tz": signed_in.user.time_zone},
    )


@router.get("/shared", response_class=HTMLResponse)
def shared_with_me(
    request: Request, db: DbSession, signed_in: WebUser, sent: bool = False, saved: bool = False
) -> Response:
    """List the diaries other people have shared with this account, once its address is
    confirmed, with the notices wanted about each."""
    shared = diaries_shared_with(db, viewer=signed_in.user)
    return templates.TemplateResponse(
        request,
        "shared_with_me.html",
        {
            "signed_in": signed_in,
            "shared": shared,
            "verified": signed_in.user.email_verified_at is not None,
            "sent": sent,
            "saved": saved,
            "notify_levels": NOTIFY_LEVELS,
            "notify_labels": NOTIFY_LABELS,
        },
    )


def _timeline_context(
    db: Session, owner_id: RowId, cursor: str | None, language: str = "en"
) -> dict[str, object]:
    owner = db.get(User, owner_id)
    if owner is None:
        raise NotFound("no such diary")
    try:
        page = page_entries(db, owner=owner, cursor=cursor)
    except BadCursor:
        page = page_entries(db, owner=owner)
    return {
        "owner": owner,
        "entries": [to_public(row) for row in page.items],
        "entry_levels": {row.id: row.triage_level for row in page.items},
        "entry_flags": {row.id: red_flag_names(row, language) for row in page.items},
        "entry_authors": written_by_others(
            db, owner_id=owner.id, entry_ids=[row.id for row in page.items]
        ),
        "entry_seen": acknowledgements_for(db, [row.id for row in page.items]),
        "next_cursor": page.next_cursor,
    }


@router.get("/people/{owner_id}/diary", response_class=HTMLResponse)
def their_diary(
    request: Request, db: DbSession, signed_in: WebUser, owner_id: RowId, cursor: str | None = None
) -> Response:
    """Show a diary shared with this account, newest first (read access needed)."""
    access = diary_access(db, viewer=signed_in.user, owner_id=owner_id, action="read")
    context = _timeline_context(db, owner_id, cursor, page_language(request, signed_in.user))
    # Opening the diary accepts the invitation: the home stops listing it as pending, and counts
    # red flags from now on as new.
    first_visit = any(item.owner_id == owner_id for item in pending_invitations(db, signed_in.user))
    mark_seen(db, viewer=signed_in.user, owner_id=owner_id)
    audit(db, access, action="read", target="diary")
    db.commit()
    context.update(
        signed_in=signed_in,
        tz=signed_in.user.time_zone,
        entry_base="/entries",
        more_base=f"/people/{owner_id}/diary",
        can_add=access.allows("create"),
        can_acknowledge=True,
        role=access.role,
        first_visit=first_visit,
        current="diary",
    )
    template = "_timeline_items.html" if request.headers.get("HX-Request") else "people_diary.html"
    return templates.TemplateResponse(request, template, context)


@router.get("/people/{owner_id}/entries/new", response_class=HTMLResponse)
def their_new_entry(
    request: Request, db: DbSession, signed_in: WebUser, owner_id: RowId
) -> Response:
    """Show an empty entry form for a diary this caregiver may add to."""
    diary_access(db, viewer=signed_in.user, owner_id=owner_id, action="create")
    owner = db.get(User, owner_id)
    assert owner is not None  # diary_access found the owner's grant
    now = datetime.now(UTC).astimezone(zone(owner.time_zone))
    return templates.TemplateResponse(
        request,
        "entry_form.html",
        {
            "signed_in": signed_in,
            "form": blank_form(now=now),
            "entry_id": None,
            "action": f"/people/{owner_id}/entries",
            "for_owner": owner,
        },
    )


@router.post("/people/{owner_id}/entries", response_class=HTMLResponse)
def their_create_entry(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    owner_id: RowId,
    posted: PostedForm,
) -> Response:
    """Save an entry a caregiver adds to a diary they may add to."""
    access = diary_access(db, viewer=signed_in.user, owner_id=owner_id, action="create")
    owner = db.get(User, owner_id)
    assert owner is not None
    entry, form = parse_entry_form(
        posted,
        default_time_zone=owner.time_zone,
        language=page_language(request, signed_in.user),
    )
    if entry is None:
        return templates.TemplateResponse(
            request,
            "entry_form.html",
            {
                "signed_in": signed_in,
                "form": form,
                "entry_id": None,
                "action": f"/people/{owner_id}/entries",
                "for_owner": owner,
            },
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    row = add_entry(db, owner=owner, data=entry, author=author_for(signed_in.user, access))
    audit(db, access, action="create", target=f"entry {row.id}")
    db.commit()
    return RedirectResponse(f"/entries/{row.id}?saved=1", status.HTTP_303_SEE_OTHER)


# Share links: no account needed, only a live token ------------------------------------------


def _linked_owner(db: Session, token: str) -> tuple[User, ShareLink]:
    link = live_link(db, token, scope="diary")
    owner = db.get(User, link.owner_id) if link else None
    if link is None or owner is None:
        raise NotFound("This link has expired, was withdrawn, or never existed.")
    return owner, link


@router.get("/s/{token}", response_class=HTMLResponse, name="shared_view")
def shared_view(request: Request, db: DbSession, token: str, cursor: str | None = None) -> Response:
    """Show a diary through a share link, read-only; a report link goes to the report."""
    report_link = live_link(db, token, scope="report")
    if report_link is not None and report_link.scope == "report":
        return RedirectResponse(f"/s/{token}/report", status.HTTP_303_SEE_OTHER)
    owner, link = _linked_owner(db, token)
    context = _timeline_context(db, owner.id, cursor, page_language(request, None))
    audit(db, link_access(link), action="read", target="diary")
    db.commit()
    context.update(
        signed_in=None,
        tz=owner.time_zone,
        entry_base=f"/s/{token}/entries",
        more_base=f"/s/{token}",
        can_add=False,
        via_link=True,
    )
    template = "_timeline_items.html" if request.headers.get("HX-Request") else "people_diary.html"
    return templates.TemplateResponse(request, template, context)


@router.get("/s/{token}/entries/{entry_id}", response_class=HTMLResponse)
def shared_entry(
    request: Request, db: DbSession, settings: SettingsDep, token: str, entry_id: RowId
) -> Response:
    """Show one entry of a diary shared by link, read-only."""
    owner, link = _linked_owner(db, token)
    row = db.get(Entry, entry_id)
    if row is None or row.user_id != owner.id:
        raise NotFound(f"no diary entry {entry_id}")
    audit(db, link_access(link), action="read", target=f"entry {entry_id}")
    db.commit()
    return templates.TemplateResponse(
        request,
        "entry.html",
        {
            "signed_in": None,
            "entry": to_public(row),
            "author": written_by_others(db, owner_id=owner.id, entry_ids=[row.id]).get(row.id),
            "flag_names": red_flag_names(row, page_language(request, None)),
            "seen": acknowledgements_for(db, [row.id]).get(row.id, []),
            "can_acknowledge": False,
            "alert": alert_for(
                records_of(row),
                emergency_number=settings.emergency_number,
                language=page_language(request, None),
            ),
            "emergency_number": settings.emergency_number,
            "saved": False,
            "tz": owner.time_zone,
            "read_only": True,
            "owner_view": False,
            "back": f"/s/{token}",
        },
    )


# Reports for the people a patient shares with ----------------------------------------------


def _report_response(report: Report, *, pdf: bool) -> Response:
    if pdf:
        return Response(
            render_report_pdf(report),
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="lems-report.pdf"'},
        )
    # The packaged stylesheet by link: the page's CSP allows no inline style.
    return HTMLResponse(render_report_html(report, stylesheet=REPORT_STYLESHEET))


def _their_report(
    request: Request,
    db: Session,
    signed_in: WebUser,
    owner_id: RowId,
    *,
    target: str,
    since: str | None = None,
    until: str | None = None,
) -> tuple[Report, Access, User]:
    """Return the report of a diary shared with this account for the period, audited."""
    access = diary_access(db, viewer=signed_in.user, owner_id=owner_id, action="read")
    owner = db.get(User, owner_id)
    assert owner is not None  # diary_access found the owner
    start, end = period_bounds(owner, since, until)
    # In the reader's language: a clinician reads a patient's report in their own.
    language = page_language(request, signed_in.user)
    report = owner_report(db, owner=owner, since=start, until=end, language=language)
    audit(db, access, action="read", target=target)
    db.commit()
    return report, access, owner


def _person_context(
    signed_in: WebUser, owner: User, access: Access, since: str | None, until: str | None
) -> dict[str, object]:
    """Return what every page about one patient shows: whose record, how it was reached."""
    return {
        "signed_in": signed_in,
        "owner": owner,
        "role": access.role,
        "base": f"/people/{owner.id}",
        "since": since,
        "until": until,
        "query": period_query(since, until),
        "max_cited": MAX_CITED_ENTRIES,
    }


@router.get("/people/{owner_id}/report", response_class=HTMLResponse)
def their_report(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    owner_id: RowId,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Show the clinician report of a diary shared with this account."""
    report, access, owner = _their_report(
        request, db, signed_in, owner_id, target="report", since=since, until=until
    )
    context = _person_context(signed_in, owner, access, since, until)
    context.update(report=report, current="report")
    return templates.TemplateResponse(request, "report_page.html", context)


@router.get("/people/{owner_id}/report.pdf")
def their_report_pdf(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    owner_id: RowId,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Download the clinician report of a diary shared with this account as PDF."""
    report, _, _ = _their_report(
        request, db, signed_in, owner_id, target="report", since=since, until=until
    )
    return _report_response(report, pdf=True)


@router.get("/people/{owner_id}/analysis", response_class=HTMLResponse)
def their_analysis(
    request: Request,
    db: DbSession,
    signed_in: WebUser,
    owner_id: RowId,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Show the patterns in a diary shared with this account, as its owner sees them."""
    report, access, owner = _their_report(
        request, db, signed_in, owner_id, target="analysis", since=since, until=until
    )
    context = _person_context(signed_in, owner, access, since, until)
    context.update(
        analysis=report.analysis,
        charts=report.charts,
        authors=report.written_by,
        current="analysis",
    )
    return templates.TemplateResponse(request, "analysis_page.html", context)


def _linked_report(request: Request, db: Session, token: str, *, pdf: bool) -> Response:
    link = live_link(db, token, scope="report")
    owner = db.get(User, link.owner_id) if link else None
    if link is None or owner is None:
        raise NotFound("This link has expired, was withdrawn, or never existed.")
    report = owner_report(db, owner=owner, language=page_language(request, None))
    audit(db, link_access(link), action="read", target="report")
    db.commit()
    return _report_response(report, pdf=pdf)


@router.get("/s/{token}/report", response_class=HTMLResponse)
def shared_report(request: Request, db: DbSession, token: str) -> Response:
    """Show the clinician report through a share link, in the reader's browser's language."""
    return _linked_report(request, db, token, pdf=False)


@router.get("/s/{token}/report.pdf")
def shared_report_pdf(request: Request, db: DbSession, token: str) -> Response:
    """Download the clinician report through a share link, as PDF."""
    return _linked_report(request, db, token, pdf=True)
