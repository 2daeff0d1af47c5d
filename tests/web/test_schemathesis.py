"""The JSON API fuzzed from its own OpenAPI schema: no server errors, answers as documented.

Schemathesis generates requests (valid and invalid) for every operation and sends them to the
live server with a patient's bearer token, so the entry routes are exercised past the token
check. Bounded to a few examples per operation so each database takes seconds, not minutes.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from lems_companion.settings import Settings
from lems_companion.web.app import create_app
from tests.conftest import LiveServer, Persona, api_token

# Enough to reach every branch of the validators a few times; raise locally to fuzz harder.
MAX_EXAMPLES = 25
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]

# The schema does not depend on the database, so it is read once from an app with no database.
# Only the JSON API (the HTML pages are left out of the schema).
schema = schemathesis.openapi.from_dict(
    create_app(Settings(database_url="sqlite://")).openapi()
).include(path_regex="^/api/")


@pytest.fixture
def auth(server: LiveServer, patient: Persona) -> dict[str, str]:
    """Return a patient's bearer token header; made once per operation, not per example."""
    with httpx.Client(base_url=server.url) as client:
        return api_token(client, patient)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
def test_the_api_answers_every_generated_request_as_documented(
    case: schemathesis.Case, server: LiveServer, auth: dict[str, str]
) -> None:
    case.call_and_validate(base_url=server.url, headers=auth, checks=CHECKS)
