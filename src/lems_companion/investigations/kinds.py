"""The kinds of test the tracker knows and what each shows (clinical spec section 4).

Labels and explanations are marked for the catalogue (pages show them in the reader's language);
exports keep the English text. A text with a literal percent sign stays English for now: gettext
would read its "%" as a placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

from lems_companion.i18n import N_
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
        label=N_("Electrodiagnostic study (nerve conduction with repetitive nerve stimulation)"),
        shows=(
            "A low resting muscle response (CMAP) that rises after 10 seconds of maximal "
            f"contraction; an increment of {INCREMENT_CUTOFF_100_PERCENT}% or more is the classic "
            f"criterion and {INCREMENT_CUTOFF_60_PERCENT}% or more has been proposed."
        ),
        ask_about=True,
    ),
    Kind(
        id="vgcc_antibodies",
        label=N_("P/Q-type voltage-gated calcium channel (VGCC) antibodies"),
        shows="A blood test; positive in about 90% of people with LEMS.",
        ask_about=True,
    ),
    Kind(
        id="chest_ct",
        label=N_("CT scan of the chest"),
        shows=N_("Screening for small-cell lung cancer, which can go with LEMS."),
        ask_about=True,
    ),
    Kind(
        id="fdg_pet",
        label=N_("FDG-PET scan"),
        shows=N_("Screening for small-cell lung cancer when the chest CT shows nothing."),
        ask_about=True,
    ),
    Kind(
        id="sox1_antibodies",
        label=N_("SOX1 antibodies"),
        shows=N_(
            "A blood test a clinician may use; a positive result favours small-cell lung cancer."
        ),
        ask_about=False,
    ),
    Kind(id="other", label=N_("Other test"), shows="", ask_about=False),
)
KIND_IDS = tuple(kind.id for kind in KINDS)


def kind(kind_id: str) -> Kind:
    """Return the kind with this id; KeyError when there is none."""
    return {item.id: item for item in KINDS}[kind_id]
