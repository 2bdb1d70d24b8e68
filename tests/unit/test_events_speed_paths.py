"""The shortcuts of event extraction give what the longer ways they skip would give."""

from __future__ import annotations

from worker.stages.classify.events import _event_words, _prior, _ranked
from worker.stages.classify.events.actor_tables import gazetteer
from worker.stages.classify.events.candidates import Candidate
from worker.stages.classify.events.lexicon import find_triggers, words
from worker.stages.classify.events.roles import SentenceView

_LOWER = "the army attacked the town, but rebels said they would meet to demand talks"


def _candidate(start: int, weight: float) -> Candidate:
    return Candidate(start, start + 4, start + 4, "ASSAULT", "180", weight, False, False, None, False)


def test_a_lone_candidate_is_ranked_without_a_prior() -> None:
    found = [_candidate(9, 0.5)]
    assert _ranked(SentenceView(_LOWER, []), found) == found


def test_candidates_are_ranked_by_prior_then_order() -> None:
    found = [_candidate(9, 0.5), _candidate(49, 0.9), _candidate(60, 0.5), _candidate(65, 0.9)]
    view = SentenceView(_LOWER, [])
    expected = [c for _, _, c in sorted((-_prior(view, i, c), i, c) for i, c in enumerate(found))]
    assert _ranked(SentenceView(_LOWER, []), found) == expected
    assert _ranked(SentenceView(_LOWER, []), found) != found  # the test ranks something


def test_the_event_words_of_a_text_find_its_triggers_and_cues() -> None:
    text = "Police said the army attacked rebels; talks, which the UN urged, will resume. Troops withdrew."
    lower = text.lower()
    known = _event_words().intersection(words(lower))
    assert find_triggers(lower, text, known) == find_triggers(lower, text)
    assert gazetteer().cue_heads.intersection(known) == gazetteer().cue_heads.intersection(words(lower))
    assert find_triggers(lower, text)  # the text has triggers and cues to find
    assert gazetteer().cue_heads.intersection(known)
