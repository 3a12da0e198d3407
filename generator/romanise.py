"""Names in Latin script: the gazetteer's spelling first, otherwise rules.

The rules take a Devanagari name through three steps: split it into aksharas
(consonant clusters with their vowel), decide which inherent vowels Hindi
does not pronounce (schwa deletion) and mark them with a virama, then let
indic-transliteration spell the result in IAST, which :data:`_IAST_TO_NAME`
turns into the plain spelling names have in English-language news.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from indic_transliteration import sanscript

if TYPE_CHECKING:
    from generator.gazetteer import Gazetteer

VIRAMA = "\u094d"
NUKTA = "\u093c"
_CONSONANTS = set("कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह")
_SIGNS = set("ािीुूृॄॅॆेैॉॊोौॢॣ")  # dependent vowel signs
_NASALS = set("ंँ")
_LETTER_NAMES = {
    "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ": "F", "जी": "G", "एच": "H",
    "आई": "I", "जे": "J", "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P",
    "क्यू": "Q", "आर": "R", "एस": "S", "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W",
    "एक्स": "X", "वाई": "Y", "जेड": "Z", "ज़ेड": "Z",
}  # fmt: skip
_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
_LATIN_ABBREVIATION_ZERO = re.compile(r"(?<=[\u0900-\u097f])0")


@dataclass
class _Akshara:
    """Consonants of a cluster (with nukta) and the vowel sign after them."""

    consonants: list[str]
    vowel: str  # "" inherent a, VIRAMA none, else an independent vowel or vowel sign
    nasal: str = ""  # anusvara or candrabindu after it


def _aksharas(word: str) -> list[_Akshara]:
    """Split a Devanagari word into aksharas."""
    units: list[_Akshara] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in _CONSONANTS:
            cluster = [ch]
            i += 1
            while i < n and word[i] == NUKTA:
                cluster[-1] += NUKTA
                i += 1
            if units and units[-1].vowel == VIRAMA and units[-1].consonants and not units[-1].nasal:
                units[-1].consonants.extend(cluster)
                units[-1].vowel = ""
            else:
                units.append(_Akshara(cluster, ""))
        elif ch == VIRAMA or ch in _SIGNS:
            if units and units[-1].consonants and units[-1].vowel == "":
                units[-1].vowel = ch
            i += 1
        elif ch in _NASALS or ch == "ः":
            if units:
                units[-1].nasal = ch
            i += 1
        elif "\u0904" <= ch <= "\u0914" or ch in "ॠॡ":
            units.append(_Akshara([], ch))
            i += 1
        else:
            i += 1
    return units


_GEMINATE_OK = True


def _delete_schwas(units: list[_Akshara]) -> None:
    """Mark unpronounced inherent vowels with a virama (right to left)."""
    last = len(units) - 1
    if last > 0 and units[last].consonants and units[last].vowel == "" and not units[last].nasal:
        cluster = units[last].consonants
        if len(cluster) == 1 or _final_cluster_drops(cluster):
            units[last].vowel = VIRAMA
    for i in range(last - 1, 0, -1):
        unit, before, after = units[i], units[i - 1], units[i + 1]
        if unit.vowel or unit.nasal or len(unit.consonants) != 1:
            continue
        if before.vowel == VIRAMA or not after.consonants or after.vowel == VIRAMA:
            continue
        if len(before.consonants) > 1 and before.vowel == "":
            continue
        unit.vowel = VIRAMA


def _final_cluster_drops(cluster: list[str]) -> bool:
    """Whether a word-final cluster loses its inherent a: Trump, Stoltenberg, not Gupta."""
    first, last = cluster[0].rstrip(NUKTA), cluster[-1].rstrip(NUKTA)
    return first == "र" or first == last or first == "स" or last in "टडग"


def _nasal(nasal: str, following: _Akshara | None) -> str:
    """The letter an anusvara stands for, by the place of the next consonant (सिंह: Singh)."""
    nxt = following.consonants[0][0] if following and following.consonants else ""
    if nxt in "पफबभम":
        return "m"
    if nxt in "कखगघह":
        return "ṅ"
    return "n"


def _spell(units: list[_Akshara]) -> str:
    """Devanagari with explicit viramas, then IAST via indic-transliteration."""
    parts: list[str] = []
    for i, unit in enumerate(units):
        text = VIRAMA.join(unit.consonants) + unit.vowel
        parts.append(sanscript.transliterate(text, sanscript.DEVANAGARI, sanscript.IAST))
        if unit.nasal == "ः":
            parts.append("h")
        elif unit.nasal:
            parts.append(_nasal(unit.nasal, units[i + 1] if i + 1 < len(units) else None))
    return "".join(parts)


_IAST_TO_NAME = [
    ("ṅg", "ng"), ("ṅh", "ngh"), ("ṅ", "n"), ("ñ", "n"), ("ṇ", "n"), ("ṃ", "n"),
    ("kṣ", "ksh"), ("jñ", "gy"), ("ch", "chh"), ("c", "ch"),
    ("ś", "sh"), ("ṣ", "sh"), ("ṭ", "t"), ("ḍ", "d"), ("r̤", "r"), ("ṛ", "ri"), ("ṝ", "ri"),
    ("ā", "a"), ("ī", "i"), ("ū", "u"), ("ḥ", "h"), ("ḷ", "l"),
]  # fmt: skip


def _word(word: str) -> str:
    """One Devanagari word in Latin letters (lower case)."""
    word = word.replace("ॉ", "ो").replace("ऑ", "ओ").replace("\u200c", "").replace("\u200d", "")
    units = _aksharas(unicodedata.normalize("NFD", word))
    _delete_schwas(units)
    latin = _spell(units)
    for old, new in _IAST_TO_NAME:
        latin = latin.replace(old, new)
    return unicodedata.normalize("NFC", latin)


def romanise(hindi: str) -> str:
    """A Hindi name in Latin letters by rules alone (no gazetteer), title-cased.

    Latin text comes back unchanged, so romanising is idempotent.
    """
    text = _LATIN_ABBREVIATION_ZERO.sub(".", unicodedata.normalize("NFC", hindi))
    words = _WORD.findall(text)
    out: list[str] = []
    pos = 0
    for match in _WORD.finditer(text):
        out.append(text[pos : match.start()])
        word = match.group()
        letter = _LETTER_NAMES.get(word.replace("\u200c", "").replace("\u200d", ""))
        if letter and len(words) > 1:
            rest = text[match.end() :]
            out.append(letter if rest.startswith(".") else letter + ".")
        else:
            latin = _word(word)
            out.append(latin[:1].upper() + latin[1:])
        pos = match.end()
    out.append(text[pos:])
    return re.sub(r"\.(?=\w)", ". ", "".join(out)).strip()


def english_name(hindi: str, gaz: Gazetteer) -> tuple[str, bool]:
    """The English name: the gazetteer's when it knows it (True), else the rules' (False)."""
    entity = gaz.lookup(hindi)
    if entity is not None and entity.name.en:
        return entity.name.en, True
    return romanise(hindi), False
