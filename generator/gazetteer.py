"""The gazetteer: known names (Hindi aliases -> entity with its English name).

Entries live as YAML lists in ``generator/data/gazetteer/`` (shipped with the
package); an editor's folder in the same format extends and overrides them.
Matching goes through :func:`word_key`, which folds the spelling variants Hindi
news uses for one name (nukta, ZWJ/ZWNJ, halant, anusvara or nasal consonant,
long or short i/u, ो/ॉ), so one alias covers many spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from generator.model import Bilingual, Diagnostic, Entity, Level

TYPES = ("person", "country", "organisation", "place", "ministry", "role")

# A word: a run of Devanagari letters and signs (not dandas), or of Latin letters and digits.
WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f\u200c\u200d]+|[^\W_]+")
_FOLD = str.maketrans(
    {
        "ँ": "ं", "ॉ": "ो", "ऑ": "ओ", "ॅ": "े", "ऍ": "ए", "ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ",
        "\u200c": None, "\u200d": None, "\u093c": None, ".": None,
    }
)  # fmt: skip
_HALF_NASAL = re.compile("[ङञणनम]\u094d(?=[\u0915-\u0939])")


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """The matching key of one word: spelling variants of a name share it."""
    folded = unicodedata.normalize("NFD", word).translate(_FOLD)
    folded = _HALF_NASAL.sub("ं", folded).rstrip("\u094d")
    return unicodedata.normalize("NFC", folded).lower()


HONORIFICS = frozenset(  # titles before a name, as keys
    word_key(w)
    for w in "श्री श्रीमती सुश्री डॉ डा डॉक्टर जनाब प्रो प्रोफेसर प्रोफ़ेसर महामहिम माननीय मिस्टर मिसेज "
    "मिस श्रीयुत न्यायमूर्ति जस्टिस".split()
)


def phrase_key(text: str) -> tuple[str, ...]:
    """The keys of the words of ``text``."""
    return tuple(word_key(w) for w in WORD.findall(text))


def _alias_keys(alias: str) -> set[tuple[str, ...]]:
    """Keys an alias is found under: ऑ/ॉ is also written आ/ा (मॉस्को, मास्को)."""
    keys = {phrase_key(alias), phrase_key(alias.replace("ॉ", "ा").replace("ऑ", "आ"))}
    return {k for k in keys if k}


@dataclass
class Gazetteer:
    """Entities by id and by every (folded) Hindi surface form."""

    _entities: dict[str, Entity] = field(default_factory=dict)
    _kinds: dict[str, str] = field(default_factory=dict)
    _phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    _glossary: dict[str, str] = field(default_factory=dict)
    _first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    _surnames: dict[str, list[str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def entity(self, id: str) -> Entity | None:
        """The entity with this id, if known."""
        return self._entities.get(id)

    def lookup(self, hindi: str) -> Entity | None:
        """The entity a Hindi name (any known spelling variant) refers to."""
        found = self._phrases.get(phrase_key(hindi))
        return self._entities[found] if found else None

    def entities(self) -> Iterable[Entity]:
        """Every entity, ordered by id."""
        return [self._entities[k] for k in sorted(self._entities)]

    def glossary(self) -> Iterable[tuple[str, str]]:
        """(Hindi surface form, English) for every alias and demonym, longest first."""
        return sorted(self._glossary.items(), key=lambda p: (-len(p[0]), p[0]))

    def people_named(self, surname: str) -> list[Entity]:
        """People whose Hindi name ends in this word (any spelling variant), by id."""
        ids = self._surnames.get(word_key(surname), [])
        return [self._entities[i] for i in sorted(set(ids))]

    def kind(self, id: str) -> str | None:
        """For roles: "office" or "rank"; None for other entities."""
        return self._kinds.get(id)

    def is_rank(self, id: str) -> bool:
        """Whether a role entity is a military rank (लेफ्टिनेंट जनरल) rather than an office."""
        return self._kinds.get(id) == "rank"

    def first_words(self) -> Container[str]:
        """Keys of the words a known phrase can begin with (to skip the others fast)."""
        return self._first.keys()

    def match(
        self, keys: Sequence[str], start: int, stop: int | None = None
    ) -> tuple[int, str] | None:
        """Longest known phrase in ``keys[start:stop]`` that begins at ``start``: (end, id)."""
        stop = len(keys) if stop is None else stop
        for phrase, id in self._first.get(keys[start], ()):
            end = start + len(phrase)
            if end <= stop and tuple(keys[start:end]) == phrase:
                return end, id
        return None

    def add(self, record: Mapping[str, Any], path: str = "", line: int = 0) -> None:
        """Add or override one entry (an editor's entry with a known id extends it)."""
        problem = _problem(record)
        if problem:
            self.diagnostics.append(Diagnostic(path, line, Level.WARNING, "gazetteer", problem))
            return
        id = str(record["id"])
        old = self._entities.get(id)
        aliases = [str(a) for a in record.get("hi") or ()]
        hi = aliases[0] if aliases else (old.name.hi if old else None)
        en = str(record.get("en") or (old.name.en if old else ""))
        role_en = record.get("role", old.role.en if old else None)
        role_hi = record.get("role_hi", old.role.hi if old else None)
        self._entities[id] = Entity(
            id=id,
            type=id.split("/", 1)[0],
            name=Bilingual(hi, en),
            country=record.get("country", old.country if old else None),
            role=Bilingual(role_hi, role_en),
        )
        if "kind" in record:
            self._kinds[id] = str(record["kind"])
        for alias in aliases:
            self._index(alias, id, en)
            if id.startswith("person/") and len(key := phrase_key(alias)) > 1:
                self._surnames.setdefault(key[-1], []).append(id)
        if id.split("/", 1)[0] != "role" and not (set(_alias_keys(en)) & self._phrases.keys()):
            self._index(en, id, en)  # the English name too, unless another entry has it
        for demonym in record.get("demonym") or ():
            self._index(str(demonym), id, str(record.get("demonym_en") or en))

    def _index(self, surface: str, id: str, english: str) -> None:
        self._glossary[unicodedata.normalize("NFC", surface)] = english
        for key in _alias_keys(surface):
            if self._phrases.get(key) != id:
                self._phrases[key] = id
                bucket = self._first.setdefault(key[0], [])
                bucket[:] = [p for p in bucket if p[0] != key]
                bucket.append((key, id))
                bucket.sort(key=lambda p: -len(p[0]))


def _problem(record: Mapping[str, Any]) -> str | None:
    """Why an entry cannot be used, or None."""
    if not isinstance(record, Mapping):
        return "gazetteer entry is not a mapping"
    id = str(record.get("id") or "")
    if id.split("/", 1)[0] not in TYPES or "/" not in id:
        return f"gazetteer entry needs an id like 'person/name' (type one of {', '.join(TYPES)})"
    if not isinstance(record.get("hi") or [], list):
        return f"{id}: 'hi' must be a list of Hindi names"
    return None


def _read(text: str, path: str, gaz: Gazetteer) -> None:
    """Add the entries of one YAML file."""
    try:
        records = yaml.safe_load(text) or []
    except yaml.YAMLError as error:
        gaz.diagnostics.append(Diagnostic(path, 1, Level.ERROR, "gazetteer-yaml", str(error)))
        return
    if not isinstance(records, list):
        gaz.diagnostics.append(
            Diagnostic(path, 1, Level.ERROR, "gazetteer-yaml", "expected a list of entries")
        )
        return
    for record in records:
        gaz.add(record, path)


@lru_cache(maxsize=1)
def _package_files() -> tuple[tuple[str, str], ...]:
    """(name, text) of the gazetteer files shipped with the package."""
    folder = resources.files("generator") / "data" / "gazetteer"
    found = [(f.name, f.read_text("utf-8")) for f in folder.iterdir() if f.name.endswith(".yaml")]
    return tuple(sorted(found))


def _editor_files(extra: Path) -> Iterator[tuple[str, str]]:
    """(path, text) of an editor's gazetteer files, in name order."""
    if extra.is_dir():
        for path in sorted(extra.glob("*.y*ml")):
            yield str(path), path.read_text("utf-8")


@lru_cache(maxsize=8)
def _load(extra: Path | None) -> Gazetteer:
    gaz = Gazetteer()
    for name, text in _package_files():
        _read(text, f"generator/data/gazetteer/{name}", gaz)
    if extra is not None:
        for path, text in _editor_files(extra):
            _read(text, path, gaz)
    return gaz


def load(extra: Path | None = None) -> Gazetteer:
    """The package gazetteer, extended by the YAML files in ``extra`` (cached per folder).

    Treat the result as read-only: it is shared between callers.
    """
    return _load(extra)
