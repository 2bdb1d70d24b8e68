"""Type the unknown chunks from their context and group every chunk into the entity it names.

Variants of a name in one article become one entity: a person's later surname ("Trump", "Kim"), an
organisation's acronym defined in brackets or made of its initials ("UNSC", "KPA"), its first word
("Lockheed") or head noun ("the Council"), a capital standing for its government ("Washington"), and
"the North"/"the South" once North/South Korea has been named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from worker.stages.enrich.ner.candidates import Chunk
from worker.stages.enrich.ner.cues import (
    ORG_HEADS,
    PERSON_AFTER,
    PERSON_BEFORE,
    SPORTS_CUES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from worker.stages.enrich.ner.lexicon import GazEntry, Lexicon

Key = tuple[str, str]

# Names that mean a country only once the article has named it ("the North" after "North Korea").
CONTEXT_ALIASES = {"North": "PRK", "South": "KOR"}
_WORD_AFTER = re.compile(r",? ?([a-z]+)")
_MODEL = re.compile(r" (?:[A-Z]{1,3}-?)?\d[\w-]*")
_LOCATIVE = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "into",
    "across",
    "around",
    "from",
    "to",
    "via",
    "toward",
}
_LOCATIVE_STRICT = {"in", "near"}
_MIN_SPORTS_CUES = 4
_DIGIT = re.compile(r"\d")
_ROMAN = re.compile(r"[IVXLCDM]+")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*")


@dataclass(slots=True)
class Group:
    """The chunks that name one entity, with what is known about it."""

    key: Key
    type: str
    canonical: str
    entry: GazEntry | None
    chunks: list[Chunk] = field(default_factory=list)


def word_before(text: str, chunk: Chunk) -> str:
    """The word just before the chunk (and its article), lower-cased, skipping a comma."""
    end = chunk.start if chunk.article_start is None else chunk.article_start
    while end and text[end - 1] in " ,":
        end -= 1
    floor = max(0, end - 30)
    begin = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end)) + 1
    return text[max(begin, floor) : end].lower()


def word_after(text: str, chunk: Chunk) -> str:
    match = _WORD_AFTER.match(text, chunk.end)
    return match.group(1) if match else ""


def _context_type(text: str, chunk: Chunk) -> str | None:
    """PERSON when a title, a role noun or a verb of saying stands next to an unknown name."""
    if chunk.opening_word:
        return None
    if chunk.after_title or word_before(text, chunk) in PERSON_BEFORE:
        return "PERSON"
    after = word_after(text, chunk)
    if text.startswith(", ", chunk.end) and after in PERSON_BEFORE:
        return "PERSON"  # an apposition: "Jane Roe, minister of transport"
    if " " in chunk.text and (after in PERSON_AFTER or after == "who"):
        return "PERSON"
    return None


def _as_product(text: str, chunk: Chunk) -> None:
    """A maker's name with a model number ("Airbus A330-200", "Boeing 787") names a product."""
    model = _MODEL.match(text, chunk.end)
    if model is not None:
        chunk.end = model.end()
        chunk.text = text[chunk.start : chunk.end]
        chunk.type = "PRODUCT"
        chunk.entry = None


def is_sports_report(text: str) -> bool:
    """Whether the article reports a match: then a country named in it is mostly its national team."""
    found, remaining = 0, len(SPORTS_CUES)
    for cue in SPORTS_CUES:
        remaining -= 1
        if cue in text:
            found += 1
            if found == _MIN_SPORTS_CUES:
                return True
        elif found + remaining < _MIN_SPORTS_CUES:
            return False  # too few cues left to reach the count
    return False


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())


class Resolver:
    """Groups the chunks of one document."""

    def __init__(self, text: str, chunks: list[Chunk], lexicon: Lexicon) -> None:
        self.text = text
        self.chunks = chunks
        self.lexicon = lexicon
        self.groups: dict[Key, Group] = {}
        self.countries = {c.entry.country_code for c in chunks if c.entry and c.entry.kind == "country"}
        self.national_teams = bool(self.countries) and is_sports_report(text)
        # Each word of a person's full name -> (where the name is, all its words, its key).
        self.person_words: dict[str, list[tuple[int, frozenset[str], Key]]] = {}
        self.org_aliases: dict[str, Key] = {}

    def resolve(self) -> list[Group]:
        for chunk in self.chunks:
            if chunk.type is None or (chunk.entry is not None and chunk.entry.sector == "BUS"):
                _as_product(self.text, chunk)
            if chunk.type is None:
                chunk.type = _context_type(self.text, chunk)
        self._index_names()
        for chunk in self.chunks:
            assigned = self._assign(chunk)
            if assigned is not None:
                key, entity_type, canonical, entry = assigned
                group = self.groups.get(key)
                if group is None:
                    group = self.groups[key] = Group(key, entity_type, canonical, entry)
                group.chunks.append(chunk)
        return list(self.groups.values())

    def _index_names(self) -> None:
        """Full names of people and the short forms of organisations, from every typed chunk."""
        for index, chunk in enumerate(self.chunks):
            if chunk.type == "PERSON" and " " in chunk.text:
                names = frozenset(chunk.text.split())
                for word in names:
                    self.person_words.setdefault(word, []).append(
                        (chunk.start, names, ("person", chunk.text))
                    )
            elif chunk.type == "ORG":
                key = self._org_key(chunk)
                self._index_org(chunk, key, self.chunks[index + 1] if index + 1 < len(self.chunks) else None)

    def _index_org(self, chunk: Chunk, key: Key, following: Chunk | None) -> None:
        words = chunk.text.split()
        aliases = [_initials(chunk.text)] if len(words) > 2 else []
        if chunk.entry is not None:
            aliases.append(_initials(chunk.entry.canonical))
        if len(words) > 1:
            aliases.append(words[0])
            aliases.extend(word for word in words[1:] if word in ORG_HEADS)
        if (
            following is not None
            and following.start == chunk.end + 2
            and self.text[chunk.end : following.start] == " ("
        ):
            aliases.append(following.text)  # "the Government Accountability Office (GAO)"
        for alias in aliases:
            if len(alias) > 1:
                self.org_aliases.setdefault(alias, key)

    def _org_key(self, chunk: Chunk) -> Key:
        if chunk.entry is not None and chunk.entry.kb_id is not None:
            return ("org", chunk.entry.kb_id)
        return ("org", chunk.text)

    def _person_for(self, chunk: Chunk) -> Key | None:
        """The full name that a (partial) name refers to: the latest one before it, else the first after."""
        words = chunk.text.split()
        people = self.person_words.get(words[0])
        if not people:
            return None
        fitting = [(start, key) for start, names, key in people if names.issuperset(words)]
        before = [key for start, key in fitting if start <= chunk.start]
        if before:
            return before[-1]
        return fitting[0][1] if fitting else None

    def _assign(self, chunk: Chunk) -> tuple[Key, str, str, GazEntry | None] | None:
        entry = chunk.entry
        if entry is not None:
            return self._assign_known(chunk, entry)
        if chunk.type == "PERSON":
            key = self._person_for(chunk) or ("person", chunk.text)
            return key, "PERSON", key[1], None
        if chunk.type == "PRODUCT":
            return ("product", chunk.text), "PRODUCT", chunk.text, None
        if chunk.type is not None:
            return self._assign_headed(chunk, chunk.type)
        return self._assign_unknown(chunk)

    def _assign_known(self, chunk: Chunk, entry: GazEntry) -> tuple[Key, str, str, GazEntry | None] | None:
        code = entry.country_code
        if entry.kind in ("city", "capital", "state") and " " not in chunk.text:
            person = self._person_for(chunk)
            if person is not None:
                return person, "PERSON", person[1], None
        if self.national_teams and entry.kind in ("country", "home_nation"):
            return ("team", entry.canonical), "ORG", entry.canonical, entry
        if entry.kind == "country" and code is not None:
            return ("country", code), "LOC", entry.canonical, entry
        if (
            entry.kind == "capital"
            and code is not None
            and code in self.countries
            and word_before(self.text, chunk) not in _LOCATIVE
        ):
            country = self.lexicon.country_by_code[code]
            return ("country", code), "LOC", country.canonical, country
        if entry.kind == "demonym" and code is not None:
            return ("demonym", code), "NORP", entry.canonical, entry
        if entry.type == "ORG":
            return self._org_key(chunk), "ORG", entry.canonical, entry
        place_id = str(entry.geonames_id) if entry.geonames_id is not None else entry.canonical
        return ("place", place_id), entry.type, entry.canonical, entry

    def _assign_headed(self, chunk: Chunk, entity_type: str) -> tuple[Key, str, str, GazEntry | None]:
        if entity_type == "ORG":
            key = self._org_key(chunk)
            return key, "ORG", chunk.text, None
        return ("place", chunk.text), entity_type, chunk.text, None

    def _assign_unknown(self, chunk: Chunk) -> tuple[Key, str, str, GazEntry | None] | None:
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
        if " " not in text and self._is_not_a_name(text):
            return None
        if text.isupper() and len(text) > 1:
            if _ROMAN.fullmatch(text) or self._is_defined_term(chunk):
                return None
            return ("org", text), "ORG", text, None
        guess = self._guess_type(chunk)
        if guess is None:
            return None
        return ("name", text), guess, text, None

    def _assign_short_form(self, chunk: Chunk) -> tuple[Key, str, str, GazEntry | None] | None:
        """A surname of a person or a short form of an organisation named in the article."""
        person = self._person_for(chunk)
        if person is not None:
            return person, "PERSON", person[1], None
        org = self.org_aliases.get(chunk.text)
        if org is not None:
            group = self.groups.get(org)
            return org, "ORG", group.canonical if group else org[1], group.entry if group else None
        return None

    def _is_defined_term(self, chunk: Chunk) -> bool:
        """An acronym in brackets that no organisation before it explains ("Overhaul (MRO)") is a term."""
        return self.text[chunk.start - 1 : chunk.start] == "(" and self.text[chunk.end : chunk.end + 1] == ")"

    def _guess_type(self, chunk: Chunk) -> str | None:
        """The likeliest type of a name nothing else explains."""
        words = chunk.text.split()
        if self.text.startswith(", ", chunk.end):
            after = self.text[chunk.end + 2 : chunk.end + 40].split(",")[0].split(".")[0].strip()
            entry = self.lexicon.names.get(after)
            if entry is not None and entry.kind in ("country", "state", "home_nation"):
                return "LOC"  # "Cupertino, California"
        if len(words) == 1:
            # One unexplained capitalised word is more often a product, a work or a term than a name.
            return "LOC" if word_before(self.text, chunk) in _LOCATIVE_STRICT else None
        # Two or three rare capitalised words ("Nacer Chadli") make a person's name; names with ordinary
        # words in them ("Extra Wide Body", "New Year") are more often products, works or events.
        if len(words) <= 3 and all(self._is_name_word(word) for word in words):
            return "PERSON"
        return None

    def _is_name_word(self, word: str) -> bool:
        return _NAME_WORD.fullmatch(word) is not None and word.lower() not in self.lexicon.common_words

    def _is_not_a_name(self, word: str) -> bool:
        return (
            word.lower() in self.lexicon.common_words
            or word in TITLE_MODIFIERS
            or word in TITLE_HEADS
            or word in ORG_HEADS
            or _DIGIT.search(word) is not None
        )
