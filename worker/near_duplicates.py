"""The near-duplicate index that worker/lua/publish.lua reads and writes, described in Python.

The publish script is what uses it; this module states the layout once, for the tests and for
`bench.near_duplicates`, which build index contents the way the script would.

Layout (key in worker/keys.py, NEAR_DUPLICATE_INDEX): one hash.
- Field: 3 bytes, the band number (0-3) then the band's 16 bits, big-endian. A fingerprint's 64 bits are
  4 bands of 16 bits (worker.stages.enrich.fingerprint.INDEX_BANDS).
- Value: the documents indexed under that band value, newest first, at most ENTRIES_PER_FIELD, each
  an entry of: the fingerprint (8 bytes), the Unix second it was indexed (4 bytes) and the microsecond
  within it (3 bytes), the length of its doc_id in bytes (2 bytes), the doc_id (UTF-8); numbers
  big-endian. The second decides expiry; second and microsecond together which of two near documents
  came first (two published within one second are common under load).

Why binary: the script compares a document with every entry under its 68 probe fields (its 4 bands and
each band's 16 one-bit neighbours), up to 68 x 32 entries once the index is full. Reading 8 bytes in one
`string.byte` call and counting bits by table costs Lua about a fifth of parsing hex digits into
numbers, which allocates strings for every entry. Fixed-width heads also let the script walk entries
without searching for separators.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from worker.stages.enrich.fingerprint import INDEX_BANDS

ENTRIES_PER_FIELD = 32  # the newest kept per band value: bounds a lookup at 68 x 32 entries
BAND_BITS = 16
_HEAD = struct.Struct(">QI3sH")  # fingerprint, indexed at (second, microsecond), doc_id length
_FIELD = struct.Struct(">BH")


def band_values(fingerprint: str) -> list[int]:
    """The 4 band values of a fingerprint of 16 hex digits, most significant first."""
    value = int(fingerprint, 16)
    shift = BAND_BITS * (INDEX_BANDS - 1)
    return [(value >> (shift - BAND_BITS * band)) & 0xFFFF for band in range(INDEX_BANDS)]


def own_fields(fingerprint: str) -> list[bytes]:
    """The fields a fingerprint is indexed under: one per band."""
    return [_FIELD.pack(band, value) for band, value in enumerate(band_values(fingerprint))]


def probe_fields(fingerprint: str) -> list[bytes]:
    """The fields a lookup reads: each band's own value and its 16 one-bit neighbours. With 4 bands,
    fingerprints within 7 bits have some band at most 1 bit apart, so one of these holds each of them."""
    fields = []
    for band, value in enumerate(band_values(fingerprint)):
        fields.append(_FIELD.pack(band, value))
        fields += [_FIELD.pack(band, value ^ (1 << bit)) for bit in range(BAND_BITS)]
    return fields


class Entry(NamedTuple):
    fingerprint: str
    second: int
    microsecond: int
    doc_id: str


def entry(fingerprint: str, second: int, doc_id: str, microsecond: int = 0) -> bytes:
    """One index entry, as the script writes it."""
    name = doc_id.encode()
    return _HEAD.pack(int(fingerprint, 16), second, microsecond.to_bytes(3, "big"), len(name)) + name


def entries(value: bytes) -> list[Entry]:
    """The entries of a field's value, newest first."""
    found = []
    at = 0
    while at < len(value):
        fingerprint, second, microsecond, size = _HEAD.unpack_from(value, at)
        at += _HEAD.size
        found.append(
            Entry(
                f"{fingerprint:016x}",
                second,
                int.from_bytes(microsecond, "big"),
                value[at : at + size].decode(),
            )
        )
        at += size
    return found
