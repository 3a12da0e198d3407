"""The fallback when no model is installed: key terms and names of a sentence in English.

Not a translation: a word-for-word gloss of what the glossary knows (domain
terms, the gazetteer's names, the names stage's mentions), in source order, with
``…`` where words were left out. Pages label it as a gloss.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from generator import hindi
from generator.model import Mention
from generator.translate.glossary import DOMAIN_TERMS

GAP = "…"
MAX_WORDS = 6  # the longest glossary entry, in words, that is looked for
_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f]+|[^\W_]+")
OPENS = "\0"  # Glossary.part of a word that may start an entry (no word holds a NUL)
_SPLIT = re.compile(f"({_WORD.pattern})")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DEVANAGARI = re.compile("[\u0900-\u097f]")
_stem = lru_cache(maxsize=1 << 16)(hindi.stem)  # a sentence's words recur across a whole site


@dataclass(frozen=True)
class Glossary:
    """Hindi word sequences (exact and stemmed) mapped to English."""

    exact: dict[tuple[str, ...], str]
    stemmed: dict[tuple[str, ...], str]
    digest: str
    # Every leading part of a key, so a lookup stops at the first window no entry begins with.
    _exact_prefixes: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _stemmed_prefixes: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)
    # First words and first stems of the entries: a word that is neither starts none.
    starts: frozenset[str] = field(init=False, repr=False, compare=False)
    # What each word met so far stands for on its own: OPENS if it may start an entry, else its _unglossed.
    _parts: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_exact_prefixes", _prefixes(self.exact))
        object.__setattr__(self, "_stemmed_prefixes", _prefixes(self.stemmed))
        object.__setattr__(self, "starts", frozenset(k[0] for k in (*self.exact, *self.stemmed)))

    @classmethod
    def build(cls, extra: Iterable[tuple[str, str]] = ()) -> Glossary:
        """Domain terms plus ``extra`` (e.g. the gazetteer's names); ``extra`` wins on conflict."""
        exact: dict[tuple[str, ...], str] = {}
        stemmed: dict[tuple[str, ...], str] = {}
        for hindi_text, english in (*DOMAIN_TERMS, *extra):
            words = tuple(_words(hindi.normalise(hindi_text)))
            if words and english.strip() and len(words) <= MAX_WORDS:
                exact[words] = english.strip()
                stems = tuple(hindi.stem(w) for w in words)
                if all(len(stem) >= 3 for stem in stems):
                    stemmed[stems] = english.strip()
        lines = sorted(f"{' '.join(k)}\t{v}" for k, v in exact.items())
        digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]
        return cls(exact, stemmed, digest)

    def part(self, word: str) -> str | None:
        """:data:`OPENS` if ``word`` (or its stem) starts an entry, else what it stands for alone (cached)."""
        try:
            return self._parts[word]
        except KeyError:  # a word not met before
            opens = word in self.starts or _stem(word) in self.starts
            found = self._parts[word] = OPENS if opens else _unglossed(word)
            return found

    def match(
        self, words: Sequence[str], at: int = 0, stems: Sequence[str] | None = None
    ) -> tuple[int, str] | None:
        """The longest entry starting at ``words[at]``: (words used, English).

        At equal length an exact entry wins over a stemmed one; a window holding
        a stopword is only looked up exactly. ``stems`` (the words' stems,
        computed once per sentence by the caller) saves stemming the same word
        for every window that contains it.
        """
        limit = min(MAX_WORDS, len(words) - at)
        exact_size = stemmed_size = 0
        key: tuple[str, ...] = ()
        for size in range(1, limit + 1):
            key += (words[at + size - 1],)
            if key not in self._exact_prefixes:
                break
            if key in self.exact:
                exact_size = size
        key = ()
        for size in range(1, limit + 1):
            word = words[at + size - 1]
            if word in hindi.STOPWORDS:
                break
            key += (stems[at + size - 1] if stems else _stem(word),)
            if key not in self._stemmed_prefixes:
                break
            if key in self.stemmed:
                stemmed_size = size
        if exact_size and exact_size >= stemmed_size:
            return exact_size, self.exact[tuple(words[at : at + exact_size])]
        if stemmed_size:
            stem_key = tuple(stems[at : at + stemmed_size]) if stems else key[:stemmed_size]
            return stemmed_size, self.stemmed[stem_key]
        return None


def _prefixes(keys: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    return frozenset(key[:size] for key in keys for size in range(1, len(key) + 1))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _words_at(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and their offsets, from one split: each word starts where the gap before it ends."""
    parts = _SPLIT.split(text)  # gap, word, gap, word ... gap
    return parts[1::2], list(accumulate(map(len, parts)))[:-1:2]


def gloss(text: str, mentions: Sequence[Mention], glossary: Glossary) -> str:
    """Key terms and names of one sentence in English, in order, gaps marked ``…``."""
    names = _names(text, mentions) if mentions else []
    words, starts = _words_at(text) if names else (_WORD.findall(text), [])
    parts: list[str] = []
    i = 0
    count = len(words)
    next_name = 0  # names and words both run left to right: one pass over each
    while i < count:
        if next_name < len(names):
            start = starts[i]
            while next_name < len(names) and names[next_name].end <= start:
                next_name += 1
            name = names[next_name] if next_name < len(names) else None
            if name is not None and name.start <= start:
                parts.append(name.entity.name.en or "")
                while i < count and starts[i] < name.end:
                    i += 1
                continue
        part = glossary.part(words[i])
        if part is OPENS:
            found = glossary.match(words, i)
            if found is not None:
                parts.append(found[1])
                i += found[0]
                continue
            part = _unglossed(words[i])
        if part is not None:
            parts.append(part)
        i += 1
    return _tidy(parts, text)


def _names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with an English name inside ``text``, in order, the longest first where two start together."""
    return sorted((m for m in mentions if m.entity.name.en and 0 <= m.start < m.end <= len(text)),
                  key=lambda m: (m.start, -m.end))


@lru_cache(maxsize=1 << 16)
def _unglossed(word: str) -> str | None:
    """What a word no entry covers stands for: itself (digits in ASCII), a gap, or nothing (a stopword)."""
    if not _DEVANAGARI.search(word) or word.isdigit():  # Devanagari digits are digits too
        return word.translate(_DIGITS)
    return None if word in hindi.STOPWORDS else GAP


def _tidy(parts: list[str], text: str) -> str:
    """Join the parts: no repeated words or gaps, a capital first letter, a final stop."""
    kept: list[str] = []
    for part in parts:
        if not kept or part != kept[-1]:
            kept.append(part)
    joined = " ".join(kept).strip()
    if not joined:
        return GAP
    end = "?" if text.rstrip("”’\"' )").endswith("?") else "."
    return joined[0].upper() + joined[1:] + ("" if joined.endswith(GAP) else end)
