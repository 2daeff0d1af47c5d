"""The profile on an account: how the person is named, born, where they live, what to call.

Every field is optional. ``ProfileUpdate`` is what a form, the API or the CLI sends (validated
here, once, for all three); ``ProfilePublic`` is what they show back; the columns live on
``accounts.models.User``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lems_companion.accounts.countries import ALIASES, ISO_3166_ALPHA2
from lems_companion.accounts.models import User
from lems_companion.i18n import N_, Said, problem_message

MAX_DISPLAY_NAME_CHARS = 100
# A birth date before 1900 is a mistyped year (as for diary entries, EARLIEST_RECORDED_AT).
EARLIEST_BIRTH_YEAR = 1900
# "Not in the future" anywhere on Earth: the furthest time zone ahead of UTC is UTC+14, so a
# date that is already today there is accepted.
LATEST_UTC_OFFSET = timedelta(hours=14)
# Emergency numbers run from 3 digits (112, 911, 999, 000) to a full international number; ITU-T
# E.164 caps those at 15 digits. Two characters is the shortest the app accepts (some countries
# have two-digit numbers, e.g. Ethiopia's 91).
MIN_EMERGENCY_NUMBER_CHARS = 2
MAX_EMERGENCY_NUMBER_CHARS = 15
EMERGENCY_NUMBER_PATTERN = re.compile(r"\+?[0-9 ]+")

Language = Literal["en", "es", "fr", "de"]
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch"}
PROFILE_FIELDS = ("display_name", "date_of_birth", "country", "language", "emergency_number")


def _blank_to_none(value: object) -> object:
    """Return None for an empty or blank text, so "" clears a field; anything else unchanged."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def latest_birth_date(now: datetime | None = None) -> date:
    """Return the latest date of birth that is not in the future in any time zone."""
    return ((now or datetime.now(UTC)) + LATEST_UTC_OFFSET).date()


class ProfileUpdate(BaseModel):
    """A whole profile as sent by the account page, the API (PUT) or the CLI; None clears."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    display_name: str | None = Field(
        default=None,
        max_length=MAX_DISPLAY_NAME_CHARS,
        description="How the app names you on the report, the card and shared pages; "
        "the e-mail address when empty.",
    )
    date_of_birth: date | None = Field(default=None, description="YYYY-MM-DD, not in the future.")
    country: str | None = Field(
        default=None,
        description="ISO 3166-1 alpha-2 code such as GB, DE or US. It chooses the amifampridine "
        "licence whose maximum applies; when empty the lowest maximum is used.",
    )
    language: Language | None = Field(default=None, description="en, es, fr or de.")
    emergency_number: str | None = Field(
        default=None,
        description="The number to call in an emergency, e.g. 112; when empty the server's "
        "number applies.",
    )

    _blanks = field_validator(*PROFILE_FIELDS, mode="before")(_blank_to_none)

    @field_validator("display_name")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        if value is not None and any(unicodedata.category(c).startswith("C") for c in value):
            raise ValueError(Said(N_("use letters, spaces and punctuation only")))
        return value

    @field_validator("date_of_birth")
    @classmethod
    def _plausible_birth(cls, value: date | None) -> date | None:
        if value is None:
            return None
        if value > latest_birth_date():
            raise ValueError(Said(N_("a date of birth cannot be in the future")))
        if value.year < EARLIEST_BIRTH_YEAR:
            raise ValueError(Said(N_("give a date from %(year)s on"), year=EARLIEST_BIRTH_YEAR))
        return value

    @field_validator("country", mode="before")
    @classmethod
    def _known_country(cls, value: object) -> object:
        # Runs before the blank check (pydantic runs later "before" validators first).
        if not isinstance(value, str) or not value.strip():
            return _blank_to_none(value)
        code = value.strip().upper()
        code = ALIASES.get(code, code)
        if code not in ISO_3166_ALPHA2:
            raise ValueError(
                Said(
                    N_("'%(code)s' is not a two-letter ISO 3166 country code such as GB, DE or US"),
                    code=value.strip(),
                )
            )
        return code

    @field_validator("language", mode="before")
    @classmethod
    def _lower_language(cls, value: object) -> object:
        return _blank_to_none(value.strip().lower()) if isinstance(value, str) else value

    @field_validator("emergency_number")
    @classmethod
    def _telephone_number(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not EMERGENCY_NUMBER_PATTERN.fullmatch(value):
            raise ValueError(
                Said(N_("use digits, spaces and a leading + only, e.g. 112 or +44 999"))
            )
        digits = sum(char.isdigit() for char in value)
        if not MIN_EMERGENCY_NUMBER_CHARS <= len(value) <= MAX_EMERGENCY_NUMBER_CHARS or (
            digits < MIN_EMERGENCY_NUMBER_CHARS
        ):
            raise ValueError(
                Said(
                    N_("give %(least)s to %(most)s characters, e.g. 112"),
                    least=MIN_EMERGENCY_NUMBER_CHARS,
                    most=MAX_EMERGENCY_NUMBER_CHARS,
                )
            )
        return value


class ProfilePublic(ProfileUpdate):
    """The profile as the API returns it, with the e-mail address and the name the app shows."""

    email: str
    shown_name: str


class ProfileError(ValueError):
    """A profile that cannot be saved: field name -> a message safe to show."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


def profile_errors(error: ValidationError) -> dict[str, str]:
    """Return a validation error's messages keyed by profile field, the first for each field."""
    found: dict[str, str] = {}
    for item in error.errors(include_url=False):
        field = str(item["loc"][0]) if item["loc"] else "profile"
        found.setdefault(field, problem_message(item))
    return found


def parse_profile(values: dict[str, object]) -> ProfileUpdate:
    """Return the validated profile from submitted values; ProfileError naming each bad field."""
    try:
        return ProfileUpdate.model_validate(values)
    except ValidationError as error:
        raise ProfileError(profile_errors(error)) from None


def profile_of(user: User) -> ProfilePublic:
    """Return the user's profile as pages and the API show it."""
    return ProfilePublic(
        email=user.email,
        shown_name=user.shown_name,
        **{name: getattr(user, name) for name in PROFILE_FIELDS},
    )


def set_profile(user: User, profile: ProfileUpdate) -> None:
    """Replace the user's whole profile with this validated one (the caller commits)."""
    for name in PROFILE_FIELDS:
        setattr(user, name, getattr(profile, name))


def change_profile(user: User, changes: dict[str, object]) -> ProfileUpdate:
    """Return the profile after changing only the given fields ("" clears one); ProfileError
    naming each bad field, and then nothing is changed. The caller commits."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ProfileError({name: "not a profile field" for name in sorted(unknown)})
    current = {name: getattr(user, name) for name in PROFILE_FIELDS}
    profile = parse_profile({**current, **changes})
    set_profile(user, profile)
    return profile


def emergency_number_for(user: User | None, default: str) -> str:
    """Return the number this person should call: their profile's, else the server's default."""
    return (user.emergency_number if user else None) or default
