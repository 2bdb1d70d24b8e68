"""The shortcuts of event extraction give what the longer ways they skip would give."""

from __future__ import annotations

import re

import pytest

from worker.stages.classify.events import clause_marks, roles
from worker.stages.classify.events.actor_tables import gazetteer
from worker.stages.classify.events.actors import _sentence_cues
from worker.stages.classify.events.candidates import Candidate
from worker.stages.classify.events.extract import _event_words, _prior, _ranked
from worker.stages.classify.events.lexicon import TriggerHit, find_triggers, words
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


def _fields(hits: list[TriggerHit]) -> list[tuple[int, int, int, object]]:
    # Hits are plain objects (compared by identity): their fields say whether two findings agree.
    return [(hit.start, hit.end, hit.head_end, hit.rule) for hit in hits]


def test_the_event_words_of_a_text_find_its_triggers_and_cues() -> None:
    text = "Police said the army attacked rebels; talks, which the UN urged, will resume. Troops withdrew."
    lower = text.lower()
    known = _event_words().intersection(words(lower))
    assert _fields(find_triggers(lower, text, known)) == _fields(find_triggers(lower, text))
    assert gazetteer().cue_heads.intersection(known) == gazetteer().cue_heads.intersection(words(lower))
    assert find_triggers(lower, text)  # the text has triggers and cues to find
    assert gazetteer().cue_heads.intersection(known)


# The word-before patterns as plainly written: each rewritten one must match a window when this one does.
_PLAIN_BEFORE = {
    "_PREPOSITION_BEFORE": r"\b(?:to|with|in|into|on|at|for|against|from|by|over|toward|towards|near|between|"
    r"among|under|about|across|through|via|than|like|outside|inside|around|within)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$",
    "_PASSIVE_BEFORE": r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+)?$",
    "_ADJUNCT_BEFORE": r"\b(?:by|in|during|with)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    "_BY_BEFORE": r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    "_LOCATIVE_BEFORE": r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?$",
    "_WITH_BEFORE": r"\bwith\s+(?:the\s+)?$",
    "_BETWEEN_BEFORE": r"\bbetween\s+(?:the\s+)?$",
    "_POSSESSIVE_BEFORE": r"\b(?:its|their|his|her|our|own)\s+(?:[\w-]+\s+){0,2}$",
}
_WINDOWS = (
    "talks with the rebels were held in  the capital by a roadside bomb and its own troops",
    "it was widely reported that byelections between the parties, into an area, were cut by  the new army",
    "the troops of their government got badly hurt; within a day, outside the town, her own party met",
    "nearby inwith wasted herself its-own ones around_the 2 between the un and nato, for the people",
)


@pytest.mark.parametrize("name", sorted(_PLAIN_BEFORE))
def test_word_before_patterns_match_where_the_plain_ones_do(name: str) -> None:
    plain, rewritten = re.compile(_PLAIN_BEFORE[name]), getattr(roles, name)
    for text in _WINDOWS:
        for end in range(len(text) + 1):
            for start in range(max(0, end - 30), end + 1):
                assert bool(plain.search(text, start, end)) == bool(rewritten.search(text, start, end))


def test_the_clause_scans_open_at_the_characters_of_plain_patterns() -> None:
    opening = re.compile(clause_marks._OPENING_MARKS)
    plain = re.compile(r"[;:,\s]")
    assert all(bool(opening.match(chr(code))) == bool(plain.match(chr(code))) for code in range(0x110000))


def test_sentence_cues_are_those_starting_inside_the_sentence() -> None:
    lower = "the army left. police officers and the armed forces met the police; army"
    heads = frozenset({"army", "police", "armed", "border"})
    second = (15, 66)  # "police officers ... the police"
    found = _sentence_cues(lower, *second, heads)
    assert [lower[start:end] for start, end, _, _ in found] == ["police officers", "armed forces", "police"]
    assert _sentence_cues(lower, 0, 14, heads) == [(4, 8, *gazetteer().cue_sector["army"])]
