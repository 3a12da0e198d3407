"""Article titles: the editor's, else made from the first meeting or the top sentence."""

from __future__ import annotations

from collections.abc import Sequence

from generator import summarise
from generator.analysis import Analysis
from generator.model import Bilingual, Translation


def title(analysis: Analysis, translations: Sequence[Translation]) -> Bilingual:
    """A title in each language; an editor's title always wins over a made one."""
    given = analysis.article.meta.title
    if given.hi and given.en:
        return given
    first_meeting = next((m for m in analysis.meetings if m.participants), None)
    if first_meeting is not None:
        made = Bilingual(
            hi=summarise.title_from_meeting(first_meeting, "hi"),
            en=summarise.title_from_meeting(first_meeting, "en"),
        )
    else:
        top = analysis.summary[0] if analysis.summary else None
        english = (
            translations[top].text
            if top is not None and top < len(translations) and translations[top].provenance != "gloss"
            else None
        )  # a gloss is not a title: the page falls back to the Hindi one
        made = Bilingual(
            hi=summarise.title_from_sentences(analysis.sentences) or analysis.article.slug,
            en=cut_title(english) if english else None,
        )
    return Bilingual(hi=given.hi or made.hi, en=given.en or made.en)


_TITLE_CHARS = 90


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
