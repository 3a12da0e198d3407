"""Places: the dateline, ``X में`` in a clause, ``राष्ट्रीय राजधानी``, a traveller's destination."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.meetings.patterns import compile_tolerant
from generator.meetings.sides import Names
from generator.model import Bilingual, Mention, Sentence

_CAPITAL = "नई दिल्ली"


_DATELINE = re.compile(
    r"^([\u0900-\u0963\u0966-\u097f]+(?:\s+[\u0900-\u0963\u0966-\u097f]+)?)\s*[।:,]"
)


_AT_PLACE = compile_tolerant(r"\s*(?:में|पहुंचे|पहुँचे|पहुंचीं|पहुंचेंगे)(?![\u0900-\u0963\u0966-\u097f])")


def dateline_of(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], gaz: Names
) -> Bilingual | None:
    """The place a report opens with (``नई दिल्ली।``), if any."""
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
    return None


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
) -> Bilingual | None:
    """Where a clause says it happened (``मास्को में``), else the dateline."""
    for m in mentions:
        if (
            clause[0] <= m.start < clause[1]
            and m.entity.type == "place"
            and _AT_PLACE.match(text[m.end :])
        ):
            return m.entity.name
    if "राष्ट्रीय राजधानी" in text[clause[0] : clause[1]]:
        if dateline:
            return dateline
        capital = gaz.lookup(_CAPITAL)
        return capital.name if capital else Bilingual(_CAPITAL, "New Delhi")
    return dateline
