"""The profile's rules: what each field accepts, with a message naming the field when not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from lems_companion.accounts.models import User
from lems_companion.accounts.profile import (
    ProfileError,
    change_profile,
    emergency_number_for,
    latest_birth_date,
    parse_profile,
)


def test_it_normalises_the_country_and_language() -> None:
    profile = parse_profile({"country": " gb ", "language": "DE", "display_name": "  Ann  "})
    assert (profile.country, profile.language, profile.display_name) == ("GB", "de", "Ann")


@pytest.mark.parametrize(("typed", "stored"), [("uk", "GB"), ("EL", "GR"), ("ch", "CH")])
def test_it_accepts_the_codes_people_type_for_the_uk_and_greece(typed: str, stored: str) -> None:
    assert parse_profile({"country": typed}).country == stored


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("country", "XX", "not a two-letter ISO 3166 country code"),
        ("country", "GBR", "not a two-letter ISO 3166 country code"),
        ("country", "Germany", "not a two-letter ISO 3166 country code"),
        ("language", "it", "'en', 'es', 'fr' or 'de'"),
        ("date_of_birth", "1850-01-01", "from 1900 on"),
        ("date_of_birth", "01/02/1960", "valid date"),
        ("emergency_number", "call 112", "digits, spaces and a leading +"),
        ("emergency_number", "1", "2 to 15 characters"),
        ("emergency_number", "+44 20 7946 09588", "2 to 15 characters"),
        ("emergency_number", "+1", "2 to 15 characters"),
        ("display_name", "Ann\x00", "letters, spaces and punctuation"),
        ("display_name", "A" * 101, "at most 100 characters"),
    ],
)
def test_it_refuses_a_bad_value_naming_the_field(field: str, value: str, message: str) -> None:
    with pytest.raises(ProfileError) as refused:
        parse_profile({field: value})
    assert list(refused.value.errors) == [field]
    assert message in refused.value.errors[field]


def test_a_date_of_birth_in_the_future_is_refused() -> None:
    tomorrow_everywhere = latest_birth_date() + timedelta(days=1)
    with pytest.raises(ProfileError, match="cannot be in the future"):
        parse_profile({"date_of_birth": tomorrow_everywhere.isoformat()})
    assert parse_profile({"date_of_birth": "1960-02-29"}).date_of_birth == date(1960, 2, 29)


def test_today_somewhere_on_earth_is_not_the_future() -> None:
    late_evening = datetime(2026, 5, 1, 23, 0, tzinfo=UTC)
    assert latest_birth_date(late_evening) == date(2026, 5, 2)  # already 2 May at UTC+14


def test_blank_fields_are_cleared() -> None:
    profile = parse_profile({name: "  " for name in ("display_name", "country", "language")})
    assert profile.model_dump(exclude_none=True) == {}


def test_a_refused_change_changes_nothing() -> None:
    user = User(email="ann@example.org", country="FR", display_name="Ann")
    with pytest.raises(ProfileError) as refused:
        change_profile(user, {"display_name": "Annie", "country": "ZZ"})
    assert set(refused.value.errors) == {"country"}
    assert (user.display_name, user.country) == ("Ann", "FR")
    change_profile(user, {"display_name": "Annie"})
    assert (user.display_name, user.country) == ("Annie", "FR")  # others kept


def test_the_name_shown_is_the_display_name_else_the_email() -> None:
    assert User(email="ann@example.org").shown_name == "ann@example.org"
    assert User(email="ann@example.org", display_name="Ann B").shown_name == "Ann B"


def test_the_profile_emergency_number_replaces_the_servers() -> None:
    assert emergency_number_for(User(email="a@example.org"), "112") == "112"
    assert emergency_number_for(User(email="a@example.org", emergency_number="999"), "112") == "999"
    assert emergency_number_for(None, "112") == "112"
