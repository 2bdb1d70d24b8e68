"""The two-generation cache the stages keep name parts in."""

from __future__ import annotations

import pytest

from worker.stages.generations import GenerationCache


def _counting_cache(size: int) -> tuple[GenerationCache[str, str], list[str]]:
    computed: list[str] = []

    def upper(key: str) -> str:
        computed.append(key)
        return key.upper()

    return GenerationCache(upper, size), computed


def test_a_key_is_computed_once_while_cached() -> None:
    cache, computed = _counting_cache(4)
    assert [cache.get(key) for key in ("a", "b", "a", "b")] == ["A", "B", "A", "B"]
    assert computed == ["a", "b"]


def test_a_key_used_again_after_its_generation_filled_comes_from_the_older_one() -> None:
    cache, computed = _counting_cache(2)
    for key in ("kofi", "ban", "geneva"):  # the third key turns the first two into the older generation
        cache.get(key)
    assert cache.older == {"kofi": "KOFI", "ban": "BAN"}
    assert cache.get("kofi") == "KOFI"
    assert computed == ["kofi", "ban", "geneva"]  # not computed again
    assert "kofi" in cache.recent


def test_memory_stays_within_two_generations() -> None:
    cache, computed = _counting_cache(3)
    for number in range(100):
        cache.get(str(number))
    assert len(cache.recent) <= 3
    assert len(cache.older) <= 3
    assert len(computed) == 100


def test_the_recent_dict_is_emptied_in_place() -> None:
    """Callers read `recent` directly on their hot path, so it must stay the same dict."""
    cache, _ = _counting_cache(1)
    recent = cache.recent
    cache.get("a")
    cache.get("b")
    assert cache.recent is recent
    assert recent == {"b": "B"}


def test_a_generation_holds_at_least_one_key() -> None:
    with pytest.raises(ValueError, match="at least one key"):
        GenerationCache(str.upper, 0)
