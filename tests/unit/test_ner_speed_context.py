"""The character pre-test of the product rule lets through every text the model-number regex matches."""

from __future__ import annotations

import random

from worker.stages.enrich.ner import context
from worker.stages.enrich.ner.candidates import Chunk
from worker.stages.enrich.ner.context import Surroundings


def test_as_product_matches_the_plain_rule_after_every_kind_of_character() -> None:
    rng = random.Random(3)
    alphabet = ["A", "B", "a", "7", "٣", "²", " ", "-", "–", "\u00a0", ".", "Z", "q", "1"]
    for _ in range(20_000):
        tail = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7)))
        text = "Boeing" + tail
        chunk = Chunk(0, 6, "Boeing", None)
        plain_match = context._MODEL.match(text, 6) is not None and context._SCORE.match(text, 6) is None
        assert Surroundings(text).as_product(chunk) == plain_match, repr(text)
        assert chunk.type == ("PRODUCT" if plain_match else None)


def test_as_product_reads_model_numbers() -> None:
    text = "The Airbus A330-200 and the Boeing 787 flew; Leeds 3-1 won."
    around = Surroundings(text)
    airbus = Chunk(4, 10, "Airbus", "ORG")
    assert around.as_product(airbus)
    assert airbus.text == "Airbus A330-200"
    leeds = Chunk(text.index("Leeds"), text.index("Leeds") + 5, "Leeds", None)
    assert not around.as_product(leeds)
