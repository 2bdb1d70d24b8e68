"""Named entities of an article: people, organisations, places and nationalities, each resolved once.

`extract_entities` finds capitalised name runs (ner.candidates), types them from gazetteers and context,
groups the variants of each name (ner.resolve), and returns one Entity per thing named, with every
mention, a canonical name, ids where the gazetteers know them, a mention count and a salience.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from schemas import Entity, Offsets, Span
from worker.stages.enrich.ner.candidates import Chunk, find_chunks
from worker.stages.enrich.ner.context import article_is_the_names
from worker.stages.enrich.ner.lexicon import lexicon
from worker.stages.enrich.ner.resolve import Group, Resolver
from worker.stages.enrich.rounding import round4
from worker.stages.records import trusted, trusted_span

# Organisations and places are written with their article ("the United Nations"), as news annotators
# mark them; a person's span is the name alone, and a nationality is an adjective.
_TYPES_WITH_ARTICLE: Final = frozenset({"ORG", "LOC", "FACILITY"})
_MENTION_WEIGHT: Final = 0.6  # salience: share from how often an entity is named; the rest from how early
_POSITION_WEIGHT: Final = 1.0 - _MENTION_WEIGHT
# Entities and their spans are made without pydantic's validation (worker/stages/records.py): every field
# is valid by construction (types from the fixed sets, counts of at least one, salience within 0..1), and
# validating them cost a fifth of this step.
_ENTITY_FIELDS: Final = frozenset(Entity.model_fields)
# Final names are C statics in the compiled build; the names this module imports from schemas (which is not
# compiled) would be looked up in its namespace at each use.
_ENTITY: Final = Entity


def extract_entities(text: str, sentences: Sequence[Offsets]) -> list[Entity]:
    """Every entity the text names, in order of first mention (ids E1, E2, ...)."""
    names = lexicon()
    chunks = find_chunks(text, [sentence.start for sentence in sentences])
    # Already in order of first mention: the resolver makes each group at its first chunk, in text order.
    groups = Resolver(text, chunks, names).resolve()
    most_mentions = 1
    for group in groups:  # a loop, not max() over a generator, which costs more compiled
        most_mentions = max(most_mentions, len(group.chunks))
    text_length = max(len(text), 1)
    return [
        _entity(f"E{number}", group, text_length, most_mentions, text)
        for number, group in enumerate(groups, start=1)
    ]


def salience(mentions: int, most_mentions: int, first_start: int, text_length: int) -> float:
    """0..1: how often the entity is named relative to the most named one, and how early it first comes."""
    frequency = mentions / most_mentions
    earliness = 1.0 - first_start / max(text_length, 1)
    return round4(_MENTION_WEIGHT * frequency + _POSITION_WEIGHT * earliness)


@lru_cache(maxsize=65536)
def _country_in_name(name: str) -> str | None:
    """The country of a country or nationality named inside a longer name ("Chinese Navy", "Bank of Japan")."""
    names = lexicon().names
    words = name.split()
    for word_count in (2, 1):
        for start in range(len(words) - word_count + 1):
            entry = names.get(" ".join(words[start : start + word_count]))
            if entry is not None and entry.kind in ("country", "demonym"):
                return entry.country_code
    return None


def _entity(entity_id: str, group: Group, text_length: int, most_mentions: int, text: str) -> Entity:
    """One Entity, with a span for each chunk of its group."""
    chunks = group.chunks
    entity_type = group.type
    # Each chunk as a span, reaching back to its article when the type is written with one. Plain loops:
    # most groups hold one or two chunks, for which a comprehension's own call costs more than the work.
    with_article = entity_type in _TYPES_WITH_ARTICLE
    mentions: list[Span] = []
    for chunk in chunks:
        start, end = chunk.start, chunk.end
        if with_article and chunk.article_start is not None and article_is_the_names(text, end):
            start = chunk.article_start
            mentions.append(trusted_span(start, end, text[start:end]))
        else:
            mentions.append(trusted_span(start, end, chunk.text))
    entry = group.entry
    canonical = group.canonical
    if entry is None:
        geonames_id = kb_id = None
        if entity_type == "PERSON":
            canonical, country_code = _longest_text(chunks), None
        else:
            country_code = _country_in_name(canonical)
    else:
        geonames_id, kb_id, country_code = entry.geonames_id, entry.kb_id, entry.country_code
        if country_code is None and entity_type != "PERSON":
            country_code = _country_in_name(canonical)  # "Chinese Navy", "Bank of Japan"
    count = len(chunks)
    # In the order of the model's fields, as validation stores them (the order of the JSON written).
    return trusted(_ENTITY, {
        "id": entity_id,
        "text": mentions[0].text,
        "type": entity_type,
        "canonical": canonical,
        "country_code": country_code,
        "geonames_id": geonames_id,
        "kb_id": kb_id,
        "mentions": mentions,
        "mention_count": count,
        "salience": salience(count, most_mentions, chunks[0].start, text_length),
    }, _ENTITY_FIELDS)  # fmt: skip


def _longest_text(chunks: list[Chunk]) -> str:
    """The text of the longest chunk, the first of the longest ones (as max() picks)."""
    longest = chunks[0].text
    for chunk in chunks:
        if len(chunk.text) > len(longest):
            longest = chunk.text
    return longest
