"""Type the unknown chunks from their context and group every chunk into the entity it names.

Variants of a name in one article become one entity: a person's later surname ("Trump", "Kim"), an
organisation's acronym defined in brackets or made of its initials ("UNSC", "KPA"), its first word
("Lockheed") or head noun ("the Council"), a capital standing for its government ("Washington"), and
"the North"/"the South" once North/South Korea has been named.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Final

from worker.stages.enrich.ner.candidates import Chunk, stands_at
from worker.stages.enrich.ner.context import (
    Surroundings,
    earlier_spelling,
    is_camel_case_name,
    is_not_a_name,
    is_plural_group_name,
    looks_like_a_persons_name,
    org_short_forms,
    words_of,
)
from worker.stages.enrich.ner.cues import PERSON_AFTER
from worker.stages.enrich.ner.lexicon import GazEntry, Lexicon
from worker.stages.enrich.ner.sports import is_sports_report

Key = tuple[str, str]
Assignment = tuple[Key, str, str, GazEntry | None]

# Names that mean a country only once the article has named it ("the North" after "North Korea").
CONTEXT_ALIASES: Final = {"North": "PRK", "South": "KOR"}
_LOCATIVE: Final = frozenset(
    {"in", "at", "near", "outside", "inside", "into", "across", "around", "from", "to", "via", "toward"}
)
_LOCATIVE_STRICT: Final = frozenset({"in", "near"})
_PLACE_PREPOSITIONS: Final = _LOCATIVE | {"of"}
_ROMAN: Final = re.compile(r"[IVXLCDM]+")
_PLACE_KINDS: Final = frozenset({"city", "capital", "state"})
_TEAM_KINDS: Final = frozenset({"country", "home_nation"})
_REGION_KINDS: Final = frozenset({"country", "state", "home_nation"})
# Nationalities two countries share, coded by default as the one news names far more often, and as the
# other when the article names only that one ("Congolese" in a report on Brazzaville).
_SHARED_DEMONYMS: Final = {"COD": "COG", "DOM": "DMA"}


class Group:
    """The chunks that name one entity, with what is known about it.

    A plain class with its own __init__, which the compiled build compiles (a dataclass's generated one
    would run as interpreted Python for every entity).
    """

    __slots__ = ("canonical", "chunks", "entry", "key", "type")

    def __init__(
        self, key: Key, type: str, canonical: str, entry: GazEntry | None, chunks: list[Chunk]
    ) -> None:
        self.key = key
        self.type = type
        self.canonical = canonical
        self.entry = entry
        self.chunks = chunks


class Resolver:
    """Groups the chunks of one document."""

    def __init__(self, text: str, chunks: list[Chunk], lexicon: Lexicon) -> None:
        self.text = text
        self.around = Surroundings(text)
        self.chunks = chunks
        self.lexicon = lexicon
        self.groups: dict[Key, Group] = {}
        self.countries = {c.entry.country_code for c in chunks if c.entry and c.entry.kind == "country"}
        self._sports_report: bool | None = None  # found out on first need: the test reads the whole text
        # Each word of a person's full name -> (where the name is, all its words, its key).
        self.person_words: dict[str, list[tuple[int, frozenset[str], Key]]] = {}
        self.org_aliases: dict[str, Key] = {}
        self.org_spellings: dict[str, str] = {}  # for earlier_spelling()

    @property
    def national_teams(self) -> bool:
        return bool(self.countries) and self.sports_report

    @property
    def sports_report(self) -> bool:
        if self._sports_report is None:
            self._sports_report = is_sports_report(self.text)
        return self._sports_report

    def resolve(self) -> list[Group]:
        """The groups, in order of first mention: each is made at its first chunk, and chunks come in text order."""
        self._join_teams()
        around = self.around
        for chunk in self.chunks:
            if chunk.type is None:
                if not around.as_product(chunk):
                    chunk.type = around.context_type(chunk)
            elif chunk.entry is not None and chunk.entry.sector == "BUS":
                around.as_product(chunk)
        self._index_names()
        groups = self.groups
        for chunk in self.chunks:
            assigned = self._assign(chunk)
            if assigned is not None:
                # Unpacked, not passed as *assigned: a star call goes through the generic call path.
                key, entity_type, canonical, entry = assigned
                group = groups.get(key)
                if group is None:
                    groups[key] = Group(key, entity_type, canonical, entry, [chunk])
                else:
                    group.chunks.append(chunk)
        return list(groups.values())

    def _join_teams(self) -> None:
        """In a match report, a town and the plural name after it are one team ("the Detroit Tigers")."""
        chunks = self.chunks
        teams: list[Chunk] = []
        # A joined town loses its entry, so a chunk joined to one cannot itself take the next: pairs of
        # neighbours in the original order are enough.
        for town, chunk in pairwise(chunks):
            # The cheap tests first: most chunks do not directly follow a known town.
            if (
                chunk.entry is None
                and town.entry is not None
                and chunk.start == town.end + 1
                and town.entry.kind in _PLACE_KINDS
                and is_plural_group_name(f"{town.text} {chunk.text}")
                and self.sports_report
            ):
                town.end, town.text = chunk.end, self.text[town.start : chunk.end]
                town.type, town.entry = "ORG", None
                teams.append(chunk)
        if teams:  # rare: most articles name no team so
            self.chunks = [chunk for chunk in chunks if not any(chunk is team for team in teams)]

    def _index_names(self) -> None:
        """Full names of people and the short forms of organisations, from every typed chunk."""
        chunks = self.chunks
        person_words = self.person_words
        for index, chunk in enumerate(chunks):
            entity_type = chunk.type
            if (entity_type == "PERSON" and " " in chunk.text) or (
                chunk.entry is not None and chunk.entry.kind == "city" and self._is_town_as_person(chunk)
            ):
                names = frozenset(chunk.text.split())
                for word in names:
                    person_words.setdefault(word, []).append((chunk.start, names, ("person", chunk.text)))
            elif entity_type == "ORG":
                self._index_org(chunk, chunks[index + 1] if index + 1 < len(chunks) else None)

    def _is_town_as_person(self, chunk: Chunk) -> bool:
        """A town's name after a title or before a verb of saying ("President Bush", "Bush said") is a surname."""
        if chunk.entry is None or chunk.entry.kind != "city":
            return False
        if chunk.after_title:
            return True
        # "in Seattle, told the BBC" and "of Benghazi said" speak of a place: only "Bush said" counts.
        return (
            stands_at(self.text, chunk.end, " ")
            and self.around.word_after(chunk) in PERSON_AFTER
            and self.around.word_before(chunk) not in _PLACE_PREPOSITIONS
        )

    def _index_org(self, chunk: Chunk, following: Chunk | None) -> None:
        key = self._org_key(chunk)
        aliases = org_short_forms(chunk.text, chunk.entry.canonical if chunk.entry is not None else None)
        if (
            following is not None
            and following.start == chunk.end + 2
            and self.text[chunk.end : following.start] == " ("
        ):
            aliases += (following.text,)  # "the Government Accountability Office (GAO)"
        for alias in aliases:
            if len(alias) > 1:
                self.org_aliases.setdefault(alias, key)

    @staticmethod
    def _org_key(chunk: Chunk) -> Key:
        if chunk.entry is not None and chunk.entry.kb_id is not None:
            return ("org", chunk.entry.kb_id)
        return ("org", chunk.text)

    def _person_for(self, chunk: Chunk) -> Key | None:
        """The full name that a (partial) name refers to: the latest one before it, else the first after."""
        text = chunk.text
        people = self.person_words.get(text.partition(" ")[0])
        if not people:
            return None
        words = words_of(text)
        start = chunk.start
        found: Key | None = None
        for name_start, names, key in people:
            if names.issuperset(words):
                if name_start > start:
                    return found or key
                found = key
        return found

    def _assign(self, chunk: Chunk) -> Assignment | None:
        entry = chunk.entry
        if entry is not None:
            return self._assign_known(chunk, entry)
        entity_type = chunk.type
        if entity_type is None:
            return self._assign_unknown(chunk)
        text = chunk.text
        if entity_type == "PERSON":
            key = self._person_for(chunk) or ("person", text)
            return key, "PERSON", key[1], None
        if entity_type == "PRODUCT":
            return ("product", text), "PRODUCT", text, None
        if entity_type == "ORG":
            # No entry, so no kb_id: keyed by its text as first written ("News Corp.", later "News Corps").
            name = earlier_spelling(self.org_spellings, text)
            return ("org", name), "ORG", name, None
        return ("place", text), entity_type, text, None

    def _assign_known(self, chunk: Chunk, entry: GazEntry) -> Assignment | None:
        if entry.country_code not in self.countries and entry.type == "LOC":
            entry = self._place_in_named_country(chunk, entry)
        code = entry.country_code
        kind = entry.kind
        if kind in _PLACE_KINDS and " " not in chunk.text:
            person = self._person_for(chunk)
            if person is not None:
                return person, "PERSON", person[1], None
        if kind in _TEAM_KINDS and self.national_teams:
            return ("team", entry.canonical), "ORG", entry.canonical, entry
        if kind == "country" and code is not None:
            return ("country", code), "LOC", entry.canonical, entry
        if (
            kind == "capital"
            and code is not None
            and code in self.countries
            and self.around.word_before(chunk) not in _LOCATIVE
        ):
            country = self.lexicon.country_by_code[code]
            return ("country", code), "LOC", country.canonical, country
        if kind == "demonym" and code is not None:
            sibling = _SHARED_DEMONYMS.get(code)
            if sibling is not None and sibling in self.countries and code not in self.countries:
                entry = _recoded(entry, sibling)
            return ("demonym", entry.country_code or code), "NORP", entry.canonical, entry
        if entry.type == "ORG":
            return self._org_key(chunk), "ORG", entry.canonical, entry
        place_id = str(entry.geonames_id) if entry.geonames_id is not None else entry.canonical
        return ("place", place_id), entry.type, entry.canonical, entry

    def _place_in_named_country(self, chunk: Chunk, entry: GazEntry) -> GazEntry:
        """Of the places a shared name may mean, the first in a country the article names, else the usual one."""
        alternatives = self.lexicon.place_alternatives.get(chunk.text)
        if not alternatives or not self.countries:
            return entry
        return next((place for place in alternatives if place.country_code in self.countries), entry)

    def _assign_unknown(self, chunk: Chunk) -> Assignment | None:
        text = chunk.text
        if chunk.opening_word:
            return self._assign_short_form(chunk)
        code = CONTEXT_ALIASES.get(text)
        if code is not None and code in self.countries and chunk.article_start is not None:
            country = self.lexicon.country_by_code[code]
            return ("country", code), "LOC", country.canonical, country
        short_form = self._assign_short_form(chunk)
        if short_form is not None:
            return short_form
        if " " not in text and is_not_a_name(text):
            return None
        if text.isupper() and len(text) > 1:
            if _ROMAN.fullmatch(text) or self.around.is_defined_term(chunk):
                return None
            return ("org", text), "ORG", text, None
        guess = self._guess_type(chunk)
        if guess is None:
            return None
        return ("name", text), guess, text, None

    def _assign_short_form(self, chunk: Chunk) -> Assignment | None:
        """A surname of a person or a short form of an organisation named in the article."""
        person = self._person_for(chunk)
        if person is not None:
            return person, "PERSON", person[1], None
        org = self.org_aliases.get(chunk.text)
        if org is not None:
            group = self.groups.get(org)
            return org, "ORG", group.canonical if group else org[1], group.entry if group else None
        return None

    def _guess_type(self, chunk: Chunk) -> str | None:
        """The likeliest type of a name nothing else explains."""
        text, end = self.text, chunk.end
        if stands_at(text, end, ", "):
            after = text[end + 2 : end + 40].split(",")[0].split(".")[0].strip()
            entry = self.lexicon.names.get(after)
            if entry is not None and entry.kind in _REGION_KINDS:
                return "LOC"  # "Cupertino, California"
        if " " not in chunk.text:
            if self.around.word_before(chunk) in _LOCATIVE_STRICT:
                return "LOC"
            if chunk.article_start is None and is_camel_case_name(chunk.text):
                return "ORG"  # "YouTube", "MySpace"; "the PowerBook" is a product
            # One unexplained capitalised word is more often a product, a work or a term than a name.
            return None
        if is_plural_group_name(chunk.text):
            # A team in a match report ("the Maple Leafs"); elsewhere a plural is as often a title ("Star Wars").
            return "ORG" if self.sports_report else None
        return "PERSON" if looks_like_a_persons_name(chunk.text) else None


@lru_cache(maxsize=64)
def _recoded(entry: GazEntry, country_code: str) -> GazEntry:
    return replace(entry, country_code=country_code)
