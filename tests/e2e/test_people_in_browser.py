"""Caregivers and clinicians in a phone browser (issue 14; Debian chromium, 390x844 touch screen).

A caregiver walks from sign-up to the diary a patient shared and writes an entry for them, shown
as written by the caregiver; a clinician walks from sign-in to the patient list, a patient's
report and an acknowledged red flag. Each step is saved as a screenshot in the test's output
directory (pytest's ``tmp_path``; the paths are printed), and the pages pass axe-core's WCAG 2
A/AA checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from lems_companion.accounts.service import find_user, issue_email_token
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry
from lems_companion.sharing.service import invite
from tests.conftest import PASSWORD, LiveServer, Persona, make_user
from tests.e2e.browser import PHONE, go_to
from tests.e2e.test_accessibility import violations

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    """Yield a phone-sized touch-screen page; the audit may inject axe despite the CSP."""
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        timezone_id="Europe/Madrid",
        bypass_csp=True,
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


class Steps:
    """Screenshots of a walk, numbered in order, in the test's output directory."""

    def __init__(self, page: Page, folder: Path) -> None:
        self.page, self.folder, self.taken = page, folder, []  # type: list[Path]

    def shot(self, name: str) -> None:
        path = self.folder / f"{len(self.taken) + 1:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        print(f"screenshot: {path}")


def sign_in_as(page: Page, server: LiveServer, email: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Wait for the signed-in page: on a busy machine the menu was read before the redirect came.
    page.wait_for_url(lambda url: "/login" not in url)


def fits_the_phone(page: Page) -> None:
    """The header (brand, menu button) stays on one line and nothing scrolls sideways."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 80


def test_a_caregiver_signs_up_opens_the_shared_diary_and_writes_an_entry_for_the_patient(
    phone_page: Page, server: LiveServer, patient: Persona, db_url: str, tmp_path: Path
) -> None:
    page, steps = phone_page, Steps(phone_page, tmp_path)
    # The patient invites their caregiver, who has no account yet, and reads what happens next.
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        owner.display_name = "Pat Example"
    sign_in_as(page, server, patient.email)
    go_to(page, "Sharing")
    page.get_by_label("Their e-mail address").fill("sam@example.org")
    page.get_by_label("A caregiver").check()
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("heading", name="You invited sam@example.org")).to_be_visible()
    page.get_by_role("button", name="Copy address").click()
    expect(page.locator("#invite-copy-status")).to_have_text("Copied.")
    steps.shot("patient-invited-caregiver")
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Sign out").click()

    # The caregiver signs up with that address and signs in.
    page.goto(f"{server.url}/signup")
    page.get_by_label("E-mail").fill("sam@example.org")
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    steps.shot("caregiver-signs-up")
    page.get_by_role("button", name="Create account").click()
    # They confirm their address through the link the app e-mails them (its delivery is
    # tests/messaging/test_mail.py); the token here is the one that e-mail carries.
    with session_scope(db_url) as db:
        caregiver = find_user(db, "sam@example.org")
        assert caregiver is not None
        token = issue_email_token(db, user=caregiver, purpose="verify")
    page.goto(f"{server.url}/verify-email?token={token}")
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.locator("#verified")).to_be_visible()
    steps.shot("caregiver-confirms-address")
    page.goto(f"{server.url}/login")
    page.get_by_label("E-mail").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Home: the invitation, not an empty diary of their own; a menu for what they can do.
    expect(page.get_by_role("heading", name="Invitations for you")).to_be_visible()
    expect(page.get_by_text("Pat Example invited you as their caregiver")).to_be_visible()
    expect(page.get_by_role("heading", name="Your diary")).to_have_count(0)
    expect(page.locator(".header-new")).to_have_count(0)
    fits_the_phone(page)
    assert violations(page) == []
    steps.shot("caregiver-home-invitation")
    page.get_by_role("button", name="Menu").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Red flags")).to_have_count(0)
    steps.shot("caregiver-menu")
    page.get_by_role("button", name="Menu").click()

    page.get_by_role("link", name="Open the diary of Pat Example").click()
    expect(page.get_by_role("heading", name="Diary of Pat Example")).to_be_visible()
    expect(page.get_by_text("Pat Example shared their diary with you")).to_be_visible()
    assert violations(page) == []
    steps.shot("caregiver-shared-diary")

    # An entry written for the patient, shown as written by the caregiver.
    page.get_by_role("link", name="Add an entry").click()
    page.get_by_label("Anything else?").fill("Pat needed help to climb the stairs this evening.")
    steps.shot("caregiver-writes-entry")
    page.get_by_role("button", name="Save entry").click()
    expect(page.locator("#written-by")).to_have_text("Written by sam@example.org (caregiver)")
    steps.shot("caregiver-entry-written-by")
    page.get_by_role("link", name="Back to the diary").click()
    item = page.locator(".timeline-item").filter(has_text="climb the stairs")
    expect(item.locator(".written-by")).to_have_text("Written by sam@example.org (caregiver)")
    steps.shot("caregiver-timeline-written-by")
    assert len(steps.taken) == 9 and all(path.stat().st_size > 0 for path in steps.taken)


def shared_diary(db_url: str, email: str, name: str, note: str, days_ago: int, to: str) -> None:
    with session_scope(db_url) as db:
        owner = find_user(db, email)
        assert owner is not None
        owner.display_name = name
        when = datetime.now(UTC) - timedelta(days=days_ago)
        add_entry(
            db,
            owner=owner,
            data=EntryCreate.model_validate(
                {
                    "recorded_at": when.isoformat(),
                    "symptoms": {"proximal_leg_weakness": 2},
                    "note": note,
                }
            ),
        )
        invite(db, owner=owner, email=to, role="clinician")


def test_a_clinician_signs_in_sees_the_patient_list_the_report_and_acknowledges_a_red_flag(
    phone_page: Page,
    server: LiveServer,
    patient: Persona,
    stranger: Persona,
    db_url: str,
    tmp_path: Path,
) -> None:
    page, steps = phone_page, Steps(phone_page, tmp_path)
    doctor = make_user(db_url, "dr.jones@example.org")
    third = make_user(db_url, "third@example.org")
    shared_diary(db_url, stranger.email, "Quinn Steady", "Walked to the shop.", 1, doctor.email)
    shared_diary(db_url, third.email, "Robin Recent", "Slept well.", 0, doctor.email)
    shared_diary(
        db_url, patient.email, "Pat Example", "I choked on water at lunch today.", 3, doctor.email
    )

    page.goto(f"{server.url}/login")
    steps.shot("clinician-sign-in")
    sign_in_as(page, server, doctor.email)
    expect(page.get_by_role("heading", name="Diaries shared with you")).to_be_visible()
    go_to(page, "Patients")
    expect(page.get_by_role("heading", name="Your patients")).to_be_visible()
    names = page.locator(".people-list .person h3 a").all_inner_texts()
    assert names == ["Pat Example", "Robin Recent", "Quinn Steady"]  # the emergency first
    first = page.locator(".people-list .person").first
    expect(first).to_contain_text("1 emergency: get urgent care now")
    fits_the_phone(page)
    assert violations(page) == []
    steps.shot("clinician-patient-list")

    first.get_by_role("link", name="Report of Pat Example").click()
    expect(page.get_by_role("heading", name="Symptom diary report")).to_be_visible()
    expect(page.locator(".report-meta")).to_contain_text("Pat Example")
    expect(page.locator("#red-flags")).to_contain_text("Choking - get urgent care now")
    steps.shot("clinician-report")

    page.get_by_role("navigation", name="Pat Example's record").get_by_role(
        "link", name="Diary"
    ).click()
    flagged = page.locator(".timeline-item").filter(has_text="choked")
    flagged.get_by_role("button", name="Acknowledge").click()
    flagged = page.locator(".timeline-item").filter(has_text="choked")
    expect(flagged.locator(".seen-by")).to_contain_text(
        "Seen by dr.jones@example.org (clinician) at"
    )
    expect(flagged.locator(".flag-badge")).to_contain_text("Choking - get urgent care now")
    expect(flagged.get_by_role("button", name="Acknowledge")).to_have_count(0)
    assert violations(page) == []
    steps.shot("clinician-acknowledged-flag")

    go_to(page, "Patients")
    names = page.locator(".people-list .person h3 a").all_inner_texts()
    assert names == ["Robin Recent", "Quinn Steady", "Pat Example"]  # now by last entry
    steps.shot("clinician-patient-list-after")
    assert len(steps.taken) == 5 and all(path.stat().st_size > 0 for path in steps.taken)
