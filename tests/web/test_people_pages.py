"""Pages for caregivers and clinicians (issue 14): a home that fits the person, the menu, the
clinician's patient list, acknowledging a red flag, and sharing that says what happens next."""

from __future__ import annotations

import re

import httpx
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry
from lems_companion.sharing.service import invite
from tests.conftest import Persona, csrf_token, make_user, web_sign_in

EMERGENCY_NOTE = "I choked on water twice at dinner."
PLAIN_NOTE = "Tired legs after the walk."


def page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def menu(soup: BeautifulSoup) -> list[str]:
    nav = soup.select_one("nav#main-nav")
    assert nav is not None
    return [link.get_text(strip=True) for link in nav.select("a")]


def diary_of(db_url: str, email: str, name: str, note: str, when: str, *to: tuple[str, str]) -> int:
    """Return the id of a patient who wrote one entry and invited these (e-mail, role)."""
    with session_scope(db_url) as db:
        owner = find_user(db, email)
        assert owner is not None
        owner.display_name = name
        add_entry(
            db, owner=owner, data=EntryCreate.model_validate({"recorded_at": when, "note": note})
        )
        for grantee, role in to:
            invite(db, owner=owner, email=grantee, role=role)
        return owner.id


def test_a_caregiver_is_shown_the_invitation_then_the_diary_not_an_empty_diary_of_their_own(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    carer = make_user(db_url, "carer@example.org")
    owner_id = diary_of(
        db_url,
        patient.email,
        "Pat Example",
        PLAIN_NOTE,
        "2026-03-01T08:30:00+00:00",
        (carer.email, "caregiver"),
    )
    web_sign_in(http, carer)
    signed_in = http.get("/")
    home = page(signed_in)
    assert home.h1 is not None and "Your diary" not in home.h1.get_text()
    invitation = home.select_one(".invitations")
    assert invitation is not None and "Pat Example invited you as their caregiver" in " ".join(
        invitation.get_text(" ").split()
    )
    opener = invitation.select_one(f'a[href="/people/{owner_id}/diary"]')
    assert opener is not None
    # The menu offers what a caregiver can do, not a patient's pages of an empty diary.
    assert "Red flags" not in menu(home) and "Sharing" not in menu(home)
    assert home.select_one(".header-new") is None  # nothing to write in before accepting
    assert "Home" in menu(home)

    diary = page(http.get(f"/people/{owner_id}/diary"))
    assert "shared their diary with you" in diary.get_text()  # the first visit says so
    assert PLAIN_NOTE in diary.select_one("#timeline").get_text()
    again = page(http.get("/"))
    assert again.select_one(".invitations") is None  # opening it accepted the invitation
    [person] = again.select(".people-list .person")
    assert "Pat Example" in person.get_text() and "you are their caregiver" in person.get_text()
    # "New entry" now writes in the one diary they care for, never in an empty one of their own.
    shortcut = again.select_one(".header-new")
    assert shortcut is not None and shortcut["href"] == f"/people/{owner_id}/entries/new"


def test_the_new_entry_shortcut_is_left_out_when_a_caregiver_looks_after_two_diaries(
    http: httpx.Client, patient: Persona, stranger: Persona, db_url: str
) -> None:
    carer = make_user(db_url, "carer@example.org")
    for owner in (patient, stranger):
        diary_of(
            db_url,
            owner.email,
            "A",
            PLAIN_NOTE,
            "2026-03-01T08:30:00+00:00",
            (carer.email, "caregiver"),
        )
    web_sign_in(http, carer)

    home = page(http.get("/"))

    # Which diary it would write in is the caregiver's choice, made from the list on this page.
    assert home.select_one(".header-new") is None


def test_a_patient_goes_home_to_their_diary_with_the_whole_menu(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.get("/")
    assert response.status_code == 303 and response.headers["location"] == "/diary"
    diary = page(http.get("/diary"))
    assert {"Diary", "Report", "Red flags", "Sharing", "Tools"} <= set(menu(diary))
    assert "Patients" not in menu(diary) and "Home" not in menu(diary)


def test_the_patient_list_puts_an_unacknowledged_emergency_first_and_acknowledging_keeps_it(
    http: httpx.Client, patient: Persona, stranger: Persona, db_url: str
) -> None:
    doctor = make_user(db_url, "doctor@example.org")
    diary_of(
        db_url,
        stranger.email,
        "Quiet Patient",
        PLAIN_NOTE,
        "2026-03-05T08:30:00+00:00",
        (doctor.email, "clinician"),
    )
    flagged = diary_of(
        db_url,
        patient.email,
        "Pat Example",
        EMERGENCY_NOTE,
        "2026-03-01T08:30:00+00:00",
        (doctor.email, "clinician"),
    )
    web_sign_in(http, doctor)
    listed = page(http.get("/patients"))
    names = [item.select_one("h3 a").get_text() for item in listed.select(".person")]
    assert names == ["Pat Example", "Quiet Patient"]  # the older diary, but an emergency
    first = listed.select_one(".person")
    assert "1 emergency: get urgent care now" in first.get_text(" ")
    assert "Patients" in menu(listed)

    timeline = page(http.get(f"/people/{flagged}/diary"))
    form = timeline.select_one("form.acknowledge-form")
    assert form is not None
    entry_id = int(re.findall(r"\d+", form["action"])[0])
    done = http.post(
        form["action"],
        data={"csrf_token": csrf_token(http, f"/people/{flagged}/diary"), "back": "/patients"},
    )
    assert done.status_code == 303 and done.headers["location"] == "/patients"
    listed = page(http.get("/patients"))
    names = [item.select_one("h3 a").get_text() for item in listed.select(".person")]
    assert names == ["Quiet Patient", "Pat Example"]  # now by last entry

    # The patient sees who has seen it; the flag itself keeps its plain name and level.
    http.cookies.clear()
    web_sign_in(http, patient)
    entry = page(http.get(f"/entries/{entry_id}"))
    assert re.search(r"Seen by doctor@example.org \(clinician\) at \d", entry.get_text())
    assert entry.select_one("main .alert-emergency") is not None
    assert "Choking - get urgent care now" in entry.get_text()
    assert entry.select_one("form.acknowledge-form") is None  # the patient has no button
    own = page(http.get("/diary"))
    assert "Seen by doctor@example.org (clinician)" in own.select_one("#timeline").get_text()
    assert "Choking - get urgent care now" in own.select_one("#timeline").get_text()


def test_acknowledging_an_entry_without_a_red_flag_is_refused(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    carer = make_user(db_url, "carer@example.org")
    owner_id = diary_of(
        db_url,
        patient.email,
        "Pat",
        PLAIN_NOTE,
        "2026-03-01T08:30:00+00:00",
        (carer.email, "caregiver"),
    )
    web_sign_in(http, carer)
    timeline = page(http.get(f"/people/{owner_id}/diary"))
    entry_id = int(timeline.select_one(".timeline-link")["href"].rsplit("/", 1)[1])
    refused = http.post(
        f"/entries/{entry_id}/acknowledge", data={"csrf_token": csrf_token(http, "/")}
    )
    assert refused.status_code == 422


def test_after_inviting_the_patient_reads_what_happens_next_and_can_copy_the_address(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    sent = http.post(
        "/sharing/invite",
        data={
            "email": "sam@example.org",
            "role": "caregiver",
            "csrf_token": csrf_token(http, "/sharing"),
        },
    )
    assert sent.status_code == 303
    shown = page(http.get(sent.headers["location"]))
    notice = shown.select_one("#invited")
    assert notice is not None
    words = " ".join(notice.get_text(" ").split())
    assert "You invited sam@example.org as your caregiver" in words
    assert "sign up, or sign in, with sam@example.org" in words
    address = notice.select_one("input#app-address")
    assert address is not None and address["value"].rstrip("/") == str(http.base_url).rstrip("/")
    assert notice.select_one('label[for="app-address"]') is not None
    assert notice.select_one('button[data-copy="#app-address"]') is not None
    assert "has not opened it yet" in shown.get_text()
