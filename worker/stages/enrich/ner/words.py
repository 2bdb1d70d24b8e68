"""What each word of a capitalised run is, from its text alone: a connector, a title, a head noun, a first
name, a known name... Looked up once per distinct word (`word_facts`) rather than at every step of every
run that holds it; segment.py and segmenter.py cut runs using these facts."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from worker.stages.enrich.ner.cues import (
    EVENT_HEADS,
    FACILITY_HEADS,
    NAME_PARTICLES,
    NON_NAMES,
    ORG_HEADS,
    ORG_OPENERS,
    PLACE_HEADS,
    PRODUCT_HEADS,
    STOP_WORDS,
    TEAM_PLURALS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from worker.stages.enrich.ner.lexicon import lexicon, normalise

_CONNECTORS = (
    "of the|of|for the|for|and the|and|&|de la|de|du|des|van der|van|von der|von|der|den|bin|ibn|da|dos|di"
    "|del|la|le|al|y"
)
CONNECTOR = rf"(?:{_CONNECTORS})"
# Every word of a run holds a capital and no connector does, so a piece's text tells which it is.
CONNECTOR_WORDS: Final = frozenset(_CONNECTORS.split("|"))
SKIPPED: Final = STOP_WORDS | NON_NAMES
NAME_CONTINUATIONS: Final = frozenset({"of", "of the", "for", "for the", "de"})
HEADS: Final = ORG_HEADS | EVENT_HEADS | FACILITY_HEADS | PLACE_HEADS | PRODUCT_HEADS
OTHER_KNOWN_KINDS: Final = frozenset({"country", "demonym", "org", "region"})
# Words whose plural names a team ("Tiger" of the Tigers): one lookup, without building the plural.
_TEAM_SINGULARS: Final = frozenset(plural[:-1] for plural in TEAM_PLURALS if plural.endswith("s"))
# Every word some rule of the segmenter singles out by its text; most words of a run are none of them.
_RULE_WORDS: Final = (
    CONNECTOR_WORDS | SKIPPED | TITLE_HEADS | TITLE_MODIFIERS | HEADS | NAME_CONTINUATIONS | NAME_PARTICLES
)


class Word:
    """What one word (or connector) of a run is, from its text alone."""

    __slots__ = (
        "acronym",
        "common",
        "connector",
        "continuation",
        "entry",
        "first_name",
        "head",
        "head_type",
        "name_tail",
        "other_known",
        "particle",
        "plain",
        "plain_start",
        "prefix",
        "skipped",
        "surname_like",
        "team_member",
        "text",
        "title_head",
        "title_modifier",
        "title_word",
    )

    def __init__(self, text: str) -> None:
        names = lexicon()
        # A word holds no space, so only a curly apostrophe or "&" makes its lookup key differ from it.
        key = normalise(text) if "’" in text or "&" in text else text
        self.text = text
        if text in _RULE_WORDS:
            self._read_rule_word(text)
        else:  # most words of a run: one lookup tells that no rule singles them out
            self.connector = self.skipped = self.title_head = self.title_modifier = self.title_word = False
            self.head = self.continuation = self.particle = False
            self.head_type: str | None = None
            self.plain = True
        lower = text.lower()
        self.common = lower in names.common_words
        self.first_name = lower in names.first_names
        self.entry = entry = names.names.get(key)
        self.prefix = key in names.name_prefixes
        self.other_known = entry is not None and entry.kind in OTHER_KNOWN_KINDS
        self.acronym = text.isupper() and len(text) > 1  # "Mac OS X" is no one's name
        # The singular of a team's nickname, said of one player ("Tiger" of the Tigers).
        self.team_member = text in _TEAM_SINGULARS and not self.first_name
        # What lets segment.py read a whole run as one name without cutting it (see `one_name`):
        # nothing that the segmenter's rules look for starts at the word...
        self.plain_start = (
            self.plain
            and not self.skipped
            and entry is None
            and not self.prefix
            and not self.title_modifier
            and not self.team_member
            and not self.head
            and text not in ORG_OPENERS
        )
        # ...an unknown name runs on over it...
        self.name_tail = self.plain and entry is None and not self.head
        # ...and a person's name opening with a first name does too.
        self.surname_like = self.plain and not self.head and not self.other_known and not self.acronym

    def _read_rule_word(self, text: str) -> None:
        """The facts of a word that some rule of the segmenter looks for by its text."""
        self.connector = text in CONNECTOR_WORDS
        self.skipped = text in SKIPPED
        self.title_head = text in TITLE_HEADS
        self.plain = not self.connector and text not in STOP_WORDS and not self.title_head
        self.title_modifier = text in TITLE_MODIFIERS
        self.title_word = self.title_head or self.title_modifier
        self.head = text in HEADS
        self.head_type = head_type(text) if self.head else None
        self.continuation = text in NAME_CONTINUATIONS
        self.particle = text in NAME_PARTICLES


word_facts = lru_cache(maxsize=65536)(Word)


def head_type(word: str) -> str | None:
    if word in ORG_HEADS:
        return "ORG"
    if word in EVENT_HEADS:
        return "EVENT"
    if word in FACILITY_HEADS:
        return "FACILITY"
    if word in PLACE_HEADS:
        return "LOC"
    if word in PRODUCT_HEADS:
        return "PRODUCT"
    return None
