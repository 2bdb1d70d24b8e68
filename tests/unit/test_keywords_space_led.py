"""The space-led run search over the spaced text finds the runs the class-led search finds."""

from __future__ import annotations

from tests.builders import random_texts
from worker.stages.enrich.keywords import _find_runs, _run_text, _runs, _spaced_text


def class_led_runs(lowered: str) -> list[str]:
    return _runs().findall(_run_text(lowered))


def test_spaced_text_puts_a_space_after_every_character_runs_are_not_made_of() -> None:
    assert _spaced_text("it’s 5 (big) é-news") == " it’s \n  \n big\n  \n -news\n"


def test_texts_with_a_tab_or_the_stand_in_byte_take_the_class_led_search() -> None:
    assert _spaced_text("a\tb") is None
    assert _spaced_text("a\x01b") is None
    assert _find_runs("rising\tprices") == class_led_runs("rising\tprices")


# Curly and straight apostrophes, hyphens, quotes, dashes, a newline, a non-Latin-1 script, stopwords only.
EXAMPLES = (
    "the aftershock struck northern chile, officials said (reuters).",
    "omar al-bashir’s government and “rebel forces” met in doha—again",
    "it’s a 7.1-magnitude quake; don't panic!\nnew paragraph here",
    "ελλάδα crisis: prime minister — talks",
    "",
    "the of and",
)


def test_space_led_search_finds_the_class_led_runs() -> None:
    for lowered in EXAMPLES:
        assert _find_runs(lowered) == class_led_runs(lowered), lowered


def test_space_led_search_matches_on_random_texts() -> None:
    pieces = [*"abz .,'’-\n0é?AΩ\"(", "the ", "and ", "of ", "it’s ", "don't ", "  ", "ing", "ed "]
    for text in random_texts(11, pieces):
        assert _find_runs(text) == class_led_runs(text), text
