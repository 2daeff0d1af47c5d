"""The interactive API documentation (Swagger UI), served from the package, never a CDN.

Only installed when ``LEMS_API_DOCS=true``. The page loads its script and styles from
/static/api-docs (vendored, see its README.md) and starts them from a file, so it runs under the
same Content-Security-Policy as every other page.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse

ASSETS = "/static/api-docs"
ASSETS_DIR = Path(__file__).with_name("static") / "api-docs"
PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>LEMS Companion API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="{ASSETS}/init.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    """Add /docs and its OAuth2 redirect page to the app."""

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        """Return the Swagger UI page."""
        return HTMLResponse(PAGE)

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def oauth2_redirect() -> FileResponse:
        """Return Swagger UI's OAuth2 redirect page."""
        return FileResponse(
            Path(__file__).with_name("static") / "api-docs" / "oauth2-redirect.html"
        )
