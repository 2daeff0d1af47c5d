"""The one weight-loss rule (clinical spec section 3), as triage, analysis and reports apply it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from lems_companion.rules import weight_loss

START = datetime(2026, 1, 1, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("heavier", "lighter", "after_days", "flagged"),
    [
        (100.0, 95.0, 180, True),  # exactly 5% within 6 months
        (72.0, 68.4, 30, True),  # exactly 5% where binary floating point falls short
        (80.0, 76.0, 30, True),
        (100.0, 95.1, 180, False),  # 4.9%
        (100.0, 94.0, 183, True),  # the last day of the 6-month window
        (100.0, 94.0, 184, False),  # over 6 months apart
        (100.0, 105.0, 30, False),  # a gain
    ],
)
def test_a_loss_of_five_percent_within_six_months_is_flagged(
    heavier: float, lighter: float, after_days: int, flagged: bool
) -> None:
    at = START + timedelta(days=after_days)
    loss = weight_loss.loss_at(at, lighter, [(START, heavier)])
    assert (loss is not None and loss.flagged()) is flagged
    series = weight_loss.losses([(START, heavier, "first"), (at, lighter, "second")])
    assert any(found.flagged() for found in series) is flagged


def test_an_intended_loss_is_flagged_only_from_ten_percent() -> None:
    assert weight_loss.is_loss(Decimal("9.9"), intended=True) is False
    assert weight_loss.is_loss(Decimal(10), intended=True) is True
    assert weight_loss.is_loss(Decimal(5), intended=False) is True


def test_the_loss_is_measured_from_the_heaviest_weight_in_the_window() -> None:
    history = [(START, 90.0), (START + timedelta(days=20), 92.0), (START + timedelta(days=40), 91)]
    loss = weight_loss.loss_at(START + timedelta(days=60), 87.3, history)
    assert loss is not None
    assert loss.heavier_kg == 92.0 and round(loss.percent, 1) == Decimal("5.1")
    assert "87.3 kg" in loss.describe() and "92 kg" in loss.describe()
