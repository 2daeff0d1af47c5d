"""A ceiling on request bodies, as a plain ASGI middleware, answering 413 with a clear message.

Without it a client could send an endless body and the app would buffer it all in memory before
validation ever runs. A declared ``Content-Length`` over the limit is refused before a byte of
the body is read; a body sent in chunks is counted as it arrives and refused once it passes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# 1 MiB: a diary entry is about 1 kB and its note at most 5,000 characters (20 kB in UTF-8),
# so every form and API request fits many times over.
MAX_BODY_BYTES = 1024 * 1024
# A diary of years fits in a few megabytes (the 8-week demo's FHIR export is 1.9 MB); an import
# file larger than this is not one of ours.
MAX_IMPORT_BYTES = 10 * 1024 * 1024
# Room for the multipart envelope around the file (boundaries, headers, the format and CSRF
# fields), so a file of exactly MAX_IMPORT_BYTES gets through to the route's own check.
MULTIPART_OVERHEAD_BYTES = 64 * 1024
# Larger ceilings for paths that take files, as (path prefix, bytes); the first match wins.
LARGER_BODY_LIMITS: tuple[tuple[str, int], ...] = (
    ("/import", MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES),
)


def _readable(size: int) -> str:
    if size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MiB"
    if size % 1024 == 0:
        return f"{size // 1024} KiB"
    return f"{size} bytes"


def too_large_message(limit: int) -> str:
    """Return what a client is told when its request body is over the limit."""
    return f"The request is too large: at most {_readable(limit)} can be sent here."


class BodyTooLarge(HTTPException):
    """A request body that passed the limit while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


class BodySizeLimit:
    """Refuse request bodies over the limit for their path with 413 Content Too Large."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        larger_limits: Sequence[tuple[str, int]] = LARGER_BODY_LIMITS,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.larger_limits = tuple(larger_limits)

    def limit_for(self, path: str) -> int:
        """Return the most bytes a request body to this path may have."""
        for prefix, limit in self.larger_limits:
            if path.startswith(prefix):
                return limit
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, refusing it with 413 as soon as its body is known to be too big."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(scope, send, limit)
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException, so a route reading the body gets the app's own 413
                    # page or JSON; caught below when it escapes before any response.
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _refuse(scope, send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _wants_json(scope: Scope) -> bool:
    if scope["path"].startswith("/api/"):
        return True
    for name, value in scope["headers"]:
        if name == b"accept" and b"application/json" in value and b"text/html" not in value:
            return True
    return False


async def _refuse(scope: Scope, send: Send, limit: int) -> None:
    message = too_large_message(limit)
    if _wants_json(scope):
        body = json.dumps({"detail": message}).encode()
        content_type = b"application/json"
    else:
        body = (
            "<!doctype html><html lang=en><meta charset=utf-8><title>Too large · LEMS Companion"
            f"</title><h1>{message}</h1><p>Shorten the text, or send it in smaller parts. "
            '<a href="/diary">Back to your diary</a></p></html>'
        ).encode()
        content_type = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                # The rest of the body is not read; the client must not reuse this connection.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
