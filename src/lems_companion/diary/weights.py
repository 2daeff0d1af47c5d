"""Body weight in the unit a person chooses: kilograms, stones and pounds, or pounds.

The diary always stores kilograms (``Entry.weight_kg``; analysis, reports and exports read
them). The entry form takes the weight in the person's unit (``User.weight_unit``, chosen on the
form and kept on the profile), and the diary writes it back in that unit, formatted by Babel for
the reader's language ("72,5 kg", "11 st 6 lb", "160 lb").
"""

from __future__ import annotations

from typing import Literal

from babel.units import format_unit

from lems_companion.diary.schemas import MAX_WEIGHT_KG, MIN_WEIGHT_KG
from lems_companion.i18n import N_

WeightUnit = Literal["kg", "st_lb", "lb"]
# Each unit as the form offers it (translated where it is shown).
WEIGHT_UNITS: dict[str, str] = {
    "kg": N_("Kilograms"),
    "st_lb": N_("Stones and pounds"),
    "lb": N_("Pounds"),
}
DEFAULT_WEIGHT_UNIT = "kg"
# The international pound (1959 agreement): exactly 0.45359237 kg; a stone is 14 pounds.
KG_PER_POUND = 0.45359237
POUNDS_PER_STONE = 14
# Shown weights keep one decimal in pounds; kilograms are stored to the gram.
POUND_DECIMALS = 1
KG_DECIMALS = 3


def unit_or_default(unit: str | None) -> str:
    """Return the unit when it is one the app knows; kilograms otherwise."""
    return unit if unit in WEIGHT_UNITS else DEFAULT_WEIGHT_UNIT


def to_kg(unit: str, amount: float, pounds: float = 0.0) -> float:
    """Return kilograms for a weight in the unit (``amount`` stones plus ``pounds`` for
    stones and pounds; ``amount`` pounds for pounds)."""
    if unit == "kg":
        return amount
    total_pounds = amount * POUNDS_PER_STONE + pounds if unit == "st_lb" else amount
    return round(total_pounds * KG_PER_POUND, KG_DECIMALS)


def in_unit(kg: float, unit: str) -> tuple[float, float | None]:
    """Return a weight in the unit: (kg, None), (stones, pounds) or (pounds, None); pounds keep
    one decimal and 14 pounds carry to a stone."""
    if unit == "kg":
        return kg, None
    pounds = round(kg / KG_PER_POUND, POUND_DECIMALS)
    if unit == "lb":
        return pounds, None
    stones, rest = divmod(pounds, POUNDS_PER_STONE)
    return float(stones), round(rest, POUND_DECIMALS)


def format_weight(kg: float, unit: str, language: str) -> str:
    """Return a weight in the unit as the language writes it (Babel's CLDR units)."""
    amount, pounds = in_unit(kg, unit_or_default(unit))
    if unit == "st_lb":
        stones = format_unit(int(amount), "mass-stone", length="short", locale=language)
        return f"{stones} {format_unit(pounds or 0, 'mass-pound', length='short', locale=language)}"
    measure = "mass-pound" if unit == "lb" else "mass-kilogram"
    return format_unit(amount, measure, length="short", locale=language)


def weight_limits(unit: str, language: str) -> tuple[str, str]:
    """Return the lightest and heaviest weight the diary accepts, written in the unit."""
    return format_weight(MIN_WEIGHT_KG, unit, language), format_weight(
        MAX_WEIGHT_KG, unit, language
    )
