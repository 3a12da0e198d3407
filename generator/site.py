"""Write the whole site for a digest into a folder: pages, static assets, and the rest.

Pages are described one at a time; a page whose fingerprint is unchanged is
linked from the output store, any other is rendered. Only paths and alternates
are kept, for the sitemap. Feeds, data exports, discovery files and the search
index go through the same store.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain
from pathlib import Path
from typing import IO, Any

import jinja2

from generator import charts, exports, feeds, pages, search, summarise, trees
from generator.config import Config
from generator.digest import Digest
from generator.fingerprint import Fingerprints, code_version, files_hash
from generator.model import Meeting
from generator.outputs import OutputStore
from generator.pages import SentenceRow, read_text_pages, site_pages
from generator.render import Page, Renderer


def helpers() -> dict[str, object]:
    """What templates may call besides ``url``: paths, charts, meeting lines (each made once per build)."""
    lines: dict[tuple[int, str], tuple[Meeting, str]] = {}

    def line_of(meeting: Meeting, lang: str) -> str:  # the meeting is kept, so its id stays its own
        found = lines.get((id(meeting), lang))
        if found is None or found[0] is not meeting:
            found = lines[(id(meeting), lang)] = (meeting, meeting_line(meeting, lang))
        return found[1]

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
        "meeting_line": line_of,
        "sentence_rows": _sentence_rows(),
    }


def _sentence_rows() -> Callable[..., list[SentenceRow]]:
    """``sentence_rows(entry, mentions)``: ``pages.sentence_rows`` with links relative to the page.

    A link to an entity is the same from every page in a folder, so each is made once. Entity
    pages are in the page's language folder, so the language versions of an article's page (made
    one after another) link alike: their rows are made once.
    """
    hrefs: dict[tuple[str, str, str], str] = {}
    last: list[tuple[Any, Any, str, list[SentenceRow]]] = []

    @jinja2.pass_context
    def rows(context: jinja2.runtime.Context, entry: Any, mentions: Any) -> list[SentenceRow]:
        folder, lang, url = context["page"].path.rpartition("/")[0], context["lang"], context["url"]
        entities = context["digest"].entities
        to_language_folder = url(f"{lang}/")
        if last and last[0][0] is entry and last[0][1] is mentions and last[0][2] == to_language_folder:
            return last[0][3]

        def href(id: str) -> str | None:
            if id not in entities:
                return None
            found = hrefs.get((folder, lang, id))
            if found is None:
                found = hrefs[(folder, lang, id)] = url(pages.entity_path(lang, id))
            return found

        made = pages.sentence_rows(entry, mentions, href)
        last[:] = [(entry, mentions, to_language_folder, made)]
        return made

    return rows


def meeting_line(meeting: Meeting, lang: str) -> str:
    """A one-line summary of a meeting: who met whom, else the participants' names."""
    line = summarise.title_from_meeting(meeting, lang)
    if line:
        return line
    names = [(p.name or p.role).get(lang) or "" for p in meeting.participants]
    return " – ".join(n for n in names if n) or meeting.id


def write(digest: Digest, config: Config, out: Path, store_dir: Path | None = None) -> int:
    """Every file of the site under ``out`` (an empty folder); returns the page count.

    With ``store_dir``, files are kept there between builds and only pages whose
    inputs changed are rendered; the rest are hard-linked from the store.
    """
    if store_dir is None:
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".store-") as scratch:
            return write(digest, config, out, Path(scratch))
    store = OutputStore(store_dir / "files")
    count, _ = make(digest, config, store)
    store.save()
    trees.patch(out, {}, store.manifest, store)
    return count


def make(digest: Digest, config: Config, store: OutputStore) -> tuple[int, dict[str, str]]:
    """Place every file of the site in ``store`` (``store.manifest``); the page count, the article pages' keys.

    Only pages whose fingerprint is not stored are rendered. The keys are
    those without the full text (``Fingerprints.shown``), for ``quick``.
    """
    templates = config.path("templates_dir")
    static = templates / "static"
    for path in sorted(static.rglob("*")) if static.is_dir() else []:
        if path.is_file():
            store.write(f"static/{path.relative_to(static).as_posix()}", path.read_bytes())
    has_search = search.available()
    renderer, _ = renderer_for(config)
    text_pages = read_text_pages(config.path("content_dir") / "pages", config.languages)
    site_wide = repr((code_version(), files_hash([templates]), _settings(config), has_search))
    keys = Fingerprints(site_wide, digest, search.is_indexed)
    base = config.base_url
    with contextlib.ExitStack() as stack:  # the sitemap, written as pages go by: each language's pages together
        entries: dict[str | None, IO[str]] = {}

        def recorded(described: Iterator[Page]) -> Iterator[Page]:
            for page in described:
                if page.template != "404.html":
                    if page.lang not in entries:
                        entries[page.lang] = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
                    entries[page.lang].write(feeds.sitemap_entry(page.path, page.alternates, base))
                yield page

        written = renderer.write(recorded(site_pages(digest, text_pages, config.languages)), store, keys)
        for handle in entries.values():
            handle.seek(0)
        chunks = chain.from_iterable(iter(partial(handle.read, 1 << 16), "") for handle in entries.values())
        store.write_pieces("sitemap.xml", lambda: chain([feeds.SITEMAP_START], chunks, [feeds.SITEMAP_END]))
    for lang in config.languages:
        newest = digest.entries[: config.feed_entries]
        paths = {e.slug: pages.article_path(lang, e.slug) for e in newest}
        feed = feeds.atom(newest, lang, config.title(lang), base, f"{lang}/feed.xml", f"{lang}/index.html", paths)
        store.write(f"{lang}/feed.xml", feed.encode("utf-8"))
    store.write("robots.txt", feeds.robots(base).encode("utf-8"))
    store.write(".nojekyll", b"")
    listed = tuple((e.slug, e.analysis.article.meta, e.title) for e in digest.entries)
    made_from = keys.combined(digest.meetings, listed)  # what the exports show of the digest
    for name, pieces in exports.files(digest, lambda slug: pages.article_path(config.languages[0], slug)).items():
        store.write_pieces(f"data/{name}", pieces, f"x{made_from}-{name}")
    if has_search:
        search.place(store, keys.shown)
    return len(written), keys.shown


def renderer_for(config: Config) -> tuple[Renderer, tuple[str, ...]]:
    """The renderer of this site's pages (templates compiled once, kept in the cache), and the editors' pages."""
    context = {"config": config, "search": search.available()}
    compiled = config.path("cache_dir") / "templates"
    renderer = Renderer(config.path("templates_dir"), context, helpers(), compiled)
    return renderer, pages.menu(config.path("content_dir") / "pages", config.languages)


def _settings(config: Config) -> str:
    """Every configuration value that can change a page (not where folders are)."""
    return repr(sorted((k, v) for k, v in vars(config).items() if k != "root"))
