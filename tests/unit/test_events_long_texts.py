"""Long documents are searched by one scan of their words: it finds what the per-word searches find."""

from __future__ import annotations

import importlib

import pytest

from worker.stages.classify.events.actor_tables import gazetteer
from worker.stages.classify.events.actors import _sentence_cues
from worker.stages.classify.events.extract import _event_words, _same_length_lower
from worker.stages.classify.events.lexicon import _head_positions, find_triggers, lexicon, words

# The package exports a function named `lexicon`, which hides the module of that name as its attribute.
lexicon_module = importlib.import_module("worker.stages.classify.events.lexicon")
actors = importlib.import_module("worker.stages.classify.events.actors")

# Whole words and parts of longer ones: "attacked" alone, in "x=attacked", "attacked-", "re-attacked".
_PIECE = (
    "Police said the army attacked rebels in x=attacked and re-attacked towns; talks, which the UN urged, "
    "will resume (talks) after troops' withdrawal. Troops withdrew_ and security forces met — “protesters” "
    "clashed with police-backed militias, attacked… İstanbul officials agreed.\n"
)


@pytest.fixture
def long_text() -> str:
    text = _PIECE * 200
    assert len(text) > lexicon_module.LONG_TEXT
    return text


def test_long_texts_find_the_heads_a_search_per_form_finds(
    long_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lower = _same_length_lower(long_text)
    forms, known = lexicon().forms, _event_words().intersection(words(lower))
    scanned = _head_positions(lower, forms, known)
    monkeypatch.setattr(lexicon_module, "LONG_TEXT", len(lower))
    assert scanned == _head_positions(lower, forms, known)
    assert find_triggers(lower, long_text, known)  # and the text has triggers to find


def test_many_cue_heads_find_the_cues_a_search_per_head_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    lower = _same_length_lower(_PIECE)
    heads = gazetteer().cue_heads
    found = [_sentence_cues(lower, start, start + 120, heads) for start in range(0, len(lower) - 120, 7)]
    monkeypatch.setattr(actors, "_MANY_CUE_HEADS", len(heads))
    assert found == [
        _sentence_cues(lower, start, start + 120, heads) for start in range(0, len(lower) - 120, 7)
    ]
    assert any(found)
