"""The topic model's tokens: one place, so that training and the worker see the very same sequence.

A document is its sequence of lowercased runs of a-z and 0-9: the body, then the title `TITLE_WEIGHT`
times, because a headline states what an article is about in a few words where the body drifts into
background. `BREAK`, a run that is never a word, separates the parts so that no word pair spans them.
Which runs count as words, and which neighbouring words as pairs, is the model's business
(`topics_model.py`): a run is a word when `is_word` says so and the vocabulary holds it.

No regex runs: a 256-byte table turns every byte other than a-z and 0-9 into a space (non-ASCII
characters are bytes >= 0x80 in UTF-8, so they separate words just as `[a-z0-9]+` would), and `split`
cuts the runs. This is several times faster than `findall` on a slow CPU.
"""

from __future__ import annotations

from string import ascii_lowercase, digits

TITLE_WEIGHT = 2
# A bare number: never a word (see `is_word`), so it ends a word pair like any unknown run.
BREAK = "0"

_KEPT_BYTES = frozenset((ascii_lowercase + digits).encode("ascii"))
_WORD_BYTES = bytes(byte if byte in _KEPT_BYTES else ord(" ") for byte in range(256))


def runs_of(text: str) -> list[str]:
    """The maximal runs of a-z and 0-9 in `text` lowercased (lone surrogates separate words too)."""
    return text.lower().encode("utf-8", "surrogatepass").translate(_WORD_BYTES).decode("ascii").split()


def document_runs(title: str | None, text: str) -> list[str]:
    """The body's runs, then the title's `TITLE_WEIGHT` times, each part after a `BREAK`."""
    runs = runs_of(text)
    if title:
        headline = [BREAK, *runs_of(title)]
        runs += headline * TITLE_WEIGHT
    return runs


def is_word(run: str) -> bool:
    """Two or more characters, the first a letter: bare numbers and "3rd" carry dates and scores, not
    topics, and one-letter runs are mostly the "s" of a possessive."""
    return len(run) >= 2 and run[0] >= "a"
