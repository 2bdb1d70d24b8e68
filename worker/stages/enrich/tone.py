from __future__ import annotations

from collections.abc import Sequence

from schemas import Tone


def score_tone(words: Sequence[str]) -> Tone:
    raise NotImplementedError  # being written
