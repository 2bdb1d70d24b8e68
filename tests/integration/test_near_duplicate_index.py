"""The near-duplicate index as the publish script keeps it, read back in the layout of worker/near_duplicates.py."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
import redis

from tests.integration.records import processed
from worker import keys
from worker.near_duplicates import ENTRIES_PER_FIELD, entries, entry, own_fields, probe_fields
from worker.publish import Publisher
from worker.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def raw(client: redis.Redis, redis_url: str) -> Iterator[redis.Redis]:
    """A client that returns bytes (the index is binary); `client` has cleaned the keys already."""
    connection = redis.Redis.from_url(redis_url)
    yield connection
    connection.close()


def _now(raw: redis.Redis) -> int:
    return int(raw.time()[0])


def test_index_holds_each_document_under_its_own_band_fields(raw: redis.Redis, settings: Settings) -> None:
    Publisher(raw, settings).publish_many([processed("first", fingerprint="0123456789abcdef")])
    index = raw.hgetall(keys.NEAR_DUPLICATE_INDEX)
    assert set(index) == set(own_fields("0123456789abcdef"))
    for value in index.values():
        [(fingerprint, second, _, doc_id)] = entries(value)
        assert (fingerprint, doc_id) == ("0123456789abcdef", "first")
        assert abs(second - _now(raw)) <= 5
    assert 0 < raw.ttl(keys.NEAR_DUPLICATE_INDEX) <= settings.dedupe_ttl


def test_index_keeps_the_newest_entries_per_field(raw: redis.Redis, settings: Settings) -> None:
    """Documents sharing one band value: the field keeps the newest ENTRIES_PER_FIELD, newest first."""
    rng = random.Random(3)
    # Band 0 fixed, the rest random: the documents are far apart, so none is a duplicate of another.
    prints = [f"abcd{rng.getrandbits(48):012x}" for _ in range(ENTRIES_PER_FIELD + 8)]
    publisher = Publisher(raw, settings)
    for number, fingerprint in enumerate(prints):
        publisher.publish_many([processed(f"doc-{number}", fingerprint=fingerprint)])
    kept = entries(raw.hget(keys.NEAR_DUPLICATE_INDEX, own_fields(prints[0])[0]) or b"")
    assert [kept_entry.doc_id for kept_entry in kept] == [f"doc-{n}" for n in reversed(range(8, len(prints)))]


def test_lookup_reports_the_oldest_near_entry_within_the_retention(
    raw: redis.Redis, settings: Settings
) -> None:
    """Near entries in several probe fields: the oldest one still within the retention is the original;
    one past the retention is neither reported nor kept when its field is written again."""
    now = _now(raw)
    original = "aaaaaaaaaaaaaaaa"
    expired = entry("aaaaaaaaaaaaaaab", now - settings.dedupe_ttl - 60, "expired")
    older = entry("aaaaaaaaaaaaaaa8", now - 3600, "older")  # 1 bit from the original, band 3 changed
    newer = entry("aaaaaaaaaaaaaaaa", now - 60, "newer")
    band0, band1, _, band3 = own_fields(original)
    raw.hset(keys.NEAR_DUPLICATE_INDEX, mapping={band0: newer + expired, band1: newer, band3: older})
    [outcome] = Publisher(raw, settings).publish_many([processed("copy", fingerprint=original)])
    assert outcome.duplicate_of == "older"
    kept = [kept_entry.doc_id for kept_entry in entries(raw.hget(keys.NEAR_DUPLICATE_INDEX, band0) or b"")]
    assert kept == ["copy", "newer"]


@pytest.mark.parametrize("field_number", [5, 40, 67])  # a field of band 0, of band 2, the last one
def test_lookup_finds_a_near_entry_among_a_full_set_of_probe_fields(
    raw: redis.Redis, settings: Settings, field_number: int
) -> None:
    """Every probe field full of far fingerprints, one near entry last in one of them: still found."""
    rng = random.Random(5)
    now = _now(raw)
    target = f"{rng.getrandbits(64):016x}"
    fields = probe_fields(target)
    far = [f"{int(target, 16) ^ rng.getrandbits(64) | 0xFFFF:016x}" for _ in range(len(fields))]
    mapping = {
        field: entry(far[n], now - 10, f"far-{n}") * ENTRIES_PER_FIELD for n, field in enumerate(fields)
    }
    near = f"{int(target, 16) ^ 0b1000_0000_0000_0001_0100_0010_0001_0001:016x}"  # 6 bits away
    last = len(entry(far[field_number], now - 10, f"far-{field_number}"))
    mapping[fields[field_number]] = mapping[fields[field_number]][:-last] + entry(near, now - 5, "ünïcode-id")
    raw.hset(keys.NEAR_DUPLICATE_INDEX, mapping=mapping)
    [outcome] = Publisher(raw, settings).publish_many([processed("copy", fingerprint=target)])
    assert outcome.duplicate_of == "ünïcode-id"


def test_lookup_orders_documents_of_one_second_by_microsecond(raw: redis.Redis, settings: Settings) -> None:
    """Two near documents indexed within one second: the earlier one is the original, wherever the scan
    meets it first."""
    second = _now(raw) - 10
    target = "aaaaaaaaaaaaaaaa"
    band0, _, _, band3 = own_fields(target)
    later = entry(target, second, "later", microsecond=900_000)  # in the field scanned first
    earlier = entry("aaaaaaaaaaaaaaa8", second, "earlier", microsecond=100_000)
    raw.hset(keys.NEAR_DUPLICATE_INDEX, mapping={band0: later, band3: earlier})
    [outcome] = Publisher(raw, settings).publish_many([processed("copy", fingerprint=target)])
    assert outcome.duplicate_of == "earlier"
