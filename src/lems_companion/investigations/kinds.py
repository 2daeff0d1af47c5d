"""The kinds of test the tracker knows and what each shows (clinical spec section 4)."""

from __future__ import annotations

from dataclasses import dataclass

from lems_companion.rules.edx_cutoffs import (
    INCREMENT_CUTOFF_60_PERCENT,
    INCREMENT_CUTOFF_100_PERCENT,
)


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of test the tracker knows, with what it looks for (spec section 4)."""

    id: str
    label: str
    shows: str
    ask_about: bool  # one of the tests a patient may ask about at an appointment


KINDS: tuple[Kind, ...] = (
    Kind(
        id="edx",
        label="Electrodiagnostic study (nerve conduction with repetitive nerve stimulation)",
        shows=(
            "A low resting muscle response (CMAP) that rises after 10 seconds of maximal "
            f"contraction; an increment of {INCREMENT_CUTOFF_100_PERCENT}% or more is the classic "
            f"criterion and {INCREMENT_CUTOFF_60_PERCENT}% or more has been proposed."
        ),
        ask_about=True,
    ),
    Kind(
        id="vgcc_antibodies",
        label="P/Q-type voltage-gated calcium channel (VGCC) antibodies",
        shows="A blood test; positive in about 90% of people with LEMS.",
        ask_about=True,
    ),
    Kind(
        id="chest_ct",
        label="CT scan of the chest",
        shows="Screening for small-cell lung cancer, which can go with LEMS.",
        ask_about=True,
    ),
    Kind(
        id="fdg_pet",
        label="FDG-PET scan",
        shows="Screening for small-cell lung cancer when the chest CT shows nothing.",
        ask_about=True,
    ),
    Kind(
        id="sox1_antibodies",
        label="SOX1 antibodies",
        shows="A blood test a clinician may use; a positive result favours small-cell lung cancer.",
        ask_about=False,
    ),
    Kind(id="other", label="Other test", shows="", ask_about=False),
)
KIND_IDS = tuple(kind.id for kind in KINDS)


def kind(kind_id: str) -> Kind:
    """Return the kind with this id; KeyError when there is none."""
    return {item.id: item for item in KINDS}[kind_id]
