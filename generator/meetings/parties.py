"""Noun phrases as parties: ``[countries] [role] [person]`` read from the names stage's mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator.meetings.patterns import compile_tolerant
from generator.meetings.sides import HOME, Names, Party, country_name, office
from generator.model import Bilingual, Entity, Mention, Participant

_TITLES = frozenset(
    """के की का श्री श्रीमती सुश्री डॉ डॉक्टर डा प्रो महामहिम माननीय भी लेफ्टिनेंट जनरल मेजर
    एडमिरल वाइस रियर एयर चीफ मार्शल कर्नल ब्रिगेडियर कैप्टन कमोडोर""".split()
)


# Words that end a noun phrase: between them, two mentions are separate parties.
_BREAK = frozenset(
    """ने से को में पर और तथा एवं व या है हैं था थे थी कि लिए साथ बीच द्वारा तक ओर आज कल
    जो जिन्होंने उन्होंने हुए हुई किया कहा""".split()
)


_MEMBER_STATES = compile_tolerant(r"^\s*(?:में|के)\s+सदस्य\s+(?:देशों|राष्ट्रों)\s+के\s*$")
_PARENTHESIS = re.compile(r"\([^)]*\)")


_OPEN_PARENTHESIS = re.compile(r"^\s*\([^)]*$")


_LIST_GLUE = re.compile(r"^\s*(?:,|;|और|तथा|एवं|व)\s*$")


_PLURAL_OFFICE = compile_tolerant(
    r"\s*(?:के|की)\s+((?:[\u0900-\u0963\u0966-\u097f]+\s+)?[\u0900-\u0963\u0966-\u097f]+(?:ियों|ों))"
)


_DIPLOMATS = compile_tolerant(r"(?:विदेशी\s+)?(?:राजनयिकों|राजनयिक)(?![\u0900-\u0963\u0966-\u097f])")


_DIPLOMAT_BODY = Participant(None, None, Bilingual("राजनयिक", "diplomats"), Bilingual(), None)


def _is_rank(gaz: Names, entity: Entity) -> bool:
    is_rank = getattr(gaz, "is_rank", None)
    return bool(is_rank(entity.id)) if callable(is_rank) else False


def _plural_role(gaz: Names, words: str) -> Bilingual:
    """The office a plural like ``रक्षा मंत्रियों`` names, in the singular."""
    for singular in (re.sub("ियों$", "ी", words), re.sub("ों$", "", words)):
        known = gaz.lookup(singular)
        if known and known.type == "role":
            return known.name
    return Bilingual(words, None)


def read_parties(
    text: str, mentions: Sequence[Mention], gaz: Names, skip: Sequence[tuple[int, int]]
) -> list[Party]:
    """The sides a sentence names: people, offices held for a country or body, bare countries."""
    found: list[Party] = []
    group: list[Mention] = []

    def close() -> None:
        if group:
            found.extend(_read_group(text, group, gaz))
            group.clear()

    last_end = -1
    for m in mentions:
        if m.start < last_end or any(a <= m.start < b for a, b in skip):
            continue
        if group and _OPEN_PARENTHESIS.match(text[group[-1].end : m.start]):
            continue  # an aside: शंघाई सहयोग संगठन (एससीओ), अध्यक्ष (प्रधानमंत्री के समकक्ष)
        if group:
            gap = text[group[-1].end : m.start]
            joined = _glued(gap) or (
                _LIST_GLUE.match(gap)
                and group[-1].entity.type in ("country", "organisation")
                and m.entity.type in ("country", "organisation")
            )
            after_office = group[-1].entity.type in ("role", "person", "ministry")
            if (
                not joined
                or group[-1].entity.type == "person"
                or (after_office and m.entity.type in ("country", "organisation"))
            ):
                close()
        group.append(m)
        last_end = m.end
    close()
    return sorted(found + _groups(text, found), key=lambda p: p.start)


def _groups(text: str, found: Sequence[Party]) -> list[Party]:
    """Foreign diplomats named only as a body (``15 विदेशी राजनयिकों का दल``)."""
    extra: list[Party] = []
    if "राजनयिक" not in text:
        return extra
    for m in _DIPLOMATS.finditer(text):
        if not any(
            (p.start < m.end() and m.start() < p.end)  # already read, as a role
            or (p.end <= m.start() and not text[p.end : m.start()].strip())
            for p in found
        ):
            extra.append(Party(m.start(), m.end(), _DIPLOMAT_BODY, False, m.group(0)))
    return extra


@lru_cache(maxsize=4096)  # the same few gaps (" के ", ", ") recur between mentions
def _glued(gap: str) -> bool:
    """Whether two mentions with ``gap`` between them belong to one noun phrase.

    Titles, ranks and genitives glue (``रूस के रक्षा मंत्री श्री``), asides in
    parentheses are ignored, and up to two other words may stand between
    (``स्पेन की सरकार के अध्यक्ष``) unless one of them ends a phrase.
    """
    if gap.strip() == ",":
        return True  # रक्षा मंत्री, लेफ्टिनेंट जनरल ...
    if _MEMBER_STATES.match(gap):
        return True  # नाटो के सदस्य देशों के रक्षा मंत्री: the body's ministers
    words = _PARENTHESIS.sub(" ", gap).replace(".", " ").split()
    free = [w for w in words if w.strip("()-–") and w not in _TITLES]
    return len(free) <= 2 and not any(w in _BREAK or not _is_word(w) for w in free)


def _is_word(word: str) -> bool:
    return all("\u0900" <= ch <= "\u0963" or "\u0966" <= ch <= "\u097f" for ch in word)


def _read_group(text: str, group: Sequence[Mention], gaz: Names) -> list[Party]:
    """Parties of one noun phrase: ``[countries] [role] [person]``."""
    places = [m for m in group if m.entity.type in ("country", "organisation")]
    roles = [m for m in group if m.entity.type == "role" and not _is_rank(gaz, m.entity)]
    people = [m for m in group if m.entity.type == "person"]
    start, end = group[0].start, group[-1].end
    words = text[start:end]
    if people:
        person = people[0].entity
        country_id = places[-1].entity.id if places else person.country
        role = roles[-1].entity.name if roles else person.role
        grounded = bool(country_id)
        if not country_id and (role.en or role.hi):
            country_id = HOME
        participant = Participant(
            person.id, person.name, role, country_name(gaz, country_id), country_id
        )
        return [Party(start, end, participant, True, words, grounded)]
    if roles and not places and _is_plural(roles[-1].text):
        group_role = roles[-1].entity.name  # राजदूतों: a body of envoys, country unknown
        return [Party(start, end, office(gaz, None, group_role), False, words)]
    if roles:
        ids = [p.entity.id for p in places] or [HOME]
        return [Party(start, end, office(gaz, c, roles[-1].entity.name), False, words) for c in ids]
    plural = _PLURAL_OFFICE.match(text, end)
    if places and plural:
        role = _plural_role(gaz, plural.group(1))
        end = plural.end()
        return [
            Party(start, end, office(gaz, p.entity.id, role), False, text[start:end])
            for p in places
        ]
    return [Party(start, end, office(gaz, p.entity.id, Bilingual()), False, words) for p in places]


def _is_plural(word: str) -> bool:
    return word.endswith(("ों", "यों"))
