"""The topic vocabulary's hash table: every word found, every other hash unknown."""

from __future__ import annotations

import numpy as np
import pytest

from worker.stages.classify.topics_vocabulary import VocabularyTable

UNKNOWN = 10_000


def _random_hashes(count: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**64 - 1, size=count, dtype=np.uint64, endpoint=True)


def test_vocabulary_table_finds_each_word_and_nothing_else() -> None:
    """Five thousand words, all found at their own index; as many other hashes, none found."""
    words = _random_hashes(5000, seed=1)
    table = VocabularyTable(words, UNKNOWN)
    assert table.ids(words).tolist() == list(range(5000))
    others = np.setdiff1d(_random_hashes(5000, seed=2), words)
    assert set(table.ids(others).tolist()) == {UNKNOWN}


def test_vocabulary_table_tells_words_apart_that_share_both_slots() -> None:
    """Words whose hashes differ only in bits no slot is picked by still get their own ids."""
    words = np.array([0, 1, 2, 2**63, 2**63 + 1, 0xFFFF], dtype=np.uint64)
    table = VocabularyTable(words, UNKNOWN)
    assert table.ids(words).tolist() == list(range(6))
    assert table.ids(np.array([3, 2**63 + 2], dtype=np.uint64)).tolist() == [UNKNOWN, UNKNOWN]


def test_vocabulary_table_refuses_a_repeated_hash() -> None:
    """Two words with one hash could not be told apart: the table is not built."""
    with pytest.raises(ValueError, match="share a hash"):
        VocabularyTable(np.array([5, 7, 5], dtype=np.uint64), UNKNOWN)


def test_vocabulary_table_of_no_words_knows_nothing() -> None:
    """An empty vocabulary (a model being set up) answers unknown for everything."""
    table = VocabularyTable(np.zeros(0, dtype=np.uint64), UNKNOWN)
    assert table.ids(np.array([0, 1], dtype=np.uint64)).tolist() == [UNKNOWN, UNKNOWN]


def test_vocabulary_table_numbers_from_a_first_id() -> None:
    """A table of word pairs numbers them after the words: ids start at `first_id`."""
    keys = _random_hashes(100, seed=3)
    table = VocabularyTable(keys, UNKNOWN, first_id=500)
    assert table.ids(keys).tolist() == list(range(500, 600))
