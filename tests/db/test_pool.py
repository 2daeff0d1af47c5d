"""The connection pool keeps every connection it opens, up to the requests a worker runs at once.

Opening a connection costs far more than a request's queries on PostgreSQL (a server process is
started and the client authenticated); docs/performance.md, entry creation (third pass).
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from sqlalchemy import event, text

from lems_companion.db.engine import POOL_SIZE, get_engine


def _hold(url: str, count: int) -> None:
    """Check out ``count`` connections at once, run a query on each, and give them back."""
    with ExitStack() as stack:
        for _ in range(count):
            stack.enter_context(get_engine(url).connect()).execute(text("SELECT 1"))


def test_connections_of_a_burst_are_kept_for_the_next(db_url: str) -> None:
    _hold(db_url, POOL_SIZE)
    opened: list[Any] = []

    def note(*args: Any) -> None:
        opened.append(args)

    engine = get_engine(db_url)
    event.listen(engine, "connect", note)
    try:
        _hold(db_url, POOL_SIZE)
    finally:
        event.remove(engine, "connect", note)
    assert opened == []
