"""axe-core on every page a signed-in patient, caregiver and clinician can reach, read from the
app's router: light and dark colour scheme, every collapsible section and the menu open.

The pages are the GET routes the router declares with ``response_class=HTMLResponse``;
downloads (PDF, ZIP, CSV, calendar feeds), JSON and redirects are not, with no hand list. A page
that no persona could open fails the test, so a new page cannot slip past the audit because its
address was not filled in. A visitor (signed out) is audited too: sign-in, articles, offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from playwright.sync_api import Browser, BrowserContext, Page

from lems_companion.accounts import mfa
from lems_companion.accounts.models import User
from lems_companion.accounts.service import create_user, start_session
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry
from lems_companion.interop.feeds import create_feed
from lems_companion.investigations.schemas import InvestigationCreate
from lems_companion.investigations.service import add_investigation
from lems_companion.learn.articles import published_articles
from lems_companion.settings import Settings
from lems_companion.sharing.service import create_link, invite
from lems_companion.web.app import create_app
from tests.conftest import PASSWORD, LiveServer
from tests.e2e.browser import PHONE
from tests.e2e.test_accessibility import violations
from tests.web.test_authorization_matrix import app_routes

# SQLite only: axe audits the pages' HTML, which the database does not shape; every page is
# served from PostgreSQL too by the authorization matrix and the other browser tests. The walk
# takes minutes, so running it twice held one test worker for as long as the rest of the suite.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]

PERSONAS = ("patient", "caregiver", "clinician")
# The sign-in and sign-up pages, the articles and the offline page, as a visitor sees them.
VISITOR = "anonymous"


@dataclass
class World:
    """The patient's diary, shared with a caregiver and a clinician, and everyone's cookie."""

    owner_id: int = 0
    entry_id: int = 0
    test_id: int = 0
    link: str = ""
    feed: str = ""
    cookies: dict[str, str] = field(default_factory=dict)


def build_world(db_url: str) -> World:
    """Return a patient with two weeks of entries (red flags, medicines, home tests, factors,
    weights), a test, a caregiver and a clinician invited, and a share link."""
    world = World()
    with session_scope(db_url) as db:
        people: dict[str, User] = {
            persona: create_user(db, email=f"{persona}@example.org", password=PASSWORD)
            for persona in PERSONAS
        }
        people["clinician"].is_clinician = True
        mfa.enrol_at_once(db, people["clinician"])  # a clinician must use a second factor
        owner = people["patient"]
        world.owner_id = owner.id
        start = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
        for day in range(14):
            entry = add_entry(
                db,
                owner=owner,
                data=EntryCreate.model_validate(
                    {
                        "recorded_at": (start + timedelta(days=day, hours=day % 3 * 5)).isoformat(),
                        "context": "after_rest" if day % 2 else "after_activity",
                        "improved_after_moving": "yes",
                        "symptoms": {"proximal_leg_weakness": 1 + day % 3, "dry_mouth": 1},
                        "weight_kg": 80 - day * 0.4,
                        "medications": [
                            {"name": "Amifampridine", "dose_mg": 10},
                            *([{"name": "Ciprofloxacin", "dose_mg": 500}] if day == 3 else []),
                        ],
                        "home_tests": {
                            "sit_to_stand_seconds": [4.0, 3.6, 3.3, 3.1, 3.0],
                            "grip_kg": {"rest": 18, "after_squeeze": 22},
                        },
                        "factors": ["heat"] if day % 2 else ["poor_sleep"],
                        "note": "Choked on my tea." if day == 5 else "Stairs were hard.",
                    }
                ),
            )
            world.entry_id = entry.id
        world.test_id = add_investigation(
            db,
            owner=owner,
            data=InvestigationCreate.model_validate(
                {"kind": "vgcc_antibodies", "status": "pending"}
            ),
        ).id
        invite(db, owner=owner, email="caregiver@example.org", role="caregiver")
        invite(db, owner=owner, email="clinician@example.org", role="clinician")
        world.link, _ = create_link(db, owner=owner, scope="diary")
        world.feed = create_feed(db, owner=owner)
        for persona, user in people.items():
            world.cookies[persona], _ = start_session(db, user=user, kind="web", days=1)
    return world


def page_routes() -> list[str]:
    """Return the path of every GET route the app declares as an HTML page (its
    ``response_class``), read from the router: downloads, JSON, feeds and redirects are not."""

    def walk(routes: list[Any]) -> Iterator[Any]:
        for route in routes:
            if hasattr(route, "original_router"):
                yield from walk(route.original_router.routes)
            else:
                yield route

    app = create_app(Settings(database_url="sqlite:///:memory:"))
    paths = {
        route.path
        for route in walk(app.routes)
        if isinstance(route, APIRoute)
        and "GET" in route.methods
        and getattr(route.response_class, "value", route.response_class) is HTMLResponse
    }
    # Every GET route is either a page here or one of the others; the matrix test lists them all.
    assert paths and paths <= {path for method, path in app_routes() if method == "GET"}
    return sorted(paths)


def addresses(template: str, world: World) -> list[str]:
    """Return the addresses to audit for one route: every article for an article's route."""
    slugs = [article.slug for article in published_articles()] if "{slug}" in template else [""]
    return [
        template.format(
            owner_id=world.owner_id,
            entry_id=world.entry_id,
            test_id=world.test_id,
            token=world.feed if template.startswith("/calendar/") else world.link,
            slug=slug,
            format_="csv",
        )
        for slug in slugs
    ]


@pytest.fixture
def world(server: LiveServer, db_url: str) -> World:
    return build_world(db_url)


@pytest.fixture
def context(browser: Browser, server: LiveServer) -> Iterator[BrowserContext]:
    # Our CSP forbids injected scripts; the audit context may bypass it to load axe.
    context = browser.new_context(
        viewport=PHONE, bypass_csp=True, is_mobile=True, has_touch=True, service_workers="block"
    )
    yield context
    context.close()


def open_everything(page: Page) -> None:
    """Open every <details> and the folded menu, so nothing is audited closed."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    menu = page.get_by_role("button", name="Menu")
    if (
        menu.count()
        and menu.first.is_visible()
        and menu.first.get_attribute("aria-expanded") != "true"
    ):
        menu.first.click()


def audit(page: Page, server: LiveServer, address: str) -> list[str] | None:
    """Return the violations on this page in light and dark; None when this persona may not
    open it (refused, or sent elsewhere)."""
    response = page.goto(f"{server.url}{address}")
    assert response is not None
    if response.status >= 400:
        return None
    landed = urlsplit(page.url).path
    if landed != urlsplit(address).path:  # sent on: to sign in, or to the diary when signed in
        return None
    assert "text/html" in response.headers["content-type"], address
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        open_everything(page)
        found += [f"{address} [{scheme}] {item}" for item in violations(page)]
    return found


def test_every_page_of_every_persona_passes_axe_in_light_and_dark(
    context: BrowserContext, server: LiveServer, world: World
) -> None:
    reached: set[str] = set()
    audited: dict[str, int] = dict.fromkeys((*PERSONAS, VISITOR), 0)
    problems: list[str] = []
    page = context.new_page()
    for persona in (*PERSONAS, VISITOR):
        context.clear_cookies()
        if persona != VISITOR:
            context.add_cookies(
                [{"name": "lems_session", "value": world.cookies[persona], "url": server.url}]
            )
        for template in page_routes():
            for address in addresses(template, world):
                found = audit(page, server, address)
                if found is None:
                    continue
                reached.add(template)
                audited[persona] += 1
                problems += [f"{persona} {item}" for item in found]
    print(f"pages audited, each in light and dark: {audited}")
    assert problems == [], "\n".join(problems)
    # Every page of the router was opened by someone: none escaped for want of an address.
    assert [template for template in page_routes() if template not in reached] == []
    # Each persona saw their own pages, not only a sign-in or set-up page.
    assert min(audited.values()) >= 5, audited
