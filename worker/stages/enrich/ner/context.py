"""What stands around a chunk: the words next to it, and what they say about the kind of name it is.

Also the facts about a name that depend on its text alone (its initials, its short forms, whether its
words look like a person's); those are cached, since the same names recur from article to article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from worker.stages.enrich.ner.candidates import Chunk, stands_at
from worker.stages.enrich.ner.cues import (
    ORG_HEADS,
    PERSON_AFTER,
    PERSON_BEFORE,
    TEAM_PLURALS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WORDS_AFTER_A_HEAD,
)
from worker.stages.enrich.ner.lexicon import lexicon

_WORD_AFTER: Final = re.compile(r",? ?([a-z]+)")
_MODEL: Final = re.compile(r" (?:[A-Z]{1,3}-?)?\d[\w-]*")
_DIGIT: Final = re.compile(r"\d")
# A common word opening a sentence before a plain number ("Approximately 100", "Nearly 40") counts things.
_BARE_NUMBER: Final = re.compile(r"[\d,.]+")
# A team's name before a result ("the Red Sox 4-2", "Leeds 3–1") gives a score, not a model number.
_SCORE: Final = re.compile(r" \d{1,2} ?[-–] ?\d{1,2}(?![\w-])")
_NAME_WORD: Final = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*")
_NEXT_WORD: Final = re.compile(r" (\w[\w-]*)")
# A capital right after a lower-case letter inside one word: the mark of a brand or company ("YouTube").
_INNER_CAPITAL: Final = re.compile(r"[a-z][A-Z]")
# Such a name is made of whole capitalised words; all-capital parts make a term ("VoIP", "EeePC").
_CAMEL_CASE: Final = re.compile(r"(?:[A-Z][a-z]+){2,}")
# Surnames are written with an inner capital after these prefixes ("McCain", "MacArthur", "DeWolfe").
_SURNAME_PREFIXES: Final = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")
_ROLE_PREFIXES: Final = frozenset({"co", "ex", "vice", "deputy", "acting"})


class Surroundings:
    """The text of one document, read around its chunks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words_before: dict[int, str] = {}

    def word_before(self, chunk: Chunk) -> str:
        """The word just before the chunk (and its article), lower-cased, skipping a comma."""
        end = chunk.start if chunk.article_start is None else chunk.article_start
        word = self._words_before.get(end)
        if word is None:  # asked again for the same chunk by later rules, so kept
            # Spaces and commas back from the chunk, then the last 30 characters of the word there. String
            # methods, not a regex match: a match call costs more than this in the compiled build.
            text = self.text
            stop = end
            while stop and text[stop - 1] in " ,":
                stop -= 1
            window = text[max(stop - 30, 0) : stop]
            word = self._words_before[end] = window[max(window.rfind(" "), window.rfind("\n")) + 1 :].lower()
        return word

    def word_after(self, chunk: Chunk) -> str:
        match = _WORD_AFTER.match(self.text, chunk.end)
        return match.group(1) if match else ""

    def context_type(self, chunk: Chunk) -> str | None:
        """PERSON when a title, a role noun or a verb of saying stands next to an unknown name."""
        if chunk.opening_word:
            return None
        if chunk.after_title:
            return "PERSON"
        before = self.word_before(chunk)
        if before in PERSON_BEFORE or ("-" in before and _is_prefixed_role(before)):
            return "PERSON"
        # The rules below need an apposition after a comma, or a name of several words without an article.
        apposition = stands_at(self.text, chunk.end, ", ")
        if not apposition and (chunk.article_start is not None or " " not in chunk.text):
            return None
        after = self.word_after(chunk)
        if after in PERSON_BEFORE and apposition:
            return "PERSON"  # an apposition: "Jane Roe, minister of transport"
        # "the Maple Leafs said": a name after "the" or ending in a plural speaks for a group, not a person.
        speaks = (after in PERSON_AFTER or after == "who") and " " in chunk.text
        if speaks and chunk.article_start is None and not is_plural_group_name(chunk.text):
            return "PERSON"
        return None

    def as_product(self, chunk: Chunk) -> bool:
        """A maker's name with a model number ("Airbus A330-200", "Boeing 787") names a product; a team with
        a score ("Leeds 3-1") or an opening adverb with a count ("Approximately 100") does not. True when
        the chunk was made a product."""
        # A model number opens with a capital or a digit after a space. Most names are followed by
        # neither, and two character tests settle that for less than a regex match.
        after = self.text[chunk.end + 1 : chunk.end + 2]
        if not ("A" <= after <= "Z" or after.isdigit()) or not stands_at(self.text, chunk.end, " "):
            return False
        model = _MODEL.match(self.text, chunk.end)
        if model is None or _SCORE.match(self.text, chunk.end) is not None:
            return False
        if chunk.opening_word and _BARE_NUMBER.fullmatch(model.group(), 1):
            return False
        chunk.end = model.end()
        chunk.text = self.text[chunk.start : chunk.end]
        chunk.type = "PRODUCT"
        chunk.entry = None
        return True

    def is_defined_term(self, chunk: Chunk) -> bool:
        """An acronym in brackets that no organisation before it explains ("Overhaul (MRO)") is a term."""
        return self.text[chunk.start - 1 : chunk.start] == "(" and self.text[chunk.end : chunk.end + 1] == ")"


def _is_prefixed_role(word: str) -> bool:
    """A role noun with a prefix counts as the noun ("co-chairman", "ex-minister"); "15-member" does not."""
    prefix, _, noun = word.partition("-")
    return prefix in _ROLE_PREFIXES and noun in PERSON_BEFORE


@lru_cache(maxsize=65536)
def words_of(name: str) -> tuple[str, ...]:
    return tuple(name.split())


def initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())


@lru_cache(maxsize=65536)
def org_short_forms(name: str, canonical: str | None) -> tuple[str, ...]:
    """The short forms of an organisation's name: its initials, first word and head nouns ("UNSC", "Council")."""
    words = name.split()
    aliases = [initials(name)] if len(words) > 2 else []
    if canonical is not None:
        aliases.append(initials(canonical))
    if len(words) > 1:
        aliases.append(words[0])
        aliases.extend(word for word in words[1:] if word in ORG_HEADS)
    return tuple(aliases)


@lru_cache(maxsize=65536)
def is_not_a_name(word: str) -> bool:
    """A single capitalised word that is a common word, a title word, an organisation head or has digits."""
    return (
        word.lower() in lexicon().common_words
        or word in TITLE_MODIFIERS
        or word in TITLE_HEADS
        or word in ORG_HEADS
        or _DIGIT.search(word) is not None
    )


@lru_cache(maxsize=65536)
def looks_like_a_persons_name(name: str) -> bool:
    """Two or three rare capitalised words ("Nacer Chadli"); ordinary words ("New Year") make no person."""
    words = name.split()
    return len(words) <= 3 and all(_is_name_word(word) for word in words)


@lru_cache(maxsize=65536)
def is_plural_group_name(name: str) -> bool:
    """A name ending in a plural noun ("Maple Leafs", "White Sox") names a team or a band, unless a first name
    opens it ("Elizabeth Banks")."""
    words = name.split()
    names = lexicon()
    if len(words) < 2 or words[0].lower() in names.first_names:
        return False
    last = words[-1]
    return last in TEAM_PLURALS or (last.endswith("s") and last[:-1].lower() in names.common_words)


@lru_cache(maxsize=65536)
def is_camel_case_name(word: str) -> bool:
    """One word made of capitalised words run together ("MySpace", "PayPal") names a company or a brand,
    not a thing; a surname written so ("McCain", "DeWolfe") does not count."""
    if _CAMEL_CASE.fullmatch(word) is None:
        return False  # "iPod" (a product), "VoIP" (a term), "WikiLeaks-related"
    inner = _INNER_CAPITAL.search(word)
    return inner is not None and word[: inner.start() + 1] not in _SURNAME_PREFIXES


def earlier_spelling(spellings: dict[str, str], name: str) -> str:
    """The name of an organisation named before that differs from this one only in its last word, written
    shorter or longer ("News Corp." then "News Corps"), else this name, kept for the names after it.
    `spellings` maps the words before a last word and its first letter to the name first seen so."""
    rest, _, last = name.rpartition(" ")
    if not rest:
        return name
    earlier = spellings.setdefault(f"{rest} {last[0]}", name)
    return earlier if is_shortened(earlier.rpartition(" ")[2], last) else name


def is_shortened(one: str, other: str) -> bool:
    """Whether one word is the other cut short ("Corp." of "Corporation", "Ltd" of "Limited", "Intl" of
    "International"): the shorter one's letters come in order in the longer one."""
    one, other = one.rstrip("."), other.rstrip(".")
    if len(one) > len(other):
        one, other = other, one
    if len(one) < 2 or one == other:
        return False
    letters = iter(other)
    return all(letter in letters for letter in one)


def article_is_the_names(text: str, end: int) -> bool:
    """Whether "the" before a name ending at `end` is the name's own ("the United Nations said"), not that of
    a noun the name modifies ("the Apple website", "the Airbus chief executive")."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return True  # punctuation, a possessive ("the Church's") or the end of the text follows
    word = match.group(1)
    if word[0].isupper():
        return word not in TITLE_HEADS and word not in TITLE_MODIFIERS  # "the Apple Chief Executive"
    # A verb or a function word, not a noun: the name heads its phrase.
    return word in WORDS_AFTER_A_HEAD or word.endswith(("s", "ed", "ing"))


def _is_name_word(word: str) -> bool:
    return _NAME_WORD.fullmatch(word) is not None and word.lower() not in lexicon().common_words
