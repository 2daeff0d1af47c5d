"""``lems score``: clinician scores and checks. Decision aids for clinicians, not diagnoses.

Each command validates through the same domain models the web app uses (``lems_companion.
clinical``), prints JSON with ``--json`` or a readable summary otherwise, and refuses bad input
with a message on stderr and exit status 2, like any other usage error.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from lems_companion.cli.common import command_group
from lems_companion.tools import DISCLAIMER

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from lems_companion.rules import delta_p, edx

USAGE_ERROR = 2  # the exit status Click uses for a missing or invalid option

app = command_group(
    "Clinician scores and checks: DELTA-P, SCLC screening, EDX increment, medicines. "
    "Decision aids, not diagnoses."
)


class Sex(StrEnum):
    """Sex as DELTA-P uses it: erectile dysfunction only counts for men."""

    male = "male"
    female = "female"


# Domain field names as the options that set them, so an error names what the user typed.
_OPTION_NAMES = {
    "age_at_onset": "--age-at-onset",
    "sex": "--sex",
    "smoker_at_onset": "--smoker/--non-smoker",
    "weight_loss_percent": "--weight-loss-percent",
    "bulbar": "--bulbar/--no-bulbar",
    "erectile_dysfunction": "--erectile-dysfunction/--no-erectile-dysfunction",
    "karnofsky": "--karnofsky",
    "cmap_rest_mv": "--cmap-rest",
    "cmap_after_exercise_mv": "--cmap-after-exercise",
    "decrement_percent": "--decrement-percent",
    "delta_p_score": "--delta-p",
}


def _refuse(error: ValidationError | ValueError) -> NoReturn:
    """Print each problem on stderr, naming the option, and exit with the usage-error status."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        for problem in error.errors():
            field = ".".join(str(part) for part in problem["loc"])
            option = _OPTION_NAMES.get(field, field)
            message = problem["msg"].removeprefix("Value error, ")
            typer.echo(f"error: {option + ': ' if option else ''}{message}", err=True)
    else:
        typer.echo(f"error: {error}", err=True)
    raise typer.Exit(USAGE_ERROR)


def _print_json(model: BaseModel | dict[str, Any]) -> None:
    from pydantic import BaseModel

    data = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


_YES_NO = {True: "yes", False: "no"}


def _item_labels() -> dict[str, str]:
    """Return the readable label of each DELTA-P item, with the thresholds the score uses."""
    from lems_companion.rules import delta_p

    return {
        "bulbar": "Bulbar weakness (speech, swallowing, chewing or neck)",
        "erectile_dysfunction": "Erectile dysfunction (men only)",
        "weight_loss": f"Weight loss of {delta_p.WEIGHT_LOSS_THRESHOLD_PERCENT:g}% or more",
        "tobacco": "Smoking at onset",
        "age": f"Age at onset {delta_p.AGE_AT_ONSET_THRESHOLD} or over",
        "karnofsky": f"Karnofsky score below {delta_p.KARNOFSKY_THRESHOLD}",
    }


def delta_p_summary(result: delta_p.DeltaPResult) -> str:
    """Return a readable DELTA-P summary naming both studies and saying it is no diagnosis."""
    from lems_companion.rules import delta_p, screening

    labels = _item_labels()
    lines = [f"DELTA-P score: {result.score} of {delta_p.MAX_SCORE}"]
    for key, scored in result.items.model_dump().items():
        lines.append(f"  {labels[key]}: {_YES_NO[scored]}")
    lines += [
        "",
        f"Prospective validation ({delta_p.VALIDATION_SOURCE}): the chance of small-cell lung "
        f"cancer at this score was {result.sclc_probability_percent:g}%.",
        result.derivation_note,
        "",
        "Suggested screening (months after diagnosis):",
    ]
    lines += [
        f"  {step.months_after_diagnosis:>2}: {screening.TEST_LABELS[step.test]}"
        for step in result.screening_plan
    ]
    lines += ["", screening.NEW_SYMPTOMS_NOTE, DISCLAIMER]
    return "\n".join(lines)


@app.command("delta-p")
def delta_p_command(
    age_at_onset: int = typer.Option(..., help="Age in years when the weakness began."),
    sex: Sex = typer.Option(..., help="Erectile dysfunction only counts for men."),
    smoker: bool = typer.Option(
        ..., "--smoker/--non-smoker", help="Smoking tobacco at onset of weakness."
    ),
    weight_loss_percent: float = typer.Option(
        ..., help="Weight lost at onset or within 3 months, in percent of body weight (0-50)."
    ),
    bulbar: bool = typer.Option(
        ...,
        "--bulbar/--no-bulbar",
        help="Slurred speech, swallowing or chewing difficulty, or neck weakness within 3 months.",
    ),
    erectile_dysfunction: bool | None = typer.Option(
        None,
        "--erectile-dysfunction/--no-erectile-dysfunction",
        help="Erectile dysfunction within 3 months; required for men, ignored for women.",
    ),
    karnofsky: int = typer.Option(
        ..., help="Karnofsky performance score within 3 months: 0-100 in steps of 10."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Score DELTA-P: the chance that LEMS comes with small-cell lung cancer."""
    from pydantic import ValidationError

    from lems_companion.rules import delta_p

    if sex is Sex.male and erectile_dysfunction is None:
        _refuse(
            ValueError(
                "for men, give --erectile-dysfunction or --no-erectile-dysfunction "
                "(it is ignored for women)"
            )
        )
    try:
        data = delta_p.DeltaPInput(
            age_at_onset=age_at_onset,
            sex=sex.value,
            smoker_at_onset=smoker,
            weight_loss_percent=weight_loss_percent,
            bulbar=bulbar,
            erectile_dysfunction=erectile_dysfunction,
            karnofsky=karnofsky,
        )
    except ValidationError as error:
        _refuse(error)
    result = delta_p.score_delta_p(data)
    if as_json:
        _print_json(result)
    else:
        typer.echo(delta_p_summary(result))


def edx_summary(result: edx.EdxResult) -> str:
    """Return a readable EDX summary with each cut-off's published accuracy."""
    lines = [f"CMAP increment after exercise: {result.increment_percent:.2f}%"]
    for cutoff in result.cutoffs:
        reached = "reached" if cutoff.met else "not reached"
        lines.append(f"  Cut-off {cutoff.threshold_percent}%: {reached}")
        lines += [
            f"    sensitivity {study.sensitivity_percent}%, specificity "
            f"{study.specificity_percent}%, {study.cohort} ({study.source})"
            for study in cutoff.published
        ]
    if result.decrement is not None:
        reached = "reached" if result.decrement.meets_10 else "not reached"
        lines.append(
            f"Decrement on {result.decrement.stimulation}: {result.decrement.decrement_percent:g}%"
            f" (cut-off {result.decrement.threshold_percent}%: {reached})"
        )
    lines += ["", DISCLAIMER]
    return "\n".join(lines)


@app.command("edx")
def edx_command(
    cmap_rest: float = typer.Option(..., help="Resting CMAP amplitude in millivolts."),
    cmap_after_exercise: float = typer.Option(
        ..., help="CMAP amplitude right after 10 s of maximal contraction, in millivolts."
    ),
    decrement_percent: float | None = typer.Option(
        None, help="Decrement on 2-5 Hz repetitive stimulation, in percent (optional)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Compute the CMAP increment after exercise and read it against the 60% and 100% cut-offs."""
    from pydantic import ValidationError

    from lems_companion.rules import edx

    try:
        data = edx.EdxInput(
            cmap_rest_mv=cmap_rest,
            cmap_after_exercise_mv=cmap_after_exercise,
            decrement_percent=decrement_percent,
        )
    except ValidationError as error:
        _refuse(error)
    result = edx.read_edx(data)
    if as_json:
        _print_json(result)
    else:
        typer.echo(edx_summary(result))


@app.command("screening")
def screening_command(
    diagnosed: datetime = typer.Option(
        ..., formats=["%Y-%m-%d"], help="Date of the LEMS diagnosis (YYYY-MM-DD)."
    ),
    delta_p_score: int = typer.Option(..., "--delta-p", help="DELTA-P score, 0-6."),
    as_json: bool = typer.Option(False, "--json", help="Print the plan as JSON."),
) -> None:
    """Print the dated SCLC screening plan for a diagnosis date and DELTA-P score."""
    from lems_companion.rules import screening

    try:
        plan = screening.build_plan(diagnosed_on=diagnosed.date(), delta_p_score=delta_p_score)
    except ValueError as error:
        _refuse(error)
    if as_json:
        _print_json(plan)
        return
    typer.echo(f"SCLC screening plan (DELTA-P {plan.delta_p_score}, {plan.band} band)")
    for item in plan.items:
        typer.echo(f"  {item.due.isoformat()}  {item.label}: {item.reason}")
    typer.echo(f"\n{plan.note}\n{DISCLAIMER}")


@app.command("medicine")
def medicine_command(
    name: str = typer.Argument(..., help="The medicine as logged, e.g. 'Cipro 500 mg'."),
    country: str | None = typer.Option(
        None,
        help="The patient's country (ISO code such as GB, DE, US, CH): it chooses the "
        "amifampridine licence whose maximum applies. Unknown uses the lowest maximum.",
    ),
    weight_kg: float | None = typer.Option(
        None, help="The patient's weight in kg: under 45 kg the US children's limits apply."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Check a medicine name against the classes that can worsen LEMS weakness."""
    from lems_companion.rules import medicines

    cautions = medicines.cautions_for(name)
    amifampridine = medicines.is_amifampridine(name)
    limits = medicines.amifampridine_limits(medicines.licence_region(country), weight_kg=weight_kg)
    prolongs_qt = medicines.prolongs_qt(name)
    if as_json:
        _print_json(
            {
                "name": name,
                "cautions": [caution.model_dump(mode="json") for caution in cautions],
                "is_amifampridine": amifampridine,
                "amifampridine_limits": dataclasses.asdict(limits) if amifampridine else None,
                "prolongs_qt": prolongs_qt,
            }
        )
        return
    if not cautions:
        typer.echo(f"No caution found for {name!r} in the list of medicines that can worsen LEMS.")
    for caution in cautions:
        typer.echo(f"{caution.class_label} (matched {caution.matched_name!r}):")
        typer.echo(f"  {caution.warning}\n  Source: {caution.source}")
    if prolongs_qt:
        typer.echo(
            f"{name!r} can prolong the QT interval: taken with amifampridine, it is a "
            f"contraindication in the EU/UK licence ({medicines.CONTRAINDICATION_SOURCE})."
        )
    if amifampridine:
        extra = " ".join(note for note in (limits.daily_note, limits.note) if note)
        typer.echo(
            f"{name!r} is amifampridine: at most {limits.max_daily_mg:g} mg a day and "
            f"{limits.max_single_dose_mg:g} mg a dose ({limits.licence}; {limits.source}). "
            + (f"{extra} " if extra else "")
            + "Any seizure is an emergency."
        )
        typer.echo(f"{medicines.AMIFAMPRIDINE_TINGLING.text}")
