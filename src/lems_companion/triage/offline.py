"""The pocket triage a phone runs on an entry it cannot send yet: emergency words and advice.

An entry saved without a connection waits on the phone until it can be sent, and only then gets
the full triage (``triage_entry``). Spec section 1 forbids delaying an emergency alert, so the
page checks a queued entry at once against this short list and shows "This may need urgent care
now" when a word or an answer matches. The check is deliberately crude: it has no negation,
other-person or past-tense rules, so it errs towards alerting ("when in doubt, flag", spec
section 3); the full triage runs again the moment the entry is sent and its alert replaces this
one. docs/clinical-safety.md (H13) records the hazard and the choice.

The flags, their titles and their advice come from ``triage.flags`` and the red-flag symptoms
from the catalogue; only the words are listed here. Words are matched at the start of a word,
case and accents ignored, in English, Spanish, French and German.
"""

from __future__ import annotations

from typing import Any

from lems_companion import catalogue
from lems_companion.triage import flags as flag_defs

# Bumped whenever the words change, so a phone can tell an old cached list from a new one.
WORDS_VERSION = 1

# Word beginnings per emergency flag (spec section 3, table "Red flags", column "counts"), with
# everyday phrasing and a few misspellings. Accents are left out: the page strips them first.
EMERGENCY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "dysphagia": {
        "en": (
            "swallow",
            "swalow",
            "swolow",
            "swollow",
            "dysphag",
            "stuck in my throat",
            "stuck in the throat",
            "food stuck",
            "food sticking",
            "tablets stuck",
            "pills stuck",
            "through my nose",
            "wrong way",
        ),
        "es": ("tragar", "trague", "disfagia", "se me atasc", "atascad"),
        "fr": ("avaler", "avale", "deglut", "dysphagi", "fausse route", "fausses routes"),
        "de": ("schluck", "dysphagi", "bleibt im hals", "steckt im hals"),
    },
    "choking": {
        "en": ("chok", "choak", "chock", "splutter", "sputter", "coughed on", "coughing on"),
        "es": ("atragant", "ahog"),
        "fr": ("etouff", "etrangl"),
        "de": ("verschluck", "erstick"),
    },
    "dyspnea": {
        "en": (
            "breathless",
            "short of breath",
            "shortness of breath",
            "out of breath",
            "can't breathe",
            "cant breathe",
            "cannot breathe",
            "can not breathe",
            "catch my breath",
            "struggling to breathe",
            "hard to breathe",
            "gasping",
            "dyspn",
            "blue lips",
            "lips blue",
            "lips went blue",
            "lips turned blue",
            "lips grey",
            "too weak to cough",
        ),
        "es": ("falta de aire", "me falta el aire", "sin aliento", "no puedo respirar", "disnea"),
        "fr": (
            "essouffl",
            "souffle court",
            "manque d'air",
            "peux pas respirer",
            "mal a respirer",
            "dyspn",
        ),
        "de": ("atemnot", "kurzatmig", "luftnot", "keine luft", "kann nicht atmen", "dyspno"),
    },
    "stroke_signs": {
        "en": ("stroke", "face droop", "face is drooping", "face drooping", "one side of my face"),
        "es": ("ictus", "derrame cerebral", "cara caida"),
        "fr": ("avc", "accident vasculaire", "visage paralys"),
        "de": ("schlaganfall", "gesicht hangt"),
    },
    "severe_chest_pain": {
        "en": ("chest pain", "crushing", "heart attack", "pain in my chest", "tight chest"),
        "es": ("dolor en el pecho", "dolor de pecho", "infarto"),
        "fr": (
            "douleur thoracique",
            "douleur dans la poitrine",
            "mal a la poitrine",
            "crise cardiaque",
        ),
        "de": ("brustschmerz", "schmerzen in der brust", "herzinfarkt"),
    },
    "seizure": {
        "en": ("seizure", "had a fit", "convuls", "blacked out", "epilep"),
        "es": ("convulsi", "epilep"),
        "fr": ("convulsi", "epilep"),
        "de": ("krampfanfall", "epilep", "anfall"),
    },
}
LANGUAGES = ("en", "es", "fr", "de")


def emergency_flags() -> list[flag_defs.Flag]:
    """Return the emergency-level red flags, in the order triage.flags defines them."""
    return [flag for flag in flag_defs.FLAGS if flag.level == "emergency"]


def emergency_symptoms() -> dict[str, str]:
    """Return the catalogue symptoms whose answer can raise an emergency flag, with that flag."""
    levels = {flag.id: flag.level for flag in flag_defs.FLAGS}
    return {
        symptom.id: symptom.red_flag
        for symptom in catalogue.red_flag_symptoms().values()
        if symptom.red_flag and levels.get(symptom.red_flag) == "emergency"
    }


def pocket_rules(*, emergency_number: str) -> dict[str, Any]:
    """Return what the phone needs to alert on a queued entry: words, symptoms and advice."""
    return {
        "version": WORDS_VERSION,
        "emergency_number": emergency_number,
        "headline": f"This may need urgent care now: call {emergency_number}",
        "advice": flag_defs.level_advice("emergency", emergency_number=emergency_number),
        "recheck": (
            "This entry has not been sent yet. It is checked again in full as soon as it is sent."
        ),
        # Any answer above "none" counts on the phone: it cannot see the previous entry, which
        # the full rule compares with (structured.symptom_flags), so it takes the safer reading.
        "symptoms": emergency_symptoms(),
        "flags": [
            {
                "id": flag.id,
                "title": flag.title,
                "advice": flag_defs.advice_for(flag.id, emergency_number=emergency_number),
                "words": sorted(
                    {word for lang in LANGUAGES for word in EMERGENCY_WORDS[flag.id][lang]}
                ),
            }
            for flag in emergency_flags()
        ],
    }
