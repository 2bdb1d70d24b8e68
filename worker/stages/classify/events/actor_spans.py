"""An actor piece (`ActorSpan`) and how the pieces of a sentence merge into actors and get their codes.

Pieces merge when only glue lies between them: possessives, "in/of/from/the", capitalised words and a few
title modifiers ("Lebanon's new President Elias Hrawi" is one actor); an uncoded actor takes the code of an
apposition after it, else the document's main country.
"""

from __future__ import annotations

import re

_GLUE = re.compile(
    r"(?:\s+|['’]s\b|-|\.|\b(?:the|of|in|from|new|former|top|senior|chief|deputy|vice|acting|interim|"
    r"leading|then|outgoing|newly|elected|exiled|ousted|[A-Z][\w.'’-]*)\b)*"
)
_MAX_GLUE = 40
_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")


class ActorSpan:
    """A candidate actor in a sentence; `start`/`end` are relative to the sentence. A plain class, not a
    dataclass: under mypyc a dataclass's generated __init__ runs as interpreted Python, and every entity
    mention and sector word of the sentences looked at makes one."""

    __slots__ = ("anchored", "code", "end", "entity_id", "rank", "sector", "start", "uncoded")

    def __init__(
        self,
        start: int,
        end: int,
        code: str | None,
        sector: str | None,
        entity_id: str | None,
        rank: int = 0,
        anchored: bool = True,
        uncoded: tuple[str, ...] = (),
    ) -> None:
        self.start = start
        self.end = end
        self.code = code
        self.sector = sector
        self.entity_id = entity_id
        self.rank = rank
        self.anchored = anchored
        # Entities of this actor that had no code of their own ("Wang Yi" in "Chinese minister Wang Yi").
        self.uncoded = uncoded


def _is_glue(gap: str) -> bool:
    # Most gaps are a space or nothing: they glue without the regex.
    return not gap or gap.isspace() or _GLUE.fullmatch(gap) is not None


def merge_pieces(pieces: list[ActorSpan], sentence: str) -> list[ActorSpan]:
    """Join pieces separated only by glue into one actor: the first code, the strongest sector."""
    if not pieces:
        return []
    last = pieces[0]
    actors = [last]
    for piece in pieces[1:]:
        if piece.start < last.end:
            continue  # overlapping pieces: the first wins
        # Pieces lie inside the sentence: the gap's length is the distance, known before the gap is cut out.
        if piece.start - last.end <= _MAX_GLUE and _is_glue(sentence[last.end : piece.start]):
            last.end = max(last.end, piece.end)
            last.code = last.code or piece.code
            last.entity_id = last.entity_id or piece.entity_id
            last.anchored = last.anchored or piece.anchored
            last.uncoded += piece.uncoded
            if piece.sector and piece.rank >= last.rank:
                last.sector, last.rank = piece.sector, piece.rank
            continue
        actors.append(piece)  # pieces are made per sentence: merging may change them in place
        last = piece
    # An adjective-like cue ("official", "military") alone is no actor.
    return [actor for actor in actors if actor.anchored or actor.rank > 0]


def fill_codes(actors: list[ActorSpan], sentence: str, dominant: str | None, learned: dict[str, str]) -> None:
    """Give uncoded actors a country: from an apposition ("Kofi Annan, UN secretary-general"), else the
    document's main country (a titled person or a bare "the rebels" is most often domestic). Codes found
    from the text are remembered for the people in the actor."""
    for index, actor in enumerate(actors):
        if actor.code is None:
            following = actors[index + 1] if index + 1 < len(actors) else None
            if following and following.code and _APPOSITION.fullmatch(sentence[actor.end : following.start]):
                actor.code = following.code
                actor.sector = actor.sector or following.sector
            else:
                actor.code = dominant
                continue
        for entity_id in actor.uncoded:
            learned.setdefault(entity_id, actor.code)
