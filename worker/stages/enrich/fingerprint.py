"""A 64-bit SimHash of a document's word 3-grams, and the helpers a near-duplicate index needs.

How far apart fingerprints of near-duplicates fall was measured on wikinews.dev articles (see
tests/unit/test_fingerprint_gold.py and the numbers in NEAR_DUPLICATE_DISTANCE's comment). SimHash
bits flip with probability angle/pi, so on a ~250-word article even a three-word edit moves the
fingerprint by about 5 bits: a distance of 3 catches only exact and almost exact copies.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import combinations

import numpy as np
import numpy.typing as npt

from worker.stages.poly_hash import PowerTables

SHINGLE_SIZE = 3

# Two fingerprints at most this many bits apart are near-duplicates. Measured on wikinews.dev with
# this SimHash (400 articles, random edits; 457 pairs of different articles on the same story):
# a copy with 3 words changed is within 7 bits in 80 % of cases, one with a sentence dropped in 68 %,
# one with a byline and a copyright line added in 87 %; no pair of different articles is closer than
# 10 bits, while templated articles (same boilerplate, 3-gram Jaccard above 0.5) come as close as 6 to 10.
NEAR_DUPLICATE_DISTANCE = 7

INDEX_BANDS = 4
# Pigeonhole: if 4 bands differ in 7 bits together, one band differs in at most 7 // 4 = 1 bit. So a
# lookup that probes every band value within this radius of each band finds every near-duplicate.
PROBE_RADIUS = NEAR_DUPLICATE_DISTANCE // INDEX_BANDS

_FINGERPRINT_BITS = 64
_LITTLE_ENDIAN = sys.byteorder == "little"
_UINT64 = np.uint64

# A shingle's hash is a polynomial in the code points of its words, each word with a space before it
# (" w1 w2 w3": c0 + c1*P + c2*P**2 ... modulo 2**64), put through the splitmix64 finaliser so every bit
# depends on every character. Unlike hash() it is the same in every process and release, and numpy
# computes it for all shingles of a document at once from prefix sums over the joined words, with no
# per-word Python work. Changing any constant here changes every stored fingerprint (tests pin one).
_POWERS = PowerTables(0xD6E8FEB86659FD93)
_FINALISER_MULTIPLIERS = (_UINT64(0xBF58476D1CE4E5B9), _UINT64(0x94D049BB133111EB))
_FINALISER_SHIFTS = (_UINT64(30), _UINT64(27), _UINT64(31))
_CODE_POINT_DTYPE = np.dtype("<u4")
_BYTE = np.dtype(np.uint8)
_UINT64_DTYPE = np.dtype(np.uint64)
# The most hashes a byte lane can count (see _ones_per_bit).
_BYTE_LANE_MOST = 255
_SEPARATOR = ord(" ")


def _finalise(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser, in place: spreads the polynomial's bits over the whole word."""
    values ^= values >> _FINALISER_SHIFTS[0]
    values *= _FINALISER_MULTIPLIERS[0]
    values ^= values >> _FINALISER_SHIFTS[1]
    values *= _FINALISER_MULTIPLIERS[1]
    values ^= values >> _FINALISER_SHIFTS[2]
    return values


def _shingle_hashes(words: Sequence[str]) -> npt.NDArray[np.uint64]:
    """One 64-bit hash per word 3-gram, repeats kept (a shorter text is one shingle of all its words)."""
    # A space before every word and one after the last, so that word i starts at the i-th space.
    codes = _code_points(f" {' '.join(words)} ")
    starts = (codes == _SEPARATOR).nonzero()[0]
    if len(starts) != len(words) + 1:  # a caller's word with a space in it: keep one space per word
        codes = _code_points(f" {' '.join(word.replace(' ', chr(0)) for word in words)} ")
        starts = (codes == _SEPARATOR).nonzero()[0]
    powers, inverse_powers = _POWERS.upto(len(codes))
    prefix = np.empty(len(codes) + 1, dtype=np.uint64)
    prefix[0] = 0
    np.add.accumulate(codes * powers[: len(codes)], out=prefix[1:])
    size = min(SHINGLE_SIZE, len(words))
    at_starts = prefix[starts]
    # Shingle i runs from the space before word i to the space before word i + size; its prefix-sum
    # difference is its polynomial times P**start, which the inverse power takes back off.
    return _finalise((at_starts[size:] - at_starts[:-size]) * inverse_powers[starts[:-size]])


def _code_points(joined: str) -> npt.NDArray[np.uint32]:
    # surrogatepass: a stray surrogate from a broken source still hashes instead of failing the document.
    return np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=_CODE_POINT_DTYPE)


def _ones_per_bit(hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.unsignedinteger]:
    """How many of the hashes have each of the 64 bits set, bit 0 first.

    Counted in byte lanes: unpacking byte r of every hash into one byte per bit gives, for each hash, a
    uint64 whose 8 bytes are bits 8r to 8r + 7, so one uint64 sum along the hashes counts 8 bits at once.
    A byte lane holds any count up to 255, so longer texts are summed in blocks of 255 hashes and the
    blocks' lanes added up wider. Each sum runs along the hashes in one long loop and the bytes unpack
    by table: about 3 % fewer instructions per wikinews document than shifting every hash 16 times into
    16-bit lanes and masking them.
    """
    count = len(hashes)
    little_endian = hashes if _LITTLE_ENDIAN else hashes.astype("<u8")  # byte 0 holds bits 0-7 everywhere
    # Row r: byte r of every hash, contiguous, so that the unpacked row reads as one uint64 per hash.
    by_byte = little_endian.view(_BYTE).reshape(count, 8).T.copy()
    lanes = np.unpackbits(by_byte, axis=1, bitorder="little").view(_UINT64_DTYPE)
    if count <= _BYTE_LANE_MOST:
        counts: npt.NDArray[np.unsignedinteger] = np.add.reduce(lanes, axis=1).view(_BYTE)
        return counts
    blocks = np.add.reduceat(lanes, np.arange(0, count, _BYTE_LANE_MOST), axis=1)
    # blocks[r, b] holds block b's counts of bits 8r to 8r + 7, one per byte.
    wide: npt.NDArray[np.unsignedinteger] = np.add.reduce(
        blocks.view(_BYTE).reshape(8, -1, 8), axis=1, dtype=np.uint32
    ).ravel()
    return wide


def simhash(words: Sequence[str]) -> str:
    """The 64-bit SimHash of the words' 3-grams as 16 lowercase hex digits ("0" * 16 for no words)."""
    if not words:
        return "0" * 16
    hashes = _shingle_hashes(words)
    majority = _ones_per_bit(hashes) > len(hashes) // 2  # a strict majority
    packed = np.packbits(majority, bitorder="little").tobytes()
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
