"""Alembic environment: runs migrations on the engine the app configured."""

from typing import Any

from alembic import context

from lems_companion.db.base import Base
from lems_companion.db.types import UTCDateTime

# Every concept's tables on Base.metadata, for autogenerate (this script runs inside Alembic).
from lems_companion.schema import tables  # noqa: F401


def render_item(type_: str, obj: object, autogen_context: Any) -> Any:
    """Write our UTCDateTime as the plain column type it is in the database."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
