"""Medicine checks: cautions for medicines that can worsen LEMS, and amifampridine dosing.

``cautions_for`` reads a medicine name as a patient typed it in the diary (generic or brand
name, any case, a dose attached, small misspellings) and returns the caution classes it belongs
to. Matching is deliberately conservative about fuzziness: a wrong warning teaches people to
ignore warnings, so fuzzy matching applies only to long words with the same first letter, and a
list of common medicines that must never match is checked first.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

# Fuzzy matching (difflib's ratio: 2 x matching characters / total characters). 0.85 accepts one
# or two wrong letters in a long name ("gentamycin", "levofloxacine") while rejecting near
# neighbours of a different drug ("procaine" vs "procainamide" is 0.80, "diltiazem" vs
# "diazepam" 0.71). Names shorter than 7 letters are matched exactly only: among short words a
# one-letter slip usually makes another real word or drug.
FUZZY_MIN_RATIO = 0.85
FUZZY_MIN_LENGTH = 7

SOURCE_SPEC = (
    "LEMS Companion clinical specification, section 6 (medicines that can worsen LEMS weakness); "
    "background: Titulaer, Lang and Verschuuren, Lancet Neurol 2011 (review)"
)
_ASK = (
    "Do not stop or change a prescribed medicine on your own; ask the prescriber whether it is "
    "the right choice for you and tell them you have LEMS."
)


def _names(text: str) -> tuple[str, ...]:
    """Return the names in a space-separated list."""
    return tuple(text.split())


@dataclass(frozen=True, slots=True)
class CautionClass:
    """A group of medicines that can worsen LEMS weakness, with the names that identify it."""

    id: str
    label: str
    names: tuple[str, ...]  # generic and brand names; compared without spaces or punctuation
    warning: str
    suffixes: tuple[str, ...] = ()  # word endings shared by class members, e.g. "floxacin"
    phrases: tuple[str, ...] = ()  # several-word names, matched as whole words
    unless: tuple[str, ...] = ()  # words that show the match is only a salt, e.g. "esomeprazole"
    source: str = SOURCE_SPEC


# The classes of clinical spec section 6, in the spec's order. Brand names are common US, UK and
# EU ones; the lists aim at what people actually type, not at completeness.
CAUTION_CLASSES: tuple[CautionClass, ...] = (
    CautionClass(
        id="neuromuscular_blockers",
        label="Neuromuscular blocking agents (muscle relaxants used in anaesthesia)",
        names=_names(
            "rocuronium vecuronium pancuronium atracurium cisatracurium mivacurium "
            "succinylcholine suxamethonium zemuron esmeron nimbex tracrium anectine quelicin "
            "scoline"
        ),
        suffixes=("curonium", "curium"),
        phrases=("neuromuscular blocker", "neuromuscular blocking agent"),
        warning=(
            "Muscle relaxants used during anaesthesia can have a stronger and longer effect in "
            "LEMS. Tell the anaesthetist and surgeon that you have LEMS before any operation. "
            + _ASK
        ),
    ),
    CautionClass(
        id="aminoglycosides",
        label="Aminoglycoside antibiotics",
        names=_names(
            "gentamicin tobramycin amikacin neomycin streptomycin kanamycin netilmicin "
            "plazomicin paromomycin garamycin tobi tobrex tobradex nebcin bethkis amikin "
            "arikayce zemdri humatin"
        ),
        warning="Aminoglycoside antibiotics can make LEMS weakness worse. " + _ASK,
    ),
    CautionClass(
        id="fluoroquinolones",
        label="Fluoroquinolone antibiotics",
        names=_names(
            "ciprofloxacin levofloxacin moxifloxacin ofloxacin norfloxacin delafloxacin "
            "gemifloxacin gatifloxacin cipro ciproxin ciloxan cetraxal levaquin tavanic "
            "avelox vigamox floxin ocuflox noroxin baxdela factive zymar"
        ),
        suffixes=("floxacin", "floxacine"),
        warning="Fluoroquinolone antibiotics can make LEMS weakness worse. " + _ASK,
    ),
    CautionClass(
        id="macrolides",
        label="Macrolide antibiotics",
        names=_names(
            "azithromycin clarithromycin erythromycin roxithromycin telithromycin zithromax "
            "zmax zpak zpack azasite biaxin klacid klaricid erythrocin erymax erytab emycin "
            "ketek"
        ),
        suffixes=("thromycin",),
        warning="Macrolide antibiotics can make LEMS weakness worse. " + _ASK,
    ),
    CautionClass(
        id="beta_blockers",
        label="Beta-blockers (including eye drops such as timolol)",
        names=_names(
            "metoprolol atenolol propranolol bisoprolol carvedilol nebivolol labetalol "
            "nadolol sotalol timolol esmolol acebutolol pindolol betaxolol celiprolol "
            "oxprenolol lopressor toprol betaloc tenormin inderal concor zebeta cardicor "
            "coreg bystolic nebilet trandate corgard betapace timoptic timoptol brevibloc "
            "sectral betoptic"
        ),
        suffixes=("olol", "alol", "ilol"),
        phrases=("beta blocker",),
        warning=(
            "Beta-blockers, including eye drops for glaucoma, can make LEMS weakness worse. " + _ASK
        ),
    ),
    CautionClass(
        id="quinine_quinidine_procainamide",
        label="Quinine, quinidine and procainamide",
        names=("quinine", "quinidine", "procainamide", "qualaquin", "pronestyl", "procanbid"),
        warning=(
            "Quinine (also used for leg cramps), quinidine and procainamide can make LEMS "
            "weakness worse. " + _ASK
        ),
    ),
    CautionClass(
        id="magnesium",
        label="Magnesium (supplements, laxatives, antacids, infusions)",
        names=("magnesium", "magnesia", "magox", "slowmag", "maalox", "epsom"),
        phrases=("milk of magnesia", "epsom salt", "epsom salts"),
        # Esomeprazole and similar are sold as magnesium salts; the magnesium in them is tiny.
        unless=("esomeprazole", "omeprazole", "pantoprazole", "stearate"),
        warning=(
            "Magnesium can make LEMS weakness worse, especially when given into a vein. Check "
            "with the prescriber or pharmacist before taking magnesium supplements, laxatives or "
            "antacids. " + _ASK
        ),
    ),
    CautionClass(
        id="iodinated_contrast",
        label="Iodinated contrast (the dye used for CT scans and X-rays)",
        names=_names(
            "iohexol iodixanol iopamidol iopromide ioversol iomeprol omnipaque visipaque "
            "isovue iopamiro ultravist optiray iomeron radiocontrast"
        ),
        phrases=(
            "iodinated contrast",
            "iodine contrast",
            "contrast dye",
            "ct contrast",
            "x ray contrast",
            "xray contrast",
        ),
        warning=(
            "Iodinated contrast dye can make LEMS weakness worse for a short time. Tell the "
            "radiology team that you have LEMS before a scan with contrast. " + _ASK
        ),
    ),
    CautionClass(
        id="lithium",
        label="Lithium",
        names=("lithium", "priadel", "camcolit", "liskonum", "lithobid", "eskalith"),
        warning="Lithium can make LEMS weakness worse. " + _ASK,
    ),
    CautionClass(
        id="calcium_channel_blockers",
        label="Calcium-channel blockers",
        names=_names(
            "amlodipine nifedipine felodipine nicardipine nimodipine isradipine lercanidipine "
            "lacidipine nisoldipine clevidipine diltiazem verapamil norvasc istin adalat "
            "procardia plendil cardene nimotop zanidip cardizem tiazac calan isoptin securon"
        ),
        suffixes=("dipine",),
        phrases=("calcium channel blocker",),
        warning=(
            "Calcium-channel blockers act on the same kind of channel that LEMS affects and can "
            "make weakness worse. " + _ASK
        ),
    ),
    CautionClass(
        id="immune_checkpoint_inhibitors",
        label="Immune checkpoint inhibitors (cancer immunotherapy)",
        names=_names(
            "pembrolizumab nivolumab ipilimumab atezolizumab durvalumab avelumab cemiplimab "
            "dostarlimab tremelimumab relatlimab tislelizumab toripalimab retifanlimab "
            "keytruda opdivo yervoy tecentriq imfinzi bavencio libtayo jemperli imjudo "
            "opdualag tevimbra loqtorzi zynyz"
        ),
        phrases=("checkpoint inhibitor",),
        warning=(
            "Checkpoint-inhibitor immunotherapy can trigger or worsen autoimmune nerve and "
            "muscle problems, including LEMS. Make sure the cancer team knows you have LEMS. "
            + _ASK
        ),
    ),
)

# Common medicines that must never raise a caution, however close their spelling is to one on
# the lists above. Checked before any fuzzy or word-ending match.
NEVER_MATCH: frozenset[str] = frozenset(
    _names(
        "aspirin paracetamol acetaminophen ibuprofen naproxen metformin levothyroxine "
        "omeprazole esomeprazole amoxicillin prednisolone prednisone atorvastatin simvastatin "
        "amiloride lisinopril quinapril procaine vitamin calcium potassium manganese diazepam "
        "tramadol pyridostigmine mestinon"
    )
)

# --- Amifampridine (3,4-diaminopyridine) ---------------------------------------------------

AMIFAMPRIDINE_NAMES = _names("amifampridine diaminopyridine firdapse ruzurgi")
# "3,4-DAP", "3 4 dap", "34DAP", "3,4-diaminopyridine": the digits survive only in this pattern,
# which must end at a word boundary so "3,4 dapagliflozin" is not read as 3,4-DAP.
AMIFAMPRIDINE_PATTERN = re.compile(r"\b3\W*4\W*(dap|diaminopyridine)\b")
# Fampridine (4-aminopyridine, used in multiple sclerosis) is a different medicine with a
# similar name; it must not be counted as amifampridine.
NOT_AMIFAMPRIDINE: frozenset[str] = frozenset(
    {"fampridine", "dalfampridine", "fampyra", "ampyra", "aminopyridine"}
)

# Maximum doses from the current FIRDAPSE (amifampridine) US prescribing information, section
# 2.1, revised 5/2024: adults and children weighing 45 kg or more, at most 20 mg at a time and
# 100 mg a day; children under 45 kg, at most 10 mg at a time and 50 mg a day. (Labels before
# May 2024 gave 80 mg a day for adults.)
AMIFAMPRIDINE_MAX_DAILY_MG = 100.0
AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG = 20.0
AMIFAMPRIDINE_MAX_DAILY_MG_UNDER_45_KG = 50.0
AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG_UNDER_45_KG = 10.0
AMIFAMPRIDINE_LABEL_SOURCE = (
    "FIRDAPSE (amifampridine) US prescribing information, section 2.1 (revised 5/2024)"
)


@dataclass(frozen=True, slots=True)
class TriageRuleData:
    """A red-flag rule expressed as data, for the triage engine to apply."""

    flag: str
    level: Literal["emergency", "prompt", "routine"]
    applies_when: str
    source: str


# For the triage engine (src/lems_companion/triage/): any seizure is an emergency, and a seizure
# in someone taking amifampridine is the case the label warns about.
AMIFAMPRIDINE_SEIZURE_RULE = TriageRuleData(
    flag="seizure",
    level="emergency",
    applies_when=(
        "a seizure or fit is recorded; especially relevant when is_amifampridine() is true "
        "for any medicine logged"
    ),
    source=(
        "Clinical specification section 3; FIRDAPSE US prescribing information, section 5.1 "
        "(seizures)"
    ),
)


class MedicineCaution(BaseModel):
    """A caution raised by a logged medicine: which class, which name matched, what to do."""

    model_config = ConfigDict(frozen=True)

    class_id: str
    class_label: str
    matched_name: str
    warning: str
    source: str


class DoseFinding(BaseModel):
    """An amifampridine dose above the label's maximum on one day."""

    model_config = ConfigDict(frozen=True)

    level: Literal["prompt"] = "prompt"
    rule: Literal["amifampridine_daily_maximum", "amifampridine_single_dose_maximum"]
    amount_mg: float
    limit_mg: float
    doses_without_amount: int
    message: str
    source: str = AMIFAMPRIDINE_LABEL_SOURCE


class LoggedDose(Protocol):
    """Anything with a medicine name and an optional dose, e.g. ``entries.Medication``."""

    @property
    def name(self) -> str: ...

    @property
    def dose_mg(self) -> float | None: ...


def _words(text: str) -> list[str]:
    """Return the lower-case words of a name, without accents, numbers or dose units."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.split(r"[^a-z0-9]+", ascii_text.lower())
    return [word for word in words if word and not any(char.isdigit() for char in word)]


def _candidates(words: list[str]) -> list[str]:
    # Single words, plus neighbours run together so "cipro floxacin" reads as "ciprofloxacin".
    return [first + second for first, second in itertools.pairwise(words)] + words


def _close(candidate: str, name: str) -> bool:
    if candidate == name:
        return True
    if len(candidate) < FUZZY_MIN_LENGTH or len(name) < FUZZY_MIN_LENGTH:
        return False
    if candidate[0] != name[0]:
        return False
    return SequenceMatcher(None, candidate, name).ratio() >= FUZZY_MIN_RATIO


def _match_class(caution: CautionClass, words: list[str]) -> str | None:
    """Return the class name that matched these words; None when none did."""
    if any(word in caution.unless for word in words):
        return None
    joined = f" {' '.join(words)} "
    for phrase in caution.phrases:
        if f" {phrase} " in joined:
            return phrase
    for candidate in _candidates(words):
        if candidate in NEVER_MATCH:
            continue
        for name in caution.names:
            if _close(candidate, name):
                return name
        for suffix in caution.suffixes:
            if len(candidate) >= FUZZY_MIN_LENGTH and candidate.endswith(suffix):
                return candidate
    return None


def cautions_for(medicine_name: str) -> list[MedicineCaution]:
    """Return the caution classes a logged medicine name belongs to; empty when none."""
    return list(_cautions(medicine_name))


# The same few names recur in every entry of a diary, and fuzzy matching each against every
# class costs most of an entry listing's time (docs/performance.md); the answer only depends
# on the name, so it is kept for the names seen most recently.
@lru_cache(maxsize=4096)
def _cautions(medicine_name: str) -> tuple[MedicineCaution, ...]:
    words = _words(medicine_name)
    found = []
    for caution in CAUTION_CLASSES:
        matched = _match_class(caution, words)
        if matched is not None:
            found.append(
                MedicineCaution(
                    class_id=caution.id,
                    class_label=caution.label,
                    matched_name=matched,
                    warning=caution.warning,
                    source=caution.source,
                )
            )
    return tuple(found)


def is_amifampridine(medicine_name: str) -> bool:
    """Return True when a logged medicine name is amifampridine under any of its names."""
    words = _words(medicine_name)
    if any(word in NOT_AMIFAMPRIDINE for word in words):
        return False
    if AMIFAMPRIDINE_PATTERN.search(medicine_name.lower()):
        return True
    return any(
        _close(candidate, name) for candidate in _candidates(words) for name in AMIFAMPRIDINE_NAMES
    )


def check_amifampridine_day(
    doses: Iterable[LoggedDose],
    *,
    max_daily_mg: float = AMIFAMPRIDINE_MAX_DAILY_MG,
    max_single_dose_mg: float = AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG,
) -> list[DoseFinding]:
    """Return prompt findings when a day's amifampridine exceeds the label maximum; else empty."""
    amounts: list[float] = []
    without_amount = 0
    for dose in doses:
        if not is_amifampridine(dose.name):
            continue
        if dose.dose_mg is None:
            without_amount += 1
        else:
            amounts.append(dose.dose_mg)
    findings = []
    total = sum(amounts)
    if total > max_daily_mg:
        findings.append(
            DoseFinding(
                rule="amifampridine_daily_maximum",
                amount_mg=total,
                limit_mg=max_daily_mg,
                doses_without_amount=without_amount,
                message=(
                    f"Amifampridine logged today adds up to {total:g} mg, above the label's "
                    f"maximum of {max_daily_mg:g} mg a day. Please check the dose with your "
                    "doctor soon; a higher dose raises the risk of seizures."
                ),
            )
        )
    largest = max(amounts, default=0.0)
    if largest > max_single_dose_mg:
        findings.append(
            DoseFinding(
                rule="amifampridine_single_dose_maximum",
                amount_mg=largest,
                limit_mg=max_single_dose_mg,
                doses_without_amount=without_amount,
                message=(
                    f"A single amifampridine dose of {largest:g} mg was logged, above the label's "
                    f"maximum of {max_single_dose_mg:g} mg at a time. Please check the dose with "
                    "your doctor soon."
                ),
            )
        )
    return findings
