"""The topic model's tokens: one place, so that training and the worker see the very same sequence.

A document is its sequence of lowercased runs of a-z and 0-9: the body, then the title `TITLE_WEIGHT`
times, because a headline states what an article is about in a few words where the body drifts into
background. `BREAK`, a run that is never a word, separates the parts so that no word pair spans them.
Which runs count as words, and which neighbouring words as pairs, is the model's business
(`topics_model.py`): a run is a word when `is_word` says so and the vocabulary holds it.

No regex runs: a 256-byte table lowercases A-Z and turns every other byte but a-z and 0-9 into a space
(non-ASCII characters are bytes >= 0x80 in UTF-8, so they separate words just as `[a-z0-9]+` would), and
`split` cuts the runs. This is several times faster than `findall` on a slow CPU.

The worker never builds the runs as Python strings: `document_hashes` finds them in the translated bytes
with numpy and gives each a 64-bit hash, all at once, which the model looks up in a hash table of its
vocabulary (`topics_vocabulary.py`). An article has some 600 runs, and a string and a dictionary look-up per run cost more than all the
rest of the scoring. `run_hashes` hashes a list of runs the same way, for training and tests.
"""

from __future__ import annotations

from string import ascii_lowercase, digits

import numpy as np

from worker.stages.poly_hash import HashArray, PowerTables

TITLE_WEIGHT = 2
# A bare number: never a word (see `is_word`), so it ends a word pair like any unknown run.
BREAK = "0"

_SPACE = ord(" ")
_KEPT_BYTES = frozenset((ascii_lowercase + digits).encode("ascii"))
# The table lowercases A-Z too, so the text need not go through str.lower, which is slow on non-ASCII
# text. Of all other characters only these two lowercase to something with a-z in it ("i" and "k");
# a text that holds one still goes through str.lower, so the runs are exactly those of the lowered text.
_LOWERING_TO_ASCII = ("\u0130", "\u212a")
_WORD_BYTES = bytes(
    byte if byte in _KEPT_BYTES else byte + 32 if ord("A") <= byte <= ord("Z") else _SPACE
    for byte in range(256)
)

# A run's hash is the polynomial sum of c_i * P**i over its bytes, modulo 2**64 (numpy's uint64 products
# wrap around). Prefix sums over the whole text give every run's sum times P**start at once; a table of
# inverse powers takes the P**start off again. The hashes only need to tell the vocabulary's words apart
# (the model checks that at load time) and to miss them for other runs, which a random odd P does for
# all but about one run in 2**64 / vocabulary size; no finaliser is needed, as nothing uses their bits.
_POWERS = PowerTables(0x9E3779B97F4A7C15)


def runs_of(text: str) -> list[str]:
    """The maximal runs of a-z and 0-9 in `text` lowercased (lone surrogates separate words too)."""
    return _translated(text).decode("ascii").split()


def document_runs(title: str | None, text: str) -> list[str]:
    """The body's runs, then the title's `TITLE_WEIGHT` times, each part after a `BREAK`."""
    runs = runs_of(text)
    if title:
        headline = [BREAK, *runs_of(title)]
        runs += headline * TITLE_WEIGHT
    return runs


def document_hashes(title: str | None, text: str) -> HashArray:
    """The hashes of `document_runs(title, text)`, in order, without building the runs."""
    # Lowercasing the joined parts equals joining the lowercased parts for every a-z and 0-9 it yields:
    # only non-ASCII letters lowercase by context (final sigma), and those become spaces anyway.
    # The spaces around the whole make the first edge a run's start and the last one a run's end.
    headline = f" {BREAK} {title}" * TITLE_WEIGHT if title else ""
    return _hashes(_translated(f" {text}{headline} "))


def run_hashes(runs: list[str]) -> HashArray:
    """The hashes of runs of a-z and 0-9 (as `runs_of` yields them), in order."""
    return _hashes(f" {' '.join(runs)} ".encode())


def is_word(run: str) -> bool:
    """Two or more characters, the first a letter: bare numbers and "3rd" carry dates and scores, not
    topics, and one-letter runs are mostly the "s" of a possessive."""
    return len(run) >= 2 and run[0] >= "a"


def _translated(text: str) -> bytes:
    """`text` lowercased, each byte other than a-z and 0-9 (in UTF-8) a space."""
    if _LOWERING_TO_ASCII[0] in text or _LOWERING_TO_ASCII[1] in text:  # no generator: two plain scans
        text = text.lower()
    return text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES)


def _hashes(spaced: bytes) -> HashArray:
    """One hash per run of non-space bytes in `spaced`, which starts and ends with a space."""
    codes = np.frombuffer(spaced, dtype=np.uint8)
    # Each run lies between a space -> letter edge and a letter -> space edge; the padding makes the first
    # edge a start and the last an end. Edge k sits between bytes k and k + 1.
    letters = codes != _SPACE
    edges = (letters[1:] != letters[:-1]).nonzero()[0]
    powers, inverse = _POWERS.upto(len(codes))
    prefix = np.add.accumulate(codes * powers[: len(codes)])
    # Bytes k + 1 .. end of a run starting after edge k: prefix[end] - prefix[k], which is the run's
    # polynomial times P**(k + 1); times P**-k leaves it times P, the same factor for every run.
    at_edges = prefix[edges]
    starts = edges[::2]
    hashes: HashArray = (at_edges[1::2] - at_edges[::2]) * inverse[starts]
    return hashes
