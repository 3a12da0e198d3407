"""Which pages the site has: each described as a Page, rendered later one by one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.digest import Digest
from generator.render import Page, markdown_html


@dataclass(frozen=True)
class TextPage:
    """An editor's Markdown page from ``content/pages/<name>.<lang>.md``."""

    name: str
    lang: str
    title: str
    html: str


def article_path(lang: str, slug: str) -> str:
    return f"{lang}/articles/{slug}.html"


def read_text_pages(folder: Path, languages: Sequence[str]) -> list[TextPage]:
    """Every ``<name>.<lang>.md`` page; the first ``# heading`` is its title."""
    found: list[TextPage] = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        name, _, lang = path.stem.rpartition(".")
        if lang not in languages or not name:
            continue
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        title = first.lstrip("# ").strip() if first.startswith("#") else name.title()
        found.append(TextPage(name, lang, title, markdown_html(rest if first.startswith("#") else text)))
    return found


def _alternates(languages: Sequence[str], path_of: str) -> dict[str, str]:
    return {lang: path_of.replace("{lang}", lang) for lang in languages}


def site_pages(digest: Digest, text_pages: Sequence[TextPage], languages: Sequence[str]) -> Iterator[Page]:
    """Every page of the site, in a stable order."""
    yield Page("index.html", "root.html", None, {}, _alternates(languages, "{lang}/index.html"))
    menu = sorted({p.name for p in text_pages})
    for lang in languages:
        common = {"menu": menu}
        yield Page(f"{lang}/index.html", "home.html", lang, {**common, "digest": digest},
                   _alternates(languages, "{lang}/index.html"))
        for entry in digest.entries:
            yield Page(article_path(lang, entry.slug), "article.html", lang,
                       {**common, "entry": entry},
                       _alternates(languages, article_path("{lang}", entry.slug)))
        for text in text_pages:
            if text.lang == lang:
                present = [p.lang for p in text_pages if p.name == text.name]
                yield Page(f"{lang}/{text.name}.html", "page.html", lang,
                           {**common, "text": text},
                           _alternates(present, f"{{lang}}/{text.name}.html"))
