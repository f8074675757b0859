"""Structured logs: one JSON object per line on stdout, at the level LOG_LEVEL names (default INFO).

Uvicorn's own loggers are routed through the same handler so that a log pipeline reads one format.
"""
from __future__ import annotations

import json
import logging
import sys
import time
from typing import Mapping

LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Fields passed as logging's `extra={"fields": {...}}`.
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def log_level(env: Mapping[str, str]) -> str:
    level = env.get("LOG_LEVEL", "INFO").strip().upper()
    if level not in LEVELS:
        raise ValueError(f"LOG_LEVEL must be one of {', '.join(LEVELS)}, not {env.get('LOG_LEVEL')!r}")
    return level


def configure_logging(env: Mapping[str, str], stream=None) -> str:
    level = log_level(env)
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
        logger.setLevel(level)
    return level


def fields(**values) -> dict:
    """`logger.info("...", extra=fields(version="3"))` adds those keys to the JSON line."""
    return {"fields": values}

