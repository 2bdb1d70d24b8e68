"""Consumer groups on a real Redis: restart safety, stale claims and over-delivered entries."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import pytest
import redis

from worker import keys
from worker.consumer import StreamConsumer
from worker.embedded import EmbeddedRedis

pytestmark = pytest.mark.integration
STREAM = keys.DOCUMENTS_STREAM


def add(client: redis.Redis, *doc_ids: str) -> None:
    for doc_id in doc_ids:
        client.xadd(STREAM, {"doc_id": doc_id, "type": "document", "data": json.dumps({"doc_id": doc_id})})


def ids(entries: list) -> list[str]:  # type: ignore[type-arg]
    return [e.fields["doc_id"] for e in entries]


def test_consumer_reads_new_entries_and_decodes_records(client: redis.Redis) -> None:
    """A group created from the start hands out every entry once, with its record decoded."""
    add(client, "a", "b")
    consumer = StreamConsumer(client, STREAM, "g", "c1", from_start=True)
    entries = consumer.read(count=10, block_ms=10)
    assert ids(entries) == ["a", "b"]
    assert entries[0].record == {"doc_id": "a"}
    for entry in entries:
        consumer.ack(entry)
    assert consumer.read(count=10, block_ms=10) == []


def test_consumer_restart_rereads_its_own_unacknowledged_entries(client: redis.Redis) -> None:
    """Entries read but not acknowledged before a crash come back first to the restarted consumer."""
    add(client, "a", "b", "c")
    crashed = StreamConsumer(client, STREAM, "g", "c1", from_start=True)
    first = crashed.read(count=2, block_ms=10)
    crashed.ack(first[0])
    restarted = StreamConsumer(client, STREAM, "g", "c1")
    assert ids(restarted.read(count=10, block_ms=10)) == ["b"]
    assert ids(restarted.read(count=10, block_ms=10)) == ["c"]


def test_consumer_claims_entries_left_idle_by_another_consumer(client: redis.Redis) -> None:
    """An entry another consumer holds for longer than claim_idle_ms is claimed and handed out."""
    add(client, "a")
    StreamConsumer(client, STREAM, "g", "gone", from_start=True).read(count=10, block_ms=10)
    rescuer = StreamConsumer(client, STREAM, "g", "rescuer", claim_idle_ms=1)
    time.sleep(0.01)  # let the entry be idle for longer than claim_idle_ms
    assert ids(rescuer.read(count=10, block_ms=10)) == ["a"]


def test_consumer_moves_an_over_delivered_entry_to_the_dead_stream(client: redis.Redis) -> None:
    """An entry delivered more than max_deliveries times is dead-lettered and acknowledged, not retried."""
    add(client, "poison")
    StreamConsumer(client, STREAM, "g", "c1", from_start=True).read(count=10, block_ms=10)
    for name in ("c2", "c3"):
        time.sleep(0.01)  # let the entry be idle for longer than claim_idle_ms
        StreamConsumer(client, STREAM, "g", name, claim_idle_ms=1, max_deliveries=2).read(
            count=10, block_ms=10
        )
    assert client.xlen(keys.DEAD_STREAM) == 1
    [(_, fields)] = client.xrange(keys.DEAD_STREAM)
    letter = json.loads(fields["data"])
    assert (letter["doc_id"], letter["stage"], letter["error_type"]) == (
        "poison",
        "consumer",
        "TooManyDeliveries",
    )
    assert letter["payload"]["fields"]["doc_id"] == "poison"
    assert client.xpending(STREAM, "g")["pending"] == 0


@pytest.mark.parametrize("appendfsync", ["always", None])
def test_consumer_iterates_through_a_redis_restart(appendfsync: str | None) -> None:
    """Redis stops for a second under a consumer and comes back (with its data, or, without persistence,
    empty): the consumer waits, reconnects (recreating its group if it is gone) and reads what comes next."""
    server = EmbeddedRedis(appendfsync)
    server.start()
    try:
        client = redis.Redis.from_url(server.url, decode_responses=True)
        add(client, "before-1", "before-2")
        consumer = StreamConsumer(
            redis.Redis.from_url(server.url, decode_responses=True), STREAM, "g", "c1", from_start=True
        )
        seen: list[str] = []

        def consume() -> None:
            for entry in consumer.iterate(count=10, block_ms=100):
                seen.append(entry.fields["doc_id"])
                consumer.ack(entry)
                if entry.fields["doc_id"] == "after-2":
                    return

        reader = threading.Thread(target=consume, daemon=True)
        reader.start()
        _wait(lambda: seen == ["before-1", "before-2"])
        server.stop()
        time.sleep(1.0)
        server.start()
        add(client, "after-1", "after-2")
        reader.join(timeout=30)
        assert not reader.is_alive(), f"the consumer did not get past the restart: {seen}"
        assert seen == ["before-1", "before-2", "after-1", "after-2"]
    finally:
        server.close()


def _wait(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
