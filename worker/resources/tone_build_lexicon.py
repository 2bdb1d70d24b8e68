"""Rebuild `tone_lexicon.tsv` from the VADER lexicon (run by hand, never at pipeline time).

    python -m worker.resources.tone_build_lexicon PATH/TO/vader_lexicon.txt

The source is `vaderSentiment/vader_lexicon.txt` in the `vadersentiment` 3.3.2 wheel from PyPI
(C.J. Hutto, MIT License, see `tone_lexicon_LICENSE.txt`). Kept: plain words (no emoticons or
abbreviations with digits) whose mean valence is at least MIN_VALENCE in size, minus NEWS_NEUTRAL:
words whose everyday-sentiment reading is wrong in news ("united" in United Nations, "party" in
a political party, "security" in Security Council, "like" as a preposition). Written sorted, one
`word<TAB>valence` line each, valence rounded to one decimal as in the source.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
OUTPUT = HERE / "tone_lexicon.tsv"
MIN_VALENCE = 1.0
PLAIN_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")
NEWS_NEUTRAL = frozenset(
    {
        "authority",
        "defence",
        "defense",
        "energy",
        "hand",
        "heart",
        "intelligence",
        "interest",
        "interests",
        "justice",
        "like",
        "liked",
        "likes",
        "matter",
        "no",
        "parties",
        "party",
        "play",
        "played",
        "playing",
        "plays",
        "please",
        "pretty",
        "security",
        "special",
        "united",
        "well",
        "yes",
    }
)


def read_vader(path: Path) -> dict[str, float]:
    """word -> mean valence, from VADER's `token<TAB>mean<TAB>sd<TAB>ratings` lines."""
    lexicon: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        token, valence, *_ = line.split("\t")
        lexicon[token] = float(valence)
    return lexicon


def news_lexicon(vader: dict[str, float]) -> dict[str, float]:
    return {
        word: valence
        for word, valence in vader.items()
        if PLAIN_WORD.fullmatch(word) and abs(valence) >= MIN_VALENCE and word not in NEWS_NEUTRAL
    }


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit(__doc__)
    lexicon = news_lexicon(read_vader(Path(argv[0])))
    lines = [f"{word}\t{valence:.1f}\n" for word, valence in sorted(lexicon.items())]
    OUTPUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(lines)} words to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
