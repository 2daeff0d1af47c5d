"""Who may reach an owner-only record, and the error both "absent" and "not yours" raise.

Apart from ``diary/service.py`` so that concepts whose records only their owner reaches (the test
tracker) can use them without importing the diary's service, its triage and sharing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lems_companion.accounts.models import User
    from lems_companion.sharing.service import Action


class NotFound(LookupError):
    """The record does not exist or the viewer may not reach it; the two look the same."""


def may_access(viewer: User, owner_id: int, action: Action) -> bool:
    """Return True when the viewer owns the data; for owner-only records (no grants apply)."""
    del action
    return viewer.id == owner_id
