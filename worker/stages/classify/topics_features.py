"""The topic model's features: one place, so that training and the worker see the very same terms.

A document is a bag of lowercased words (two or more characters, starting with a letter: bare numbers carry
dates and scores, not topics). The title is counted `TITLE_WEIGHT` times because a headline states what an
article is about in a few words, where the body drifts into background.
"""

from __future__ import annotations

import re
from collections import Counter

TITLE_WEIGHT = 2

_WORD = re.compile(r"[a-z][a-z0-9]+")


def term_counts(title: str | None, text: str) -> Counter[str]:
    """How often each feature term occurs in the document, the title counted `TITLE_WEIGHT` times."""
    counts = Counter(_WORD.findall(text.lower()))
    if title:
        for word in _WORD.findall(title.lower()):
            counts[word] += TITLE_WEIGHT
    return counts
