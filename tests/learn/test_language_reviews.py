"""A clinician records that they reviewed a language's clinical wording (issue 20, item 3);
until then, and once it lapses, translated alerts say they await review."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from lems_companion.db.engine import session_scope
from lems_companion.learn import language_reviews
from lems_companion.learn.language_reviews import (
    language_status,
    record_language_review,
    reviews_of,
)
from lems_companion.learn.models import LanguageReview
from lems_companion.learn.reviews import REVIEW_VALID_DAYS, ReviewError
from tests.conftest import (
    Persona,
    api_token,
    csrf_token,
    enrol_second_factor,
    totp_now,
    web_sign_in,
)
from tests.learn.test_pages import make_clinician

REVIEWED_ON = date(2026, 11, 2)


def test_a_language_nobody_reviewed_awaits_review_and_english_needs_none(db_url: str) -> None:
    with session_scope(db_url) as db:
        assert language_status(db, "es").state == "awaiting"
        assert language_status(db, "en").state == "reviewed"


def test_a_review_holds_for_twelve_months_then_lapses(db_url: str) -> None:
    with session_scope(db_url) as db:
        record_language_review(db, "fr", reviewer="  Dr  Claire Martin ", today=REVIEWED_ON)
    last_day = REVIEWED_ON + timedelta(days=REVIEW_VALID_DAYS)
    with session_scope(db_url) as db:
        held = language_status(db, "fr", today=last_day)
        lapsed = language_status(db, "fr", today=last_day + timedelta(days=1))
        other = language_status(db, "de", today=REVIEWED_ON)
    assert (held.state, held.reviewer) == ("reviewed", "Dr Claire Martin")
    assert (lapsed.state, lapsed.lapse_reason) == ("lapsed", "expired")
    assert other.state == "awaiting"


def test_a_review_lapses_when_the_languages_wording_changes(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(db_url) as db:
        record_language_review(db, "de", reviewer="Dr Jonas Weber", today=REVIEWED_ON)
    monkeypatch.setattr(language_reviews, "wording_sha256", lambda language: "0" * 64)
    with session_scope(db_url) as db:
        status = language_status(db, "de", today=REVIEWED_ON)
    assert (status.state, status.lapse_reason) == ("lapsed", "changed")


@pytest.mark.parametrize(("language", "reviewer"), [("en", "Dr A"), ("pt", "Dr A"), ("es", " ")])
def test_a_review_needs_a_translated_language_and_a_name(
    db_url: str, language: str, reviewer: str
) -> None:
    with session_scope(db_url) as db, pytest.raises(ReviewError):
        record_language_review(db, language, reviewer=reviewer)


def test_every_review_is_kept_newest_first(db_url: str) -> None:
    with session_scope(db_url) as db:
        record_language_review(db, "es", reviewer="Dr Old", today=REVIEWED_ON - timedelta(400))
        record_language_review(db, "es", reviewer="Dr New", today=REVIEWED_ON)
    with session_scope(db_url) as db:
        names = [review.reviewer_name for review in reviews_of(db, "es")]
        status = language_status(db, "es", today=REVIEWED_ON)
    assert names == ["Dr New", "Dr Old"]
    assert status.reviewer == "Dr New"


def page(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def sign_in_clinician(http: httpx.Client, db_url: str, persona: Persona) -> str:
    make_clinician(db_url, persona)
    web_sign_in(http, persona, code=totp_now(enrol_second_factor(db_url, persona.email)))
    return csrf_token(http, "/learn/languages/review")


def test_only_a_clinician_sees_the_language_review_page(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    assert http.get("/learn/languages/review").status_code == 403
    refused = http.post(
        "/learn/languages/review",
        data={"csrf_token": csrf_token(http), "language": "es", "reviewer": "Me"},
    )
    assert refused.status_code == 403


def test_an_unconfirmed_or_unknown_language_review_stores_nothing(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    token = sign_in_clinician(http, db_url, patient)
    unconfirmed = {"csrf_token": token, "language": "es", "reviewer": "Dr Ana Ruiz"}
    unknown = {**unconfirmed, "language": "xx", "confirmed": "true"}
    for form in (unconfirmed, unknown):
        response = http.post("/learn/languages/review", data=form)
        assert response.status_code == 422
        assert page(response).select_one("#error-summary") is not None
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(LanguageReview)) == 0


def test_a_clinicians_language_review_ends_the_alerts_pending_notice(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    created = http.post(
        "/api/v1/entries",
        json={"recorded_at": "2026-11-30T08:30:00+00:00", "note": "I choked on my tea again."},
        headers=api_token(http, patient),
    )
    token = sign_in_clinician(http, db_url, patient)
    entry = f"/entries/{created.json()['id']}"
    spanish = {"Accept-Language": "es"}
    assert page(http.get(entry, headers=spanish)).select_one(".alert-review") is not None

    saved = http.post(
        "/learn/languages/review",
        data={"csrf_token": token, "language": "es", "reviewer": "Dra. Ana Ruiz", "confirmed": "1"},
    )
    assert saved.status_code == 303
    shown = page(http.get(saved.headers["location"], headers=spanish))
    assert shown.html is not None and shown.html["lang"] == "es"
    assert "Dra. Ana Ruiz" in shown.select_one("#language-es .review-status").get_text()
    assert shown.select_one("#language-fr .review-awaiting") is not None
    with session_scope(db_url) as db:
        [review] = reviews_of(db, "es")
        assert review.recorded_by_id is not None
    assert page(http.get(entry, headers=spanish)).select_one(".alert-review") is None
    assert page(http.get(entry, headers={"Accept-Language": "fr"})).select_one(".alert-review")
