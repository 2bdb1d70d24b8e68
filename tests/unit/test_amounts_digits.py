"""Digit numbers found from the runs of digits give exactly the matches of the patterns' own finditer."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest

from worker.stages.enrich.amounts_digits import (
    BARE_NUMBER,
    PREFIXED_NUMBER,
    bare_numbers,
    digit_runs,
    prefixed_numbers,
)


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in matches]


def test_digit_runs_are_the_runs_of_ascii_digits_at_their_offsets() -> None:
    assert digit_runs("a 12,5 中 3") == [(2, 4), (5, 6), (9, 10)]
    assert digit_runs("no digits") == []


@pytest.mark.parametrize(
    "text",
    [
        "It cost US$40 billion, £ 3m and Rs. 500; 1,250 people and 20.1m tonnes.",
        "$5 $ 6 $\n7 HK$12 A$3,000.5 USD 40 EUR5 AUD\u00a09",
        "12345x 3:30 2019 4-5 1.5.6 $12abc 7k 8bn 9 mn",
        "US$ 1 CA$2 NZ$3 ₹4 ₩5 ¥6 €7 R$8 S$9 Rs10",
    ],
)
def test_scans_equal_finditer_on_news_like_text(text: str) -> None:
    runs = digit_runs(text)
    assert _spans(prefixed_numbers(text, runs)) == _spans(PREFIXED_NUMBER.finditer(text))
    assert _spans(bare_numbers(text, runs)) == _spans(BARE_NUMBER.finditer(text))


def test_scans_equal_finditer_on_random_text() -> None:
    pieces = [
        *"0123456789 ,.$£€¥₹₩RsUSDHKAC\n\tabmk-:/%",
        "US$",
        "Rs.",
        " billion",
        "bn",
        "\u00a0",
        "é",
        "中",
    ]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        runs = digit_runs(text)
        assert _spans(prefixed_numbers(text, runs)) == _spans(PREFIXED_NUMBER.finditer(text)), text
        assert _spans(bare_numbers(text, runs)) == _spans(BARE_NUMBER.finditer(text)), text
