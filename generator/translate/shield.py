"""Names through the model: shield recognised names behind placeholders, restore them in English.

The names stage knows that ``शोइगु`` is Sergei Shoigu; the model does not and may
mistranslate it. So each mention becomes ``NAME<k>`` before translation, and
``NAME<k>`` in the output becomes the entity's English name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Mention

PLACEHOLDER = "NAME{}"


@dataclass(frozen=True)
class Shielded:
    """A sentence with names replaced by placeholders; ``names[k]`` is ``NAME<k>`` in English."""

    text: str
    names: tuple[str, ...]


def _usable(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with an English name, in order, without overlaps, inside the text."""
    chosen: list[Mention] = []
    end = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start >= end and mention.end <= len(text) and mention.entity.name.en:
            chosen.append(mention)
            end = mention.end
    return chosen


def _replace(text: str, mentions: Sequence[Mention], render: dict[str, str]) -> str:
    out: list[str] = []
    pos = 0
    for mention in _usable(text, mentions):
        out.append(text[pos : mention.start])
        out.append(render[mention.entity.name.en or ""])
        pos = mention.end
    out.append(text[pos:])
    return "".join(out)


def shield(text: str, mentions: Sequence[Mention]) -> Shielded:
    """Replace each name mentioned in ``text`` with a numbered placeholder."""
    names: list[str] = []
    for mention in _usable(text, mentions):
        english = mention.entity.name.en or ""
        if english not in names:
            names.append(english)
    render = {name: PLACEHOLDER.format(k) for k, name in enumerate(names)}
    return Shielded(_replace(text, mentions, render), tuple(names))


def inline(text: str, mentions: Sequence[Mention]) -> str:
    """The sentence with each mentioned name already in English (the retry when placeholders get lost)."""
    names = {m.entity.name.en or "": m.entity.name.en or "" for m in _usable(text, mentions)}
    return _replace(text, mentions, names)


def restore(output: str, names: Sequence[str]) -> str | None:
    """Model output with placeholders turned into English names; None if one went missing."""
    for k, name in enumerate(names):
        pattern = re.compile(rf"N\s*A\s*M\s*E\s*-?\s*{k}(?!\d)", re.IGNORECASE)
        output, found = pattern.subn(name.replace("\\", "\\\\"), output)
        if not found:
            return None
    return output
