"""Security headers on every response."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

# No inline script or style anywhere, so the policy can forbid both; the interactive API docs load
# their own assets and get no policy (they hold no patient data).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
UNPOLICED_PATHS = ("/docs", "/redoc")


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Return the response with security headers added."""
    response = await call_next(request)
    if not request.url.path.startswith(UNPOLICED_PATHS):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    if request.url.path.startswith("/api/") or "text/html" in response.headers.get(
        "content-type", ""
    ):
        # Health data must not linger in shared caches or the browser's back-forward cache.
        response.headers.setdefault("Cache-Control", "no-store")
    return response
