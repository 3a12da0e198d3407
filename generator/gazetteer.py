"""The gazetteer: known names (Hindi aliases -> entity with its English name).

Entries live as YAML lists in ``generator/data/gazetteer/`` (shipped with the
package); an editor's folder in the same format extends and overrides them
(an entry with a known id adds aliases and replaces the fields it gives), and
what cannot be used there becomes a diagnostic with file and line. Roles and
organisations have a ``kind`` (office/rank; intergovernmental/party/company/
legislature). Matching goes through :func:`word_key`, which folds the spelling
variants Hindi news uses for one name (nukta, ZWJ/ZWNJ, a halant written or not,
anusvara or nasal consonant, long or short i/u, ो/ॉ), so one alias covers many
spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from generator.model import Bilingual, Diagnostic, Entity, Level

TYPES = ("person", "country", "organisation", "place", "ministry", "role")
# What ``kind`` an entry may have, by type; the first is the default.
KINDS = {
    "role": ("office", "rank"),
    "organisation": ("intergovernmental", "party", "company", "legislature"),
}
FIELDS = frozenset(
    {"id", "en", "hi", "country", "role", "role_hi", "kind", "demonym", "demonym_en"}
)

# A word: a run of Devanagari letters and signs (not dandas), or of Latin letters and digits.
WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f\u200c\u200d]+|[^\W_]+")
_FOLD = str.maketrans(
    {
        "ँ": "ं", "ॉ": "ो", "ऑ": "ओ", "ॅ": "े", "ऍ": "ए", "ी": "ि", "ू": "ु", "ई": "इ", "ऊ": "उ",
        "\u200c": None, "\u200d": None, "\u093c": None, ".": None,
    }
)  # fmt: skip
_HALF_NASAL = re.compile("[ङञणनम]\u094d(?=[\u0915-\u092d])")  # before a stop: नरेन्द्र नरेंद्र


@lru_cache(maxsize=1 << 16)
def word_key(word: str, *, halant: bool = False) -> str:
    """The matching key of one word: spelling variants of a name share it.

    With ``halant`` the key keeps inner halants, for spellings that differ by
    one (भूपेंद्र Bhupendra, भूपेंदर Bhupender).
    """
    joined = unicodedata.normalize("NFD", word).replace("\u200c", "").replace("\u200d", "")
    folded = _HALF_NASAL.sub("ं", joined).translate(_FOLD)
    folded = folded.rstrip("\u094d") if halant else folded.replace("\u094d", "")
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
    _longest: int = 1  # words in the longest phrase indexed (an upper bound: never lowered)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def entity(self, id: str) -> Entity | None:
        """The entity with this id, if known."""
        return self._entities.get(id)

    def lookup(self, hindi: str) -> Entity | None:
        """The entity a Hindi name (any known spelling variant) refers to."""
        return self.lookup_key(phrase_key(hindi))

    def lookup_key(self, key: tuple[str, ...]) -> Entity | None:
        """:meth:`lookup` of a name given by its :func:`phrase_key`."""
        found = self._phrases.get(key)
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
        """What sort of role or organisation an entity is; None for other entities.

        Roles: "office" or "rank". Organisations: "intergovernmental" (states are
        members: SCO, UN, Quad), "party", "company" or "legislature".
        """
        return self._kinds.get(id)

    def is_intergovernmental(self, id: str) -> bool:
        """Whether an organisation is a body or grouping of states (SCO, NATO), not a party or firm."""
        return self._kinds.get(id) == "intergovernmental"

    def is_rank(self, id: str) -> bool:
        """Whether a role entity is a military rank (लेफ्टिनेंट जनरल) rather than an office."""
        return self._kinds.get(id) == "rank"

    def first_words(self) -> Container[str]:
        """Keys of the words a known phrase can begin with (to skip the others fast)."""
        return self._first.keys()

    def longest(self) -> int:
        """The most words a known phrase has: :meth:`match` never reads further."""
        return self._longest

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
        type = id.split("/", 1)[0]
        if "kind" in record:
            self._kinds[id] = str(record["kind"])
        elif type in KINDS and id not in self._kinds:
            self._kinds[id] = KINDS[type][0]
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
                self._longest = max(self._longest, len(key))
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
    kinds = KINDS.get(id.split("/", 1)[0], ())
    if "kind" in record and str(record["kind"]) not in kinds:
        allowed = f"one of {', '.join(kinds)}" if kinds else "only for roles and organisations"
        return f"{id}: kind {record['kind']!r} is not known ({allowed})"
    for name in ("en", "country", "role", "role_hi", "demonym_en"):
        if name in record and not isinstance(record[name], str | None):
            return f"{id}: '{name}' must be text"
    return None


def _unknown_fields(record: Mapping[str, Any]) -> list[str]:
    return sorted(str(k) for k in record if k not in FIELDS)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when built: 5-10x faster


def _records(text: str) -> list[tuple[int, Any]]:
    """(line, value) of each item of a YAML list; raises YAMLError or ValueError."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise ValueError("expected a list of entries")
        return [
            (item.start_mark.line + 1, loader.construct_object(item, deep=True))
            for item in node.value
        ]
    finally:
        loader.dispose()


def _read(text: str, path: str, gaz: Gazetteer) -> None:
    """Add the entries of one YAML file; what cannot be used becomes a diagnostic."""
    try:
        records = _records(text)
    except (yaml.YAMLError, ValueError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        gaz.diagnostics.append(Diagnostic(path, line, Level.ERROR, "gazetteer-yaml", str(error)))
        return
    for line, record in records:
        if isinstance(record, Mapping) and (unknown := _unknown_fields(record)):
            message = f"unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(FIELDS))})"
            gaz.diagnostics.append(Diagnostic(path, line, Level.WARNING, "gazetteer", message))
        gaz.add(record, path, line)


@lru_cache(maxsize=1)
def _package_files() -> tuple[tuple[str, str], ...]:
    """(name, text) of the gazetteer files shipped with the package."""
    folder = resources.files("generator") / "data" / "gazetteer"
    found = [(f.name, f.read_text("utf-8")) for f in folder.iterdir() if f.name.endswith(".yaml")]
    return tuple(sorted(found))


def _editor_files(extra: Path) -> tuple[tuple[str, str], ...]:
    """(path, text) of an editor's gazetteer files, in name order."""
    if not extra.is_dir():
        return ()
    return tuple((str(p), p.read_text("utf-8")) for p in sorted(extra.glob("*.y*ml")))


def _signature(extra: Path | None) -> tuple[tuple[str, int, int], ...]:
    """What identifies the state of an editor's folder cheaply: name, size, mtime of each file."""
    if extra is None or not extra.is_dir():
        return ()
    found = []
    for path in sorted(extra.glob("*.y*ml")):
        stat = path.stat()
        found.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@lru_cache(maxsize=8)
def _build(files: tuple[tuple[str, str], ...]) -> Gazetteer:
    """The package gazetteer extended by these editor files (cached by their content)."""
    gaz = Gazetteer()
    for name, text in _package_files():
        _read(text, f"generator/data/gazetteer/{name}", gaz)
    for path, text in files:
        try:
            _read(text, path, gaz)
        except Exception as error:  # an editor's file never stops the build
            gaz.diagnostics.append(Diagnostic(path, 0, Level.ERROR, "gazetteer", repr(error)))
    return gaz


@lru_cache(maxsize=8)
def _load(extra: Path | None, signature: tuple[tuple[str, int, int], ...]) -> Gazetteer:
    try:
        files = _editor_files(extra) if extra is not None else ()
    except (OSError, UnicodeDecodeError) as error:
        gaz = _build(())
        problem = Diagnostic(str(extra), 0, Level.ERROR, "gazetteer", f"cannot read: {error}")
        return Gazetteer(**{**gaz.__dict__, "diagnostics": [*gaz.diagnostics, problem]})
    return _build(files)


def load(extra: Path | None = None) -> Gazetteer:
    """The package gazetteer, extended by the YAML files in ``extra``.

    Cached by the folder's state (file names, sizes and modification times),
    so a long-running process such as ``digest serve`` sees an editor's changes
    on its next call; :func:`reload` forgets everything. Problems in the files
    are in ``diagnostics``. Treat the result as read-only: it is shared.
    """
    return _load(extra, _signature(extra))


def reload() -> None:
    """Forget every cached gazetteer and re-read the package files on the next :func:`load`."""
    _load.cache_clear()
    _build.cache_clear()
    _package_files.cache_clear()
