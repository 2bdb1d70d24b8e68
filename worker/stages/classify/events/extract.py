"""Who did what to whom: PLOVER/CAMEO events from the sentences of an enriched document.

A sentence is looked at only when a trigger word is in it and it names someone; then the trigger hits
become candidates (frames joined to the acts they govern), its actors are gathered, and the surest
candidate whose parties can be found becomes the sentence's event (a coordinate clause may add a second).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from operator import attrgetter

from schemas import EnrichedDocument, EventRecord, Offsets
from worker.stages.classify.events.actor_tables import gazetteer
from worker.stages.classify.events.actors import DocumentActors
from worker.stages.classify.events.candidates import Candidate, candidates
from worker.stages.classify.events.lexicon import TriggerHit, find_triggers, holds_any, lexicon, words
from worker.stages.classify.events.records import event_record
from worker.stages.classify.events.roles import Roles, SentenceView

__all__ = ["extract_events"]

# Events the PLOVER manual says need a recipient: without one the sentence is not coded.
_NEEDS_TARGET = frozenset({"COOPERATE", "AID", "SANCTION"})
# "beat the Germany team 18-4", "battled back to take the lead 4-3": a score makes violence a game.
_VIOLENCE = frozenset({"ASSAULT", "FIGHT"})
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b(?![-–/]\d)")
# What a score needs, a dash after a digit, found by a scan for dashes alone: the regex above would be tried
# at every position of the sentence.
_SCORE_GATE = re.compile(r"[-–](?:(?<=\d[-–])|(?<=\d\s[-–]))")
# "killed in the crash", "set ablaze, killing 15": deaths in accidents and disasters are no one's act.
_GENERIC_VIOLENCE = frozenset({"180", "183", "1823"})
_MISHAP = re.compile(
    r"\b(?:crash(?:ed|es)?|accident\w*|collision|collided|derail\w*|earthquake|quake|flood\w*|storm|"
    r"hurricane|tornado|typhoon|cyclone|avalanche|landslide|mudslide|tsunami|blaze|ablaze|wildfire|"
    r"firefighters|eruption|outbreak|went\s+down)\b"
)
# A part of each of those words, looked for as plain substrings first: most sentences have none.
_MISHAP_PARTS = (
    "crash", "accident", "colli", "derail", "quake", "flood", "storm", "hurricane", "tornado", "typhoon",
    "cyclone", "avalanche", "slide", "tsunami", "blaze", "wildfire", "firefighters", "eruption", "outbreak",
    "went",
)  # fmt: skip
# Choosing among a sentence's candidates: the main clause's verb comes first and reports the event.
_LATER_PENALTY = 0.02
_CLAUSE_PENALTY = 0.1
_PURPOSE_PENALTY = 0.2
# ",? but ", "; ": written to open with one character class, so the engine tries only at commas, semicolons
# and spaces, not at every letter (the lookbehinds say which alternative that character opens).
_COORDINATE = re.compile(
    r"[,;\s](?:(?<=,)\s+(?:but|while|whereas)\s+|(?<=;)\s+|(?<=\s)\s*(?:but|while|whereas)\s+)"
)
# Substring tests (C speed) that must pass before those regexes can match: most sentences fail them.
_COORDINATE_WORDS = ("but", "while", "whereas", ";")
_START = attrgetter("start")  # a sort key called in C, where a lambda is a Python call per date


def extract_events(doc: EnrichedDocument) -> list[EventRecord]:
    """The events of a document, in text order: one per sentence, two when a coordinate clause reports
    another act."""
    text = doc.text
    lower = _same_length_lower(text)
    # Only the text's words that open a trigger or a sector cue are ever looked up: one pass over the text's
    # words keeps them, and the trigger and cue lookups then go over a handful.
    text_words = _event_words().intersection(words(lower))
    hits = find_triggers(lower, text, text_words)
    active = _active_sentences(hits, doc.sentences)
    if not active:
        return []
    actors = DocumentActors(doc, lower, text_words)
    named = actors.named
    dated: _DatedSentences | None = None
    events: list[EventRecord] = []
    for sentence, sentence_hits in active:
        start, end = sentence.start, sentence.end
        if bisect_left(named, start) == bisect_left(named, end):
            continue  # nobody named: "the government" or "police" alone are too vague to code
        found = candidates(sentence_hits, lower, start)
        if not found:
            continue
        spans = actors.in_sentence(start, end)
        if not spans:
            continue
        for candidate, roles in _sentence_events(SentenceView(lower[start:end], spans), found):
            dated = dated or _DatedSentences(doc)
            events.append(event_record(doc, sentence, candidate, roles, dated.value_in(sentence)))
    return events


@cache
def _event_words() -> frozenset[str]:
    """Every word that opens a trigger (a word form of the lexicon) or a sector cue."""
    return lexicon().forms | gazetteer().cue_heads


def _sentence_events(view: SentenceView, found: list[Candidate]) -> list[tuple[Candidate, Roles]]:
    """The sentence's event, and a second one when a coordinate clause after it reports another act
    ("Benin opened its borders to X, but was still refusing admittance to Y")."""
    first = _first_event(view, found)
    if first is None:
        return []
    after_first = view.lower[first[0].end :]
    if not holds_any(after_first, _COORDINATE_WORDS):
        return [first]
    coordinate = _COORDINATE.search(view.lower, first[0].end)
    if coordinate is None:
        return [first]
    second = _first_event(view, [c for c in found if c.start >= coordinate.end()])
    if second is None or second[0].plover == first[0].plover:
        return [first]
    return [first, second]


def _same_length_lower(text: str) -> str:
    """`text` lowercased, keeping every offset: the rare letters whose lower case is longer ("İ") stay."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # One table over the text's distinct characters, applied in C, rather than a Python step per character.
    return text.translate({ord(char): char if len(char.lower()) != 1 else char.lower() for char in set(text)})


def _active_sentences(
    hits: list[TriggerHit], sentences: list[Offsets]
) -> list[tuple[Offsets, list[TriggerHit]]]:
    """The sentences with a hit that may report an act ("will", "not", "talks" alone report nothing), each
    with all its hits. A hit across a sentence end is dropped (its `after` words ran into the next one)."""
    starts = [sentence.start for sentence in sentences]
    grouped: dict[int, list[TriggerHit]] = {}
    active: set[int] = set()
    for hit in hits:
        index = bisect_right(starts, hit.start) - 1
        if index >= 0 and hit.end <= sentences[index].end:
            grouped.setdefault(index, []).append(hit)
            if not hit.rule.is_idle:
                active.add(index)
    return [(sentences[index], sentence_hits) for index, sentence_hits in grouped.items() if index in active]


def _first_event(view: SentenceView, found: list[Candidate]) -> tuple[Candidate, Roles] | None:
    """The surest candidate with parties; earlier ones win near-ties, as the main verb tends to come first.
    Candidates are tried surest first, so the parties of most are never looked for."""
    for candidate in _ranked(view, found):
        if view.reports(candidate.start) or (candidate.noun and view.is_adjunct(candidate.start)):
            continue
        if candidate.plover in _VIOLENCE and _has_score(view.lower):
            continue
        if candidate.cameo in _GENERIC_VIOLENCE and _has_mishap(view.lower):
            continue
        if candidate.frame == "MUST":
            roles = view.demand_roles(candidate.start)
        else:
            roles = view.roles(
                candidate.start,
                candidate.head_end,
                candidate.noun,
                candidate.reciprocal,
                candidate.participle,
            )
        if roles is None or (candidate.plover in _NEEDS_TARGET and not (roles.target or roles.reciprocal)):
            continue
        return candidate, roles
    return None


def _ranked(view: SentenceView, found: list[Candidate]) -> list[Candidate]:
    """The candidates surest first. Most sentences have one, which needs no prior (nor the clause scan that
    the prior asks for)."""
    if len(found) == 1:
        return found
    # Sorted on (-prior, order): the orders differ, so candidates themselves are never compared.
    ranked = sorted(
        [(-_prior(view, order, candidate), order, candidate) for order, candidate in enumerate(found)]
    )
    return [candidate for _, _, candidate in ranked]


# Both tests are asked again for each violent candidate of a sentence: the answers are kept per sentence.
@lru_cache(maxsize=64)
def _has_score(lower: str) -> bool:
    """Whether a sentence holds a game's score ("18-4")."""
    return _SCORE_GATE.search(lower) is not None and _SCORE.search(lower) is not None


@lru_cache(maxsize=64)
def _has_mishap(lower: str) -> bool:
    """Whether a sentence tells of an accident or a disaster."""
    return holds_any(lower, _MISHAP_PARTS) and _MISHAP.search(lower) is not None


def _prior(view: SentenceView, order: int, candidate: Candidate) -> float:
    """How likely a candidate is the sentence's event before its parties are looked for."""
    score = candidate.weight - _LATER_PENALTY * order - _CLAUSE_PENALTY * view.clause_index(candidate.start)
    if order and view.lower.endswith("to ", 0, candidate.start):
        score -= _PURPOSE_PENALTY  # "blocked streets to demand reforms": the demand is the protest's aim
    return score


class _DatedSentences:
    """The first date or time expression inside a sentence, found by bisection over the sorted dates; the
    publication date when the sentence has none."""

    def __init__(self, doc: EnrichedDocument) -> None:
        self._dates = sorted([d for d in doc.dates if d.type in ("DATE", "TIME")], key=_START)
        self._starts = [d.start for d in self._dates]
        self._published = doc.published.isoformat() if doc.published else None

    def value_in(self, sentence: Offsets) -> str | None:
        index = bisect_left(self._starts, sentence.start)
        if index < len(self._dates) and self._dates[index].start < sentence.end:
            return self._dates[index].value or self._published
        return self._published
