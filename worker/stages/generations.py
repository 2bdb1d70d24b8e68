"""A bounded cache in two generations, for values that recur across an article stream (name parts, words).

When the recent generation fills up it becomes the older one, and a key found there comes back to the
recent one: the keys an article stream keeps using stay cached, where emptying one full cache would make
every key of the next documents new again. Memory stays bounded at two generations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class GenerationCache(Generic[K, V]):
    """`compute(key)` cached in two generations of at most `size` keys each.

    Callers on a hot path read `recent` directly (one dict lookup) and call `fill` only on a miss.
    """

    def __init__(self, compute: Callable[[K], V], size: int) -> None:
        if size < 1:
            raise ValueError(f"a generation holds at least one key, not {size}")
        self.compute = compute
        self.size = size
        self.recent: dict[K, V] = {}
        self.older: dict[K, V] = {}

    def get(self, key: K) -> V:
        found = self.recent.get(key)
        return self.fill(key) if found is None else found

    def fill(self, key: K) -> V:
        """The value of a key missing from the recent generation: from the older one, else computed now."""
        found = self.older.get(key)
        if found is None:
            found = self.compute(key)
        recent = self.recent
        if len(recent) >= self.size:
            # Cleared and refilled in place: callers may hold the dicts themselves.
            self.older.clear()
            self.older.update(recent)
            recent.clear()
        recent[key] = found
        return found
