"""Amounts: counts, money with currency codes, percentages and quantities, and what is not an amount."""

from __future__ import annotations

import pytest

from worker.stages.enrich.amounts import SPELLED_NUMBER, _spelled_numbers, extract_amounts


def amounts_of(text: str) -> list[tuple[str, str, float, str | None, str | None]]:
    return [(a.kind, a.text, a.value, a.unit, a.counts) for a in extract_amounts(text, [])]


def test_extract_amounts_counts_people_with_digits_and_words() -> None:
    """'51 suspects' and 'three people' are counts of what follows them."""
    assert amounts_of("Police named 51 suspects after three people died.") == [
        ("count", "51 suspects", 51.0, None, "suspects"),
        ("count", "three people", 3.0, None, "people"),
    ]


def test_extract_amounts_keeps_the_number_of_a_qualified_count() -> None:
    """'more than 200 protesters' counts 200 protesters."""
    assert amounts_of("More than 200 protesters were held.") == [
        ("count", "200 protesters", 200.0, None, "protesters")
    ]


def test_extract_amounts_reads_spelled_out_numbers_up_to_millions() -> None:
    """Spelled-out numbers with hundreds, thousands and millions have their value."""
    found = amounts_of(
        "About two hundred and fifty thousand fans and a million viewers watched; twenty-five players."
    )
    assert [(kind, value, counts) for kind, _, value, _, counts in found] == [
        ("count", 250000.0, "fans"),
        ("count", 1e6, "viewers"),
        ("count", 25.0, "players"),
    ]


def test_extract_amounts_reads_spelled_numbers_after_any_white_space_only() -> None:
    """A spelled-out number opens the text or follows any white space (a newline, a no-break space), never
    punctuation or a word it is glued to."""
    found = amounts_of("Nine boats\nand\u00a0twelve crews, (four ships) and someone's thirty-one guns.")
    assert [(text, value) for _, text, value, _, _ in found] == [
        ("Nine boats", 9.0),
        ("twelve crews", 12.0),
        ("thirty-one guns", 31.0),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The plan costs US$40 billion.", 4e10, "USD"),
        ("It sold for £20.1 million.", 20.1e6, "GBP"),
        ("Fines of €3m were paid.", 3e6, "EUR"),
        ("A ¥300bn package.", 3e11, "JPY"),
        ("They paid 5 million euros.", 5e6, "EUR"),
        ("A bill of Rs 500 crore.", 5e9, "INR"),
        ("It raised 20 million Australian dollars.", 2e7, "AUD"),
        ("He owes 40,000 dollars.", 4e4, "USD"),
        ("Exports of 12 billion yuan.", 1.2e10, "CNY"),
    ],
)
def test_extract_amounts_reads_money_with_its_currency(text: str, value: float, unit: str) -> None:
    """Money before or after its currency sign or word gets the ISO 4217 code and the scaled value."""
    found = amounts_of(text)
    assert len(found) == 1
    assert found[0][0] == "money"
    assert found[0][2] == pytest.approx(value)
    assert found[0][3] == unit


def test_extract_amounts_reads_percentages() -> None:
    """'3.5%' and '15 percent' are percentages."""
    assert amounts_of("Growth was 3.5% and unemployment 15 percent.") == [
        ("percent", "3.5%", 3.5, "percent", None),
        ("percent", "15 percent", 15.0, "percent", None),
    ]


def test_extract_amounts_reads_measured_quantities() -> None:
    """A number with a unit of measure is a quantity."""
    assert amounts_of("The runners covered 42 km.") == [("quantity", "42 km", 42.0, "km", None)]


def test_extract_amounts_skips_years_dates_times_and_bare_numbers() -> None:
    """Years, days of months, clock times, ordinals, compounds and durations are not amounts."""
    text = (
        "In 2019, on March 5 and 6 May, at 10:30, the 15-member council met for the 3rd time; "
        "talks lasted three days and two of them left. Page 12 was torn."
    )
    assert amounts_of(text) == []


def test_extract_amounts_does_not_run_a_count_into_the_next_clause() -> None:
    """'one hostage after authorities' counts nothing: the noun phrase stops at 'after'."""
    assert amounts_of("They freed one hostage after authorities arrived.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A hundredfold rise, an  million, a millionaire, a dozen eggs and a thousand-strong crowd.",
        "ninety-nine twentyish one-off seventeen_ sixty2 zero, eleven and Sixty Three.",
        "Nine boats\nand\u00a0twelve crews, (four ships) and someone's thirty-one guns.",
    ],
)
def test_spelled_number_scan_equals_full_regex_scan(text: str) -> None:
    """The scan tried only where a spelled-out number can start finds what the plain regex finds."""
    searched = " " + text.lower()
    expected = [match.span() for match in SPELLED_NUMBER.finditer(searched)]
    assert [match.span() for match in _spelled_numbers(searched)] == expected
