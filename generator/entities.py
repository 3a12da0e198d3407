"""Names in an article: people, roles, countries, organisations, places, ministries.

Three passes over the words of each sentence:

1. gazetteer phrases, longest first (a dict lookup per word: linear in the text);
2. names the gazetteer lacks, read after a chain of roles, ranks and honorifics
   (``उज्बेकिस्तान के रक्षा मंत्री लेफ्टिनेंट जनरल बखोदिर कुर्बानोव``) up to a
   postposition, conjunction or comma; the chain also gives the person's role
   and, from a country or demonym just before it, their country;
3. surnames standing alone (``सिंह और शोइगु``), resolved to a person named in
   full elsewhere in the same article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from generator.gazetteer import HONORIFICS, WORD, Gazetteer, phrase_key, word_key
from generator.hindi import LETTER_NAMES, STOPWORDS
from generator.model import Bilingual, Entity, Mention, Sentence
from generator.romanise import english_name

# Words that end a name: postpositions, conjunctions, verbs and the common nouns
# that follow an office ("राष्ट्रपति भवन", "रक्षा मंत्री स्तर").
_BOUNDARY_WORDS = """ने से के की का को और एवं तथा व या में पर तक भी ही जी द्वारा सहित समेत साथ
    है हैं था थे थी हुए हुई हुआ रहे रही रहा कहा बताया किया की कीं गए गई आज कल शुक्रवार शनिवार रविवार
    सोमवार मंगलवार बुधवार गुरुवार भवन कार्यालय पद स्तर सचिवालय निवास आवास मंडल परिषद समिति बैठक
    बैठकें बैठकों वार्ता सम्मेलन दौरे दौरा यात्रा शपथ चुनाव पुरस्कार बनने बने बनी चुके चुकी पहली नए नई
    नये वर्तमान पूर्व तत्कालीन संयुक्त अतिरिक्त विशेष उप सहायक मुख्य कार्यवाहक कार्यकारी स्तरीय
    लिए लिये बीच दौरान अध्यक्षता नेतृत्व उपस्थिति मौजूदगी समक्ष सामने प्रति ओर तरफ बारे अनुसार
    मुताबिक कहना कहते कहती स्वागत मुलाकात भेंट बातचीत चर्चा संबोधित उद्घाटन शुभारंभ जिन्होंने
    जिन्हें जो जिनके जिसने उन्होंने इस उस यह वह ये वे सभी सब अन्य दोनों तीनों कई कुछ अपने अपनी
    आए आई आया आये गया पहुंचे पहुंची पहुँचे मिले मिली मिला बोले बोली करेंगे करेंगी होंगे होगी
    जाएंगे जाएगा रहेंगे बनाने बनाया बनाए नियुक्त चुना चुने चुनी प्रदान किए शामिल निवृत्त
    सेवानिवृत्त घोषित नामित मनोनीत दिया दी दिए लिया ली लिए एक दो तीन चार पांच पाँच छह सात आठ नौ दस
    पहला दूसरा तीसरा स्वतंत्र प्रभार केंद्रीय राष्ट्रीय अंतरराष्ट्रीय बृहस्पतिवार वीरवार देकर लेकर करके
    इनके उनके होंगी होंगे चाहते चाहती जन्म स्थान उपस्थित मौजूद आकाशवाणी दूरदर्शन राज्यभर देशभर""".split()
# Decorations and post-nominals that follow officers' names (PVSM, AVSM ...).
_DECORATIONS = frozenset(
    word_key(w)
    for w in """पीवीएसएम एवीएसएम यूवाईएसएम वाईएसएम एसएम वीएसएम वीएम एनएम एडीसी पीएचडी वीआरसी
    केसी एससी बार पीवीसी एमवीसी""".split()
)
_BOUNDARY = (
    frozenset(word_key(w) for w in _BOUNDARY_WORDS)
    | frozenset(word_key(w) for w in STOPWORDS)
    | _DECORATIONS
)
_LETTERS = frozenset(word_key(w) for w in LETTER_NAMES)
_GLUE = re.compile(r"\s*|\.\s*|-")  # what may stand between the words of one name
_CHAIN_GLUE = re.compile(r"[\s.,)]*|-")  # ... and between the roles of one chain
_CONNECTORS = frozenset(word_key(w) for w in ("के", "की", "का"))
_MAX_NAME_WORDS = 5
_PLURAL_ENDINGS = ("यों", "ओं", "ाओं", "ुओं", "ियां", "ियाँ")
_GENERIC_ROLES = frozenset({"role/minister", "role/secretary", "role/chairman", "role/director"})


# Words that make a run after an office a scheme or a body, not a person:
# "प्रधानमंत्री गरीब कल्याण योजना", "पीएम केयर्स फंड".
_NOT_NAMES = frozenset(
    word_key(w)
    for w in """योजना योजनाओं पैकेज फंड निधि कोष अभियान मिशन कार्यक्रम किसान गरीब कल्याण आवास सम्मान
    स्वास्थ्य सुरक्षा बीमा पुरस्कार केयर्स पोर्टल ऐप पहल नीति विभाग मंत्रालय आयोग संस्थान विश्वविद्यालय
    कुलपति सदस्य प्रतिनिधि प्रतिनिधिमंडल नेता जवान सैनिक अधिकारी अधिकारियों कर्मचारी लोग जनता देश राज्य
    सरकार सरकारों संसद सदन लोकसभा राज्यसभा महोदय महोदया स्तर सभा राज्यों विज्ञान कृषि पेयजल नागरिक
    सहायता संवाददाता विदेशी पदक सेवा अग्नि कॉलेज इंस्टीट्यूट यूनिवर्सिटी मेडिकल वर्ल्ड फॉर ऑफ एंड
    नेशनल इंटरनेशनल सेंटर कॉमर्स टेक्नोलॉजी बोर्ड कमेटी काउंसिल ट्रस्ट फाउंडेशन सोसाइटी बैंक
    लिमिटेड कंपनी एजेंसी संगठन संघ परिषद् दल पार्टी ग्रुप मंच फोरम शिक्षा उद्योग व्यापार
    वाणिज्य रक्षा गृह वित्त विदेश रेल ऊर्जा पर्यटन संस्कृति खेल युवा महिला बाल विकास ग्रामीण शहरी
    जल पर्यावरण वन श्रम रोजगार सूचना प्रसारण संचार कानून न्याय पेट्रोलियम इस्पात कोयला
    प्रौद्योगिकी अनुसंधान चिकित्सा औषध दवा टीका वैक्सीन कोविड कोरोना वायरस महामारी कॉल फोन होस्टल
    हॉस्टल कोच डिब्बा वायस वाइस चांसलर ग्लोबल पब्लिक हेल्थ प्रोग्राम मिल""".split()
)
# A name followed by one of these is a noun or verb of a phrase: "मिस कॉल देकर", "सीडीएस मिल रहा".
_LIGHT_VERBS = frozenset(
    word_key(w)
    for w in """देकर लेकर करके कर रहा रही रहे सकता सकती सकते दिया दी दिए किया किए करना करने
    देना देने लेना लेने होना होने गया गई गए""".split()
)
# Last words that make a run a shrine or place: "ननकाना साहिब".
_PLACE_ENDS = frozenset(word_key(w) for w in "साहिब साहेब".split())
_OBLIQUE_PLURAL = "ों"
_IN = word_key("में")
# Surnames too common to name one known person without a first name or an office.
_COMMON_SURNAMES = frozenset(
    word_key(w)
    for w in """कुमार सिंह शर्मा वर्मा गुप्ता यादव पटेल शाह खान जैन दास राव रेड्डी मिश्रा तिवारी पांडेय
    पांडे त्रिपाठी चौधरी प्रसाद अली अहमद नायर मेनन अय्यर राय रॉय घोष बोस सेन चौहान ठाकुर जोशी
    मेहता अग्रवाल गोयल बंसल मलिक चंद लाल नाथ""".split()
)


class _Word(NamedTuple):
    text: str
    start: int
    end: int
    key: str
    gap: str  # the characters between the previous word and this one
    glued: bool  # the gap may stand inside a name
    chained: bool  # the gap may stand inside a chain of roles (a comma too)


def _words(text: str) -> list[_Word]:
    """The words of a sentence with their spans; ``आर0`` counts as ``आर.``."""
    masked = _ZERO_AS_DOT.sub(".", text) if "0" in text else text
    parts = _SPLIT.split(masked)  # gap, word, gap, word ... gap: one pass, no match objects
    found: list[_Word] = []
    end = 0
    for gap, word in zip(parts[::2], parts[1::2], strict=False):  # the last gap has no word
        start = end + len(gap)
        end = start + len(word)
        glued, chained = (True, True) if gap == " " else _gap_kinds(gap)
        found.append(_new_word(_Word, (word, start, end, word_key(word), gap, glued, chained)))
    return found


_SPLIT = re.compile(f"({WORD.pattern})")
_ZERO_AS_DOT = re.compile(r"(?<=[\u0900-\u097f])0")
_new_word = tuple.__new__  # builds a _Word without NamedTuple's Python-level __new__


@lru_cache(maxsize=1024)
def _gap_kinds(gap: str) -> tuple[bool, bool]:
    """Whether a gap between words may stand inside a name, and inside a chain of roles."""
    glued = bool(_GLUE.fullmatch(gap))
    return glued, glued or bool(_CHAIN_GLUE.fullmatch(gap))


def _glued(word: _Word, chain: bool = False) -> bool:
    return word.chained if chain else word.glued


@dataclass
class _Found:
    """A span of words in one sentence and what it names."""

    sentence: int
    first: int  # word indices, end exclusive
    end: int
    entity: Entity
    by_surname: bool = False  # a gazetteer person found by the surname alone


@dataclass
class _Sentence:
    index: int
    text: str
    words: list[_Word]
    keys: list[str]  # the words' keys
    found: list[_Found] = field(default_factory=list)

    def span_text(self, first: int, end: int) -> str:
        return self.text[self.words[first].start : self.words[end - 1].end]


def _gazetteer_pass(sent: _Sentence, gaz: Gazetteer) -> None:
    """Known phrases, longest first, never across a comma or other punctuation."""
    words, keys = sent.words, sent.keys
    starters = gaz.first_words()
    n = len(words)
    longest = gaz.longest()
    i = 0  # the first word not inside a phrase found
    for start in [k for k, key in enumerate(keys) if key in starters]:
        if start < i:
            continue
        limit = min(n, start + longest)  # no phrase reaches further: the run need not be read on
        stop = start + 1
        while stop < limit and words[stop].glued:
            stop += 1
        hit = gaz.match(keys, start, stop)
        entity = gaz.entity(hit[1]) if hit else None
        if hit and entity:
            sent.found.append(_Found(sent.index, start, hit[0], entity))
            i = hit[0]


def _is_initial(words: list[_Word], k: int) -> bool:
    """A Latin letter written in Devanagari and followed by a dot: ``के.`` (K.), ``आर0``."""
    return words[k].key in _LETTERS and k + 1 < len(words) and words[k + 1].gap.startswith(".")


def _is_name_word(words: list[_Word], k: int) -> bool:
    """Whether word ``k`` can be part of a name (not a postposition, verb or common noun)."""
    word = words[k]
    if _is_initial(words, k):
        return True
    if word.key in _BOUNDARY or word.key in HONORIFICS or word.key.isdigit():
        return False
    if word.text.endswith(_PLURAL_ENDINGS):
        return False  # उद्योगपतियों, राज्यों: plural nouns, not names
    return not (word.text.isascii() and not word.text[:1].isupper())


def _pattern_pass(sent: _Sentence, gaz: Gazetteer) -> None:
    """Names after role/rank/honorific chains, and the role and country they give people."""
    starts = sorted({f.first for f in sent.found if f.entity.type == "role"} | _honorifics(sent.keys))
    if not starts:
        return
    by_first = {f.first: f for f in sent.found}
    by_end = {f.end: f for f in sent.found}
    done = 0
    for i in starts:
        if i < done:
            continue
        roles, j = _chain(sent, by_first, i)
        if not roles:
            j = i + 1
        country = _country_before(sent, by_end, i)
        person = _person_after(sent, by_first, j, gaz, roles)
        if person is not None:
            _give_context(person, roles, country, gaz)
        done = person.end if person else j


def _honorifics(keys: list[str]) -> set[int]:
    """Positions of the honorifics (श्री, डॉ) among a sentence's word keys."""
    if HONORIFICS.isdisjoint(keys):
        return set()  # most sentences: no need to look word by word
    return {k for k, key in enumerate(keys) if key in HONORIFICS}


def _chain(sent: _Sentence, by_first: dict[int, _Found], i: int) -> tuple[list[Entity], int]:
    """The roles and ranks (with honorifics between them) starting at word ``i``; returns the end."""
    roles: list[Entity] = []
    j = i
    while j < len(sent.words):
        if j > i and not _glued(sent.words[j], chain=True):
            break
        hit = by_first.get(j)
        if hit and hit.entity.type == "role":
            roles.append(hit.entity)
            j = _after_aside(sent.words, hit.end)
        elif roles and sent.words[j].key in HONORIFICS:
            j += 1
        else:
            break
    return roles, j


def _after_aside(words: list[_Word], j: int) -> int:
    """Skip a bracketed aside after an office: ``वित्त आयुक्त (स्वास्थ्य) अतुल दुल्लू``."""
    if j >= len(words) or words[j].gap.strip() != "(":
        return j
    for k in range(j + 1, min(j + 6, len(words))):
        if words[k].gap.strip() == ")":
            return k
    return j


def _country_before(sent: _Sentence, by_end: dict[int, _Found], i: int) -> Entity | None:
    """A country or organisation right before a chain: ``रूसी``, ``रूस के``, ``एससीओ``."""
    if i > 0 and sent.words[i - 1].key in _CONNECTORS and _glued(sent.words[i - 1]):
        i -= 1
    hit = by_end.get(i)
    if hit and hit.entity.type in ("country", "organisation") and _glued(sent.words[i - 1]):
        return hit.entity
    return None


def _person_after(
    sent: _Sentence, by_first: dict[int, _Found], j: int, gaz: Gazetteer, roles: list[Entity]
) -> _Found | None:
    """The person named from word ``j``: a gazetteer match or a new, romanised name."""
    words = sent.words
    while j < len(words) and words[j].key in HONORIFICS and _glued(words[j], chain=True):
        j += 1
    if j >= len(words) or not _glued(words[j], chain=True):
        return None
    hit = by_first.get(j)
    if hit is not None:
        return hit if hit.entity.type == "person" else None
    end = j
    while (
        end < len(words)
        and end - j < _MAX_NAME_WORDS
        and end not in by_first
        and _is_name_word(words, end)
        and (end == j or _glued(words[end]))
    ):
        end += 1
    if any(words[k].key in _NOT_NAMES for k in range(j, min(end + 1, len(words)))):
        return None
    if _common_noun(words, j, end):
        return None
    while end > j and words[end - 1].key in _LETTERS:
        end -= 1  # a name does not end on an initial
    if end - j >= 3 and end < len(words) and words[end].key == _IN:
        end -= 1  # people are not "in": the place glued after a name (नड्डा गाजियाबाद में)
    if end == j or all(words[k].key in _LETTERS for k in range(j, end)):
        return None
    end, entity = _known_prefix(sent, j, end, gaz, roles)
    hindi = sent.span_text(j, end)
    by_surname = entity is not None and gaz.lookup_key(_span_key(sent, j, end)) is None
    if entity is None:
        english, _ = english_name(hindi, gaz)
        entity = Entity(
            id="person/" + _slug(english),
            type="person",
            name=Bilingual(hindi, english),
            romanised=True,
        )
    found = _Found(sent.index, j, end, entity, by_surname)
    sent.found.append(found)
    by_first[j] = found
    return found


def _known_prefix(
    sent: _Sentence, j: int, end: int, gaz: Gazetteer, roles: list[Entity]
) -> tuple[int, Entity | None]:
    """The longest run from ``j`` that names a known person, and its end; else the whole run.

    A place or noun glued after a known name stays out of it:
    ``श्री मोदी सुंदरबन की ...`` is Modi.
    """
    for stop in range(end, j, -1):
        entity = _known_person(sent, j, stop, gaz, roles)
        if entity is not None:
            return stop, entity
    return end, None


def _span_key(sent: _Sentence, j: int, stop: int) -> tuple[str, ...]:
    """The :func:`phrase_key` of words ``j:stop``: their keys, unless a zero was read as a dot."""
    if "0" in (text := sent.span_text(j, stop)):
        return phrase_key(text)
    return tuple(sent.keys[j:stop])


def _common_noun(words: list[_Word], j: int, end: int) -> bool:
    """Whether the run ``words[j:end]`` read after a title is a noun or verb, not a name.

    An oblique plural (``राष्ट्रपति चुनावों``) never begins a name; a word joined
    to the title by a hyphen (``पीएम-आशा``) names a scheme; a single word before
    a light verb (``मिस कॉल देकर``) is part of a phrase; a run ending in साहिब is a shrine.
    """
    if end == j:
        return False
    if words[j].text.endswith(_OBLIQUE_PLURAL) or words[j].gap == "-":
        return True
    if end - j == 1 and end < len(words) and words[end].key in _LIGHT_VERBS:
        return True
    return words[end - 1].key in _PLACE_ENDS


def _known_person(
    sent: _Sentence, j: int, stop: int, gaz: Gazetteer, roles: list[Entity]
) -> Entity | None:
    """A gazetteer person named by words ``j:stop``: by full name, or by a surname one person
    has (प्रधानमंत्री मोदी)."""
    entity = gaz.lookup_key(_span_key(sent, j, stop))
    if entity is not None:
        return entity if entity.type == "person" else None
    if stop - j != 1:
        return None
    hindi = sent.span_text(j, stop)
    people = gaz.people_named(hindi)
    offices = {r.name.en for r in roles}
    if not offices and word_key(hindi) in _COMMON_SURNAMES:
        return None  # श्री कुमार: one of many Kumars, not the navy chief
    fitting = [p for p in people if p.role.en in offices] if offices else people
    return fitting[0] if len(fitting) == 1 else None


def _give_context(
    person: _Found, roles: list[Entity], country: Entity | None, gaz: Gazetteer
) -> None:
    """Fill in the role and country the text gives a person.

    The text wins over the gazetteer, except that a bare "मंत्री" does not
    replace a known, more precise office.
    """
    offices = [r for r in roles if not gaz.is_rank(r.id)]
    entity = person.entity
    if offices or roles:
        role = (offices or roles)[0]
        if not (role.id in _GENERIC_ROLES and entity.role.en):
            entity = replace(entity, role=Bilingual(role.name.hi, role.name.en))
    if country is not None:
        entity = replace(entity, country=country.id)
    person.entity = entity


def _slug(english: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-") or "unknown"


def _surname_pass(sentences: list[_Sentence]) -> None:
    """Lone surnames (``शोइगु``) of people named in full in the article."""
    people: dict[str, list[_Found]] = {}
    for sent in sentences:
        for f in sent.found:
            if f.entity.type == "person" and (f.end - f.first >= 2 or not f.entity.romanised):
                people.setdefault(sent.words[f.end - 1].key, []).append(f)
    if not people:
        return
    for sent in sentences:
        for f in sent.found:
            key = sent.words[f.first].key
            if f.entity.type != "person" or f.end - f.first != 1 or key not in people:
                continue
            full = [c for c in people[key] if c.end - c.first >= 2]
            if f.entity.romanised:
                f.entity = _nearest(people[key], sent.index).entity  # श्री सिंह: Rajnath Singh
            elif full and f.by_surname:
                f.entity = _nearest(full, sent.index).entity  # श्री कुमार after रवीश कुमार
    for sent in sentences:
        if not people.keys().isdisjoint(sent.keys):  # most sentences hold no such surname
            _lone_surnames(sent, people)


def _lone_surnames(sent: _Sentence, people: dict[str, list[_Found]]) -> None:
    """Words of one sentence that are the surname of someone in ``people``, standing alone."""
    covered = {k for f in sent.found for k in range(f.first, f.end)}
    for k, word in enumerate(sent.words):
        if k in covered or word.key not in people or word.key in _BOUNDARY:
            continue
        before = sent.words[k - 1] if k else None
        if before and _glued(word) and k - 1 not in covered and _is_name_word(sent.words, k - 1):
            continue  # part of another, unknown name: दिलबाग सिंह
        if (
            k + 1 < len(sent.words)
            and _glued(sent.words[k + 1])
            and _is_name_word(sent.words, k + 1)
            and (k + 1) not in covered
        ):
            continue
        named = _nearest(people[word.key], sent.index)
        sent.found.append(_Found(sent.index, k, k + 1, named.entity))


def _nearest(candidates: list[_Found], sentence: int) -> _Found:
    """The last full mention before ``sentence``, else the first one after it."""
    before = [c for c in candidates if c.sentence <= sentence]
    return before[-1] if before else candidates[0]


def _sentence(s: Sentence) -> _Sentence:
    words = _words(s.text)
    return _Sentence(s.index, s.text, words, [w.key for w in words])


def recognise(sentences: Sequence[Sentence], gaz: Gazetteer) -> tuple[Mention, ...]:
    """Every mention in one article, ordered by sentence and start offset."""
    work = [_sentence(s) for s in sentences]
    for sent in work:
        _gazetteer_pass(sent, gaz)
        _pattern_pass(sent, gaz)
    _surname_pass(work)
    mentions: list[Mention] = []
    for sent in work:
        for f in sent.found:
            start, end = sent.words[f.first].start, sent.words[f.end - 1].end
            mentions.append(Mention(sent.index, start, end, sent.text[start:end], f.entity))
    return tuple(sorted(mentions, key=lambda m: (m.sentence, m.start, m.end)))
