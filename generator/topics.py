"""What a meeting was about: English labels from a fixed topic vocabulary.

The vocabulary (``data/topics.yaml``) pairs each label with Hindi cue words;
a cue matches at the start of a word and may carry a short inflection
(``संबंध`` matches ``संबंधों``), never the start of a longer word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

_LETTER = "\u0900-\u0963\u0966-\u097fA-Za-z0-9"
_INFLECTION = "\u093e-\u094d\u0901-\u0903"  # vowel signs, virama, anusvara, chandrabindu


@dataclass(frozen=True)
class Topic:
    """One label of the vocabulary and the pattern of its cues."""

    label: str
    pattern: re.Pattern[str]
    cues: tuple[str, ...] = ()  # the cues as the pattern spells them: one must occur for a match


def _topic(label: str, cues: Sequence[str]) -> Topic:
    return Topic(label, _pattern(cues), tuple(unicodedata.normalize("NFC", cue) for cue in cues))


def _pattern(cues: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(
        re.escape(unicodedata.normalize("NFC", cue)) for cue in sorted(cues, key=len, reverse=True)
    )
    return re.compile(rf"(?<![{_LETTER}])(?:{alternatives})[{_INFLECTION}]{{0,3}}(?![{_LETTER}])")


def parse(text: str) -> tuple[Topic, ...]:
    """A vocabulary from YAML text: a list of ``{label, cues}`` entries."""
    entries = yaml.safe_load(text) or []
    return tuple(
        _topic(str(entry["label"]), [str(cue) for cue in entry["cues"]])
        for entry in entries
        if entry.get("label") and entry.get("cues")
    )


@cache
def vocabulary() -> tuple[Topic, ...]:
    """The vocabulary shipped with the package."""
    return parse(resources.files("generator").joinpath("data/topics.yaml").read_text("utf-8"))


def prepare() -> None:
    """Read and compile the shipped vocabulary now, e.g. once before forking workers that all use it."""
    _line_free()
    _shipped_cues()


def find(texts: Iterable[str], topics: Sequence[Topic] | None = None) -> tuple[str, ...]:
    """Labels whose cues occur in ``texts``, in vocabulary order.

    With the shipped vocabulary each text's labels are found once and kept
    (the sentences of one report feed several meetings): no cue spans a line
    end, so the labels of texts joined by line ends are those of each text.
    """
    if topics is not None or not _line_free():
        return _find(_joined(texts), vocabulary() if topics is None else topics)
    hits = frozenset().union(*map(_shipped_hits, texts))
    return tuple(t.label for i, t in enumerate(vocabulary()) if i in hits)


def _joined(texts: Iterable[str]) -> str:
    """The texts as one, line by line, in NFC and without zero-width joiners."""
    joined = unicodedata.normalize("NFC", "\n".join(texts))
    return joined.replace("\u200d", "").replace("\u200c", "")


def _find(joined: str, topics: Sequence[Topic]) -> tuple[str, ...]:
    """Labels of ``topics`` found in a joined text.

    A plain substring test of the cues rules most topics out before their
    pattern (slow to search: it opens with a look-behind) is tried.
    """
    return tuple(
        t.label
        for t in topics
        if (not t.cues or any(cue in joined for cue in t.cues)) and t.pattern.search(joined)
    )


@cache
def _line_free() -> bool:
    """Whether every shipped topic has cues, none empty or holding a line end (none spans texts)."""
    return all(t.cues and all(c and "\n" not in c for c in t.cues) for t in vocabulary())


@lru_cache(maxsize=4096)
def _shipped_hits(text: str) -> frozenset[int]:
    """Positions in the shipped vocabulary of the topics found in one text.

    The cues the text holds are found first, once, by substring tests; only a
    topic with one of them has its pattern searched.
    """
    joined = _joined([text])
    present = set(filter(joined.__contains__, _shipped_cues()))
    return frozenset(
        i
        for i, t in enumerate(vocabulary())
        if not present.isdisjoint(t.cues) and t.pattern.search(joined)
    )


@cache
def _shipped_cues() -> frozenset[str]:
    """Every cue of the shipped vocabulary."""
    return frozenset(cue for t in vocabulary() for cue in t.cues)
