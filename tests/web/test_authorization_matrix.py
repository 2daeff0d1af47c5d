"""Every route of the app by every persona: allowed or denied, as the matrix below says.

The routes are read from the app itself, so a new route without a matrix entry fails the test.
"Denied" means 401, 403 or 404, or a redirect to the sign-in page; anything else is "allowed"
(including 422: the request got past access control and was refused for its content).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pyotp
import pytest
from sqlalchemy import delete, select

from lems_companion.accounts import mfa
from lems_companion.accounts.models import User
from lems_companion.accounts.service import create_user, start_session
from lems_companion.db.base import Base
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry
from lems_companion.interop.feeds import create_feed
from lems_companion.settings import Settings
from lems_companion.sharing.service import create_link, invite, revoke_grant
from lems_companion.web.app import create_app
from tests.conftest import PASSWORD, LiveServer

ACCOUNTS = ("owner", "caregiver", "revoked_caregiver", "clinician", "stranger", "admin")
LINKS = ("clinician_link", "dead_link")
PERSONAS = ("anonymous", *ACCOUNTS, *LINKS)

SIGNED_IN = frozenset(ACCOUNTS)
EVERYONE = frozenset(PERSONAS)
ENTRY_READERS = frozenset({"owner", "caregiver", "clinician"})
ENTRY_ADDERS = frozenset({"owner", "caregiver"})
OWNER = frozenset({"owner"})
TOOL_USERS = frozenset({"owner", "clinician"})
NOBODY: frozenset[str] = frozenset()

# (method, path) -> who is allowed. Routes that act on "my own data" are open to every account:
# each persona then reaches only their own (empty) diary, which the entry-level routes check.
MATRIX: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/openapi.json"): EVERYONE,
    ("GET", "/login"): EVERYONE,
    ("POST", "/login"): SIGNED_IN,  # each persona with their own password; others have none
    ("GET", "/signup"): EVERYONE,
    ("POST", "/signup"): EVERYONE,
    ("GET", "/password"): SIGNED_IN,
    ("POST", "/password"): SIGNED_IN,
    # Links that arrive by e-mail: public pages, the token in the form is what counts.
    ("GET", "/verify-email"): EVERYONE,
    ("POST", "/verify-email"): EVERYONE,
    ("POST", "/account/verify-email"): SIGNED_IN,
    ("GET", "/password-reset"): EVERYONE,
    ("POST", "/password-reset"): EVERYONE,
    ("GET", "/password-reset/confirm"): EVERYONE,
    ("POST", "/password-reset/confirm"): EVERYONE,
    ("POST", "/api/v1/password-reset"): EVERYONE,
    ("POST", "/api/v1/password-reset/confirm"): EVERYONE,
    ("POST", "/logout"): SIGNED_IN,
    ("POST", "/language"): EVERYONE,  # a visitor's choice is a cookie, an account's its profile
    ("GET", "/"): EVERYONE,  # the home of a person with shared diaries; others are sent on
    ("GET", "/diary"): SIGNED_IN,
    ("GET", "/entries/new"): SIGNED_IN,
    ("POST", "/entries"): SIGNED_IN,
    ("GET", "/red-flags"): SIGNED_IN,
    ("GET", "/entries/{entry_id}"): ENTRY_READERS,
    ("GET", "/entries/{entry_id}/edit"): OWNER,
    ("POST", "/entries/{entry_id}/edit"): OWNER,
    ("POST", "/entries/{entry_id}/delete"): OWNER,
    ("POST", "/api/v1/token"): SIGNED_IN,
    ("GET", "/api/v1/entries"): SIGNED_IN,
    ("POST", "/api/v1/entries"): SIGNED_IN,
    ("GET", "/api/v1/entries/{entry_id}"): ENTRY_READERS,
    ("PATCH", "/api/v1/entries/{entry_id}"): OWNER,
    ("DELETE", "/api/v1/entries/{entry_id}"): OWNER,
    # The diaries shared with the caller (issue 14): each account gets its own list.
    ("GET", "/api/v1/people"): SIGNED_IN,
    ("GET", "/api/v1/people/{owner_id}/entries"): ENTRY_READERS,
    ("POST", "/api/v1/people/{owner_id}/entries"): ENTRY_ADDERS,
    ("POST", "/api/v1/people/{owner_id}/entries/{entry_id}/acknowledge"): ENTRY_READERS,
    ("GET", "/report"): SIGNED_IN,
    ("GET", "/report.html"): SIGNED_IN,
    ("GET", "/report.pdf"): SIGNED_IN,
    ("GET", "/analysis"): SIGNED_IN,
    ("GET", "/tests"): SIGNED_IN,
    ("POST", "/tests"): SIGNED_IN,
    ("GET", "/tests/{test_id}"): OWNER,
    ("POST", "/tests/{test_id}/delete"): OWNER,
    ("GET", "/appointment"): SIGNED_IN,
    ("GET", "/appointment/print"): SIGNED_IN,
    ("POST", "/appointment/print"): SIGNED_IN,
    ("GET", "/interop"): SIGNED_IN,
    ("GET", "/export/{format_}"): SIGNED_IN,
    ("POST", "/import"): SIGNED_IN,
    ("GET", "/calendar/settings"): SIGNED_IN,
    ("POST", "/calendar/settings"): SIGNED_IN,
    ("POST", "/calendar/feed"): SIGNED_IN,
    ("POST", "/calendar/feed/revoke"): SIGNED_IN,
    ("GET", "/calendar/{token}.ics"): OWNER,  # only the owner holds the feed's secret address
    ("GET", "/account"): SIGNED_IN,
    ("GET", "/account/export"): SIGNED_IN,
    ("POST", "/account/delete"): SIGNED_IN,
    ("GET", "/account/deleted"): EVERYONE,
    ("POST", "/account/profile"): SIGNED_IN,
    ("POST", "/account/symptoms"): SIGNED_IN,
    ("GET", "/api/v1/profile"): SIGNED_IN,
    ("PUT", "/api/v1/profile"): SIGNED_IN,
    # The medical alert card: one's own for every account; a patient's for those who may read
    # their diary (caregivers and clinicians), never through a share link.
    ("GET", "/card"): SIGNED_IN,
    ("POST", "/card/print"): SIGNED_IN,
    ("POST", "/card.pdf"): SIGNED_IN,
    ("GET", "/people/{owner_id}/card"): ENTRY_READERS,
    ("POST", "/people/{owner_id}/card/print"): ENTRY_READERS,
    ("POST", "/people/{owner_id}/card.pdf"): ENTRY_READERS,
    ("GET", "/account/two-step"): SIGNED_IN,
    ("POST", "/account/two-step"): SIGNED_IN,
    ("POST", "/account/two-step/confirm"): SIGNED_IN,  # each on their own account
    ("POST", "/account/two-step/off"): SIGNED_IN,
    ("GET", "/learn"): EVERYONE,
    ("GET", "/learn/{slug}"): EVERYONE,
    ("GET", "/learn/{slug}/review"): frozenset({"clinician"}),  # a clinician account
    ("POST", "/learn/{slug}/review"): frozenset({"clinician"}),
    ("GET", "/learn/languages/review"): frozenset({"clinician"}),
    ("POST", "/learn/languages/review"): frozenset({"clinician"}),
    ("GET", "/sharing"): SIGNED_IN,
    ("POST", "/sharing/invite"): SIGNED_IN,
    ("POST", "/sharing/grants/{grant_id}/revoke"): OWNER,
    ("POST", "/sharing/grants/{grant_id}/notify"): OWNER,
    ("POST", "/shared/grants/{grant_id}/notify"): frozenset({"caregiver"}),  # the grant's own
    ("POST", "/sharing/links"): SIGNED_IN,
    ("POST", "/sharing/links/{link_id}/revoke"): OWNER,
    ("GET", "/sharing/audit"): SIGNED_IN,
    ("GET", "/shared"): SIGNED_IN,
    ("GET", "/people/{owner_id}/diary"): ENTRY_READERS,
    ("GET", "/people/{owner_id}/entries/new"): ENTRY_ADDERS,
    ("POST", "/people/{owner_id}/entries"): ENTRY_ADDERS,
    ("GET", "/people/{owner_id}/report"): ENTRY_READERS,
    ("GET", "/people/{owner_id}/report.pdf"): ENTRY_READERS,
    ("GET", "/people/{owner_id}/analysis"): ENTRY_READERS,
    # The clinician's patient list: every account sees its own list (empty for most).
    ("GET", "/patients"): SIGNED_IN,
    # Saying one has seen an entry's red flags: whoever may read the entry.
    ("POST", "/entries/{entry_id}/acknowledge"): ENTRY_READERS,
    ("GET", "/s/{token}"): frozenset({"clinician_link"}),
    ("GET", "/s/{token}/report"): frozenset({"clinician_link"}),
    ("GET", "/s/{token}/report.pdf"): frozenset({"clinician_link"}),
    ("GET", "/s/{token}/entries/{entry_id}"): frozenset({"clinician_link"}),
    ("GET", "/healthz"): EVERYONE,  # for the process manager: no data, no database
    ("GET", "/readyz"): EVERYONE,  # for the load balancer: says only whether the database is ready
    # The installable app's shell (docs/phone.md): no personal data, before and after sign-in.
    ("GET", "/manifest.webmanifest"): EVERYONE,
    ("GET", "/sw.js"): EVERYONE,
    ("GET", "/favicon.ico"): EVERYONE,
    ("GET", "/offline"): EVERYONE,
    ("GET", "/offline/red-flags.json"): EVERYONE,
    # Clinician tools (docs/clinical-tools.md): on one's own record every account; on a patient's
    # record the patient and the clinicians they invited, who may also save results. Caregivers
    # and share links do not reach the tools.
    **{
        (method, f"{base}{path}"): SIGNED_IN if base == "/tools" else TOOL_USERS
        for base in ("/tools", "/people/{owner_id}/tools")
        for method, path in (
            ("GET", ""),
            ("GET", "/delta-p"),
            ("POST", "/delta-p"),
            ("GET", "/edx"),
            ("POST", "/edx"),
            ("GET", "/medicines"),
            ("POST", "/medicines"),
            ("GET", "/screening"),
            ("POST", "/screening"),
            ("POST", "/screening/scans"),
        )
    },
}

ENTRY_FORM = {
    "recorded_at": "2026-03-01T08:30",
    "tz": "Europe/London",
    "symptom_proximal_leg_weakness": "2",
    "note": "Stairs were hard.",
}


def app_routes() -> set[tuple[str, str]]:
    """Return every (method, path) the app serves, read from the app itself."""

    def walk(routes: list[Any]) -> Iterator[tuple[str, str]]:
        for route in routes:
            if hasattr(route, "original_router"):
                yield from walk(route.original_router.routes)
            elif hasattr(route, "methods") and route.methods:
                for method in route.methods - {"HEAD"}:
                    yield method, route.path

    app = create_app(Settings(database_url="sqlite:///:memory:"))
    return set(walk(app.routes))


def test_every_route_has_a_matrix_entry() -> None:
    routes = app_routes()
    assert routes - MATRIX.keys() == set(), "add these routes to the authorization matrix"
    assert MATRIX.keys() - routes == set(), "these matrix entries name routes that do not exist"


@dataclass
class World:
    """The patient's data and everyone's credentials, made afresh for each route."""

    owner_id: int = 0
    entry_id: int = 0
    test_id: int = 0
    grant_id: int = 0
    link_id: int = 0
    feed_token: str = ""
    live_link: str = ""
    dead_link: str = ""
    web: dict[str, tuple[str, str]] = field(default_factory=dict)  # persona -> (cookie, csrf)
    totp: dict[str, str] = field(default_factory=dict)  # persona -> otpauth:// URI
    api: dict[str, str] = field(default_factory=dict)  # persona -> bearer token


def email_of(persona: str) -> str:
    return f"{persona.replace('_', '-')}@example.org"


def build_world(db_url: str) -> World:
    """Return a fresh world: every table but users emptied, then data and sessions made again."""
    world = World()
    with session_scope(db_url) as db:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name != "users":
                db.execute(delete(table))
        users = {user.email: user for user in db.scalars(select(User))}
        people: dict[str, User] = {}
        for persona in ACCOUNTS:
            email = email_of(persona)
            people[persona] = users.get(email) or create_user(
                db, email=email, password=PASSWORD, verified=True
            )
        people["admin"].is_admin = True
        people["clinician"].is_clinician = True
        owner = people["owner"]
        world.owner_id = owner.id
        world.entry_id = add_entry(
            db,
            owner=owner,
            data=EntryCreate.model_validate(
                {"recorded_at": "2026-03-01T08:30:00+00:00", "note": "Tired."}
            ),
        ).id
        from lems_companion.investigations.schemas import InvestigationCreate
        from lems_companion.investigations.service import add_investigation

        world.test_id = add_investigation(
            db,
            owner=owner,
            data=InvestigationCreate.model_validate(
                {"kind": "vgcc_antibodies", "status": "pending"}
            ),
        ).id
        world.grant_id = invite(db, owner=owner, email=email_of("caregiver"), role="caregiver").id
        revoked = invite(db, owner=owner, email=email_of("revoked_caregiver"), role="caregiver")
        revoke_grant(db, owner=owner, grant_id=revoked.id)
        invite(db, owner=owner, email=email_of("clinician"), role="clinician")
        world.live_link, link = create_link(db, owner=owner, scope="diary")
        world.link_id = link.id
        world.dead_link, dead = create_link(db, owner=owner, scope="diary")
        dead.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        world.feed_token = create_feed(db, owner=owner)
        for persona in ("clinician", "admin"):  # they must use a second factor
            world.totp[persona], _ = mfa.enrol_at_once(db, people[persona])
        for persona in ACCOUNTS:
            cookie, session = start_session(db, user=people[persona], kind="web", days=1)
            world.web[persona] = (cookie, session.csrf_token)
            world.api[persona] = start_session(db, user=people[persona], kind="api", days=1)[0]
    return world


# Forms sent before signing in, protected by the pre-session CSRF pair.
PRE_SESSION_FORMS = (
    "/login",
    "/signup",
    "/verify-email",
    "/password-reset",
    "/password-reset/confirm",
)
# Any value of at least 32 characters that the cookie and the form both carry.
PRE_SESSION_TOKEN = "t" * 43


def code_for(world: World, persona: str) -> str:
    """Return the persona's current authenticator code; empty when they have none."""
    uri = world.totp.get(persona)
    return pyotp.parse_uri(uri).now() if uri else ""


def request_for(world: World, method: str, path: str, persona: str) -> dict[str, Any]:
    """Return the keyword arguments of the request this persona makes to this route."""
    token = {"clinician_link": world.live_link, "dead_link": world.dead_link}.get(persona, "forged")
    if path == "/calendar/{token}.ics":
        token = world.feed_token if persona == "owner" else "forged"
    url = path.format(
        entry_id=world.entry_id,
        test_id=world.test_id,
        owner_id=world.owner_id,
        grant_id=world.grant_id,
        link_id=world.link_id,
        token=token,
        slug="red-flags",
        format_="csv",
    )
    headers: dict[str, str] = {}
    cookies: dict[str, str] = {}
    data: dict[str, Any] = {}
    if persona in world.web:
        cookie, csrf = world.web[persona]
        cookies["lems_session"] = cookie
        data["csrf_token"] = csrf
        if url.startswith("/api/"):
            headers["Authorization"] = f"Bearer {world.api[persona]}"
    kwargs: dict[str, Any] = {"method": method, "url": url, "headers": headers, "cookies": cookies}
    if method == "GET" or method == "DELETE":
        return kwargs
    body: Callable[[], dict[str, Any]] = BODIES.get(path, lambda: {})
    extra = body()
    if path.startswith("/api/"):
        if path == "/api/v1/token":
            kwargs["data"] = {
                "username": email_of(persona),
                "password": PASSWORD,
                "totp": code_for(world, persona),
            }
        else:
            kwargs["json"] = extra
        return kwargs
    if path in ("/login", "/account/delete", "/account/two-step/off"):
        extra = {
            "email": email_of(persona),
            "password": PASSWORD,
            "code": code_for(world, persona),
            "confirm_email": email_of(persona),
        }
    if path == "/signup":
        extra = {
            "email": f"new-{persona}@example.org",
            "password": PASSWORD,
            "password_again": PASSWORD,
        }
    if path in PRE_SESSION_FORMS:
        # The pre-session CSRF pair a browser gets with the form.
        cookies["lems_form"] = data["csrf_token"] = PRE_SESSION_TOKEN
    if path == "/import":
        kwargs["files"] = {"file": ("entries.csv", b"id,recorded_at\n", "text/csv")}
    kwargs["data"] = {**data, **extra}
    return kwargs


BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    "/entries": lambda: ENTRY_FORM,
    "/entries/{entry_id}/edit": lambda: ENTRY_FORM,
    "/people/{owner_id}/entries": lambda: ENTRY_FORM,
    "/api/v1/entries": lambda: {
        "recorded_at": "2026-03-02T08:30:00+00:00",
        "symptoms": {"fatigue": 1},
    },
    "/api/v1/entries/{entry_id}": lambda: {"note": "changed"},
    "/api/v1/people/{owner_id}/entries": lambda: {
        "recorded_at": "2026-03-02T08:30:00+00:00",
        "symptoms": {"fatigue": 1},
    },
    "/password": lambda: {
        "current_password": PASSWORD,
        "new_password": PASSWORD,
        "new_password_again": PASSWORD,
    },
    "/tests": lambda: {"kind": "vgcc_antibodies", "status": "pending"},
    "/appointment/print": lambda: {
        "summary": "My legs are weaker in the morning.",
        "screening_request": "Could you test me for LEMS?",
        "referral_request": "Could you refer me to a neuromuscular specialist?",
    },
    "/sharing/invite": lambda: {"email": "someone-new@example.org", "role": "clinician"},
    "/sharing/grants/{grant_id}/notify": lambda: {"notify": "emergency"},
    "/shared/grants/{grant_id}/notify": lambda: {"notify": "none"},
    "/verify-email": lambda: {"token": "not-a-live-token"},
    "/password-reset": lambda: {"email": "nobody@example.org"},
    "/password-reset/confirm": lambda: {
        "token": "not-a-live-token",
        "new_password": PASSWORD,
        "new_password_again": PASSWORD,
    },
    "/api/v1/password-reset": lambda: {"email": "nobody@example.org"},
    "/api/v1/password-reset/confirm": lambda: {"token": "not-a-live-token", "password": PASSWORD},
    "/sharing/links": lambda: {"scope": "report", "days": "7"},
    "/calendar/settings": lambda: {
        "diagnosed_on": date(2026, 1, 5).isoformat(),
        "delta_p_score": "2",
    },
    "/learn/{slug}/review": lambda: {"reviewer": "Dr A. Example", "confirmed": "true"},
    "/learn/languages/review": lambda: {
        "language": "es",
        "reviewer": "Dr A. Example",
        "confirmed": "true",
    },
    "/account/profile": lambda: {"display_name": "A. Example", "country": "GB"},
    "/language": lambda: {"language": "fr", "next": "/diary"},
    "/api/v1/profile": lambda: {"display_name": "A. Example", "country": "GB"},
    "/card/print": lambda: {"diagnosis": "suspected", "emergency_contact": "Sam 01234 567890"},
    "/card.pdf": lambda: {"diagnosis": "confirmed"},
    "/people/{owner_id}/card/print": lambda: {"diagnosis": "confirmed"},
    "/people/{owner_id}/card.pdf": lambda: {"diagnosis": "confirmed"},
}


def denied(response: httpx.Response) -> bool:
    """Return True when the response refuses the request (or sends the visitor to sign in)."""
    if response.status_code in (401, 403, 404):
        return True
    # A page that needs an account sends visitors to sign in and come back (``next``).
    location = response.headers.get("location", "")
    return response.is_redirect and location.startswith("/login?next=")


@pytest.mark.parametrize("route", sorted(MATRIX), ids=lambda route: f"{route[0]} {route[1]}")
def test_each_persona_is_allowed_or_denied_as_the_matrix_says(
    route: tuple[str, str], server: LiveServer, db_url: str
) -> None:
    world = build_world(db_url)
    method, path = route
    outcome: dict[str, str] = {}
    # The owner goes last: some routes (delete, revoke) change what the others would see.
    for persona in sorted(PERSONAS, key=lambda name: name == "owner"):
        kwargs = request_for(world, method, path, persona)
        with httpx.Client(base_url=server.url, timeout=60, cookies=kwargs.pop("cookies")) as client:
            response = client.request(**kwargs)
        assert response.status_code < 500, (
            f"{persona}: {response.status_code} {response.text[:300]}"
        )
        outcome[persona] = "denied" if denied(response) else "allowed"
    expected = {
        persona: "allowed" if persona in MATRIX[route] else "denied" for persona in PERSONAS
    }
    assert outcome == expected
