"""The README documents what the code has: every setting, every subcommand."""

from __future__ import annotations

import re
from pathlib import Path

from worker.cli import _parser
from worker.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_setting_with_its_default() -> None:
    """Each Settings field has a row `| NEWSWIRE_X | default |` in the README's settings table."""
    for name, field in Settings.model_fields.items():
        variable = f"NEWSWIRE_{name.upper()}"
        row = re.search(rf"^\| `{variable}` \| ([^|]+) \|", README, flags=re.MULTILINE)
        assert row, f"{variable} is missing from the README"
        default = "unset" if field.default is None else str(field.default)
        assert row.group(1).strip() == default, (
            f"{variable}: README says {row.group(1).strip()}, code {default}"
        )


def test_readme_names_no_setting_that_does_not_exist() -> None:
    """No NEWSWIRE_ variable in the README is unknown to Settings (test-only variables aside)."""
    known = {f"NEWSWIRE_{name.upper()}" for name in Settings.model_fields}
    known |= {"NEWSWIRE_TEST_REDIS_URL", "NEWSWIRE_GOLD_DIR"}
    assert set(re.findall(r"NEWSWIRE_[A-Z_]+", README)) <= known


def test_readme_documents_every_subcommand() -> None:
    """Each `newswire` subcommand appears in the README's command table."""
    subparsers = next(a for a in _parser()._actions if a.dest == "command")
    for name in subparsers.choices:  # type: ignore[union-attr]
        assert f"`newswire {name}" in README, name
