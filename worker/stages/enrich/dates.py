from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from schemas import Offsets, TimeExpression


def extract_dates(text: str, sentences: Sequence[Offsets], published: date | None) -> list[TimeExpression]:
    raise NotImplementedError  # being written
