"""What each e-mail says, as plain text and HTML, in the recipient's language.

No health detail in any message (issue 15): a notice says that someone recorded something that
needs attention and links to it, never a symptom, a note, a medicine or a flag's name; a test
sends every kind of message, in every language, and looks for the words of every flag and
symptom. Links point at the app itself (``LEMS_BASE_URL``), with no tracking parameters.

The language is the recipient's profile language, else English (issue 20): a message goes to one
person, and their profile is the only choice they have made that the sender can see.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lems_companion.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext_in


def recipient_language(profile: str | None) -> str:
    """Return the language to write to someone in: their profile's, else English."""
    return profile if profile in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class Content:
    """The subject and the two bodies of one message."""

    subject: str
    text: str
    html: str


def _content(
    subject: str, paragraphs: list[str], link: tuple[str, str] | None, language: str
) -> Content:
    """Return a message made of plain paragraphs and at most one link (label, address)."""
    footer = gettext_in(language).gettext(
        "LEMS Companion gives information, not a diagnosis. You can change which e-mails you get "
        "on your account and sharing pages."
    )
    text_parts = list(paragraphs)
    html_parts = [f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs]
    if link is not None:
        label, address = link
        text_parts.append(f"{label}:\n{address}")
        html_parts.append(f'<p><a href="{escape(address)}">{escape(label)}</a></p>')
    text_parts.append(footer)
    html_parts.append(f"<p><small>{escape(footer)}</small></p>")
    html = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{escape(subject)}</title></head><body>{''.join(html_parts)}</body></html>"
    )
    return Content(subject=subject, text="\n\n".join(text_parts) + "\n", html=html)


def verification(link: str, *, hours: int, language: str = DEFAULT_LANGUAGE) -> Content:
    """Return the message that confirms an address."""
    t = gettext_in(language)
    return _content(
        t.gettext("Confirm your e-mail address for LEMS Companion"),
        [
            t.gettext("Someone (we hope you) made an account with this address on LEMS Companion."),
            t.gettext(
                "Open the link below to confirm the address. Until then, diaries shared with "
                "this address stay closed and no notices are sent to it. The link works for "
                "%(hours)s hours and once only."
            )
            % {"hours": hours},
            t.gettext("If this was not you, ignore this message."),
        ],
        (t.gettext("Confirm my address"), link),
        language,
    )


def password_reset(link: str, *, minutes: int, language: str = DEFAULT_LANGUAGE) -> Content:
    """Return the message with a link to choose a new password."""
    t = gettext_in(language)
    return _content(
        t.gettext("Reset your LEMS Companion password"),
        [
            t.gettext(
                "Someone asked to reset the password of the LEMS Companion account with this "
                "address."
            ),
            t.gettext(
                "Open the link below within %(minutes)s minutes to choose a new password. It "
                "works once. Resetting signs the account out everywhere."
            )
            % {"minutes": minutes},
            t.gettext(
                "If you did not ask for this, ignore this message: your password stays as it is."
            ),
        ],
        (t.gettext("Choose a new password"), link),
        language,
    )


def invitation(*, inviter: str, role: str, link: str, language: str = DEFAULT_LANGUAGE) -> Content:
    """Return the invitation to see (as a caregiver, also add to) someone's diary."""
    t = gettext_in(language)
    invited = (
        t.gettext(
            "%(inviter)s invited you as their caregiver: once you accept you can read their "
            "diary and add entries."
        )
        if role == "caregiver"
        else t.gettext(
            "%(inviter)s invited you as their clinician: once you accept you can read their diary."
        )
    )
    return _content(
        t.gettext("%(inviter)s invited you to their LEMS Companion diary") % {"inviter": inviter},
        [
            invited % {"inviter": inviter},
            t.gettext(
                "To accept, sign in (or make an account) with this e-mail address and confirm "
                "the address when asked."
            ),
        ],
        (t.gettext("Accept the invitation"), link),
        language,
    )


def emergency_notice(*, patient: str, link: str, language: str = DEFAULT_LANGUAGE) -> Content:
    """Return the notice sent at once when a diary entry needs urgent attention."""
    t = gettext_in(language)
    return _content(
        t.gettext("%(patient)s recorded something that needs attention now") % {"patient": patient},
        [
            t.gettext(
                "%(patient)s recorded an entry in their LEMS Companion diary that needs "
                "attention now."
            )
            % {"patient": patient},
            t.gettext(
                "Please check on them. If they cannot be reached and you are worried, call the "
                "local emergency number."
            ),
            t.gettext("Open the diary to see the entry (you will be asked to sign in)."),
        ],
        (t.gettext("Open the entry"), link),
        language,
    )


def digest(*, patient: str, count: int, link: str, language: str = DEFAULT_LANGUAGE) -> Content:
    """Return the morning digest of entries that asked for a doctor within days."""
    t = gettext_in(language)
    names = {"patient": patient, "count": count}
    return _content(
        t.ngettext(
            "%(patient)s: an entry to look at", "%(patient)s: %(count)s entries to look at", count
        )
        % names,
        [
            t.ngettext(
                "Yesterday %(patient)s recorded an entry in their LEMS Companion diary worth "
                "telling a doctor about within days.",
                "Yesterday %(patient)s recorded %(count)s entries in their LEMS Companion diary "
                "worth telling a doctor about within days.",
                count,
            )
            % names,
            t.gettext("Open the diary to see them (you will be asked to sign in)."),
        ],
        (t.gettext("Open the diary"), link),
        language,
    )


def reminder(*, summary: str, link: str, language: str = DEFAULT_LANGUAGE) -> Content:
    """Return a reminder to record (the reminder's own title, e.g. "Diary: evening entry", in
    the recipient's language already)."""
    t = gettext_in(language)
    return _content(
        t.gettext("Reminder: %(summary)s") % {"summary": summary},
        [t.gettext("This is the reminder you asked for in LEMS Companion.")],
        (t.gettext("Open the diary"), link),
        language,
    )
