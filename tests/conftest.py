"""Project-wide test setup: the gold-data marker and where the gold files live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = Path(os.environ.get("NEWSWIRE_GOLD_DIR", REPO_ROOT.parent / "shared" / "eval"))
_deselected_gold: list[str] = []


def gold_path(name: str) -> Path:
    return GOLD_DIR / name


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Gold tests need ../shared/eval: in CI its absence is an error, elsewhere they are deselected."""
    if GOLD_DIR.is_dir():
        return
    gold = [item for item in items if item.get_closest_marker("gold")]
    if not gold:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI is set but the gold data is missing at {GOLD_DIR} (NEWSWIRE_GOLD_DIR)")
    config.hook.pytest_deselected(items=gold)
    items[:] = [item for item in items if not item.get_closest_marker("gold")]
    _deselected_gold.extend(item.nodeid for item in gold)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _deselected_gold:
        terminalreporter.write_line(
            f"{len(_deselected_gold)} test(s) marked `gold` were deselected: the gold evaluation data is not at "
            f"{GOLD_DIR} (set NEWSWIRE_GOLD_DIR to run them)."
        )
