"""Whether an article reports a match: then a country named in it is mostly its national team.

It does when at least four of the sports cues (cues.SPORTS_CUES) occur in its text. Most cues open with a
space, and one regex scan finds all of those: the search jumps in C from space to space and reads the cue
after each, where a test of each cue in turn would read the whole text once per cue.
"""

from __future__ import annotations

import re

from worker.stages.enrich.ner.cues import SPORTS_CUES
from worker.stages.regex_trie import trie_pattern

MIN_SPORTS_CUES = 4
_SPACED_CUES = tuple(cue for cue in SPORTS_CUES if cue.startswith(" "))
_OTHER_CUES = tuple(cue for cue in SPORTS_CUES if not cue.startswith(" "))
# The scan takes only the space; the cue after it is read in a look-ahead, so the space that ends one cue
# (" coach ") can open the next. The prefix tree reads the longest cue at each space...
_SPACED_CUE = re.compile(" (?=(" + trie_pattern(cue[1:] for cue in _SPACED_CUES) + "))")
# ...so the cues that begin a longer one are counted from it: cue after the space -> those shorter cues.
_SHORTER_CUES = {
    cue[1:]: tuple(other[1:] for other in _SPACED_CUES if other != cue and cue.startswith(other))
    for cue in _SPACED_CUES
}


def is_sports_report(text: str) -> bool:
    """Whether at least MIN_SPORTS_CUES of the sports cues occur in the text (each counted once)."""
    found = set(_SPACED_CUE.findall(text))
    for cue in list(found):
        found.update(_SHORTER_CUES[cue])
    count = len(found)
    remaining = len(_OTHER_CUES)
    for cue in _OTHER_CUES:
        if count >= MIN_SPORTS_CUES:
            return True
        if count + remaining < MIN_SPORTS_CUES:
            return False  # too few cues left to reach the count
        remaining -= 1
        if cue in text:
            count += 1
    return count >= MIN_SPORTS_CUES
