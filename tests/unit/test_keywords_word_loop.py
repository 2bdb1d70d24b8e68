"""The word loop over the cut text finds the candidates the run pattern finds."""

from __future__ import annotations

from tests.builders import random_texts
from worker.stages.enrich.keywords_candidates import (
    _cleaned,
    _cut_text,
    _kept,
    _run_text,
    _runs,
    candidates_of,
)


def pattern_candidates(lowered: str) -> list[str]:
    return [_cleaned(phrase) for phrase in _runs().findall(_run_text(lowered)) if _kept(phrase)]


def test_cut_text_turns_every_character_runs_are_not_made_of_into_a_newline() -> None:
    assert _cut_text("it’s 5 (big) é-news") == "it’s \n \nbig\n \n-news"


def test_texts_with_a_tab_or_the_stand_in_byte_take_the_run_pattern() -> None:
    assert _cut_text("a\tb") is None
    assert _cut_text("a\x01b") is None
    assert candidates_of("rising\tprices") == pattern_candidates("rising\tprices") == ["rising prices"]


# Curly and straight apostrophes, hyphens (also opening a word), quotes, dashes, a newline, a non-Latin-1
# script, doubled spaces, runs too long to keep, stopwords only.
EXAMPLES = (
    "the aftershock struck northern chile, officials said (reuters).",
    "omar al-bashir’s government and “rebel forces” met in doha—again",
    "it’s a 7.1-magnitude quake; don't panic!\nnew paragraph here",
    "'tis -magnitude ’quoted’ words - and storm  drain  repairs",
    "ελλάδα crisis: prime minister — talks",
    "four long words here. three long words",
    "",
    "the of and",
)


def test_word_loop_finds_the_pattern_candidates() -> None:
    for lowered in EXAMPLES:
        assert candidates_of(lowered) == pattern_candidates(lowered), lowered


def test_word_loop_matches_on_random_texts() -> None:
    pieces = [*"abz .,'’-\n0é?AΩ\"(", "the ", "and ", "of ", "it’s ", "don't ", "  ", "ing", "ed ", "-x "]
    for text in random_texts(11, pieces):
        assert candidates_of(text) == pattern_candidates(text), text
