"""The red flags: what each one means, how urgent it is, what to do and where the rule comes from.

Source for every flag, level and basis below: ../shared/clinical-spec.md section 3 ("Red flags").
The wording of the advice is ours; it tells a patient what to do now, never what they have
(spec section 1: information, not diagnosis).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lems_companion.i18n import N_

Level = Literal["emergency", "prompt", "routine", "none"]

# Most urgent first (spec section 3, "Levels"). A rank lets us take the highest level of several.
LEVELS: tuple[Level, ...] = ("emergency", "prompt", "routine", "none")
LEVEL_RANK: dict[str, int] = {level: len(LEVELS) - index for index, level in enumerate(LEVELS)}

# Used when the caller does not pass one: the European emergency number, which also works on
# most mobile phones elsewhere. The web app passes the configured number (LEMS_EMERGENCY_NUMBER).
DEFAULT_EMERGENCY_NUMBER = "112"

# What each level asks the patient to do (spec section 3, "Levels").
LEVEL_ADVICE: dict[str, str] = {
    "emergency": (
        "Get urgent medical care now. If it is severe or getting worse, call {number} "
        "(your local emergency number)."
    ),
    "prompt": "Tell a doctor within the next few days; this needs checking.",
    "routine": "Worth recording and discussing at your next appointment.",
    "none": "Nothing here needs medical attention; keep recording as usual.",
}


@dataclass(frozen=True, slots=True)
class Flag:
    """One red flag: its id, level, what triggers it, plain-language advice, basis and source."""

    id: str
    level: Level
    title: str
    triggers: str
    advice: str
    basis: str
    source: str


# Spec section 3, table "Red flags". `basis` is the clinical reason; `source` the citation.
# The basis of a flag an entry's answers can raise is marked for the catalogues: the alert and
# the red-flag list say it in the reader's language (triage.structured.basis_text).
FLAGS: tuple[Flag, ...] = (
    Flag(
        id="dysphagia",
        level="emergency",
        title="Difficulty swallowing",
        triggers=(
            "new or worse difficulty swallowing: food, drink or tablets sticking, needing "
            "several swallows, drink coming back through the nose"
        ),
        advice=(
            "Trouble swallowing can let food or drink go into the lungs: get urgent medical "
            "care now. Tell the urgent-care team which tablets are due (amifampridine, "
            "steroids) and do not stop any medicine on your own."
        ),
        basis=N_("weakness of the swallowing muscles (bulbar weakness) risks aspiration"),
        source="clinical-spec.md section 3",
    ),
    Flag(
        id="choking",
        level="emergency",
        title="Choking",
        triggers="choking, coughing or spluttering on food, drink or saliva",
        advice=(
            "Choking on food, drink or saliva can mean the swallowing muscles are weak and "
            "something may go into the lungs. Get urgent medical care now."
        ),
        basis=N_("aspiration risk from weak swallowing muscles"),
        source="clinical-spec.md section 3",
    ),
    Flag(
        id="dyspnea",
        level="emergency",
        title="Breathlessness",
        triggers=(
            "breathless at rest or on little effort, breathless lying flat, waking up "
            "fighting for breath, a cough too weak to clear phlegm"
        ),
        advice=(
            "Breathing muscles can weaken without much warning. Get urgent medical care now; "
            "do not wait to see whether it passes."
        ),
        basis=N_(
            "respiratory muscle weakness; diaphragm weakness can cause breathing failure even "
            "with few symptoms"
        ),
        source="clinical-spec.md section 3; Laroche et al., Thorax 1989;44:913",
    ),
    Flag(
        id="stroke_signs",
        level="emergency",
        title="Possible stroke signs",
        triggers=(
            "sudden face droop, sudden weakness or numbness on one side, sudden slurred or "
            "garbled speech"
        ),
        advice=(
            "Sudden face droop, one-sided weakness or slurred speech need an ambulance: call "
            "{number} now and note the time it started."
        ),
        basis="general safety net (FAST: face, arms, speech, time)",
        source="clinical-spec.md section 3 (FAST)",
    ),
    Flag(
        id="severe_chest_pain",
        level="emergency",
        title="Severe chest pain",
        triggers=(
            "chest pain that is sudden, severe or crushing, spreads to the arm or jaw, or comes "
            "with breathlessness or sweating"
        ),
        advice="Chest pain like this needs an ambulance: call {number} now.",
        basis="general safety net (possible heart attack)",
        source="clinical-spec.md section 3",
    ),
    Flag(
        id="seizure",
        level="emergency",
        title="Seizure or fit",
        triggers="a seizure, fit or convulsion",
        advice=(
            "A seizure needs urgent medical care now, especially if you take amifampridine "
            "(Firdapse); do not take your next dose until a doctor has advised you."
        ),
        basis="amifampridine can cause seizures",
        source=(
            "clinical-spec.md sections 3 and 6; Firdapse (amifampridine) prescribing information"
        ),
    ),
    Flag(
        id="weight_loss",
        level="prompt",
        title="Weight loss",
        triggers=(
            "weight loss without trying, or 5% or more of body weight lost in the diary within "
            "6 months"
        ),
        advice=(
            "Losing weight without trying should be checked: tell your doctor within the next "
            "few days."
        ),
        basis=N_("warning sign of small-cell lung cancer (SCLC); the 'L' item of DELTA-P"),
        source="clinical-spec.md sections 3 and 6; Titulaer et al., J Clin Oncol 2011 (DELTA-P)",
    ),
    Flag(
        id="persistent_cough",
        level="prompt",
        title="Persistent cough or coughing up blood",
        triggers="a cough for 3 weeks or more, a cough that will not clear, coughing up blood",
        advice=(
            "A cough that lasts 3 weeks or more, or any blood when you cough, should be checked: "
            "tell your doctor within the next few days."
        ),
        basis=N_("warning sign of small-cell lung cancer (SCLC)"),
        source="clinical-spec.md section 3",
    ),
    Flag(
        id="chest_pain",
        level="prompt",
        title="Chest pain or tightness",
        triggers="chest pain or tightness that is not sudden, severe or crushing",
        advice=(
            "Chest pain or tightness should be checked: tell your doctor within the next few "
            "days. If it becomes severe, spreads to your arm or jaw, or comes with "
            "breathlessness or sweating, call {number}."
        ),
        basis=N_("warning sign of small-cell lung cancer (SCLC)"),
        source="clinical-spec.md section 3",
    ),
    Flag(
        id="cerebellar_signs",
        level="prompt",
        title="New unsteadiness, clumsiness or slurred speech",
        triggers=(
            "new unsteadiness, clumsiness, missing when reaching, or new slurred speech that came "
            "on over days to weeks"
        ),
        advice=(
            "New unsteadiness, clumsiness or slurred speech that has come on over days or weeks "
            "should be checked: tell your doctor within the next few days. If it starts "
            "suddenly, call {number}."
        ),
        basis=N_(
            "possible paraneoplastic cerebellar degeneration, which in LEMS almost always comes "
            "with small-cell lung cancer (SCLC)"
        ),
        source="clinical-spec.md section 6 (cerebellar signs); Orphanet: Lambert-Eaton "
        "myasthenic syndrome",
    ),
    Flag(
        id="amifampridine_dose",
        level="prompt",
        title="Amifampridine above the label's maximum dose",
        triggers=(
            "amifampridine (Firdapse, 3,4-DAP) logged above the label's maximum: more than "
            "100 mg on one day, or more than 20 mg in one dose"
        ),
        advice=(
            "The amifampridine logged is above the label's maximum dose. Check the dose with "
            "your doctor within the next few days; a higher dose raises the risk of seizures. "
            "If you have a seizure, call {number}."
        ),
        basis=N_("a dose above the label's maximum raises the risk of seizures"),
        source=(
            "clinical-spec.md section 6; FIRDAPSE (amifampridine) US prescribing information, "
            "sections 2.1 and 5.1 (revised 5/2024)"
        ),
    ),
)

FLAGS_BY_ID: dict[str, Flag] = {flag.id: flag for flag in FLAGS}


def get(flag_id: str) -> Flag:
    """Return the flag with this id; KeyError when there is none."""
    return FLAGS_BY_ID[flag_id]


def highest(levels: list[str] | tuple[str, ...]) -> Level:
    """Return the most urgent of these levels; "none" when the list is empty."""
    if not levels:
        return "none"
    best = max(levels, key=LEVEL_RANK.__getitem__)
    return LEVELS[len(LEVELS) - LEVEL_RANK[best]]


def advice_for(flag_id: str, *, emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> str:
    """Return the plain-language advice for one flag, with the emergency number filled in."""
    return get(flag_id).advice.format(number=emergency_number)


def level_advice(level: str, *, emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> str:
    """Return what to do at this level, with the emergency number filled in."""
    return LEVEL_ADVICE[level].format(number=emergency_number)
