"""Meetings: who met whom, when, where, about what, from Hindi news sentences.

A sentence reports a meeting when it holds a trigger (``मुलाकात की``, ``फोन पर
बातचीत``, ``द्विपक्षीय वार्ता``, ``मिलेंगे``, ``का स्वागत किया`` ...). The text up to
each trigger is one clause (several meetings in one sentence are several
clauses); its parties are read from the names stage's mentions as noun phrases
``[countries] [role] [person]``. Conventions, all general rules:

* Direction does not matter; the subject is the party marked by ``ने`` (or a
  pronoun's referent, or the speaker of ``X ने कहा कि ...``), the rest are
  counterparts. A bilateral clause with several counterparts gives one meeting
  per counterpart; compatriots of the subject stay on the subject's side.
* An office without a name is kept by office (``रूसी रक्षा मंत्री``), or becomes
  the person the article names in that office; a role without a country is
  the home country's (:data:`HOME`, these are Indian news reports).
* All parties of one country: domestic, dropped. Press, letters and speeches
  are no triggers. Future tense (``मिलेंगे``, invitations) is kept, marked future.
* A visitor arriving with no host named visits the home country, and that
  visit is folded into the visitor's meeting in the same report.
* A list of offices (``A, B और C के रक्षा मंत्रियों``) takes the people named
  next; when their countries differ, the person named wins and a note quotes
  the source.
* A body of foreign envoys is one side; a sentence listing its countries
  turns it into one office per country.

Dates come from :mod:`generator.dates`, topics from :mod:`generator.topics`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from generator import dates, topics
from generator.model import Bilingual, Entity, Meeting, Mention, Participant, Sentence

__all__ = ["extract", "merge", "to_record"]

HOME = "country/india"  # the country of office holders the text gives no country for
_CAPITAL = "नई दिल्ली"


class Names(Protocol):
    """What this stage asks of the gazetteer."""

    def entity(self, id: str) -> Entity | None: ...

    def lookup(self, hindi: str) -> Entity | None: ...


def _tolerant(pattern: str) -> str:
    """``pattern`` with an optional nukta after every Devanagari consonant."""
    return re.sub("([\u0915-\u0939])", "\\1\u093c?", pattern)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_tolerant(pattern))


_FROM = r"से(?!\s+(?:संबंधित|संबंधी|जुड़े|जुड़ी|जुड़ा|जुडे|जुडी|लौटे|आए|आने|प्राप्त))"  # not "related to"
_V = r"(?:\s*(?:भी|आज|फिर)\s*)?"  # a particle between noun and verb
_DO = r"(?:की|कीं|किया|किए|किये|हुई|हुईं|हुआ|होगी|होगा|होंगी|होंगे|करेंगे|करेंगी|करेगा|करेगी|कर\s*रहे|कर\s*रही|करने)"
_NOT_PASSIVE = r"(?!\s*(?:गया|गई|गयी|गए|गये|जाएगा|जाएगी|जाएंगे))"
_MEDIUM = r"(?:टेलीफोन|टेलिफोन|फोन|दूरभाष|वीडियो\s*(?:कॉन्फ्रेंस|कांफ्रेंस|कॉन्फ्रेंसिंग|कॉल)|वर्चुअल)"
_SPEECH = r"(?:बातचीत|बात|वार्ता|वार्तालाप|चर्चा)"
_RELATED = _compile(r"\s*से\s+(?:संबंधित|संबंधी|जुड़े|जुड़ी|जुड़ा|जुडे|जुडी)")
_OBJECT = _compile(r"\s*(?:से|के\s*साथ|को)(?=\s)")
_WELCOMED = _compile(r"^\s*(?:का|की)\s+(?:\S+\s+){0,3}?$")
_MEDIUM_WORD = re.compile(_tolerant(_MEDIUM))
# Triggers in priority order: (pattern, kind). Matches never overlap.
_TRIGGERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_compile(p), kind)
    for p, kind in (
        (
            rf"{_MEDIUM}\s*(?:के\s*(?:जरिए|जरिये|माध्यम\s*से)|पर)\s*(?:\S+\s+){{0,2}}?{_SPEECH}(?:\s*{_DO})?",
            "call",
        ),
        (
            rf"{_MEDIUM}\s*(?:के\s*(?:जरिए|जरिये|माध्यम\s*से)|पर)\s*(?:\S+\s+){{0,6}}?"
            r"(?:बधाई|शुभकामनाएं|शुभकामनाएँ|धन्यवाद|संवेदना)\S*\s*(?:दी|दीं|व्यक्त\s*की)",
            "call",
        ),
        (r"(?:फोन|टेलीफोन)\s*(?:भी\s*)?(?:किया|करके|कर\s*के)", "call"),
        (
            r"शिखर\s*(?:सम्मेलन|बैठक|वार्ता)\S*\s*(?:\S+\s+){0,2}?(?:में\s*)?(?:भाग|हिस्सा)\s*(?:लिया|लेंगे|लेंगी|लेगा)",
            "summit",
        ),
        (rf"शिखर\s*(?:सम्मेलन|बैठक|वार्ता)\S*{_V}\s*{_DO}{_NOT_PASSIVE}", "summit"),
        (
            r"शिखर\s*(?:सम्मेलन|बैठक)\S*\s*(?:का|की)\s*(?:आयोजन|सह-अध्यक्षता|अध्यक्षता)\s*(?:किया|की|करेंगे)",
            "summit",
        ),
        (r"(?:सम्मेलन|बैठक)\S*\s*में\s*(?:भाग|हिस्सा)\s*(?:लिया|लेंगे|लेंगी|लेगा|ले\s*रहे)", "multilateral"),
        (rf"(?:आपात|आपातकालीन)?\s*बैठक\S*{_V}\s*कर\s*रहे", "multilateral"),
        (
            rf"(?:द्विपक्षीय|त्रिपक्षीय|प्रतिनिधिमंडल\s*स्तर\S*)\s*(?:वार्ता|बातचीत)\S*{_V}\s*{_DO}{_NOT_PASSIVE}",
            "talks",
        ),
        (rf"(?:द्विपक्षीय|त्रिपक्षीय)\s*बैठक\S*{_V}\s*{_DO}{_NOT_PASSIVE}", "meeting"),
        (rf"(?:मुलाकात|मुलाक़ात|भेंट|भेंटवार्ता){_V}\s*{_DO}{_NOT_PASSIVE}", "meeting"),
        (rf"(?:से|के\s*साथ|के\s*बीच)\s+(?:\S+\s+){{0,2}}?बैठक\S*{_V}\s*{_DO}{_NOT_PASSIVE}", "meeting"),
        (
            rf"(?:{_FROM}|के\s*साथ){_V}\s*(?:मिले|मिलीं|मिलेंगे|मिलेंगी|मिलेगा|मिलेगी)(?![\u0900-\u0963\u0966-\u097f])",
            "meeting",
        ),
        (r"(?<=\s)(?:मिलेंगे|मिलेंगी)(?=\s*(?:।|$))", "meeting"),
        (rf"(?:वार्ता|वार्तालाप|विचार-विमर्श|विचार\s*विमर्श){_V}\s*{_DO}{_NOT_PASSIVE}", "talks"),
        (
            rf"(?:{_FROM}|के\s*साथ)\s+(?:\S+\s+){{0,8}}?(?:बातचीत|बात){_V}\s*{_DO}{_NOT_PASSIVE}",
            "call",
        ),
        (rf"के\s*बीच\s+(?:\S+\s+){{0,8}}?(?:बातचीत|बात){_V}\s*{_DO}{_NOT_PASSIVE}", "talks"),
        (
            rf"(?:{_FROM}|के\s*साथ)\s+(?:\S+\s+){{0,8}}?(?:चर्चा|विचारों\s*का\s*आदान-प्रदान){_V}\s*{_DO}{_NOT_PASSIVE}",
            "talks",
        ),
        (r"(?:वार्ता|बातचीत)\s+(?:\S+\s+)?शुरू\s*(?:होगी|हुई|होने|की|करेंगे)", "talks"),
        (r"तलब\s*(?:किया|किए|किये|करेंगे)", "meeting"),
        (r"अवगत\s*(?:कराया|कराएंगे)|जानकारी\s*दी(?![\u0900-\u0963\u0966-\u097f])", "meeting"),
        (r"आमंत्रित\s*(?:किया|किए|किये|करेंगे)|(?:स्वागत)\s*(?:किया|करेंगे)(?=\s*(?:।|$))", "visit"),
        (r"आगमन\s*(?:की\s*प्रतीक्षा|का\s*इंतजार)", "visit"),
        (
            r"(?:की|का)\s+(?:[\u0900-\u0963\u0966-\u097f]+\s+)?(?:राजकीय\s+)?(?:यात्रा|दौरे)\s+के\s+दौरान",
            "visit",
        ),
        (r"(?:निमंत्रण|न्योता|न्यौता)\s*(?:भी\s*)?(?:दिया|दी)", "visit"),
        (
            r"(?:यात्रा|दौरे)\s*पर\s*(?:\S+\s+){0,3}?(?:पहुंचे|पहुँचे|पहुंचीं|आए|आएंगे|आएंगी|जाएंगे|जाएंगी|रवाना|हैं|है)",
            "visit",
        ),
        (
            r"(?:यात्रा|दौरा)\s*(?:भी\s*)?(?:की|करेंगे|करेंगी|करेगा|करेगी|किया)(?![\u0900-\u0963\u0966-\u097f])",
            "visit",
        ),
        (
            r"(?<=\s)(?:पहुंचे|पहुँचे|पहुंचीं|पहुंचेंगे|पहुंचेंगी|जाएंगे|जाएंगी|रवाना\s*(?:हुए|होंगे|हो\s*गए))"
            r"(?![\u0900-\u0963\u0966-\u097f])",
            "visit",
        ),
    )
)
_FUTURE = _compile(
    r"ेंगे|ेंगी|ेगा|ेगी|होगी|होगा|होंगे|होंगी|जाएंगे|आएंगे|करने\s*वाले|होने\s*वाल|आमंत्रित|निमंत्रण|न्योता|न्यौता|प्रतीक्षा|इंतजार"
)
_NOT_A_MEETING = _compile(
    rf"(?:संवाददाताओं|संवाददाता|पत्रकारों|मीडिया|प्रेस|लोगों|जनता|छात्रों|किसानों|कार्यकर्ताओं)\s*(?:{_FROM}|के\s*साथ)\s*$"
    r"|(?:संवाददाता|प्रेस|पत्रकार)\s*$|पत्र\s*(?:लिख|भेज)|संबोधित"
)
_PRONOUN = _compile(r"(?:^|\s)(?:उन्होंने|उसने|वे|वह|उनकी|उनका|उनके|दोनों\s*नेताओं)(?=\s)")
_MEETING_NOUN = r"(?:मुलाकात|भेंट|बातचीत|वार्ता|बैठक|यात्रा|दौर|आगमन|फोन|टेलीफोन)"
_SUBJECT_MARK = _compile(
    rf"^\s*(?:\([^)]*\)\s*)?(?:ने(?=\s)|(?:की|का)\s+(?!{_MEETING_NOUN})(?:\S+\s+){{0,3}}?{_MEETING_NOUN})"
)
_AGENT_MARK = _compile(r"^\s*(?:\([^)]*\)\s*)?ने(?=\s)")
_NEAR_AGENT = _compile(r"^(?:\s*[\u0900-\u0963\u0966-\u097f.]+){1,5}?\s+ने(?=\s)")
# A party followed by a genitive and nouns that are no office or meeting is a possessor:
# सुलेमानी की हत्या, ऑस्ट्रेलिया की आग (but not भारत के प्रधानमंत्री, मंगोलिया की भारत यात्रा).
_GENITIVE = _compile(r"^\s*(?:की|का|के)\s+((?:\S+\s*){1,4})")
_HEADS = _compile(
    rf"{_MEETING_NOUN}|साथ|बीच|नेतृत्व|अध्यक्षता|प्रति|समकक्ष|मंत्र|सचिव|राजदूत|राजनयिक|उच्चायुक्त"
    r"|राष्ट्रपति|प्रधान|महा|सेना|प्रमुख|अध्यक्ष|शिष्टमंडल|प्रतिनिधि|दल|नरेश|महारानी|सम्राट|स्वागत"
)
_TITLES = frozenset(
    """के की का श्री श्रीमती सुश्री डॉ डॉक्टर डा प्रो महामहिम माननीय भी लेफ्टिनेंट जनरल मेजर
    एडमिरल वाइस रियर एयर चीफ मार्शल कर्नल ब्रिगेडियर कैप्टन कमोडोर""".split()
)
# Words that end a noun phrase: between them, two mentions are separate parties.
_BREAK = frozenset(
    """ने से को में पर और तथा एवं व या है हैं था थे थी कि लिए साथ बीच द्वारा तक ओर आज कल
    जो जिन्होंने उन्होंने हुए हुई किया कहा""".split()
)
_PARENTHESIS = re.compile(r"\([^)]*\)")
_OPEN_PARENTHESIS = re.compile(r"^\s*\([^)]*$")
_LIST_GLUE = re.compile(r"^\s*(?:,|;|और|तथा|एवं|व)\s*$")
_PLURAL_OFFICE = _compile(
    r"^\s*(?:के|की)\s+((?:[\u0900-\u0963\u0966-\u097f]+\s+)?[\u0900-\u0963\u0966-\u097f]+(?:ियों|ों))"
)
_OCCASION = _compile(
    r"\s+(?:(से\s+इतर)|(के\s+दौरान)|(के\s+समापन\s+पर)|(के\s+अवसर\s+पर)|(के\s+मौके\s+पर))"
)
_OCCASION_EN = (
    "on the sidelines of",
    "during",
    "at the conclusion of",
    "on the occasion of",
    "on the occasion of",
)
_OCCASION_STOP = _compile(r"^(?:ने|को|से|में|पर|और|तथा|भी|आज|कल|।|,|कि|जो|बाद|साथ)$")
_EVENT_NOUN = _compile(r"बैठक|सम्मेलन|शिखर|समारोह|सत्र|मंच|फोरम|अभ्यास|वार्ता|संवाद|परेड|उत्सव")
_DEMONSTRATIVE = _compile(r"^(?:इस|इसी|उस|उसी|इन|उन|यह|पिछली|अगली)$")
_OCCASION_GLOSS = {
    "बैठक": "Meeting", "सम्मेलन": "Conference", "शिखर": "Summit", "रक्षा": "Defence",
    "विदेश": "Foreign", "मंत्रियों": "Ministers'", "समारोह": "Ceremony", "सत्र": "Session",
    "संस्कृति": "Culture", "संयुक्त": "Joint", "सैन्य": "Military", "अभ्यास": "Exercise",
    "वार्षिक": "Annual", "परिषद": "Council", "राष्ट्राध्यक्षों": "Heads of State",
    "गणतंत्र": "Republic", "दिवस": "Day", "वार्ता": "Dialogue", "संवाद": "Dialogue",
}  # fmt: skip
_DISCUSSION = _compile(r"चर्चा|बातचीत|वार्ता|विचार|मुद्द|सहयोग|समीक्षा|संबंध|साझेदारी|शुभकामना|संवेदना|बधाई")
_DATELINE = re.compile(
    r"^([\u0900-\u0963\u0966-\u097f]+(?:\s+[\u0900-\u0963\u0966-\u097f]+)?)\s*[।:,]"
)
_BARE_SIDE = _compile(
    rf"^(?:\s+(?!ने\s|को\s)[\u0900-\u0963\u0966-\u097f]+){{0,3}}?\s*(?:के\s+बीच|के\s+साथ|{_FROM}\s)"
    r"|^\s*(?:का\s+दौरा|की\s+यात्रा|यात्रा|आगमन)"
)
_CLAUSE_END = re.compile(r"\s(?:और|तथा|लेकिन|जबकि)\s|[,;।]")
_AT_PLACE = _compile(r"\s*(?:में|पहुंचे|पहुँचे|पहुंचीं|पहुंचेंगे)(?![\u0900-\u0963\u0966-\u097f])")
_GATHERING = {"शिखर": "summit", "सम्मेलन": "multilateral", "बैठक": "multilateral"}
_REPORTED = _compile(r"(?:कहा|बताया)(?:\s+है)?(?:\s+कि\s|\s*[,:]\s*)")
_DIPLOMATS = _compile(r"(?:विदेशी\s+)?(?:राजनयिकों|राजनयिक)(?![\u0900-\u0963\u0966-\u097f])")
_DIPLOMAT_BODY = Participant(None, None, Bilingual("राजनयिक", "diplomats"), Bilingual(), None)
_COMPOSITION = _compile(
    r"(?:शिष्टमंडल|प्रतिनिधिमंडल|दल)\s+में\s+(.+?)\s+के\s+(?:राजनयिक|राजदूत|प्रतिनिधि)\S*\s+(?:भी\s+)?शामिल"
)
_ARRIVAL = ("पहुं", "पहुँ", "जाएं", "रवाना")
_BRIEFING = ("अवगत", "जानकारी")
_BILATERAL = frozenset({"meeting", "talks", "call", "visit"})


@dataclass(frozen=True)
class _Party:
    """One side found in a clause, with where it sits in the sentence."""

    start: int
    end: int
    participant: Participant
    person: bool
    group: str  # the words of the phrase it was read from
    grounded: bool = True  # False when the country is only the HOME default


@dataclass(frozen=True)
class _Found:
    """A meeting before ids, dates and merging: its sentence and clause."""

    sentence: int
    kind: str
    future: bool
    subject: _Party | None
    others: tuple[_Party, ...]
    occasion: Bilingual | None
    place: Bilingual | None
    listed: bool  # one of several counterparts named in one clause
    sentences: tuple[int, ...] = ()  # evidence beyond ``sentence``
    notes: tuple[Bilingual, ...] = ()
    hosted: bool = False  # a visit whose host is only assumed (the home country)
    aliases: frozenset[str] = frozenset()  # keys of bodies replaced by their members
    when: str = ""  # the clause, read first for its time words


def _country(gaz: Names, country_id: str | None) -> Bilingual:
    if not country_id:
        return Bilingual()
    known = gaz.entity(country_id)
    if known:
        return known.name
    return Bilingual(None, country_id.split("/", 1)[-1].replace("-", " ").title())


def _office_key(p: Participant) -> str:
    """An office and whom it is held for: ``country/france#defence-minister``."""
    role = re.sub(r"[^\w]+", "-", (p.role.en or p.role.hi or "").lower()).strip("-")
    return f"{p.country_id or 'body'}#{role}"


def _key(p: Participant) -> str:
    """What identifies a participant: its entity, or its office and country."""
    return p.entity_id or _office_key(p)


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


def _parties(
    text: str, mentions: Sequence[Mention], gaz: Names, skip: Sequence[tuple[int, int]]
) -> list[_Party]:
    """The sides a sentence names: people, offices held for a country or body, bare countries."""
    found: list[_Party] = []
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


def _groups(text: str, found: Sequence[_Party]) -> list[_Party]:
    """Foreign diplomats named only as a body (``15 विदेशी राजनयिकों का दल``)."""
    extra: list[_Party] = []
    if "राजनयिक" not in text:
        return extra
    for m in _DIPLOMATS.finditer(text):
        if not any(
            p.start <= m.start() < p.end
            or (p.end <= m.start() and not text[p.end : m.start()].strip())
            for p in found
        ):
            extra.append(_Party(m.start(), m.end(), _DIPLOMAT_BODY, False, m.group(0)))
    return extra


def _glued(gap: str) -> bool:
    """Whether two mentions with ``gap`` between them belong to one noun phrase.

    Titles, ranks and genitives glue (``रूस के रक्षा मंत्री श्री``), asides in
    parentheses are ignored, and up to two other words may stand between
    (``स्पेन की सरकार के अध्यक्ष``) unless one of them ends a phrase.
    """
    if gap.strip() == ",":
        return True  # रक्षा मंत्री, लेफ्टिनेंट जनरल ...
    words = _PARENTHESIS.sub(" ", gap).replace(".", " ").split()
    free = [w for w in words if w.strip("()-–") and w not in _TITLES]
    return len(free) <= 2 and not any(w in _BREAK or not _is_word(w) for w in free)


def _is_word(word: str) -> bool:
    return all("\u0900" <= ch <= "\u0963" or "\u0966" <= ch <= "\u097f" for ch in word)


def _read_group(text: str, group: Sequence[Mention], gaz: Names) -> list[_Party]:
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
            person.id, person.name, role, _country(gaz, country_id), country_id
        )
        return [_Party(start, end, participant, True, words, grounded)]
    if roles and not places and _is_plural(roles[-1].text):
        group_role = roles[-1].entity.name  # राजदूतों: a body of envoys, country unknown
        return [_Party(start, end, _office(gaz, None, group_role), False, words)]
    if roles:
        ids = [p.entity.id for p in places] or [HOME]
        return [
            _Party(start, end, _office(gaz, c, roles[-1].entity.name), False, words) for c in ids
        ]
    plural = _PLURAL_OFFICE.match(text, end)
    if places and plural:
        role = _plural_role(gaz, plural.group(1))
        end = plural.end()
        return [
            _Party(start, end, _office(gaz, p.entity.id, role), False, text[start:end])
            for p in places
        ]
    return [
        _Party(start, end, _office(gaz, p.entity.id, Bilingual()), False, words) for p in places
    ]


def _is_plural(word: str) -> bool:
    return word.endswith(("ों", "यों"))


def _office(gaz: Names, country_id: str | None, role: Bilingual) -> Participant:
    return Participant(None, None, role, _country(gaz, country_id), country_id)


def _occasions(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, Bilingual]]:
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


_CUES = _compile(
    r"मुलाकात|भेंट|मिल|वार्ता|बात|बैठक|सम्मेलन|फोन|यात्रा|दौर|तलब|आमंत्रित|निमंत्रण|न्योता|न्यौता|स्वागत|विमर्श|आगमन|अवगत|जानकारी|चर्चा|आदान|बधाई|शुभकामना|धन्यवाद|संवेदना|पहुं|पहुँ|जाएं|रवाना"
)


def _triggers(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping trigger spans in reading order, with the kind each signals."""
    taken: list[tuple[int, int, str]] = []
    if not _CUES.search(text):
        return taken
    for pattern, kind in _TRIGGERS:
        for m in pattern.finditer(text):
            if not any(m.start() < b and a < m.end() for a, b, _ in taken):
                taken.append((m.start(), m.end(), kind))
    return sorted(taken)


def _dateline(
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


def _destination(mentions: Sequence[Mention], clause: tuple[int, int]) -> str | None:
    """The country of the last place a clause names (``मास्को पहुंचे`` → Russia)."""
    places = [
        m.entity.country
        for m in mentions
        if clause[0] <= m.start < clause[1] and m.entity.type == "place" and m.entity.country
    ]
    return places[-1] if places else None


def _place(
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


def _subject(
    text: str, clause: tuple[int, int], found: Sequence[_Party], actor: _Party | None
) -> _Party | None:
    """Who acts in a clause: the party marked with ने/की, else a pronoun's referent, else the first."""
    for mark in (_AGENT_MARK, _SUBJECT_MARK):
        for p in found:
            if mark.match(text[p.end :]):
                return p
    for p in found:  # यूरोपीय संघ के विदेश नीति प्रमुख (an unrecognised name) ने
        if _NEAR_AGENT.match(text[p.end : clause[1]]):
            return p
    lead = text[clause[0] : found[0].start] if found else text[clause[0] : clause[1]]
    if actor and (_PRONOUN.search(lead) or not found):
        return actor
    free = [p for p in found if not _OBJECT.match(text[p.end :])]
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


def _registry(scans: Sequence[list[_Party]]) -> dict[str, Participant]:
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
                    known.setdefault(_office_key(p.participant), p.participant)
                words = (p.participant.name.hi or "").split()
                if len(words) > 1:
                    known.setdefault("surname:" + _fold(words[-1]), p.participant)
    return known


def _known(party: _Party, known: dict[str, Participant]) -> _Party:
    """An office-only party, or an ungrounded surname, as the person the article names."""
    p = party.participant
    if party.person and not party.grounded and p.name and p.name.hi and " " not in p.name.hi:
        earlier = known.get("surname:" + _fold(p.name.hi))
        return dataclasses.replace(party, participant=earlier, grounded=True) if earlier else party
    if party.person or not (p.role.en or p.role.hi):
        return party
    earlier = known.get(_office_key(p))
    return dataclasses.replace(party, participant=earlier, person=True) if earlier else party


def _possessor(text: str, end: int) -> bool:
    """Whether the phrase ending at ``end`` only owns or names a topic (सुलेमानी की हत्या,
    अफगानिस्तान से संबंधित मामले)."""
    if _RELATED.match(text, end):
        return True
    genitive = _GENITIVE.match(text[end : end + 60])
    return genitive is not None and not _HEADS.search(genitive.group(1))


def _is_body(p: Participant) -> bool:
    """A group named by office without a country: foreign envoys, a delegation."""
    return p.country_id is None and p.name is None and bool(p.role.en or p.role.hi)


def _sides(parts: Iterable[Participant]) -> set[str]:
    """The countries or bodies taking part; an envoys' body is a side of its own."""
    return {
        p.country_id or f"body:{p.role.en or p.role.hi}"
        for p in parts
        if p.country_id or _is_body(p)
    }


@dataclass(frozen=True)
class _Scan:
    """What one sentence holds: its mentions, occasions, parties and triggers."""

    mentions: list[Mention]
    occasions: list[tuple[int, int, Bilingual]]
    parties: list[_Party]
    triggers: list[tuple[int, int, str]]


def _scan(
    s: Sentence, mentions: list[Mention], gaz: Names, triggers: list[tuple[int, int, str]]
) -> _Scan:
    occasions = _occasions(s.text, mentions) if triggers else []
    skip = [(a, b) for a, b, _ in occasions]
    return _Scan(mentions, occasions, _parties(s.text, mentions, gaz, skip), triggers)


def _clause_meetings(
    s: Sentence,
    scan: _Scan,
    gaz: Names,
    actor: _Party | None,
    dateline: Bilingual | None,
    known: dict[str, Participant],
) -> tuple[list[_Found], _Party | None]:
    """Meetings one sentence reports, and who it is about (for later pronouns)."""
    text = s.text
    mentions, occasions = scan.mentions, scan.occasions
    everyone = [_known(p, known) for p in scan.parties]
    marked = [p for p in everyone if p.person and _SUBJECT_MARK.match(text[p.end :])]
    first_person = next((p for p in everyone if p.person), None)
    next_actor = (
        marked[0]
        if marked
        else (first_person if first_person and first_person.start < 3 else actor)
    )
    found: list[_Found] = []
    begin = 0
    subject_of_sentence: _Party | None = None
    for start, end, kind in scan.triggers:
        clause = (begin, end)
        begin = end
        if _NOT_A_MEETING.search(text[max(clause[0], start - 40) : start]):
            continue
        fallback = subject_of_sentence or actor
        said = [m.end() for m in _REPORTED.finditer(text, clause[0], start)]
        if said:  # X ने कहा कि ...: X is who "उन्होंने" means, not a party
            speakers = [p for p in everyone if clause[0] <= p.start < said[-1]]
            fallback = _subject(text, (clause[0], said[-1]), speakers, fallback)
            clause = (said[-1], end)
        inside = [p for p in everyone if clause[0] <= p.start < end and not _possessor(text, p.end)]
        subject = _subject(text, clause, inside, fallback)
        subject_of_sentence = subject_of_sentence or subject
        if text[start:end].startswith("स्वागत") and not any(
            (p.person or p.participant.role.en) and _WELCOMED.match(text[p.end : start])
            for p in inside
        ):
            continue  # welcoming a decision is no visit; welcoming a guest is
        if text[start:end].startswith(_ARRIVAL) and not any(
            (p.person or p.participant.role.en) and not _OBJECT.match(text[p.end :]) for p in inside
        ):
            continue  # "... पहुंचे" says who arrives only through a named traveller
        if text[start:end].startswith(_BRIEFING) and not any(
            _is_body(p.participant) for p in inside
        ):
            continue  # briefing someone counts only for a body of foreign envoys
        named = [p for p in inside if p.participant.role.en or p.participant.role.hi or p.person]
        bare = [p for p in inside if p not in named]
        if kind in ("multilateral", "summit"):
            named += bare
        elif len(named) + (subject not in named) < 2:
            named += [p for p in bare if _BARE_SIDE.match(text[p.end :]) or p is subject]
        if text[start:end].startswith(("आमंत्रित", "निमंत्रण", "न्यो")):
            kind = next((k for w, k in _GATHERING.items() if w in text[clause[0] : start]), kind)
        others = tuple(
            p for p in named if subject is None or _key(p.participant) != _key(subject.participant)
        )
        tail = _CLAUSE_END.search(text, end, min(len(text), end + 30))
        future = bool(
            _FUTURE.search(text, start, tail.start() if tail else min(len(text), end + 30))
        )
        place = None if kind == "call" else _place(text, clause, mentions, dateline, gaz)
        occasion = next((o for a, b, o in occasions if a < end), None)
        everyone_here = ([subject.participant] if subject else []) + [p.participant for p in others]
        sides = _sides(everyone_here)
        arrival = not text[start:end].startswith(("स्वागत", "आमंत्रित", "निमंत्रण", "न्यो"))
        visitor = any(
            p.person or p.participant.role.en or p.participant.role.hi
            for p in ([subject] if subject else []) + inside
        )
        host = _destination(mentions, clause) or HOME
        hosted = kind == "visit" and arrival and visitor and len(sides) == 1 and host not in sides
        if hosted:  # "X is on a visit": to where it says (मास्को पहुंचे), else the home country
            others += (_Party(end, end, _office(gaz, host, Bilingual()), False, ""),)
        elif kind in ("multilateral", "summit") and others and sides - {HOME}:
            pass  # a gathering with a foreign government or an international body
        elif len(sides) < 2:
            continue  # domestic, or only one side known
        if kind in ("meeting", "talks") and _MEDIUM_WORD.search(text, clause[0], end):
            kind = "call"  # बैठक/वार्ता by video or telephone
        when = _reported(text[clause[0] : end])  # the clause's own time words, if any
        home = subject.participant.country_id if subject else None
        side = tuple(p for p in others if home and p.participant.country_id == home)
        counterparts = [p for p in others if p not in side]
        if kind in _BILATERAL and subject and len(counterparts) > 1:
            for other in counterparts:  # one meeting each; compatriots stay on the subject's side
                pair = (other, *side)
                f = _Found(s.index, kind, future, subject, pair, occasion, place, True, when=when)
                found.append(f)
        elif others:
            ordered = (*counterparts, *side)
            f = _Found(s.index, kind, future, subject, ordered, occasion, place, False, when=when)
            found.append(dataclasses.replace(f, hosted=hosted))
    return found, next_actor


def _reconcile(found: list[_Found]) -> list[_Found]:
    """Join a list of offices (``A, B और C के रक्षा मंत्रियों``) with the people named next.

    A listed office and a named person of the same country, subject and
    nearby sentence are one meeting. When the countries differ (the list says
    Kazakhstan, the name is Kyrgyzstan's minister), the named person wins and
    the meeting carries a note quoting both.
    """
    offices = [f for f in found if f.listed and not f.others[0].person]
    named = [f for f in found if f.others[0].person]
    absorbed: set[int] = set()
    joined: dict[int, _Found] = {}
    reported = Counter(_pair(f) for f in found)

    def near(o: _Found, n: _Found) -> bool:
        same_subject = (
            o.subject and n.subject and _key(o.subject.participant) == _key(n.subject.participant)
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


def _pair(f: _Found) -> tuple[str, ...]:
    subject = (_key(f.subject.participant),) if f.subject else ()
    return subject + tuple(_key(p.participant) for p in f.others)


def _same_role(a: Bilingual, b: Bilingual) -> bool:
    return not (a.en and b.en) or a.en == b.en


def _list_note(listed: _Party, person: _Party) -> Bilingual:
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


def _topics(
    evidence: Sequence[int], sentences: Sequence[Sentence], trigger_at: set[int]
) -> tuple[str, ...]:
    """Topic labels from a meeting's sentences and the discussion sentences after them."""
    texts = [sentences[i].text for i in evidence]
    last = evidence[-1]
    for s in sentences[last + 1 : last + 5]:
        if s.index in trigger_at:
            break
        if _DISCUSSION.search(s.text):
            texts.append(s.text)
    return topics.find(texts)


def extract(
    slug: str,
    published: dt.date | None,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    gaz: Names,
) -> tuple[Meeting, ...]:
    """Every meeting an article reports, in reading order, with stable ids."""
    triggers = [_triggers(s.text) for s in sentences]
    if not any(triggers):
        return ()  # most news: nothing more to read
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence, m.start, -m.end)):
        by_sentence.setdefault(m.sentence, []).append(m)
    position = {s.index: i for i, s in enumerate(sentences)}
    dateline = _dateline(
        sentences, by_sentence.get(sentences[0].index, []) if sentences else [], gaz
    )
    scans = [
        _scan(s, by_sentence.get(s.index, []), gaz, t)
        for s, t in zip(sentences, triggers, strict=True)
    ]
    known = _registry([scan.parties for scan in scans])
    actor: _Party | None = None
    found: list[_Found] = []
    for s, scan in zip(sentences, scans, strict=True):
        more, actor = _clause_meetings(s, scan, gaz, actor, dateline, known)
        found.extend(more)
    found = _absorb_visits(_expand_bodies(found, sentences, scans, gaz))
    trigger_at = {f.sentence for f in found}
    kept: dict[tuple[frozenset[str], bool], tuple[_Found, list[int]]] = {}
    for f in _reconcile(found):
        # One report of the same parties is one meeting; so is everything a body of envoys did.
        body = frozenset(_key(p) for p in _participants(f) if _is_body(p))
        key = (body or frozenset(_key(p) for p in _participants(f)), f.future)
        first, numbers = kept.get(key, (f, []))
        numbers.extend(n for n in sorted({f.sentence, *f.sentences}) if n not in numbers)
        if first is not f:
            have = {_key(p) for p in _participants(first)}
            parties = [f.subject, *f.others] if f.subject else list(f.others)
            joining = tuple(p for p in parties if _key(p.participant) not in have)
            first = dataclasses.replace(first, others=first.others + joining)
        kept[key] = (first, numbers)
    result: list[Meeting] = []
    for f, numbers in kept.values():
        at = sorted(position[n] for n in numbers)
        context = [
            x
            for x in sentences[max(0, at[0] - 2) : at[0]]
            if x.paragraph == sentences[at[0]].paragraph
        ]
        evidence = [sentences[i] for i in at]
        result.append(_meeting(slug, len(result) + 1, published, f, evidence, context))
        result[-1] = dataclasses.replace(result[-1], topics=_topics(at, sentences, trigger_at))
    return tuple(result)


def _expand_bodies(
    found: list[_Found], sentences: Sequence[Sentence], scans: Sequence[_Scan], gaz: Names
) -> list[_Found]:
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
                and any(_is_body(p) for p in _participants(found[i]))
            ),
            None,
        )
        if at is None or not countries:
            continue
        body = next(_key(p) for p in _participants(found[at]) if _is_body(p))
        role = Bilingual("राजनयिक", "diplomat")
        offices = [
            _Party(0, 0, _office(gaz, c, role), False, listed.group(0))
            for c in dict.fromkeys(countries)
        ]
        f = found[at]
        parties = [f.subject, *f.others] if f.subject else list(f.others)
        expanded = [q for p in parties for q in (offices if _key(p.participant) == body else [p])]
        found[at] = dataclasses.replace(
            f,
            subject=expanded[0],
            others=tuple(expanded[1:]),
            sentences=(*f.sentences, s.index),
            aliases=f.aliases | {body},
        )
    return found


def _absorb_visits(found: list[_Found]) -> list[_Found]:
    """A visit with an assumed host is part of the visitor's meeting in the same report.

    The nearest meeting (before or after, or an earlier such visit) that includes
    every visitor and has the same tense takes the visit's sentence as evidence;
    a visit with no such meeting stands on its own.
    """
    absorbed: set[int] = set()
    for i, f in enumerate(found):
        if not f.hosted:
            continue
        visitor = {_key(p) for p in _participants(f)[:-1]}
        candidates = [
            j
            for j, g in enumerate(found)
            if j != i
            and j not in absorbed
            and (not g.hosted or j < i)
            and g.future == f.future
            and visitor <= {_key(p) for p in _participants(g)} | g.aliases
        ]
        if candidates:
            j = min(candidates, key=lambda j: (abs(found[j].sentence - f.sentence), j))
            g = found[j]
            found[j] = dataclasses.replace(
                g, sentences=(*g.sentences, f.sentence), place=g.place or f.place
            )
            absorbed.add(i)
    return [f for i, f in enumerate(found) if i not in absorbed]


def _reported(text: str) -> str:
    """What a sentence reports after ``... ने कहा कि``: the time words there are the event's."""
    ends = [m.end() for m in _REPORTED.finditer(text)]
    return text[ends[-1] :] if ends else text


def _participants(f: _Found) -> list[Participant]:
    return ([f.subject.participant] if f.subject else []) + [p.participant for p in f.others]


def _meeting(
    slug: str,
    number: int,
    published: dt.date | None,
    f: _Found,
    evidence: Sequence[Sentence],
    context: Sequence[Sentence],
) -> Meeting:
    """A found meeting dated from its evidence (else the sentences just before it), with its id."""
    ref = dates.resolve(f.when, published, future=f.future) if f.when else None
    if ref is None:
        texts = " ".join(_reported(s.text) for s in evidence)
        ref = dates.resolve(texts, published, future=f.future)
    if ref is None and not f.future:
        ref = next((r for s in reversed(context) if (r := dates.resolve(s.text, published))), None)
    notes = f.notes
    if ref and ref.note:
        notes += (ref.note,)
    if ref and (ref.date or ref.basis == "unknown"):
        date, basis = ref.date, ref.basis
    elif f.future or published is None:
        date, basis = None, "unknown"
    else:
        date, basis = published, "publication"
    return Meeting(
        id=f"{date.isoformat() if date else 'undated'}-{slug}-{number}",
        kind=f.kind,
        date=date,
        date_basis=basis,
        future=f.future,
        place=f.place,
        occasion=f.occasion,
        topics=(),
        participants=tuple(_participants(f)),
        articles=(slug,),
        evidence=tuple(s.text for s in evidence),
        sentences=tuple(s.index for s in evidence),
        notes=notes,
    )


def _sides_of(m: Meeting) -> frozenset[str]:
    return frozenset(_sides(m.participants))


def _same_people(a: Meeting, b: Meeting) -> bool:
    """Whether two reports name the same participants: by entity, or by office where one
    report gives only the office (``रूसी रक्षा मंत्री`` = Sergei Shoigu)."""
    if len(a.participants) != len(b.participants):
        return False
    free = list(b.participants)
    for p in a.participants:
        match = next((q for q in free if _key(q) == _key(p)), None) or next(
            (
                q
                for q in free
                if (p.name is None or q.name is None) and _office_key(q) == _office_key(p)
            ),
            None,
        )
        if match is None:
            return False
        free.remove(match)
    return True


def _order(m: Meeting) -> tuple[bool, dt.date, str]:
    return (m.date is None, m.date or dt.date.min, m.id)


def _join(a: Meeting, b: Meeting) -> Meeting:
    """``a`` reported again by ``b``'s articles."""
    return dataclasses.replace(
        a,
        articles=a.articles + tuple(x for x in b.articles if x not in a.articles),
        evidence=a.evidence + tuple(x for x in b.evidence if x not in a.evidence),
        topics=a.topics + tuple(x for x in b.topics if x not in a.topics),
        notes=a.notes + tuple(x for x in b.notes if x not in a.notes),
        place=a.place or b.place,
        occasion=a.occasion or b.occasion,
    )


def _within_a_day(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and b is not None and abs((b - a).days) <= 1


def merge(meetings: Iterable[Meeting]) -> list[Meeting]:
    """One meeting per event: reports with the same participants, dated within a day, join.

    The earliest report (by date, then id) keeps its id and gains the others'
    articles, evidence, topics and notes. Sorted by date (undated last), then id.
    """
    buckets: dict[tuple[frozenset[str], bool], list[Meeting]] = {}
    for m in sorted(meetings, key=_order):
        buckets.setdefault((_sides_of(m), m.future), []).append(m)
    merged: list[Meeting] = []
    for group in buckets.values():
        recent: list[int] = []  # indices in ``merged`` of events within a day of ``m``
        for m in group:
            recent = [i for i in recent if _within_a_day(merged[i].date, m.date)]
            same = next(
                (
                    i
                    for i in recent
                    if _same_people(merged[i], m) and not set(m.articles) & set(merged[i].articles)
                ),
                None,
            )
            if same is None:
                recent.append(len(merged))
                merged.append(m)
            else:
                merged[same] = _join(merged[same], m)
    return sorted(merged, key=_order)


def _bilingual(b: Bilingual | None) -> dict[str, str | None] | None:
    return {"en": b.en, "hi": b.hi} if b and (b.en or b.hi) else None


def to_record(m: Meeting) -> dict[str, object]:
    """The export record of a meeting (``site/data/meetings.json``)."""
    return {
        "id": m.id,
        "date": m.date.isoformat() if m.date else None,
        "date_basis": m.date_basis,
        "kind": m.kind,
        "future": m.future,
        "place": _bilingual(m.place),
        "occasion": _bilingual(m.occasion),
        "topics": list(m.topics),
        "participants": [
            {
                "id": _key(p),
                "name": _bilingual(p.name),
                "role": {"en": p.role.en, "hi": p.role.hi},
                "country": {"en": p.country.en, "hi": p.country.hi},
            }
            for p in m.participants
        ],
        "articles": list(m.articles),
        "evidence": list(m.evidence),
        "notes": [{"en": n.en, "hi": n.hi} for n in m.notes],
    }
