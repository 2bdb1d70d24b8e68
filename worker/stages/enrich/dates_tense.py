"""Whether a time expression points to the past or the future, read from the verbs around it.

News reports the past unless it says otherwise, so the default is the past. The cue nearest to the
expression inside its sentence wins: in "said on Monday it will vote next week", "said" governs "Monday".
"""

from __future__ import annotations

import re

from worker.stages.enrich.dates_calendar import Direction

# How far around the expression (in characters) a verb is taken to govern it.
_WINDOW_BEFORE = 80
_WINDOW_AFTER = 50

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|would|going\s+to|is\s+to|are\s+to|to\s+be\s+held|scheduled|planned|plans?\s+to|"
    r"set\s+to|due\s+to|expected\s+to|expects?\s+to|intends?\s+to|upcoming|next|until|till|later)\b|'ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:(]|\s(?:that|which|who|whom|whose|where|when|while|but|and|because|after|before)\s"
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|made|took|gave|came|went|began|held|left|won|lost|saw|ran|fell|rose|"
    r"sold|bought|paid|shot|hit|struck|died|killed|found|became|got|brought|ago|last|earlier|"
    r"[a-z]{2,}ed)\b",
    re.IGNORECASE,
)

_CUES: tuple[tuple[re.Pattern[str], Direction], ...] = ((_FUTURE, "future"), (_PAST, "past"))


def sentence_direction(
    text: str, sentence_start: int, sentence_end: int, start: int, end: int
) -> Direction | None:
    """The direction ("past" or "future") of the nearest tense cue around `start..end` in its sentence,
    or None when there is none."""
    window_start = max(sentence_start, start - _WINDOW_BEFORE)
    window_end = min(sentence_end, end + _WINDOW_AFTER)
    # A verb after the expression governs it only inside its clause: in "met on Monday that would lift
    # sanctions" the "would" belongs to the relative clause.
    clause_break = _CLAUSE_BREAK.search(text, end, window_end)
    if clause_break is not None:
        window_end = clause_break.start()
    best: tuple[int, Direction] | None = None
    for pattern, direction in _CUES:
        for match in pattern.finditer(text, window_start, window_end):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            # A cue before the expression is its verb more often than one after it: prefer it on ties.
            distance = distance * 2 if match.start() >= end else distance * 2 - 1
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else None
