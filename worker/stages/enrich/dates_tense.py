"""Whether a time expression points to the past or the future, read from the verbs around it.

News reports the past unless it says otherwise, so the default is the past. The cue nearest to the
expression inside its sentence wins: in "said on Monday it will vote next week", "said" governs "Monday".
"""

from __future__ import annotations

import re

from worker.stages.enrich.dates_calendar import Direction
from worker.stages.regex_trie import trie_pattern

# How far around the expression (in characters) a verb is taken to govern it.
_WINDOW_BEFORE = 80
_WINDOW_AFTER = 50

_CLAUSE_BREAK = re.compile(
    r"[,;:(]|\s(?:that|which|who|whom|whose|where|when|while|but|and|because|after|before)\s"
)
# Single-word cues as prefix trees, so that the engine walks one tree at a word start instead of trying
# every word in turn.
_FUTURE_WORDS = trie_pattern(
    str.split("will shall won't would scheduled planned upcoming next until till later")
)
_PAST_WORDS = trie_pattern(
    str.split(
        "was were had did said told met made took gave came went began held left won lost saw ran fell rose "
        "sold bought paid shot hit struck died killed found became got brought ago last earlier"
    )
)
# One pass over the lowercased window finds both kinds of cue; the future ones come first so that
# "scheduled", "planned" or "(will/to) be held" count as future, not as past verbs. Cues are whole words,
# so no two alternatives match at one position with different extents, and the order of the words does
# not matter. The contracted "'ll" opens with its apostrophe, so the engine skips it at other characters.
_CUE = re.compile(
    r"'(?<=[a-z]')ll\b"
    rf"|\b(?:(?P<future>{_FUTURE_WORDS}|going\s+to|is\s+to|are\s+to|be\s+[a-z]+|plans?\s+to|set\s+to|due\s+to"
    r"|expected\s+to|expects?\s+to|intends?\s+to|ahead\s+of|(?:may|might)(?!\s+have))"
    rf"|(?P<past>{_PAST_WORDS}|[a-z]+ed))\b"
)


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
    window = text[window_start:window_end].lower()
    start, end = start - window_start, end - window_start
    best_distance = len(window) * 2 + 2
    best: Direction | None = None
    for match in _CUE.finditer(window):
        if match.end() <= start:
            # A cue before the expression is its verb more often than one after it: it wins ties.
            distance = (start - match.end()) * 2 - 1
        elif match.start() >= end:
            distance = (match.start() - end) * 2
        else:
            continue
        if distance < best_distance:
            best_distance = distance
            best = "past" if match["past"] else "future"
    return best
