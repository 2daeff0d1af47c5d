"""The Learn area's table: clinical reviews of articles, from the CLI or a clinician's page."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import UTCDateTime


class ArticleReview(Base):
    """A named clinician's review of one version of an article (identified by its text's hash).

    Rows are never changed or deleted: the history of who reviewed what, and when, is kept.
    """

    __tablename__ = "article_reviews"
    # An article page reads its latest review: one indexed query.
    __table_args__ = (Index("ix_article_reviews_slug_reviewed", "slug", "reviewed_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100))
    reviewer_name: Mapped[str] = mapped_column(String(200))
    reviewed_on: Mapped[date] = mapped_column()
    # The SHA-256 of the article's text as reviewed: any later change lapses the review.
    content_sha256: Mapped[str] = mapped_column(String(64))
    # The account that recorded it from the web; None when recorded with `lems content review`.
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
