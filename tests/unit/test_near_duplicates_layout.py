"""The near-duplicate index layout that worker/lua/publish.lua follows (checked against Redis in
tests/integration/test_near_duplicate_index.py)."""

from __future__ import annotations

from pathlib import Path

from worker import near_duplicates
from worker.near_duplicates import band_values, entries, entry, own_fields, probe_fields
from worker.stages.enrich import fingerprint
from worker.stages.enrich.fingerprint import hamming

SCRIPT = Path(near_duplicates.__file__).parent / "lua" / "publish.lua"


def test_band_values_split_the_fingerprint_most_significant_first() -> None:
    assert band_values("0123456789abcdef") == [0x0123, 0x4567, 0x89AB, 0xCDEF]


def test_probe_fields_are_each_band_and_its_one_bit_neighbours() -> None:
    fields = probe_fields("0123456789abcdef")
    assert len(fields) == len(set(fields)) == fingerprint.INDEX_BANDS * 17
    assert fields[::17] == own_fields("0123456789abcdef")
    assert fields[1] == bytes([0, 0x01, 0x22])  # band 0, bit 0 flipped
    assert fields[16] == bytes([0, 0x81, 0x23])  # band 0, bit 15 flipped


def test_every_fingerprint_within_the_distance_shares_a_probe_field() -> None:
    """The pigeonhole the lookup relies on, for copies with bits spread over every band."""
    original = "aaaaaaaaaaaaaaaa"
    for copy in ("abaaabaaabaaabaa", "bbaabbaabbaabaaa"):
        assert hamming(original, copy) <= fingerprint.NEAR_DUPLICATE_DISTANCE
        assert set(own_fields(copy)) & set(probe_fields(original))
    assert not set(own_fields("bbaabbaabbaabbaa")) & set(probe_fields(original))


def test_entries_round_trip_with_non_ascii_doc_ids() -> None:
    value = entry("ffffffffffffffff", 1_764_000_000, "ünï-1", 999_999) + entry("0000000000000001", 7, "b")
    assert entries(value) == [
        ("ffffffffffffffff", 1_764_000_000, 999_999, "ünï-1"),
        ("0000000000000001", 7, 0, "b"),
    ]


def test_script_constants_match_this_module() -> None:
    script = SCRIPT.read_text()
    assert f"local MAX_ENTRIES_PER_FIELD = {near_duplicates.ENTRIES_PER_FIELD}" in script
    assert f"local BANDS, BAND_BITS = {fingerprint.INDEX_BANDS}, {near_duplicates.BAND_BITS}" in script
    assert (fingerprint.INDEX_BANDS, fingerprint.PROBE_RADIUS) == (4, 1)
    assert fingerprint.NEAR_DUPLICATE_DISTANCE <= fingerprint.INDEX_BANDS * (fingerprint.PROBE_RADIUS + 1) - 1
