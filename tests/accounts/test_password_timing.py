"""Passwords are hashed at full cost, and a sign-in for an unknown address costs what a wrong
password costs."""

from __future__ import annotations

from argon2 import extract_parameters, profiles

from lems_companion.accounts.service import DUMMY_HASH
from tests.conftest import APP_PASSWORD_HASHER


def test_the_app_hashes_passwords_with_argon2id_at_rfc_9106_low_memory_cost() -> None:
    # The tests hash at a tiny cost (tests/conftest.py); this holds the app's own hasher.
    stored = APP_PASSWORD_HASHER.hash("correct horse battery")
    assert extract_parameters(stored) == profiles.RFC_9106_LOW_MEMORY


def test_the_stand_in_hash_has_the_parameters_of_real_ones() -> None:
    # Same memory, time and parallelism as every stored hash, so verifying it takes as long.
    assert not APP_PASSWORD_HASHER.check_needs_rehash(DUMMY_HASH)
    assert APP_PASSWORD_HASHER.verify(DUMMY_HASH, "not a real password")
