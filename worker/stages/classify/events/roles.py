"""Who did it and to whom: the source and target actors of a trigger, from shallow clause structure.

The source is the subject: the first actor of the trigger's clause that no preposition introduces (or the
"by" phrase of a passive); the target is the first actor after the trigger. Actors in a closing
attribution (", officials said") or an opening one ("According to X,") are the reporters, never the parties.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from worker.stages.classify.events.actor_spans import ActorSpan
from worker.stages.classify.events.clause_marks import Boundaries, target_end
from worker.stages.classify.events.lexicon import holds_any
from worker.stages.regex_trie import trie_pattern

# Only a sentence's last comma can open it (no comma may follow), so it is matched there alone.
_REPORT_TAIL = re.compile(
    r",[^,]*\b(?:said|says|say|told|reported|reports|announced|added|stated|confirmed|quoted|claimed|noted|"
    r"according\s+to)\b[^,]{0,40}$"
)
# ", which leads the UNSC," between a subject and its verb: neither a clause start nor a party.
_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]*,")
_ACCORDING_TAIL = re.compile(r",\s*(?:according\s+to|reports?\s+said)\b.*$")
# Words one of which each tail regex needs (substring tests, in C, before the regexes).
_ACCORDING_WORDS = ("according", "report")
_REPORT_WORDS = (
    "said", "say", "told", "report", "announced", "added", "stated", "confirmed", "quoted", "claimed", "noted",
    "according",
)  # fmt: skip
_REPORT_LEAD = re.compile(r"^\W*(?:according\s+to|quoting)\b[^,]*,")
_REPORT_VERB = re.compile(
    r"\b(?:said|says|say|announced|declared|stated|concluded|insisted|warned|argued|added|told\b[^,]*?)"
    r"(?:\s+\w+){0,3}?\s+(?:that\s+)?"
)


def _word_before(words: list[str], rest: str) -> re.Pattern[str]:
    """One of `words` as a whole word, then `rest` (which ends where the searched window before an actor or a
    trigger ends). Written as a prefix tree with the word boundary checked after the first letter, so a
    search of the window starts a match only at letters that can open a word, not at every position; the
    patterns are only asked whether they match, which the order of the alternatives cannot change."""
    return re.compile(trie_pattern(words, not_after=r"\w") + rest)


_PREPOSITION_BEFORE = _word_before(
    [
        "to", "with", "in", "into", "on", "at", "for", "against", "from", "by", "over", "toward", "towards",
        "near", "between", "among", "under", "about", "across", "through", "via", "than", "like", "outside",
        "inside", "around", "within",
    ],
    r"\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$",
)  # fmt: skip
_PASSIVE_BEFORE = _word_before(
    ["was", "were", "been", "being", "is", "are", "be", "got", "get"], r"\s+(?:\w+ly\s+)?$"
)
_ADJUNCT_BEFORE = _word_before(["by", "in", "during", "with"], r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$")
_BY_BEFORE = _word_before(["by"], r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$")
_LOCATIVE_BEFORE = _word_before(["in", "at", "near", "inside", "outside"], r"\s+(?:the\s+)?$")
_WITH_BEFORE = _word_before(["with"], r"\s+(?:the\s+)?$")
_BETWEEN_BEFORE = _word_before(["between"], r"\s+(?:the\s+)?$")
# "its troops", "their own forces": the source's own people, not another party.
_POSSESSIVE_BEFORE = _word_before(["its", "their", "his", "her", "our", "own"], r"\s+(?:[\w-]+\s+){0,2}$")
_COORDINATION = re.compile(
    r"\s*,?\s*(?:and|along\s+with|together\s+with|as\s+well\s+as|&)\s+(?:the\s+|its\s+|his\s+|their\s+)?,?\s*"
)
_LOOKBEHIND = 30
_BY_DISTANCE = 40


def _report_tail_start(lower: str) -> int:
    """Where a closing attribution (", officials said") starts; the sentence's end when it has none.
    Each tail regex needs one of its words, looked for first as plain substrings (most sentences have none)."""
    trimmed = lower.rstrip(" .!?\"'”’)")
    last_comma = trimmed.rfind(",")  # both attribution tails start at a comma
    if last_comma < 0:
        return len(lower)
    tail = None
    if holds_any(trimmed, _ACCORDING_WORDS):
        tail = _ACCORDING_TAIL.search(trimmed)
    if tail is None and holds_any(trimmed[last_comma:], _REPORT_WORDS):
        tail = _REPORT_TAIL.match(trimmed, last_comma)
    return tail.start() if tail else len(lower)


class Roles:
    """The source and target actors of an event (a plain class: under mypyc its __init__ is compiled)."""

    __slots__ = ("reciprocal", "source", "target")

    def __init__(self, source: list[ActorSpan], target: list[ActorSpan], reciprocal: bool) -> None:
        self.source = source
        self.target = target
        self.reciprocal = reciprocal


def _first_object(
    after: list[ActorSpan], source: list[ActorSpan], author: ActorSpan | None
) -> ActorSpan | None:
    """The target's first actor among the parties after a trigger: the first named one, else the first. A
    named party beats a bare "troops" or "people" before it: those are often the means or victims. The
    source's actors are skipped, and so is `author`: "rejected calls by Kofi Annan" names the author of
    what was rejected. (Actors are compared by identity: a sentence's actors are distinct spans.)"""
    first = None
    for actor in after:
        if actor is author:
            continue
        for taken in source:  # a plain loop: any() over a generator costs more for these one or two
            if actor is taken:
                break
        else:
            if actor.anchored:
                return actor
            if first is None:
                first = actor
    return first


class SentenceView:
    """A sentence prepared for role search: its lowercase text, actors, clause starts and reporter spans."""

    __slots__ = (
        "_boundaries", "_clause_starts", "_printable", "actors", "asides", "lower", "parties_end", "parties_start",
    )  # fmt: skip

    def __init__(self, lower: str, actors: list[ActorSpan]) -> None:
        self.lower = lower
        self.actors = actors
        self.asides = [match.span() for match in _ASIDE.finditer(lower)] if "wh" in lower else []
        lead = _REPORT_LEAD.match(lower)
        self.parties_start = lead.end() if lead else 0
        self.parties_end = _report_tail_start(lower)
        # Clause starts are found left to right only as far as a trigger asks: the parties of a sentence's
        # main verb lie before it, and scanning the rest of the sentence is the dearest regex of the view.
        self._clause_starts = [0]
        # Both clause scans ask it (per character, one of the dearer str methods): asked once per sentence.
        self._printable = lower.isprintable()
        self._boundaries: Boundaries | None = Boundaries(lower, self._printable)

    def clause_starts(self, position: int) -> list[int]:
        """The clause starts up to `position`, and at most one after it."""
        starts = self._clause_starts
        while self._boundaries is not None and starts[-1] <= position:
            found = self._boundaries.next()
            if found is None:
                self._boundaries = None
            elif not self.asides or not any(start < found[0] < end for start, end in self.asides):
                starts.append(found[1])
        return starts

    def clause_index(self, position: int) -> int:
        """How many clause boundaries come before `position` (0: the sentence's first clause)."""
        return bisect_right(self.clause_starts(position), position) - 1

    def is_adjunct(self, position: int) -> bool:
        """Whether a noun at `position` only says how another act was done: "killed by a roadside bomb",
        "killed in a suicide car bombing"."""
        return bool(_ADJUNCT_BEFORE.search(self.lower, max(0, position - _LOOKBEHIND), position))

    def reports(self, position: int) -> bool:
        """Whether a position lies in the attribution, not in what is reported."""
        return not self.parties_start <= position < self.parties_end

    def _before(self, actor: ActorSpan, pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(self.lower, max(0, actor.start - _LOOKBEHIND), actor.start))

    def _parties(self, start: int, end: int) -> list[ActorSpan]:
        """Actors starting in start..end that are parties (not reporters, not the source's own forces)."""
        low, high = max(start, self.parties_start), min(end, self.parties_end)  # reporters are outside
        return [
            actor
            for actor in self.actors
            if low <= actor.start < high and (actor.anchored or not self._before(actor, _POSSESSIVE_BEFORE))
        ]

    def _clause_end(self, position: int) -> int:
        """Where the target of a trigger ending at `position` must have started."""
        return target_end(self.lower, position, self._printable)

    def coordinated(self, first: ActorSpan, limit: int) -> list[ActorSpan]:
        """`first` and the actors listed with it ("X and Y", "X, along with Y"), up to `limit`."""
        group = [first]
        last = first
        for actor in self.actors:
            if actor.start < last.end:
                continue
            if actor.end > limit or not _COORDINATION.fullmatch(self.lower, last.end, actor.start):
                break
            if actor.anchored:
                group.append(actor)
            last = actor
        return group

    def subject(self, position: int, allow_prepositions: bool = False) -> ActorSpan | None:
        """The first actor of the clause before `position` not introduced by a preposition, looking back
        clause by clause ("X said he would ..." has its subject one clause up)."""
        starts = self.clause_starts(position)
        end = position
        # The starts are in text order: those up to `position` are a prefix of them.
        for clause_start in reversed(starts[: bisect_right(starts, position)]):
            for actor in self._parties(clause_start, end):
                if self.asides and any(
                    start <= actor.start < aside_end <= position for start, aside_end in self.asides
                ):
                    continue
                if allow_prepositions or not self._before(actor, _PREPOSITION_BEFORE):
                    return actor
            end = clause_start
        return None

    def roles(self, start: int, end: int, noun: bool, reciprocal: bool, participle: bool) -> Roles | None:
        """The roles of a trigger at `start`..`end` (`end`: its head word's end), or None without parties."""
        after = self._parties(end, self._clause_end(end))
        by_actor = None
        for actor in after:
            if actor.start - end <= _BY_DISTANCE and self._before(actor, _BY_BEFORE):
                by_actor = actor
                break
        passive = participle and bool(_PASSIVE_BEFORE.search(self.lower, max(0, start - _LOOKBEHIND), start))
        if passive or (noun and by_actor):
            source = self.coordinated(by_actor, len(self.lower)) if by_actor else []
            subject = self.subject(start, allow_prepositions=True)
            target = self.coordinated(subject, start) if subject else []
            return Roles(source, target, False) if source or target else None
        subject = self.subject(start)
        source = self.coordinated(subject, start) if subject else []
        obj = _first_object(after, source, by_actor if noun else None)
        target = self.coordinated(obj, len(self.lower)) if obj else []
        if reciprocal:
            return self._reciprocal(source, target)
        return Roles(source, target, False) if source else None

    def _reciprocal(self, source: list[ActorSpan], target: list[ActorSpan]) -> Roles | None:
        """Meetings, agreements and fights of two sides: all sides act, none is the target."""
        # Two sides acting together; what follows is no third party when it is a bare "prisoners" or a
        # place ("held talks in Beijing").
        if len({actor.code for actor in source}) >= 2 and (
            not target or not target[0].anchored or self._before(target[0], _LOCATIVE_BEFORE)
        ):
            return Roles(source, [], True)
        if source and target and self._before(target[0], _WITH_BEFORE):
            return Roles(source + target, [], True)
        if not source and len(target) >= 2 and self._before(target[0], _BETWEEN_BEFORE):
            return Roles(target, [], True)
        return Roles(source, target, False) if source else None

    def demand_roles(self, start: int) -> Roles | None:
        """ "X said (that) Y must ...": X demands of Y."""
        reports = list(_REPORT_VERB.finditer(self.lower, 0, start))
        if not reports:
            return None
        verb = reports[-1]
        speaker = self.subject(verb.start())
        addressees = self._parties(verb.end(), start)
        if speaker is None or not addressees:
            return None
        return Roles(self.coordinated(speaker, verb.start()), self.coordinated(addressees[0], start), False)
