"""Per-article analysis: sentences, names, meetings, summary. Pure: article in, value out."""

from __future__ import annotations

from dataclasses import dataclass

from generator import entities, hindi, meetings, romanise, summarise, topics
from generator.gazetteer import Gazetteer
from generator.model import Article, Meeting, Mention, Sentence


@dataclass(frozen=True)
class Analysis:
    """Everything the later stages need to know about one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    summary: tuple[int, ...] = ()


def analyse(
    article: Article, gaz: Gazetteer, summary_sentences: int = 3, summary_chars: int | None = 250
) -> Analysis:
    """Segment an article, find its names and meetings, and choose its summary.

    The summary is capped in characters as well as sentences: at equal length
    the summariser beats the lead baseline (bench/summaries_eval.py).
    """
    markdown = article.path.endswith(".md")
    sentences = hindi.sentences(article.body, markdown=markdown, first_line=article.body_line)
    mentions = entities.recognise(sentences, gaz)
    found = meetings.extract(article.slug, article.meta.date, sentences, mentions, gaz)
    summary = summarise.summarise(sentences, budget=summary_sentences, max_chars=summary_chars)
    return Analysis(article, sentences, mentions, found, summary)


def prepare() -> None:
    """Load what analysing loads on first use, so that processes forked afterwards share it."""
    romanise.prepare()
    topics.prepare()
