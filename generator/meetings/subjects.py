"""Who acts in a clause, and whom an office or a lone surname stands for in the article."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from generator.meetings.patterns import OBJECT, compile_tolerant
from generator.meetings.sides import Party, office_key
from generator.model import Participant

_RELATED = compile_tolerant(r"\s*से\s+(?:संबंधित|संबंधी|जुड़े|जुड़ी|जुड़ा|जुडे|जुडी)")


_PRONOUN = compile_tolerant(r"(?:^|\s)(?:उन्होंने|उसने|वे|वह|उनकी|उनका|उनके|दोनों\s*नेताओं)(?=\s)")


_MEETING_NOUN = r"(?:मुलाकात|भेंट|बातचीत|वार्ता|बैठक|यात्रा|दौर|आगमन|फोन|टेलीफोन)"


SUBJECT_MARK = compile_tolerant(
    rf"^\s*(?:\([^)]*\)\s*)?(?:ने(?=\s)|(?:की|का)\s+(?!{_MEETING_NOUN})(?:\S+\s+){{0,3}}?{_MEETING_NOUN})"
)


_AGENT_MARK = compile_tolerant(r"^\s*(?:\([^)]*\)\s*)?ने(?=\s)")


_NEAR_AGENT = compile_tolerant(r"^(?:\s*[\u0900-\u0963\u0966-\u097f.]+){1,5}?\s+ने(?=\s)")


# A party followed by a genitive and nouns that are no office or meeting is a possessor:
# सुलेमानी की हत्या, ऑस्ट्रेलिया की आग (but not भारत के प्रधानमंत्री, मंगोलिया की भारत यात्रा).
_GENITIVE = compile_tolerant(r"^\s*(?:की|का|के)\s+((?:\S+\s*){1,4})")


_HEADS = compile_tolerant(
    rf"{_MEETING_NOUN}|साथ|बीच|नेतृत्व|अध्यक्षता|प्रति|समकक्ष|मंत्र|सचिव|राजदूत|राजनयिक|उच्चायुक्त"
    r"|राष्ट्रपति|प्रधान|महा|सेना|प्रमुख|अध्यक्ष|शिष्टमंडल|प्रतिनिधि|दल|नरेश|महारानी|सम्राट|स्वागत|भागीदारी|उपस्थिति"
)


def choose_subject(
    text: str, clause: tuple[int, int], found: Sequence[Party], actor: Party | None
) -> Party | None:
    """Who acts in a clause: the party marked with ने/की, else a pronoun's referent, else the first."""
    for mark in (_AGENT_MARK, SUBJECT_MARK):
        for p in found:
            if mark.match(text[p.end :]):
                return p
    for p in found:  # यूरोपीय संघ के विदेश नीति प्रमुख (an unrecognised name) ने
        if _NEAR_AGENT.match(text[p.end : clause[1]]):
            return p
    lead = text[clause[0] : found[0].start] if found else text[clause[0] : clause[1]]
    if actor and (_PRONOUN.search(lead) or not found):
        return actor
    free = [p for p in found if not OBJECT.match(text[p.end :])]
    named = [p for p in free if p.person or p.participant.role.en or p.participant.role.hi]
    if named:
        return named[0]
    between = len(found) > 1 and "के बीच" in text[found[0].end : clause[1]]
    return free[0] if free and (between or actor is None) else actor


def _fold(word: str) -> str:
    """A surname's spelling key: nukta, vowel length and nasal spellings folded (ट्रम्प = ट्रंप)."""
    word = re.sub("[ङञणनम]\u094d(?=[\u0915-\u0939])", "\u0902", word.replace("\u093c", ""))
    return word.translate(_VOWEL_FOLD)


_VOWEL_FOLD = str.maketrans({"ी": "ि", "ू": "ु", "ँ": "ं", "ॉ": "ो", "ऑ": "ओ"})


def registry_of(scans: Sequence[list[Party]]) -> dict[str, Participant]:
    """The people an article names, by office (country and role) and by surname.

    People whose country the text or the gazetteer gives come first, so a
    misread name behind a bare title does not stand for an office.
    """
    known: dict[str, Participant] = {}
    for grounded in (True, False):
        for parties in scans:
            for p in parties:
                if not (p.person and p.grounded == grounded and p.participant.name):
                    continue
                if p.participant.role.en or p.participant.role.hi:
                    known.setdefault(office_key(p.participant), p.participant)
                words = (p.participant.name.hi or "").split()
                if len(words) > 1:
                    known.setdefault("surname:" + _fold(words[-1]), p.participant)
    return known


def as_known(party: Party, known: dict[str, Participant]) -> Party:
    """An office-only party, or an ungrounded surname, as the person the article names."""
    p = party.participant
    if party.person and not party.grounded and p.name and p.name.hi and " " not in p.name.hi:
        earlier = known.get("surname:" + _fold(p.name.hi))
        return dataclasses.replace(party, participant=earlier, grounded=True) if earlier else party
    if party.person or not (p.role.en or p.role.hi):
        return party
    earlier = known.get(office_key(p))
    return dataclasses.replace(party, participant=earlier, person=True) if earlier else party


def possessor(text: str, end: int) -> bool:
    """Whether the phrase ending at ``end`` only owns or names a topic (सुलेमानी की हत्या,
    अफगानिस्तान से संबंधित मामले)."""
    if _RELATED.match(text, end):
        return True
    genitive = _GENITIVE.match(text[end : end + 60])
    return genitive is not None and not _HEADS.search(genitive.group(1))
