"""Speech cues found in one pass over the text, and the subject phrase before a cue."""

from __future__ import annotations

import pytest

from worker.stages.enrich.quotes_cues import find_cues, subject_phrase


def test_find_cues_lists_cues_in_text_order_after_any_non_word_character() -> None:
    text = 'said (told) "added"\nwarned—stated, unsaid saidx'
    assert [cue.group() for cue in find_cues(text)] == ["said", "told", "added", "warned", "stated"]


def test_find_cues_keeps_a_cue_inside_a_longer_cue() -> None:
    text = "The envoy was quoted as saying the talks failed."
    assert [cue.group() for cue in find_cues(text)] == ["was quoted as saying", "saying"]


@pytest.mark.parametrize(
    ("region", "subject"),
    [
        ("On Wednesday, Home Secretary Suella Braverman", "Home Secretary Suella Braverman"),
        ("Khaled Al-Maeena, editor at the Gazette,", "Khaled Al-Maeena"),
        ("The talks began and Korea also", "Korea"),
        ("It rained; the minister", "the minister"),
        ("the minister", "the minister"),
        ("   ", ""),
    ],
)
def test_subject_phrase_takes_the_subject_after_clause_breaks_and_commas(region: str, subject: str) -> None:
    start, end = subject_phrase(region, 0, len(region))
    assert region[start:end] == subject


def test_find_cues_reads_word_boundaries_with_non_ascii_letters() -> None:
    """Next to a non-ASCII letter a cue is part of a longer word; after other characters it is a cue."""
    text = "ésaid saidé 中said, «told» —added„ İ says"
    assert [(cue.group(), cue.start()) for cue in find_cues(text)] == [
        ("told", text.index("told")),
        ("added", text.index("added")),
        ("says", text.index("says")),
    ]
