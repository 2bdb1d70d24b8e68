"""The literal-led clause scans find exactly what the class-led reference patterns find."""

from __future__ import annotations

import random

import pytest

from worker.stages.classify.events.clause_marks import BOUNDARY, TARGET_END, Boundaries, target_end

_SENTENCES = (
    "the army, which holds the hills, fired back; the coach: who was sacked, and that which he said",
    ", and that which but while as the as  their as he, but after whom whose",
    "talks, but not the truce, held\twhile the storm passed;\u00a0when the flood ended as\u2003they fled",
    "as the as\nthe when\u2028because  although   though since following despite until unless if where",
    "amid during, and  but ,but ;: as theirs as its",
    "",
    " ",
    ",",
    "a, but",
)
_ALPHABET = [*" ,;:as the which but and when during\t\u00a0\u2009.", "as the ", ", and ", " but "]


def _all_boundaries(lower: str) -> list[tuple[int, int]]:
    scan = Boundaries(lower, lower.isprintable())
    found = []
    while (span := scan.next()) is not None:
        found.append(span)
    assert scan.next() is None  # stays exhausted
    return found


def _random_sentences(count: int) -> list[str]:
    """Random strings of marks and clause words; every other one printable (the literal-led path)."""
    chooser = random.Random(7)
    printable = [piece for piece in _ALPHABET if piece.isprintable()]
    return [
        "".join(chooser.choices(printable if index % 2 else _ALPHABET, k=chooser.randrange(40)))
        for index in range(count)
    ]


@pytest.mark.parametrize("lower", _SENTENCES)
def test_boundaries_are_the_reference_matches(lower: str) -> None:
    assert _all_boundaries(lower) == [match.span() for match in BOUNDARY.finditer(lower)]


@pytest.mark.parametrize("lower", _SENTENCES)
def test_target_end_is_the_reference_search(lower: str) -> None:
    for position in range(len(lower) + 1):
        match = TARGET_END.search(lower, position)
        assert target_end(lower, position, lower.isprintable()) == (match.start() if match else len(lower))


def test_random_sentences_agree_with_the_references() -> None:
    for lower in _random_sentences(3000):
        assert _all_boundaries(lower) == [match.span() for match in BOUNDARY.finditer(lower)]
        for position in range(len(lower) + 1):
            match = TARGET_END.search(lower, position)
            assert target_end(lower, position, lower.isprintable()) == (
                match.start() if match else len(lower)
            )


def test_only_the_space_is_printable_white_space() -> None:
    """The fast scans rest on this: in a printable sentence `\\s` can match only a space."""
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace() and chr(code).isprintable()]
    assert spaces == [" "]
