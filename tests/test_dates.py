"""Hindi date expressions resolved against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import dates

FRIDAY = dt.date(2023, 4, 28)


@pytest.mark.parametrize(
    ("text", "expected", "basis"),
    [
        ("28 अप्रैल 2023 को बैठक हुई", dt.date(2023, 4, 28), "explicit"),
        ("२८ अप्रैल २०२३ को", dt.date(2023, 4, 28), "explicit"),
        ("आज (3 जून, 2020) को बातचीत की", dt.date(2020, 6, 3), "explicit"),
        ("15 मार्च को मिले", dt.date(2023, 3, 15), "explicit"),
        ("पिछले साल बीस सितम्बर को", dt.date(2022, 9, 20), "explicit"),
        ("पिछले महीने की दो तारीख को", dt.date(2023, 3, 2), "explicit"),
        ("इस महीने की 15 तारीख को", dt.date(2023, 4, 15), "explicit"),
        ("3.6.2020 को", dt.date(2020, 6, 3), "explicit"),
        ("शुक्रवार को मुलाकात की", FRIDAY, "weekday"),
        ("मंगलवार को बात की", dt.date(2023, 4, 25), "weekday"),
        ("आज मुलाकात की", FRIDAY, "today"),
        ("कल मुलाकात की", dt.date(2023, 4, 27), "yesterday"),
        ("पिछले सप्ताह मिले", dt.date(2023, 4, 21), "last-week"),
    ],
)
def test_resolves_past_expressions(text: str, expected: dt.date, basis: str) -> None:
    ref = dates.resolve(text, FRIDAY)
    assert ref is not None
    assert (ref.date, ref.basis) == (expected, basis)


def test_kal_is_tomorrow_in_the_future_tense() -> None:
    ref = dates.resolve("वे कल मिलेंगे", FRIDAY, future=True)
    assert ref is not None and (ref.date, ref.basis) == (dt.date(2023, 4, 29), "tomorrow")


def test_weekday_in_the_future_looks_forward() -> None:
    ref = dates.resolve("सोमवार को मिलेंगे", FRIDAY, future=True)
    assert ref is not None and ref.date == dt.date(2023, 5, 1)


def test_weekday_that_contradicts_the_date_is_reported() -> None:
    ref = dates.resolve("गुरुवार, 28 अप्रैल 2023 को", FRIDAY)
    assert ref is not None and ref.date == FRIDAY
    assert ref.note is not None and ref.note.en and ref.note.hi
    assert "Thursday" in ref.note.en and "Friday" in ref.note.en and "गुरुवार" in ref.note.en
    assert "शुक्रवार" in ref.note.hi
    agreeing = dates.resolve("शुक्रवार, 28 अप्रैल 2023 को", FRIDAY)
    assert agreeing is not None and agreeing.note is None


def test_month_and_year_without_a_day_is_no_date() -> None:
    ref = dates.resolve("मार्च 2018 में यात्रा", FRIDAY)
    assert ref is not None and (ref.date, ref.basis) == (None, "unknown")


def test_words_containing_aaj_or_kal_are_not_dates() -> None:
    assert dates.resolve("आजाद भारत और कलकत्ता", FRIDAY) is None


def test_no_date_without_publication_for_relative_words() -> None:
    assert dates.resolve("आज मुलाकात की", None) is None
    ref = dates.resolve("28 अप्रैल 2023", None)
    assert ref is not None and ref.date == FRIDAY


def test_impossible_dates_are_skipped() -> None:
    ref = dates.resolve("31 फरवरी 2023", FRIDAY)
    assert ref is not None and (ref.date, ref.basis) == (None, "unknown")
    assert dates.resolve("31 फरवरी को", FRIDAY) is None


@given(st.dates(), st.integers(min_value=0, max_value=6), st.booleans())
def test_weekday_is_within_a_week_and_on_that_day(day: dt.date, weekday: int, future: bool) -> None:
    found = dates.weekday_before(day, weekday, future=future)
    assert found.weekday() == weekday
    assert 0 <= abs((found - day).days) < 7
    assert (found >= day) if future else (found <= day)


@given(st.text(), st.one_of(st.none(), st.dates()), st.booleans())
def test_never_raises_on_arbitrary_text(text: str, published: dt.date | None, future: bool) -> None:
    ref = dates.resolve(text, published, future=future)
    assert ref is None or isinstance(ref, dates.DateRef)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_written_dates_round_trip(day: dt.date) -> None:
    names = {number: name for name, number in dates.MONTHS.items()}
    digits = str(day.day).translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    ref = dates.resolve(f"{digits} {names[day.month]} {day.year} को", day)
    assert ref is not None and ref.date == day


def test_national_days_are_the_latest_before_publication_or_the_next_ahead() -> None:
    published = dt.date(2020, 4, 4)
    past = dates.resolve("70वें गणतंत्र दिवस समारोह में मुख्य अतिथि थे", published)
    assert past is not None and (past.date, past.basis) == (dt.date(2020, 1, 26), "explicit")
    independence = dates.resolve("स्वतंत्रता दिवस पर", published)
    assert independence is not None and independence.date == dt.date(2019, 8, 15)
    ahead = dates.resolve("स्वतंत्रता दिवस पर मुख्य अतिथि होंगे", published, future=True)
    assert ahead is not None and ahead.date == dt.date(2020, 8, 15)
    assert dates.resolve("गणतंत्र दिवस", None) is None
