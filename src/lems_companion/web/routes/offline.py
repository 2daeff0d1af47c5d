"""The installable, offline app: manifest, service worker, favicon, offline page and the pocket
red-flag rules a phone checks a queued entry against before it can be sent."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from lems_companion import __version__
from lems_companion.triage.offline import pocket_rules
from lems_companion.web.deps import SettingsDep
from lems_companion.web.templating import templates

router = APIRouter()

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
# The accent blue of app.css: the colour of the browser bar and the splash screen.
THEME_COLOUR = "#0b5cad"


def manifest() -> dict[str, Any]:
    """Return the web app manifest: what a phone needs to install the diary on its home screen."""
    icons = [
        {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
        {
            "src": "/static/icons/icon-maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    return {
        "id": "/",
        "name": "LEMS Companion",
        "short_name": "LEMS diary",
        "description": "A symptom diary for Lambert-Eaton myasthenic syndrome.",
        "start_url": "/entries/new?source=home-screen",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
        "shortcuts": [{"name": "New entry", "url": "/entries/new", "icons": icons[:1]}],
    }


@cache
def _service_worker_source() -> str:
    """Return the service worker with the release stamped in. Reads the file once."""
    # A new release changes the worker's bytes, which makes browsers install it and refresh the
    # cached app shell; without the stamp a deploy would keep serving yesterday's CSS offline.
    return (STATIC_DIR / "sw.js").read_text("utf-8").replace("__VERSION__", __version__)


@router.get("/manifest.webmanifest")
def web_app_manifest() -> Response:
    """Return the web app manifest."""
    return JSONResponse(manifest(), media_type="application/manifest+json")


@router.get("/sw.js")
def service_worker() -> Response:
    """Return the service worker, from the root so that it controls every page."""
    return Response(
        _service_worker_source(),
        media_type="text/javascript",
        # Browsers re-check the worker at most daily anyway; never serve a stale one.
        headers={"Cache-Control": "no-cache"},
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """Return the favicon."""
    return FileResponse(STATIC_DIR / "icons" / "favicon.ico", media_type="image/x-icon")


@router.get("/offline", response_class=HTMLResponse)
def offline_page(request: Request) -> Response:
    """Return the page the service worker shows for a page it cannot fetch; no personal data."""
    return templates.TemplateResponse(request, "offline.html", {})


@router.get("/offline/red-flags.json")
def red_flag_words(settings: SettingsDep) -> Response:
    """Return the emergency words and advice a phone checks a queued entry against."""
    return JSONResponse(pocket_rules(emergency_number=settings.emergency_number))
