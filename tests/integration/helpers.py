"""Small helpers shared by the integration tests."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import redis

REPO_ROOT = Path(__file__).resolve().parents[2]


def worker_env(redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a spawned worker: this Redis, a short visibility timeout, the repo importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update(NEWSWIRE_REDIS_URL=redis_url, NEWSWIRE_VISIBILITY_TIMEOUT="4", NEWSWIRE_LOG_FORMAT="json")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def wait_for(condition: Callable[[], bool], timeout: float, what: str, process: Any = None) -> None:
    """Poll `condition` until true; on time-out fail with the worker's log tail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.05)
    log = process.log_path.read_text(errors="replace")[-4000:] if process is not None else ""
    pytest.fail(f"timed out waiting for {what}\n--- worker log tail ---\n{log}", pytrace=False)


def stream_doc_ids(connection: redis.Redis, stream: str) -> list[str]:
    return [fields["doc_id"] for _, fields in connection.xrange(stream)]


def queued_doc_ids(connection: redis.Redis, queue: str) -> list[str]:
    """doc_ids of the batches waiting in a Celery queue on the Redis broker (no worker running)."""
    doc_ids = []
    for raw in connection.lrange(queue, 0, -1):
        message = json.loads(raw)
        body = message["body"]
        if message["properties"].get("body_encoding") == "base64":
            body = base64.b64decode(body).decode("utf-8")
        args, _kwargs, _embed = json.loads(body)
        doc_ids += [doc["doc_id"] for doc in json.loads(args[0])]
    return doc_ids
