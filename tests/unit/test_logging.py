"""Logging writes to the stderr of the moment, so a replaced and closed stream never breaks a log call."""

from __future__ import annotations

import io
import json
import sys

import pytest
import structlog

from worker.logging import configure_logging
from worker.settings import Settings


def test_logging_follows_sys_stderr_after_it_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    first = io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    configure_logging(Settings(log_format="json"))
    log = structlog.get_logger("test")
    log.info("first_logged", n=1)
    first.close()  # what pytest does to a test's captured stream
    second = io.StringIO()
    monkeypatch.setattr(sys, "stderr", second)
    log.info("second_logged", n=2)
    line = json.loads(second.getvalue())
    assert (line["event"], line["n"], line["level"]) == ("second_logged", 2, "info")
