"""Start and stop real Celery worker processes (for `newswire run`, the tests and the benchmarks)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from worker import keys

STOP_TIMEOUT_SECONDS = 30.0


def exit_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so the `with` blocks of a command that started workers or a Redis
    stop them on the way out; by default SIGTERM ends the process at once and leaves them running."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


def worker_argv(
    queues: Sequence[str] = keys.STAGE_QUEUES, concurrency: int | None = None, loglevel: str = "INFO"
) -> list[str]:
    """The arguments after `celery -A worker.app`, shared by `newswire worker` and spawned workers."""
    argv = ["worker", "--queues", ",".join(queues), "--loglevel", loglevel, "--pool", "prefork"]
    argv += ["--hostname", f"newswire-{uuid.uuid4().hex[:8]}@%h"]
    # Gossip, mingle and heartbeats are cluster chatter this pipeline does not use: each costs broker traffic.
    argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    if concurrency is not None:
        argv += ["--concurrency", str(concurrency)]
    return argv


@contextmanager
def running_worker(
    env: Mapping[str, str],
    *,
    log_path: Path,
    queues: Sequence[str] = keys.STAGE_QUEUES,
    concurrency: int | None = None,
    module: str = "worker.app",
) -> Iterator[subprocess.Popen[bytes]]:
    """A `celery worker` subprocess in its own process group, stopped (warm, then hard) on exit."""
    command = [sys.executable, "-m", "celery", "-A", module, *worker_argv(queues, concurrency)]
    with log_path.open("ab") as log_file:
        process = subprocess.Popen(
            command, env=dict(env), stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        yield process
    finally:
        stop_worker(process)


def stop_worker(process: subprocess.Popen[bytes], timeout: float = STOP_TIMEOUT_SECONDS) -> None:
    """Warm shutdown (finish the current batch), then SIGKILL the whole group if it does not end in time."""
    if process.poll() is None:
        _signal_group(process, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
    kill_worker(process)


def kill_worker(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the worker and its pool children at once, as a crash or the OOM killer would."""
    _signal_group(process, signal.SIGKILL)
    process.wait()


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    with suppress(ProcessLookupError):  # already gone
        os.killpg(process.pid, signum)
