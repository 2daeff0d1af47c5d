"""E-mail end to end through a real SMTP server: invitations and confirming an address,
password resets, red-flag notices and the morning digest, with no health detail in any message."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select, update

from lems_companion import catalogue
from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.i18n import LANGUAGES
from lems_companion.jobs.models import Job
from lems_companion.jobs.runner import Runner
from lems_companion.messaging import messages
from lems_companion.messaging.service import (
    handlers_for,
    request_password_reset,
    send_invitation,
)
from lems_companion.settings import Settings
from lems_companion.sharing.service import invite, set_notify_wanted
from lems_companion.triage.advice import flag_title
from lems_companion.triage.flags import FLAGS
from tests.conftest import (
    PASSWORD,
    LiveServer,
    Persona,
    api_token,
    csrf_token,
    form_token,
    make_user,
    sign_in_form,
    web_sign_in,
)
from tests.messaging.conftest import BASE_URL, Inbox, body_of, link_in, mail_settings

CARER = "carer@example.org"
EMERGENCY_ENTRY = {
    "symptoms": {"swallowing_difficulty": 2},
    "note": "Choked on water twice today, the tablets stuck.",
}
PROMPT_ENTRY = {"symptoms": {"persistent_cough": 1}, "note": "Cough again at night."}
# Words that would tell a reader what was recorded: every flag's name in every language, every
# symptom's name, and the words of the notes above (and of a red flag) in every language.
ZONE_PARIS = ZoneInfo("Europe/Paris")
HEALTH_WORDS = sorted(
    {flag_title(flag.id, language).lower() for flag in FLAGS for language in LANGUAGES}
    | {symptom.label.lower() for symptom in catalogue.symptoms()}
    | {"choked", "choking", "water", "tablets", "swallow", "cough", "night", "red flag"}
    | {"atragant", "tragar", "la tos", "señal de alarma", "pastilla"}
    | {"étouff", "avaler", "toux", "signal d'alerte", "comprimé"}
    | {"verschluck", "schluck", "husten", "warnzeichen", "tablette"}
)
# Every message, as each kind is sent, for a recipient of this language.
EVERY_MESSAGE: dict[str, Callable[[str], messages.Content]] = {
    "verification": lambda language: messages.verification(
        f"{BASE_URL}/verify-email?token=t", hours=48, language=language
    ),
    "password_reset": lambda language: messages.password_reset(
        f"{BASE_URL}/password-reset/confirm?token=t", minutes=30, language=language
    ),
    "invitation": lambda language: messages.invitation(
        inviter="Ada", role="caregiver", link=f"{BASE_URL}/shared", language=language
    ),
    "emergency_notice": lambda language: messages.emergency_notice(
        patient="Ada", link=f"{BASE_URL}/entries/1", language=language
    ),
    "digest": lambda language: messages.digest(
        patient="Ada", count=2, link=f"{BASE_URL}/people/1/diary", language=language
    ),
    "reminder": lambda language: messages.reminder(
        summary="…", link=f"{BASE_URL}/entries/new", language=language
    ),
}


def now_entry(entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "recorded_at": datetime.now(UTC).replace(microsecond=0).isoformat()}


def owner_id(db_url: str, email: str) -> int:
    with session_scope(db_url) as db:
        user = find_user(db, email)
        assert user is not None
        return user.id


def grant_to(db_url: str, owner: Persona, email: str, *, role: str, notify: str) -> int:
    with session_scope(db_url) as db:
        user = find_user(db, owner.email)
        assert user is not None
        return invite(db, owner=user, email=email, role=role, notify=notify).id


def assert_well_formed_without_health_detail(message: EmailMessage) -> None:
    assert message["Message-ID"].endswith("@lems.example.org>")
    assert (
        message["Date"] is not None and message["From"] == "LEMS Companion <lems@lems.example.org>"
    )
    text, html = body_of(message)
    whole = f"{message['Subject']}\n{text}\n{html}".lower()
    assert [word for word in HEALTH_WORDS if word in whole] == []
    assert "<img" not in html  # no tracking pixel
    assert "utm_" not in whole


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", EVERY_MESSAGE)
def test_every_message_is_in_the_recipients_language_without_health_detail(
    kind: str, language: str
) -> None:
    content = EVERY_MESSAGE[kind](language)
    whole = f"{content.subject}\n{content.text}\n{content.html}".lower()
    assert [word for word in HEALTH_WORDS if word in whole] == []
    assert f'<html lang="{language}">' in content.html
    english = EVERY_MESSAGE[kind]("en")
    assert (content.subject == english.subject) == (language == "en")


def test_a_recipient_without_a_language_is_written_to_in_english() -> None:
    assert messages.recipient_language(None) == "en"
    assert messages.recipient_language("xx") == "en"
    assert messages.recipient_language("de") == "de"


def test_an_invitation_opens_the_diary_only_once_the_address_is_confirmed(
    mail_http: httpx.Client, inbox: Inbox, run_jobs: Any, patient: Persona, db_url: str
) -> None:
    web_sign_in(mail_http, patient)
    invited = mail_http.post(
        "/sharing/invite",
        data={
            "email": CARER,
            "role": "caregiver",
            "notify": "emergency",
            "csrf_token": csrf_token(mail_http, "/sharing"),
        },
    )
    assert invited.status_code == 303, invited.text
    assert run_jobs() == 1
    [invitation] = inbox.to(CARER)
    assert "invited you" in invitation["Subject"]
    assert link_in(invitation) == "/shared"
    assert_well_formed_without_health_detail(invitation)

    # Someone registers the invited address: the diary stays closed until it is confirmed.
    diary = f"/people/{owner_id(db_url, patient.email)}/diary"
    with httpx.Client(base_url=str(mail_http.base_url), timeout=20) as carer:
        signed_up = sign_in_form(
            carer, "/signup", email=CARER, password=PASSWORD, password_again=PASSWORD, tz="UTC"
        )
        assert signed_up.status_code == 303
        web_sign_in(carer, Persona(CARER))
        assert carer.get(diary).status_code == 404
        assert "Confirm your address" in carer.get("/shared").text
        assert run_jobs() == 1
        verification = inbox.to(CARER)[-1]
        assert_well_formed_without_health_detail(verification)
        path = link_in(verification)
        assert path.startswith("/verify-email?token=")
        token = path.partition("token=")[2]
        assert carer.get(diary).status_code == 404  # opening the link alone changes nothing
        csrf = form_token(carer, path)
        confirmed = carer.post("/verify-email", data={"token": token, "csrf_token": csrf})
        assert confirmed.status_code == 200 and "address is confirmed" in confirmed.text
        assert carer.get(diary).status_code == 200
        again = carer.post("/verify-email", data={"token": token, "csrf_token": csrf})
        assert again.status_code == 400  # the link works once


def test_an_invitation_is_written_in_the_invited_persons_language(
    db_url: str, inbox: Inbox, run_jobs: Any, patient: Persona
) -> None:
    make_user(db_url, CARER)
    with session_scope(db_url) as db:
        carer = find_user(db, CARER)
        assert carer is not None
        carer.language = "de"
        owner = find_user(db, patient.email)
        assert owner is not None
        send_invitation(db, grant=invite(db, owner=owner, email=CARER, role="caregiver"))
    assert run_jobs() == 1
    [invitation] = inbox.to(CARER)
    assert "eingeladen" in invitation["Subject"]
    assert '<html lang="de">' in body_of(invitation)[1]
    assert_well_formed_without_health_detail(invitation)


def test_a_reset_link_sets_a_new_password_signs_out_everywhere_and_works_once(
    mail_http: httpx.Client, inbox: Inbox, run_jobs: Any, patient: Persona
) -> None:
    web_sign_in(mail_http, patient)
    api = api_token(mail_http, patient)
    unknown = mail_http.post("/api/v1/password-reset", json={"email": "nobody@example.org"})
    known = mail_http.post("/api/v1/password-reset", json={"email": patient.email})
    assert unknown.status_code == known.status_code == 202
    run_jobs()
    [message] = inbox.messages  # nothing for the unknown address
    assert message["To"] == patient.email
    assert_well_formed_without_health_detail(message)
    path = link_in(message)
    token = path.partition("token=")[2]
    new_password = "a brand new passphrase"
    with httpx.Client(base_url=str(mail_http.base_url), timeout=20) as browser:
        assert "Choose a new password" in browser.get(path).text
        csrf = form_token(browser, path)
        done = browser.post(
            "/password-reset/confirm",
            data={
                "token": token,
                "new_password": new_password,
                "new_password_again": new_password,
                "csrf_token": csrf,
            },
        )
        assert done.status_code == 200 and "every device was signed out" in done.text
        assert mail_http.get("/diary").status_code == 303  # the old web session is gone
        assert mail_http.get("/api/v1/entries", headers=api).status_code == 401
        assert sign_in_form(browser, email=patient.email, password=PASSWORD).status_code == 401
        assert sign_in_form(browser, email=patient.email, password=new_password).status_code == 303
        assert "expired or was already used" in browser.get(path).text
    used = mail_http.post(
        "/api/v1/password-reset/confirm",
        json={"token": token, "password": "yet another passphrase"},
    )
    assert used.status_code == 400


def test_an_emergency_entry_notifies_the_opted_in_caregiver_within_a_minute(
    db_url: str, smtp_server: tuple[Inbox, int], inbox: Inbox, patient: Persona
) -> None:
    make_user(db_url, CARER)
    make_user(db_url, "doctor@example.org")
    grant_to(db_url, patient, CARER, role="caregiver", notify="emergency")
    grant_to(db_url, patient, "doctor@example.org", role="clinician", notify="none")
    # `lems serve` on its own: the jobs run in the server's background thread.
    settings = mail_settings(db_url, smtp_server[1], jobs_in_process=True)
    with LiveServer(settings) as server, httpx.Client(base_url=server.url, timeout=20) as http:
        started = time.monotonic()
        body = http.post(
            "/api/v1/entries", json=now_entry(EMERGENCY_ENTRY), headers=api_token(http, patient)
        ).json()
        assert body["triage"]["level"] == "emergency"
        while not inbox.to(CARER) and time.monotonic() - started < 60:
            time.sleep(0.1)
        elapsed = time.monotonic() - started
    [notice] = inbox.to(CARER)
    assert elapsed < 60
    assert inbox.to("doctor@example.org") == []  # the patient allowed no notices to them
    assert link_in(notice) == f"/entries/{body['id']}"
    assert "needs attention now" in notice["Subject"]
    assert_well_formed_without_health_detail(notice)


def test_prompt_flags_make_one_digest_the_next_morning(
    db_url: str, mail_http: httpx.Client, inbox: Inbox, run_jobs: Any, patient: Persona
) -> None:
    make_user(db_url, CARER, time_zone="Europe/Paris")
    make_user(db_url, "sister@example.org")
    grant_to(db_url, patient, CARER, role="caregiver", notify="prompt")
    turned_down = grant_to(db_url, patient, "sister@example.org", role="caregiver", notify="prompt")
    with session_scope(db_url) as db:
        sister = find_user(db, "sister@example.org")
        assert sister is not None
        set_notify_wanted(db, viewer=sister, grant_id=turned_down, notify="none")
    auth = api_token(mail_http, patient)
    for _ in range(3):
        body = mail_http.post("/api/v1/entries", json=now_entry(PROMPT_ENTRY), headers=auth)
        assert body.json()["triage"]["level"] == "prompt"
    run_jobs()
    assert inbox.messages == []  # nothing at once for prompt flags
    with session_scope(db_url) as db:
        [digest] = db.scalars(select(Job).where(Job.kind == "digest"))
        paris = datetime.now(UTC).astimezone(ZONE_PARIS)
        morning = datetime.combine(paris.date() + timedelta(days=1), datetime.min.time())
        assert digest.run_at == morning.replace(hour=8, tzinfo=ZONE_PARIS).astimezone(UTC)
        db.execute(update(Job).where(Job.id == digest.id).values(run_at=datetime.now(UTC)))
    run_jobs()
    [message] = inbox.messages
    assert message["To"] == CARER
    assert "3 entries" in message["Subject"]
    assert link_in(message) == f"/people/{owner_id(db_url, patient.email)}/diary"
    assert_well_formed_without_health_detail(message)
    assert run_jobs() == 0


def test_without_smtp_a_message_is_printed_and_the_log_holds_no_address(
    db_url: str, patient: Persona, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=db_url, base_url=BASE_URL, jobs_in_process=False)
    with session_scope(db_url) as db:
        request_password_reset(db, email=patient.email)
    capsys.readouterr()
    assert Runner(db_url, handlers_for(settings)).run_pending() == 1
    printed = capsys.readouterr()
    assert "e-mail not sent (LEMS_SMTP_URL is not set)" in printed.out
    assert f"To: {patient.email}" in printed.out
    assert f"{BASE_URL}/password-reset/confirm?token=" in printed.out
    assert patient.email not in printed.err and "token=" not in printed.err


def test_reminders_by_email_come_at_the_chosen_time_and_follow_changes(
    db_url: str, mail_http: httpx.Client, inbox: Inbox, run_jobs: Any, patient: Persona
) -> None:
    web_sign_in(mail_http, patient)

    def choose(when: str) -> None:
        saved = mail_http.post(
            "/calendar/settings",
            data={
                "csrf_token": csrf_token(mail_http, "/calendar/settings"),
                "reminder_evening_entry": "1",
                "time_evening_entry": when,
                "by_email": "1",
            },
        )
        assert saved.status_code == 303

    def queued() -> list[Job]:
        with session_scope(db_url) as db:
            query = select(Job).where(Job.kind == "reminder", Job.status == "queued")
            return list(db.scalars(query.order_by(Job.run_at)))

    london = ZoneInfo("Europe/London")
    choose("20:30")
    [first] = queued()
    due = first.run_at.astimezone(london)
    assert due.strftime("%H:%M") == "20:30" and first.run_at > datetime.now(UTC)
    assert first.run_at - datetime.now(UTC) <= timedelta(days=1)
    assert run_jobs() == 0  # not yet

    with session_scope(db_url) as db:  # the evening comes
        db.execute(update(Job).where(Job.id == first.id).values(run_at=datetime.now(UTC)))
    run_jobs()
    [message] = inbox.messages
    assert message["To"] == patient.email
    assert message["Subject"] == "Reminder: Diary: evening entry"
    assert link_in(message) == "/entries/new"
    [following] = queued()
    assert following.run_at.astimezone(london) == due + timedelta(days=1)

    choose("21:00")  # a new time: the queued 20:30 one goes unsent, the 21:00 one is queued
    times = sorted(job.run_at.astimezone(london).strftime("%H:%M") for job in queued())
    assert times == ["20:30", "21:00"]
    with session_scope(db_url) as db:
        db.execute(update(Job).where(Job.kind == "reminder").values(run_at=datetime.now(UTC)))
    inbox.clear()
    run_jobs()
    assert len(inbox.messages) == 1  # the 21:00 reminder only
    [after] = queued()
    assert after.run_at.astimezone(london).strftime("%H:%M") == "21:00"
