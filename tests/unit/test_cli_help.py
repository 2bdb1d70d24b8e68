"""Every `newswire` subcommand explains itself."""

from __future__ import annotations

import pytest

from worker.cli import main


@pytest.mark.parametrize("command", ["enqueue", "worker", "subscribe", "status", "run", "replay", "eval"])
def test_cli_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`newswire COMMAND --help` exits 0 and prints a usage line with the command's options."""
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage:")
    assert command in out.splitlines()[0]
    assert "--help" in out


def test_cli_unknown_command_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped command exits 2 with argparse's message listing the valid ones."""
    with pytest.raises(SystemExit) as exited:
        main(["enqeue"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["status"], ["enqueue", "seeds"]])
def test_cli_unreachable_redis_is_one_clear_line(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing listening at NEWSWIRE_REDIS_URL, a command says so in one line and exits 2."""
    from worker.settings import load_settings

    monkeypatch.setenv("NEWSWIRE_REDIS_URL", "redis://127.0.0.1:1")  # port 1: nothing listens there
    # Logging set up here would write to this test's captured stream for the rest of the session.
    monkeypatch.setattr("worker.cli.configure_logging", lambda settings: None)
    load_settings.cache_clear()
    try:
        assert main(command) == 2
    finally:
        load_settings.cache_clear()
    err = capsys.readouterr().err
    assert err.startswith("newswire: ")
    assert "127.0.0.1:1" in err
    assert "Traceback" not in err
