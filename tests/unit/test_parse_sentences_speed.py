"""The shortcuts of sentence splitting find what the full patterns and tests they skip would find."""

from __future__ import annotations

import re

import pytest

from worker.stages import sentences as module
from worker.stages.sentences import paragraphs, sentences

_TEXTS = [
    'The U.S. Senate voted. It passed 52-48. "Stop." He left... Then J. R. Smith spoke.',
    "Prices rose 3.5 per cent. (Officials said so.) 'Quoted.' The end.",
    "He said \u201cno.\u201d Then Mr. Lee, of Acme Inc. The firm, spoke at 10 a.m. Monday.",
    "A list:\n- first item.\n- second item.\nAnd a wrapped\nline. Next one.",
    "Really? Yes! Wait\u2026 What now. Done.",
    "Ends with a period.",
    "Decimals 1.2.3. U.N. staff. e.g. This. x. Y.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_the_period_pattern_finds_the_full_patterns_matches_without_other_ends(text: str) -> None:
    """Where no "!", "?", "\u2026" or line break is in reach, both patterns match the same spans."""
    plain = text.replace("\n", " ").replace("?", ".").replace("!", ".").replace("\u2026", ".")
    full = [match.span() for match in module._CANDIDATE.finditer(plain)]
    fast = [match.span() for match in module._PERIOD_CANDIDATE.finditer(plain)]
    assert fast == full
    assert full or text == "Ends with a period."  # the texts have candidates to find


@pytest.mark.parametrize("text", _TEXTS)
def test_sentence_ends_are_the_same_whichever_pattern_is_chosen(text: str) -> None:
    """The pattern chosen per paragraph never changes where sentences end."""
    for start, end in paragraphs(text):
        chosen = module._sentence_ends(text, start, end, module._holds_other_ends(text, 0, len(text)))
        assert chosen == module._sentence_ends(text, start, end, True)


def test_the_full_pattern_is_chosen_for_other_end_punctuation_and_line_breaks() -> None:
    text = "One. Two? Three.\nFour."
    assert module._candidate_pattern(text, 0, 9, other_ends=True) is module._CANDIDATE
    assert module._candidate_pattern(text, 10, len(text), other_ends=False) is module._CANDIDATE
    assert module._candidate_pattern(text, 0, 4, other_ends=True) is module._PERIOD_CANDIDATE
    assert [text[s:e] for s, e in sentences(text, paragraphs(text))] == ["One.", "Two?", "Three.", "Four."]


@pytest.mark.parametrize("word", ["U.S", "a.m", "J", "D.C", "x", "", "Inc", "said", "3.5", "ab", "A.b.C"])
def test_the_initialism_gate_passes_every_word_the_regex_matches(word: str) -> None:
    """Only words whose second character is a period (or that have fewer than two) can be initialisms."""
    if module._INITIALISM.fullmatch(word):
        assert word[1:2] in ("", ".")


_CLASS = '["\u201c\u201d\u00ab\u00bb]'


@pytest.mark.parametrize(
    "text",
    [
        'He said "no" and \u201cyes\u201d, \u00abvielleicht\u00bb, "then".',
        "Only closing \u201d and \u00bb marks, no opening one.",
        'One " mark',
        "No marks at all.",
        '\u00ab"\u201c\u201d"\u00bb',
    ],
)
def test_quote_marks_are_found_in_text_order_as_a_class_scan_finds_them(text: str) -> None:
    """The marks found by str.find are those a scan for the class finds, with the same gate before it."""
    for start, end in ((0, len(text)), (1, len(text) - 1)):
        expected = [(match.start(), match.group()) for match in re.finditer(_CLASS, text[start:end])]
        if not any(mark in text[start:end] for mark in '"\u201c\u00ab'):
            expected = []  # no opening mark: nothing can be quoted
        assert module._quote_marks(text, start, end) == [(start + at, mark) for at, mark in expected]
