"""Occasions: ``X से इतर``, ``X के दौरान``, ``X के समापन पर``, the gathering attended, and
the English name of X, glossed word by word from the names stage and a small glossary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.dates import NUMBERS
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
# Words an event's name does not reach past: case markers, conjunctions, participles.
_OCCASION_STOP = compile_tolerant(
    r"^(?:ने|को|से|में|पर|और|तथा|भी|आज|कल|।|,|कि|जो|बाद|साथ|आयोजित|होने|वाले|वाली|वाला|हुई|हुए|हो\s*रही)$"
)
_EVENT_NOUN = compile_tolerant(r"बैठक|सम्मेलन|शिखर|समारोह|सत्र|मंच|फोरम|अभ्यास|वार्ता|संवाद|परेड|उत्सव")
_GATHERING_NOUN = compile_tolerant(r"\S*(?:बैठक|सम्मेलन)\S*")
_DEMONSTRATIVE = compile_tolerant(r"^(?:इस|इसी|उस|उसी|इन|उन|यह|पिछली|एक)$")  # no name
_ORDINAL = re.compile(r"^([0-9०-९]+)(?:वीं|वें|वां|वाँ)$")
_VISIT = compile_tolerant(
    r"(?<!\S)(?P<state>राजकीय\s+)?(?:यात्रा|दौरे)\s+(?P<marker>के\s+दौरान|पर)(?!\S)"
)
_BEFORE_VISIT = compile_tolerant(r"\s*(?:(?:की|का|के)\s+)?")
_DAYS = compile_tolerant(r"(\S+)\s+(?:दिन|दिवसीय)\s+(?:की|के)?\s*(?:\S+\s+(?:की\s+)?)?$")
_SMALL = dict(enumerate("one two three four five six seven eight nine ten".split(), start=1))
_PAIRS = {("शिखर", "सम्मेलन"): "Summit", ("शिखर", "बैठक"): "Summit", ("शपथ", "ग्रहण"): "Swearing-in"}
_OCCASION_GLOSS = {
    "बैठक": "Meeting", "सम्मेलन": "Conference", "शिखर": "Summit", "रक्षा": "Defence",
    "विदेश": "Foreign", "मंत्रियों": "Ministers'", "समारोह": "Ceremony", "सत्र": "Session",
    "संस्कृति": "Culture", "संयुक्त": "Joint", "सैन्य": "Military", "अभ्यास": "Exercise",
    "वार्षिक": "Annual", "परिषद": "Council", "राष्ट्राध्यक्षों": "Heads of State",
    "गणतंत्र": "Republic", "दिवस": "Day", "वार्ता": "Dialogue", "संवाद": "Dialogue",
    "विश्व": "World", "विरासत": "Heritage", "समिति": "Committee", "अगले": "Next", "अगली": "Next",
    "आपात": "Emergency", "आपातकालीन": "Emergency", "उच्चस्तरीय": "High-Level",
    "मंत्रिस्तरीय": "Ministerial", "क्षेत्रीय": "Regional", "अंतरराष्ट्रीय": "International",
    "अंतर्राष्ट्रीय": "International", "राष्ट्रीय": "National", "सुरक्षा": "Security",
    "व्यापार": "Trade", "आर्थिक": "Economic", "मंच": "Forum", "फोरम": "Forum",
    "संगोष्ठी": "Seminar", "प्रदर्शनी": "Exhibition", "परेड": "Parade", "उत्सव": "Festival",
    "स्वतंत्रता": "Independence", "महासभा": "General Assembly", "नेताओं": "Leaders'",
    "प्रमुखों": "Chiefs'", "सेना": "Army", "नौसेना": "Navy", "वायुसेना": "Air Force",
    "देशों": "Countries'", "शपथ": "Oath", "सदस्य": "Member", "वित्त": "Finance", "ऊर्जा": "Energy",
}  # fmt: skip


def find_occasions(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, Bilingual]]:
    """``X से इतर``, ``X के दौरान``, ``X के समापन पर``: spans and the occasion X names."""
    found: list[tuple[int, int, Bilingual]] = []
    for marker in _OCCASION.finditer(text):
        start, words = _event_words(text, marker.start())
        if not words or not _EVENT_NOUN.search(words[-1]):
            continue
        kind = next(i for i, g in enumerate(marker.groups()) if g)
        english = _gloss(text, start, marker.start(), mentions)
        en = f"{_OCCASION_EN[kind]} the {english}" if english else None
        found.append((start, marker.end(), Bilingual(" ".join(words) + marker.group(0), en)))
    return found


def visits(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, Bilingual]]:
    """``तीन दिन की भारत यात्रा के दौरान``: the visit a meeting took place on, as an occasion."""
    found: list[tuple[int, int, Bilingual]] = []
    for visit in _VISIT.finditer(text):
        start = visit.start()
        where = next(
            (
                m
                for m in mentions
                if m.entity.type in ("place", "country")
                and _BEFORE_VISIT.fullmatch(text, m.end, visit.start())
            ),
            None,
        )
        start = where.start if where else start
        days = _DAYS.search(text, 0, start)
        number = days and (
            int(days.group(1)) if days.group(1).isdigit() else NUMBERS.get(days.group(1))
        )
        start = days.start() if days and number else start
        english = " ".join(
            [
                "during the" if "दौरान" in visit.group("marker") else "on a",
                f"{_SMALL.get(number, number)}-day" if days and number else "",
                "state" if visit.group("state") else "",
                "visit",
                f"to {where.entity.name.en}" if where and where.entity.name.en else "",
            ]
        )
        phrase = text[start : visit.end()].strip()
        found.append((start, visit.end(), Bilingual(phrase, " ".join(english.split()))))
    return found


def gathering(text: str, clause: tuple[int, int], mentions: Sequence[Mention]) -> Bilingual | None:
    """The gathering a clause attends (``ब्रिक्स संस्कृति मंत्रियों की बैठक में भाग लिया``)."""
    nouns = list(_GATHERING_NOUN.finditer(text, *clause))
    if not nouns:
        return None
    noun = nouns[-1]
    start, words = _event_words(text, noun.end())
    if not words:
        return None
    return Bilingual(" ".join(words), _gloss(text, start, noun.end(), mentions))


def complete(occasion: Bilingual, earlier: Sequence[Bilingual]) -> Bilingual:
    """A short name of an event named in full before (``एससीओ बैठक`` after ``एससीओ के रक्षा
    मंत्रियों की बैठक``) takes the full English name: same last word, all its words inside."""
    prefix, name = _split(occasion.en)
    if not name:
        return occasion
    words = name.split()
    for other in earlier:
        full = _split(other.en)[1].split()
        if len(full) > len(words) and full[-1] == words[-1] and set(words) <= set(full):
            return Bilingual(occasion.hi, f"{prefix}{' '.join(full)}")
    return occasion


def _split(english: str | None) -> tuple[str, str]:
    """``on the sidelines of the X`` as (``on the sidelines of the ``, ``X``)."""
    for prefix in _OCCASION_EN:
        if english and english.startswith(prefix + " the "):
            return prefix + " the ", english[len(prefix) + 5 :]
    return "", english or ""


def _event_words(text: str, end: int) -> tuple[int, list[str]]:
    """The words of the event name ending at ``end`` and where they start (none if too short)."""
    words: list[str] = []
    start = end
    for word in reversed(text[:end].split(" ")):
        if (
            not word
            or _OCCASION_STOP.match(word.strip(",।"))
            or word.endswith((",", "।"))
            or len(words) > 10
        ):
            break
        words.insert(0, word)
        start -= len(word) + 1
    if len(words) < 2 or _DEMONSTRATIVE.match(words[0]):
        return end, []
    return max(start + 1, 0), words


def _gloss(text: str, start: int, end: int, mentions: Sequence[Mention]) -> str | None:
    """A word-by-word English name for an event phrase, or None if a word is unknown.

    An ordinal (``43वीं``) leads the name: ``43rd World Heritage Committee Meeting``.
    """
    parts: list[str] = []
    ordinals: list[str] = []
    last: str | None = None
    cursor = start
    inside: list[Mention | None] = [m for m in mentions if start <= m.start and m.end <= end]
    for m in [*inside, None]:
        stop = m.start if m else end
        words = [
            w for w in re.findall(r"[^\s(),]+", text[cursor:stop]) if w not in ("के", "की", "का")
        ]
        for i, word in enumerate(words):
            if i and (words[i - 1], word) in _PAIRS:
                parts[-1] = _PAIRS[(words[i - 1], word)]
                continue
            number = _ORDINAL.match(word)
            if number:
                ordinals.append(_ordinal(int(number.group(1))))
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
    return " ".join(ordinals + parts) or None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
