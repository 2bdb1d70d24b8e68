from __future__ import annotations

from collections.abc import Sequence

from schemas import Entity, Offsets, Quote


def extract_quotes(text: str, sentences: Sequence[Offsets], entities: Sequence[Entity]) -> list[Quote]:
    raise NotImplementedError  # being written
