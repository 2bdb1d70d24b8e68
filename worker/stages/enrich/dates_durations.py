"""Resolvers of expressions that need no anchor: durations (P2Y, PT30M, PXY), sets (every week, 15 a
year) and clock times; and the unit helpers the relative resolvers share."""

from __future__ import annotations

import re

from schemas.enrichment import Granularity, Resolution
from worker.stages.enrich.dates_context import Context, Found
from worker.stages.enrich.dates_lexicon import SEASONS, UNITS, WEEKDAYS
from worker.stages.enrich.dates_numbers import amount_of

_UNIT_WORD = re.compile(r"[a-z]+")
_UTC = re.compile(r"UTC|GMT")


def resolve_set(match: re.Match[str], ctx: Context) -> Found | None:
    """every year / annually / 15 a year -> P1Y; every Monday -> XXXX-WXX-1."""
    start, end = match.span("set")
    word = match["set"].lower().split()[-1]
    if word in WEEKDAYS:
        return Found(start, end, "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}", "day", "explicit")
    unit = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}.get(
        word, "hour" if word == "hourly" else unit_name(word)
    )
    return Found(start, end, "SET", duration_value(1, unit), granularity_of(unit), "explicit")


def resolve_clock(match: re.Match[str], ctx: Context) -> Found | None:
    """18:00 UTC, 6:40 p.m., 6am, noon: a TIME on the last day the article named (in "flew Tuesday at
    18:00 UTC" that Tuesday), else on the publication day; `Z` marks a time given in UTC or GMT."""
    start, end = match.span("clock")
    if match["cl_word"]:
        hour, minute = (12, 0) if match["cl_word"] == "noon" else (0, 0)
    elif match["cl_hh"]:
        hour, minute = int(match["cl_hh"]), int(match["cl_mm"])
    else:
        hour, minute = int(match["cl_h"]), int(match["cl_m"] or 0)
        meridiem = (match["cl_ap"] or "").lower()
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
    resolution: Resolution = "previous_date" if ctx.last_day else "publication_date"
    anchor = ctx.last_day or ctx.published
    if anchor is None:
        resolution = "unanchored"
    day = anchor.isoformat() if anchor else "XXXX-XX-XX"
    zone = "Z" if _UTC.search(match["clock"]) else ""
    return Found(start, end, "TIME", f"{day}T{hour:02d}:{minute:02d}{zone}", "time", resolution)


def resolve_duration(match: re.Match[str], ctx: Context) -> Found | None:
    """two years -> P2Y, 27-year -> P27Y, thirty minutes -> PT30M, several years -> PXY."""
    start, end = match.span("duration")
    if match["du_vague"]:
        unit = unit_name(_UNIT_WORD.findall(match["du_vague"].lower())[-1])
        return Found(start, end, "DURATION", duration_value(None, unit), granularity_of(unit), "explicit")
    unit = unit_name(match["du_u"])
    amount = amount_of(match["du_n"])
    if unit == "second" and amount is not None and amount <= 1:
        return None  # "a second time", "one second round": the ordinal, not the unit
    return Found(
        start,
        end,
        "DURATION",
        duration_value(amount, unit),
        granularity_of(unit),
        "explicit",
    )


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration; decades and centuries in years, fortnights in weeks, as TimeML values them."""
    designator, in_time, _ = UNITS[unit]
    factor = {"decade": 10, "century": 100, "fortnight": 2}.get(unit, 1)
    if factor != 1:
        designator = "Y" if unit != "fortnight" else "W"
    if amount is None:
        number = "X"
    else:
        scaled = amount * factor
        number = str(int(scaled)) if scaled == int(scaled) else f"{scaled:g}"
    return f"P{'T' if in_time else ''}{number}{designator}"


def unit_name(word: str) -> str:
    """The singular unit of "years", "Centuries", "hour"."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def granularity_of(unit: str) -> Granularity:
    if unit in SEASONS:
        return "season"
    return UNITS[unit][2]
