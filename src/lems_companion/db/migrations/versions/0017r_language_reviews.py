"""language reviews: translated articles have their own reviews; a language's clinical wording
is reviewed on its own (issue 20)

Revision ID: 0017r
Revises: 0016u

Existing article reviews are of the English text: the new column's default says so.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017r"
down_revision: str | Sequence[str] | None = "0016u"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add article_reviews.language and the language_reviews table."""
    with op.batch_alter_table("article_reviews", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=5), server_default="en", nullable=False)
        )
        batch_op.drop_index("ix_article_reviews_slug_reviewed")
        batch_op.create_index(
            "ix_article_reviews_slug_language",
            ["slug", "language", "reviewed_on", "id"],
            unique=False,
        )
    op.create_table(
        "language_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("reviewer_name", sa.String(length=200), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_language_reviews_recorded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_language_reviews")),
    )
    with op.batch_alter_table("language_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_language_reviews_recorded_by_id"), ["recorded_by_id"], unique=False
        )
        batch_op.create_index(
            "ix_language_reviews_language", ["language", "reviewed_on", "id"], unique=False
        )


def downgrade() -> None:
    """Drop language_reviews and article_reviews.language (and the reviews of translations)."""
    with op.batch_alter_table("language_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_language_reviews_language")
        batch_op.drop_index(batch_op.f("ix_language_reviews_recorded_by_id"))
    op.drop_table("language_reviews")
    # A review of a translation would read as a review of the English text without its column.
    op.execute("DELETE FROM article_reviews WHERE language <> 'en'")
    with op.batch_alter_table("article_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_article_reviews_slug_language")
        batch_op.create_index(
            "ix_article_reviews_slug_reviewed", ["slug", "reviewed_on", "id"], unique=False
        )
        batch_op.drop_column("language")
