"""Write the whole site for a digest into a folder: pages, static assets, and the rest.

Pages are rendered one at a time as they are described; only their paths and
alternates are kept, for the sitemap. Then the feeds, data exports, discovery
files and the search index are written beside them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from generator import charts, exports, feeds, pages, search
from generator.config import Config
from generator.digest import Digest
from generator.model import Meeting
from generator.pages import read_text_pages, site_pages
from generator.render import Page, Renderer


def helpers() -> dict[str, object]:
    """What templates may call besides ``url``: paths and charts."""
    return {
        "article_path": pages.article_path,
        "meeting_path": pages.meeting_path,
        "entity_path": pages.entity_path,
        "type_path": pages.type_path,
        "year_path": pages.year_path,
        "segments": pages.segments,
        "kinds": pages.KINDS,
        "monthly_chart": charts.monthly,
        "counterparts_chart": lambda found, lang: charts.counterparts([(c.name, c.count) for c in found], lang),
        "home_country": charts.main_country,
        "meeting_line": meeting_line,
    }


def meeting_line(meeting: Meeting, lang: str) -> str:
    """A one-line summary of a meeting, from the summaries stage when it is available."""
    try:
        from generator.summarise import title_from_meeting

        line = title_from_meeting(meeting, lang)
    except Exception:  # optional stage: fall back to the participants' names
        line = ""
    if line:
        return line
    names = [(p.name or p.role).get(lang) or "" for p in meeting.participants]
    return " – ".join(n for n in names if n) or meeting.id


def write(digest: Digest, config: Config, out: Path) -> int:
    """Render every file of the site under ``out`` (an empty folder); returns the page count."""
    templates = config.path("templates_dir")
    shutil.copytree(templates / "static", out / "static")
    has_search = search.available()
    renderer = Renderer(templates, {"config": config, "search": has_search}, helpers())
    text_pages = read_text_pages(config.path("content_dir") / "pages", config.languages)
    seen: list[tuple[str, dict[str, str]]] = []

    def recorded(described: Iterator[Page]) -> Iterator[Page]:
        for page in described:
            if page.template != "404.html":
                seen.append((page.path, page.alternates))
            yield page

    written = renderer.write(recorded(site_pages(digest, text_pages, config.languages)), out)
    base = config.base_url
    for lang in config.languages:
        newest = digest.entries[: config.feed_entries]
        paths = {e.slug: pages.article_path(lang, e.slug) for e in newest}
        feed = feeds.atom(newest, lang, config.title(lang), base, f"{lang}/feed.xml", f"{lang}/index.html", paths)
        (out / lang / "feed.xml").write_text(feed, encoding="utf-8")
    (out / "sitemap.xml").write_text(feeds.sitemap(seen, base), encoding="utf-8")
    (out / "robots.txt").write_text(feeds.robots(base), encoding="utf-8")
    (out / ".nojekyll").write_text("", encoding="utf-8")
    exports.write(digest, out, lambda slug: pages.article_path(config.languages[0], slug))
    if has_search:
        search.index(out)
    return len(written)
