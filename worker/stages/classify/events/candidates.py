"""Candidate events of a sentence: trigger hits with each frame joined to the content it governs.

"threatened to cut off electricity" is one candidate (THREAT frame + COERCE content), not two. Intent
frames are transparent inside other frames ("refused to commit to any assistance" is a refused AID), and an
intent frame before another kind of frame yields to it ("plans to demand" is a demand).
"""

from __future__ import annotations

from worker.stages.classify.events.coding import compose
from worker.stages.classify.events.lexicon import TriggerHit, TriggerRule, holds_any

# A frame governs a content trigger that starts at most this many characters after it; a bare modal or
# negation only the verb right after it ("will meet", "would not soon meet").
_FRAME_REACH = 60
_MODAL_REACH = 12
_CLAUSE_BREAKS = (";", ":", ". ", ", ", " but ")
_IRREGULAR_PARTICIPLES = frozenset({
    "held", "met", "sent", "shot", "hit", "struck", "fought", "caught", "beaten", "taken", "seen", "put", "set",
    "cut", "hurt", "built", "brought", "led", "kept", "left", "lost", "made", "paid", "sold", "told", "won",
    "begun", "thrown", "blown", "given", "forgiven", "withdrawn", "frozen", "broken", "sworn", "laid",
})  # fmt: skip


# Plain classes with their own __init__, not dataclasses: under mypyc a dataclass's generated __init__ runs
# as interpreted Python, and candidates are built for every trigger hit of the sentences looked at.
class Candidate:
    """A possible event: sentence-relative span from the frame (or lone trigger) to the end of its content."""

    __slots__ = (
        "cameo", "end", "frame", "head_end", "noun", "participle", "plover", "reciprocal", "start", "weight",
    )  # fmt: skip

    def __init__(
        self,
        start: int,
        end: int,
        head_end: int,
        plover: str,
        cameo: str,
        weight: float,
        noun: bool,
        reciprocal: bool,
        frame: str | None,
        participle: bool,
    ) -> None:
        self.start = start
        self.end = end
        self.head_end = head_end
        self.plover = plover
        self.cameo = cameo
        self.weight = weight
        self.noun = noun
        self.reciprocal = reciprocal
        self.frame = frame
        self.participle = participle


class _Reach:
    """What a frame governs: the index of its content, the last hit it swallows, and whether it yields."""

    __slots__ = ("content", "last", "yields")

    def __init__(self, content: int | None, last: int, yields: bool) -> None:
        self.content = content
        self.last = last
        self.yields = yields


def _governed(hits: list[TriggerHit], index: int, lower: str) -> _Reach:
    """What the frame at `index` governs. Another frame right after it is its object ("rejected calls",
    "conceded to demands") and is swallowed, unless the first is a mere intent ("plans to demand")."""
    frame = hits[index]
    reach_end = frame.head_end
    reach = _MODAL_REACH if frame.rule.is_modal else _FRAME_REACH
    for later in range(index + 1, len(hits)):
        hit = hits[later]
        gap = lower[reach_end : hit.start]
        if hit.start - reach_end > reach or holds_any(gap, _CLAUSE_BREAKS):
            break
        if not hit.rule.is_frame:
            return _Reach(later, later, False)
        if hit.rule.role == "INTENT":
            reach_end = hit.head_end  # "will", "agree to": see through to what is promised or refused
            reach = _MODAL_REACH if hit.rule.is_modal else _FRAME_REACH
            continue
        if frame.rule.role == "INTENT":
            return _Reach(None, index, True)
        return _Reach(None, later, False)
    return _Reach(None, index, False)


def candidates(hits: list[TriggerHit], lower: str, offset: int) -> list[Candidate]:
    """The candidate events of a sentence's trigger hits, in text order. The hits are positions in `lower`;
    the candidates are made relative to the sentence starting at `offset` (no hit is copied for that)."""
    found: list[Candidate] = []
    # A frame swallows the hits right after it up to the last it governs: the hits up to this index are taken.
    consumed = -1
    for index, hit in enumerate(hits):
        if index <= consumed:
            continue
        content: TriggerHit | None = None
        frame: TriggerRule | None = None
        rule = hit.rule
        if rule.is_complete:
            frame = rule
        elif rule.is_frame:
            frame = rule
            reach = _governed(hits, index, lower)
            if reach.yields:
                continue
            consumed = reach.last
            if reach.content is not None:
                content = hits[reach.content]
        elif rule.content_only:
            continue
        else:
            content = hit
        content_rule = content.rule if content else None
        coded = compose(frame, content_rule)
        if coded is None:
            continue
        head = lower[hit.start : hit.head_end]
        weight, noun, reciprocal = _joined(frame, content_rule)
        # Positional arguments, in the field order of Candidate: keywords cost more, for every candidate.
        found.append(
            Candidate(
                hit.start - offset,
                (content.end if content else hit.end) - offset,
                hit.head_end - offset,
                coded[0],  # plover
                coded[1],  # cameo
                weight,
                noun,
                reciprocal,
                frame.role if frame else None,
                not rule.adjective and (head.endswith(("ed", "en", "wn")) or head in _IRREGULAR_PARTICIPLES),
            )
        )
    return found


def _joined(frame: TriggerRule | None, content: TriggerRule | None) -> tuple[float, bool, bool]:
    """Weight, noun-ness and reciprocity of a frame and its content together: the surer weight, a noun
    only when both are, reciprocal when either is."""
    if frame is None or content is None:
        alone = frame or content
        assert alone is not None  # a candidate always has a frame or a content
        return alone.weight, alone.noun, alone.reciprocal
    return (
        max(frame.weight, content.weight),
        frame.noun and content.noun,
        frame.reciprocal or content.reciprocal,
    )
