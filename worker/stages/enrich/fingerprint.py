"""A 64-bit SimHash of a document's word 3-grams, and the helpers a near-duplicate index needs.

How far apart fingerprints of near-duplicates fall was measured on wikinews.dev articles (see
tests/unit/test_fingerprint_gold.py and the numbers in NEAR_DUPLICATE_DISTANCE's comment). SimHash
bits flip with probability angle/pi, so on a ~250-word article even a three-word edit moves the
fingerprint by about 5 bits: a distance of 3 catches only exact and almost exact copies.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from itertools import combinations

import numpy as np
import numpy.typing as npt

SHINGLE_SIZE = 3

# Two fingerprints at most this many bits apart are near-duplicates. Measured on wikinews.dev with
# this SimHash (400 articles, random edits; 457 pairs of different articles on the same story):
# a copy with 3 words changed is within 7 bits in 81 % of cases, one with a sentence dropped in 65 %,
# one with a byline and a copyright line added in 86 %; no pair of different articles is closer than
# 10 bits, while templated articles (same boilerplate, another candidate) start at 7 and 8.
NEAR_DUPLICATE_DISTANCE = 7

INDEX_BANDS = 4
# Pigeonhole: if 4 bands differ in 7 bits together, one band differs in at most 7 // 4 = 1 bit. So a
# lookup that probes every band value within this radius of each band finds every near-duplicate.
PROBE_RADIUS = NEAR_DUPLICATE_DISTANCE // INDEX_BANDS

_FINGERPRINT_BITS = 64
_LITTLE_ENDIAN = sys.byteorder == "little"
_WORD_CACHE_LIMIT = 200_000
# Word hashes are kept as their 8 little-endian digest bytes: joining a document's bytes and reading them
# as one array is several times faster than building an array from Python ints above 2**32.
_word_hashes: dict[str, bytes] = {}
_HASH_DTYPE = np.dtype("<u8")

# Odd multipliers for the first two words of a 3-gram (the third is taken as is), so "a b c" and
# "c b a" differ.
_POSITION_MULTIPLIERS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))
_MIX_MULTIPLIER = np.uint64(0xBF58476D1CE4E5B9)
_MIX_SHIFT_1 = np.uint64(29)
_MIX_SHIFT_2 = np.uint64(32)


def _word_hash(word: str) -> bytes:
    """A stable 64-bit hash of one word (unlike hash(), the same in every process), as 8 bytes."""
    return hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()


def _word_hash_array(words: Sequence[str]) -> npt.NDArray[np.uint64]:
    """The words' hashes as a uint64 array, from a bounded cache (one dict lookup per known word)."""
    try:
        joined = b"".join(map(_word_hashes.get, words))  # type: ignore[arg-type]  # a None raises TypeError
    except TypeError:  # a word not seen before
        if len(_word_hashes) >= _WORD_CACHE_LIMIT:
            _word_hashes.clear()  # bounded: the vocabulary of a long-lived worker keeps growing
        for word in words:
            if word not in _word_hashes:
                _word_hashes[word] = _word_hash(word)
        joined = b"".join(map(_word_hashes.__getitem__, words))
    hashes = np.frombuffer(joined, dtype=_HASH_DTYPE)
    return hashes if _LITTLE_ENDIAN else hashes.astype(np.uint64)


def _shingle_hashes(words: Sequence[str]) -> npt.NDArray[np.uint64]:
    """One 64-bit hash per word 3-gram, repeats kept (a shorter text is one shingle of all its words)."""
    hashes = _word_hash_array(words)
    size = min(SHINGLE_SIZE, len(words))
    count = len(words) - size + 1
    combined = hashes[:count] * _POSITION_MULTIPLIERS[0]
    if size > 1:
        combined ^= hashes[1 : 1 + count] * _POSITION_MULTIPLIERS[1]
    if size > 2:
        combined ^= hashes[2 : 2 + count]
    # One xorshift-multiply round so that every bit of the shingle hash depends on all three words.
    combined ^= combined >> _MIX_SHIFT_1
    combined *= _MIX_MULTIPLIER
    combined ^= combined >> _MIX_SHIFT_2
    return combined


def simhash(words: Sequence[str]) -> str:
    """The 64-bit SimHash of the words' 3-grams as 16 lowercase hex digits ("0" * 16 for no words)."""
    if not words:
        return "0" * 16
    hashes = _shingle_hashes(words)
    little_endian = hashes if _LITTLE_ENDIAN else hashes.astype("<u8")  # same bits on every machine
    bits = np.unpackbits(little_endian.view(np.uint8), bitorder="little").reshape(-1, 64)
    # A float32 dot product counts the set bits per column faster than an integer sum over axis 0.
    ones_per_bit = np.ones(len(hashes), dtype=np.float32) @ bits.astype(np.float32)
    packed = np.packbits(ones_per_bit * 2 > len(hashes), bitorder="little").tobytes()
    return f"{int.from_bytes(packed, 'little'):016x}"


def hamming(a: str, b: str) -> int:
    """The number of bits in which two hex fingerprints differ."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def is_near_duplicate(a: str, b: str) -> bool:
    """True when two fingerprints are within NEAR_DUPLICATE_DISTANCE bits."""
    return hamming(a, b) <= NEAR_DUPLICATE_DISTANCE


def _band_digits(n: int) -> int:
    if n <= 0 or _FINGERPRINT_BITS % n or (_FINGERPRINT_BITS // n) % 4:
        raise ValueError(f"cannot split 64 bits into {n} bands of whole hex digits (use 1, 2, 4, 8 or 16)")
    return 16 // n


def bands(fp: str, n: int = INDEX_BANDS) -> list[str]:
    """The n equal bands of a fingerprint, in hex, most significant first.

    Two fingerprints within n - 1 bits share at least one band value at the same position.
    """
    digits = _band_digits(n)
    return [fp[i : i + digits] for i in range(0, 16, digits)]


def band_probes(fp: str, n: int = INDEX_BANDS, radius: int = PROBE_RADIUS) -> list[list[str]]:
    """For each band, its value and every value within `radius` bits of it (the band's own value first).

    Index a document under `bands(fp, n)`; look candidates up under these probes, then keep those with
    `hamming <= NEAR_DUPLICATE_DISTANCE`: with 4 bands and radius 1 every pair within 7 bits is found.
    """
    digits = _band_digits(n)
    width = digits * 4
    probes: list[list[str]] = []
    for band in bands(fp, n):
        value = int(band, 16)
        flips = [
            sum(1 << bit for bit in chosen)
            for r in range(1, radius + 1)
            for chosen in combinations(range(width), r)
        ]
        probes.append([band] + [f"{value ^ flip:0{digits}x}" for flip in flips])
    return probes
