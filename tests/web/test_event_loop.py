"""No route blocks the event loop: database work runs in FastAPI's thread pool."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from lems_companion.settings import Settings
from lems_companion.web.app import create_app
from lems_companion.web.deps import get_db


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for child in dependant.dependencies:
        yield child
        yield from _dependencies(child)


def _takes_a_session(dependant: Dependant) -> bool:
    return any(child.call is get_db for child in _dependencies(dependant))


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI keeps included routers whole
            yield from _api_routes(route.original_router.routes)
        elif isinstance(route, APIRoute):
            yield route


def test_no_async_route_takes_a_database_session(tmp_path: object) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/lems.sqlite3"))
    routes = list(_api_routes(app.routes))
    assert len(routes) > 50, "the app's routes were all found"
    blocking = [
        f"{sorted(route.methods)} {route.path}"
        for route in routes
        if inspect.iscoroutinefunction(route.endpoint) and _takes_a_session(route.dependant)
    ]
    assert blocking == []


def test_the_session_dependency_runs_in_the_thread_pool() -> None:
    # An async generator dependency would open, roll back and close sessions on the event loop.
    assert not inspect.isasyncgenfunction(get_db)
    assert inspect.isgeneratorfunction(get_db)
