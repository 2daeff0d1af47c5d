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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, SkipValidation

from lems_companion.i18n import N_, Said, Sentences, gettext_in, said_in

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
# Ends most warnings; translated apart from the class's own sentences (``caution_warning``).
_ASK = N_(
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
        label=N_("Neuromuscular blocking agents (muscle relaxants used in anaesthesia)"),
        names=_names(
            "rocuronium vecuronium pancuronium atracurium cisatracurium mivacurium "
            "succinylcholine suxamethonium zemuron esmeron nimbex tracrium anectine quelicin "
            "scoline"
        ),
        suffixes=("curonium", "curium"),
        phrases=("neuromuscular blocker", "neuromuscular blocking agent"),
        warning=N_(
            "Muscle relaxants used during anaesthesia block the muscle's response to "
            "acetylcholine, the messenger that LEMS already leaves in short supply, so they can "
            "have a stronger and longer effect in LEMS. Tell the anaesthetist and surgeon that "
            "you have LEMS before any operation."
        )
        + " "
        + _ASK,
    ),
    CautionClass(
        id="aminoglycosides",
        label=N_("Aminoglycoside antibiotics"),
        names=_names(
            "gentamicin tobramycin amikacin neomycin streptomycin kanamycin netilmicin "
            "plazomicin paromomycin garamycin tobi tobrex tobradex nebcin bethkis amikin "
            "arikayce zemdri humatin"
        ),
        warning=N_(
            "Aminoglycoside antibiotics can reduce the release of acetylcholine where nerve "
            "meets muscle and so make LEMS weakness worse."
        )
        + " "
        + _ASK,
    ),
    CautionClass(
        id="fluoroquinolones",
        label=N_("Fluoroquinolone antibiotics"),
        names=_names(
            "ciprofloxacin levofloxacin moxifloxacin ofloxacin norfloxacin delafloxacin "
            "gemifloxacin gatifloxacin cipro ciproxin ciloxan cetraxal levaquin tavanic "
            "avelox vigamox floxin ocuflox noroxin baxdela factive zymar"
        ),
        suffixes=("floxacin", "floxacine"),
        warning=N_("Fluoroquinolone antibiotics can make LEMS weakness worse.") + " " + _ASK,
    ),
    CautionClass(
        id="macrolides",
        label=N_("Macrolide antibiotics"),
        names=_names(
            "azithromycin clarithromycin erythromycin roxithromycin telithromycin zithromax "
            "zmax zpak zpack azasite biaxin klacid klaricid erythrocin erymax erytab emycin "
            "ketek"
        ),
        suffixes=("thromycin",),
        warning=N_("Macrolide antibiotics can make LEMS weakness worse.") + " " + _ASK,
    ),
    CautionClass(
        id="beta_blockers",
        label=N_("Beta-blockers (including eye drops such as timolol)"),
        names=_names(
            "metoprolol atenolol propranolol bisoprolol carvedilol nebivolol labetalol "
            "nadolol sotalol timolol esmolol acebutolol pindolol betaxolol celiprolol "
            "oxprenolol lopressor toprol betaloc tenormin inderal concor zebeta cardicor "
            "coreg bystolic nebilet trandate corgard betapace timoptic timoptol brevibloc "
            "sectral betoptic"
        ),
        suffixes=("olol", "alol", "ilol"),
        phrases=("beta blocker",),
        warning=N_("Beta-blockers, including eye drops for glaucoma, can make LEMS weakness worse.")
        + " "
        + _ASK,
    ),
    CautionClass(
        id="quinine_quinidine_procainamide",
        label=N_("Quinine, quinidine and procainamide"),
        names=("quinine", "quinidine", "procainamide", "qualaquin", "pronestyl", "procanbid"),
        warning=N_(
            "Quinine (also used for leg cramps), quinidine and procainamide can make LEMS "
            "weakness worse."
        )
        + " "
        + _ASK,
    ),
    CautionClass(
        id="magnesium",
        label=N_("Magnesium (supplements, laxatives, antacids, infusions)"),
        names=("magnesium", "magnesia", "magox", "slowmag", "maalox", "epsom"),
        phrases=("milk of magnesia", "epsom salt", "epsom salts"),
        # Esomeprazole and similar are sold as magnesium salts; the magnesium in them is tiny.
        unless=("esomeprazole", "omeprazole", "pantoprazole", "stearate"),
        warning=N_(
            "Magnesium reduces the calcium-driven release of acetylcholine from nerve endings, "
            "the step LEMS already weakens, so it can make LEMS weakness worse, especially when "
            "given into a vein. Check "
            "with the prescriber or pharmacist before taking magnesium supplements, laxatives or "
            "antacids."
        )
        + " "
        + _ASK,
    ),
    CautionClass(
        id="iodinated_contrast",
        label=N_("Iodinated contrast (the dye used for CT scans and X-rays)"),
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
        # A caution never tells anyone to skip a needed test (clinical spec section 6): the
        # screening CT for a lung tumour must not wait because of the dye.
        warning=N_(
            "Iodinated contrast dye can make LEMS weakness worse for a short time. Never skip or "
            "delay a scan you need because of it, least of all the chest CT that looks for a "
            "lung tumour: tell the scanning team and the prescriber that you have LEMS, so they "
            "can watch you during and after the scan."
        ),
    ),
    CautionClass(
        id="lithium",
        label=N_("Lithium"),
        names=("lithium", "priadel", "camcolit", "liskonum", "lithobid", "eskalith"),
        warning=N_("Lithium can make LEMS weakness worse.") + " " + _ASK,
    ),
    CautionClass(
        id="calcium_channel_blockers",
        label=N_("Calcium-channel blockers"),
        names=_names(
            "amlodipine nifedipine felodipine nicardipine nimodipine isradipine lercanidipine "
            "lacidipine nisoldipine clevidipine diltiazem verapamil norvasc istin adalat "
            "procardia plendil cardene nimotop zanidip cardizem tiazac calan isoptin securon"
        ),
        suffixes=("dipine",),
        phrases=("calcium channel blocker",),
        # Not "the same channel": LEMS antibodies target P/Q-type channels on nerve endings;
        # these medicines act mainly on L-type channels in the heart and blood vessels (clinical
        # spec section 6).
        warning=N_(
            "LEMS antibodies attack the P/Q-type calcium channels on nerve endings. Heart and "
            "blood-pressure calcium-channel blockers act mainly on a different type (L-type "
            "channels in the heart and blood vessels), but they may still add to LEMS weakness."
        )
        + " "
        + _ASK,
    ),
    CautionClass(
        id="immune_checkpoint_inhibitors",
        label=N_("Immune checkpoint inhibitors (cancer immunotherapy)"),
        names=_names(
            "pembrolizumab nivolumab ipilimumab atezolizumab durvalumab avelumab cemiplimab "
            "dostarlimab tremelimumab relatlimab tislelizumab toripalimab retifanlimab "
            "keytruda opdivo yervoy tecentriq imfinzi bavencio libtayo jemperli imjudo "
            "opdualag tevimbra loqtorzi zynyz"
        ),
        phrases=("checkpoint inhibitor",),
        warning=N_(
            "Checkpoint-inhibitor immunotherapy can trigger or worsen autoimmune nerve and "
            "muscle problems, including LEMS. Make sure the cancer team knows you have LEMS."
        )
        + " "
        + _ASK,
    ),
    CautionClass(
        id="botulinum_toxin",
        label=N_("Botulinum toxin (Botox and similar injections, cosmetic ones included)"),
        names=_names(
            "botox botulinum onabotulinumtoxina abobotulinumtoxina incobotulinumtoxina "
            "prabotulinumtoxina daxibotulinumtoxina letibotulinumtoxina rimabotulinumtoxinb "
            "dysport azzalure xeomin bocouture jeuveau nuceiva daxxify letybo myobloc neurobloc "
            "vistabel"
        ),
        # "onabotulinumtoxin A", "abobotulinumtoxin-A" and spellings not listed above.
        suffixes=("botulinumtoxin", "botulinumtoxina", "botulinumtoxinb"),
        phrases=(
            "botulinum toxin",
            "anti wrinkle injection",
            "anti wrinkle injections",
            "antiwrinkle injection",
            "antiwrinkle injections",
            "wrinkle injection",
            "wrinkle injections",
        ),
        warning=N_(
            "Botulinum toxin, including cosmetic anti-wrinkle injections, stops nerve endings "
            "from releasing acetylcholine, the messenger that makes a muscle contract. LEMS "
            "already reduces that release, so the toxin can add to the weakness, also away from "
            "where it was injected. Its US label names Lambert-Eaton syndrome and warns of "
            "severe swallowing and breathing problems in people with such conditions. Tell the "
            "prescriber and whoever gives the injection that you have LEMS before any treatment, "
            "and get urgent care for trouble swallowing or breathing afterwards."
        ),
        source=(
            "BOTOX (onabotulinumtoxinA) US prescribing information, Warnings and Precautions: "
            "pre-existing neuromuscular disorders; clinical specification section 6"
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

# Maximum doses depend on where the medicine is licensed (clinical spec section 6), so the check
# follows the patient's region, and an unknown region uses the lowest maximum.
LicenceRegion = Literal["eu_uk", "ch", "us", "unknown"]
LICENCE_REGIONS: tuple[LicenceRegion, ...] = ("eu_uk", "ch", "us", "unknown")

# EU/UK Firdapse summary of product characteristics (SmPC), section 4.2: at most 60 mg a day and
# no single dose above 20 mg. The EU/UK licence covers adults only.
EU_UK_MAX_DAILY_MG = 60.0
EU_UK_MAX_SINGLE_DOSE_MG = 20.0
EU_UK_SOURCE = "Firdapse (amifampridine) EU/UK summary of product characteristics, section 4.2"

# Swiss Firdapse product information: 60 mg a day; up to 80 mg a day only in individual cases
# under ECG monitoring (clinical spec section 6). The app warns above 60 mg and says the
# exception needs ECG monitoring. The single-dose limit follows the EU SmPC (20 mg).
CH_MAX_DAILY_MG = 60.0
CH_MAX_DAILY_MG_WITH_ECG = 80.0
CH_MAX_SINGLE_DOSE_MG = 20.0
CH_SOURCE = (
    "Firdapse (amifampridine) Swiss product information, dosage: 60 mg a day, up to 80 mg in "
    "individual cases under ECG monitoring"
)

# FIRDAPSE US prescribing information, section 2.1, revised 5/2024: adults and children
# weighing 45 kg or more, at most 20 mg at a time and 100 mg a day; children under 45 kg, at
# most 10 mg at a time and 50 mg a day. (Labels before May 2024 gave 80 mg a day for adults.)
US_MAX_DAILY_MG = 100.0
US_MAX_SINGLE_DOSE_MG = 20.0
US_MAX_DAILY_MG_UNDER_45_KG = 50.0
US_MAX_SINGLE_DOSE_MG_UNDER_45_KG = 10.0
US_LOW_WEIGHT_KG = 45.0  # the label's weight band: "under 45 kg" has the lower limits
US_SOURCE = "FIRDAPSE (amifampridine) US prescribing information, section 2.1 (revised 5/2024)"

# Kept for callers that show one maximum without knowing the region: the unknown region's
# (lowest) limits, i.e. the EU/UK licence's.
AMIFAMPRIDINE_MAX_DAILY_MG = EU_UK_MAX_DAILY_MG
AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG = EU_UK_MAX_SINGLE_DOSE_MG
AMIFAMPRIDINE_LABEL_SOURCE = (
    f"{EU_UK_SOURCE}: the lowest maximum of the licences the app knows, used when the region "
    "is unknown"
)
# Compatibility names for the US child limits (they were defined but never applied before).
AMIFAMPRIDINE_MAX_DAILY_MG_UNDER_45_KG = US_MAX_DAILY_MG_UNDER_45_KG
AMIFAMPRIDINE_MAX_SINGLE_DOSE_MG_UNDER_45_KG = US_MAX_SINGLE_DOSE_MG_UNDER_45_KG

# How each licence's maximum is named inside a sentence ("above the EU/UK licence's maximum of
# 60 mg a day"): translated with the messages that name it, so a translation words them to fit.
LICENCE_MAXIMA: dict[str, Said] = {
    "eu_uk": Said(N_("the EU/UK licence's maximum")),
    "ch": Said(N_("the Swiss licence's maximum")),
    "us": Said(N_("the US label's maximum")),
    "us_under_45_kg": Said(N_("the US label's maximum for children under 45 kg")),
}
# What else the patient should know about the limits (the Swiss ECG exception; an unknown
# region's lowest maximum).
CH_ECG_NOTE = Said(
    N_(
        "Up to %(mg)s mg a day is allowed only in individual cases and needs ECG (heart tracing) "
        "monitoring."
    ),
    mg=CH_MAX_DAILY_MG_WITH_ECG,
)
UNKNOWN_REGION_NOTE = Said(
    N_(
        "Your country is not set in your profile, so the app uses the lowest maximum that "
        "applies; set it to use your own licence's limit."
    )
)

# ISO 3166-1 alpha-2 codes of the EU and EEA member states, whose licence is the EU one, plus
# the UK ("GB"; "UK" and Greece's EU code "EL" are accepted as people type them).
EU_EEA_UK_COUNTRIES: frozenset[str] = frozenset(
    _names(
        "AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
        "IS LI NO GB UK"
    )
)


@dataclass(frozen=True, slots=True)
class AmifampridineLimits:
    """The amifampridine maxima that apply to one patient, and the licence they come from."""

    region: LicenceRegion
    licence: str  # names the limit in messages: "the EU/UK licence's maximum" (LICENCE_MAXIMA)
    max_daily_mg: float
    max_single_dose_mg: float
    source: str
    note: str = ""  # what the patient should also know about these limits
    daily_note: str = ""  # what they should also know about the daily limit only


def licence_region(country_code: str | None) -> LicenceRegion:
    """Return the amifampridine licence region for an ISO 3166-1 alpha-2 country code.

    EU/EEA countries and the UK give "eu_uk", "US" gives "us", "CH" gives "ch"; any other code,
    or None, gives "unknown" (whose check uses the lowest maximum).
    """
    code = (country_code or "").strip().upper()
    if code in EU_EEA_UK_COUNTRIES:
        return "eu_uk"
    if code == "US":
        return "us"
    if code == "CH":
        return "ch"
    return "unknown"


def amifampridine_limits(
    region: str = "unknown", *, weight_kg: float | None = None
) -> AmifampridineLimits:
    """Return the amifampridine maxima for a licence region and, if known, a body weight.

    A region not in ``LICENCE_REGIONS`` counts as "unknown". The US children's limits apply only
    when the weight is known to be under 45 kg. For an unknown region the lowest maximum that
    the known facts allow is used: the US under-45 kg limits when the weight is known to be
    under 45 kg, otherwise the EU/UK licence's.
    """
    under_45_kg = weight_kg is not None and weight_kg < US_LOW_WEIGHT_KG
    us_child = AmifampridineLimits(
        region="us",
        licence=LICENCE_MAXIMA["us_under_45_kg"],
        max_daily_mg=US_MAX_DAILY_MG_UNDER_45_KG,
        max_single_dose_mg=US_MAX_SINGLE_DOSE_MG_UNDER_45_KG,
        source=US_SOURCE,
    )
    if region == "us":
        if under_45_kg:
            return us_child
        return AmifampridineLimits(
            region="us",
            licence=LICENCE_MAXIMA["us"],
            max_daily_mg=US_MAX_DAILY_MG,
            max_single_dose_mg=US_MAX_SINGLE_DOSE_MG,
            source=US_SOURCE,
        )
    if region == "ch":
        return AmifampridineLimits(
            region="ch",
            licence=LICENCE_MAXIMA["ch"],
            max_daily_mg=CH_MAX_DAILY_MG,
            max_single_dose_mg=CH_MAX_SINGLE_DOSE_MG,
            source=CH_SOURCE,
            daily_note=CH_ECG_NOTE,
        )
    if region == "eu_uk":
        return AmifampridineLimits(
            region="eu_uk",
            licence=LICENCE_MAXIMA["eu_uk"],
            max_daily_mg=EU_UK_MAX_DAILY_MG,
            max_single_dose_mg=EU_UK_MAX_SINGLE_DOSE_MG,
            source=EU_UK_SOURCE,
        )
    unknown_note = UNKNOWN_REGION_NOTE
    if under_45_kg:
        return AmifampridineLimits(
            region="unknown",
            licence=us_child.licence,
            max_daily_mg=us_child.max_daily_mg,
            max_single_dose_mg=us_child.max_single_dose_mg,
            source=US_SOURCE,
            note=unknown_note,
        )
    return AmifampridineLimits(
        region="unknown",
        licence=LICENCE_MAXIMA["eu_uk"],
        max_daily_mg=EU_UK_MAX_DAILY_MG,
        max_single_dose_mg=EU_UK_MAX_SINGLE_DOSE_MG,
        source=EU_UK_SOURCE,
        note=unknown_note,
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


DoseRule = Literal["amifampridine_daily_maximum", "amifampridine_single_dose_maximum"]


class DoseFinding(BaseModel):
    """An amifampridine dose above the licence's maximum on one day, naming the licence.

    ``message`` and ``licence`` are ``i18n.Said``: English as text, in the reader's language on
    a page (the ``translated`` filter), numbers as the language writes them.
    """

    model_config = ConfigDict(frozen=True)

    level: Literal["prompt"] = "prompt"
    rule: DoseRule
    amount_mg: float
    limit_mg: float
    doses_without_amount: int
    # Not validated: validation would turn a Said into plain text and lose its translations.
    message: SkipValidation[str]
    region: LicenceRegion = "unknown"
    licence: SkipValidation[str] = ""
    source: str = AMIFAMPRIDINE_LABEL_SOURCE


# What a finding says (check_amifampridine_day), then what to do.
_DOSE_MESSAGES: dict[str, str] = {
    "amifampridine_daily_maximum": N_(
        "Amifampridine logged today adds up to %(amount)s mg, above %(licence)s of %(limit)s mg "
        "a day."
    ),
    "amifampridine_single_dose_maximum": N_(
        "A single amifampridine dose of %(amount)s mg was logged, above %(licence)s of "
        "%(limit)s mg at a time."
    ),
}
_DOSE_ADVICE: dict[str, str] = {
    "amifampridine_daily_maximum": N_(
        "Please check the dose with your doctor soon; a higher dose raises the risk of seizures."
    ),
    "amifampridine_single_dose_maximum": N_("Please check the dose with your doctor soon."),
}
# How a finding reads as the stored evidence of the amifampridine_dose red flag (English, kept
# with the flag; ``dose_evidence_in`` reads it back to say it in another language).
_DOSE_EVIDENCE: dict[str, str] = {
    "amifampridine_daily_maximum": N_(
        "amifampridine %(amount)s mg logged that day, above %(licence)s of %(limit)s mg"
    ),
    "amifampridine_single_dose_maximum": N_(
        "amifampridine %(amount)s mg in one dose, above %(licence)s of %(limit)s mg"
    ),
}
# Why the red flag was raised, before the flag's clinical basis (triage.structured).
DOSE_REASON = N_("amifampridine above the label maximum")


def _dose_message(rule: str, amount: float, limit: float, limits: AmifampridineLimits) -> Said:
    """Return what a finding says: the amount, the licence's limit, the notes, the advice."""
    found = Said(_DOSE_MESSAGES[rule], amount=amount, licence=limits.licence, limit=limit)
    notes = [limits.daily_note] if rule == "amifampridine_daily_maximum" else []
    notes.append(limits.note)
    said = [note if isinstance(note, Said) else Said(note) for note in notes if note]
    return Sentences(found, *said, Said(_DOSE_ADVICE[rule]))


def dose_evidence(findings: Iterable[DoseFinding]) -> str:
    """Return how the findings read as the red flag's evidence (English, as stored)."""
    return "; ".join(
        Said(
            _DOSE_EVIDENCE[item.rule],
            amount=item.amount_mg,
            licence=item.licence,
            limit=item.limit_mg,
        )
        for item in findings
    )


# What each placeholder of a stored evidence can hold: an amount as English writes it ("67.5",
# "1,200"), or a licence's name.
_EVIDENCE_VALUES = {
    "amount": r"\d[\d,]*(?:\.\d+)?",
    "limit": r"\d[\d,]*(?:\.\d+)?",
    "licence": ".+?",
}


def _evidence_pattern(message: str) -> re.Pattern[str]:
    """Return a pattern that reads a stored English evidence back into its values."""
    pattern = re.escape(message)
    for name, value in _EVIDENCE_VALUES.items():
        pattern = pattern.replace(re.escape(f"%({name})s"), f"(?P<{name}>{value})")
    return re.compile(f"^{pattern}$")


_EVIDENCE_PATTERNS = {rule: _evidence_pattern(text) for rule, text in _DOSE_EVIDENCE.items()}
_LICENCE_BY_TEXT = {str(said): said for said in LICENCE_MAXIMA.values()}


def dose_evidence_in(evidence: str, language: str) -> str:
    """Return a stored amifampridine_dose evidence in the language, its numbers as the language
    writes them; the evidence unchanged when it is not in the form ``dose_evidence`` writes."""
    said: list[str] = []
    for part in evidence.split("; "):
        for rule, pattern in _EVIDENCE_PATTERNS.items():
            found = pattern.match(part)
            licence = _LICENCE_BY_TEXT.get(found["licence"]) if found else None
            if found and licence is not None:
                amount, limit = (float(found[key].replace(",", "")) for key in ("amount", "limit"))
                text = Said(_DOSE_EVIDENCE[rule], amount=amount, licence=licence, limit=limit)
                said.append(said_in(text, language))
                break
        else:
            return evidence
    return "; ".join(said)


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


# Asked for every medicine of every entry stored (triage) and shown; like the cautions, the answer
# only depends on the name, which recurs, and working it out costs ~50 µs.
@lru_cache(maxsize=4096)
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
    region: str = "unknown",
    weight_kg: float | None = None,
) -> list[DoseFinding]:
    """Return prompt findings when a day's amifampridine exceeds the licence maximum; else empty.

    ``region`` is a licence region (``licence_region`` turns a country code into one); the
    default "unknown" uses the lowest maximum. ``weight_kg`` applies the US children's limits
    when it is under 45 kg.
    """
    limits = amifampridine_limits(region, weight_kg=weight_kg)
    amounts: list[float] = []
    without_amount = 0
    for dose in doses:
        if not is_amifampridine(dose.name):
            continue
        if dose.dose_mg is None:
            without_amount += 1
        else:
            amounts.append(dose.dose_mg)
    total, largest = sum(amounts), max(amounts, default=0.0)

    def finding(rule: DoseRule, amount: float, limit: float) -> DoseFinding:
        return DoseFinding(
            rule=rule,
            amount_mg=amount,
            limit_mg=limit,
            doses_without_amount=without_amount,
            region=limits.region,
            licence=limits.licence,
            source=limits.source,
            message=_dose_message(rule, amount, limit, limits),
        )

    findings = []
    if total > limits.max_daily_mg:
        findings.append(finding("amifampridine_daily_maximum", total, limits.max_daily_mg))
    if largest > limits.max_single_dose_mg:
        findings.append(
            finding("amifampridine_single_dose_maximum", largest, limits.max_single_dose_mg)
        )
    return findings


# --- Amifampridine contraindications (EU/UK) -------------------------------------------------

CONTRAINDICATION_SOURCE = (
    "Firdapse (amifampridine) EU/UK summary of product characteristics, section 4.3 "
    "(contraindications)"
)
QT_LIST_SOURCE = (
    "CredibleMeds QTdrugs list, 'known risk of torsades de pointes' category (a short, checked "
    "selection of common medicines, not the whole list)"
)

# Medicines that prolong the QT interval: a short selection of common ones from CredibleMeds'
# "known risk of torsades de pointes" category, with common US, UK and EU brand names. Quinine
# is left out: it is not in that category (it is already cautioned for weakness above). Eye and
# ear drops of the antibiotics are not listed: they do not reach the heart in amounts that
# matter, and their brands are left out so they do not match.
QT_PROLONGING_MEDICINES = CautionClass(
    id="qt_prolonging",
    label=N_("Medicines that prolong the QT interval"),
    names=_names(
        "amiodarone cordarone pacerone nexterone sotalol betapace sotacor haloperidol haldol "
        "methadone methadose physeptone citalopram celexa cipramil escitalopram lexapro "
        "cipralex ondansetron zofran domperidone motilium erythromycin erythrocin erymax "
        "clarithromycin biaxin klacid klaricid azithromycin zithromax zmax zpak zpack "
        "moxifloxacin avelox levofloxacin levaquin tavanic ciprofloxacin cipro ciproxin "
        "hydroxychloroquine plaquenil chloroquine quinidine"
    ),
    warning="",
    source=QT_LIST_SOURCE,
)

ContraindicationId = Literal[
    "epilepsy", "uncontrolled_asthma", "congenital_long_qt", "qt_prolonging_medicine"
]


@dataclass(frozen=True, slots=True)
class _Condition:
    id: ContraindicationId
    label: str
    phrases: tuple[str, ...]  # whole words or word runs, after ``_words``
    message: str


# Conditions as people write them in a profile or note. Asthma matches whether or not the text
# says "uncontrolled": whether it is controlled is for the prescriber to judge, so the notice
# asks rather than stays silent.
_CONDITIONS: tuple[_Condition, ...] = (
    _Condition(
        id="epilepsy",
        label=N_("Epilepsy"),
        phrases=("epilepsy", "epileptic", "seizure disorder", "epilepsie", "epilepsia"),
        message=N_(
            "The EU/UK licence says amifampridine must not be used by people with epilepsy, "
            "because it can cause seizures."
        ),
    ),
    _Condition(
        id="uncontrolled_asthma",
        label=N_("Uncontrolled asthma"),
        phrases=("asthma", "asthmatic"),
        message=N_(
            "The EU/UK licence says amifampridine must not be used with asthma that is not "
            "under control. Ask the prescriber whether your asthma counts as controlled."
        ),
    ),
    _Condition(
        id="congenital_long_qt",
        label=N_("Congenital long-QT syndrome"),
        phrases=(
            "long qt",
            "longqt",
            "lqts",
            "romano ward",
            "jervell",
        ),
        message=N_(
            "The EU/UK licence says amifampridine must not be used by people born with a long-QT "
            "syndrome, a heart-rhythm condition."
        ),
    ),
)
_NEGATIONS = frozenset({"no", "not", "without", "never", "denies", "nil"})
# How many words before a condition a negation still governs ("no history of epilepsy"). It
# never reaches past a clause: "no asthma, but epilepsy" still finds epilepsy.
_NEGATION_REACH = 3
_CLAUSE_BREAK = re.compile(r"[,;.!?()\n/]|\bbut\b|\bhowever\b", re.IGNORECASE)
# An answer straight after the condition negates it too: "asthma: none", "epilepsy - no".
_NEGATING_ANSWERS = frozenset({"no", "none", "nil", "negative"})


class Contraindication(BaseModel):
    """An EU/UK contraindication of amifampridine found alongside it: what, why, the source."""

    model_config = ConfigDict(frozen=True)

    id: ContraindicationId
    label: str
    matched: str  # the medicine as logged, or the condition's words as written
    message: str
    source: str = CONTRAINDICATION_SOURCE


_CONTRAINDICATION_ADVICE = N_(
    "Do not stop or change any medicine on your own: tell the prescriber of amifampridine "
    "soon, so they can check."
)
_QT_MESSAGE = N_(
    "%(name)s can prolong the QT interval (a measure of the heart's rhythm). The EU/UK licence "
    "says amifampridine must not be taken together with such medicines."
)


def _same(text: str) -> str:
    return text


def caution_warning(warning: str, gettext: Callable[[str], str] = _same) -> str:
    """Return a caution class's warning through ``gettext`` (a language's catalogue): the class's
    own sentences and the closing advice are catalogued apart, as the classes join them."""
    ask = " " + _ASK
    if warning.endswith(ask) and warning != ask:
        return gettext(warning.removesuffix(ask)) + " " + gettext(_ASK)
    return gettext(warning)


def contraindication_message(item: Contraindication, gettext: Callable[[str], str] = _same) -> str:
    """Return a contraindication's message through ``gettext`` (English by default): why it
    matters, then what to do. The QT one names the medicine as logged."""
    if item.id == "qt_prolonging_medicine":
        why = gettext(_QT_MESSAGE) % {"name": item.matched}
    else:
        why = gettext(next(c.message for c in _CONDITIONS if c.id == item.id))
    return why + " " + gettext(_CONTRAINDICATION_ADVICE)


# The medicine texts pages and documents word in their reader's language, each by the template
# filter that shows it (i18n.documents.install): ``{{ caution.warning | caution_warning }}``.
WORDINGS: dict[str, Callable[[Any, str], str]] = {
    "caution_warning": lambda warning, language: caution_warning(
        warning, gettext_in(language).gettext
    ),
    "contraindication_message": lambda item, language: contraindication_message(
        item, gettext_in(language).gettext
    ),
}


def _mentions(clauses: list[list[str]], phrase: str) -> bool:
    """Return True when a clause contains the phrase with no negation just before it."""
    target = phrase.split()
    for words in clauses:
        for start in range(len(words) - len(target) + 1):
            if words[start : start + len(target)] != target:
                continue
            before = words[max(0, start - _NEGATION_REACH) : start]
            after = words[start + len(target) : start + len(target) + 1]
            if not any(word in _NEGATIONS for word in before) and not any(
                word in _NEGATING_ANSWERS for word in after
            ):
                return True
    return False


def prolongs_qt(medicine_name: str) -> bool:
    """Return True when a logged medicine is on the app's short list of QT-prolonging ones."""
    return _match_class(QT_PROLONGING_MEDICINES, _words(medicine_name)) is not None


def amifampridine_contraindications(
    medicine_names: Iterable[str], *, conditions: str | None = None
) -> list[Contraindication]:
    """Return the EU/UK contraindications found with amifampridine this day; empty when none.

    Empty unless one of ``medicine_names`` is amifampridine. ``conditions`` is free text (a
    profile's conditions or a note): epilepsy, asthma and long-QT syndrome are looked for in it,
    and a plainly negated mention ("no epilepsy") does not count. Each QT-prolonging medicine
    logged gives its own finding.
    """
    names = list(medicine_names)
    if not any(is_amifampridine(name) for name in names):
        return []
    found: list[Contraindication] = []
    clauses = [_words(clause) for clause in _CLAUSE_BREAK.split(conditions or "")]
    for condition in _CONDITIONS:
        phrase = next((p for p in condition.phrases if _mentions(clauses, p)), None)
        if phrase is not None:
            found.append(
                Contraindication(
                    id=condition.id,
                    label=condition.label,
                    matched=phrase,
                    message=condition.message + " " + _CONTRAINDICATION_ADVICE,
                )
            )
    for name in names:
        if is_amifampridine(name) or not prolongs_qt(name):
            continue
        found.append(
            Contraindication(
                id="qt_prolonging_medicine",
                label=QT_PROLONGING_MEDICINES.label,
                matched=name,
                message=_QT_MESSAGE % {"name": name} + " " + _CONTRAINDICATION_ADVICE,
                source=f"{CONTRAINDICATION_SOURCE}; {QT_LIST_SOURCE}",
            )
        )
    return found


# --- Amifampridine's most common side effect -------------------------------------------------


@dataclass(frozen=True, slots=True)
class SideEffectNote:
    """A known side effect to explain to the patient, with its level and source."""

    level: Literal["routine"]
    text: str
    source: str


# Paraesthesia (tingling) is the most common adverse reaction in the FIRDAPSE US prescribing
# information (section 6.1). Routine, not a red flag (clinical spec section 6).
AMIFAMPRIDINE_TINGLING = SideEffectNote(
    level="routine",
    text=N_(
        "Tingling or pins and needles around the lips and in the fingers is the most common side "
        "effect of amifampridine. It is not a warning sign on its own: note it in your diary and "
        "mention it at your next appointment. A fit (seizure), or new trouble swallowing or "
        "breathing, is different: get urgent medical care."
    ),
    source="FIRDAPSE (amifampridine) US prescribing information, section 6.1 (adverse reactions)",
)


# Where the label's tingling is felt (clinical spec section 6: "around the lips and in the
# fingers"). Tingling elsewhere, in the feet for instance, is not explained away as the
# medicine: a sensory neuropathy can come with the same lung cancer as LEMS.
_TINGLING_PLACES = frozenset(
    _names("lip lips mouth perioral finger fingers fingertip fingertips hand hands")
)
_TINGLING_PHRASES = ("pins and needles",)


def _is_tingling_word(word: str) -> bool:
    return word.startswith("tingl") or word.startswith(("paraesthesi", "paresthesi"))


def mentions_amifampridine_tingling(note: str | None) -> bool:
    """Return True when a note mentions tingling of the lips, mouth, fingers or hands in one
    clause, not negated ("no tingling in my fingers" is not); False otherwise."""
    for clause in _CLAUSE_BREAK.split(note or ""):
        words = _words(clause)
        if not _TINGLING_PLACES.intersection(words):
            continue
        joined = f" {' '.join(words)} "
        starts = [i for i, word in enumerate(words) if _is_tingling_word(word)]
        for phrase in _TINGLING_PHRASES:
            if f" {phrase} " in joined:
                starts.append(words.index(phrase.split()[0]))
        for start in starts:
            if not any(w in _NEGATIONS for w in words[max(0, start - _NEGATION_REACH) : start]):
                return True
    return False
