"""The request body ceiling: the named limit, larger ceilings by path, and both answer formats."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from lems_companion.web.limits import MAX_BODY_BYTES, BodySizeLimit, too_large_message


async def echo(request: Request) -> PlainTextResponse:
    return PlainTextResponse(str(len(await request.body())))


class Client:
    """A synchronous stand-in for a test client over the wrapped app (no server)."""

    def __init__(self, **options: Any) -> None:
        app = Starlette(routes=[Route("/{path:path}", echo, methods=["POST"])])
        self.transport = httpx.ASGITransport(app=BodySizeLimit(app, **options))

    def post(self, path: str, content: bytes | Iterable[bytes]) -> httpx.Response:
        async def send() -> httpx.Response:
            body = content if isinstance(content, bytes) else _stream(content)
            async with httpx.AsyncClient(transport=self.transport, base_url="http://t") as c:
                response = await c.post(path, content=body)
                await response.aread()
                return response

        # In a thread of its own: the session's Playwright browser keeps an event loop running in
        # the main thread, where a second loop cannot start.
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(anyio.run, send).result()


async def _stream(parts: Iterable[bytes]) -> Any:
    for part in parts:
        yield part


def client(**options: Any) -> Client:
    return Client(**options)


def test_the_limit_is_one_mebibyte_and_says_so() -> None:
    assert MAX_BODY_BYTES == 1024 * 1024
    assert too_large_message(MAX_BODY_BYTES) == (
        "The request is too large: at most 1 MiB can be sent here."
    )


def test_a_body_at_the_limit_passes_and_one_byte_more_does_not() -> None:
    http = client(max_body_bytes=100)
    assert http.post("/api/x", content=b"x" * 100).text == "100"
    refused = http.post("/api/x", content=b"x" * 101)
    assert refused.status_code == 413
    assert refused.json() == {"detail": too_large_message(100)}


def test_pages_get_html_and_larger_limits_apply_by_path() -> None:
    http = client(max_body_bytes=100, larger_limits=[("/import", 1000)])
    page = http.post("/entries", content=b"x" * 101)
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "at most 100 bytes" in page.text
    assert http.post("/import/csv", content=b"x" * 1000).text == "1000"
    assert http.post("/import/csv", content=b"x" * 1001).status_code == 413


def test_a_chunked_body_is_counted_as_it_arrives() -> None:
    http = client(max_body_bytes=100)
    refused = http.post("/api/x", content=iter([b"x" * 60, b"x" * 60]))
    assert refused.status_code == 413
