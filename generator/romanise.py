"""Names in Latin script: the gazetteer's spelling first, otherwise rules.

A Devanagari name is split into aksharas (a consonant cluster and its vowel);
schwa deletion decides which inherent vowels Hindi does not pronounce; then
each akshara is spelt from indic-transliteration's IAST letters, simplified to
the plain spelling names have in English-language news, with context rules
that the dev half of the benchmark (``bench/romanise_eval.py``) showed to help:
anusvara by the place of the next consonant (सिंह Singh, कुंबले Kumble), फ as f,
व as w after a consonant or between a-vowels (v before i: दिग्विजय), ू in a
closed last syllable as oo, Latin initials written in Devanagari (बी B.), and
spellings of foreign names in Hindi news: एं- An-, -ियो -io, झांग Zh-, छ्य as
pinyin q, ै as the a of English names before k/t/d/m (कैमरन), a final ॉ aw,
-सन -son, -बर्ग -berg, -ियस -ius, -स्की -sky, particles (बिन bin, अल al-).
Frequent name parts whose spelling is a convention no letter rule gives
(दीपक Deepak, वर्मा Verma, शी Xi) come from ``data/gazetteer/name_parts.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.gazetteer import Gazetteer

VIRAMA = "\u094d"
NUKTA = "\u093c"
_CONSONANTS = frozenset("कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह")
_SIGN_TO_VOWEL = dict(zip("ािीुूृॄेैोौॅॉॆॊ", "आइईउऊऋॠएऐओऔऍऑएओ", strict=True))
_VOWELS = frozenset("अआइईउऊऋॠएऐओऔऍऑऎऒ")
_NASALS = frozenset("ंँ")
_LETTER_NAMES = {
    "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ": "F", "जी": "G", "एच": "H",
    "आई": "I", "जे": "J", "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P",
    "क्यू": "Q", "आर": "R", "एस": "S", "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W",
    "एक्स": "X", "वाई": "Y", "जेड": "Z", "ज़ेड": "Z",
}  # fmt: skip
_NOT_LATIN = re.compile(r"[^a-z]")
_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")
_PLAIN = [
    ("k͟h", "kh"), ("ġ", "gh"), ("ṅ", "n"), ("ñ", "n"), ("ṇ", "n"), ("ś", "sh"), ("ṣ", "sh"),
    ("ṭ", "t"), ("ḍ", "d"), ("r̤", "r"), ("ṛ", "ri"), ("ṝ", "ri"), ("ā", "a"), ("ī", "i"),
    ("ū", "u"), ("ẏ", "y"), ("ḥ", "h"), ("c", "ch"),
]  # fmt: skip
_ENGLISH_VOWELS = str.maketrans("ऑऍऒऎ", "ओएओए")


def prepare() -> None:
    """Load the transliteration schemes now, e.g. once before forking workers that all romanise."""
    from indic_transliteration import sanscript  # noqa: F401


@cache
def _letters(devanagari: str) -> str:
    """Plain Latin letters for one consonant (with nukta) or vowel, via IAST."""
    if devanagari == "छ":
        return "chh"
    # imported here: loading its schemes is a fifth of starting up, and a no-op build romanises nothing
    from indic_transliteration import sanscript

    devanagari = devanagari.translate(_ENGLISH_VOWELS)
    latin = sanscript.transliterate(devanagari, sanscript.DEVANAGARI, sanscript.IAST)
    for old, new in _PLAIN:
        latin = latin.replace(old, new)
    latin = _NOT_LATIN.sub("", latin)  # a nukta no letter has (घ़) and the like
    return "f" if latin == "ph" else latin


@dataclass
class _Akshara:
    """Consonants of a cluster (each with its nukta) and the vowel after them."""

    consonants: list[str]
    vowel: str  # independent vowel letter; "" inherent a; VIRAMA none
    nasal: str = ""  # anusvara, candrabindu or visarga after it


def _aksharas(word: str) -> list[_Akshara]:
    """Split a Devanagari word (NFD) into aksharas."""
    units: list[_Akshara] = []
    for ch in word:
        last = units[-1] if units else None
        if ch in _CONSONANTS:
            if last and last.vowel == VIRAMA and last.consonants and not last.nasal:
                last.consonants.append(ch)
                last.vowel = ""
            else:
                units.append(_Akshara([ch], ""))
        elif ch == NUKTA and last and last.consonants:
            last.consonants[-1] += NUKTA
        elif ch == VIRAMA or ch in _SIGN_TO_VOWEL:
            if last and last.consonants and last.vowel == "" and not last.nasal:
                last.vowel = _SIGN_TO_VOWEL.get(ch, VIRAMA)
        elif ch in _NASALS or ch == "ः":
            if last:
                last.nasal = ch
        elif ch in _VOWELS:
            units.append(_Akshara([], ch))
    return units


def _delete_schwas(units: list[_Akshara]) -> None:
    """Mark the inherent vowels Hindi does not pronounce (right to left): राजनाथ Rajnath."""
    last = len(units) - 1
    final = units[last] if units else None
    if (
        last > 0
        and final
        and final.consonants
        and final.vowel == ""
        and not final.nasal
        and (len(final.consonants) == 1 or _final_cluster_drops(final.consonants))
    ):
        final.vowel = VIRAMA
    for i in range(last - 1, 0, -1):
        unit, before, after = units[i], units[i - 1], units[i + 1]
        if unit.vowel or unit.nasal or len(unit.consonants) != 1:
            continue
        if before.vowel == VIRAMA or not after.consonants or after.vowel == VIRAMA:
            continue
        if len(after.consonants) > 1 and after.vowel == "":
            continue  # मोहम्मद Mohammad: no deletion before a cluster
        if i + 1 == last and i >= 2 and after.vowel != "":
            continue  # गडकरी Gadkari, चौधरी Chaudhari: kept before an open last syllable
        unit.vowel = VIRAMA


def _final_cluster_drops(cluster: list[str]) -> bool:
    """Whether a word-final cluster loses its a: Trump, Minh, Ulf; not Gupta, Chandra, Aditya."""
    first, last = cluster[0][0], cluster[-1][0]
    if last in "रयव" and (first != "र" or last == "य"):
        return False  # चंद्र Chandra, सूर्य Surya, अमर्त्य Amartya
    return first in "रसलफङञणनम" or first == last or last not in "तलणमन"


def _nasal(unit: _Akshara, following: _Akshara | None) -> str:
    """What an anusvara sounds as, by the place of the next consonant (सिंह Singh)."""
    if unit.nasal == "ः":
        return "h"
    nxt = following.consonants[0][0] if following and following.consonants else ""
    if nxt and nxt in "पफबभम":
        return "m"
    if nxt and nxt in "कखगघह":
        return "ng" if nxt == "ह" else "n"
    return "n"


def _consonant(units: list[_Akshara], i: int, k: int) -> str:
    """The letters of consonant ``k`` of akshara ``i``, with the context rules."""
    unit = units[i]
    c = unit.consonants[k]
    if c == "व":
        return "w" if _is_w(units, i, k) else "v"
    if c == "झ" and i == 0 and k == 0 and _chinese_ng(units):
        return "zh"
    if c == "छ" and unit.consonants[k + 1 : k + 2] == ["य"]:
        return "q"  # pinyin q written छ्य: छ्यांग Qiang, कछ्यांग Keqiang
    if c == "य" and k > 0 and unit.consonants[k - 1] == "छ":
        return "i"
    if c == "य" and unit.vowel == VIRAMA and len(unit.consonants) == 1 and 0 < i < len(units) - 1:
        return "i"  # जयशंकर Jaishankar, नायडू Naidu
    if c == "ज" and i == len(units) - 1 and i > 1 and _final_z(units):
        return "z"
    if (
        c == "ड" + NUKTA
        and i == len(units) - 1
        and unit.vowel == VIRAMA
        and len(unit.consonants) == 1
    ):
        return "d"  # द्रविड़ Dravid, चंद्रचूड़ Chandrachud (but चोपड़ा Chopra)
    return _letters(c + VIRAMA)


def _is_w(units: list[_Akshara], i: int, k: int) -> bool:
    """व as w: after a consonant (अश्विनी, मेघवाल) or next to ā (पवार, रावत); else v."""
    unit = units[i]
    vowel = unit.vowel if k == len(unit.consonants) - 1 else VIRAMA
    if vowel in ("ए", "ओ", "ऐ", "औ", "ऑ", "ऍ"):
        return False  # मेदवेदेव Medvedev
    if k > 0:
        if vowel in ("इ", "ई") and unit.consonants[k - 1][0] not in "शसद":
            return False  # दिग्विजय Digvijay, सुखविंदर Sukhvinder (but अश्विनी Ashwini, द्विवेदी Dwivedi)
        return unit.consonants[k - 1][0] != "र"
    if i == 0:
        return False
    before = units[i - 1]
    if before.vowel == VIRAMA and not before.nasal:
        return before.consonants[-1][0] != "र"
    if vowel == "आ" and before.vowel == "ओ" and i == len(units) - 1:
        return False  # जाखारोवा Zakharova
    return vowel != VIRAMA and (vowel == "आ" or before.vowel == "आ") and not before.nasal


def _final_z(units: list[_Akshara]) -> bool:
    """A final ज read z: लोपेज Lopez, नवाज Nawaz; but राज Raj, मनोज Manoj."""
    unit, before = units[-1], units[-2]
    if unit.vowel != VIRAMA or len(unit.consonants) != 1 or before.nasal:
        return False
    return before.vowel in ("ए", "ई", "इ") or (before.vowel == "आ" and before.consonants != ["र"])


def _chinese_ng(units: list[_Akshara]) -> bool:
    """A Chinese syllable with a -ng final (झांग Zhang, झेंग Zheng), not Indian झा (Jha)."""
    return len(units) == 2 and bool(units[0].nasal) and units[1].consonants == ["ग"]


def _indian_ee(consonants: list[str], closing: list[str]) -> bool:
    """The Indian name endings spelt with ee: -deep, -preet, -veen (not Ajit, Zarif, Amin)."""
    end = closing[0][0]
    return (
        end == "प"
        or (end == "त" and consonants[-1:] == ["र"])  # a vowel letter has no consonant (ईत)
        or (end in "नण" and consonants == ["व"])
    )


def _vowel(units: list[_Akshara], i: int) -> str:
    """The letters of the vowel of akshara ``i``."""
    unit = units[i]
    vowel = unit.vowel
    nxt = units[i + 1] if i + 1 < len(units) else None
    if vowel == VIRAMA:
        return ""
    if vowel == "":
        if _english_son(units, i):
            return "o"  # जॉनसन Johnson, मॉरिसन Morrison, इमर्सन Emerson (not हसन Hasan)
        if (
            len(unit.consonants) == 1
            and nxt
            and nxt.consonants == ["ह"]
            and nxt.vowel == VIRAMA
            and i + 2 < len(units)
        ):
            return "e"  # गहलोत Gehlot, शहबाज Shehbaz
        return "a"
    if vowel == "ऋ" and unit.consonants and unit.consonants[-1] == "र":
        return "i"  # श्रृंगला Shringla
    closed_last = i == len(units) - 2 and units[-1].vowel == VIRAMA and not unit.nasal
    if (
        vowel == "ऊ"
        and closed_last
        and unit.consonants
        and units[-1].consonants[0] not in ("श", "ष", "ड" + NUKTA)
    ):
        return "oo"  # कपूर Kapoor, थरूर Tharoor
    if vowel == "ई" and closed_last and _indian_ee(unit.consonants, units[-1].consonants):
        return "ee"  # प्रदीप Pradeep, नवीन Naveen, प्रीत Preet
    if vowel == "ऐ" and _english_a(units, i):
        return "a"  # मैक्रों Macron, हैरिस Harris, फ्रैंक Frank (not वैष्णव, कैलाश)
    if vowel == "ऑ" and i == len(units) - 1 and unit.consonants:
        return "aw"  # मानेकशॉ Manekshaw
    if vowel == "ए" and i == 0 and not unit.consonants and unit.nasal:
        return "a"  # एंटनी Antony, एंजेला Angela
    return _letters(vowel)


def _english_son(units: list[_Akshara], i: int) -> bool:
    """The a of a final -सन after a closed syllable or i is the o of English -son."""
    unit, last = units[i], len(units) - 1
    if i != last - 1 or i == 0 or unit.consonants[-1:] != ["स"] or unit.nasal:
        return False
    if units[last].consonants != ["न"] or units[last].vowel != VIRAMA:
        return False
    return len(unit.consonants) > 1 or units[i - 1].vowel in (VIRAMA, "इ")


def _english_a(units: list[_Akshara], i: int) -> bool:
    """ै written for the a of English and French names: before k, t, d, m or a nasal."""
    nxt = units[i + 1] if i + 1 < len(units) else None
    if units[i].nasal:
        return bool(nxt and nxt.consonants[:1] == ["क"])  # फ्रैंक Frank, not हाकैंडे Hakainde
    return bool(nxt and nxt.consonants and nxt.consonants[0][0] in _ENGLISH_A_BEFORE)


_ENGLISH_A_BEFORE = "कटडम"


def _silent_y(units: list[_Akshara], i: int) -> bool:
    """य after ि is not written in foreign names (-ia, -io), but is in प्रिया Priya."""
    before = units[i - 1]
    if before.vowel != "इ" or (before.consonants[-1:] == ["र"] and len(before.consonants) > 1):
        return False
    if units[i].nasal:
        return False
    return units[i].vowel in ("ओ", "ऑ") or (units[i].vowel == "आ" and i == len(units) - 1)


def _spell(units: list[_Akshara]) -> str:
    """Latin letters for a word's aksharas."""
    parts: list[str] = []
    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        consonants = [_consonant(units, i, k) for k in range(len(unit.consonants))]
        if i > 0 and consonants == ["y"] and _silent_y(units, i):
            consonants = []  # सोनिया Sonia, पोम्पियो Pompeo
        parts.append("".join(consonants) + _vowel(units, i))
        if unit.nasal:
            parts.append(_nasal(unit, nxt))
    return "".join(parts)


# Word endings with a conventional spelling: (Devanagari ending, Latin ending, spelt as).
_ENDINGS = (
    ("ड्डी", "ddi", "ddy"),  # रेड्डी Reddy
    ("र्जी", "rji", "rjee"),  # बनर्जी Banerjee, मुखर्जी Mukherjee
    ("राव", "rav", "rao"),  # राव Rao, भीमराव Bhimrao
    ("ाय", "ay", "ai"),  # राय Rai, साय Sai
    ("ुल्ला", "ulla", "ullah"),  # अब्दुल्ला Abdullah
    ("बर्ग", "barg", "berg"),  # स्टोल्टेनबर्ग Stoltenberg, गोल्डबर्ग Goldberg
    ("ियस", "iyas", "ius"),  # पिस्टोरियस Pistorius, जूलियस Julius
    ("ियन", "iyan", "ian"),  # सेबेस्टियन Sebastian, ब्रायन-like -ian
    ("स्की", "ski", "sky"),  # जेलेंस्की Zelensky, त्चैकोवस्की Tchaikovsky
)


@lru_cache(maxsize=1 << 14)  # names recur from article to article
def _word(word: str) -> str:
    """One Devanagari word in Latin letters (lower case)."""
    word = unicodedata.normalize("NFD", word.replace("\u200c", "").replace("\u200d", ""))
    units = _aksharas(word)
    _delete_schwas(units)
    latin = _spell(units)
    for ending, spelt, conventional in _ENDINGS:
        if word.endswith(ending) and latin.endswith(spelt):
            latin = latin[: -len(spelt)] + conventional
            if ending == "र्जी" and len(latin) > 5:
                stem = latin[:-4].removesuffix("a")
                latin = stem + "erjee"  # the vowel before -rjee is e
    return latin


def _initial(words: list[str], index: int, after: str) -> str | None:
    """A Latin initial written in Devanagari inside a longer name: बी B., आर0 R."""
    letter = _LETTER_NAMES.get(words[index])
    if letter is None or len(words) < 2 or after[:1] == "-":
        return None
    if index == len(words) - 1 and not after.startswith("."):
        return None  # a name ends on its surname: मोदी जी is not Modi G.
    return letter


@cache
def name_parts() -> dict[str, str]:
    """Frequent name parts with a conventional spelling (दीपक Deepak, रेड्डी Reddy), by key."""
    from generator.gazetteer import word_key

    text = (resources.files("generator") / "data" / "gazetteer" / "name_parts.tsv").read_text(
        "utf-8"
    )
    parts: dict[str, str] = {}
    for line in text.splitlines():
        hindi, _, english = line.partition("\t")
        if english and not line.startswith("#"):
            parts[word_key(hindi.strip(), halant=True)] = english.strip()
    return parts


def _name_part(word: str) -> str | None:
    from generator.gazetteer import word_key

    return name_parts().get(word_key(word, halant=True))


# Lower-case particles inside Arabic and European names: मोहम्मद बिन सलमान, बशर अल असद.
_PARTICLES = {
    "बिन": "bin",
    "बिंत": "bint",
    "इब्न": "ibn",
    "अल": "al-",
    "दा": "da",
    "वॉन": "von",
    "डेर": "der",
}


def romanise(hindi: str, *, parts: bool = True) -> str:
    """A Hindi name in Latin letters by rules alone (no gazetteer), title-cased.

    Words of the name found among the frequent name parts take their
    conventional spelling unless ``parts`` is False. Latin text comes back
    unchanged, so romanising is idempotent.
    """
    text = unicodedata.normalize("NFC", hindi).replace("\u200c", "").replace("\u200d", "")
    text = re.sub(r"(?<=[\u0900-\u097f])0", ".", text)
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    out: list[str] = []
    pos = 0
    for index, match in enumerate(matches):
        gap = text[pos : match.start()]
        out.append("" if out and out[-1].endswith("-") and gap.isspace() else gap)
        after = text[match.end() :]
        letter = _initial(words, index, after)
        particle = _PARTICLES.get(match.group()) if 0 < index < len(words) - 1 else None
        if particle is not None:
            out.append(particle)
        elif letter is not None:
            out.append(letter if after.startswith(".") else letter + ".")
        elif parts and (known := _name_part(match.group())):
            out.append(known)
        else:
            latin = _word(match.group())
            out.append(latin[:1].upper() + latin[1:])
        pos = match.end()
    out.append(text[pos:])
    return re.sub(r"\.(?=[^\W\d_])", ". ", "".join(out)).strip()


def english_name(hindi: str, gaz: Gazetteer) -> tuple[str, bool]:
    """The English name: the gazetteer's when it knows it (True), else the rules' (False).

    Titles before the name (श्री, डॉ.) are left out: ``श्री राजनाथ सिंह`` is Rajnath Singh.
    """
    from generator.gazetteer import HONORIFICS, WORD, word_key

    while (first := WORD.match(hindi.strip())) and word_key(first.group()) in HONORIFICS:
        rest = hindi.strip()[first.end() :].lstrip(" .")
        if not rest:
            break
        hindi = rest
    entity = gaz.lookup(hindi)
    if entity is not None and entity.name.en:
        return entity.name.en, True
    return romanise(hindi), False
