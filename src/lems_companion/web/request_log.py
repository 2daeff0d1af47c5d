"""One log line per request (method, route template, status, time taken) and unhandled errors.

The route template (``/entries/{entry_id}``, ``/s/{token}/report``) is logged, never the URL:
ids say whose record was opened and a share-link token is a password.
"""

from __future__ import annotations

import time

from starlette.responses import PlainTextResponse
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lems_companion.logs import errors_log, log_event, requests_log

# Requests that match no route (a scanner's probes) are logged under one name.
UNMATCHED = "(no route)"
MILLISECONDS = 1000


def route_template(scope: Scope) -> str:
    """Return the template of the route that served the request; UNMATCHED when none did."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    app = scope.get("app")
    # Static files are a mount, which Starlette does not record in the scope.
    for candidate in getattr(getattr(app, "router", None), "routes", []):
        match, _ = candidate.matches(scope)
        if match is Match.FULL:
            return str(getattr(candidate, "path", UNMATCHED))
    return UNMATCHED


class RequestLog:
    """ASGI middleware: log every HTTP request once, and answer 500 for an unhandled error."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_and_note(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        except Exception as error:
            # Logged here, type and stack only (logs.error_summary): the default handler would
            # print the message, which can quote what the person sent.
            errors_log.error(
                "unhandled error in %s %s", scope["method"], route_template(scope), exc_info=error
            )
            if response_started:
                raise
            await PlainTextResponse("Internal Server Error", status_code=500)(scope, receive, send)
        finally:
            log_event(
                requests_log,
                "request",
                method=scope["method"],
                path=route_template(scope),
                status=status,
                duration_ms=round((time.perf_counter() - started) * MILLISECONDS, 1),
            )
