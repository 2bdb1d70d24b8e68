"""Quotation marks paired into passages: nested straight marks and quotes that lack a closing mark."""

from __future__ import annotations

import pytest

from worker.stages.enrich.quotes_marks import marked_quotes, paragraph_spans


def _passages(text: str) -> list[str]:
    return [text[quote.start : quote.end] for quote in marked_quotes(text, paragraph_spans(text))]


@pytest.mark.parametrize(
    ("text", "passage"),
    [
        (  # straight marks nested in curly ones
            '“The continual sale of "sports drinks" is a cause for concern,” he said.',
            '“The continual sale of "sports drinks" is a cause for concern,”',
        ),
        (  # straight marks nested in straight ones
            'He said: "I could not study for years to "buy" my diploma abroad." She agreed.',
            '"I could not study for years to "buy" my diploma abroad."',
        ),
        (  # after a comma
            'It ruled: "nowhere in the terms headed, "what you get", was this stated." Then it closed.',
            '"nowhere in the terms headed, "what you get", was this stated."',
        ),
    ],
)
def test_a_straight_quote_nested_in_a_quote_does_not_close_it(text: str, passage: str) -> None:
    assert _passages(text) == [passage]


def test_one_mark_closing_a_nested_quote_and_its_quote_ends_both() -> None:
    text = 'The treaty "provides a remedy for "bodily injury". The term came late.'
    assert _passages(text) == ['"provides a remedy for "bodily injury"']


def test_a_mark_opening_a_new_sentence_ends_a_quote_left_open() -> None:
    text = '"We had a good talk. "We now want action in the time ahead," he said.'
    assert _passages(text) == ['"We had a good talk.', '"We now want action in the time ahead,"']


def test_a_closing_mark_after_a_space_still_closes() -> None:
    text = '"That proves a conspiracy... ". He laughed. "Next," she said.'
    assert _passages(text) == ['"That proves a conspiracy... "', '"Next,"']
