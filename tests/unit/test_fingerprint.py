"""SimHash fingerprints: format, stability, near-duplicate distance and the LSH bands."""

from __future__ import annotations

import numpy as np
import pytest

from worker.stages.enrich.fingerprint import (
    NEAR_DUPLICATE_DISTANCE,
    band_probes,
    bands,
    hamming,
    is_near_duplicate,
    simhash,
)
from worker.stages.enrich.fingerprint import _ones_per_bit as ones_per_bit
from worker.stages.tokens import lower_words

FLOOD_REPORT = (
    "Heavy rain caused the river Severn to burst its banks on Tuesday, flooding more than two hundred "
    "homes in the town of Bewdley. Emergency services evacuated residents from the worst affected streets "
    "overnight, and a rest centre was opened at the local school. The Environment Agency said temporary "
    "barriers had been overwhelmed by water levels that were the highest recorded since 2000. Local "
    "councillor Anne Hughes said the community was shocked but was pulling together to help neighbours "
    "who had lost everything. Forecasters expect more rain later in the week, and three further flood "
    "warnings remain in place along the river. Insurers said claims could run into millions of pounds, "
    "while the government promised to review flood defence spending in the region next month."
)

FLOOD_FOLLOW_UP = (
    "Residents of Bewdley began the clean-up on Thursday after the Severn fell back below its banks, two "
    "days after floods swept through hundreds of homes. Volunteers carried ruined furniture into skips as "
    "engineers inspected the temporary barriers that failed during the storm. Anne Hughes, a local "
    "councillor, called for permanent defences and criticised what she described as years of delay. The "
    "Environment Agency defended its response, saying its teams had worked through the night and that "
    "the river had risen faster than any model predicted. The agency will publish a review of the "
    "barriers next month, and ministers are expected to visit the town at the weekend."
)


def fingerprint(text: str) -> str:
    return simhash(lower_words(text))


def test_simhash_is_sixteen_lowercase_hex_digits() -> None:
    """A fingerprint is 64 bits written as 16 lowercase hex digits."""
    value = fingerprint(FLOOD_REPORT)
    assert len(value) == 16
    assert value == value.lower()
    int(value, 16)


def test_simhash_is_stable_for_the_same_words() -> None:
    """The same words give the same fingerprint (the hash does not depend on the process)."""
    assert fingerprint(FLOOD_REPORT) == simhash(list(lower_words(FLOOD_REPORT)))
    assert fingerprint("Markets fell sharply on Monday.") == fingerprint("markets FELL sharply, on Monday!")


def test_simhash_value_is_pinned_across_releases() -> None:
    """Stored fingerprints are compared with new ones: the hash of a known text must never drift."""
    assert fingerprint(FLOOD_REPORT) == "c1f8cc19d990728f"


def test_simhash_keeps_a_word_with_a_space_as_one_word() -> None:
    """A caller's word that holds a space is still one word, not two."""
    assert simhash(["a b", "c"]) != simhash(["a", "b", "c"])


def test_simhash_of_no_words_is_zero() -> None:
    """An empty text has the all-zero fingerprint instead of failing."""
    assert simhash([]) == "0" * 16


def test_simhash_handles_texts_shorter_than_a_shingle() -> None:
    """One or two words still give a fingerprint, and different words give different ones."""
    assert simhash(["hello"]) != simhash(["goodbye"])
    assert simhash(["hello", "world"]) != simhash(["world", "hello"])


def test_simhash_is_order_sensitive() -> None:
    """Shingles keep word order, so a reversed text is far from the original."""
    words = lower_words(FLOOD_REPORT)
    assert hamming(simhash(words), simhash(words[::-1])) > NEAR_DUPLICATE_DISTANCE


def test_simhash_near_duplicate_for_a_one_word_edit() -> None:
    """A copy with one word changed stays within the near-duplicate distance."""
    edited = FLOOD_REPORT.replace("shocked", "stunned")
    assert is_near_duplicate(fingerprint(FLOOD_REPORT), fingerprint(edited))


def test_simhash_near_duplicate_for_an_added_byline() -> None:
    """A syndicated copy with a byline on top stays within the near-duplicate distance."""
    syndicated = "By Tom Price, Press Association\n\n" + FLOOD_REPORT
    assert is_near_duplicate(fingerprint(FLOOD_REPORT), fingerprint(syndicated))


def test_simhash_different_articles_on_the_same_story_are_not_duplicates() -> None:
    """A follow-up on the same flood, with the same people and places, is not a duplicate."""
    distance = hamming(fingerprint(FLOOD_REPORT), fingerprint(FLOOD_FOLLOW_UP))
    assert distance > 2 * NEAR_DUPLICATE_DISTANCE


@pytest.mark.parametrize("count", [1, 3, 255, 256, 300, 510, 511, (1 << 16) - 1, 1 << 16, 70_000])
def test_ones_per_bit_counts_every_bit_of_every_hash(count: int) -> None:
    """The lane-wise count matches a bit-by-bit count, also past a byte lane's capacity and its blocks."""
    hashes = np.random.default_rng(count).integers(0, 1 << 64, size=count, dtype=np.uint64)
    hashes |= np.uint64(1 << 5 | 1 << 63)  # two bits set in every hash: 256 of them overflow a byte lane
    expected = [int(((hashes >> np.uint64(bit)) & np.uint64(1)).sum()) for bit in range(64)]
    assert ones_per_bit(hashes).tolist() == expected


def test_hamming_counts_differing_bits() -> None:
    """Hamming distance counts the bits in which two hex fingerprints differ."""
    assert hamming("0000000000000000", "0000000000000000") == 0
    assert hamming("0000000000000000", "ffffffffffffffff") == 64
    assert hamming("0000000000000001", "8000000000000000") == 2


def test_bands_split_into_four_sixteen_bit_bands() -> None:
    """The default bands are the four 16-bit quarters of the fingerprint, most significant first."""
    assert bands("0123456789abcdef") == ["0123", "4567", "89ab", "cdef"]
    assert bands("0123456789abcdef", 8) == ["01", "23", "45", "67", "89", "ab", "cd", "ef"]


def test_bands_rejects_a_split_into_partial_hex_digits() -> None:
    """A band count that does not give whole hex digits is an error, not a silent truncation."""
    with pytest.raises(ValueError, match="bands"):
        bands("0123456789abcdef", 3)


def test_bands_shared_within_three_bits() -> None:
    """Any two fingerprints within 3 bits share a band at the same position (pigeonhole)."""
    base = int("f0e1d2c3b4a59687", 16)
    for flips in [(0, 1, 2), (0, 16, 32), (5, 21, 60), (63, 47, 31)]:
        other = base
        for bit in flips:
            other ^= 1 << bit
        a, b = f"{base:016x}", f"{other:016x}"
        assert any(x == y for x, y in zip(bands(a), bands(b), strict=True))


def test_band_probes_find_every_pair_within_the_near_duplicate_distance() -> None:
    """Probing each band within the radius finds a fingerprint up to NEAR_DUPLICATE_DISTANCE bits away."""
    base = int("1234abcd5678ef90", 16)
    spread = [bit * 9 % 64 for bit in range(NEAR_DUPLICATE_DISTANCE)]
    other = base
    for bit in spread:
        other ^= 1 << bit
    a, b = f"{base:016x}", f"{other:016x}"
    assert hamming(a, b) == NEAR_DUPLICATE_DISTANCE
    indexed = bands(a)
    probes = band_probes(b)
    assert any(indexed[i] in probes[i] for i in range(len(indexed)))


def test_band_probes_list_the_band_first_then_its_neighbours() -> None:
    """Radius 1 gives each band's own value and its 16 one-bit neighbours."""
    probes = band_probes("0000000000000000", radius=1)
    assert len(probes) == 4
    assert probes[0][0] == "0000"
    assert len(set(probes[0])) == 17
    assert "8000" in probes[0]
    assert "0001" in probes[0]
