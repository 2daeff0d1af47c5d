"""Security headers on every response, as a plain ASGI middleware (cheaper than BaseHTTP's)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script or style anywhere, so the policy can forbid both; every path gets it, the
# interactive API docs included (they are off unless LEMS_API_DOCS=true, and then served from
# the package, web/api_docs.py).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SecurityHeaders:
    """Add the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, adding headers as the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "same-origin"
                if not path.startswith("/static/"):
                    # Health data (pages, API answers, reports, exports) must not linger in
                    # shared caches or the browser's back-forward cache.
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _origin_of(headers: Headers) -> str | None:
    """Return the host[:port] the request says it came from; "" when it says "null"; None when
    it says nothing (a client other than a browser)."""
    origin = headers.get("origin")
    if origin is not None:
        return "" if origin.strip() == "null" else urlsplit(origin).netloc.lower()
    referer = headers.get("referer")
    if referer is not None:
        return urlsplit(referer).netloc.lower()
    return None


class SameOriginWrites:
    """Refuse (403) a state-changing request that a browser says came from another site.

    Browsers send ``Origin`` with every cross-site POST (or "null" from a sandboxed or
    no-referrer page), so a foreign page cannot submit a form here, not even the sign-in form,
    which has no session yet to carry a CSRF token (OWASP CSRF cheat sheet: "verifying origin
    with standard headers", as defence in depth beside the tokens). A request with neither
    ``Origin`` nor ``Referer`` comes from a program, not a page, and passes.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on unless it is a cross-origin write."""
        if scope["type"] != "http" or scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = _origin_of(headers)
        if origin is None or origin == headers.get("host", "").lower():
            await self.app(scope, receive, send)
            return
        message = "This form did not come from this site, so it was not sent."
        if scope["path"].startswith("/api/"):
            body, kind = json.dumps({"detail": message}).encode(), b"application/json"
        else:
            body = (
                "<!doctype html><html lang=en><meta charset=utf-8><title>Refused · LEMS Companion"
                f'</title><h1>{message}</h1><p><a href="/">Go to LEMS Companion</a></p></html>'
            ).encode()
            kind = b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [
                    (b"content-type", kind),
                    (b"content-length", str(len(body)).encode()),
                    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
