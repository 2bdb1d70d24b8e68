"""Rebuild the two derived word lists the entity extractor ships (run by hand, never at pipeline time).

    python -m worker.resources.entities_build_lexicons NAMES_DIR WIKINEWS_JSONL_GZ

- `entities_first_names.txt`: given names of the 1990 US Census (public domain), as packaged in the
  `names` 0.3.0 sdist from PyPI (files `dist.male.first`, `dist.female.first` in NAMES_DIR): every male
  name and the female names above a frequency floor (the long female tail is mostly rare spellings).
- `entities_common_words.txt`: words that Wikinews writers mostly spell in lower case in mid-sentence
  (counted over the texts of `wikinews.dev.jsonl.gz`, CC BY 2.5): a capitalised one of these at the start
  of a sentence is an ordinary word, not a name. Only word counts are kept, no text.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
FEMALE_MIN_PERCENT = 0.004  # keeps about the 1,800 commonest female names
MIN_LOWER_COUNT = 5
MIN_LOWER_SHARE = 0.6
# A word in mid-sentence: preceded by a lower-case word or a comma, so sentence starts are not counted.
MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z'’\-]*[a-z])\b")


def census_first_names(names_dir: Path) -> list[str]:
    names: set[str] = set()
    for file_name, floor in (("dist.male.first", 0.0), ("dist.female.first", FEMALE_MIN_PERCENT)):
        for line in (names_dir / file_name).read_text().splitlines():
            name, percent, *_ = line.split()
            if float(percent) >= floor:
                names.add(name.lower())
    return sorted(names)


def common_words(wikinews: Path) -> list[str]:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    with gzip.open(wikinews, "rt", encoding="utf-8") as lines:
        for line in lines:
            for word in MID_SENTENCE_WORD.findall(json.loads(line)["text"]):
                (lower if word[0].islower() else capital)[word.lower()] += 1
    return sorted(
        word
        for word, count in lower.items()
        if count >= MIN_LOWER_COUNT and count / (count + capital[word]) >= MIN_LOWER_SHARE
    )


def main(argv: list[str]) -> None:
    names_dir, wikinews = Path(argv[0]), Path(argv[1])
    (HERE / "entities_first_names.txt").write_text("\n".join(census_first_names(names_dir)) + "\n")
    (HERE / "entities_common_words.txt").write_text("\n".join(common_words(wikinews)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
