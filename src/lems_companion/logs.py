"""The app's one logger: requests, security events and unhandled errors, as text or JSON lines.

Every record goes through the ``lems_companion`` logger, with its facts in ``fields`` (an event
name, an account id, a route template, a status, a duration). What a log line may hold is
deliberately narrow: ids, names of events and routes, counts and times. Never an e-mail address,
a token, a note, a symptom, a medicine or any other health detail; the request log uses the route
template (``/entries/{entry_id}``), never the raw URL, which can carry a share-link token.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import Literal

LogFormat = Literal["text", "json"]
APP_LOGGER = "lems_companion"
# uvicorn's own start-up and error lines; its access log is off (the app logs each request).
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error")
# The attribute of a log record that carries its facts (see `log_event`).
FIELDS = "fields"
Value = str | int | float | bool | None

requests_log = logging.getLogger(f"{APP_LOGGER}.requests")
security_log = logging.getLogger(f"{APP_LOGGER}.security")
errors_log = logging.getLogger(f"{APP_LOGGER}.errors")


def log_event(logger: logging.Logger, event: str, /, **fields: Value) -> None:
    """Log one event at INFO with its facts; the caller passes ids and names, never health data."""
    facts = {"event": event, **fields}
    text = " ".join(f"{key}={value}" for key, value in facts.items() if value is not None)
    logger.info(text, extra={FIELDS: facts})


def security_event(event: str, /, *, account_id: int | None, **fields: Value) -> None:
    """Log a security event (sign-in failure, grant, share link, export, restore, deletion)."""
    log_event(security_log, event, account_id=account_id, **fields)


def error_summary(error: BaseException) -> str:
    """Return the error's type and where it was raised, without its message.

    A message can quote what was sent (a validation error repeats the input, a database error
    the row), so only the type and the stack go to the log.
    """
    stack = "".join(traceback.format_tb(error.__traceback__))
    return f"{type(error).__module__}.{type(error).__qualname__}\n{stack}".rstrip()


class JsonFormatter(logging.Formatter):
    """Format each record as one JSON object: time, level, logger, message and its fields."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a single line of JSON."""
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        facts = getattr(record, FIELDS, None)
        if isinstance(facts, dict):
            data.update(facts)
        if record.exc_info and record.exc_info[1] is not None:
            data["error"] = error_summary(record.exc_info[1])
        return json.dumps(data, default=str)


class TextFormatter(logging.Formatter):
    """Format each record as uvicorn does: the level, then the logger and message."""

    def __init__(self) -> None:
        super().__init__("%(levelname)-9s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one line, and an error's type and stack below it."""
        # logging caches the first handler's rendering of an error on the record; another
        # handler's (with the message) must not be reused here.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: object) -> str:
        """Return the error's type and stack, never its message (see `error_summary`)."""
        error = ei[1] if isinstance(ei, tuple) else None
        return error_summary(error) if isinstance(error, BaseException) else ""


class _StandardError(logging.StreamHandler):
    """Write to whatever sys.stderr is when the record is emitted (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def configure_logging(log_format: LogFormat) -> None:
    """Send the app's records (INFO and above) to standard error, as text or JSON lines.

    Idempotent: a second call replaces the app's handler. In JSON, uvicorn's own lines are
    JSON too, so a collector reads one format.
    """
    formatter: logging.Formatter = JsonFormatter() if log_format == "json" else TextFormatter()
    app = logging.getLogger(APP_LOGGER)
    app.setLevel(logging.INFO)
    for handler in [h for h in app.handlers if isinstance(h, _StandardError)]:
        app.removeHandler(handler)
    handler = _StandardError()
    handler.setFormatter(formatter)
    app.addHandler(handler)
    # The app's records stop here: passing them on to a root handler would print them twice.
    # Tests attach their handler to this logger (or use caplog with `propagate` on).
    app.propagate = False
    if log_format == "json":
        for name in UVICORN_LOGGERS:
            for uvicorn_handler in logging.getLogger(name).handlers:
                uvicorn_handler.setFormatter(formatter)
