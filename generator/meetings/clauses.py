"""The meetings one sentence reports, clause by clause, before ids, dates and merging."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.meetings.occasions import find_occasions, gathering, visits
from generator.meetings.parties import read_parties
from generator.meetings.patterns import (
    FROM,
    MEDIUM,
    OBJECT,
    REPORTED,
    compile_tolerant,
    reported_part,
    tolerant,
)
from generator.meetings.places import destination_of, home_capital, place_of
from generator.meetings.sides import (
    HOME,
    Names,
    Party,
    country_name,
    is_body,
    office,
    party_key,
    sides_taking_part,
)
from generator.meetings.subjects import SUBJECT_MARK, as_known, choose_subject, possessor
from generator.model import Bilingual, Mention, Participant, Sentence

_SUMMONED = compile_tolerant(r"\s*को\s+(?:भी\s+)?तलब")
_WELCOMED = compile_tolerant(r"^\s*(?:का|की)\s+(?:\S+\s+){0,3}?$")


_MEDIUM_WORD = re.compile(tolerant(MEDIUM))


_FUTURE = compile_tolerant(
    r"ेंगे|ेंगी|ेगा|ेगी|होगी|होगा|होंगे|होंगी|जाएंगे|आएंगे|करने\s*वाले|होने\s*वाल|आमंत्रित|निमंत्रण|न्योता|न्यौता|प्रतीक्षा|इंतजार"
)


_NOT_A_MEETING = compile_tolerant(
    rf"(?:संवाददाताओं|संवाददाता|पत्रकारों|मीडिया|प्रेस|लोगों|जनता|छात्रों|किसानों|कार्यकर्ताओं)\s*(?:{FROM}|के\s*साथ)\s*$"
    r"|(?:संवाददाता|प्रेस|पत्रकार)\s*$|पत्र\s*(?:लिख|भेज)|संबोधित"
)


_BARE_SIDE = compile_tolerant(
    rf"^(?:\s+(?!ने\s|को\s)[\u0900-\u0963\u0966-\u097f]+){{0,3}}?\s*(?:के\s+बीच|के\s+साथ|{FROM}\s)"
    r"|^\s*(?:का\s+दौरा|की\s+यात्रा|यात्रा|आगमन)"
)


_CLAUSE_END = re.compile(r"\s(?:और|तथा|लेकिन|जबकि)\s|[,;।]")


_GATHERING = {"शिखर": "summit", "सम्मेलन": "multilateral", "बैठक": "multilateral"}


_ARRIVAL = ("पहुं", "पहुँ", "जाएं", "रवाना")


_BRIEFING = ("अवगत", "जानकारी")


_BILATERAL = frozenset({"meeting", "talks", "call", "visit"})


@dataclass(frozen=True)
class Found:
    """A meeting before ids, dates and merging: its sentence and clause."""

    sentence: int
    kind: str
    future: bool
    subject: Party | None
    others: tuple[Party, ...]
    occasion: Bilingual | None
    place: Bilingual | None
    listed: bool  # one of several counterparts named in one clause
    sentences: tuple[int, ...] = ()  # evidence beyond ``sentence``
    notes: tuple[Bilingual, ...] = ()
    hosted: bool = False  # a visit whose host is only assumed (the home country)
    aliases: frozenset[str] = frozenset()  # keys of bodies replaced by their members
    when: str = ""  # the clause, read first for its time words


@dataclass(frozen=True)
class Scan:
    """What one sentence holds: its mentions, occasions, parties and triggers."""

    mentions: list[Mention]
    occasions: list[tuple[int, int, Bilingual]]
    parties: list[Party]
    triggers: list[tuple[int, int, str]]


def scan_sentence(
    s: Sentence, mentions: list[Mention], gaz: Names, triggers: list[tuple[int, int, str]]
) -> Scan:
    occasions = find_occasions(s.text, mentions) if triggers else []
    skip = [(a, b) for a, b, _ in occasions]
    parties = read_parties(s.text, mentions, gaz, skip)
    if triggers:
        occasions += visits(s.text, mentions)  # after events; their names stay parties
    return Scan(mentions, occasions, parties, triggers)


def clause_meetings(
    s: Sentence,
    scan: Scan,
    gaz: Names,
    actor: Party | None,
    dateline: Bilingual | None,
    known: dict[str, Participant],
) -> tuple[list[Found], Party | None]:
    """Meetings one sentence reports, and who it is about (for later pronouns)."""
    text = s.text
    mentions, occasions = scan.mentions, scan.occasions
    everyone = [as_known(p, known) for p in scan.parties]
    marked = [p for p in everyone if p.person and SUBJECT_MARK.match(text[p.end :])]
    first_person = next((p for p in everyone if p.person), None)
    next_actor = (
        marked[0]
        if marked
        else (first_person if first_person and first_person.start < 3 else actor)
    )
    found: list[Found] = []
    begin = 0
    subject_of_sentence: Party | None = None
    for start, end, kind in scan.triggers:
        clause = (begin, end)
        begin = end
        if _NOT_A_MEETING.search(text[max(clause[0], start - 40) : start]):
            continue
        fallback = subject_of_sentence or actor
        said = [m.end() for m in REPORTED.finditer(text, clause[0], start)]
        if said:  # X ने कहा कि ...: X is who "उन्होंने" means, not a party
            speakers = [p for p in everyone if clause[0] <= p.start < said[-1]]
            fallback = choose_subject(text, (clause[0], said[-1]), speakers, fallback)
            clause = (said[-1], end)
        inside = [p for p in everyone if clause[0] <= p.start < end and not possessor(text, p.end)]
        subject = choose_subject(text, clause, inside, fallback)
        subject_of_sentence = subject_of_sentence or subject
        if text[start:end].startswith("स्वागत") and not any(
            (p.person or p.participant.role.en) and _WELCOMED.match(text[p.end : start])
            for p in inside
        ):
            continue  # welcoming a decision is no visit; welcoming a guest is
        if text[start:end].startswith(_ARRIVAL) and not any(
            (p.person or p.participant.role.en) and not OBJECT.match(text[p.end :]) for p in inside
        ):
            continue  # "... पहुंचे" says who arrives only through a named traveller
        if text[start:end].startswith(_BRIEFING) and not any(
            is_body(p.participant) for p in inside
        ):
            continue  # briefing someone counts only for a body of foreign envoys
        is_named = [bool(p.participant.role.en or p.participant.role.hi or p.person) for p in inside]
        named = [p for p, yes in zip(inside, is_named, strict=True) if yes]
        bare = [p for p, yes in zip(inside, is_named, strict=True) if not yes]  # linear in names
        if kind in ("multilateral", "summit"):
            named += bare
        elif len(named) + (subject not in named) < 2:
            named += [p for p in bare if _BARE_SIDE.match(text[p.end :]) or p is subject]
        if text[start:end].startswith(("आमंत्रित", "निमंत्रण", "न्यो")):
            kind = next((k for w, k in _GATHERING.items() if w in text[clause[0] : start]), kind)
        others = tuple(
            p
            for p in named
            if subject is None or party_key(p.participant) != party_key(subject.participant)
        )
        tail = _CLAUSE_END.search(text, end, min(len(text), end + 30))
        future = bool(
            _FUTURE.search(text, start, tail.start() if tail else min(len(text), end + 30))
        )
        place = None if kind == "call" else place_of(text, clause, mentions, dateline, gaz, kind)
        occasion = next((o for a, b, o in occasions if a < end), None)
        if occasion is None and kind in ("multilateral", "summit"):
            occasion = gathering(text, clause, mentions)
        everyone_here = ([subject.participant] if subject else []) + [p.participant for p in others]
        sides = sides_taking_part(everyone_here, gaz)
        arrival = not text[start:end].startswith(("स्वागत", "आमंत्रित", "निमंत्रण", "न्यो"))
        visitor = any(
            p.person or p.participant.role.en or p.participant.role.hi
            for p in ([subject] if subject else []) + inside
        )
        host = destination_of(mentions, clause) or HOME
        hosted = kind == "visit" and arrival and visitor and len(sides) == 1 and host not in sides
        if (
            text[start:end].startswith("तलब")
            and place is None
            and _summoned_foreigner(text, inside)
        ):
            place = home_capital(gaz)  # envoys are summoned to the home foreign ministry
        if hosted:  # "X is on a visit": to where it says (मास्को पहुंचे), else the home country
            others += (Party(end, end, office(gaz, host, Bilingual()), False, ""),)
            place = place or country_name(gaz, host)
        elif kind in ("multilateral", "summit") and others and sides - {HOME}:
            pass  # a gathering with a foreign government or an international body
        elif (
            kind in ("meeting", "multilateral")
            and subject
            and not others
            and _members(subject, gaz)
        ):
            kind, others = "multilateral", (subject,)  # नाटो के राजदूत मिलेंगे
            subject = None
        elif len(sides) < 2:
            continue  # domestic, or only one side known
        if kind in ("meeting", "talks") and _MEDIUM_WORD.search(text, clause[0], end):
            kind = "call"  # बैठक/वार्ता by video or telephone
        when = reported_part(text[clause[0] : end])  # the clause's own time words, if any
        home = subject.participant.country_id if subject else None
        side = tuple(p for p in others if home and p.participant.country_id == home)
        counterparts = [p for p in others if p not in side]
        if kind in _BILATERAL and subject and len(counterparts) > 1:
            for other in counterparts:  # one meeting each; compatriots stay on the subject's side
                pair = (other, *side)
                f = Found(s.index, kind, future, subject, pair, occasion, place, True, when=when)
                found.append(f)
        elif others:
            ordered = (*counterparts, *side)
            found.append(
                Found(s.index, kind, future, subject, ordered, occasion, place, False,
                      hosted=hosted, when=when)
            )
    return found, next_actor


def participants_of(f: Found) -> list[Participant]:
    return ([f.subject.participant] if f.subject else []) + [p.participant for p in f.others]


def _summoned_foreigner(text: str, inside: Sequence[Party]) -> bool:
    """Whether the party summoned (``X को तलब किया``) represents a foreign country."""
    summoned = [p for p in inside if _SUMMONED.match(text, p.end)]
    return bool(summoned) and summoned[-1].participant.country_id not in (None, HOME)


def _members(party: Party, gaz: Names) -> bool:
    """Whether a party is an international body's office-holders (``नाटो के राजदूत``), who meet
    among themselves when no one else is named."""
    body = party.participant.country_id or ""
    owner = gaz.entity(body) if body.startswith("organisation/") else None
    return not party.person and owner is not None and owner.country is None
