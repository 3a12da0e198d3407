"""The values the stages hand each other: frozen, plain, and comparable.

Every stage takes and returns these; nothing here touches the disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def compact_pickle(cls: type[T]) -> type[T]:
    """Pickle a slotted dataclass as a call of its constructor with its field values.

    The dataclass default looks up ``fields()`` for every object pickled or
    unpickled, which dominated loading the cached analyses.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    values: Callable[[Any], Any] = attrgetter(*names)
    single = len(names) == 1

    def reduce(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, ((values(self),) if single else values(self))

    cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls


class Level(StrEnum):
    """How serious a diagnostic is: errors skip the input, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@compact_pickle
@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    """One problem with one input, printed as ``file:line: level: message``."""

    path: str
    line: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level.value}: {self.message} [{self.code}]"


@compact_pickle
@dataclass(frozen=True, slots=True)
class Bilingual:
    """The same text in Hindi and English; either may be missing."""

    hi: str | None = None
    en: str | None = None

    def get(self, lang: str) -> str | None:
        """The text in ``lang``, falling back to the other language."""
        own = self.hi if lang == "hi" else self.en
        return own if own else (self.en if lang == "hi" else self.hi)


@compact_pickle
@dataclass(frozen=True, slots=True)
class Metadata:
    """What an editor says about an article (front matter or sidecar)."""

    date: dt.date | None = None
    title: Bilingual = field(default_factory=Bilingual)
    place: Bilingual = field(default_factory=Bilingual)
    source: str | None = None
    url: str | None = None


@compact_pickle
@dataclass(frozen=True, slots=True)
class Article:
    """One input as read from disk: normalised body text and its metadata."""

    slug: str
    path: str
    body: str
    body_line: int  # 1-based line of the file on which ``body`` starts
    meta: Metadata
    digest: str  # hash of the raw bytes and sidecar, for caching


@compact_pickle
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article; ``index`` is its position in the article."""

    index: int
    paragraph: int
    text: str
    line: int  # 1-based line in the source file


@compact_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    """A gazetteer entry or a recognised name: one page on the site."""

    id: str  # stable slug, e.g. "person/rajnath-singh", "country/russia"
    type: str  # person | country | organisation | place | ministry | role
    name: Bilingual
    country: str | None = None  # entity id of the country or organisation it belongs to
    role: Bilingual = field(default_factory=Bilingual)
    romanised: bool = False  # True when the English name came from rules, not the gazetteer


@compact_pickle
@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found in a sentence, with its character span in that sentence."""

    sentence: int
    start: int
    end: int
    text: str
    entity: Entity


@compact_pickle
@dataclass(frozen=True, slots=True)
class Participant:
    """One side of a meeting: a person, or an office held for a country or body."""

    entity_id: str | None
    name: Bilingual | None  # None when only the office is known
    role: Bilingual
    country: Bilingual
    country_id: str | None = None


@compact_pickle
@dataclass(frozen=True, slots=True)
class Meeting:
    """An interaction between parties representing states or organisations."""

    id: str
    kind: str  # meeting | talks | call | visit | summit | multilateral
    date: dt.date | None
    date_basis: str  # explicit | weekday | today | yesterday | tomorrow | last-week | publication | unknown
    future: bool
    place: Bilingual | None
    occasion: Bilingual | None
    topics: tuple[str, ...]
    participants: tuple[Participant, ...]
    articles: tuple[str, ...]
    evidence: tuple[str, ...]
    sentences: tuple[int, ...]  # indices of the evidence sentences in the first article
    notes: tuple[Bilingual, ...] = ()


@compact_pickle
@dataclass(frozen=True, slots=True)
class Translation:
    """An English sentence with where it came from."""

    text: str
    provenance: str  # editor | machine | gloss
    engine: str | None = None  # e.g. "argostranslate translate-hi_en 1.1"
