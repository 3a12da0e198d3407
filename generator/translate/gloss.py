"""The fallback when no model is installed: key terms and names of a sentence in English.

Not a translation: a word-for-word gloss of what the glossary knows (domain
terms, the gazetteer's names, the names stage's mentions), in source order, with
``…`` where words were left out. Pages label it as a gloss.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator import hindi
from generator.model import Mention
from generator.translate.glossary import DOMAIN_TERMS

GAP = "…"
MAX_WORDS = 6  # the longest glossary entry, in words, that is looked for
_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f]+|[^\W_]+")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@dataclass(frozen=True)
class Glossary:
    """Hindi word sequences (exact and stemmed) mapped to English."""

    exact: dict[tuple[str, ...], str]
    stemmed: dict[tuple[str, ...], str]
    digest: str

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

    def match(
        self, words: Sequence[str], at: int = 0, stems: Sequence[str] | None = None
    ) -> tuple[int, str] | None:
        """The longest entry starting at ``words[at]``: (words used, English).

        ``stems`` (the words' stems, computed once per sentence by the caller)
        saves stemming the same word for every window that contains it.
        """
        for size in range(min(MAX_WORDS, len(words) - at), 0, -1):
            key = tuple(words[at : at + size])
            found = self.exact.get(key)
            if not found and not any(w in hindi.STOPWORDS for w in key):
                stem_key = tuple(stems[at : at + size]) if stems else tuple(map(hindi.stem, key))
                found = self.stemmed.get(stem_key)
            if found:
                return size, found
        return None


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def gloss(text: str, mentions: Sequence[Mention], glossary: Glossary) -> str:
    """Key terms and names of one sentence in English, in order, gaps marked ``…``."""
    names = sorted((m for m in mentions if m.entity.name.en and 0 <= m.start < m.end <= len(text)),
                   key=lambda m: (m.start, -m.end))
    spans = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text)]
    words = [span[2] for span in spans]
    stems = [hindi.stem(w) for w in words]
    parts: list[str] = []
    i = 0
    next_name = 0  # names and words both run left to right: one pass over each
    while i < len(spans):
        start = spans[i][0]
        while next_name < len(names) and names[next_name].end <= start:
            next_name += 1
        name = names[next_name] if next_name < len(names) else None
        if name is not None and name.start <= start:
            parts.append(name.entity.name.en or "")
            while i < len(spans) and spans[i][0] < name.end:
                i += 1
            continue
        found = glossary.match(words, i, stems)
        if found is not None:
            parts.append(found[1])
            i += found[0]
            continue
        word = spans[i][2]
        if not re.search("[\u0900-\u097f]", word) or word.translate(_DIGITS).isdigit():
            parts.append(word.translate(_DIGITS))
        elif word not in hindi.STOPWORDS:
            parts.append(GAP)
        i += 1
    return _tidy(parts, text)


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
