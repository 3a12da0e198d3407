"""The whole library in memory: articles with their analysis and translations,
ordered and indexed the way the pages need them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analysis import Analysis
from generator.model import Bilingual, Translation

_TITLE_CHARS = 90


@dataclass(frozen=True)
class Entry:
    """One article as the site shows it."""

    analysis: Analysis
    translations: tuple[Translation, ...]
    title: Bilingual

    @property
    def slug(self) -> str:
        return self.analysis.article.slug

    @property
    def date(self) -> dt.date | None:
        return self.analysis.article.meta.date

    def english(self, index: int) -> Translation | None:
        """The English of sentence ``index``, if there is one."""
        return self.translations[index] if index < len(self.translations) else None


@dataclass(frozen=True)
class Digest:
    """Every published article, newest first (undated last)."""

    entries: tuple[Entry, ...]

    def years(self) -> list[int]:
        return sorted({e.date.year for e in self.entries if e.date}, reverse=True)


def cut_title(text: str) -> str:
    """A sentence shortened at a clause boundary to fit a title."""
    text = text.rstrip("।॥.?! ")
    if len(text) <= _TITLE_CHARS:
        return text
    for mark in (",", ";", ":", " कि "):
        head = text[:_TITLE_CHARS].rsplit(mark, 1)[0]
        if len(head) > 20:
            return head.strip() + "…"
    return text[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def default_title(analysis: Analysis, translations: Sequence[Translation]) -> Bilingual:
    """The editor's title, else the first real sentence cut to size, in each language."""
    given = analysis.article.meta.title
    first = next((s for s in analysis.sentences if len(s.text) > 20), None)
    hi = given.hi or (cut_title(first.text) if first else analysis.article.slug)
    en = given.en
    if not en and first is not None and first.index < len(translations):
        en = cut_title(translations[first.index].text)
    return Bilingual(hi=hi, en=en)


def assemble(entries: Sequence[Entry]) -> Digest:
    """The digest with entries in a stable order: newest first, then by slug."""
    ordered = sorted(entries, key=lambda e: (e.date is None, -(e.date or dt.date.min).toordinal(), e.slug))
    return Digest(tuple(ordered))
