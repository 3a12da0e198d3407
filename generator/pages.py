"""Which pages the site has: each described as a Page, rendered later one by one.

Paths are decided here and only here; templates ask for them through the
``*_path`` helpers, and ``render.relative`` turns them into relative links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from generator import search
from generator.digest import PAGE_TYPES, Digest, Entry
from generator.model import Meeting, Mention, Translation
from generator.render import Page, markdown_html

HOME_MEETINGS = 400  # the home timeline shows this many; year pages show the rest
LATEST_ARTICLES = 60
MENTIONED_SHOWN = 40  # articles naming someone, listed on their page
KINDS = ("meeting", "talks", "call", "visit", "summit", "multilateral")
_UNSAFE = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class TextPage:
    """An editor's Markdown page from ``content/pages/<name>.<lang>.md``."""

    name: str
    lang: str
    title: str
    html: str


@dataclass(frozen=True)
class Month:
    """A month of the timeline and its meetings, newest first."""

    first_day: dt.date | None  # None for undated meetings
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class Year:
    """A year of the timeline (None: undated) and its months."""

    year: int | None
    months: tuple[Month, ...]


class SentenceRow(NamedTuple):
    """A sentence of an article's full text, as its page shows it."""

    number: int  # the sentence's index in the article
    hindi: Markup  # the sentence, each name that has a page linked to it
    english: Translation | None


@cache  # asked for every link to an entity, a meeting or an article: a few names per page
def safe_name(text: str) -> str:
    """A file name made of ``a-z0-9-`` for any id; a short hash when nothing is left."""
    name = _UNSAFE.sub("-", text.lower()).strip("-")[:100]
    return name or "x-" + hashlib.sha256(text.encode()).hexdigest()[:10]


def article_path(lang: str, slug: str) -> str:
    return f"{lang}/articles/{safe_name(slug)}.html"


def meeting_path(lang: str, id: str) -> str:
    return f"{lang}/meetings/{safe_name(id)}.html"


def entity_path(lang: str, id: str) -> str:
    kind, _, rest = id.partition("/")
    return f"{lang}/{safe_name(kind)}/{safe_name(rest or kind)}.html"


def type_path(lang: str, kind: str) -> str:
    return f"{lang}/{kind}/index.html"


def year_path(lang: str, year: int | None) -> str:
    return f"{lang}/years/{year if year else 'undated'}.html"


def text_page_files(folder: Path, languages: Sequence[str]) -> list[tuple[str, str, Path]]:
    """Name, language and file of every ``<name>.<lang>.md`` page."""
    found = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        name, _, lang = path.stem.rpartition(".")
        if lang in languages and name:
            found.append((name, lang, path))
    return found


def menu(folder: Path, languages: Sequence[str]) -> tuple[str, ...]:
    """The names of the editors' pages, as the site's menu lists them."""
    return tuple(sorted({name for name, _, _ in text_page_files(folder, languages)}))


def read_text_pages(folder: Path, languages: Sequence[str]) -> list[TextPage]:
    """Every ``<name>.<lang>.md`` page; the first ``# heading`` is its title."""
    found: list[TextPage] = []
    for name, lang, path in text_page_files(folder, languages):
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        title = first.lstrip("# ").strip() if first.startswith("#") else name.title()
        found.append(TextPage(name, lang, title, markdown_html(rest if first.startswith("#") else text)))
    return found


def timeline(meetings: Sequence[Meeting]) -> list[Year]:
    """Meetings (already newest first) grouped by year and month; undated last."""
    def month_of(m: Meeting) -> dt.date | None:
        return dt.date(m.date.year, m.date.month, 1) if m.date else None

    months = [Month(day, tuple(group)) for day, group in groupby(meetings, key=month_of)]
    return [Year(year, tuple(group)) for year, group in
            groupby(months, key=lambda month: month.first_day.year if month.first_day else None)]


def segments(text: str, mentions: Sequence[Mention]) -> list[tuple[str, str | None]]:
    """The sentence cut into (text, entity id with a page or None), mentions not overlapping."""
    found: list[tuple[str, str | None]] = []
    at = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < at or m.end > len(text) or m.start >= m.end:
            continue
        linked = m.entity.id if m.entity.type in PAGE_TYPES else None
        if m.start > at:
            found.append((text[at : m.start], None))
        found.append((text[m.start : m.end], linked))
        at = m.end
    if at < len(text):
        found.append((text[at:], None))
    return found


def linked(text: str, mentions: Sequence[Mention], href: Callable[[str], str | None]) -> Markup:
    """The sentence as HTML, each mention of an entity with a page a link to ``href(id)`` (None: no link)."""
    if not mentions:
        return escape(text)
    out: list[str] = []
    for part, id in segments(text, mentions):
        target = href(id) if id else None
        out.append(f'<a href="{escape(target)}">{escape(part)}</a>' if target is not None else escape(part))
    return Markup("".join(out))


def sentence_rows(entry: Entry, mentions: Mapping[int, Sequence[Mention]],
                  href: Callable[[str], str | None]) -> list[SentenceRow]:
    """Each sentence of the article with its names linked (see ``linked``) and its English.

    One call for the whole text, where a template loop over ``segments`` makes
    several calls for every sentence: an article has a few dozen sentences.
    """
    return [SentenceRow(s.index, linked(s.text, mentions.get(s.index, ()), href), entry.english(s.index))
            for s in entry.analysis.sentences]


def facets(digest: Digest, meetings: Sequence[Meeting]) -> dict[str, list[tuple[str, int]]]:
    """Filter options for a list of meetings: value and count, most frequent first."""
    counts: dict[str, Counter[str]] = {"country": Counter(), "person": Counter(), "kind": Counter(), "year": Counter()}
    for m in meetings:
        counts["kind"][m.kind] += 1
        counts["year"][str(m.date.year) if m.date else ""] += 1
        for key in {p.country_id for p in m.participants if p.country_id in digest.entities}:
            counts["country"][key or ""] += 1
        for key in {p.entity_id for p in m.participants if p.entity_id in digest.entities}:
            counts["person"][key or ""] += 1
    return {name: sorted(((k, n) for k, n in c.items() if k), key=lambda kv: (-kv[1], kv[0]))
            for name, c in counts.items()}


def _alternates(languages: Sequence[str], path_of: str) -> dict[str, str]:
    return {lang: path_of.replace("{lang}", lang) for lang in languages}


def _same(languages: Sequence[str], path_for: Any, *args: Any) -> dict[str, str]:
    return {lang: path_for(lang, *args) for lang in languages}


def _article_mentions(entry: Entry) -> dict[int, list[Mention]]:
    found: dict[int, list[Mention]] = {}
    for m in entry.analysis.mentions:
        found.setdefault(m.sentence, []).append(m)
    return found


def site_pages(digest: Digest, text_pages: Sequence[TextPage], languages: Sequence[str]) -> Iterator[Page]:
    """Every page of the site, in a stable order."""
    yield Page("index.html", "root.html", None, {}, _alternates(languages, "{lang}/index.html"))
    names = tuple(sorted({p.name for p in text_pages}))  # as ``menu`` finds them
    for lang in languages:
        yield from _language_pages(digest, text_pages, languages, lang, names)
    yield from article_pages(digest, languages, {"menu": names, "digest": digest})
    yield Page("404.html", "404.html", None, {"languages": languages}, {})


def article_pages(digest: Digest, languages: Sequence[str], common: dict[str, Any]) -> Iterator[Page]:
    """Each article's pages, its languages one after another: its whole entry is loaded once, when first rendered."""
    for entry in digest.entries:
        whole, text = cache(partial(_whole, digest, entry.slug)), _text_key(entry)
        meetings = digest.by_article.get(entry.slug, ())
        for lang in languages:
            yield Page(article_path(lang, entry.slug), "article.html", lang,
                       {**common, "entry": entry, "meetings": meetings},
                       _same(languages, article_path, entry.slug), whole, text)


def _whole(digest: Digest, slug: str) -> dict[str, Any]:
    """An article's entry with its full text, and its mentions by sentence."""
    entry = digest.by_slug[slug].whole()
    return {"entry": entry, "mentions": _article_mentions(entry)}


def _text_key(entry: Entry) -> str:
    """What identifies an article's full text: the build's fingerprint of its inputs, else its value."""
    if entry.fingerprint:
        return entry.fingerprint
    whole = entry.whole()
    return hashlib.sha256(pickle.dumps((whole.analysis, whole.translations), pickle.HIGHEST_PROTOCOL)).hexdigest()


def _language_pages(digest: Digest, text_pages: Sequence[TextPage], languages: Sequence[str],
                    lang: str, menu: tuple[str, ...]) -> Iterator[Page]:
    common: dict[str, Any] = {"menu": menu, "digest": digest}
    shown = digest.meetings[:HOME_MEETINGS]
    yield Page(f"{lang}/index.html", "home.html", lang,
               {**common, "meetings": shown, "more": len(digest.meetings) > len(shown)},
               _alternates(languages, "{lang}/index.html"), partial(_listing, digest, shown))
    bundles = search.bundles(article_path(lang, e.slug) for e in digest.entries)
    yield Page(f"{lang}/search.html", "search.html", lang, {**common, "bundles": bundles},
               _alternates(languages, "{lang}/search.html"))
    yield Page(f"{lang}/articles/index.html", "articles.html", lang,
               {**common, "latest": digest.entries[:LATEST_ARTICLES]},
               _alternates(languages, "{lang}/articles/index.html"))
    years = [(y, len(digest.meetings_in(y)), len(digest.entries_in(y))) for y in digest.years()]
    yield Page(f"{lang}/years/index.html", "years.html", lang, {**common, "years": years},
               _alternates(languages, "{lang}/years/index.html"))
    for year in [*digest.years(), None]:
        meetings = digest.meetings_in(year) if year else tuple(m for m in digest.meetings if not m.date)
        entries = digest.entries_in(year) if year else digest.undated()
        if year is None and not meetings and not entries:
            continue
        yield Page(year_path(lang, year), "year.html", lang,
                   {**common, "year": year, "meetings": meetings, "entries": entries},
                   _same(languages, year_path, year), partial(_listing, digest, meetings))
    for meeting in digest.meetings:
        yield Page(meeting_path(lang, meeting.id), "meeting.html", lang,
                   {**common, "meeting": meeting,
                    "entries": [digest.by_slug[s] for s in meeting.articles if s in digest.by_slug]},
                   _same(languages, meeting_path, meeting.id))
    for kind in PAGE_TYPES:
        found = digest.of_type(kind)
        counts = [(entity, len(digest.by_entity.get(entity.id, ()))) for entity in found]
        yield Page(type_path(lang, kind), "entities.html", lang, {**common, "kind": kind, "found": counts},
                   _same(languages, type_path, kind))
        for entity in found:
            meetings = digest.by_entity.get(entity.id, ())
            mentioned = digest.mentioned_in.get(entity.id, ())
            yield Page(entity_path(lang, entity.id), "entity.html", lang,
                       {**common, "entity": entity, "meetings": meetings,
                        "mentioned": mentioned[:MENTIONED_SHOWN], "mentioned_count": len(mentioned)},
                       _same(languages, entity_path, entity.id), partial(_entity_listing, digest, entity.id))
    for text in text_pages:
        if text.lang == lang:
            present = [p.lang for p in text_pages if p.name == text.name]
            yield Page(f"{lang}/{text.name}.html", "page.html", lang, {**common, "text": text},
                       _alternates(present, f"{{lang}}/{text.name}.html"))


def _listing(digest: Digest, meetings: Sequence[Meeting]) -> dict[str, Any]:
    """The timeline and filter options of a page listing ``meetings``."""
    return {"timeline": timeline(meetings), "facets": facets(digest, meetings)}


def _entity_listing(digest: Digest, id: str) -> dict[str, Any]:
    meetings = digest.by_entity.get(id, ())
    return {"timeline": timeline(meetings), "counterparts": digest.counterparts(id)}
