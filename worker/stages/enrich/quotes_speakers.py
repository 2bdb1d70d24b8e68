"""Who is speaking: link a speaker phrase ("Luo Zhaohui", "he", "the vice foreign minister") to an entity."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import islice
from operator import itemgetter

from schemas import Entity
from worker.stages.enrich.quotes_found import SpeakerFields, speaker_fields

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "we"})

# Role nouns that stand for a person named earlier ("the minister said" -> the last person named).
PERSON_ROLES = frozenset(
    str.split(
        "minister president spokesman spokeswoman spokesperson official officer chairman chairwoman chair "
        "director ambassador secretary chief leader coach manager governor mayor senator commander general "
        "premier chancellor king queen prince princess pope bishop judge lawyer attorney prosecutor "
        "professor scientist researcher doctor author writer founder executive ceo head captain player "
        "striker midfielder defender goalkeeper candidate man woman boy girl father mother son daughter "
        "wife husband actor actress singer analyst economist expert witness victim resident chairperson "
        "representative envoy negotiator activist campaigner banker investor owner inspector detective "
        "superintendent sergeant lieutenant colonel major admiral deputy"
    )
)
# Institution nouns that stand for an organisation named earlier ("the ministry said").
ORG_ROLES = frozenset(
    str.split(
        "company firm ministry agency government group organisation organization party council committee "
        "commission board bank court department office union club team church army military police "
        "authority authorities network newspaper broadcaster station channel embassy administration "
        "association federation corporation institute university school hospital"
    )
)
# Countries speak in news ("China says"), so places are indexed too, but only as named speakers:
# pronouns and role phrases refer back to people and organisations.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NORP", "LOC"})
_AGENTS = frozenset({"PERSON", "ORG"})
TITLE_CONTEXT_CHARS = 40
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


# A mention as (start, end, entity id, entity type): a plain tuple, built for every mention of every
# document. A NamedTuple's constructor is a Python function, which cost a third of building the index.
Mention = tuple[int, int, str, str]


def _speaker_mentions(entities: Sequence[Entity]) -> list[Mention]:
    """The mentions of the entities that can speak, in text order."""
    # Fields read from each model's __dict__: pydantic models define __getattr__, which sends every
    # attribute read through a slower lookup; one __dict__ read per model costs less than one per field.
    mentions = []
    for entity in entities:
        fields = entity.__dict__
        kind = fields["type"]
        if kind in SPEAKER_TYPES:
            entity_id = fields["id"]
            for span in fields["mentions"]:
                offsets = span.__dict__
                mentions.append((offsets["start"], offsets["end"], entity_id, kind))
    mentions.sort(key=itemgetter(0, 1))  # by start, then end; a C-level key
    return mentions


class MentionIndex:
    """Every mention of a possible speaker (person, organisation, nationality), in text order.

    Built on first use: a document whose cues and quotation marks need no speaker never sorts its
    mentions.
    """

    def __init__(self, entities: Sequence[Entity], text: str = "") -> None:
        self.text = text
        self.entities = entities
        self._sorted: tuple[list[Mention], list[int]] | None = None

    def sorted(self) -> tuple[list[Mention], list[int]]:
        """The mentions in text order, and their starts."""
        if self._sorted is None:
            mentions = _speaker_mentions(self.entities)
            self._sorted = mentions, [mention[0] for mention in mentions]
        return self._sorted

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap [start, end)."""
        mentions, starts = self.sorted()
        index = bisect_left(starts, start)
        while index > 0 and mentions[index - 1][1] > start:
            index -= 1
        found = []
        for mention in islice(mentions, index, None):  # no copy of the list's tail
            if mention[0] >= end:
                break
            if mention[1] > start:
                found.append(mention)
        return found

    def last_before(self, position: int, types: frozenset[str], title: str = "") -> Mention | None:
        """The last mention of one of `types` that ends at or before `position`.

        With a `title` ("minister"), the last mention introduced with that title ("Vice Foreign Minister
        Luo Zhaohui") is preferred over a later mention of someone else.
        """
        mentions, starts = self.sorted()
        last = None  # the nearest fitting mention, when none carries the title
        for number in range(bisect_left(starts, position) - 1, -1, -1):  # nearest first
            mention = mentions[number]
            mention_start, mention_end, _, kind = mention
            if mention_end > position or kind not in types:
                continue
            if not title:
                return mention
            if last is None:
                last = mention
            context = self.text[max(0, mention_start - TITLE_CONTEXT_CHARS) : mention_start].lower()
            if title in context:
                return mention
        return last


def _best_named(mentions: list[Mention]) -> Mention | None:
    """The speaker among named mentions: the first person (the head of "X, a spokesman for Y"), else
    the last organisation or nationality (the one nearest the verb in "Chinese state media")."""
    people = [mention for mention in mentions if mention[3] == "PERSON"]
    if people:
        return people[0]
    return mentions[-1] if mentions else None


def _role_types(words: list[str]) -> frozenset[str] | None:
    """The entity types a pronoun or role phrase can refer back to, from its last word."""
    if not words:
        return None
    head = words[-1]
    if len(words) == 1 and head in PERSON_PRONOUNS:
        return frozenset({"PERSON"})
    if len(words) == 1 and head in GROUP_PRONOUNS:
        return frozenset({"ORG", "PERSON"}) if head == "they" else frozenset({"ORG"})
    if head in PERSON_ROLES:
        return frozenset({"PERSON"})
    if head in ORG_ROLES:
        return frozenset({"ORG"})
    return None


def _linked(text: str, mention: Mention) -> SpeakerFields:
    start, end, entity_id, _ = mention
    return speaker_fields(text, start, end, entity_id)


def resolve_speaker(
    text: str, span: tuple[int, int], index: MentionIndex, anchor: int, region: tuple[int, int] | None = None
) -> SpeakerFields | None:
    """A speaker for the phrase text[span], linked to an entity when one fits.

    In order: a named mention inside the phrase; for a pronoun or a role phrase ("he", "the minister"),
    the last fitting mention before the phrase (and before `anchor`, where the quote starts); a named
    mention elsewhere in `region` (the clause around the phrase); else the phrase itself, unlinked.
    """
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if start >= end:
        return None
    inside = index.inside(start, end)
    named = _best_named([mention for mention in inside if mention[3] in _AGENTS])
    if named is not None:
        return _linked(text, named)
    phrase = text[start:end]
    # Lowered before the words are found where that cannot change them (in ASCII every letter lowers
    # to one letter); elsewhere word by word.
    words = _WORD.findall(phrase.lower()) if phrase.isascii() else [w.lower() for w in _WORD.findall(phrase)]
    types = _role_types(words)
    if types is not None:
        title = words[-1] if len(words) > 1 else ""
        antecedent = index.last_before(min(start, anchor), types, title)
        if antecedent is not None:
            return speaker_fields(text, start, end, antecedent[2])
        return speaker_fields(text, start, end)
    if inside:  # a country or nationality as the speaker: "China says", "Russian state media"
        return _linked(text, inside[-1])
    around = _best_named(index.inside(*region)) if region else None
    return _linked(text, around) if around is not None else speaker_fields(text, start, end)
