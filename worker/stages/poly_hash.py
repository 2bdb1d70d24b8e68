"""Powers of a multiplier modulo 2**64, for polynomial hashes of many runs of a text at once.

A run's polynomial hash (the sum of c_i * P**i over its characters, modulo 2**64) falls out of prefix sums
over the whole text: the difference of two prefix sums is the run's polynomial times P**start, which the
inverse power P**-start takes off again (P is odd, so it has an inverse modulo 2**64). numpy's uint64
arithmetic wraps around modulo 2**64, as these hashes want. The fingerprint and the topic model's word
lookup both hash this way, each with its own multiplier.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

HashArray = npt.NDArray[np.uint64]

_MIN_SIZE = 8192


class PowerTables:
    """P**i and P**-i for i below the longest text seen, grown by doubling and reused."""

    def __init__(self, multiplier: int) -> None:
        if multiplier % 2 == 0:
            raise ValueError("the multiplier must be odd to have an inverse modulo 2**64")
        self._multiplier = multiplier
        self._inverse = pow(multiplier, -1, 1 << 64)
        self._tables: tuple[HashArray, HashArray] | None = None

    def upto(self, length: int) -> tuple[HashArray, HashArray]:
        """(powers, inverse powers), each with at least `length` entries."""
        tables = self._tables
        if tables is None or len(tables[0]) < length:
            size = max(_MIN_SIZE, 2 * length)
            tables = (_powers_of(self._multiplier, size), _powers_of(self._inverse, size))
            self._tables = tables  # one pair, swapped whole: a reader never sees tables of two sizes
        return tables


def _powers_of(base: int, size: int) -> HashArray:
    table = np.full(size, np.uint64(base))
    table[0] = 1
    return np.cumprod(table, dtype=np.uint64)  # wraps modulo 2**64, as intended
