"""Places: the dateline, ``X में`` in a clause, ``राष्ट्रीय राजधानी``, a traveller's destination.

A place the gazetteer does not know (``ब्राजील के कुरितिबा में``) keeps its Hindi
and takes a rule-based English name, as a :class:`RomanisedPlace`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import hindi, romanise
from generator.meetings.patterns import compile_tolerant
from generator.meetings.sides import Names, country_name
from generator.model import Bilingual, Mention, Sentence

_CAPITAL = "नई दिल्ली"
_LETTERS = "[\u0900-\u0963\u0966-\u097f]"
_VISITED = compile_tolerant(
    rf"\s*(?:(?:की|का|के)\s+(?:राजकीय\s+)?)?(?:यात्रा|दौरा|दौरे|आगमन)(?!{_LETTERS})"
)
_IN_COUNTRY = compile_tolerant(rf"\s*के\s+({_LETTERS}+)\s+में(?!{_LETTERS})")
# Words between "country के" and "में" that are no place name: regarding, in favour, the capital.
_COMMON_NOUNS = frozenset(
    """संबंध बारे विषय मामले मामला पक्ष हित हितों समर्थन विरोध खिलाफ सहयोग क्षेत्र इलाके इलाका
    शहर शहरों राजधानी प्रांत राज्य हिस्से सीमा दूतावास उच्चायोग संसद मुख्यालय नेतृत्व इतिहास""".split()
)
_INFLECTED = ("े", "ों", "ें", "ाओं")  # oblique and plural endings of common nouns
_IN = compile_tolerant(rf"\s*में(?!{_LETTERS})")
_GATHERINGS = ("summit", "multilateral")


@dataclass(frozen=True)
class RomanisedPlace(Bilingual):
    """A place name whose English comes from romanisation rules, not the gazetteer."""

    __slots__ = ()


_DATELINE = re.compile(
    r"^([\u0900-\u0963\u0966-\u097f]+(?:\s+[\u0900-\u0963\u0966-\u097f]+)?)\s*[।:,]"
)


_AT_PLACE = compile_tolerant(
    r"\s*(?:में|पहुंचे|पहुँचे|पहुंचीं|पहुंचेंगे|आने|जाने|आएंगे|जाएंगे)(?![\u0900-\u0963\u0966-\u097f])"
)
_TODAY_AT = compile_tolerant(r"(?:आज|कल|\S+वार\s+को)\s+$")


def dateline_of(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], gaz: Names
) -> Bilingual | None:
    """The place a report opens with (``नई दिल्ली।``, ``कज़ान:``), if any; one the
    gazetteer lacks is romanised."""
    if not sentences:
        return None
    first = sentences[0].text
    for m in mentions:
        starts = m.sentence == sentences[0].index and m.start == 0
        if (
            starts
            and m.entity.type in ("place", "country")
            and re.match(r"\s*[।:,\-–]", first[m.end :])
        ):
            return m.entity.name
    found = _DATELINE.match(first)
    if found:
        known = gaz.lookup(found.group(1))
        if known and known.type == "place":
            return known.name
        tail = first[found.end(1) :].strip()
        alone = tail.startswith(":") or tail == "।"  # नई दिल्ली: ... or a line of its own
        if alone and all(_unknown(word, gaz) for word in found.group(1).split()):
            return RomanisedPlace(found.group(1), romanise.romanise(found.group(1)))
    return None


def _unknown(word: str, gaz: Names) -> bool:
    """Whether a word can only be a name the gazetteer lacks: not known, no common word."""
    return (
        gaz.lookup(word) is None
        and word not in hindi.STOPWORDS
        and word not in _COMMON_NOUNS
        and not word.endswith(_INFLECTED)
        and not any(ch.isdigit() for ch in word)
    )


def destination_of(mentions: Sequence[Mention], clause: tuple[int, int]) -> str | None:
    """The country of the last place a clause names (``मास्को पहुंचे`` → Russia)."""
    places = [
        m.entity.country
        for m in mentions
        if clause[0] <= m.start < clause[1] and m.entity.type == "place" and m.entity.country
    ]
    return places[-1] if places else None


def place_of(
    text: str,
    clause: tuple[int, int],
    mentions: Sequence[Mention],
    dateline: Bilingual | None,
    gaz: Names,
    kind: str = "meeting",
) -> Bilingual | None:
    """Where a clause says it happened, else the dateline.

    In order: a place it is in or arrives at (``मास्को में``, ``मास्को पहुंचे``), a
    place visited (``श्रीनगर की यात्रा``), an unknown place in a named country
    (``ब्राजील के कुरितिबा में``), the country a gathering is in (``यूएसए में``) or a
    visit goes to (``भारत यात्रा``), ``राष्ट्रीय राजधानी``.
    """
    inside = [m for m in mentions if clause[0] <= m.start < clause[1]]
    places = [m for m in inside if m.entity.type == "place"]
    countries = [m for m in inside if m.entity.type == "country"]
    for pattern in (_AT_PLACE, _VISITED):
        for m in reversed(places):  # the nearest to the verb
            if pattern.match(text, m.end):
                return m.entity.name
    for m in countries:
        unknown = _IN_COUNTRY.match(text, m.end)
        if unknown and _unknown(unknown.group(1), gaz):
            return RomanisedPlace(unknown.group(1), romanise.romanise(unknown.group(1)))
    for m in countries:
        if (kind in _GATHERINGS and _IN.match(text, m.end)) or (
            kind == "visit" and _VISITED.match(text, m.end)
        ):
            return country_name(gaz, m.entity.id)
    if "राष्ट्रीय राजधानी" in text[clause[0] : clause[1]]:
        return dateline or home_capital(gaz)
    return dateline


def home_capital(gaz: Names) -> Bilingual:
    """The home country's capital, where its ministries receive envoys."""
    capital = gaz.lookup(_CAPITAL)
    return capital.name if capital else Bilingual(_CAPITAL, "New Delhi")


def lead_place(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> Bilingual | None:
    """Where the lead says the day's events were (``आज जम्मू में``): the report's setting."""
    if not sentences:
        return None
    first = sentences[0].text
    for m in mentions:
        if (
            m.sentence == sentences[0].index
            and m.entity.type == "place"
            and _IN.match(first, m.end)
            and _TODAY_AT.search(first, 0, m.start)
        ):
            return m.entity.name
    return None
