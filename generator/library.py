"""The per-article results a build reuses: analyses, English, and the cards made of them.

Analyses and English are cached one file per article (``cache.Store``). Cards
(``Entry.card``: what pages other than the article's own show) are kept
together in one pack file per configuration, their repeated values (names,
places, participants, entities) shared, so a build loads every card with one
read and holds them in a fraction of the memory of separate copies. Cards
made since the pack was written go to a small overlay file, so an edit does
not rewrite the whole pack; the pack is rewritten when the overlay grows.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from generator import atomic, titles
from generator.analysis import Analysis
from generator.cache import Store
from generator.digest import Entry
from generator.model import Article, Meeting
from generator.translate import Translator

OVERLAY_MIN = 64  # cards the overlay may hold before the pack is rewritten ...
OVERLAY_SHARE = 20  # ... or one in this many of the cards, if more


class Library:
    """The caches of one configuration (``settings``) under ``cache``."""

    def __init__(self, cache: Path, translator: Translator, settings: str) -> None:
        self.translator = translator
        self.analyses = Store(cache, "analysis", settings)
        self.english = Store(cache, "english", f"{settings}-{translator.engine_version()}")
        version = hashlib.sha256(f"{settings}-{translator.engine_version()}".encode()).hexdigest()[:16]
        self.pack = cache / "cards" / f"{version}.pickle"
        self.overlay = cache / "cards" / f"{version}.overlay.pickle"
        self._cards: dict[str, Entry] = {}  # the cards of this build, by key
        self._shared: dict[Any, Any] = {}

    @cached_property
    def _packed(self) -> dict[str, Entry]:
        """The cards in the pack, read when first asked for (a quick build adds to the overlay only)."""
        return _load(self.pack)

    @cached_property
    def _overlaid(self) -> dict[str, Entry]:
        return _load(self.overlay) if self._packed else {}

    @cached_property
    def _stored(self) -> dict[str, Entry]:
        return {**self._packed, **self._overlaid}

    def card(self, key: str, article: Article) -> Entry | None:
        """The card of ``article`` from the pack, or None (also when what it was made from is gone)."""
        found = self._stored.get(key)
        if found is None or not _is_card_of(found, article) or not (self.analyses.has(key) and self.english.has(key)):
            return None
        self._cards[key] = found
        return replace(found, source=partial(self.whole, key))

    def analysis(self, key: str, article: Article) -> Analysis | None:
        found = self.analyses.get(key)
        return found if isinstance(found, Analysis) and found.article == article else None

    def add(self, key: str, analysis: Analysis, *, stored: bool = False) -> Entry:
        """Store an analysis (unless ``stored``), translate it, and return its card."""
        return self.adopt(key, self.card_of(key, analysis, stored=stored))

    def card_of(self, key: str, analysis: Analysis, *, stored: bool = False) -> Entry:
        """Store an analysis (unless ``stored``) and its English, translated if not cached; the card of the two.

        Writes only files of its own key, so analysis workers may call it; ``adopt`` takes the card in.
        """
        if not stored:
            self.analyses.put(key, analysis)
        english = self.english.get(key)
        if not isinstance(english, tuple) or len(english) != len(analysis.sentences):
            english = self.translator.translate_article(analysis.sentences, analysis.mentions)
            self.english.put(key, english)
        return Entry(analysis, english, titles.title(analysis, english), f"{key}-{self.english.folder.name}").card()

    def adopt(self, key: str, card: Entry) -> Entry:
        """Make ``card`` (from ``card_of``) one of this build's, its repeated values shared; it, able to get whole."""
        self._cards[key] = self._share(card)
        return replace(self._cards[key], source=partial(self.whole, key))

    def whole(self, key: str) -> Entry:
        """The whole entry behind a card (for the article's own page)."""
        analysis, english = self.analyses.get(key), self.english.get(key)
        if not isinstance(analysis, Analysis) or not isinstance(english, tuple):
            raise RuntimeError(f"the cache lost an entry during the build: {key}")
        return replace(self._cards[key], analysis=analysis, translations=english)

    def save(self) -> None:
        """Write the cards made by this build (overlay or whole pack); drop what other configurations left."""
        newer = {k: c for k, c in self._cards.items() if self._packed.get(k) is not c}
        unused = len(self._packed.keys() - self._cards.keys())
        small = len(newer) + unused <= max(OVERLAY_MIN, len(self._cards) // OVERLAY_SHARE)
        if not self._packed or not small:
            _dump(self.pack, self._cards)
            self.overlay.unlink(missing_ok=True)
        elif newer.keys() != self._overlaid.keys() or any(self._overlaid[k] is not c for k, c in newer.items()):
            _dump(self.overlay, newer)  # else nothing is new since the last build
        for old in self.pack.parent.glob("*.pickle"):
            if old not in (self.pack, self.overlay):
                old.unlink(missing_ok=True)
        self.analyses.prune_others()
        self.english.prune_others()

    def save_overlay(self) -> None:
        """Add the cards made by this build to the overlay, leaving the pack unread (a quick build)."""
        if self.pack.is_file():
            _dump(self.overlay, {**_load(self.overlay), **self._cards})

    def _share(self, card: Entry) -> Entry:
        """``card`` with its repeated values replaced by one shared copy each."""
        analysis = card.analysis
        mentions = tuple(replace(m, entity=self._one(m.entity)) for m in analysis.mentions)
        meetings = tuple(self._shared_meeting(m) for m in analysis.meetings)
        return replace(card, analysis=replace(analysis, mentions=mentions, meetings=meetings))

    def _shared_meeting(self, m: Meeting) -> Meeting:
        return replace(m, place=self._one(m.place), occasion=self._one(m.occasion), topics=self._one(m.topics),
                       participants=tuple(self._one(p) for p in m.participants))

    def _one(self, value: Any) -> Any:
        return self._shared.setdefault(value, value)


def _dump(path: Path, cards: dict[str, Entry]) -> None:
    atomic.write_pickle(path, cards, durable=False)


def _load(pack: Path) -> dict[str, Entry]:
    """The cards in ``pack``; none if it is missing or unreadable (it only saves time)."""
    return atomic.read_pickle(pack, dict) or {}


def _is_card_of(card: object, article: Article) -> bool:
    if not isinstance(card, Entry):
        return False
    found = card.analysis.article
    return (found.slug, found.path, found.meta, found.digest) == (article.slug, article.path, article.meta, article.digest)
