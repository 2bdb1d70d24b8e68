"""The topic model's vocabulary as a hash table that numpy searches for all of a document's runs at once
(and its word pairs, by a key made of their two runs' hashes, in a second such table).

A binary search (`np.searchsorted`) over the sorted hashes of 35,000 words makes some fifteen dependent
reads per run, most of them cache misses once other stages have run, and cost more than all the rest of
the scoring. Here every word sits in one of two slots picked by bits of its hash (cuckoo
hashing: a word whose both slots are taken moves an occupant to that one's other slot). Looking a run up
reads just those two slots, and the reads of all runs are independent, so the CPU overlaps their misses.

The table has more than two slots per word (two-slot cuckoo hashing places words reliably up to half
full); if placing ever failed, a table twice as large is tried. A smaller table is a faster one: for the
221,525 word pairs, 2**19 slots instead of 2**20 took a third off the time of their look-ups, as fewer of
the reads miss the CPU caches. Each slot holds a hash and a feature id; an empty slot holds a hash no
word has and the unknown id. Ids are 32-bit, as numpy sorts them fastest so.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from worker.stages.poly_hash import HashArray

_HASH_BITS = 64
# A word's first slot is the top bits of its hash; its second the top bits of the hash times an odd number
# (modulo 2**64), which every bit of the hash moves: hashes that differ only in low bits still part there.
_SECOND = np.uint64(0xC2B2AE3D27D4EB4F)
_MAX_MOVES = 500  # per word; far above what a table at most half full needs
_MAX_SLOT_BITS = 26


class VocabularyTable:
    """Feature ids of run hashes: `ids(hashes)`, with `unknown` for every run not in the vocabulary."""

    def __init__(self, word_hashes: HashArray, unknown: int, first_id: int = 0) -> None:
        if len(np.unique(word_hashes)) != len(word_hashes):
            raise ValueError("two vocabulary words share a hash")
        self.unknown = unknown
        empty = _absent_value(word_hashes)
        bits = max(4, (2 * len(word_hashes)).bit_length())
        while (slots := _placed(word_hashes, bits)) is None:
            bits += 1
            if bits > _MAX_SLOT_BITS:
                raise ValueError("the vocabulary does not fit a hash table")
        self._shift = np.uint64(_HASH_BITS - bits)
        # Hashes and ids in flat tables (numpy gathers from a flat array far faster than rows), with one
        # slot more: the one a run that is in neither of its slots is sent to.
        self._keys = np.full((1 << bits) + 1, empty, dtype=np.uint64)
        self._ids = np.full((1 << bits) + 1, unknown, dtype=np.uint32)
        placed = np.asarray(slots, dtype=np.intp)
        self._keys[placed] = word_hashes
        self._ids[placed] = np.arange(first_id, first_id + len(word_hashes))
        self._nowhere = 1 << bits

    def ids(self, hashes: HashArray) -> npt.NDArray[np.uint32]:
        """The feature id of each run hash (`first_id` plus its word's index in the vocabulary order), else
        `unknown`."""
        # The slots are below 2**26, so the shifted uint64 values read as intp unchanged: a view, no copy.
        first = (hashes >> self._shift).view(np.intp)
        second = ((hashes * _SECOND) >> self._shift).view(np.intp)
        in_second = np.where(self._keys[second] == hashes, second, self._nowhere)
        ids: npt.NDArray[np.uint32] = self._ids[np.where(self._keys[first] == hashes, first, in_second)]
        return ids


def _slots(hashes: HashArray, bits: int) -> tuple[list[int], list[int]]:
    shift = np.uint64(_HASH_BITS - bits)
    return (hashes >> shift).tolist(), ((hashes * _SECOND) >> shift).tolist()


def _placed(hashes: HashArray, bits: int) -> list[int] | None:
    """Each word's slot in a table of 2**bits slots, or None when the words do not fit."""
    first, second = _slots(hashes, bits)
    occupant: dict[int, int] = {}  # slot -> word
    for word in range(len(hashes)):
        slot = first[word]
        for _ in range(_MAX_MOVES):
            word, occupant[slot] = occupant.get(slot, -1), word
            if word < 0:
                break
            slot = second[word] if slot == first[word] else first[word]
        else:
            return None
    slots = [0] * len(hashes)
    for slot, word in occupant.items():
        slots[word] = slot
    return slots


def _absent_value(hashes: HashArray) -> int:
    """The smallest 64-bit value that is no word's hash."""
    taken = set(hashes.tolist())
    value = 0
    while value in taken:
        value += 1
    return value
