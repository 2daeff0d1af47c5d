"""Export downloads, file import, calendar settings and the public calendar feed."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, Response, UploadFile, status
from fastapi.responses import HTMLResponse, RedirectResponse

from lems_companion.accounts.models import User
from lems_companion.dates import diagnosis_window, parse_day, zone
from lems_companion.i18n import gettext_in, message_of, said_in
from lems_companion.inputs import whole_number
from lems_companion.interop import feeds
from lems_companion.interop.calendar import REMINDER_KINDS, build_feed, check_time_of_day
from lems_companion.interop.formats import (
    EXPORT_FILES,
    ExportFormat,
    ImportFormat,
    parse_import,
)
from lems_companion.interop.identity import installation_namespace, record_uuid
from lems_companion.interop.records import InteropError
from lems_companion.interop.service import export_diary, store_entries
from lems_companion.messaging.service import schedule_reminders
from lems_companion.rules.screening import DELTA_P_MAX_SCORE, build_plan
from lems_companion.tools.service import plan_inputs, schedule, set_schedule
from lems_companion.web.deps import DbSession, PostedForm, SignedIn, WebUser, WebUserPosting
from lems_companion.web.limits import MAX_IMPORT_BYTES
from lems_companion.web.templating import page_language, templates

router = APIRouter()

AUTO_FORMAT = "auto"


def _import_page(
    request: Request,
    signed_in: SignedIn,
    *,
    problems: list[str] | None = None,
    imported: int | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    context = {
        "signed_in": signed_in,
        "export_formats": list(ExportFormat),
        "import_formats": list(ImportFormat),
        "problems": problems or [],
        "imported": imported,
    }
    return templates.TemplateResponse(
        request, "interop_index.html", context, status_code=status_code
    )


@router.get("/interop", response_class=HTMLResponse)
def interop_page(request: Request, signed_in: WebUser) -> Response:
    """Show the export links and the import form."""
    return _import_page(request, signed_in)


@router.get("/export/{format_}")
def export_download(db: DbSession, signed_in: WebUser, format_: ExportFormat) -> Response:
    """Download the whole diary in the chosen format."""
    text = export_diary(db, owner=signed_in.user, format_=format_)
    suffix, media_type = EXPORT_FILES[format_]
    filename = f"lems-diary-{datetime.now(UTC):%Y-%m-%d}.{suffix}"
    return Response(
        text,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/import", response_class=HTMLResponse)
def import_upload(
    request: Request,
    db: DbSession,
    signed_in: WebUserPosting,
    file: Annotated[UploadFile, File()],
    format_: Annotated[str, Form(alias="format")] = AUTO_FORMAT,
) -> Response:
    """Import every entry of the uploaded file, or none, listing every problem."""
    t = gettext_in(page_language(request, signed_in.user))
    raw = file.file.read(MAX_IMPORT_BYTES + 1)
    problems: list[str] = []
    if len(raw) > MAX_IMPORT_BYTES:
        problems = [
            t.gettext("the file is larger than %(size)s MB")
            % {"size": MAX_IMPORT_BYTES // (1024 * 1024)}
        ]
    elif format_ != AUTO_FORMAT and format_ not in ImportFormat.__members__:
        problems = [t.gettext("unknown format %(format)r") % {"format": format_}]
    else:
        try:
            chosen = None if format_ == AUTO_FORMAT else ImportFormat(format_)
            items = parse_import(raw.decode("utf-8"), format_=chosen)
        except UnicodeDecodeError:
            problems = [t.gettext("the file is not UTF-8 text; export it again as UTF-8")]
        except InteropError as error:
            problems = error.problems
    if problems:
        return _import_page(
            request,
            signed_in,
            problems=problems,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    count = store_entries(db, owner=signed_in.user, items=items)
    db.commit()
    return _import_page(request, signed_in, imported=count)


def _calendar_context(db: DbSession, user: User, **extra: Any) -> dict[str, Any]:
    stored = schedule(db, owner=user)
    return {
        "reminder_kinds": REMINDER_KINDS,
        "reminders": feeds.reminders(db, owner=user),
        "schedule": stored,
        "feed": feeds.active_feed(db, owner=user),
        "delta_p_max": DELTA_P_MAX_SCORE,
        "feed_url": None,
        "webcal_url": None,
        "by_email": feeds.email_reminders(db, owner=user),
        "verified": user.email_verified_at is not None,
        "errors": [],
        **extra,
    }


@router.get("/calendar/settings", response_class=HTMLResponse)
def calendar_settings(
    request: Request, db: DbSession, signed_in: WebUser, saved: bool = False
) -> Response:
    """Show the reminders, the screening schedule and the feed URL controls."""
    context = _calendar_context(db, signed_in.user, signed_in=signed_in, saved=saved)
    return templates.TemplateResponse(request, "interop_calendar.html", context)


def _parse_settings(
    form: Any, language: str
) -> tuple[dict[str, str], date | None, int | None, list[str]]:
    """Return the chosen reminders, diagnosis date, DELTA-P score and the problems, worded in
    the language."""
    t = gettext_in(language)
    errors: list[str] = []
    chosen: dict[str, str] = {}
    for kind, spec in REMINDER_KINDS.items():
        if form.get(f"reminder_{kind}"):
            when = str(form.get(f"time_{kind}") or spec.default_time).strip()
            try:
                chosen[kind] = check_time_of_day(when)
            except ValueError as error:
                errors.append(f"{t.gettext(spec.summary)}: {said_in(message_of(error), language)}")
    diagnosed_text = str(form.get("diagnosed_on") or "").strip()
    score_text = str(form.get("delta_p_score") or "").strip()
    diagnosed_on = score = None
    if diagnosed_text:
        first, last = diagnosis_window(datetime.now(UTC).date())
        try:
            diagnosed_on = parse_day(diagnosed_text, earliest=first, latest=last)
        except ValueError as error:
            errors.append(
                t.gettext("Diagnosis date: %(error)s.")
                % {"error": said_in(message_of(error), language)}
            )
    if score_text:
        try:
            score = whole_number(score_text)
        except ValueError:
            score = -1
        if not 0 <= score <= DELTA_P_MAX_SCORE:
            score = None
            errors.append(
                t.gettext("DELTA-P score: enter a whole number from 0 to %(max)s.")
                % {"max": DELTA_P_MAX_SCORE}
            )
    if (diagnosed_on is None) != (score is None) and not errors:
        errors.append(
            t.gettext("Screening dates need both the diagnosis date and the DELTA-P score.")
        )
    return chosen, diagnosed_on, score, errors


@router.post("/calendar/settings", response_class=HTMLResponse)
def save_calendar_settings(
    request: Request, db: DbSession, signed_in: WebUserPosting, posted: PostedForm
) -> Response:
    """Save the chosen reminders and the screening schedule; the form with messages if wrong."""
    chosen, diagnosed_on, score, errors = _parse_settings(
        posted, page_language(request, signed_in.user)
    )
    if errors:
        context = _calendar_context(db, signed_in.user, signed_in=signed_in, errors=errors)
        return templates.TemplateResponse(
            request,
            "interop_calendar.html",
            context,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    by_email = bool(posted.get("by_email"))
    feeds.set_reminders(db, owner=signed_in.user, chosen=chosen, by_email=by_email)
    # Also the feed's Last-Modified: every save of this form stamps the schedule row.
    set_schedule(db, owner=signed_in.user, diagnosed_on=diagnosed_on, delta_p_score=score)
    schedule_reminders(db, user=signed_in.user)
    db.commit()
    return RedirectResponse("/calendar/settings?saved=1", status.HTTP_303_SEE_OTHER)


@router.post("/calendar/feed", response_class=HTMLResponse)
def create_calendar_feed(request: Request, db: DbSession, signed_in: WebUserPosting) -> Response:
    """Make a new secret feed URL (the old one stops working) and show it once."""
    token = feeds.create_feed(db, owner=signed_in.user)
    db.commit()
    feed_url = str(request.url_for("calendar_feed", token=token))
    # webcal:// opens the subscription in the calendar app; it is fetched over HTTPS (or HTTP)
    # as the feed's own address says.
    webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    context = _calendar_context(
        db, signed_in.user, signed_in=signed_in, feed_url=feed_url, webcal_url=webcal_url
    )
    return templates.TemplateResponse(request, "interop_calendar.html", context)


@router.post("/calendar/feed/revoke")
def revoke_calendar_feed(db: DbSession, signed_in: WebUserPosting) -> Response:
    """Revoke the feed URL: calendar apps subscribed to it get 404 from now on."""
    feeds.revoke_feeds(db, owner=signed_in.user)
    db.commit()
    return RedirectResponse("/calendar/settings?saved=1", status.HTTP_303_SEE_OTHER)


def _not_modified(request: Request, etag: str, stamp: datetime) -> bool:
    """Return True when the client's copy is current (RFC 9110 13.1: If-None-Match wins over
    If-Modified-Since)."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        return since.tzinfo is not None and stamp <= since
    return False


@router.api_route("/calendar/{token}.ics", methods=["GET", "HEAD"], name="calendar_feed")
def calendar_feed(request: Request, db: DbSession, token: str) -> Response:
    """Serve the calendar feed to anyone holding a live token; 404 for any other token.

    The feed carries an ETag and Last-Modified, and answers 304 to a calendar app whose copy
    is current, so apps that poll it often cost one small query-and-hash each."""
    found = feeds.live_feed(db, token)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Not found: there is no such calendar.")
    owner, feed = found
    stored = plan_inputs(db, owner=owner)
    plan = build_plan(diagnosed_on=stored[0], delta_p_score=stored[1]) if stored else None
    local = zone(owner.time_zone)
    today = datetime.now(UTC).astimezone(local).date()
    # The feed changes when the settings are saved (the schedule row is stamped then), when a
    # new address is made, and each day (past screening dates drop out): the latest of those
    # is its Last-Modified and every event's DTSTAMP, so the same feed hashes the same.
    saved = schedule(db, owner=owner)
    stamp = max(
        feed.created_at,
        saved.updated_at if saved else feed.created_at,
        datetime.combine(today, time(0), tzinfo=local).astimezone(UTC),
    ).replace(microsecond=0)
    body = build_feed(
        reminders=feeds.reminders(db, owner=owner),
        time_zone=owner.time_zone,
        plan=plan,
        today=today,
        # Globally unique UIDs: the database's user number would repeat across installations.
        user_key=str(record_uuid(installation_namespace(db), "calendar", owner.id)),
        now=stamp,
        # Calendar apps fetch the feed without a session: the owner's profile language.
        language=owner.language or "en",
    )
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {
        "ETag": etag,
        "Last-Modified": format_datetime(stamp, usegmt=True),
        # Private (the address is a secret); kept, but checked with the server before each use.
        "Cache-Control": "private, no-cache",
    }
    if _not_modified(request, etag, stamp):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(media_type="text/calendar; charset=utf-8", headers=headers)
    return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)
