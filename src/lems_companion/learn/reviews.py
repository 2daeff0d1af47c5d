"""Clinical review of articles: who reviewed which version, and what an article may claim.

An article says "Medically reviewed by NAME on DATE" only while its latest recorded review is for
its current text and less than twelve months old; otherwise the review has lapsed (and the page
says so), or there is none and the article plainly awaits clinical review (issue 8).

Each language's version of an article is reviewed on its own (issue 20): a translation never
borrows the English text's review. ``learn.language_reviews`` applies the same rules to a
language's clinical wording outside the articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.inputs import check_storable_text
from lems_companion.learn.articles import Article
from lems_companion.learn.models import ArticleReview, LanguageReview

# A review vouches for an article for twelve months (issue 8); after that medical knowledge and
# practice may have moved on, so the page says the review has lapsed until someone reviews again.
REVIEW_VALID_DAYS = 365
# Reviewer names are shown on the page as typed; a limit keeps them to a name and title.
MAX_REVIEWER_NAME = 200

State = Literal["reviewed", "lapsed", "awaiting"]


class ReviewError(ValueError):
    """A review that cannot be recorded: no reviewer name, or a draft article."""


@dataclass(frozen=True)
class ReviewStatus:
    """What an article's page says about its clinical review."""

    state: State
    reviewer: str | None = None
    reviewed_on: date | None = None
    # Why a review lapsed: "changed" (the text changed after it) or "expired" (twelve months).
    lapse_reason: str | None = None

    @property
    def expires_on(self) -> date | None:
        """Return the last day the review is valid; None when there is no review."""
        if self.reviewed_on is None:
            return None
        return self.reviewed_on + timedelta(days=REVIEW_VALID_DAYS)


def is_clinician(user: User | None) -> bool:
    """Return True when the account is a clinician account (set by the instance admin with
    `lems user set-clinician`), which may record clinical reviews on the web."""
    return bool(user is not None and user.is_clinician)


def latest_review(db: Session, slug: str, language: str = "en") -> ArticleReview | None:
    """Return the most recent review of the article in this language (one query); None when it
    has none."""
    query = (
        select(ArticleReview)
        .where(ArticleReview.slug == slug, ArticleReview.language == language)
        .order_by(ArticleReview.reviewed_on.desc(), ArticleReview.id.desc())
        .limit(1)
    )
    return db.scalars(query).first()


def status_of(article: Article, review: ArticleReview | None, *, today: date) -> ReviewStatus:
    """Return the review status of the article given its latest review; awaiting when none."""
    return status_of_text(article.sha256, review, today=today)


def status_of_text(
    sha256: str, review: ArticleReview | LanguageReview | None, *, today: date
) -> ReviewStatus:
    """Return the review status of a text (by its hash) given its latest review; awaiting when
    none, lapsed when the text changed after it or it is over twelve months old."""
    if review is None:
        return ReviewStatus(state="awaiting")
    name, on = review.reviewer_name, review.reviewed_on
    if review.content_sha256 != sha256:
        return ReviewStatus("lapsed", name, on, lapse_reason="changed")
    if today > on + timedelta(days=REVIEW_VALID_DAYS):
        return ReviewStatus("lapsed", name, on, lapse_reason="expired")
    return ReviewStatus("reviewed", name, on)


def review_status(db: Session, article: Article, *, today: date | None = None) -> ReviewStatus:
    """Return the article's review status now (one query); awaiting when never reviewed."""
    latest = latest_review(db, article.slug, article.language)
    return status_of(article, latest, today=today or date.today())


def record_review(
    db: Session,
    article: Article,
    *,
    reviewer: str,
    recorded_by: User | None = None,
    today: date | None = None,
) -> ArticleReview:
    """Return the new review of the article's current text by this named clinician (not committed).

    ReviewError for a blank or over-long name, or for a draft (drafts are not ready for review).
    """
    name = reviewer_name(reviewer)
    if not article.published:
        raise ReviewError(f"{article.slug} is a draft; set review_status = 'awaiting' first")
    review = ArticleReview(
        slug=article.slug,
        language=article.language,
        reviewer_name=name,
        reviewed_on=today or date.today(),
        content_sha256=article.sha256,
        recorded_by_id=recorded_by.id if recorded_by else None,
        recorded_at=datetime.now(UTC),
    )
    db.add(review)
    db.flush()
    return review


def reviewer_name(reviewer: str) -> str:
    """Return the reviewer's name as it will be shown (spaces tidied); ReviewError when blank,
    over-long or not storable."""
    name = " ".join(reviewer.split())
    try:
        check_storable_text(name)
    except ValueError as error:
        raise ReviewError(f"the reviewer's name {error}") from None
    if not name:
        raise ReviewError("give the reviewer's name, as it should appear on the page")
    if len(name) > MAX_REVIEWER_NAME:
        raise ReviewError(f"the reviewer's name is longer than {MAX_REVIEWER_NAME} characters")
    return name
