"""The atomic publish script against a real Redis: exactly-once records, events and near-duplicates."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import pytest
import redis

from schemas import DeadLetter
from tests.integration.records import processed
from worker import keys
from worker.publish import Publisher
from worker.settings import Settings
from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE, hamming

pytestmark = pytest.mark.integration


def test_publish_document_and_its_events_once(client: redis.Redis, settings: Settings) -> None:
    """A document published twice appears once on documents, and its events once each on events."""
    publisher = Publisher(client, settings)
    doc = processed("a", events=2)
    first = publisher.publish_many([doc])
    second = publisher.publish_many([doc])
    assert [o.published for o in first + second] == [True, False]
    [(_, fields)] = client.xrange(keys.DOCUMENTS_STREAM)
    assert (fields["doc_id"], fields["type"], fields["schema_version"]) == ("a", "document", "1.0")
    assert json.loads(fields["data"])["events"][1]["event_id"] == "a-ev1"
    events = client.xrange(keys.EVENTS_STREAM)
    assert [f["event_id"] for _, f in events] == ["a-ev0", "a-ev1"]
    assert {f["type"] for _, f in events} == {"event"}


def test_publish_marks_a_near_duplicate_of_an_earlier_document(
    client: redis.Redis, settings: Settings
) -> None:
    """A fingerprint within NEAR_DUPLICATE_DISTANCE bits of an earlier one gets duplicate_of; a distant one not."""
    publisher = Publisher(client, settings)
    outcomes = publisher.publish_many([
        processed("orig", fingerprint="f0f0f0f0f0f0f0f0"),
        processed("copy", fingerprint="f0f0f0f0f0f0f0f3"),  # 2 bits away
        processed("other", fingerprint="0f0f0f0f0f0f0f0f"),  # 64 bits away
    ])  # fmt: skip
    assert [o.duplicate_of for o in outcomes] == [None, "orig", None]
    records = {f["doc_id"]: json.loads(f["data"]) for _, f in client.xrange(keys.DOCUMENTS_STREAM)}
    assert records["copy"]["duplicate_of"] == "orig"
    assert records["orig"]["duplicate_of"] is None
    assert records["other"]["duplicate_of"] is None


@pytest.mark.parametrize(
    ("copy", "expected"),
    [
        ("abaaabaaabaaabaa", "orig"),  # one bit off in each of the four bands
        ("bbaabbaabbaabaaa", "orig"),  # the limit: NEAR_DUPLICATE_DISTANCE bits, at most one in one band
        ("bbaabbaabbaabbaa", None),  # past the limit: two bits off in every band
    ],
)
def test_publish_near_duplicates_are_found_with_every_band_changed(
    client: redis.Redis, settings: Settings, copy: str, expected: str | None
) -> None:
    """Bits flipped in every band still find the original through the probes, up to the distance limit."""
    assert hamming("aaaaaaaaaaaaaaaa", "bbaabbaabbaabaaa") == NEAR_DUPLICATE_DISTANCE
    publisher = Publisher(client, settings)
    publisher.publish_many([processed("orig", fingerprint="aaaaaaaaaaaaaaaa")])
    [outcome] = publisher.publish_many([processed("copy", fingerprint=copy)])
    assert outcome.duplicate_of == expected


def test_publish_counts_bits_like_the_fingerprint_module(client: redis.Redis, settings: Settings) -> None:
    """The script's distance agrees with `hamming` across the whole 64 bits, sign bits of both halves
    included: copies 5 to 9 bits away from random originals are duplicates exactly up to the limit."""
    rng = random.Random(7)
    publisher = Publisher(client, settings)
    for n in range(60):
        # Top bits of both halves set: the bits a signed 32-bit count could get wrong.
        original = rng.getrandbits(64) | (1 << 63) | (1 << 31)
        distance = 5 + n % 5
        copy = original
        for bit in rng.sample(range(64), distance):
            copy ^= 1 << bit
        first, second = publisher.publish_many([
            processed(f"orig-{n}", fingerprint=f"{original:016x}"),
            processed(f"copy-{n}", fingerprint=f"{copy:016x}"),
        ])  # fmt: skip
        assert hamming(f"{original:016x}", f"{copy:016x}") == distance
        assert first.duplicate_of is None
        assert second.duplicate_of == (f"orig-{n}" if distance <= NEAR_DUPLICATE_DISTANCE else None), distance


def test_publish_dead_letter_is_recorded_once(client: redis.Redis, settings: Settings) -> None:
    """The same failure reported twice (a redelivered batch) leaves one dead letter."""
    publisher = Publisher(client, settings)
    now = datetime.now(UTC)
    letter = DeadLetter(doc_id="bad", stage="enrich", error_type="ValueError", message="m", attempts=1,
                        first_failure_at=now, last_failure_at=now, payload={"doc_id": "bad"})  # fmt: skip
    assert publisher.dead_letter(letter) is True
    assert publisher.dead_letter(letter) is False
    [(_, fields)] = client.xrange(keys.DEAD_STREAM)
    assert (fields["doc_id"], fields["stage"], fields["type"]) == ("bad", "enrich", "dead_letter")
