"""The interactive API docs load nothing from a CDN (issue 16, finding 8)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from lems_companion.settings import Settings
from lems_companion.web.app import create_app
from lems_companion.web.security import CONTENT_SECURITY_POLICY


def client(**settings: object) -> TestClient:
    return TestClient(create_app(Settings(database_url="sqlite:///:memory:", **settings)))


def test_the_api_docs_are_off_unless_asked_for() -> None:
    app = client()
    assert app.get("/docs").status_code == 404
    assert app.get("/redoc").status_code == 404
    assert app.get("/openapi.json").status_code == 200


def test_the_api_docs_load_only_packaged_files_under_the_csp() -> None:
    app = client(api_docs=True)
    page = app.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/static/api-docs/") for source in sources)
    assert "<script>" not in page.text  # no inline script: the CSP would block it anyway
    for source in sources:
        assert app.get(source).status_code == 200
    redirect = app.get("/docs/oauth2-redirect")
    assert redirect.status_code == 200 and "cdn" not in redirect.text.lower()
    assert app.get("/redoc").status_code == 404
