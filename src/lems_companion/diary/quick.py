"""A quick entry: what a person usually records, chosen once and learned from their entries.

The entry form puts the person's own symptoms first (those they chose on the account page, then
those their recent entries show), offers their usual medicines as one-tap
choices and can copy the previous entry ("same as last time"), so a typical entry takes seconds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from lems_companion import catalogue
from lems_companion.accounts.models import User
from lems_companion.diary.schemas import EntryPublic
from lems_companion.diary.service import page_entries, to_public
from lems_companion.i18n import N_, Said
from lems_companion.triage.offline import emergency_symptoms

# How far back the form learns from: about a month of daily entries, so a symptom that has gone
# drops off the short list, and one that began last week is on it.
RECENT_ENTRIES = 30
# Medicines offered as one-tap choices; more than this and they stop being quicker than typing.
MAX_USUAL_MEDICINES = 6
# A first entry has no history: ask about the symptoms nearly every person with LEMS has (leg
# weakness in essentially all, tiredness, dry mouth in about three quarters; clinical spec
# section 2, after O'Neill et al., Brain 1988 and Wirtz et al., JNNP 2002).
STARTER_SYMPTOMS = ("proximal_leg_weakness", "fatigue", "dry_mouth")


@dataclass(frozen=True)
class UsualMedicine:
    """A medicine the person often logs, with the dose they most often log it at."""

    name: str
    dose_mg: float | None

    @property
    def label(self) -> str:
        """Return the chip text, e.g. "Amifampridine 10 mg"."""
        return self.name if self.dose_mg is None else f"{self.name} {self.dose_mg:g} mg"

    @property
    def choice(self) -> str:
        """Return the form value that names this medicine and dose (``name|dose``)."""
        return f"{self.name}|{'' if self.dose_mg is None else f'{self.dose_mg:g}'}"


@dataclass(frozen=True)
class QuickEntry:
    """What the entry form offers first: usual symptoms, usual medicines, the previous entry."""

    symptoms: list[str] = field(default_factory=lambda: list(STARTER_SYMPTOMS))
    # The symptoms the person chose once (account page); empty until they choose.
    own: list[str] = field(default_factory=list)
    medicines: list[UsualMedicine] = field(default_factory=list)
    previous: dict[str, Any] | None = None


def learned_symptoms(entries: list[EntryPublic]) -> list[str]:
    """Return the symptoms recorded above "none" in these entries, most often first, then in
    catalogue order; empty when none was recorded."""
    counts = Counter(
        symptom for entry in entries for symptom, level in entry.symptoms.items() if level
    )
    order = {symptom.id: index for index, symptom in enumerate(catalogue.symptoms())}
    return sorted(counts, key=lambda symptom: (-counts[symptom], order.get(symptom, 0)))


def usual_symptoms(entries: list[EntryPublic], own: list[str] | None = None) -> list[str]:
    """Return the symptoms the form asks first: the person's own choice (in catalogue order),
    then those learned from these entries; the starter symptoms when there is neither."""
    chosen = [symptom for symptom in own or [] if symptom in catalogue.symptom_ids()]
    learned = [symptom for symptom in learned_symptoms(entries) if symptom not in chosen]
    return [*chosen, *learned] or list(STARTER_SYMPTOMS)


# More than this and "your symptoms" is no longer a short list.
MAX_OWN_SYMPTOMS = 12


class OwnSymptomsError(ValueError):
    """A choice of one's own symptoms that cannot be stored; the message says why."""


def choosable_symptoms() -> list[catalogue.Symptom]:
    """Return the symptoms a person may choose as their own: every catalogue symptom but those
    the form always asks first (swallowing, choking, breathing: H14)."""
    return [item for item in catalogue.symptoms() if item.id not in always_asked()]


def choose_own_symptoms(user: User, chosen: list[str]) -> list[str]:
    """Store the person's own symptoms (catalogue ids; an empty choice clears it, and the form
    then learns them again) and return them in catalogue order; OwnSymptomsError, storing
    nothing, for an unknown id or too many."""
    allowed = {item.id for item in choosable_symptoms()}
    unknown = sorted(set(chosen) - allowed)
    if unknown:
        raise OwnSymptomsError(
            Said(N_("'%(id)s' is not a symptom you can choose here."), id=unknown[0])
        )
    ordered = [item.id for item in choosable_symptoms() if item.id in chosen]
    if len(ordered) > MAX_OWN_SYMPTOMS:
        raise OwnSymptomsError(
            Said(
                N_("Choose at most %(number)s; the others stay one tap away on the form."),
                number=MAX_OWN_SYMPTOMS,
            )
        )
    user.own_symptoms = ordered or None
    return ordered


def usual_medicines(entries: list[EntryPublic]) -> list[UsualMedicine]:
    """Return the medicines logged in these entries, most often first, each at its most often
    logged dose (the latest on a tie); empty when none was logged."""
    names: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    doses: dict[str, Counter[float | None]] = {}
    for entry in entries:  # newest first, so the first spelling and dose seen are the latest
        for item in entry.medications:
            key = item.name.strip().casefold()
            names[key] += 1
            spelled.setdefault(key, item.name.strip())
            doses.setdefault(key, Counter())[item.dose_mg] += 1
    return [
        UsualMedicine(name=spelled[key], dose_mg=doses[key].most_common(1)[0][0])
        for key, _ in names.most_common(MAX_USUAL_MEDICINES)
    ]


def previous_answers(entry: EntryPublic) -> dict[str, Any]:
    """Return the answers of an entry that "same as last time" copies: not its time, note,
    weight or home tests, which describe that moment only."""
    return {
        "context": entry.context or "",
        "improved_after_moving": entry.improved_after_moving or "",
        "symptoms": {f"symptom_{key}": str(level) for key, level in entry.symptoms.items()},
        "medicines": [
            UsualMedicine(name=item.name, dose_mg=item.dose_mg).choice for item in entry.medications
        ],
    }


def quick_entry(db: Session, *, owner: User) -> QuickEntry:
    """Return what the form offers first: the owner's own choice of symptoms, then what their
    last entries show. One query."""
    entries = [to_public(row) for row in page_entries(db, owner=owner, limit=RECENT_ENTRIES).items]
    own = list(owner.own_symptoms or [])
    return QuickEntry(
        symptoms=usual_symptoms(entries, own),
        own=[symptom for symptom in own if symptom in catalogue.symptom_ids()],
        medicines=usual_medicines(entries),
        previous=previous_answers(entries[0]) if entries else None,
    )


def always_asked() -> list[str]:
    """Return the symptoms the form always shows first: those that can raise an emergency.

    Swallowing, choking and breathing are never one tap away behind "more symptoms": an emergency
    must not go unrecorded because its question was folded (docs/clinical-safety.md, H14).
    """
    return list(emergency_symptoms())
