"""The chaos run end to end, small: workers SIGKILLed and Redis restarted, and the delivery contract holds."""

from __future__ import annotations

import pytest

from bench import chaos
from tests.conftest import gold_path

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.chaos, pytest.mark.gold]


def test_chaos_run_loses_and_doubles_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """400 wikinews documents and 10 malformed messages, a kill or a Redis restart every 4 seconds."""
    status = chaos.main(
        [
            "--documents", "400", "--gold", str(gold_path("wikinews.dev.jsonl.gz")), "--batch-size", "20",
            "--interval", "4", "--redis-restarts", "1", "--malformed", "10", "--timeout", "240", "--seed", "3",
        ]
    )  # fmt: skip
    report = capsys.readouterr().out
    assert status == 0, report
    actions = {line.split()[0]: int(line.split()[-1]) for line in report.splitlines() if "killed" in line
               or "Redis restarts" in line}  # fmt: skip
    assert sum(actions.values()) >= 1, report  # chaos happened before the documents were all through
    assert "published            400 documents" in report
    assert "missing              0" in report
    assert "published twice      0" in report
    assert "10 letters for 10 malformed messages" in report
