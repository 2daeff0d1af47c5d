"""Queued and scheduled work stored in the database: e-mail, reminders, red-flag notices."""
