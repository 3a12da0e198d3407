"""Hindi date expressions resolved against a publication date.

``28 अप्रैल 2023``, Devanagari digits (``२८ अप्रैल``), number words
(``बीस सितम्बर``), ``इस महीने की 15 तारीख``, weekdays (``शुक्रवार को``),
``आज``, ``कल`` (yesterday or tomorrow by tense) and ``पिछले सप्ताह``.
Pure functions; nothing here raises on odd input.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from generator.model import Bilingual

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_JOINERS = dict.fromkeys(map(ord, "\u200c\u200d"), None)
_TO_CLEAN = re.compile("[०-९\u200c\u200d]")

_MONTHS: dict[str, int] = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5,
    "जून": 6, "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10,
    "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}  # fmt: skip
MONTHS = {unicodedata.normalize("NFC", name): number for name, number in _MONTHS.items()}
WEEKDAYS: dict[str, int] = {
    "सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "बृहस्पतिवार": 3,
    "वीरवार": 3, "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6,
}  # fmt: skip
WEEKDAY_HI = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = [
    "एक",
    "दो",
    "तीन",
    "चार",
    "पांच",
    "छह",
    "सात",
    "आठ",
    "नौ",
    "दस",
    "ग्यारह",
    "बारह",
    "तेरह",
    "चौदह",
    "पंद्रह",
    "सोलह",
    "सत्रह",
    "अठारह",
    "उन्नीस",
    "बीस",
    "इक्कीस",
    "बाईस",
    "तेईस",
    "चौबीस",
    "पच्चीस",
    "छब्बीस",
    "सत्ताईस",
    "अट्ठाईस",
    "उनतीस",
    "तीस",
    "इकतीस",
]
NUMBERS: dict[str, int] = {word: n for n, word in enumerate(_NUMBER_WORDS, start=1)} | {
    "पाँच": 5, "छः": 6, "छै": 6, "पन्द्रह": 15, "अठ्ठाईस": 28,
}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
_EXPLICIT = re.compile(
    rf"(?<![\w\u0900-\u0963\u0966-\u097f])(?P<day>{_DAY})(?:\s*(?:वीं|वी|ली|री|थी|st|nd|rd|th))?\s*,?\s*(?P<month>{_MONTH})(?![\u0900-\u0963\u0966-\u097f])"
    rf"(?:\s*,?\s*(?P<year>\d{{4}}))?"
)
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})(?!\d)"
)
_MONTH_DAY = re.compile(rf"(?P<which>इस|पिछले|अगले)\s+महीने\s+की\s+(?P<day>{_DAY})\s+तारीख")
_MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH})\s*,?\s*(?P<year>\d{{4}})")
_WEEKDAY = re.compile("(?P<name>" + "|".join(WEEKDAYS) + ")")
_LAST_YEAR = re.compile(r"(?:पिछले|गत|बीते)\s+(?:साल|वर्ष)\s*$")
_TODAY = re.compile(r"(?<![\w\u0900-\u0963\u0966-\u097f])आज(?![\w\u0900-\u0963\u0966-\u097f])")
_KAL = re.compile(r"(?<![\w\u0900-\u0963\u0966-\u097f])कल(?![\w\u0900-\u0963\u0966-\u097f])")
_NATIONAL_DAYS = {"गणतंत्र": (1, 26), "स्वतंत्रता": (8, 15)}  # Republic Day, Independence Day
_NATIONAL_DAY = re.compile(r"(?P<name>गणतंत्र|स्वतंत्रता)\s+दिवस")
_LAST_WEEK = re.compile(r"(?:पिछले|गत|बीते)\s+(?:सप्ताह|हफ्ते|हफ़्ते)")
# What the patterns above that open with a look-behind (slow to search) cannot match without.
_MONTH_NAME = re.compile(_MONTH)  # _EXPLICIT, _MONTH_YEAR
_DIGIT_SEPARATOR = re.compile(r"\d[./-]\d")  # _NUMERIC


@dataclass(frozen=True)
class DateRef:
    """A date resolved from text, how it was resolved, and any contradiction found."""

    date: dt.date | None
    basis: str  # explicit | weekday | today | yesterday | tomorrow | last-week | unknown
    text: str  # the words it was read from
    note: Bilingual | None = None  # the weekday and the date disagree, quoting both


def clean(text: str) -> str:
    """Text with Devanagari digits as ASCII and zero-width joiners removed."""
    if not _TO_CLEAN.search(text):
        return text  # the usual case; str.translate walks the whole text in Python-level lookups
    return text.translate(_DIGITS).translate(_JOINERS)


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_offset(published: dt.date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 + months
    return index // 12, index % 12 + 1


def explicit(text: str, published: dt.date | None, *, future: bool = False) -> DateRef | None:
    """The first written-out date: day and month, with or without a year, or a national day
    (``गणतंत्र दिवस``: the latest 26 January on or before publication, or the next when future)."""
    text = clean(text)
    found = _NUMERIC.search(text) if _DIGIT_SEPARATOR.search(text) else None
    if found:
        day, month, year = (int(found.group(g)) for g in ("day", "month", "year"))
        date = _safe_date(year, month, day)
        if date:
            return DateRef(date, "explicit", found.group(0))
    months = _MONTH_NAME.search(text) is not None
    for found in _EXPLICIT.finditer(text) if months else ():
        day_number = _number(found.group("day"))
        if day_number is None:
            continue
        year_text = found.group("year")
        if year_text:
            year = int(year_text)
        elif published is None:
            continue
        else:
            year = published.year - (1 if _LAST_YEAR.search(text, 0, found.start()) else 0)
        date = _safe_date(year, MONTHS[found.group("month")], day_number)
        if date:
            return DateRef(date, "explicit", found.group(0))
    found = _MONTH_DAY.search(text)
    if found and published:
        day_number = _number(found.group("day"))
        shift = {"इस": 0, "पिछले": -1, "अगले": 1}[found.group("which")]
        year, month = _month_offset(published, shift)
        date = _safe_date(year, month, day_number) if day_number else None
        if date:
            return DateRef(date, "explicit", found.group(0))
    found = _NATIONAL_DAY.search(text)
    if found and published:
        month, day = _NATIONAL_DAYS[found.group("name")]
        date = dt.date(published.year, month, day)
        if future and date < published:
            date = dt.date(published.year + 1, month, day)
        elif not future and date > published:
            date = dt.date(published.year - 1, month, day)
        return DateRef(date, "explicit", found.group(0))
    found = _MONTH_YEAR.search(text) if months else None
    if found:
        return DateRef(None, "unknown", found.group(0))
    return None


def weekday_before(published: dt.date, weekday: int, *, future: bool = False) -> dt.date:
    """The most recent ``weekday`` on or before ``published`` (on or after it when future)."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def resolve(text: str, published: dt.date | None, *, future: bool = False) -> DateRef | None:
    """The date a sentence gives for what it reports, or None when it gives none.

    Order: an explicit date (checked against any weekday named with it), a
    weekday, ``आज``, ``कल``, ``पिछले सप्ताह``.
    """
    text = clean(unicodedata.normalize("NFC", text))
    named = _WEEKDAY.search(text)
    found = explicit(text, published, future=future)
    if found and found.date:
        if named and WEEKDAYS[named.group("name")] != found.date.weekday():
            said, actual = named.group("name"), found.date.weekday()
            note = Bilingual(
                f"स्रोत में “{said}” और “{found.text}” लिखा है, पर {found.date.isoformat()} को"
                f" {WEEKDAY_HI[actual]} था।",
                f"The source says “{said}” ({WEEKDAY_EN[WEEKDAYS[said]]}) and “{found.text}”,"
                f" but {found.date.isoformat()} was a {WEEKDAY_EN[actual]}.",
            )
            return DateRef(found.date, "explicit", found.text, note)
        return found
    if found:
        return found  # a month and year without a day: not a date
    if published is None:
        return None
    if named:
        day = weekday_before(published, WEEKDAYS[named.group("name")], future=future)
        return DateRef(day, "weekday", named.group(0))
    today = _TODAY.search(text) if "आज" in text else None
    if today:
        return DateRef(published, "today", today.group(0))
    kal = _KAL.search(text) if "कल" in text else None
    if kal:
        if future:
            return DateRef(published + dt.timedelta(days=1), "tomorrow", kal.group(0))
        return DateRef(published - dt.timedelta(days=1), "yesterday", kal.group(0))
    last_week = _LAST_WEEK.search(text)
    if last_week:
        return DateRef(published - dt.timedelta(days=7), "last-week", last_week.group(0))
    return None
