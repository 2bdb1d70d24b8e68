"""Rounding to four decimals without round()'s detour through a decimal string."""

from __future__ import annotations


def round4(value: float) -> float:
    """round(value, 4), about twice as fast.

    round(value, 4) writes the float as a correctly rounded decimal string and reads it back. For value >= 0
    the whole number nearest value * 10**4 is that decimal, unless the scaled value lies near a half, where
    the product's own rounding error could tip it; divided by 10**4 it gives the float the string reads as.
    Near a half, and for negative values, round() itself decides.
    """
    scaled = value * 10000.0
    whole = round(scaled)
    if value < 0.0 or abs(scaled - whole) > 0.4999:
        return round(value, 4)
    return whole / 10000.0
