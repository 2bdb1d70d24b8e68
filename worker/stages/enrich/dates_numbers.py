"""Amounts in time expressions, in digits or in words: "27", "two", "twenty-five", "two and a half"."""

from __future__ import annotations

from worker.stages.enrich.dates_lexicon import NUMBER_WORDS

# Vague amounts: "several years" is TimeML PXY.
_VAGUE = frozenset({"several", "few", "a few", "many"})


def amount_of(text: str) -> float | None:
    """The number a time amount spells, or None when it is vague or unreadable."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words in _VAGUE:
        return None
    if words in {"a couple of", "couple of"}:
        return 2.0
    half = words.endswith(" and a half")
    if half:
        words = words[: -len(" and a half")]
    try:
        value = float(words)
    except ValueError:
        parts = words.split()
        if not parts or any(part not in NUMBER_WORDS for part in parts):
            return None
        value = float(sum(NUMBER_WORDS[part] for part in parts))
    return value + 0.5 if half else value
