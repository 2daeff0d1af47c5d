"""The kinds of test the tracker knows and what each shows (clinical spec section 4).

Labels and explanations are marked for the catalogue (pages show them in the reader's language,
``Kind.shows_in``); exports keep the English text. An explanation that carries a figure names it
with a placeholder, so that the figure is written as the reader's language writes numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from lems_companion.i18n import DEFAULT_LANGUAGE, N_, format_number, gettext_in
from lems_companion.rules.edx_cutoffs import (
    INCREMENT_CUTOFF_60_PERCENT,
    INCREMENT_CUTOFF_100_PERCENT,
)

# P/Q-type VGCC antibodies are positive in about 90% of people with LEMS (clinical spec
# section 4).
VGCC_POSITIVE_PERCENT = 90


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of test the tracker knows, with what it looks for (spec section 4)."""

    id: str
    label: str
    # What it looks for: a catalogue text, with a %(name)s placeholder for each of ``figures``.
    looks_for: str
    ask_about: bool  # one of the tests a patient may ask about at an appointment
    figures: tuple[tuple[str, float], ...] = ()

    @property
    def shows(self) -> str:
        """Return what the test looks for in English, as exports and the API give it; empty
        when nothing is said."""
        return self.shows_in(DEFAULT_LANGUAGE)

    def shows_in(self, language: str) -> str:
        """Return what the test looks for in the language, its figures written as the language
        writes numbers ("0.5" in English, "0,5" in French); empty when nothing is said."""
        if not self.looks_for:
            return ""
        text = gettext_in(language).gettext(self.looks_for)
        if not self.figures:
            return text
        return text % {name: format_number(value, language) for name, value in self.figures}


KINDS: tuple[Kind, ...] = (
    Kind(
        id="edx",
        label=N_("Electrodiagnostic study (nerve conduction with repetitive nerve stimulation)"),
        looks_for=N_(
            "A low resting muscle response (CMAP) that rises after 10 seconds of maximal "
            "contraction; an increment of %(classic)s%% or more is the classic criterion and "
            "%(proposed)s%% or more has been proposed."
        ),
        ask_about=True,
        figures=(
            ("classic", INCREMENT_CUTOFF_100_PERCENT),
            ("proposed", INCREMENT_CUTOFF_60_PERCENT),
        ),
    ),
    Kind(
        id="vgcc_antibodies",
        label=N_("P/Q-type voltage-gated calcium channel (VGCC) antibodies"),
        looks_for=N_("A blood test; positive in about %(percent)s%% of people with LEMS."),
        ask_about=True,
        figures=(("percent", VGCC_POSITIVE_PERCENT),),
    ),
    Kind(
        id="chest_ct",
        label=N_("CT scan of the chest"),
        looks_for=N_("Screening for small-cell lung cancer, which can go with LEMS."),
        ask_about=True,
    ),
    Kind(
        id="fdg_pet",
        label=N_("FDG-PET scan"),
        looks_for=N_("Screening for small-cell lung cancer when the chest CT shows nothing."),
        ask_about=True,
    ),
    Kind(
        id="sox1_antibodies",
        label=N_("SOX1 antibodies"),
        looks_for=N_(
            "A blood test a clinician may use; a positive result favours small-cell lung cancer."
        ),
        ask_about=False,
    ),
    Kind(id="other", label=N_("Other test"), looks_for="", ask_about=False),
)
KIND_IDS = tuple(kind.id for kind in KINDS)


def kind(kind_id: str) -> Kind:
    """Return the kind with this id; KeyError when there is none."""
    return {item.id: item for item in KINDS}[kind_id]
