"""A sign-in for an unknown address costs what a wrong password costs."""

from __future__ import annotations

from argon2 import PasswordHasher

from lems_companion.accounts.service import DUMMY_HASH


def test_the_stand_in_hash_has_the_parameters_of_real_ones() -> None:
    # Same memory, time and parallelism as every stored hash, so verifying it takes as long.
    assert not PasswordHasher().check_needs_rehash(DUMMY_HASH)
    assert PasswordHasher().verify(DUMMY_HASH, "not a real password")
