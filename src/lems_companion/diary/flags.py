"""A red flag raised by an entry: the value every reader uses, and the shape JSON shows it in.

One type per layer. A flag's definition (title, level, advice, source) is ``triage.flags.Flag``;
triage returns ``triage.result.FlagHit``, which the diary service stores as an ``EntryFlag`` row.
Everything that reads flags back (alerts, the red-flag page, analysis, the report, exports) gets a
``FlagRecord``; the API and ``lems analyze --json`` show a ``FlagPublic``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, computed_field

from lems_companion.diary.schemas import OffsetDatetime
from lems_companion.i18n import N_, translate
from lems_companion.triage.advice import flag_title

if TYPE_CHECKING:
    from lems_companion.diary.models import Entry, EntryFlag

# Spec section 3: only these levels are red flags (alerted, listed, reported); a `routine`
# finding is recorded as a feature of the entry, not raised as a red flag.
RED_FLAG_LEVELS: tuple[str, ...] = ("emergency", "prompt")


@dataclass(frozen=True, slots=True)
class FlagRecord:
    """A red flag raised by an entry, as stored by triage: which entry, when, and why."""

    entry_id: int
    recorded_at: datetime  # in the offset the entry was recorded in
    flag: str  # the flag's id in triage.flags
    level: str
    evidence: str  # the words of the note, or the answer, that raised it
    start: int | None = None  # character offsets into the note; None for structured flags
    end: int | None = None
    basis: str = ""  # which rule fired

    @property
    def name(self) -> str:
        """Return the flag's plain-language title (its id when the definition is gone)."""
        return flag_name(self.flag)

    @property
    def plain_name(self) -> str:
        """Return the flag's name with what its level asks ("Choking - get urgent care now")."""
        return plain_name(self.flag, self.level)

    @property
    def from_note(self) -> bool:
        """Return True when words in the note raised the flag, False for a structured answer."""
        return self.start is not None


# Spec section 1: wherever a flag appears later it keeps its level and its plain name, e.g.
# "Breathlessness - get urgent care now": never an internal id, never a milder summary. In
# another language the name is triage.advice's and the action the gettext catalogue's, both
# awaiting clinical review; exports and the API keep the English.
LEVEL_ACTIONS = {
    "emergency": N_("get urgent care now"),
    "prompt": N_("tell a doctor within days"),
    "routine": N_("worth discussing at your next appointment"),
}


def plain_name(flag_id: str, level: str, language: str = "en") -> str:
    """Return the flag's name with what its level asks, as every view shows it, in the
    reader's language."""
    action = translate(LEVEL_ACTIONS[level], language) if level in LEVEL_ACTIONS else level
    return f"{flag_name(flag_id, language)} - {action}"


def flag_name(flag_id: str, language: str = "en") -> str:
    """Return the plain-language title of a flag; its id in words for a retired flag."""
    return flag_title(flag_id, language)


def is_red_flag(level: str) -> bool:
    """Return True when a flag at this level is a red flag rather than a routine finding."""
    return level in RED_FLAG_LEVELS


def records_of(row: Entry) -> list[FlagRecord]:
    """Return the flags stored with this entry, in stored order; empty when none."""
    return [record_of(row, item) for item in row.flags]


def red_flag_names(row: Entry, language: str = "en") -> list[str]:
    """Return the plain names of this entry's red flags, most urgent first, in the reader's
    language; empty when none."""
    raised = [item for item in row.flags if is_red_flag(item.level)]
    raised.sort(key=lambda item: item.level != "emergency")
    return [plain_name(item.flag, item.level, language) for item in raised]


def record_of(row: Entry, item: EntryFlag) -> FlagRecord:
    """Return one stored flag of this entry as the value readers use."""
    return FlagRecord(
        entry_id=row.id,
        recorded_at=row.local_recorded_at,
        flag=item.flag,
        level=item.level,
        evidence=item.evidence,
        start=item.start,
        end=item.end,
        basis=item.basis,
    )


class FlagPublic(BaseModel):
    """A red flag as the API and JSON outputs show it: what it is, in words, and what raised it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    level: str
    evidence: str
    entry_id: int
    recorded_at: OffsetDatetime
    start: int | None
    end: int | None
    basis: str
    # Every red flag comes from triage now; kept so readers of older `lems analyze --json`
    # output, which could also hold flags found in the diary's weights, still find the key.
    source: Literal["triage"] = "triage"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def plain_name(self) -> str:
        """Return the flag's name with what its level asks ("Choking - get urgent care now")."""
        return plain_name(self.id, self.level)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def flag(self) -> str:
        """Return the flag's id; the name `lems analyze --json` used before `id`."""
        return self.id

    @classmethod
    def of(cls, record: FlagRecord) -> FlagPublic:
        """Return the public form of a raised flag."""
        # Its `flag` (the id) is computed from `id`, so the record's own is not read.
        return cls.model_validate({**asdict(record), "id": record.flag, "name": record.name})
