"""Who can act in a sentence: the enrich stage's entities, known organisations and sector words, merged.

"Lebanon's new President Elias Hrawi" is three pieces (a country, a title, a person) that make one actor
coded LBN/GOV; "Security forces in Guinea" is a sector word and a country, coded GIN/COP. How pieces merge and
get their codes is in `actor_spans`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter

from schemas import EnrichedDocument, Entity
from worker.stages.classify.events.actor_spans import ActorSpan, fill_codes, merge_pieces
from worker.stages.classify.events.actor_tables import gazetteer, names_in
from worker.stages.classify.events.lexicon import is_word_char, whole_words

_ACTOR_TYPES = frozenset({"PERSON", "ORG", "LOC", "NORP"})
_NORTH_SOUTH = re.compile(r"\bthe (North|South)\b(?![ -]?[A-Z])")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# Unknown organisations named like civil-society bodies are coded NGO rather than given a country.
_NGO_WORDS = re.compile(
    r"\b(?:Forum|Foundation|Association|Federation|Institute|Society|Watch|Alliance|Coalition|Campaign|"
    r"Network|Jurists|Lawyers|Human Rights|Physicians|Doctors|Reporters)\b"
)


_START = attrgetter("start")
# Past this many cue heads in a document a sentence's words are scanned once rather than each head searched for.
_MANY_CUE_HEADS = 40


class DocumentActors:
    """The actors of one document's sentences; entity codings are worked out once per entity."""

    def __init__(self, doc: EnrichedDocument, lower: str, text_words: Iterable[str]) -> None:
        """`text_words` are the words of `lower`, or those of them that may open a sector cue."""
        self.text = doc.text
        self.lower = lower
        self._words = text_words
        self._cue_heads: frozenset[str] | None = None
        self._entities = doc.entities
        self._dominant: str | None = None
        self._aliases: dict[str, str] | None = None
        # Every mention, in text order, with its entity when that can act: read here once, as a pydantic
        # model's fields are slow attributes.
        self._mentions = sorted(
            [
                (mention.start, mention.end, entity.id, entity if entity.type in _ACTOR_TYPES else None)
                for entity in doc.entities
                for mention in entity.mentions
            ]
        )
        # Where the document names anyone or anything (actor or not), in text order.
        self.named = [start for start, _, _, _ in self._mentions]
        self._codings: dict[str, _Coding | None] = {}
        # What earlier sentences taught about uncoded people: "Jacob Zuma, President of South Africa" makes
        # a later bare "Zuma" ZAF.
        self._learned: dict[str, str] = {}

    def in_sentence(self, start: int, end: int) -> list[ActorSpan]:
        """The merged actors of the sentence text[start:end], in text order, sentence-relative."""
        sentence = self.text[start:end]
        pieces = self._entity_pieces(start, end)
        pieces += _organisation_pieces(sentence, pieces)
        if "the North" in sentence or "the South" in sentence:  # what _NORTH_SOUTH needs: most have neither
            pieces += _alias_pieces(sentence, self.aliases, pieces)
        pieces += self._cue_pieces(start, end, pieces)
        pieces.sort(key=_START)
        actors = merge_pieces(pieces, sentence)
        if any(actor.code is None for actor in actors):
            fill_codes(actors, sentence, self.dominant, self._learned)
        return actors

    @property
    def aliases(self) -> dict[str, str]:
        """What "the North" and "the South" stand for, worked out the first time a sentence holds one."""
        if self._aliases is None:
            self._aliases = _north_south(self._entities)
        return self._aliases

    @property
    def dominant(self) -> str | None:
        """The document's main country, worked out the first time an actor needs it."""
        if self._dominant is None:
            self._dominant = _dominant_country(self._entities) or ""
        return self._dominant or None

    def _cue_pieces(self, start: int, end: int, taken: list[ActorSpan]) -> list[ActorSpan]:
        """Sector words of text[start:end]: only the document's cue heads are looked for, and only in the
        sentences that need actors (a few of each document)."""
        if self._cue_heads is None:
            self._cue_heads = gazetteer().cue_heads.intersection(self._words)
        pieces = []
        for cue_start, cue_end, sector, rank in _sentence_cues(self.lower, start, end, self._cue_heads):
            if cue_end <= end and not _overlaps(cue_start - start, cue_end - start, taken):
                pieces.append(ActorSpan(cue_start - start, cue_end - start, None, sector, None, rank, False))
        return pieces

    def _entity_pieces(self, start: int, end: int) -> list[ActorSpan]:
        pieces = []
        text, codings, starts = self.text, self._codings, self.named
        for m_start, m_end, entity_id, entity in self._mentions[
            bisect_left(starts, start) : bisect_left(starts, end)
        ]:
            if entity is None:
                continue  # a facility, event or product does not act
            mention = text[m_start:m_end]
            # Coded at the entity's first mention in the document; a coding may itself be None.
            if entity_id in codings:
                coding = codings[entity_id]
            else:
                coding = codings[entity_id] = _entity_coding(entity, mention)
            if coding is not None and m_end <= end:
                code, sector, rank = coding
                if sector is None and _is_capital(mention):
                    sector, rank = "GOV", 1  # "Washington" as a mention of the United States: its government
                if code is None:
                    pieces.append(
                        ActorSpan(
                            m_start - start, m_end - start, self._learned.get(entity_id), sector, entity_id,
                            rank, True, (entity_id,),
                        )
                    )  # fmt: skip
                else:
                    pieces.append(ActorSpan(m_start - start, m_end - start, code, sector, entity_id, rank))
        return pieces


def _alias_pieces(text: str, aliases: dict[str, str], taken: list[ActorSpan]) -> list[ActorSpan]:
    pieces = []
    if aliases:
        for match in _NORTH_SOUTH.finditer(text):
            code = aliases.get(match.group(1))
            if code and not _overlaps(match.start(1), match.end(), taken):
                pieces.append(ActorSpan(match.start(), match.end(), code, None, None))
    return pieces


_Coding = tuple[str | None, str | None, int]  # code, sector, rank


def _entity_coding(entity: Entity, text: str) -> _Coding | None:
    """How an entity acts: its code, sector and rank; None for places outside any known country."""
    gaz = gazetteer()
    bare = _without_article(text)
    organisation = (
        gaz.by_kb.get(entity.kb_id or "") or gaz.by_name.get(bare) or gaz.by_name.get(entity.canonical)
    )
    if organisation is not None:
        return organisation.code, organisation.sector, 1
    if entity.type == "LOC" and entity.country_code is None:
        return None
    if entity.type == "ORG" and entity.country_code is None and _NGO_WORDS.search(text):
        return "NGO", None, 1
    return entity.country_code, None, 0


@lru_cache(maxsize=1 << 16)  # the same few thousand mention texts recur across documents
def _is_capital(text: str) -> bool:
    return _without_article(text).lower() in gazetteer().capitals


def _without_article(text: str) -> str:
    """`text` without a leading "the" (tested without the regex first: most names have none)."""
    return _ARTICLE.sub("", text) if text[:3].lower() == "the" else text


def _overlaps(start: int, end: int, pieces: list[ActorSpan]) -> bool:
    return any(piece.start < end and start < piece.end for piece in pieces)


def _organisation_pieces(text: str, taken: list[ActorSpan]) -> list[ActorSpan]:
    gaz = gazetteer()
    pieces = []
    for match in names_in(text):
        start, end = match.span()
        organisation = gaz.by_name[match.group()]
        clash = [piece for piece in taken if piece.start < end and start < piece.end]
        if clash and all(start <= piece.start and piece.end <= end for piece in clash):
            # A known name over shorter entity pieces ("Kurdistan" in "Kurdistan Workers' Party"): ours wins.
            for piece in clash:
                taken.remove(piece)
            clash = []
        if not clash:
            pieces.append(ActorSpan(start, end, organisation.code, organisation.sector, None, 1))
        for piece in clash:  # the entity extractor found it but could not code it
            if piece.code is None and piece.end == end and text[piece.start : start].lower() in ("", "the "):
                piece.code, piece.sector = organisation.code, organisation.sector
    return pieces


def _sentence_cues(
    lower: str, start: int, end: int, heads: frozenset[str]
) -> list[tuple[int, int, str, int]]:
    """The sector words whose head word starts in lower[start:end], as (start, end, sector, rank), the longest
    phrase at each place (it may run past `end`: the caller drops it then)."""
    gaz = gazetteer()
    cues = []
    find, size = lower.find, len(lower)
    # Most of the document's cue heads are not in a given sentence: `in` tells so more cheaply than a find,
    # whose bounds are parsed on every call.
    sentence = lower[start:end]
    if len(heads) > _MANY_CUE_HEADS:
        # A long document has many: the sentence's own words tell which to look for in one scan. A phrase's
        # head is a whole word of the sentence (a space or a word boundary follows it), so none is lost.
        heads = heads.intersection(whole_words(sentence))
    for first in heads:
        if first not in sentence:
            continue
        at = find(first, start, end)
        while at != -1:
            if at == 0 or not is_word_char(lower[at - 1]):  # every phrase of `first` starts here
                for phrase in gaz.cue_phrases[first]:
                    phrase_end = at + len(phrase)
                    if lower.startswith(phrase, at) and (
                        phrase_end == size or not is_word_char(lower[phrase_end])
                    ):
                        cues.append((at, phrase_end, *gaz.cue_sector[phrase]))
                        break
            at = find(first, at + 1, end)
    cues.sort()
    return cues


def _dominant_country(entities: list[Entity]) -> str | None:
    """The country most mentioned; the first counted of those tied (as Counter.most_common, but a plain dict
    and max are several times faster)."""
    counts: dict[str, int] = {}
    for entity in entities:
        code = entity.country_code
        if code and entity.type in ("LOC", "NORP", "ORG"):
            counts[code] = counts.get(code, 0) + entity.mention_count
    return max(counts, key=counts.__getitem__) if counts else None


def _north_south(entities: list[Entity]) -> dict[str, str]:
    """ "the North"/"the South" stand for the document's North Korea, South Sudan, ... when it names one."""
    aliases: dict[str, str] = {}
    for entity in entities:
        if entity.canonical.startswith(("North ", "South ")) and entity.country_code:
            aliases.setdefault(entity.canonical[:5], entity.country_code)
    return aliases
