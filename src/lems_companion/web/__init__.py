"""The web app: HTML pages (Jinja2 + htmx) and the JSON API, served by FastAPI."""
