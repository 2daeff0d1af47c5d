"""The medical alert card (issue 21): who the patient is, LEMS, what to avoid, what they take.

One A4 page of four credit-card-sized panels to cut out and fold, from the profile and the
medicines logged in the diary in the last 30 days. The medicines to avoid are derived from the
caution classes in ``rules.medicines`` (one source of truth); the card only words them shortly.
The page, the printout and the PDF render the same template, in the language of the person
who makes the card (issue 20): the texts below are marked with ``N_`` and translated there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy.orm import Session

from lems_companion.accounts.models import User
from lems_companion.diary.service import RecentMedicine, recent_medicines
from lems_companion.i18n import DEFAULT_LANGUAGE, N_, format_number, gettext_in
from lems_companion.reports.report import STATIC_DIR, environment, html_to_pdf
from lems_companion.rules.medicines import CAUTION_CLASSES, is_amifampridine

# "Current medicines" are those logged in the last 30 days: long enough to catch a medicine
# taken weekly or logged irregularly, short enough that one stopped last season drops off.
RECENT_MEDICINE_DAYS = 30
# The card keeps to one A4 page; beyond this many medicines it says how many more there are
# rather than spill onto a second page that would be left behind.
MAX_CARD_MEDICINES = 20
MAX_CONTACT_CHARS = 120
CARD_CSS = STATIC_DIR / "card.css"

Diagnosis = Literal["confirmed", "suspected"]
DIAGNOSES: dict[str, str] = {
    "confirmed": N_("Lambert-Eaton myasthenic syndrome (LEMS)"),
    "suspected": N_("Suspected Lambert-Eaton myasthenic syndrome (LEMS), under investigation"),
}
CARD_DISCLAIMER = N_(
    "Made by the patient with LEMS Companion from their own records: information, not a "
    "diagnosis. Check with the patient and their doctors."
)


@dataclass(frozen=True, slots=True)
class CardCaution:
    """A line of the card's "medicines to avoid": short wording for some caution classes."""

    class_ids: tuple[str, ...]
    text: str


# Around an anaesthetic: what the anaesthetist must plan for (clinical spec section 6). A caution
# never withholds a needed treatment or test; the card says so for the contrast dye.
ANAESTHESIA_CAUTIONS: tuple[CardCaution, ...] = (
    CardCaution(
        ("neuromuscular_blockers",),
        N_(
            "Muscle relaxants (neuromuscular blocking agents): stronger and longer effect in "
            "LEMS. Plan the anaesthetic for it."
        ),
    ),
    CardCaution(("magnesium",), N_("Magnesium, above all into a vein.")),
    CardCaution(
        ("aminoglycosides", "fluoroquinolones", "macrolides"),
        N_("Aminoglycoside, fluoroquinolone and macrolide antibiotics."),
    ),
)
GENERAL_CAUTIONS: tuple[CardCaution, ...] = (
    CardCaution(
        ("beta_blockers", "calcium_channel_blockers"),
        N_("Beta-blockers (eye drops too) and calcium-channel blockers."),
    ),
    CardCaution(
        ("quinine_quinidine_procainamide", "lithium"),
        N_("Quinine, quinidine, procainamide; lithium."),
    ),
    CardCaution(("botulinum_toxin",), N_("Botulinum toxin (Botox), cosmetic injections included.")),
    CardCaution(("immune_checkpoint_inhibitors",), N_("Immune checkpoint inhibitors.")),
    CardCaution(
        ("iodinated_contrast",),
        N_("Iodinated contrast can add weakness for a while: do the scan, and watch the patient."),
    ),
)
CAUTIONS_SOURCE = next(iter(CAUTION_CLASSES)).source
AMIFAMPRIDINE_LINE = N_(
    "Takes amifampridine: it can cause seizures; the EU/UK licence rules out medicines that "
    "prolong the QT interval with it."
)


@dataclass(frozen=True, slots=True)
class AlertCard:
    """Everything the card shows, ready to render."""

    name: str
    date_of_birth: date | None
    diagnosis: str
    emergency_number: str
    emergency_contact: str
    medicines: list[RecentMedicine]
    more_medicines: int  # logged but left off for space
    takes_amifampridine: bool
    made_on: date
    anaesthesia: tuple[CardCaution, ...] = ANAESTHESIA_CAUTIONS
    general: tuple[CardCaution, ...] = GENERAL_CAUTIONS
    cautions_source: str = CAUTIONS_SOURCE
    amifampridine_line: str = AMIFAMPRIDINE_LINE
    disclaimer: str = CARD_DISCLAIMER
    # The card maker's language: the card's texts are translated into it where it is rendered.
    language: str = DEFAULT_LANGUAGE


class CardInputError(ValueError):
    """A card option that cannot be used: field name -> a message safe to show."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


def parse_card_options(
    form: dict[str, str], language: str = DEFAULT_LANGUAGE
) -> tuple[Diagnosis, str]:
    """Return the diagnosis wording and the emergency contact chosen on the card page;
    CardInputError naming each bad field, in the language."""
    t = gettext_in(language)
    errors: dict[str, str] = {}
    diagnosis = form.get("diagnosis", "confirmed").strip() or "confirmed"
    if diagnosis not in DIAGNOSES:
        errors["diagnosis"] = t.gettext("choose LEMS or suspected LEMS")
    contact = " ".join(form.get("emergency_contact", "").split())
    if len(contact) > MAX_CONTACT_CHARS or "\x00" in contact:
        errors["emergency_contact"] = t.gettext("at most %(limit)s characters") % {
            "limit": format_number(MAX_CONTACT_CHARS, language)
        }
    if errors:
        raise CardInputError(errors)
    return diagnosis, contact  # type: ignore[return-value]


def build_card(
    owner: User,
    *,
    medicines: list[RecentMedicine],
    diagnosis: Diagnosis = "confirmed",
    emergency_contact: str = "",
    emergency_number: str,
    today: date,
    language: str = DEFAULT_LANGUAGE,
) -> AlertCard:
    """Return the card of this person with these recent medicines, in the card maker's
    language (no storage, no clock)."""
    shown = medicines[:MAX_CARD_MEDICINES]
    return AlertCard(
        name=owner.shown_name,
        date_of_birth=owner.date_of_birth,
        diagnosis=DIAGNOSES[diagnosis],
        emergency_number=emergency_number,
        emergency_contact=emergency_contact,
        medicines=shown,
        more_medicines=len(medicines) - len(shown),
        takes_amifampridine=any(is_amifampridine(item.name) for item in medicines),
        made_on=today,
        language=language,
    )


def owner_card(
    db: Session,
    *,
    owner: User,
    diagnosis: Diagnosis = "confirmed",
    emergency_contact: str = "",
    default_emergency_number: str,
    now: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> AlertCard:
    """Return the owner's card, their medicines read from the last 30 days of the diary. One
    query. The emergency number is the owner's profile's, else the server's."""
    now = now or datetime.now(UTC)
    medicines = recent_medicines(db, owner=owner, since=now - timedelta(days=RECENT_MEDICINE_DAYS))
    return build_card(
        owner,
        medicines=medicines,
        diagnosis=diagnosis,
        emergency_contact=emergency_contact,
        emergency_number=owner.emergency_number or default_emergency_number,
        today=now.date(),
        language=language,
    )


def render_card_html(card: AlertCard, *, stylesheet: str, **context: Any) -> str:
    """Return the card as a standalone printable HTML document linking this stylesheet."""
    template = environment().get_template("card_document.html")
    return template.render(card=card, stylesheet=stylesheet, language=card.language, **context)


def render_card_pdf(card: AlertCard) -> bytes:
    """Return the card as a one-page A4 PDF (WeasyPrint). Reads card.css."""
    return html_to_pdf(render_card_html(card, stylesheet=CARD_CSS.as_uri()))


def card_pages(card: AlertCard) -> list[Any]:
    """Return the laid-out PDF pages of the card (WeasyPrint page objects), for checks."""
    from weasyprint import HTML

    html = render_card_html(card, stylesheet=CARD_CSS.as_uri())
    return list(HTML(string=html, base_url=STATIC_DIR.as_uri() + "/").render().pages)
