"""Resolvers of expressions read from the last date the article named ("the next day", "that morning")
and of "the weekend", which news uses for the nearest one."""

from __future__ import annotations

import re
from datetime import timedelta

from schemas.enrichment import Resolution
from worker.stages.enrich.dates_calendar import Direction, week_value
from worker.stages.enrich.dates_context import Context, Found
from worker.stages.enrich.dates_lexicon import PARTS_OF_DAY

_STEPS = {"same": 0, "next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}
_DIRECTIONS: dict[int, Direction] = {-1: "past", 0: "same", 1: "future"}
_REFERENCE = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
_SATURDAY = 5


def resolve_anchored_day(match: re.Match[str], ctx: Context) -> Found | None:
    """the same day / the next morning / the day before / that day: a day counted from the last day-level
    date of the article (its narrative time), or from the publication date when it named none."""
    start, end = match.span("anchored")
    step = _STEPS.get((match["an_which"] or match["an_rel"] or "same").lower(), 0)
    part = PARTS_OF_DAY.get((match["an_unit"] or "").lower(), "")
    anchor = ctx.last_day or ctx.published
    if anchor is None:
        return Found(start, end, "DATE", _REFERENCE[step], "day", "unanchored", _DIRECTIONS[step])
    resolution: Resolution = "previous_date" if ctx.last_day is not None else "publication_date"
    day = anchor + timedelta(days=step)
    ctx.last_day = day
    value = day.isoformat() + (f"T{part}" if part else "")
    return Found(start, end, "DATE", value, "day", resolution, _DIRECTIONS[step])


def resolve_weekend(
    match: re.Match[str], ctx: Context, start: int | None = None, end: int | None = None
) -> Found | None:
    """(over) the weekend, this weekend: the last one, or the coming one when the sentence speaks of the
    future (on a Saturday or Sunday, the current one)."""
    if start is None or end is None:
        start, end = match.span("weekend")
    direction = ctx.direction(start, end) or "past"
    if ctx.published is None:
        return Found(start, end, "DATE", "XXXX-WXX-WE", "week", "unanchored", direction)
    published = ctx.published
    if published.weekday() >= _SATURDAY:
        saturday, direction = published, "same"
    elif direction == "future":
        saturday = published + timedelta(days=_SATURDAY - published.weekday())
    else:
        saturday = published - timedelta(days=published.weekday() + 2)
    return Found(start, end, "DATE", week_value(saturday) + "-WE", "week", "publication_date", direction)
