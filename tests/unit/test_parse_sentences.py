"""Sentence and paragraph splitting: where news text must and must not be cut."""

from __future__ import annotations

import pytest

from worker.stages.sentences import paragraphs, sentences, word_count


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text, paragraphs(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Senate voted on the bill.",
        "Mr. Smith met Dr. Jones in St. Louis.",
        "Gen. Lee and Sen. Warren spoke on Jan. 5 about it.",
        "The team finished No. 2 in the league.",
        "Apple Inc. Chief Executive Tim Cook spoke.",
        "J. R. R. Tolkien wrote the book.",
        "Prices rose 3.5 per cent in 2019.",
        "He waited... Nobody came to the door.",
        'He said, "Stop. Now." and left the room.',
        "The meeting starts at 10 a.m. Monday in Washington D.C. with officials.",
    ],
)
def test_sentences_do_not_split_inside_one_sentence(text: str) -> None:
    """Abbreviations, initials, decimals, ellipses and short quoted speech keep one sentence whole."""
    assert _split(text) == [text]


def test_sentences_split_a_quote_from_the_next_sentence() -> None:
    """A closed quotation followed by a new sentence is cut after the closing mark."""
    assert _split('He said, "Stop. Now." Then he left.') == ['He said, "Stop. Now."', "Then he left."]


def test_sentences_split_after_an_abbreviation_that_ends_a_sentence() -> None:
    """An "Inc." or a "U.S." followed by a sentence opener ends the sentence."""
    assert _split("The deal went to Apple Inc. The price was not disclosed.") == [
        "The deal went to Apple Inc.",
        "The price was not disclosed.",
    ]
    assert _split("Troops left the U.S. They arrived on Monday.") == [
        "Troops left the U.S.",
        "They arrived on Monday.",
    ]


def test_sentences_split_on_question_and_exclamation_marks() -> None:
    """`?` and `!` end sentences, with any closing quote kept in the sentence."""
    assert _split('Why now? "Because!" It was time.') == ["Why now?", '"Because!"', "It was time."]


def test_sentences_split_long_quotes_at_a_clear_new_sentence() -> None:
    """Inside a quotation a sentence opener such as "There" still starts a new sentence."""
    text = '"All the wounded have been taken to hospital. There are no casualties left," he said.'
    assert _split(text) == [
        '"All the wounded have been taken to hospital.',
        'There are no casualties left," he said.',
    ]


def test_sentences_split_every_sentence_of_a_quotation_before_its_reporting_clause() -> None:
    """A quoted passage is cut at each of its sentences, whatever word opens the next one and whether or
    not a reporting clause follows the closing mark."""
    attributed = '"The army is here. We saw them. Residents fled," said Ali.'
    assert _split(attributed) == ['"The army is here.', "We saw them.", 'Residents fled," said Ali.']
    unattributed = 'Ali said: "The army is here. Soldiers came. Residents fled."'
    assert _split(unattributed) == ['Ali said: "The army is here.', "Soldiers came.", 'Residents fled."']


def test_sentences_keep_abbreviations_inside_a_quotation() -> None:
    """Abbreviations and initials are not sentence ends inside quotation marks either."""
    text = '"We met Mr. Smith and the U.S. Navy on Jan. 5 in Washington D.C. with J. R. Ewing," she said.'
    assert _split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        'Her book "Eat. Pray. Love." sold well.',
        '"Stop." he said.',
        '"Go!" she shouted.',
        'The sign read "Danger! Keep out" and nobody went in.',
    ],
)
def test_sentences_keep_one_word_quoted_sentences_in_their_sentence(text: str) -> None:
    """A quoted sentence of one word (an exclamation, a title's part) does not end the sentence around it."""
    assert _split(text) == [text]


def test_sentences_curly_quotes_are_tracked() -> None:
    """Curly quotation marks open and close a quotation like straight ones."""
    text = "She said “Go. Now.” Then she left."
    assert _split(text) == ["She said “Go. Now.”", "Then she left."]


def test_sentences_list_items_and_wrapped_lines() -> None:
    """A list item starts a sentence; a line wrapped in mid-sentence does not."""
    text = "Results by region:\n* Asia: up 8%\n* Europe: down 2%\nThe figures were\nrevised later."
    assert _split(text) == [
        "Results by region:",
        "* Asia: up 8%",
        "* Europe: down 2%",
        "The figures were\nrevised later.",
    ]


def test_paragraphs_are_blank_line_separated_and_trimmed() -> None:
    """Blank lines (also with spaces on them) separate paragraphs; offsets exclude the whitespace."""
    text = "  First para.\n \nSecond para.\n\n\n  Third.  "
    assert [text[start:end] for start, end in paragraphs(text)] == ["First para.", "Second para.", "Third."]


def test_sentences_never_cross_a_paragraph() -> None:
    """A paragraph without end punctuation still ends its sentence."""
    assert _split("A headline without a period\n\nThe body starts here.") == [
        "A headline without a period",
        "The body starts here.",
    ]


def test_word_count_counts_whitespace_separated_words() -> None:
    """Hyphenated words and numbers are one word each."""
    assert word_count("Kim Jong-un met 15 officials.\n\nThey left.") == 7


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "one",
        " one  two ",
        "a\tb\x0bc\x0cd\re\x1cf\x1dg\x1eh\x1fi",
        "a\x00b\x7fc",
        "naïve café",
        "a\xa0b\u2009c",
    ],
)
def test_word_count_agrees_with_str_split_on_ascii_and_unicode_spaces(text: str) -> None:
    """The byte-level count of ASCII text sees the same whitespace as str.split(), controls included."""
    assert word_count(text) == len(text.split())


def test_paragraphs_split_on_windows_line_ends() -> None:
    """A blank line written with CRLF separates paragraphs too."""
    text = "First para.\r\n\r\nSecond para.\r\n"
    assert [text[start:end] for start, end in paragraphs(text)] == ["First para.", "Second para."]
