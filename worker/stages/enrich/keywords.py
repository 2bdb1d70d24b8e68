from __future__ import annotations

from collections.abc import Sequence

from schemas import Entity, Keyword


def extract_keywords(text: str, words: Sequence[str], entities: Sequence[Entity]) -> list[Keyword]:
    raise NotImplementedError  # being written
