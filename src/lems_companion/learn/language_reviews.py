"""Clinical review of a language's clinical wording (issue 20, item 3).

The alerts, advice, symptom questions and tool explanations shown in Spanish, French or German
are our translations of reviewed English text. Until a clinician fluent in the language records
a review of them, pages in that language say the translation awaits review. A review covers the
wording as it was (its hash): any later change to the language's catalogue or triage advice
lapses it, as a changed article's review lapses, and so does the twelve-month limit
(``learn.reviews``). Articles are not covered here: each translated article has its own review.

Every review is kept (the table is append-only) with the account that recorded it, and logged.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue_path
from lems_companion.learn.models import LanguageReview
from lems_companion.learn.reviews import ReviewError, ReviewStatus, reviewer_name, status_of_text
from lems_companion.logs import security_event
from lems_companion.triage import advice

# The languages whose wording is a translation; English is the reviewed source.
TRANSLATED_LANGUAGES = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
# The history shown beside the form: enough to see who vouched for what, not a full export.
HISTORY_LIMIT = 20


@cache
def wording_sha256(language: str) -> str:
    """Return the SHA-256 of the language's translated wording: its catalogue and its triage
    advice (reads the catalogue once per process; it does not change while the app runs)."""
    wording = {
        "catalogue": catalogue_path(language).read_text(encoding="utf-8"),
        "level_advice": advice.LEVEL_ADVICE.get(language),
        "flag_advice": advice.FLAG_ADVICE.get(language),
        "flag_titles": advice.FLAG_TITLES.get(language),
        "headlines": advice.ALERT_HEADLINES.get(language),
        "third_person": advice.THIRD_PERSON_NOTE.get(language),
    }
    return hashlib.sha256(json.dumps(wording, sort_keys=True).encode("utf-8")).hexdigest()


def _check_language(language: str) -> None:
    if language not in TRANSLATED_LANGUAGES:
        raise ReviewError(f"choose one of {', '.join(TRANSLATED_LANGUAGES)}, not {language!r}")


def reviews_of(db: Session, language: str, *, limit: int = HISTORY_LIMIT) -> list[LanguageReview]:
    """Return the language's recorded reviews, newest first (one query); empty when none."""
    query = (
        select(LanguageReview)
        .where(LanguageReview.language == language)
        .order_by(LanguageReview.reviewed_on.desc(), LanguageReview.id.desc())
        .limit(limit)
    )
    return list(db.scalars(query))


def language_status(db: Session, language: str, *, today: date | None = None) -> ReviewStatus:
    """Return the review status of the language's clinical wording now (one query, none for
    English, which is the reviewed source); awaiting when never reviewed."""
    if language == DEFAULT_LANGUAGE:
        return ReviewStatus(state="reviewed")
    latest = next(iter(reviews_of(db, language, limit=1)), None)
    return status_of_text(wording_sha256(language), latest, today=today or date.today())


def record_language_review(
    db: Session,
    language: str,
    *,
    reviewer: str,
    recorded_by: User | None = None,
    today: date | None = None,
) -> LanguageReview:
    """Return the new review of the language's wording as it is now (not committed), logged.

    ReviewError for English or an unknown language, and for a blank or over-long name.
    """
    _check_language(language)
    review = LanguageReview(
        language=language,
        reviewer_name=reviewer_name(reviewer),
        reviewed_on=today or date.today(),
        content_sha256=wording_sha256(language),
        recorded_by_id=recorded_by.id if recorded_by else None,
        recorded_at=datetime.now(UTC),
    )
    db.add(review)
    db.flush()
    security_event(
        "language_reviewed",
        account_id=recorded_by.id if recorded_by else None,
        language=language,
        review_id=review.id,
    )
    return review
