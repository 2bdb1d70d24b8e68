"""The worker's side of the near-duplicate lookup: choosing the earlier fingerprint among index entries."""

from __future__ import annotations

from worker.near_duplicates import ENTRY_DIGITS, earliest_near
from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE, hamming


def entry(fingerprint: str, seen: int) -> str:
    return f"{fingerprint}{seen:08x}"


def test_entries_are_the_width_the_script_writes() -> None:
    assert len(entry("0123456789abcdef", 1_700_000_000)) == ENTRY_DIGITS


def test_earliest_near_picks_the_oldest_entry_within_the_distance() -> None:
    fields = [
        entry("aaaaaaaaaaaaaaab", 300) + entry("aaaaaaaaaaaaaaa0", 200),
        None,
        entry("5555555555555555", 100),  # older, but far
    ]
    assert earliest_near("aaaaaaaaaaaaaaaa", fields, horizon=0, max_distance=NEAR_DUPLICATE_DISTANCE) == (
        "aaaaaaaaaaaaaaa0"
    )


def test_earliest_near_respects_the_distance_limit_exactly() -> None:
    at_limit = "bbaabbaabbaabaaa"
    past_limit = "bbaabbaabbaabbaa"
    assert hamming("aaaaaaaaaaaaaaaa", at_limit) == NEAR_DUPLICATE_DISTANCE
    assert earliest_near("aaaaaaaaaaaaaaaa", [entry(at_limit, 5)], 0, NEAR_DUPLICATE_DISTANCE) == at_limit
    assert earliest_near("aaaaaaaaaaaaaaaa", [entry(past_limit, 5)], 0, NEAR_DUPLICATE_DISTANCE) is None


def test_earliest_near_counts_the_top_bits() -> None:
    """The sign bit of the 64-bit value counts like any other bit."""
    assert earliest_near("8000000000000000", [entry("0000000000000000", 1)], 0, 0) is None
    assert earliest_near("8000000000000000", [entry("0000000000000000", 1)], 0, 1) == "0000000000000000"


def test_earliest_near_skips_entries_older_than_the_horizon() -> None:
    fields = [entry("aaaaaaaaaaaaaaab", 99) + entry("aaaaaaaaaaaaaaa8", 150)]
    assert earliest_near("aaaaaaaaaaaaaaaa", fields, horizon=100, max_distance=7) == "aaaaaaaaaaaaaaa8"
    assert earliest_near("aaaaaaaaaaaaaaaa", fields, horizon=151, max_distance=7) is None


def test_earliest_near_breaks_equal_times_by_distance() -> None:
    fields = [entry("aaaaaaaaaaaaaa55", 7), entry("aaaaaaaaaaaaaaab", 7)]
    assert earliest_near("aaaaaaaaaaaaaaaa", fields, 0, 7) == "aaaaaaaaaaaaaaab"


def test_earliest_near_reads_bytes_and_ignores_what_the_script_did_not_write() -> None:
    good = entry("aaaaaaaaaaaaaaab", 9).encode()
    assert earliest_near("aaaaaaaaaaaaaaaa", [b"", good, "short"], 0, 7) == "aaaaaaaaaaaaaaab"
    assert earliest_near("aaaaaaaaaaaaaaaa", ["zz" * (ENTRY_DIGITS // 2)], 0, 7) is None
    assert earliest_near("aaaaaaaaaaaaaaaa", [], 0, 7) is None
