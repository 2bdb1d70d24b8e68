"""A Redis restart in the middle of a run: workers reconnect and every document is published exactly once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import redis

from schemas import SourceDocument
from tests.integration.fault_marks import SLOW_MARK
from tests.integration.helpers import stream_doc_ids, wait_for, worker_env
from worker import keys
from worker.embedded import EmbeddedRedis
from worker.processes import running_worker
from worker.producer import Producer
from worker.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTICLE = (
    "date 2020-03-02 Officials in Paris said on Monday that the talks with Germany would resume in April."
)


@pytest.fixture
def restartable() -> Iterator[EmbeddedRedis]:
    # AOF with fsync on every write, as a Redis that must not lose acknowledged writes runs.
    server = EmbeddedRedis(appendfsync="always")
    server.start()
    yield server
    server.close()


def test_redis_restart_mid_run_loses_and_duplicates_nothing(
    restartable: EmbeddedRedis, tmp_path: Path
) -> None:
    """Redis stops while a worker is inside a slow batch and more batches wait; it comes back two seconds later.

    The worker must reconnect by itself, the batch in flight must be retried or redelivered, and in the end
    each document is on the stream once."""
    settings = Settings(redis_url=restartable.url, batch_size=4, visibility_timeout=4)
    docs = [
        SourceDocument(
            doc_id=f"restart-{n}", text=f"{ARTICLE} Item {n}. {SLOW_MARK}", received_at=datetime.now(UTC)
        )
        for n in range(12)
    ]
    client = redis.Redis.from_url(restartable.url, decode_responses=True)
    log_path = tmp_path / "worker.log"
    env = worker_env(restartable.url)
    with running_worker(
        env, log_path=log_path, concurrency=1, module="tests.integration.faulty_app"
    ) as worker:
        worker.log_path = log_path  # type: ignore[attr-defined]  # read by wait_for on a time-out
        Producer(settings).submit(docs)
        wait_for(lambda: client.hlen("unacked") >= 1, 60, "the first batch to start", worker)
        restartable.stop()
        time.sleep(2)
        restartable.start()
        client = redis.Redis.from_url(restartable.url, decode_responses=True)
        wait_for(lambda: len(stream_doc_ids(client, keys.DOCUMENTS_STREAM)) >= 12, 120, "all records", worker)
        time.sleep(1)  # a duplicate publish, if any, would land now
        assert sorted(stream_doc_ids(client, keys.DOCUMENTS_STREAM)) == sorted(d.doc_id for d in docs)
        assert client.xlen(keys.DEAD_STREAM) == 0
        assert worker.poll() is None  # the worker survived the outage
