"""The FastAPI application: pages, the JSON API, static files and error pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from lems_companion import __version__
from lems_companion.diary.service import NotFound
from lems_companion.jobs.runner import Runner
from lems_companion.logs import configure_logging
from lems_companion.messaging.service import handlers_for
from lems_companion.settings import Settings, get_settings
from lems_companion.triage import warm_up
from lems_companion.web import api_docs
from lems_companion.web.deps import EnrolmentRequired, LoginRequired
from lems_companion.web.inflight import InFlightLimit
from lems_companion.web.limits import BodySizeLimit
from lems_companion.web.request_log import RequestLog
from lems_companion.web.routes import (
    account,
    api,
    auth,
    card,
    diary,
    email_links,
    health,
    home,
    interop,
    language,
    learn,
    offline,
    reports,
    sharing,
    tools,
    two_step,
)
from lems_companion.web.security import SameOriginWrites, SecurityHeaders
from lems_companion.web.templating import templates

STATIC_DIR = Path(__file__).with_name("static")
# Where a clinician or admin without a second factor is sent before anything else.
TWO_STEP_PATH = "/account/two-step"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_page(request: Request, status_code: int, message: str) -> Response:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status_code": status_code, "message": message},
        status_code=status_code,
    )


async def _not_found(request: Request, error: Exception) -> Response:
    message = "Not found: there is no such entry in your diary."
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status.HTTP_404_NOT_FOUND)
    return _error_page(request, status.HTTP_404_NOT_FOUND, message)


async def _login_required(request: Request, error: Exception) -> Response:
    assert isinstance(error, LoginRequired)
    return RedirectResponse(f"/login?next={error.next_path}", status.HTTP_303_SEE_OTHER)


async def _enrolment_required(request: Request, error: Exception) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": "mfa_enrolment_required"}, status.HTTP_403_FORBIDDEN)
    return RedirectResponse(TWO_STEP_PATH, status.HTTP_303_SEE_OTHER)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if _wants_json(request) or request.url.path in ("/openapi.json",):
        return JSONResponse(
            {"detail": error.detail}, status_code=error.status_code, headers=error.headers
        )
    message = (
        error.detail if isinstance(error.detail, str) else "Something in the request was not right."
    )
    if error.status_code == status.HTTP_404_NOT_FOUND and message == "Not Found":
        message = "Not found: there is no such page."
    return _error_page(request, error.status_code, message)


async def _invalid_request(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    # FastAPI's default handler echoes each bad value back, which fails with a 500 for NaN or
    # Infinity (not JSON) and would repeat an oversized or private value; where and why suffice.
    detail = [
        {"type": item["type"], "loc": jsonable_encoder(item["loc"]), "msg": item["msg"]}
        for item in error.errors()
    ]
    return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Build the triage pipeline before serving, so the first patient to save an entry in each
    # worker does not wait a second or two for it; pages never load it themselves.
    await run_in_threadpool(warm_up)
    settings: Settings = app.state.settings
    runner = None
    if settings.runs_jobs_in_process:
        # SQLite (one machine, one writer): queued e-mail and notices run in this process, so a
        # laptop install needs no second command. PostgreSQL runs `lems worker` processes.
        runner = Runner(settings.resolved_database_url, handlers_for(settings))
        runner.start_thread()
    try:
        yield
    finally:
        if runner is not None:
            await run_in_threadpool(runner.stop)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Return the web application; settings default to those read from the environment."""
    settings = settings or get_settings()
    # The interactive docs would load their scripts from a CDN, on this origin and outside the
    # CSP: off unless asked for (LEMS_API_DOCS), and then served from the package. The OpenAPI
    # schema itself is plain JSON and stays.
    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
        title="LEMS Companion",
        version=__version__,
        description="Symptom diary API for Lambert-Eaton myasthenic syndrome. "
        "Information, not diagnosis.",
    )
    app.state.settings = settings
    configure_logging(app.state.settings.log_format)
    app.add_middleware(BodySizeLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(SameOriginWrites)
    app.add_middleware(InFlightLimit)
    app.add_middleware(RequestLog)  # outermost: times the whole request, sees every error
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(EnrolmentRequired, _enrolment_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (
        auth,
        home,
        diary,
        api,
        reports,
        interop,
        account,
        card,
        two_step,
        learn,
        sharing,
        health,
        tools,
        offline,
        email_links,
        language,
    ):
        # The OpenAPI schema documents the JSON endpoints; HTML pages are not an API.
        app.include_router(module.router, include_in_schema=module in (api, health))
    app.include_router(email_links.api_router)
    if settings.api_docs:
        api_docs.install(app)
    return app
