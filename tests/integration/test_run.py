"""`newswire run seeds/`: the all-in-one a newcomer tries first, with and without a Redis configured."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from tests.integration.helpers import REPO_ROOT, stream_doc_ids, worker_env
from worker import keys

pytestmark = [pytest.mark.integration, pytest.mark.slow]
SEEDS = sorted(p for p in (REPO_ROOT / "seeds").glob("*.txt"))


def embedded_servers() -> set[int]:
    """PIDs of redis-server processes started by newswire's embedded mode."""
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return {int(line.split()[0]) for line in out.splitlines()[1:] if "newswire-redis-" in line}


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", "run", "seeds/", "--timeout", "180"],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=240, check=False,
    )  # fmt: skip


def test_run_processes_the_seeds_with_an_embedded_redis_and_leaves_nothing_running() -> None:
    """With no NEWSWIRE_REDIS_URL: every seed is summarised, exit 0, no Redis or worker left behind."""
    before = embedded_servers()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    result = run(env)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.count("\n== ") + out.startswith("== ") == len(SEEDS)
    assert "published: 2019-12-19" in out
    assert "China (LOC, CHN)" in out or "China (" in out
    assert f"done: {len(SEEDS)} published, 0 dead-lettered, 0 rejected" in out
    assert embedded_servers() == before
    leftover = subprocess.run(["pgrep", "-f", "celery -A worker.app worker"], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""


def test_run_uses_the_configured_redis(client: redis.Redis, redis_url: str) -> None:
    """With NEWSWIRE_REDIS_URL set, the records land on that server's stream."""
    result = run(worker_env(redis_url))
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(stream_doc_ids(client, keys.DOCUMENTS_STREAM)) == len(SEEDS)


def _children(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout
    return {int(child) for child in out.split()}


def test_run_stopped_with_sigterm_stops_its_worker_and_redis() -> None:
    """SIGTERM (a service manager, `timeout`, Ctrl-\\ in a script) must not orphan the worker or Redis."""
    before = embedded_servers()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "run", "seeds/"], env=env, cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    started: set[int] = set()
    while time.monotonic() < deadline and len(started) < 2:  # the embedded Redis and the worker
        started = _children(process.pid)
        time.sleep(0.1)
    assert len(started) >= 2, "newswire run did not start its Redis and worker"
    started |= {grandchild for child in started for grandchild in _children(child)}
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) != 0
    alive = {pid for pid in started if os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid)}
    assert alive == set()
    assert embedded_servers() == before


def _state(pid: int) -> str:
    """The process state letter from /proc (Z: a zombie, gone but not yet reaped); Z when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
