"""Salience is rounded without round()'s decimal detour, to the very float round(value, 4) gives."""

from __future__ import annotations

import random

from worker.stages.enrich.entities import salience


def _reference(mentions: int, most_mentions: int, first_start: int, text_length: int) -> float:
    frequency = mentions / most_mentions
    earliness = 1.0 - first_start / max(text_length, 1)
    return round(0.6 * frequency + 0.4 * earliness, 4)


def test_salience_equals_rounding_to_four_places() -> None:
    generator = random.Random(7)
    cases = [(1, 1, 0, 1), (1, 1, 0, 0), (3, 7, 0, 10), (1, 2, 5, 8), (2, 3, 1, 3)]
    cases += [
        (mentions, most, generator.randrange(length), length)
        for most in range(1, 40)
        for mentions in range(1, most + 1)
        for length in (1, 7, 200, 1789, 20000)
    ]
    for case in cases:
        assert repr(salience(*case)) == repr(_reference(*case)), case


def test_salience_takes_round_on_near_halves() -> None:
    # Values whose scaled form ends in .5 (up to the float's own error): 0.99995, 0.98005 and 0.92005.
    for first_start, text_length in ((1, 8000), (399, 8000), (1599, 8000)):
        assert repr(salience(1, 1, first_start, text_length)) == repr(
            _reference(1, 1, first_start, text_length)
        )
