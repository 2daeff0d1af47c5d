"""The one way messages are queued, and the job handlers that compose and send them.

Adapters (web, CLI) and the diary queue work here; ``lems serve`` (SQLite) or ``lems worker``
(PostgreSQL) runs it with ``handlers_for(settings)``. A job's payload holds ids and dates only:
secrets (verification and reset tokens) are made when the job runs, so no usable link is ever
stored, and the words of a message are written at send time from the rows it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.accounts.service import TOKEN_LIFETIMES, find_user, issue_email_token
from lems_companion.dates import zone
from lems_companion.diary.models import Entry
from lems_companion.i18n import gettext_in
from lems_companion.interop.calendar import REMINDER_KINDS
from lems_companion.interop.models import CalendarReminder
from lems_companion.jobs.queue import enqueue
from lems_companion.jobs.runner import Handler
from lems_companion.messaging import messages, outbox
from lems_companion.settings import Settings
from lems_companion.sharing.models import Grant
from lems_companion.sharing.service import effective_notify, grants_of

# At most one verification or reset e-mail per account in this window: a form sent twice, or
# someone pressing "send again", cannot flood an inbox.
REQUEST_WINDOW = timedelta(minutes=5)
# When the digest of the day's prompt-level entries goes out: the next morning, in the
# recipient's time zone (issue 15: "one digest the next morning, not one mail per flag").
DIGEST_TIME = time(8, 0)
# An entry saved longer ago than this is history (an edit, an import): nobody is alerted.
NOTICE_FRESHNESS = timedelta(hours=24)


def _window_key(prefix: str, user_id: int) -> str:
    bucket = int(datetime.now(UTC).timestamp() // REQUEST_WINDOW.total_seconds())
    return f"{prefix}:{user_id}:{bucket}"


def request_verification(db: Session, *, user: User) -> None:
    """Queue an e-mail with a link that confirms the account's address (none when confirmed)."""
    if user.email_verified_at is None:
        enqueue(db, "verify_email", {"user_id": user.id}, key=_window_key("verify", user.id))


def request_password_reset(db: Session, *, email: str) -> None:
    """Queue a reset e-mail when an account has this address; nothing otherwise (the caller
    answers the same either way, so the form cannot tell who has an account)."""
    user = find_user(db, email)
    if user is not None:
        enqueue(db, "password_reset", {"user_id": user.id}, key=_window_key("reset", user.id))


def send_invitation(db: Session, *, grant: Grant) -> None:
    """Queue the invitation e-mail for a new grant."""
    enqueue(db, "invitation", {"grant_id": grant.id}, key=f"invitation:{grant.id}")


# Reminders -----------------------------------------------------------------------------------


def next_reminder(*, time_of_day: str, frequency: str, time_zone: str, after: datetime) -> datetime:
    """Return the first moment after ``after`` when a reminder at this local time is due
    (weekly reminders fall on Mondays, as in the calendar feed), in UTC."""
    tz = zone(time_zone)
    hour, minute = (int(part) for part in time_of_day.split(":"))
    day = after.astimezone(tz).date() - timedelta(days=1)
    step = timedelta(days=7 if frequency == "WEEKLY" else 1)
    if frequency == "WEEKLY":
        day -= timedelta(days=day.weekday())
    while True:
        due = datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(UTC)
        if due > after:
            return due
        day += step


def _reminder_key(user_id: int, kind: str, due: datetime) -> str:
    return f"reminder:{user_id}:{kind}:{due.strftime('%Y%m%dT%H%M')}"


def _queue_reminder(db: Session, user: User, row: CalendarReminder, *, after: datetime) -> None:
    spec = REMINDER_KINDS.get(row.kind)
    if spec is None or not row.by_email:
        return
    due = next_reminder(
        time_of_day=row.time_of_day,
        frequency=spec.frequency,
        time_zone=user.time_zone,
        after=after,
    )
    payload = {"user_id": user.id, "kind": row.kind, "due": due.isoformat()}
    enqueue(db, "reminder", payload, run_at=due, key=_reminder_key(user.id, row.kind, due))


def schedule_reminders(db: Session, *, user: User) -> None:
    """Queue the next e-mail of each reminder the person wants by e-mail (after a change of
    reminders; each reminder sent queues the one after it)."""
    rows = db.scalars(select(CalendarReminder).where(CalendarReminder.user_id == user.id))
    for row in rows:
        _queue_reminder(db, user, row, after=datetime.now(UTC))


# Handlers ------------------------------------------------------------------------------------


def _language(recipient: User | None) -> str:
    """Return the language to write to this person in: their profile's, else English."""
    return messages.recipient_language(recipient.language if recipient else None)


def _verified_account(db: Session, email: str) -> User | None:
    user = db.scalar(select(User).where(User.email == email))
    return user if user is not None and user.email_verified_at is not None else None


def handlers_for(settings: Settings) -> dict[str, Handler]:
    """Return the handler of every job kind, sending through these settings."""
    base = settings.base_url

    def send_now(to: str, content: messages.Content, *, kind: str) -> None:
        message = outbox.compose(
            settings, to=to, subject=content.subject, text=content.text, html=content.html
        )
        outbox.send(settings, message, kind=kind)

    def queue_mail(db: Session, to: str, content: messages.Content, *, kind: str, key: str) -> None:
        # A separate job per message: one recipient's failure never re-sends to the others,
        # and the Message-ID is fixed now, so a re-sent copy can be recognised.
        payload = {
            "to": to,
            "subject": content.subject,
            "text": content.text,
            "html": content.html,
            "message_id": outbox.new_message_id(settings),
            "kind": kind,
        }
        enqueue(db, "mail", payload, key=key)

    def mail(db: Session, payload: dict[str, Any]) -> None:
        message = outbox.compose(
            settings,
            to=payload["to"],
            subject=payload["subject"],
            text=payload["text"],
            html=payload["html"],
            message_id=payload.get("message_id"),
        )
        outbox.send(settings, message, kind=str(payload.get("kind", "mail")))

    def verify_email(db: Session, payload: dict[str, Any]) -> None:
        user = db.get(User, payload["user_id"])
        if user is None or user.email_verified_at is not None:
            return
        token = issue_email_token(db, user=user, purpose="verify")
        hours = int(TOKEN_LIFETIMES["verify"].total_seconds() // 3600)
        link = f"{base}/verify-email?token={token}"
        content = messages.verification(link, hours=hours, language=_language(user))
        send_now(user.email, content, kind="verify_email")

    def password_reset(db: Session, payload: dict[str, Any]) -> None:
        user = db.get(User, payload["user_id"])
        if user is None:
            return
        token = issue_email_token(db, user=user, purpose="reset")
        minutes = int(TOKEN_LIFETIMES["reset"].total_seconds() // 60)
        link = f"{base}/password-reset/confirm?token={token}"
        content = messages.password_reset(link, minutes=minutes, language=_language(user))
        send_now(user.email, content, kind="reset")

    def invitation(db: Session, payload: dict[str, Any]) -> None:
        grant = db.get(Grant, payload["grant_id"])
        owner = db.get(User, grant.owner_id) if grant else None
        if grant is None or owner is None or grant.revoked_at is not None:
            return
        # The invited person may have no account yet: then English.
        invited = find_user(db, grant.grantee_email)
        content = messages.invitation(
            inviter=owner.shown_name,
            role=grant.role,
            link=f"{base}/shared",
            language=_language(invited),
        )
        send_now(grant.grantee_email, content, kind="invitation")

    def red_flag_notice(db: Session, payload: dict[str, Any]) -> None:
        entry = db.get(Entry, payload["entry_id"])
        owner = db.get(User, entry.user_id) if entry else None
        if entry is None or owner is None:
            return
        if entry.created_at < datetime.now(UTC) - NOTICE_FRESHNESS:
            return
        for grant in grants_of(db, owner=owner):
            level = effective_notify(grant)
            grantee = _verified_account(db, grant.grantee_email)
            if level == "none" or grantee is None or grantee.id == entry.author_id:
                continue
            if entry.triage_level == "emergency":
                content = messages.emergency_notice(
                    patient=owner.shown_name,
                    link=f"{base}/entries/{entry.id}",
                    language=_language(grantee),
                )
                key = f"notice-mail:{entry.id}:{grant.id}"
                queue_mail(db, grantee.email, content, kind="emergency_notice", key=key)
            elif entry.triage_level == "prompt" and level == "prompt":
                local = zone(grantee.time_zone)
                day = entry.created_at.astimezone(local).date()
                run_at = datetime.combine(day + timedelta(days=1), DIGEST_TIME, tzinfo=local)
                enqueue(
                    db,
                    "digest",
                    {"grant_id": grant.id, "day": day.isoformat()},
                    run_at=run_at.astimezone(UTC),
                    key=f"digest:{grant.id}:{day.isoformat()}",
                )

    def digest(db: Session, payload: dict[str, Any]) -> None:
        grant = db.get(Grant, payload["grant_id"])
        owner = db.get(User, grant.owner_id) if grant else None
        grantee = _verified_account(db, grant.grantee_email) if grant else None
        if grant is None or owner is None or grantee is None or grant.revoked_at is not None:
            return
        if effective_notify(grant) != "prompt":
            return
        local = zone(grantee.time_zone)
        day = date.fromisoformat(payload["day"])
        start = datetime.combine(day, time(0), tzinfo=local).astimezone(UTC)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=local).astimezone(UTC)
        count = db.scalar(
            select(func.count())
            .select_from(Entry)
            .where(
                Entry.user_id == owner.id,
                Entry.triage_level == "prompt",
                Entry.created_at >= start,
                Entry.created_at < end,
            )
        )
        if not count:
            return
        content = messages.digest(
            patient=owner.shown_name,
            count=count,
            link=f"{base}/people/{owner.id}/diary",
            language=_language(grantee),
        )
        send_now(grantee.email, content, kind="digest")

    def reminder(db: Session, payload: dict[str, Any]) -> None:
        user = db.get(User, payload["user_id"])
        row = (
            db.scalar(
                select(CalendarReminder).where(
                    CalendarReminder.user_id == user.id,
                    CalendarReminder.kind == payload["kind"],
                )
            )
            if user
            else None
        )
        spec = REMINDER_KINDS.get(payload["kind"])
        if user is None or row is None or spec is None or not row.by_email:
            return  # the reminder was removed: nothing to send, nothing to queue
        due = datetime.fromisoformat(payload["due"])
        expected = next_reminder(
            time_of_day=row.time_of_day,
            frequency=spec.frequency,
            time_zone=user.time_zone,
            after=due - timedelta(minutes=1),
        )
        if expected != due:
            return  # the time changed; the new time was queued when it was saved
        if user.email_verified_at is not None:
            language = _language(user)
            content = messages.reminder(
                summary=gettext_in(language).gettext(spec.summary),
                link=f"{base}/entries/new",
                language=language,
            )
            send_now(user.email, content, kind="reminder")
        _queue_reminder(db, user, row, after=due)

    handlers: dict[str, Callable[[Session, dict[str, Any]], None]] = {
        "mail": mail,
        "verify_email": verify_email,
        "password_reset": password_reset,
        "invitation": invitation,
        "red_flag_notice": red_flag_notice,
        "digest": digest,
        "reminder": reminder,
    }
    return handlers
