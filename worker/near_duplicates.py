"""The near-duplicate lookup: the worker reads the Redis index and picks the earlier document itself.

Layout (key names in worker/keys.py):
- NEAR_DUPLICATE_BANDS, a hash: field "<band>:<4 hex digits>" (the fingerprint's 4 bands of 16 bits) ->
  fixed-width entries of 24 hex digits, the fingerprint then the Unix second it was indexed, newest first,
  at most ENTRIES_PER_FIELD of them.
- near_duplicate_owner_key(fingerprint): the doc_id first published with that exact fingerprint, expiring
  with the retention, so that an entry needs no doc_id and stays fixed-width.
- NEAR_DUPLICATE_SEQUENCE and NEAR_DUPLICATE_RECENT: a counter of indexed documents and the newest
  RECENT_ENTRIES of them as "<fingerprint> <time> <doc_id>". The publish script checks there what was indexed
  after the worker read the index (by another worker, or earlier in the same batch), so the lookup and the
  publish together still find the first of two near-duplicates published at the same moment.

Why the worker and not a script does the comparing: a lookup compares the fingerprint with every entry
under its 68 probe fields (each band and its 16 one-bit neighbours). With the index full
(32 entries a field) that is up to 2,176 entries; parsing them in Lua cost Redis about 5 ms of its single
thread per document (one Redis core then published at most ~200 documents/s), while numpy compares them in
tens of microseconds on a worker's core, and workers scale out. `python -m bench.near_duplicates` measures both
sides.
"""

from __future__ import annotations

import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import redis

from worker import keys

ENTRIES_PER_FIELD = 32  # the newest entries kept per band value: bounds a lookup at 68 x 32 entries
RECENT_ENTRIES = 1024  # how many publishes may fall between a worker's read and its publish
ENTRY_DIGITS = 24
_ENTRY = np.dtype([("fingerprint", ">u8"), ("seen", ">u4")])


@dataclass(frozen=True)
class IndexRead:
    """What a worker read of the index before publishing a document."""

    sequence: int  # documents indexed when it was read: the publish script checks those indexed since
    earlier: str | None  # fingerprint of the oldest near entry still within the retention, if any


def earliest_near(
    fingerprint: str, values: Sequence[str | bytes | None], horizon: int, max_distance: int
) -> str | None:
    """The fingerprint of the oldest entry within `max_distance` bits of `fingerprint` indexed at or after
    `horizon` (Unix seconds), among the values of its probe fields; None when there is none. Equal times
    go to the nearer fingerprint."""
    filled = [value for value in values if value and len(value) % ENTRY_DIGITS == 0]
    if not filled:
        return None
    joined = b"".join(_ascii(value) for value in filled)
    try:
        entries = np.frombuffer(binascii.unhexlify(joined), dtype=_ENTRY)
    except binascii.Error:  # not written by the publish script: ignore rather than fail the batch
        return None
    distances = np.bitwise_count(entries["fingerprint"] ^ np.uint64(int(fingerprint, 16)))
    near = np.flatnonzero((distances <= max_distance) & (entries["seen"] >= horizon))
    if not len(near):
        return None
    # Oldest first, then nearest: lexsort sorts by its last key first.
    best = near[np.lexsort((distances[near], entries["seen"][near]))[0]]
    return f"{int(entries['fingerprint'][best]):016x}"


def _ascii(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("ascii", "replace")


class IndexReader:
    """Reads the index for a batch of fingerprints in one script call (worker/lua/near_duplicates_read.lua)."""

    def __init__(self, client: redis.Redis) -> None:
        self._client = client
        self._read = client.register_script(
            resources.files("worker").joinpath("lua", "near_duplicates_read.lua").read_text(encoding="utf-8")
        )

    def read(self, fingerprints: Sequence[str], retention: int, max_distance: int) -> list[IndexRead]:
        """The index sequence and, per fingerprint, the earlier near fingerprint still within `retention`
        seconds ("" fingerprints are not looked up)."""
        sequence, now, *probed = self._read(
            keys=[keys.NEAR_DUPLICATE_BANDS, keys.NEAR_DUPLICATE_SEQUENCE],
            args=[fingerprint for fingerprint in fingerprints if fingerprint],
        )
        horizon = int(now) - retention
        found = iter(probed)
        return [
            IndexRead(int(sequence), earliest_near(fp, [next(found)], horizon, max_distance) if fp else None)
            for fp in fingerprints
        ]
