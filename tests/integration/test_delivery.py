"""Delivery guarantees, against a real Redis with real Celery worker processes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import redis

from schemas import SourceDocument
from tests.integration.fault_marks import POISON_MARK, SLOW_MARK, STUCK_MARK
from tests.integration.helpers import stream_doc_ids, wait_for
from worker import keys
from worker.app_factory import PARSE_TASK, make_app
from worker.processes import kill_worker
from worker.producer import Producer
from worker.runner import encode_batch
from worker.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTICLE = (
    "date 2019-12-19 The foreign ministers of France and Germany met in Paris on Monday to discuss trade. "
    '"We agreed on the next steps," the French minister said. Talks resume in March.\n\n'
)


def make_doc(n: int, extra: str = "") -> SourceDocument:
    return SourceDocument(
        doc_id=f"test-{n}", text=f"{ARTICLE}Item number {n}. {extra}", received_at=datetime.now(UTC)
    )


def published(client: redis.Redis) -> list[str]:
    return stream_doc_ids(client, keys.DOCUMENTS_STREAM)


def _in_flight(client: redis.Redis, queue: str) -> int:
    """Messages of `queue` delivered to a worker and not yet acknowledged (kombu's `unacked` hash)."""
    return sum(1 for raw in client.hvals("unacked") if json.loads(raw)[2] == queue)


def test_delivery_same_document_enqueued_twice_is_published_once(
    client: redis.Redis, settings: Settings, start_worker: Callable[..., Any]
) -> None:
    """Two enqueues of one document (one before, one after it is processed) give one record."""
    worker = start_worker()
    doc = make_doc(1)
    first = Producer(settings).submit([doc])
    second = Producer(settings).submit([doc])  # a fresh producer: no in-memory memory of the first
    assert first.accepted == ["test-1"]
    wait_for(lambda: len(published(client)) == 1, 60, "the document record", worker)
    third = Producer(settings).submit([doc])
    assert third.accepted == []
    assert third.duplicates[0][1] == "test-1"
    wait_for(lambda: not client.llen(keys.PARSE_QUEUE) and not client.hlen("unacked"), 30, "drained queues")
    assert published(client) == ["test-1"]
    assert second.accepted == ["test-1"]  # it was not yet done when sent; the publish step dropped it


def test_delivery_batch_message_executed_twice_publishes_each_document_once(
    client: redis.Redis, settings: Settings, start_worker: Callable[..., Any]
) -> None:
    """The same batch message delivered twice (as a redelivery would) yields one record per document."""
    worker = start_worker(concurrency=2)
    batch = encode_batch([make_doc(n) for n in range(5)])
    app = make_app(settings)
    app.send_task(PARSE_TASK, args=[batch], queue=keys.PARSE_QUEUE)
    app.send_task(PARSE_TASK, args=[batch], queue=keys.PARSE_QUEUE)
    wait_for(lambda: len(published(client)) >= 5, 60, "five records", worker)
    wait_for(lambda: not client.llen(keys.PARSE_QUEUE) and not client.hlen("unacked"), 30, "drained queues")
    assert sorted(published(client)) == [f"test-{n}" for n in range(5)]


@pytest.mark.parametrize("pipeline", ["chained", "staged", "fused"])
def test_delivery_poison_document_is_dead_lettered_and_the_rest_published(
    client: redis.Redis, settings: Settings, start_worker: Callable[..., Any], pipeline: str
) -> None:
    """One document that makes a stage raise goes to newswire:dead once; its batch-mates are published."""
    worker = start_worker(module="tests.integration.faulty_app", NEWSWIRE_PIPELINE=pipeline)
    docs = [make_doc(n) for n in range(4)] + [make_doc(99, extra=POISON_MARK)]
    Producer(settings.model_copy(update={"pipeline": pipeline})).submit(docs)
    wait_for(
        lambda: len(published(client)) == 4 and client.xlen(keys.DEAD_STREAM) == 1, 60, "results", worker
    )
    assert sorted(published(client)) == [f"test-{n}" for n in range(4)]
    [(_, fields)] = client.xrange(keys.DEAD_STREAM)
    letter = json.loads(fields["data"])
    assert letter["doc_id"] == "test-99"
    assert letter["stage"] == "enrich"
    assert letter["error_type"] == "ValueError"
    assert "poisoned on purpose" in letter["message"]
    assert "newswire replay --doc-id test-99" in letter["message"]
    assert POISON_MARK in letter["payload"]["text"]
    assert letter["payload"]["doc_id"] == "test-99"


@pytest.mark.parametrize(
    ("pipeline", "busy_queue"), [("chained", keys.PARSE_QUEUE), ("staged", keys.ENRICH_QUEUE)]
)
def test_delivery_worker_killed_mid_batch_loses_no_document(
    client: redis.Redis,
    settings: Settings,
    start_worker: Callable[..., Any],
    pipeline: str,
    busy_queue: str,
) -> None:
    """SIGKILL of a worker in the middle of a batch: after a new worker starts, each document is out once.

    Chained, the batch is killed inside the one task that runs all stages (taken from the parse queue);
    staged, inside the enrich task, after the parse task has handed it on.
    """
    slow = [make_doc(n, extra=SLOW_MARK) for n in range(8)]  # ~3 s of enrich work in one batch
    first = start_worker(module="tests.integration.faulty_app", NEWSWIRE_PIPELINE=pipeline)
    Producer(settings.model_copy(update={"pipeline": pipeline})).submit(slow)
    wait_for(lambda: _in_flight(client, busy_queue) == 1, 60, "the slow batch to start", first)
    kill_worker(first)
    assert published(client) == []
    second = start_worker(module="tests.integration.faulty_app", concurrency=2, NEWSWIRE_PIPELINE=pipeline)
    wait_for(lambda: len(published(client)) == 8, 120, "all eight records after the restart", second)
    wait_for(lambda: not client.hlen("unacked"), 30, "no unacknowledged message left")
    assert sorted(published(client)) == sorted(doc.doc_id for doc in slow)


def test_delivery_chained_worker_hands_on_the_stages_whose_queues_it_does_not_consume(
    client: redis.Redis, settings: Settings, start_worker: Callable[..., Any]
) -> None:
    """Chained (the default), a worker on the parse queue alone parses and hands the batch to the enrich
    queue; a worker on enrich and classify then runs both of those in one task and publishes."""
    parser = start_worker(queues=[keys.PARSE_QUEUE])
    Producer(settings).submit([make_doc(n) for n in range(3)])
    wait_for(lambda: client.llen(keys.ENRICH_QUEUE) == 1, 60, "the parsed batch on the enrich queue", parser)
    assert published(client) == []
    finisher = start_worker(queues=[keys.ENRICH_QUEUE, keys.CLASSIFY_QUEUE])
    wait_for(lambda: len(published(client)) == 3, 60, "the three records", finisher)
    assert sorted(published(client)) == ["test-0", "test-1", "test-2"]


def test_delivery_malformed_messages_sent_straight_to_a_queue_are_dead_lettered(
    client: redis.Redis, settings: Settings, start_worker: Callable[..., Any]
) -> None:
    """Messages that bypass the producer (not a batch, no argument at all, not JSON) each leave a dead letter
    with the raw message; a good batch sent among them is still published."""
    worker = start_worker()
    app = make_app(settings)
    app.send_task(PARSE_TASK, args=[123], queue=keys.PARSE_QUEUE)
    app.send_task(PARSE_TASK, args=[], queue=keys.PARSE_QUEUE)
    app.send_task(PARSE_TASK, args=["{not json"], queue=keys.PARSE_QUEUE)
    app.send_task(PARSE_TASK, args=[encode_batch([make_doc(7)])], queue=keys.PARSE_QUEUE)
    wait_for(
        lambda: client.xlen(keys.DEAD_STREAM) == 3 and published(client), 60, "three dead letters", worker
    )
    assert published(client) == ["test-7"]
    letters = [json.loads(fields["data"]) for _, fields in client.xrange(keys.DEAD_STREAM)]
    assert {letter["error_type"] for letter in letters} == {"TypeError", "JSONDecodeError"}
    assert sorted(json.dumps(letter["payload"], sort_keys=True) for letter in letters) == [
        '{"args": [], "kwargs": {}}',
        '{"batch": "{not json"}',
        '{"batch": 123}',
    ]
    assert all(letter["stage"] == "parse" and letter["message"] for letter in letters)


def test_delivery_batch_past_the_soft_time_limit_is_split_and_only_the_stuck_document_dead_lettered(
    client: redis.Redis, settings: Settings, start_worker: Callable[..., Any]
) -> None:
    """Soft limit 2 s: a batch of four 0.4 s documents and one that never finishes runs out of time; its
    documents go on alone, the four are published and the stuck one is dead-lettered with the reason."""
    worker = start_worker(
        module="tests.integration.faulty_app", NEWSWIRE_SOFT_TIME_LIMIT="2", NEWSWIRE_TIME_LIMIT="10"
    )
    docs = [make_doc(n, extra=SLOW_MARK) for n in range(4)] + [make_doc(50, extra=STUCK_MARK)]
    Producer(settings).submit(docs)
    wait_for(
        lambda: len(published(client)) == 4 and client.xlen(keys.DEAD_STREAM) == 1, 90, "results", worker
    )
    assert sorted(published(client)) == [f"test-{n}" for n in range(4)]
    [(_, fields)] = client.xrange(keys.DEAD_STREAM)
    letter = json.loads(fields["data"])
    assert (letter["doc_id"], letter["error_type"]) == ("test-50", "StageTimeLimitError")
    assert "NEWSWIRE_SOFT_TIME_LIMIT is 2 s" in letter["message"]
    assert STUCK_MARK in letter["payload"]["text"]
