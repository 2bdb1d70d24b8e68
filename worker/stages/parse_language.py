"""A fast language check: the share of a language's function words among the words of the text.

Function words make up a third or more of any running text in English (and likewise in other languages),
so a few dozen of them per language tell the languages apart on a paragraph without any model. Text in a
non-Latin script is named by its script. The check never fails: anything unclear is "und" (undetermined).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from worker.stages.parse_lexicon import words

_SAMPLE_CHARS = 800
# Below this share of its function words a text is not taken to be in that language.
_MIN_RATIO = 0.12
# English news runs at about 0.4 with this list; a share of 0.3 or more is full confidence.
_FULL_CONFIDENCE_RATIO = 0.3
# A script that writes at least this share of the letters names the language (Japanese mixes kana with
# Chinese characters, so kana need not be the majority).
_MIN_SCRIPT_SHARE = 0.2

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": words(
        "the of and to a in is that for on with as was by at it from he his are be has have had this an "
        "were which not or but said they their its been who will would she her we our after also there "
        "than more into about over when up out new one"
    ),
    "de": words(
        "der die das und ist nicht ein eine mit den dem des auf für sich auch von im zu wird wurde sind "
        "bei nach aus wie oder aber noch über"
    ),
    "fr": words(
        "le la les et des du une est dans pour que qui pas sur au avec ce sont par plus ont été aux mais "
        "cette il elle leur ses"
    ),
    "es": words(
        "el la los las y del en que por con una para es se al lo como más pero sus fue ha su entre este "
        "desde también muy"
    ),
    "it": words(
        "il lo la gli le di e che per con una sono è del della nel alla dei non più come anche ha stato "
        "tra questo"
    ),
    "pt": words(
        "o a os as e de do da dos das em no na que um uma para com não por mais foi ao como seu sua são "
        "também"
    ),
    "nl": words(
        "de het een en van in is dat op te zijn met voor niet aan er ook als bij door maar werd naar uit "
        "heeft"
    ),
    "sv": words("och att det som en på är av för med till den har inte om ett var men från också"),
    "pl": words("i w na z się że do nie jest to o jak po dla przez od ale jego już"),
    "tr": words("ve bir bu da de için ile olarak daha çok gibi ama olan değil en kadar"),
    "id": words("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh"),
}

# Scripts that name their language, as character classes. Kana marks Japanese even amid Chinese characters,
# so it is tried first; Chinese characters alone are read as Chinese.
_SCRIPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("[\u3040-\u30ff]"), "ja"),
    (re.compile("[\uac00-\ud7af]"), "ko"),
    (re.compile("[\u4e00-\u9fff]"), "zh"),
    (re.compile("[\u0400-\u04ff]"), "ru"),
    (re.compile("[\u0600-\u06ff]"), "ar"),
    (re.compile("[\u0590-\u05ff]"), "he"),
    (re.compile("[\u0370-\u03ff]"), "el"),
    (re.compile("[\u0900-\u097f]"), "hi"),
    (re.compile("[\u0e00-\u0e7f]"), "th"),
)
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> tuple[str, float]:
    """The best guess ISO 639-1 code (or "und") and a confidence in [0, 1]."""
    # Splitting on whitespace leaves punctuation on some words; function words seldom carry any.
    words = text[:_SAMPLE_CHARS].lower().split()
    if not words:
        return "und", 0.0
    hits = dict.fromkeys(_FUNCTION_WORDS, 0)
    # Counting the matched words by the number of their language group keeps the per-word work in C
    # (small ints hash at once, tuples would be hashed anew for every word): only the few distinct
    # groups are spread over their languages in Python.
    groups, group_of_word = _language_groups()
    for group, count in Counter(filter(None, map(group_of_word.get, words))).items():
        for code in groups[group]:
            hits[code] += count
    best = max(hits, key=hits.__getitem__)  # the first language listed wins a tie
    ratio = hits[best] / len(words)
    if ratio >= _MIN_RATIO:
        return best, round(min(1.0, ratio / _FULL_CONFIDENCE_RATIO), 3)
    return _script_language(text[:_SAMPLE_CHARS])


@cache
def _language_groups() -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """The distinct sets of languages a function word belongs to (numbered from 1, so that no group is
    falsy), and each function word with the number of its group: the text is read once for all languages."""
    index: dict[str, list[str]] = {}
    for code, vocabulary in _FUNCTION_WORDS.items():
        for word in vocabulary:
            index.setdefault(word, []).append(code)
    groups: list[tuple[str, ...]] = [()]
    group_of_codes: dict[tuple[str, ...], int] = {}
    group_of_word: dict[str, int] = {}
    for word, codes in index.items():
        key = tuple(codes)
        if key not in group_of_codes:
            group_of_codes[key] = len(groups)
            groups.append(key)
        group_of_word[word] = group_of_codes[key]
    return groups, group_of_word


def _script_language(sample: str) -> tuple[str, float]:
    """The language a non-Latin script names when it writes a clear share of the letters (runs only for
    text that matched no function-word list, so its cost does not touch English news)."""
    letters = len(_LETTER.findall(sample))
    if not letters:
        return "und", 0.0
    for script, code in _SCRIPTS:
        share = len(script.findall(sample)) / letters
        if share >= _MIN_SCRIPT_SHARE:
            return code, round(min(1.0, share * 2), 3)
    return "und", 0.0
