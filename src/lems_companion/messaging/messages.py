"""What each e-mail says, as plain text and HTML.

No health detail in any message (issue 15): a notice says that someone recorded something that
needs attention and links to it, never a symptom, a note, a medicine or a flag's name; a test
sends every kind of message and looks for the words of every flag and symptom. Links point at
the app itself (``LEMS_BASE_URL``), with no tracking parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

FOOTER = (
    "LEMS Companion gives information, not a diagnosis. You can change which e-mails you get "
    "on your account and sharing pages."
)


@dataclass(frozen=True, slots=True)
class Content:
    """The subject and the two bodies of one message."""

    subject: str
    text: str
    html: str


def _content(subject: str, paragraphs: list[str], link: tuple[str, str] | None) -> Content:
    """Return a message made of plain paragraphs and at most one link (label, address)."""
    text_parts = list(paragraphs)
    html_parts = [f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs]
    if link is not None:
        label, address = link
        text_parts.append(f"{label}:\n{address}")
        html_parts.append(f'<p><a href="{escape(address)}">{escape(label)}</a></p>')
    text_parts.append(FOOTER)
    html_parts.append(f"<p><small>{escape(FOOTER)}</small></p>")
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(subject)}</title></head><body>{''.join(html_parts)}</body></html>"
    )
    return Content(subject=subject, text="\n\n".join(text_parts) + "\n", html=html)


def verification(link: str, *, hours: int) -> Content:
    """Return the message that confirms an address."""
    return _content(
        "Confirm your e-mail address for LEMS Companion",
        [
            "Someone (we hope you) made an account with this address on LEMS Companion.",
            "Open the link below to confirm the address. Until then, diaries shared with this "
            f"address stay closed and no notices are sent to it. The link works for {hours} "
            "hours and once only.",
            "If this was not you, ignore this message.",
        ],
        ("Confirm my address", link),
    )


def password_reset(link: str, *, minutes: int) -> Content:
    """Return the message with a link to choose a new password."""
    return _content(
        "Reset your LEMS Companion password",
        [
            "Someone asked to reset the password of the LEMS Companion account with this address.",
            f"Open the link below within {minutes} minutes to choose a new password. It works "
            "once. Resetting signs the account out everywhere.",
            "If you did not ask for this, ignore this message: your password stays as it is.",
        ],
        ("Choose a new password", link),
    )


def invitation(*, inviter: str, role: str, link: str) -> Content:
    """Return the invitation to see (as a caregiver, also add to) someone's diary."""
    what = "read their diary and add entries" if role == "caregiver" else "read their diary"
    return _content(
        f"{inviter} invited you to their LEMS Companion diary",
        [
            f"{inviter} invited you as their {role}: once you accept you can {what}.",
            "To accept, sign in (or make an account) with this e-mail address and confirm the "
            "address when asked.",
        ],
        ("Accept the invitation", link),
    )


def emergency_notice(*, patient: str, link: str) -> Content:
    """Return the notice sent at once when a diary entry needs urgent attention."""
    return _content(
        f"{patient} recorded something that needs attention now",
        [
            f"{patient} recorded an entry in their LEMS Companion diary that needs attention now.",
            "Please check on them. If they cannot be reached and you are worried, call the "
            "local emergency number.",
            "Open the diary to see the entry (you will be asked to sign in).",
        ],
        ("Open the entry", link),
    )


def digest(*, patient: str, count: int, link: str) -> Content:
    """Return the morning digest of entries that asked for a doctor within days."""
    entries = "an entry" if count == 1 else f"{count} entries"
    return _content(
        f"{patient}: {entries} to look at",
        [
            f"Yesterday {patient} recorded {entries} in their LEMS Companion diary worth "
            "telling a doctor about within days.",
            "Open the diary to see them (you will be asked to sign in).",
        ],
        ("Open the diary", link),
    )


def reminder(*, summary: str, link: str) -> Content:
    """Return a reminder to record (the reminder's own title, e.g. "Diary: evening entry")."""
    return _content(
        f"Reminder: {summary}",
        ["This is the reminder you asked for in LEMS Companion."],
        ("Open the diary", link),
    )
