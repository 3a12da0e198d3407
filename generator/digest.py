"""The whole library in memory: articles with their analysis and translations,
ordered and indexed the way the pages need them.

Every index is built in one pass over the articles and one over the meetings,
so assembling stays linear however large the library grows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from generator import meetings as meetings_stage
from generator.analysis import Analysis
from generator.model import Bilingual, Entity, Meeting, Participant, Translation

PAGE_TYPES = ("person", "country", "organisation")  # entity types that have a page of their own


@dataclass(frozen=True)
class Entry:
    """One article as the site shows it."""

    analysis: Analysis
    translations: tuple[Translation, ...]
    title: Bilingual
    fingerprint: str = ""  # identifies the inputs of all the above; set by the build for its page cache
    source: Callable[[], Entry] | None = field(default=None, compare=False, repr=False)  # see ``card``
    glossed: bool | None = None  # ``has_gloss`` of the whole entry, kept by its card

    def card(self, source: Callable[[], Entry] | None = None) -> Entry:
        """This entry cut down to what pages other than its own show, with ``source`` to get it whole.

        A card keeps the metadata, title, summary sentences and their English,
        one mention of each entity, and the meetings; it drops the body, the
        other sentences and their English. Only the article's own page needs
        those, and it asks ``whole()``.
        """
        analysis = self.analysis
        chosen = set(analysis.summary)
        firsts = {m.entity.id: m for m in reversed(analysis.mentions)}
        kept = replace(
            analysis,
            article=replace(analysis.article, body=""),
            sentences=tuple(s for s in analysis.sentences if s.index in chosen),
            mentions=tuple(m for m in analysis.mentions if firsts[m.entity.id] is m),
        )
        english = tuple(t if i in chosen else _OMITTED for i, t in enumerate(self.translations))
        return replace(self, analysis=kept, translations=english, source=source, glossed=self.has_gloss)

    def whole(self) -> Entry:
        """The entry with every sentence and translation (itself unless it is a card)."""
        return self.source() if self.source else self

    @property
    def slug(self) -> str:
        return self.analysis.article.slug

    @property
    def date(self) -> dt.date | None:
        return self.analysis.article.meta.date

    def english(self, index: int) -> Translation | None:
        """The English of sentence ``index``, if there is one."""
        return self.translations[index] if index < len(self.translations) else None

    def summary(self, lang: str) -> str:
        """The summary sentences joined, in ``lang``; in Hindi when their English is missing or a gloss."""
        english = self.summary_lang(lang) == "en"
        chosen = set(self.analysis.summary)
        parts: list[str] = []
        for sentence in self.analysis.sentences:
            if sentence.index in chosen:
                translation = self.english(sentence.index)
                parts.append(translation.text if english and translation else sentence.text)
        return " ".join(parts)

    def summary_lang(self, lang: str) -> str:
        """The language ``summary(lang)`` is written in: English only from real translations."""
        if lang == "hi" or not self.analysis.summary:
            return "hi"
        found = [self.english(i) for i in self.analysis.summary]
        return "en" if all(t is not None and t.provenance != "gloss" for t in found) else "hi"

    @property
    def has_gloss(self) -> bool:
        if self.glossed is not None:
            return self.glossed
        return any(t.provenance == "gloss" for t in self.translations)


_OMITTED = Translation("", "omitted")  # a card's placeholder for English it does not carry


@dataclass(frozen=True)
class Counterpart:
    """Someone (or some country) met, and how often."""

    id: str | None  # entity id when it has a page
    name: Bilingual
    count: int


@dataclass(frozen=True)
class Digest:
    """Every published article, newest first (undated last), and what they report."""

    entries: tuple[Entry, ...]
    meetings: tuple[Meeting, ...] = ()  # merged across articles, newest first
    entities: dict[str, Entity] = field(default_factory=dict)  # entities with a page, by id
    by_entity: dict[str, tuple[Meeting, ...]] = field(default_factory=dict)
    by_article: dict[str, tuple[Meeting, ...]] = field(default_factory=dict)
    by_slug: dict[str, Entry] = field(default_factory=dict)
    mentioned_in: dict[str, tuple[Entry, ...]] = field(default_factory=dict)  # entity id -> articles, newest first

    def years(self) -> list[int]:
        """Years with an article or a meeting, newest first."""
        found = {e.date.year for e in self.entries if e.date}
        found |= {m.date.year for m in self.meetings if m.date}
        return sorted(found, reverse=True)

    def meetings_in(self, year: int) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if m.date and m.date.year == year)

    def entries_in(self, year: int) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.date and e.date.year == year)

    def undated(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.date is None)

    def of_type(self, kind: str) -> list[Entity]:
        """Entities of one type, most meetings first, then by English name."""
        found = [e for e in self.entities.values() if e.type == kind]
        return sorted(found, key=lambda e: (-len(self.by_entity.get(e.id, ())), e.name.en or e.name.hi or "", e.id))

    def entity(self, id: str | None) -> Entity | None:
        return self.entities.get(id) if id else None

    def counterparts(self, id: str) -> list[Counterpart]:
        """Who ``id`` (a person, country or organisation) met, most often first."""
        counts: Counter[str] = Counter()
        names: dict[str, tuple[str | None, Bilingual]] = {}
        for meeting in self.by_entity.get(id, ()):
            seen: set[str] = set()
            for p in meeting.participants:
                key, target, name = _counterpart_of(p, id, self.entities)
                if key and key not in seen:
                    seen.add(key)
                    counts[key] += 1
                    names[key] = (target, name)
        order = sorted(counts, key=lambda k: (-counts[k], names[k][1].en or names[k][1].hi or "", k))
        return [Counterpart(names[k][0], names[k][1], counts[k]) for k in order]


def _counterpart_of(p: Participant, id: str, entities: dict[str, Entity]) -> tuple[str | None, str | None, Bilingual]:
    """The key, page id and name of ``p`` as a counterpart of ``id`` (no key when on id's side)."""
    if id.startswith("person/"):
        if p.entity_id == id:
            return None, None, Bilingual()
        if p.entity_id:
            entity = entities.get(p.entity_id)
            return p.entity_id, p.entity_id if entity else None, entity.name if entity else (p.name or p.role)
        office = _office_name(p)
        return f"office:{office.en or office.hi}", None, office
    if p.country_id == id or p.entity_id == id or not p.country_id:
        return None, None, Bilingual()
    return p.country_id, p.country_id if p.country_id in entities else None, p.country


def _office_name(p: Participant) -> Bilingual:
    """``Defence Minister, Russia`` for a participant known only by office."""
    def join(role: str | None, country: str | None) -> str | None:
        return ", ".join(x for x in (role, country) if x) or None

    return Bilingual(hi=join(p.role.hi, p.country.hi), en=join(p.role.en, p.country.en))


def newest_first(date: dt.date | None, key: str) -> tuple[bool, int, str]:
    """Sort key: newest date first, undated last, then by ``key``."""
    return (date is None, -(date or dt.date.min).toordinal(), key)


def _entities(entries: Sequence[Entry], meetings: Sequence[Meeting]) -> dict[str, Entity]:
    """Entities with a page: named in an article or taking part in a meeting."""
    found: dict[str, Entity] = {}
    for entry in entries:
        for mention in entry.analysis.mentions:
            entity = mention.entity
            if entity.type in PAGE_TYPES and entity.id not in found:
                found[entity.id] = entity
    for meeting in meetings:
        for p in meeting.participants:
            if p.entity_id and p.entity_id not in found and p.entity_id.split("/")[0] in PAGE_TYPES:
                kind = p.entity_id.split("/")[0]
                found[p.entity_id] = Entity(p.entity_id, kind, p.name or p.role, p.country_id, p.role)
            if p.country_id and p.country_id not in found and p.country_id.split("/")[0] in PAGE_TYPES:
                found[p.country_id] = Entity(p.country_id, p.country_id.split("/")[0], p.country)
    return found


def assemble(entries: Sequence[Entry]) -> Digest:
    """The digest with entries in a stable order (newest first, then by slug) and its indexes.

    A meeting reported by several articles becomes one (``meetings.merge``).
    """
    ordered = tuple(sorted(entries, key=lambda e: newest_first(e.date, e.slug)))
    merged = meetings_stage.merge(m for e in ordered for m in e.analysis.meetings)
    meetings = tuple(sorted(merged, key=lambda m: newest_first(m.date, m.id)))
    by_entity: defaultdict[str, list[Meeting]] = defaultdict(list)
    by_article: defaultdict[str, list[Meeting]] = defaultdict(list)
    mentioned_in: defaultdict[str, list[Entry]] = defaultdict(list)
    for entry in ordered:
        for id in dict.fromkeys(m.entity.id for m in entry.analysis.mentions if m.entity.type in PAGE_TYPES):
            mentioned_in[id].append(entry)
    for meeting in meetings:
        ids = {x for p in meeting.participants for x in (p.entity_id, p.country_id) if x}
        for id in sorted(ids):
            by_entity[id].append(meeting)
        for slug in dict.fromkeys(meeting.articles):
            by_article[slug].append(meeting)
    return Digest(
        entries=ordered,
        meetings=meetings,
        entities=_entities(ordered, meetings),
        by_entity={k: tuple(v) for k, v in by_entity.items()},
        by_article={k: tuple(v) for k, v in by_article.items()},
        by_slug={e.slug: e for e in ordered},
        mentioned_in={k: tuple(v) for k, v in mentioned_in.items()},
    )
