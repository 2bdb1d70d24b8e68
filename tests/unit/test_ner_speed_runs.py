"""Finding runs through the text's capital bytes finds exactly the runs RUN.finditer finds."""

from __future__ import annotations

import pytest

from tests.builders import random_texts
from worker.stages.enrich.ner.candidates import RUN, capital_bytes, next_run


def byte_search_spans(text: str) -> list[tuple[int, int]]:
    capitals = capital_bytes(text)
    spans: list[tuple[int, int]] = []
    end = 0
    while (match := next_run(text, capitals, end)) is not None:
        end = match.end()
        spans.append(match.span())
    return spans


def regex_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in RUN.finditer(text)]


def test_capital_bytes_keep_offsets_and_mark_only_capitals() -> None:
    # "Ω" is outside Latin-1 (one "?" byte), "×" sits between the Latin-1 capitals, "ß" is lower case.
    assert capital_bytes("aÉ Ω×Øß.Z") == b" A   A  A"


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Vice Foreign Minister Luo Zhaohui met China and Russia.",
        "The iPhone maker and al-Qaeda; U.S. Rep. Smith of the Bank of England",
        "Ωmega Ελλάδα Édouard Øster × Þór, ÀÖ",
        "US$40 for People's Daily and Workers' Party",
        "",
        "no capitals here",
    ],
)
def test_byte_search_finds_the_runs_the_regex_finds(text: str) -> None:
    assert byte_search_spans(text) == regex_spans(text)


def test_byte_search_matches_the_regex_on_random_texts() -> None:
    pieces = [*"AaBbÉéÀØÞ×ßxX .'’-&_\n\t0?", "Ω", "ā", "al-", "Mr.", "U.S.", "People's", " and ", " of the "]
    for text in random_texts(7, pieces):
        assert byte_search_spans(text) == regex_spans(text), text
