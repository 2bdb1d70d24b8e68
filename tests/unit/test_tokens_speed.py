"""The split-based tokenisation gives the words the word regex finds, on ASCII and non-ASCII text."""

from __future__ import annotations

import re

import pytest

from worker.stages.tokens import WORD, lower_words, words_of_lowered

# The lone-joiner rule as one pattern over both joiners, as it was written before the split into two.
_LONE_JOINER = re.compile(r"['\-](?:(?<!\w['\-])|(?!\w))")


@pytest.mark.parametrize(
    "text",
    [
        "kim jong-un's rivals -- and 'quoted' words - don't split",
        "a-'b '-c d'-e f-'-g -h i- 'j k' --l-- x'y'z 1-2-3",
        "end-of-line-\nnext 'start",
        "under_score it's o'neill's ''double'' --",
        "",
        "-",
        "'",
    ],
)
def test_ascii_words_are_the_word_regexs_words(text: str) -> None:
    """On ASCII text the joiner subs, byte translation and split find exactly the regex's words."""
    assert words_of_lowered(text) == WORD.findall(text)
    kept = _LONE_JOINER.sub(" ", text)
    assert words_of_lowered(text) == re.sub(r"[^\w'\-]", " ", kept).split()


def test_non_ascii_words() -> None:
    assert lower_words("Café-owner's «news»") == ["café-owner's", "news"]


@pytest.mark.parametrize(
    "text",
    [
        "don’t ’quoted’ words — and “more” – n’-a ’’x y’’ a’b’c",
        "naïve café, 東京 2020 İstanbul i̇-x \xa0a\u3000b\x1cc",
        "lone \ud800surrogate’ -‘x’- under_score é_é",
        "é",
        "’",
    ],
)
def test_non_ascii_words_are_the_word_regexs_words(text: str) -> None:
    """Non-word characters outside ASCII become spaces and the curly apostrophe joins like "'"."""
    assert words_of_lowered(text) == WORD.findall(text)
