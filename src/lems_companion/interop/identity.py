"""Globally unique, stable identifiers for everything an export carries.

Each installation makes one random UUID the first time it exports (table ``installation``); every
identifier is a uuid5 of that namespace and a record's kind and row id. So the same record gets
the same identifier in every export from this installation, and user 1 of two installations gets
two different Patient ids. An entry imported from a file keeps the identifier it came with.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from lems_companion.interop.models import Installation

# The one row of the installation table.
INSTALLATION_ROW_ID = 1
# FHIR Identifier.system for a value that is a URI, such as urn:uuid:... (R4 identifier registry).
URI_SYSTEM = "urn:ietf:rfc:3986"


def _new_row() -> Installation:
    return Installation(
        id=INSTALLATION_ROW_ID, namespace=str(uuid.uuid4()), created_at=datetime.now(UTC)
    )


def installation_namespace(db: Session) -> uuid.UUID:
    """Return this installation's namespace UUID, made and stored the first time. One query.

    The first time, the row is committed in a session of its own: a GET that exports may never
    commit, and a namespace that vanished with its request would change every identifier. When
    the database refuses a second writer (SQLite while ``db`` holds a write), the row is made in
    ``db`` and committed with it instead.
    """
    row = db.get(Installation, INSTALLATION_ROW_ID)
    if row is not None:
        return uuid.UUID(row.namespace)
    try:
        with Session(db.get_bind()) as own:
            own.add(_new_row())
            own.commit()
    except IntegrityError:
        pass  # another process made it first; theirs counts
    except OperationalError:
        with db.begin_nested():
            db.add(_new_row())
    row = db.get(Installation, INSTALLATION_ROW_ID, populate_existing=True)
    assert row is not None
    return uuid.UUID(row.namespace)


def record_uuid(namespace: uuid.UUID, kind: str, key: object) -> uuid.UUID:
    """Return the stable UUID of one record (kind "patient", "entry", "investigation", ...)."""
    return uuid.uuid5(namespace, f"{kind}:{key}")


def urn(value: uuid.UUID) -> str:
    """Return the UUID as a URN, the form FHIR identifiers and references use."""
    return f"urn:uuid:{value}"
