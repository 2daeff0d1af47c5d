"""A cap on the requests one worker process handles at once; the others wait their turn.

Why: each request holds one pooled database connection from its first query until its response
is sent, and runs its blocking parts on the worker's thread pool (40 threads). Past the pool's
size (``db.engine.POOL_SIZE``), new requests take threads only to wait for a connection, while
the requests that hold connections wait for a thread: under a burst the
worker stalls until the pool gives up after 30 s (the load test in docs/performance.md hit this
at 200 users). Waiting here instead holds neither a thread nor a connection. Raising the pool to
match every possible request was rejected: it only moves the limit to PostgreSQL's
max_connections.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

from lems_companion.db.engine import POOL_SIZE

# The pool's size: one connection per request.
MAX_IN_FLIGHT = POOL_SIZE


class InFlightLimit:
    """Let at most ``limit`` HTTP requests of this process run at once; later ones queue."""

    def __init__(self, app: ASGIApp, *, limit: int = MAX_IN_FLIGHT) -> None:
        self.app = app
        self.limit = limit
        self._gate: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request once a place is free (other ASGI events pass straight through)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._gate is None:  # made on first use, inside the server's event loop
            self._gate = asyncio.Semaphore(self.limit)
        async with self._gate:
            await self.app(scope, receive, send)
