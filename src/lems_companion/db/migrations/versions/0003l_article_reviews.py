"""article reviews

Revision ID: 0003l
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003l"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("reviewer_name", sa.String(length=200), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_article_reviews_recorded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_reviews")),
    )
    with op.batch_alter_table("article_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_reviews_recorded_by_id"), ["recorded_by_id"], unique=False
        )
        batch_op.create_index(
            "ix_article_reviews_slug_reviewed", ["slug", "reviewed_on", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("article_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_article_reviews_slug_reviewed")
        batch_op.drop_index(batch_op.f("ix_article_reviews_recorded_by_id"))

    op.drop_table("article_reviews")
