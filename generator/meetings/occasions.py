"""Occasions: ``X से इतर``, ``X के दौरान``, ``X के समापन पर`` and the English name of X."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.meetings.patterns import compile_tolerant
from generator.model import Bilingual, Mention

_OCCASION = compile_tolerant(
    r"\s+(?:(से\s+इतर)|(के\s+दौरान)|(के\s+समापन\s+पर)|(के\s+अवसर\s+पर)|(के\s+मौके\s+पर))"
)


_OCCASION_EN = (
    "on the sidelines of",
    "during",
    "at the conclusion of",
    "on the occasion of",
    "on the occasion of",
)


_OCCASION_STOP = compile_tolerant(r"^(?:ने|को|से|में|पर|और|तथा|भी|आज|कल|।|,|कि|जो|बाद|साथ)$")


_EVENT_NOUN = compile_tolerant(r"बैठक|सम्मेलन|शिखर|समारोह|सत्र|मंच|फोरम|अभ्यास|वार्ता|संवाद|परेड|उत्सव")


_DEMONSTRATIVE = compile_tolerant(r"^(?:इस|इसी|उस|उसी|इन|उन|यह|पिछली|अगली)$")


_OCCASION_GLOSS = {
    "बैठक": "Meeting", "सम्मेलन": "Conference", "शिखर": "Summit", "रक्षा": "Defence",
    "विदेश": "Foreign", "मंत्रियों": "Ministers'", "समारोह": "Ceremony", "सत्र": "Session",
    "संस्कृति": "Culture", "संयुक्त": "Joint", "सैन्य": "Military", "अभ्यास": "Exercise",
    "वार्षिक": "Annual", "परिषद": "Council", "राष्ट्राध्यक्षों": "Heads of State",
    "गणतंत्र": "Republic", "दिवस": "Day", "वार्ता": "Dialogue", "संवाद": "Dialogue",
}  # fmt: skip


def find_occasions(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, Bilingual]]:
    """``X से इतर``, ``X के दौरान``, ``X के समापन पर``: spans and the occasion X names."""
    found: list[tuple[int, int, Bilingual]] = []
    for marker in _OCCASION.finditer(text):
        words: list[str] = []
        start = marker.start()
        for word in reversed(text[: marker.start()].split(" ")):
            if (
                not word
                or _OCCASION_STOP.match(word.strip(",।"))
                or word.endswith((",", "।"))
                or len(words) > 10
            ):
                break
            words.insert(0, word)
            start -= len(word) + 1
        start = max(start + 1, 0) if words else marker.start()
        if len(words) < 2 or _DEMONSTRATIVE.match(words[0]) or not _EVENT_NOUN.search(words[-1]):
            continue
        phrase = " ".join(words)
        kind = next(i for i, g in enumerate(marker.groups()) if g)
        english = _gloss(text, start, marker.start(), mentions)
        en = f"{_OCCASION_EN[kind]} the {english}" if english else None
        found.append((start, marker.end(), Bilingual(phrase + marker.group(0), en)))
    return found


def _gloss(text: str, start: int, end: int, mentions: Sequence[Mention]) -> str | None:
    """A word-by-word English name for an event phrase, or None if a word is unknown."""
    parts: list[str] = []
    last: str | None = None
    cursor = start
    inside: list[Mention | None] = [m for m in mentions if start <= m.start and m.end <= end]
    for m in [*inside, None]:
        stop = m.start if m else end
        for word in re.findall(r"[^\s(),]+", text[cursor:stop]):
            if word in ("के", "की", "का"):
                continue
            english = _OCCASION_GLOSS.get(word)
            if english is None:
                return None
            parts.append(english)
        if m:
            if m.entity.id != last and m.entity.name.en:
                plural = m.entity.type == "role" and m.text.endswith(("यों", "ों"))
                parts.append(m.entity.name.en + ("s'" if plural else ""))
            last = m.entity.id
            cursor = m.end
    return " ".join(parts) or None
