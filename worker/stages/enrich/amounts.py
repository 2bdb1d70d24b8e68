from __future__ import annotations

from collections.abc import Sequence

from schemas import Amount, Offsets


def extract_amounts(text: str, sentences: Sequence[Offsets]) -> list[Amount]:
    raise NotImplementedError  # being written
