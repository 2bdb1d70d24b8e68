from __future__ import annotations

from collections.abc import Sequence

from schemas import Entity, Offsets


def extract_entities(text: str, sentences: Sequence[Offsets]) -> list[Entity]:
    raise NotImplementedError  # being written
