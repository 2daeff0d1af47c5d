"""Medicine cautions from free-text diary names, and the amifampridine checks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from lems_companion.diary.schemas import Medication
from lems_companion.rules.medicines import (
    AMIFAMPRIDINE_SEIZURE_RULE,
    AMIFAMPRIDINE_TINGLING,
    CAUTION_CLASSES,
    amifampridine_contraindications,
    amifampridine_limits,
    cautions_for,
    check_amifampridine_day,
    is_amifampridine,
    licence_region,
    prolongs_qt,
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
        ("Botox", "botulinum_toxin"),
        ("botox for migraine", "botulinum_toxin"),
        ("Botox Cosmetic", "botulinum_toxin"),
        ("onabotulinumtoxinA", "botulinum_toxin"),
        ("abobotulinumtoxin A (Dysport)", "botulinum_toxin"),
        ("Azzalure", "botulinum_toxin"),
        ("incobotulinumtoxinA", "botulinum_toxin"),
        ("Xeomin", "botulinum_toxin"),
        ("Bocouture", "botulinum_toxin"),
        ("prabotulinumtoxinA", "botulinum_toxin"),
        ("Jeuveau", "botulinum_toxin"),
        ("Nuceiva", "botulinum_toxin"),
        ("daxibotulinumtoxinA-lanm", "botulinum_toxin"),
        ("Daxxify", "botulinum_toxin"),
        ("letibotulinumtoxinA", "botulinum_toxin"),
        ("Letybo", "botulinum_toxin"),
        ("rimabotulinumtoxinB", "botulinum_toxin"),
        ("Myobloc", "botulinum_toxin"),
        ("NeuroBloc", "botulinum_toxin"),
        ("botulinum toxin type A", "botulinum_toxin"),
        ("anti-wrinkle injections", "botulinum_toxin"),
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
        "botulinum_toxin",
    ]


def test_the_botulinum_caution_explains_the_junction_and_names_its_label() -> None:
    (caution,) = cautions_for("Botox")
    assert "acetylcholine" in caution.warning
    assert "swallowing and breathing" in caution.warning
    assert "BOTOX" in caution.source and "neuromuscular" in caution.source


def test_the_calcium_channel_caution_does_not_say_it_is_the_same_channel() -> None:
    (caution,) = cautions_for("amlodipine")
    assert "same" not in caution.warning
    assert "P/Q-type" in caution.warning and "L-type" in caution.warning


def test_the_contrast_caution_says_never_to_skip_or_delay_the_scan() -> None:
    (caution,) = cautions_for("CT contrast")
    assert "Never skip or delay" in caution.warning
    assert "scanning team" in caution.warning


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


def test_a_day_within_every_licence_raises_nothing() -> None:
    day = [Dose("Firdapse", 20.0)] * 3  # 60 mg in three doses of 20 mg
    for region in ("unknown", "eu_uk", "ch", "us"):
        assert check_amifampridine_day(day, region=region) == []


def test_the_default_region_is_unknown_and_uses_the_lowest_maximum() -> None:
    day = [Dose("Firdapse", 10.0)] * 7
    (finding,) = check_amifampridine_day(day)
    assert (finding.rule, finding.amount_mg, finding.limit_mg) == (
        "amifampridine_daily_maximum",
        70.0,
        60.0,
    )
    assert finding.region == "unknown"
    assert "EU/UK licence's maximum of 60 mg a day" in finding.message
    assert "country is not set" in finding.message
    assert "section 4.2" in finding.source


@pytest.mark.parametrize(("country", "warns"), [(None, True), ("DE", True), ("US", False)])
def test_70_mg_a_day_warns_outside_the_us(country: str | None, warns: bool) -> None:
    day = [Dose("amifampridine", 10.0)] * 7
    findings = check_amifampridine_day(day, region=licence_region(country))
    assert bool(findings) is warns


def test_the_eu_finding_names_the_eu_uk_licence() -> None:
    day = [Dose("amifampridine", 10.0)] * 7
    (finding,) = check_amifampridine_day(day, region="eu_uk")
    assert "above the EU/UK licence's maximum of 60 mg a day" in finding.message
    assert finding.licence == "the EU/UK licence's maximum"


def test_the_us_label_allows_100_mg_a_day_for_adults() -> None:
    day = [Dose("Firdapse", 20.0)] * 5
    assert check_amifampridine_day(day, region="us") == []
    (finding,) = check_amifampridine_day([*day, Dose("3,4-DAP", 10.0)], region="us")
    assert (finding.amount_mg, finding.limit_mg) == (110.0, 100.0)
    assert "US label's maximum of 100 mg a day" in finding.message
    assert "prescribing information, section 2.1" in finding.source


def test_a_us_child_under_45_kg_has_the_lower_limits() -> None:
    day = [Dose("Firdapse", 12.0)] * 4 + [Dose("Firdapse", 7.0)]  # 55 mg, one dose of 12 mg
    findings = check_amifampridine_day(day, region="us", weight_kg=40.0)
    assert [(f.rule, f.amount_mg, f.limit_mg) for f in findings] == [
        ("amifampridine_daily_maximum", 55.0, 50.0),
        ("amifampridine_single_dose_maximum", 12.0, 10.0),
    ]
    assert all("children under 45 kg" in f.message for f in findings)


def test_the_under_45_kg_limits_need_a_known_weight_below_45_kg() -> None:
    day = [Dose("Firdapse", 12.0)] * 4 + [Dose("Firdapse", 7.0)]
    assert check_amifampridine_day(day, region="us") == []
    assert check_amifampridine_day(day, region="us", weight_kg=45.0) == []


def test_an_unknown_region_under_45_kg_uses_the_lowest_limits_that_apply() -> None:
    limits = amifampridine_limits("unknown", weight_kg=38.0)
    assert (limits.max_daily_mg, limits.max_single_dose_mg) == (50.0, 10.0)
    assert amifampridine_limits("unknown").max_daily_mg == 60.0


def test_switzerland_warns_above_60_mg_and_says_80_needs_ecg_monitoring() -> None:
    (finding,) = check_amifampridine_day([Dose("Firdapse", 10.0)] * 7, region="ch")
    assert finding.limit_mg == 60.0
    assert "Swiss licence" in finding.message
    assert "80 mg" in finding.message and "ECG" in finding.message


def test_an_unrecognised_region_counts_as_unknown() -> None:
    assert amifampridine_limits("mars") == amifampridine_limits("unknown")


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("GB", "eu_uk"),
        ("gb", "eu_uk"),
        ("UK", "eu_uk"),
        ("DE", "eu_uk"),
        ("FR", "eu_uk"),
        ("ES", "eu_uk"),
        ("NO", "eu_uk"),
        ("US", "us"),
        ("CH", "ch"),
        ("JP", "unknown"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_a_country_code_maps_to_its_licence_region(country: str | None, region: str) -> None:
    assert licence_region(country) == region


def test_a_single_dose_above_20_mg_raises_a_prompt() -> None:
    findings = check_amifampridine_day([Dose("amifampridine", 30.0)])
    assert [f.rule for f in findings] == ["amifampridine_single_dose_maximum"]


def test_other_medicines_do_not_count_towards_the_amifampridine_total() -> None:
    day = [Dose("amifampridine", 20.0)] * 3 + [Dose("fampridine", 40.0), Dose("aspirin", 75.0)]
    assert check_amifampridine_day(day) == []


def test_doses_without_an_amount_are_counted_but_not_added() -> None:
    day = [Dose("Firdapse", 20.0)] * 6 + [Dose("Firdapse", None)]
    (finding,) = check_amifampridine_day(day, region="us")
    assert finding.amount_mg == 120.0
    assert finding.doses_without_amount == 1


def test_the_check_accepts_diary_medication_entries() -> None:
    day = [Medication(name="Firdapse", dose_mg=20.0) for _ in range(4)]
    assert [f.rule for f in check_amifampridine_day(day)] == ["amifampridine_daily_maximum"]


def test_seizure_rule_for_triage_is_an_emergency() -> None:
    assert AMIFAMPRIDINE_SEIZURE_RULE.flag == "seizure"
    assert AMIFAMPRIDINE_SEIZURE_RULE.level == "emergency"


@pytest.mark.parametrize("logged", ["dapagliflozin 10mg", "3,4 dapagliflozin", "Mestinon 60"])
def test_names_that_merely_contain_dap_are_not_amifampridine(logged: str) -> None:
    assert is_amifampridine(logged) is False


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ("epilepsy", ["epilepsy"]),
        ("Asthma, poorly controlled", ["uncontrolled_asthma"]),
        ("congenital long QT syndrome", ["congenital_long_qt"]),
        ("LQTS type 1; epileptic since childhood", ["epilepsy", "congenital_long_qt"]),
        ("no epilepsy, no asthma", []),
        ("no history of epilepsy", []),
        ("no asthma, but epilepsy since 2001", ["epilepsy"]),
        ("Asthma: none. Long-QT syndrome", ["congenital_long_qt"]),
        ("type 2 diabetes", []),
        (None, []),
    ],
)
def test_conditions_logged_with_amifampridine_are_contraindications(
    conditions: str | None, expected: list[str]
) -> None:
    found = amifampridine_contraindications(["Firdapse 10mg"], conditions=conditions)
    assert [item.id for item in found] == expected
    assert all("section 4.3" in item.source for item in found)


@pytest.mark.parametrize(
    "logged",
    [
        "amiodarone",
        "sotalol 80mg",
        "Haldol",
        "methadone",
        "citalopram",
        "Lexapro",
        "Zofran",
        "domperidone",
        "Z-Pak",
        "clarithromycin",
        "moxifloxacin",
        "Cipro",
        "Plaquenil",
    ],
)
def test_a_qt_prolonging_medicine_with_amifampridine_is_a_contraindication(logged: str) -> None:
    (found,) = amifampridine_contraindications(["amifampridine", logged])
    assert found.id == "qt_prolonging_medicine"
    assert found.matched == logged
    assert "section 4.3" in found.source and "CredibleMeds" in found.source
    assert "on your own" in found.message


def test_no_contraindication_without_amifampridine() -> None:
    assert amifampridine_contraindications(["amiodarone"], conditions="epilepsy") == []


@pytest.mark.parametrize("logged", ["sertraline", "amlodipine", "paracetamol", "fampridine"])
def test_other_medicines_do_not_prolong_qt_on_the_list(logged: str) -> None:
    assert prolongs_qt(logged) is False
    assert amifampridine_contraindications(["Firdapse", logged]) == []


def test_tingling_is_explained_as_routine_with_its_source() -> None:
    assert AMIFAMPRIDINE_TINGLING.level == "routine"
    assert "lips" in AMIFAMPRIDINE_TINGLING.text and "fingers" in AMIFAMPRIDINE_TINGLING.text
    assert "US prescribing information" in AMIFAMPRIDINE_TINGLING.source
