"""A private redis-server that a test can stop and start again on the same socket and data directory.

AOF with `appendfsync always`, as a production Redis that must not lose acknowledged writes would run: what
is on the queues and streams when it stops is there again when it starts.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from worker.embedded import redis_server_binary

START_TIMEOUT_SECONDS = 10.0


class RestartableRedis:
    def __init__(self) -> None:
        # A short directory name: unix socket paths are limited to about a hundred bytes.
        self.workdir = Path(tempfile.mkdtemp(prefix="nw-redis-"))
        self.socket = self.workdir / "redis.sock"
        self.url = f"unix://{self.socket}"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [
            redis_server_binary(),
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.workdir),
            "--save", "",
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--daemonize", "no",
            "--logfile", str(self.workdir / "redis.log"),
        ]  # fmt: skip
        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.ConnectionError, redis.BusyLoadingError, FileNotFoundError):
                redis.Redis.from_url(self.url).ping()
                return
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not answer within {START_TIMEOUT_SECONDS:.0f} s")

    def stop(self) -> None:
        """SHUTDOWN (the AOF is already on disk), then wait for the process to end."""
        if self._process is None or self._process.poll() is not None:
            return
        with contextlib.suppress(redis.RedisError):
            redis.Redis.from_url(self.url).shutdown()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
