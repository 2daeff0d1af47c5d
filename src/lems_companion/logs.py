"""Log output: uvicorn's plain text by default, or one JSON object per line for log collectors.

Standard library logging only: the JSON formatter is attached to the root logger and to
uvicorn's loggers, so the app's own records and the access log come out the same way.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Literal

LogFormat = Literal["text", "json"]
# uvicorn logs through these; the access log's record carries the request in its args.
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")
# The fields of an access record's args, in uvicorn's order (client, method, path, HTTP, status).
ACCESS_FIELDS = ("client", "method", "path", "http_version", "status")


class JsonFormatter(logging.Formatter):
    """Format each record as one JSON object: time, level, logger, message (and request)."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a single line of JSON."""
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
            data.update(zip(ACCESS_FIELDS, args, strict=True))
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str)


def configure_logging(log_format: LogFormat) -> None:
    """Switch the root and uvicorn loggers to JSON lines; "text" leaves uvicorn's own format."""
    if log_format != "json":
        return
    formatter = JsonFormatter()
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    for logger in (root, *(logging.getLogger(name) for name in UVICORN_LOGGERS)):
        for handler in logger.handlers:
            handler.setFormatter(formatter)
