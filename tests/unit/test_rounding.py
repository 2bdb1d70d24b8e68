"""The fast four-decimal rounding gives what round(value, 4) gives."""

from __future__ import annotations

import random

from worker.stages.enrich.rounding import round4


def test_round4_matches_round_on_random_and_half_way_values() -> None:
    rng = random.Random(11)
    values = [rng.random() for _ in range(50_000)]
    values += [rng.uniform(0.0, 50.0) for _ in range(20_000)]
    # Decimal halves at the fifth place, where the scaled product's own rounding could tip the result.
    values += [(whole + 0.5) / 10000.0 for whole in range(0, 20_000, 7)]
    values += [0.0, 1.0, 0.00005, 0.99995, 0.12345, 2.5e-9]
    for value in values:
        assert round4(value) == round(value, 4), value


def test_round4_of_a_negative_value_is_rounds() -> None:
    for value in (-0.00005, -0.12345, -1.23456789, -3.0):
        assert round4(value) == round(value, 4)
