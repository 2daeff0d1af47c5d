"""The app as the load test serves it, with a bare FastAPI endpoint beside it on the same workers.

``GET /bench/bare`` is a plain ``def`` FastAPI route that runs one ``SELECT 1`` on its own
SQLAlchemy engine: it shares each worker's process, event loop and thread pool with the app but
none of the app's middleware, dependencies or connection pool. Its latency in the same run is the
baseline: when it is slow too, the wait is in the worker (event loop, threads, CPU) or in the load
generator; when only the app's requests are slow, the wait is in the app.

    uvicorn --factory load_app:create_app   (from bench/, with src on PYTHONPATH)
"""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import create_engine, text
from starlette.types import ASGIApp, Receive, Scope, Send

from lems_companion.settings import get_settings
from lems_companion.web.app import create_app as create_lems_app

BARE_PATH = "/bench/bare"


def bare_app(url: str) -> FastAPI:
    """Return a FastAPI app whose one endpoint runs ``SELECT 1`` and answers a small JSON."""
    # A pool of its own: the app's pool must not be the baseline's bottleneck too.
    engine = create_engine(url)
    app = FastAPI()

    @app.get(BARE_PATH)
    def bare() -> dict[str, int]:
        with engine.connect() as connection:
            return {"one": int(connection.execute(text("SELECT 1")).scalar_one())}

    return app


def create_app() -> ASGIApp:
    """Return an ASGI app sending ``BARE_PATH`` to the bare endpoint and the rest to the app."""
    settings = get_settings()
    lems = create_lems_app(settings)
    bare = bare_app(settings.resolved_database_url)

    async def dispatch(scope: Scope, receive: Receive, send: Send) -> None:
        target = bare if scope["type"] == "http" and scope["path"] == BARE_PATH else lems
        await target(scope, receive, send)

    return dispatch
