"""Found meetings joined across sentences: listed offices with the people named next,
bodies of envoys with their members, visits folded into the visitor's meeting."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from generator.meetings.clauses import Found, Scan, participants_of
from generator.meetings.patterns import compile_tolerant
from generator.meetings.sides import HOME, Names, Party, is_body, office, party_key
from generator.model import Bilingual, Sentence

_COMPOSITION = compile_tolerant(
    r"(?:शिष्टमंडल|प्रतिनिधिमंडल|दल)\s+में\s+(.+?)\s+के\s+(?:राजनयिक|राजदूत|प्रतिनिधि)\S*\s+(?:भी\s+)?शामिल"
)


def reconcile(found: list[Found]) -> list[Found]:
    """Join a list of offices (``A, B और C के रक्षा मंत्रियों``) with the people named next.

    A listed office and a named person of the same country, subject and
    nearby sentence are one meeting. When the countries differ (the list says
    Kazakhstan, the name is Kyrgyzstan's minister), the named person wins and
    the meeting carries a note quoting both.
    """
    offices = [f for f in found if f.listed and not f.others[0].person]
    named = [f for f in found if f.others[0].person]
    absorbed: set[int] = set()
    joined: dict[int, Found] = {}
    reported = Counter(_pair(f) for f in found)

    def near(o: Found, n: Found) -> bool:
        same_subject = (
            o.subject
            and n.subject
            and party_key(o.subject.participant) == party_key(n.subject.participant)
        )
        return bool(same_subject) and 0 < n.sentence - o.sentence <= 2 and id(n) not in joined

    for strict in (True, False):
        for o in offices:
            if id(o) in absorbed:
                continue
            target = o.others[0].participant
            for n in named:
                person = n.others[0].participant
                if not near(o, n) or (strict and person.country_id != target.country_id):
                    continue
                if not strict and (
                    reported[_pair(n)] > 1 or not _same_role(person.role, target.role)
                ):
                    continue  # a person met elsewhere too is not the one the list got wrong
                notes = () if strict else (_list_note(o.others[0], n.others[0]),)
                joined[id(n)] = dataclasses.replace(
                    n,
                    kind=o.kind,
                    sentence=o.sentence,
                    sentences=(n.sentence,),
                    occasion=o.occasion or n.occasion,
                    notes=n.notes + notes,
                )
                absorbed.add(id(o))
                break
    return [joined.get(id(f), f) for f in found if id(f) not in absorbed]


def _pair(f: Found) -> tuple[str, ...]:
    subject = (party_key(f.subject.participant),) if f.subject else ()
    return subject + tuple(party_key(p.participant) for p in f.others)


def _same_role(a: Bilingual, b: Bilingual) -> bool:
    return not (a.en and b.en) or a.en == b.en


def _list_note(listed: Party, person: Party) -> Bilingual:
    """The note shown when a list names one country and the person is of another."""
    was, now = listed.participant.country, person.participant.country
    role = person.participant.role
    return Bilingual(
        f"स्रोत की सूची “{listed.group}” में {was.hi or was.en} है, पर नाम “{person.group}” का दिया"
        f" गया है; बैठक {now.hi or now.en} के साथ दर्ज की गई है।",
        f"The source lists “{listed.group}” ({was.en or was.hi}) but names “{person.group}”"
        f" ({role.en or 'office-holder'} of {now.en or now.hi}); the meeting is recorded with"
        f" {now.en or now.hi}, the country of the person named.",
    )


def expand_bodies(
    found: list[Found], sentences: Sequence[Sentence], scans: Sequence[Scan], gaz: Names
) -> list[Found]:
    """``शिष्टमंडल में A, B और C के राजनयिक शामिल हैं``: the body's countries, one office each."""
    for s, scan in zip(sentences, scans, strict=True):
        listed = _COMPOSITION.search(s.text)
        if not listed:
            continue
        countries = [
            m.entity.id
            for m in scan.mentions
            if m.entity.type == "country" and listed.start(1) <= m.start < listed.end(1)
        ]
        at = next(
            (
                i
                for i in range(len(found) - 1, -1, -1)
                if 0 <= s.index - found[i].sentence <= 5
                and any(is_body(p) for p in participants_of(found[i]))
            ),
            None,
        )
        if at is None or not countries:
            continue
        body = next(party_key(p) for p in participants_of(found[at]) if is_body(p))
        role = Bilingual("राजनयिक", "diplomat")
        offices = [
            Party(0, 0, office(gaz, c, role), False, listed.group(0))
            for c in dict.fromkeys(countries)
        ]
        f = found[at]
        parties = [f.subject, *f.others] if f.subject else list(f.others)
        expanded = [
            q for p in parties for q in (offices if party_key(p.participant) == body else [p])
        ]
        found[at] = dataclasses.replace(
            f,
            subject=expanded[0],
            others=tuple(expanded[1:]),
            sentences=(*f.sentences, s.index),
            aliases=f.aliases | {body},
        )
    return found


def absorb_visits(found: list[Found]) -> list[Found]:
    """A visit with an assumed host is part of the visitor's meeting in the same report.

    The nearest meeting (before or after, or an earlier such visit) that includes
    every visitor and has the same tense takes the visit's sentence as evidence;
    a visit with no such meeting stands on its own.
    """
    absorbed: set[int] = set()
    for i, f in enumerate(found):
        if not f.hosted:
            continue
        visitor = {party_key(p) for p in participants_of(f)[:-1]}
        candidates = [
            j
            for j, g in enumerate(found)
            if j != i
            and j not in absorbed
            and (not g.hosted or j < i)
            and g.future == f.future
            and visitor <= {party_key(p) for p in participants_of(g)} | g.aliases
        ]
        if candidates:
            j = min(candidates, key=lambda j: (abs(found[j].sentence - f.sentence), j))
            g = found[j]
            found[j] = dataclasses.replace(
                g,
                sentences=(*g.sentences, f.sentence),
                place=g.place or f.place,
                occasion=g.occasion or f.occasion,
            )
            absorbed.add(i)
    return [f for i, f in enumerate(found) if i not in absorbed]


def carry_places(found: list[Found]) -> list[Found]:
    """A foreign visitor's meetings with no place of their own are where their last one was,
    on the same occasion unless they name their own."""
    carried: list[Found] = []
    for f in found:
        visitors = {party_key(p) for p in participants_of(f) if p.country_id not in (None, HOME)}
        if f.place is None and f.kind != "call":
            earlier = next(
                (
                    g
                    for g in reversed(carried)
                    if g.place and visitors & {party_key(p) for p in participants_of(g)}
                ),
                None,
            )
            if earlier:
                f = dataclasses.replace(
                    f, place=earlier.place, occasion=f.occasion or earlier.occasion
                )
        carried.append(f)
    return carried
