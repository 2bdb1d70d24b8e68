"""Real-Redis fixtures: NEWSWIRE_TEST_REDIS_URL when set, else an embedded redis-server.

In CI (CI set) an unreachable Redis fails the run; elsewhere a configured but unreachable URL skips with
the reason, so a developer without Redis still gets the embedded default by leaving the URL unset.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
import redis

from tests.integration.helpers import worker_env
from worker import keys
from worker.embedded import embedded_redis
from worker.processes import running_worker
from worker.settings import Settings


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    url = os.environ.get("NEWSWIRE_TEST_REDIS_URL")
    if url is None:
        with embedded_redis() as embedded_url:
            yield embedded_url
        return
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        message = f"NEWSWIRE_TEST_REDIS_URL={url} is unreachable: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message + " (unset it to use an embedded Redis)")
    yield url


@pytest.fixture
def client(redis_url: str) -> Iterator[redis.Redis]:
    """A client on a clean slate: every newswire key and the stage queues are removed before the test."""
    connection = redis.Redis.from_url(redis_url, decode_responses=True)
    _clean(connection)
    yield connection
    connection.close()


def _clean(connection: redis.Redis) -> None:
    # Not FLUSHDB: Celery's own routing keys (_kombu.*) must survive between tests sharing a worker.
    doomed = [
        *connection.scan_iter("newswire:*", count=1000),
        "parse",
        "enrich",
        "classify",
        "unacked",
        "unacked_index",
    ]
    for start in range(0, len(doomed), 500):
        connection.delete(*doomed[start : start + 500])


@pytest.fixture
def settings(redis_url: str) -> Settings:
    return Settings(redis_url=redis_url, batch_size=10, visibility_timeout=4)


@pytest.fixture
def start_worker(redis_url: str, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Start real `celery worker` processes; each is stopped at the end of the test."""
    stack = ExitStack()

    def start(
        module: str = "worker.app",
        concurrency: int = 1,
        queues: Sequence[str] = keys.STAGE_QUEUES,
        **env: str,
    ) -> Any:
        log_path = tmp_path / f"worker-{time.monotonic_ns()}.log"
        process = stack.enter_context(
            running_worker(
                worker_env(redis_url, **env),
                log_path=log_path,
                queues=queues,
                concurrency=concurrency,
                module=module,
            )
        )
        process.log_path = log_path
        return process

    with stack:
        yield start
