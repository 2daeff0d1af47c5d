"""The Learn area's tables: clinical reviews of articles (each language's version on its own) and
of a language's clinical wording, from the CLI or a clinician's page."""

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
    # An article page reads the latest review of its version: one indexed query.
    __table_args__ = (
        Index("ix_article_reviews_slug_language", "slug", "language", "reviewed_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100))
    # Which version was reviewed: a translation has its own review, never the English one's.
    language: Mapped[str] = mapped_column(String(5), default="en", server_default="en")
    reviewer_name: Mapped[str] = mapped_column(String(200))
    reviewed_on: Mapped[date] = mapped_column()
    # The SHA-256 of the article's text as reviewed: any later change lapses the review.
    content_sha256: Mapped[str] = mapped_column(String(64))
    # The account that recorded it from the web; None when recorded with `lems content review`.
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LanguageReview(Base):
    """A named clinician's review of one language's clinical wording (issue 20): the alerts,
    advice, symptom questions and tool explanations as translated, identified by their hash.

    Rows are never changed or deleted: they are the audit trail of who vouched for which
    translation, when, and from which account.
    """

    __tablename__ = "language_reviews"
    # The alert's notice reads a language's latest review: one indexed query.
    __table_args__ = (Index("ix_language_reviews_language", "language", "reviewed_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(5))
    reviewer_name: Mapped[str] = mapped_column(String(200))
    reviewed_on: Mapped[date] = mapped_column()
    # The SHA-256 of the language's clinical wording as reviewed: any later change lapses it.
    content_sha256: Mapped[str] = mapped_column(String(64))
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
