"""The symptom catalogue: every symptom the diary asks about, defined once.

The data lives in ``catalogue.toml`` beside this module; this module turns it into immutable
objects and offers the look-ups the rest of the app derives its forms, validation, triage,
reports and exports from.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from lems_companion.i18n import translate

Group = Literal[
    "limb", "general", "autonomic", "ocular", "bulbar", "respiratory", "sensory", "cancer_warning"
]
Region = Literal["proximal", "distal", "axial"]

# Severity scale from spec section 2: 0 none, 1 mild, 2 moderate, 3 severe.
SEVERITY_LABELS: dict[int, str] = {0: "none", 1: "mild", 2: "moderate", 3: "severe"}
MIN_SEVERITY = 0
MAX_SEVERITY = 3

# Display order and headings of the groups; limb first because proximal leg weakness is present in
# essentially all patients and usually comes first (O'Neill et al., Brain 1988; Wirtz et al.,
# JNNP 2002), so it should be the quickest thing to record.
GROUP_TITLES: dict[str, str] = {
    "limb": "Muscles and movement",
    "general": "General",
    "autonomic": "Autonomic (mouth, bowels, blood pressure, sweating, eyes)",
    "ocular": "Eyes and eyelids",
    "bulbar": "Speech, chewing and swallowing",
    "respiratory": "Breathing",
    "sensory": "Sensation",
    "cancer_warning": "Other changes to tell a doctor about",
}


@dataclass(frozen=True, slots=True)
class Symptom:
    """One symptom the diary asks about."""

    id: str
    label: str
    question: str
    group: Group
    hpo: tuple[str, ...]
    hpo_labels: tuple[str, ...]
    region: Region | None = None
    red_flag: str | None = None
    sex: Literal["male"] | None = None

    @property
    def hpo_id(self) -> str:
        """Return the main HPO term id."""
        return self.hpo[0]

    def label_in(self, language: str) -> str:
        """Return the short name in the language (awaiting clinical review when not English)."""
        return translate(self.label, language)

    def question_in(self, language: str) -> str:
        """Return the question in the language (awaiting clinical review when not English)."""
        return translate(self.question, language)


@dataclass(frozen=True, slots=True)
class Factor:
    """Something that can change how LEMS feels on a day (heat, an infection, ...); an entry
    may note it. Never a symptom and never a red flag."""

    id: str
    label: str
    question: str
    source: str

    def label_in(self, language: str) -> str:
        """Return the short name in the language."""
        return translate(self.label, language)

    def question_in(self, language: str) -> str:
        """Return what the form says about it, in the language."""
        return translate(self.question, language)


@cache
def _raw() -> dict[str, list[dict[str, object]]]:
    return tomllib.loads(resources.files(__package__).joinpath("catalogue.toml").read_text("utf-8"))


@cache
def symptoms() -> tuple[Symptom, ...]:
    """Return every catalogue symptom in display order. Reads the catalogue file once."""
    raw: dict[str, Any] = _raw()
    items = tuple(
        Symptom(**{**item, "hpo": tuple(item["hpo"]), "hpo_labels": tuple(item["hpo_labels"])})
        for item in raw["symptom"]
    )
    ids = [item.id for item in items]
    if len(ids) != len(set(ids)):
        raise ValueError("catalogue.toml defines a symptom id twice")
    unknown_groups = {item.group for item in items} - GROUP_TITLES.keys()
    if unknown_groups:
        raise ValueError(f"catalogue.toml uses unknown groups: {sorted(unknown_groups)}")
    return items


@cache
def by_id() -> dict[str, Symptom]:
    """Return the catalogue keyed by symptom id."""
    return {item.id: item for item in symptoms()}


@cache
def symptom_ids() -> frozenset[str]:
    """Return the set of valid symptom ids (asked for every symptom of every entry validated)."""
    return frozenset(by_id())


def get(symptom_id: str) -> Symptom:
    """Return the symptom with this id; KeyError when the id is not in the catalogue."""
    return by_id()[symptom_id]


def grouped() -> list[tuple[str, str, list[Symptom]]]:
    """Return (group id, title, symptoms) in display order; groups with no symptoms omitted."""
    result = []
    for group, title in GROUP_TITLES.items():
        members = [item for item in symptoms() if item.group == group]
        if members:
            result.append((group, title, members))
    return result


@cache
def factors() -> tuple[Factor, ...]:
    """Return every factor an entry may note, in display order."""
    items = tuple(Factor(**item) for item in _raw().get("factor", []))  # type: ignore[arg-type]
    ids = [item.id for item in items]
    if len(ids) != len(set(ids)) or set(ids) & symptom_ids():
        raise ValueError("catalogue.toml defines a factor id twice or as a symptom too")
    return items


def factor_ids() -> frozenset[str]:
    """Return the set of valid factor ids."""
    return frozenset(item.id for item in factors())


def factor(factor_id: str) -> Factor:
    """Return the factor with this id; KeyError when the id is not in the catalogue."""
    return {item.id: item for item in factors()}[factor_id]


def red_flag_symptoms() -> dict[str, Symptom]:
    """Return the symptoms that can raise a red flag, keyed by symptom id."""
    return {item.id: item for item in symptoms() if item.red_flag}


def group_title(group: str, language: str) -> str:
    """Return a group's heading in the language."""
    return translate(GROUP_TITLES[group], language)


def severity_label(severity: int, language: str) -> str:
    """Return a severity's word ("mild") in the language."""
    return translate(SEVERITY_LABELS[severity], language)
