"""Honest review: "Medically reviewed" only for a recorded review of this text, within a year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from lems_companion.accounts.service import find_user
from lems_companion.cli.content import review_article
from lems_companion.db.engine import session_scope
from lems_companion.learn.articles import find_article
from lems_companion.learn.reviews import (
    REVIEW_VALID_DAYS,
    ReviewError,
    is_clinician,
    record_review,
    review_status,
)
from tests.conftest import Persona

REVIEWED_ON = date(2026, 3, 2)


def red_flags_article():  # type: ignore[no-untyped-def]
    article = find_article("red-flags")
    assert article is not None
    return article


def test_an_article_nobody_reviewed_awaits_review(db_url: str) -> None:
    with session_scope(db_url) as db:
        status = review_status(db, red_flags_article())
    assert status.state == "awaiting" and status.reviewer is None


def test_a_recorded_review_names_the_clinician_and_date(db_url: str) -> None:
    review_article(db_url, "red-flags", reviewer="  Dr Ada   Lovelace ", today=REVIEWED_ON)
    with session_scope(db_url) as db:
        status = review_status(db, red_flags_article(), today=REVIEWED_ON + timedelta(days=10))
    assert (status.state, status.reviewer, status.reviewed_on) == (
        "reviewed",
        "Dr Ada Lovelace",
        REVIEWED_ON,
    )


def test_a_review_lapses_after_twelve_months(db_url: str) -> None:
    review_article(db_url, "red-flags", reviewer="Dr Ada Lovelace", today=REVIEWED_ON)
    last_valid_day = REVIEWED_ON + timedelta(days=REVIEW_VALID_DAYS)
    with session_scope(db_url) as db:
        on_the_day = review_status(db, red_flags_article(), today=last_valid_day)
        after = review_status(db, red_flags_article(), today=last_valid_day + timedelta(days=1))
    assert on_the_day.state == "reviewed"
    assert (after.state, after.lapse_reason) == ("lapsed", "expired")


def test_a_review_lapses_when_the_article_changes_after_it(db_url: str) -> None:
    review_article(db_url, "red-flags", reviewer="Dr Ada Lovelace", today=REVIEWED_ON)
    changed = replace(red_flags_article(), sha256="0" * 64)
    with session_scope(db_url) as db:
        status = review_status(db, changed, today=REVIEWED_ON)
    assert (status.state, status.lapse_reason, status.reviewer) == (
        "lapsed",
        "changed",
        "Dr Ada Lovelace",
    )


def test_the_latest_review_counts(db_url: str) -> None:
    article = red_flags_article()
    with session_scope(db_url) as db:
        record_review(db, article, reviewer="Dr Old", today=REVIEWED_ON - timedelta(days=400))
        record_review(db, article, reviewer="Dr New", today=REVIEWED_ON)
    with session_scope(db_url) as db:
        status = review_status(db, article, today=REVIEWED_ON)
    assert (status.state, status.reviewer) == ("reviewed", "Dr New")


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_review_needs_a_reasonable_name(db_url: str, name: str) -> None:
    with session_scope(db_url) as db, pytest.raises(ReviewError):
        record_review(db, red_flags_article(), reviewer=name)


def test_a_draft_cannot_be_reviewed(db_url: str) -> None:
    draft = replace(red_flags_article(), review_status="draft")
    with session_scope(db_url) as db, pytest.raises(ReviewError, match="draft"):
        record_review(db, draft, reviewer="Dr Ada Lovelace")


def test_only_an_account_marked_as_clinician_may_review_on_the_web(
    db_url: str, patient: Persona
) -> None:
    with session_scope(db_url) as db:
        user = find_user(db, patient.email)
        assert user is not None and not is_clinician(user)
        user.is_clinician = True
        assert is_clinician(user)
    assert not is_clinician(None)
