"""Per-article analysis: sentences, names, meetings, summary. Pure: article in, value out."""

from __future__ import annotations

from dataclasses import dataclass

from generator import hindi
from generator.model import Article, Meeting, Mention, Sentence


@dataclass(frozen=True)
class Analysis:
    """Everything the later stages need to know about one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    summary: tuple[int, ...] = ()


def analyse(article: Article) -> Analysis:
    """Segment an article into sentences and analyse them."""
    markdown = article.path.endswith(".md")
    sentences = hindi.sentences(article.body, markdown=markdown, first_line=article.body_line)
    return Analysis(article, sentences)
