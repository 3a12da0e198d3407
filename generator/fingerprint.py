"""Fingerprints of what a page is made from, so an unchanged page is not rendered again.

A page's output depends on its own context and on the few things templates
look up in the digest for any page (which entities have pages, article titles
and dates, meeting counts per article, the years). The page key hashes both,
plus everything site-wide (code, templates, configuration), plus what a page
loads only when rendered (``Page.lazy_key``: an article's full text).
Anything else a template shows must come through the page's context.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import generator
from generator import model
from generator.digest import Digest, Entry
from generator.model import Entity, Meeting

_PLAIN = (str, int, float, bool, dt.date)  # hashed by their repr
_SHARED = (Entry, Meeting, Entity, tuple)  # immutable and shared by many pages: memoised by identity


class Fingerprints:
    """Hashes of page contexts, memoising the shared values (meetings, entities) of one build."""

    def __init__(self, site_wide: str, digest: Digest, shown_for: Callable[[str], bool] = lambda _: True) -> None:
        self._memo: dict[int, bytes] = {}
        self._keep: list[object] = []  # memoised objects stay alive, so their ids stay theirs
        self.shown: dict[str, str] = {}  # page path -> its key without the lazily loaded part
        self._shown_for = shown_for  # the pages whose ``shown`` key is kept
        self.base = _hash(site_wide.encode(), self._digest_shape(digest))

    def page(self, path: str, template: str, lang: str | None, context: dict[str, Any],
             alternates: dict[str, str], lazy_key: str = "") -> str:
        """The key of one page: equal keys mean equal bytes.

        The key without ``lazy_key`` is kept in ``shown``: it covers all of the
        page but what is loaded lazily (an article's full text, which the search
        index ignores), so the index can be keyed by it.
        """
        own = {k: v for k, v in context.items() if not isinstance(v, Digest)}
        shown = _hash(self.base, repr((path, template, lang, sorted(alternates.items()))).encode(), self.of(own))
        if self._shown_for(path):
            self.shown[path] = shown.hex()
        return with_lazy(shown.hex(), lazy_key)

    def combined(self, *values: Any) -> str:
        """A key of ``values`` and everything site-wide (code, templates, settings, the digest's shape)."""
        return _hash(self.base, *(self.of(v) for v in values)).hex()

    def of(self, value: Any) -> bytes:
        """A hash of any value a template may read."""
        found = self._memo.get(id(value))  # an id in the memo is a kept object's: no other can have it
        if found is not None:
            return found
        if isinstance(value, _PLAIN) or value is None:
            return repr(value).encode()
        if isinstance(value, _SHARED):  # immutable: memoised by identity
            found = self._memo[id(value)] = self._of_shared(value)
            self._keep.append(value)
            return found
        if type(value).__module__ == model.__name__:
            return _pickled(value)  # plain frozen values (mentions, names): pickling is fast C code
        if isinstance(value, dict):
            if all(type(k) is str for k in value):
                return _hash(b"{", *(k.encode() + b"\0" + self.of(value[k]) for k in sorted(value)))
            pairs = sorted(self.of(k) + b":" + self.of(v) for k, v in value.items())
            return _hash(b"{", *pairs)
        if isinstance(value, set | frozenset):
            return _hash(b"<", *sorted(self.of(v) for v in value))
        if isinstance(value, list):
            return _hash(b"[", *(self.of(v) for v in value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = (self.of(getattr(value, name)) for name in _field_names(type(value)))
            return _hash(type(value).__name__.encode(), *fields)
        return _pickled(value)

    def _of_shared(self, value: Entry | Meeting | Entity | tuple[Any, ...]) -> bytes:
        if isinstance(value, tuple):
            return _hash(b"[", *(self.of(v) for v in value))
        return _listed(value) if isinstance(value, Entry) else _pickled(value)

    def _digest_shape(self, digest: Digest) -> bytes:
        """What any page may look up in the digest: not meetings or texts, which come in its context."""
        entries = (repr((e.slug, e.date, e.title)).encode() for e in digest.entries)
        counts = repr(sorted((slug, len(found)) for slug, found in digest.by_article.items())).encode()
        years = repr((digest.years(), bool(digest.undated()))).encode()
        return _hash(self.of(list(digest.entities.values())), _hash(*entries), counts, years)


def with_lazy(shown: str, lazy_key: str) -> str:
    """A page's key from its key without the lazily loaded part (``Fingerprints.shown``) and ``lazy_key``."""
    return _hash(bytes.fromhex(shown), lazy_key.encode()).hex() if lazy_key else shown


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


@cache
def code_version() -> str:
    """A hash of the generator's code and data: a change invalidates the analysis cache."""
    root = Path(generator.__file__).parent
    digest = hashlib.sha256(generator.__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".yaml", ".tsv", ".json", ".txt"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def files_hash(folders: Iterable[Path]) -> str:
    """A hash of every file under the given folders (templates, static assets)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _listed(entry: Entry) -> bytes:
    """A hash of what a page listing an entry can show of it: all but the text its card leaves out."""
    chosen = sorted(set(entry.analysis.summary))
    summary = [(s.index, s.text) for s in entry.analysis.sentences if s.index in chosen]
    shown = (entry.slug, entry.analysis.article.meta, entry.title, summary,
             [entry.english(i) for i in chosen], entry.has_gloss, entry.analysis.meetings)
    return _pickled(shown)


def _pickled(value: object) -> bytes:
    return hashlib.sha256(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).digest()


def _hash(*parts: bytes) -> bytes:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()
