"""The near-duplicate index against a real Redis: the worker's read, the publish script's re-check of what
was indexed after that read, the bounded index, and two publishers racing."""

from __future__ import annotations

import random
import threading
from typing import Any

import pytest
import redis

from tests.integration.records import processed
from worker import keys, publish
from worker.near_duplicates import ENTRIES_PER_FIELD, ENTRY_DIGITS, IndexRead, IndexReader
from worker.publish import Publisher
from worker.settings import Settings
from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE

pytestmark = pytest.mark.integration


def _near_copy(fingerprint: int, rng: random.Random, bits: int = 3) -> int:
    for bit in rng.sample(range(64), bits):
        fingerprint ^= 1 << bit
    return fingerprint


def test_read_index_finds_the_earlier_fingerprint_and_the_sequence(
    client: redis.Redis, settings: Settings
) -> None:
    """After two publishes the read sees sequence 2 and, for a near copy, the older of two near entries."""
    publisher = Publisher(client, settings)
    publisher.publish_many([processed("a", fingerprint="aaaaaaaaaaaaaaaa")])
    publisher.publish_many([processed("b", fingerprint="aaaaaaaaaaaaaaab")])
    [near, far, skipped] = IndexReader(client).read(
        ["aaaaaaaaaaaaaaa8", "5555555555555555", ""], settings.dedupe_ttl, NEAR_DUPLICATE_DISTANCE
    )
    assert near == IndexRead(sequence=2, earlier="aaaaaaaaaaaaaaaa")
    assert far == IndexRead(sequence=2, earlier=None)
    assert skipped == IndexRead(sequence=2, earlier=None)
    assert client.get(keys.near_duplicate_owner_key("aaaaaaaaaaaaaaaa")) == "a"


def test_index_fields_keep_the_newest_entries_only(client: redis.Redis, settings: Settings) -> None:
    """Documents sharing a band value fill its field up to ENTRIES_PER_FIELD entries, newest first."""
    publisher = Publisher(client, settings)
    count = ENTRIES_PER_FIELD + 8
    # Same first band (0123), everything else far apart, so none is a near duplicate of another.
    docs = [
        processed(f"d{n}", fingerprint=f"0123{(n * 0x9E3779B97F4A7C15) % (1 << 48):012x}")
        for n in range(count)
    ]
    outcomes = publisher.publish_many(docs)
    assert all(o.published for o in outcomes)
    field = client.hget(keys.NEAR_DUPLICATE_BANDS, "0:0123")
    assert field is not None
    assert len(field) == ENTRIES_PER_FIELD * ENTRY_DIGITS
    assert field.startswith(docs[-1].fingerprint)  # the newest first


def test_publish_reads_again_when_the_index_moved_on_too_far(
    client: redis.Redis, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More publishes between a read and its publish than the recent list keeps: the script refuses, the
    publisher reads again, and the near-duplicate published in between is still found."""
    monkeypatch.setattr(publish, "RECENT_ENTRIES", 2)
    other = Publisher(client, settings)
    reads: list[int] = []
    real_read = IndexReader.read

    def read_then_others_publish(self: IndexReader, *args: Any) -> list[IndexRead]:
        result = real_read(self, *args)
        if args[0] != ["ffff0000ffff0001"]:
            return result  # the other publisher's own read
        reads.append(result[0].sequence)
        if len(reads) == 1:  # between the first read and its publish, three documents are published
            other.publish_many([
                processed("first", fingerprint="ffff0000ffff0000"),
                processed("x", fingerprint="0123456789abcdef"),
                processed("y", fingerprint="fedcba9876543210"),
            ])  # fmt: skip
        return result

    monkeypatch.setattr(IndexReader, "read", read_then_others_publish)
    [outcome] = Publisher(client, settings).publish_many([processed("late", fingerprint="ffff0000ffff0001")])
    assert reads == [0, 3]
    assert (outcome.published, outcome.duplicate_of) == (True, "first")


def test_racing_publishers_mark_exactly_one_of_each_pair(
    client: redis.Redis, settings: Settings, redis_url: str
) -> None:
    """Two publishers publish the two halves of near-duplicate pairs at the same time, in batches: each pair
    ends with one original and one copy pointing at it, whichever won."""
    rng = random.Random(11)
    originals = [rng.getrandbits(64) for _ in range(200)]
    left = [processed(f"left-{n}", fingerprint=f"{fp:016x}") for n, fp in enumerate(originals)]
    right = [
        processed(f"right-{n}", fingerprint=f"{_near_copy(fp, rng):016x}") for n, fp in enumerate(originals)
    ]
    outcomes: dict[str, str | None] = {}

    def run(docs: list[Any]) -> None:
        own = redis.Redis.from_url(redis_url)
        publisher = Publisher(own, settings)
        for start in range(0, len(docs), 10):
            for outcome in publisher.publish_many(docs[start : start + 10]):
                outcomes[outcome.doc_id] = outcome.duplicate_of
        own.close()

    threads = [threading.Thread(target=run, args=(docs,)) for docs in (left, right)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n in range(len(originals)):
        pair = {outcomes[f"left-{n}"], outcomes[f"right-{n}"]}
        assert pair in ({None, f"left-{n}"}, {None, f"right-{n}"}), (n, pair)
