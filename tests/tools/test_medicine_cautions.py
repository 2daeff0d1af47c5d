"""Medicine cautions from free-text diary names, and the amifampridine checks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from lems_companion.diary.schemas import Medication
from lems_companion.tools.medicines import (
    AMIFAMPRIDINE_MAX_DAILY_MG,
    AMIFAMPRIDINE_SEIZURE_RULE,
    CAUTION_CLASSES,
    cautions_for,
    check_amifampridine_day,
    is_amifampridine,
)


def classes(name: str) -> list[str]:
    return [caution.class_id for caution in cautions_for(name)]


@pytest.mark.parametrize(
    ("logged", "expected"),
    [
        ("Cipro", "fluoroquinolones"),
        ("ciprofloxacin 500mg", "fluoroquinolones"),
        ("cipro floxacin", "fluoroquinolones"),
        ("levofloxacine", "fluoroquinolones"),
        ("Levaquin", "fluoroquinolones"),
        ("Zithromax", "macrolides"),
        ("Z-Pak", "macrolides"),
        ("clarithromycin 250 mg bd", "macrolides"),
        ("metoprolol", "beta_blockers"),
        ("Metoprolol succinate ER 50mg", "beta_blockers"),
        ("timolol eye drops", "beta_blockers"),
        ("magnesium citrate", "magnesium"),
        ("Milk of Magnesia", "magnesium"),
        ("Mag-Ox 400", "magnesium"),
        ("pembrolizumab/Keytruda", "immune_checkpoint_inhibitors"),
        ("Imfinzi (durvalumab)", "immune_checkpoint_inhibitors"),
        ("gentamycin", "aminoglycosides"),
        ("Tobradex eye drops", "aminoglycosides"),
        ("rocuronium", "neuromuscular_blockers"),
        ("Suxamethonium", "neuromuscular_blockers"),
        ("quinine for cramps", "quinine_quinidine_procainamide"),
        ("procainamide", "quinine_quinidine_procainamide"),
        ("Omnipaque", "iodinated_contrast"),
        ("CT contrast dye", "iodinated_contrast"),
        ("Lithium carbonate", "lithium"),
        ("Priadel", "lithium"),
        ("amlodipin 5mg", "calcium_channel_blockers"),
        ("Diltiazem", "calcium_channel_blockers"),
        ("NORVASC", "calcium_channel_blockers"),
        ("Ciprofloxacín", "fluoroquinolones"),
    ],
)
def test_brand_names_generics_and_misspellings_raise_their_class(
    logged: str, expected: str
) -> None:
    assert classes(logged) == [expected]


@pytest.mark.parametrize(
    "logged",
    ["sitafloxacin", "pazufloxacin", "penbutolol", "landiolol", "benidipine", "cisatracurium"],
)
def test_class_members_missing_from_the_lists_are_caught_by_their_word_ending(
    logged: str,
) -> None:
    assert len(classes(logged)) == 1


@pytest.mark.parametrize(
    "logged",
    [
        "aspirin",
        "aspirin 75mg",
        "metformin",
        "vitamin D",
        "Vitamin D3 1000 IU",
        "paracetamol",
        "levothyroxine",
        "esomeprazole magnesium 40mg",
        "quinapril",
        "procaine",
        "amoxicillin",
        "diazepam",
        "gadolinium contrast",
        "calcium carbonate",
        "pyridostigmine (Mestinon)",
        "prednisolone",
        "",
        "   ",
        "500 mg",
    ],
)
def test_common_medicines_and_near_misses_raise_nothing(logged: str) -> None:
    assert classes(logged) == []


def test_metformin_does_not_match_metoprolol() -> None:
    assert "beta_blockers" not in classes("metformin 500mg")


def test_a_combination_raises_each_class_once() -> None:
    assert classes("amlodipine + atenolol + amlodipine") == [
        "beta_blockers",
        "calcium_channel_blockers",
    ]


def test_each_caution_suggests_asking_the_prescriber_and_names_a_source() -> None:
    for caution_class in CAUTION_CLASSES:
        assert "prescriber" in caution_class.warning
        assert caution_class.source


def test_every_class_from_the_spec_is_covered() -> None:
    assert [c.id for c in CAUTION_CLASSES] == [
        "neuromuscular_blockers",
        "aminoglycosides",
        "fluoroquinolones",
        "macrolides",
        "beta_blockers",
        "quinine_quinidine_procainamide",
        "magnesium",
        "iodinated_contrast",
        "lithium",
        "calcium_channel_blockers",
        "immune_checkpoint_inhibitors",
    ]


@pytest.mark.parametrize(
    "logged",
    [
        "amifampridine",
        "Amifampridine 10 mg",
        "amifampridin",
        "3,4-diaminopyridine",
        "3,4-DAP",
        "3 4 dap",
        "3,4 DAP 10mg",
        "34DAP",
        "3,4-Diaminopyridine phosphate",
        "Firdapse",
        "FIRDAPSE 10mg tablet",
        "Ruzurgi",
    ],
)
def test_amifampridine_is_recognised_under_all_its_names(logged: str) -> None:
    assert is_amifampridine(logged) is True


@pytest.mark.parametrize(
    "logged", ["fampridine", "Fampyra", "dalfampridine", "Ampyra", "4-aminopyridine", "Mestinon"]
)
def test_fampridine_for_multiple_sclerosis_is_not_amifampridine(logged: str) -> None:
    assert is_amifampridine(logged) is False


@dataclass
class Dose:
    name: str
    dose_mg: float | None


def test_a_day_within_the_label_maximum_raises_nothing() -> None:
    day = [Dose("Firdapse", 20.0)] * 5  # 100 mg in five doses of 20 mg
    assert check_amifampridine_day(day) == []


def test_a_day_above_the_label_maximum_raises_a_prompt() -> None:
    day = [Dose("Firdapse", 20.0)] * 5 + [Dose("3,4-DAP", 10.0)]
    findings = check_amifampridine_day(day)
    assert [(f.level, f.rule, f.amount_mg) for f in findings] == [
        ("prompt", "amifampridine_daily_maximum", 110.0)
    ]
    assert findings[0].limit_mg == AMIFAMPRIDINE_MAX_DAILY_MG
    assert "prescribing information" in findings[0].source


def test_a_single_dose_above_20_mg_raises_a_prompt() -> None:
    findings = check_amifampridine_day([Dose("amifampridine", 30.0)])
    assert [f.rule for f in findings] == ["amifampridine_single_dose_maximum"]


def test_other_medicines_do_not_count_towards_the_amifampridine_total() -> None:
    day = [Dose("amifampridine", 20.0)] * 4 + [Dose("fampridine", 40.0), Dose("aspirin", 75.0)]
    assert check_amifampridine_day(day) == []


def test_doses_without_an_amount_are_counted_but_not_added() -> None:
    day = [Dose("Firdapse", 20.0)] * 6 + [Dose("Firdapse", None)]
    (finding,) = check_amifampridine_day(day)
    assert finding.amount_mg == 120.0
    assert finding.doses_without_amount == 1


def test_the_check_accepts_diary_medication_entries() -> None:
    day = [Medication(name="Firdapse", dose_mg=20.0) for _ in range(6)]
    assert [f.rule for f in check_amifampridine_day(day)] == ["amifampridine_daily_maximum"]


def test_a_lower_maximum_can_be_passed_for_children_under_45_kg() -> None:
    day = [Dose("Firdapse", 10.0)] * 6
    assert check_amifampridine_day(day, max_daily_mg=50.0)[0].amount_mg == 60.0


def test_seizure_rule_for_triage_is_an_emergency() -> None:
    assert AMIFAMPRIDINE_SEIZURE_RULE.flag == "seizure"
    assert AMIFAMPRIDINE_SEIZURE_RULE.level == "emergency"


@pytest.mark.parametrize("logged", ["dapagliflozin 10mg", "3,4 dapagliflozin", "Mestinon 60"])
def test_names_that_merely_contain_dap_are_not_amifampridine(logged: str) -> None:
    assert is_amifampridine(logged) is False
