"""Resolvers of calendar expressions: full dates, month-days, months, years and their parts, decades,
centuries and holidays. A missing year is taken from the publication date."""

from __future__ import annotations

import re
from datetime import date

from worker.stages.enrich.dates_calendar import (
    Direction,
    closest_day,
    day_in_direction,
    direction_between,
    month_value,
    month_year,
    quarter_value,
)
from worker.stages.enrich.dates_context import Context, Found
from worker.stages.enrich.dates_lexicon import (
    COUNTED_NOUNS,
    DATE_PREPOSITIONS,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    SEASONS,
    YEAR_RANGE_END,
)

# Bare four-digit numbers outside this range are years only after a preposition ("in 1066").
_LIKELY_YEARS = range(1900, 2100)


def resolve_iso(match: re.Match[str], ctx: Context) -> Found | None:
    return _full_date(match, ctx, int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))


def resolve_slash(match: re.Match[str], ctx: Context) -> Found | None:
    """US order, as English news writes it: 7/8/07 is 8 July 2007."""
    year = int(match["sl_y"])
    if year < 100:
        year += 2000 if year <= 50 else 1900
    return _full_date(match, ctx, year, int(match["sl_m"]), int(match["sl_d"]))


def resolve_month_day(match: re.Match[str], ctx: Context) -> Found | None:
    """March 3, 2009 / 3 March 2009 / March 3: without a year, the year written earlier in the sentence
    ("in 2001, after the September 11 attacks"), else the one nearest to the publication date on the side
    the tense points to."""
    prefix = match.lastgroup or "mdy"
    month = MONTHS[match[f"{prefix}_m"].lower().rstrip(".")]
    day = int(match[f"{prefix}_d"].rstrip("stndrh"))
    if match[f"{prefix}_y"]:
        return _full_date(match, ctx, int(match[f"{prefix}_y"]), month, day)
    if not _is_valid(2000, month, day):  # a leap year, so that February 29 is allowed
        return None
    start, end = match.span(prefix)
    stated_year = ctx.year_in_sentence(start)
    if stated_year is not None and _is_valid(stated_year, month, day):
        ctx.last_day = date(stated_year, month, day)
        direction = direction_between(ctx.published, ctx.last_day) if ctx.published else None
        return Found(start, end, "DATE", ctx.last_day.isoformat(), "day", "previous_date", direction)
    if ctx.published is None:
        return Found(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", "day", "unanchored")
    resolved = day_in_direction(ctx.published, month, day, ctx.direction(start, end))
    if resolved is None:
        return None
    ctx.last_day = resolved
    direction = direction_between(ctx.published, resolved)
    return Found(start, end, "DATE", resolved.isoformat(), "day", "publication_date", direction)


def resolve_period(match: re.Match[str], ctx: Context) -> Found | None:
    """A year, possibly with a month, a part (end, early, mid) a half, a quarter or a season of it.

    TimeML keeps a part such as "the end of" or "early" as a modifier outside the value, so the value of
    "the end of 2019" is `2019`.
    """
    found = _period(match, ctx)
    if found is not None:
        ctx.last_year = (int(match["pe_year"]), found.end)
    return found


def _period(match: re.Match[str], ctx: Context) -> Found | None:
    start, end = match.span("period")
    year = int(match["pe_year"])
    modified = match["pe_mod"] is not None
    if match["pe_fiscal"]:
        return Found(start, end, "DATE", f"FY{year:04d}", "year", "explicit")
    if match["pe_month"]:
        month = MONTHS[match["pe_month"].lower().rstrip(".")]
        return Found(start, end, "DATE", month_value(year, month), "month", "explicit")
    if match["pe_unit"]:
        ordinal = 4 if match["pe_ord"].lower() == "last" else ORDINALS[match["pe_ord"].lower()]
        if match["pe_unit"].lower() == "quarter":
            return Found(start, end, "DATE", quarter_value(year, ordinal), "quarter", "explicit")
        return Found(start, end, "DATE", f"{year:04d}-H{min(ordinal, 2)}", "quarter", "explicit")
    if match["pe_season"]:
        season = SEASONS[match["pe_season"].lower()]
        return Found(start, end, "DATE", f"{year:04d}-{season}", "season", "explicit")
    if not modified and not _is_bare_year(match, ctx, year):
        return None
    return Found(start, end, "DATE", f"{year:04d}", "year", "explicit")


def resolve_range_end(ctx: Context, position: int) -> Found | None:
    """The second year of "2009-2011", right after a year found at `position`."""
    match = YEAR_RANGE_END.match(ctx.text, position)
    if match is None:
        return None
    start, end = match.span(1)
    ctx.last_year = (int(match[1]), end)
    return Found(start, end, "DATE", match[1], "year", "explicit")


def resolve_month(match: re.Match[str], ctx: Context) -> Found | None:
    """A month without a day: "in March", "last March", "early March".

    Unlike a month-day, a bare month does not take a year written earlier in its sentence: in "since its
    launch in 2003 and, as of February, ..." it is the February before publication.
    """
    start, end = match.span("month")
    modifier = (match["mo_rel"] or "").strip(" -").lower()
    if not modifier and ctx.word_before(start) not in DATE_PREPOSITIONS:
        return None
    month = MONTHS[match["mo_name"].lower().rstrip(".")]
    if ctx.published is None:
        return Found(start, end, "DATE", f"XXXX-{month:02d}", "month", "unanchored")
    published = ctx.published
    if modifier == "this":
        year, direction = published.year, direction_between(published, date(published.year, month, 1))
    elif modifier in {"last", "next"}:
        wanted: Direction = "past" if modifier == "last" else "future"
        year, direction = month_year(published, month, wanted)
        if direction == "same":
            year, direction = published.year + (1 if wanted == "future" else -1), wanted
    else:
        year, direction = month_year(published, month, ctx.direction(start, end))
    return Found(start, end, "DATE", month_value(year, month), "month", "publication_date", direction)


def resolve_decade(match: re.Match[str], ctx: Context) -> Found | None:
    start, end = match.span("decade")
    return Found(start, end, "DATE", match["dec_y"][:3], "decade", "explicit")


def resolve_century(match: re.Match[str], ctx: Context) -> Found | None:
    """The 19th century is TimeML `18` (the years 1800-1899)."""
    start, end = match.span("century")
    return Found(start, end, "DATE", f"{int(match['cent_n']) - 1:02d}", "century", "explicit")


def resolve_holiday(match: re.Match[str], ctx: Context) -> Found | None:
    """Christmas, New Year's Day: only after a preposition or with "Day"/"Eve", since holiday names are
    also surnames ("Johnnie Christmas") and modifiers ("the Christmas sales")."""
    start, end = match.span("holiday")
    if not match["holiday"].endswith(("Day", "Eve")) and ctx.word_before(start) not in DATE_PREPOSITIONS:
        return None
    month, day = HOLIDAYS[" ".join(match["holiday"].lower().replace("’", "'").split())]
    if ctx.published is None:
        return Found(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", "day", "unanchored")
    resolved = closest_day(ctx.published, month, day)
    if resolved is None:
        return None
    direction = direction_between(ctx.published, resolved)
    return Found(start, end, "DATE", resolved.isoformat(), "day", "publication_date", direction)


def _full_date(match: re.Match[str], ctx: Context, year: int, month: int, day: int) -> Found | None:
    if not _is_valid(year, month, day):
        return None
    name = match.lastgroup or ""
    start, end = match.span(name)
    ctx.last_day = date(year, month, day)
    ctx.last_year = (year, end)
    return Found(start, end, "DATE", f"{year:04d}-{month:02d}-{day:02d}", "day", "explicit")


def _is_valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _is_bare_year(match: re.Match[str], ctx: Context, year: int) -> bool:
    """Whether a lone four-digit number reads as a year rather than a count or a code."""
    start, end = match.span("period")
    text = ctx.text
    if text.startswith((",", ".", "%"), end) and end + 1 < len(text) and text[end + 1 : end + 2].isdigit():
        return False  # 2,000 or 2009.5
    if ctx.word_after(end) in COUNTED_NOUNS or text.startswith(("%", " per", " percent"), end):
        return False
    return year in _LIKELY_YEARS or ctx.word_before(start) in DATE_PREPOSITIONS
