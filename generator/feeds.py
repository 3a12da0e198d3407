"""Discovery files: an Atom feed per language, sitemap.xml with language alternates, robots.txt.

All URLs here are absolute (from ``base_url``): feeds and sitemaps are read
outside the site, where relative links mean nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape as _html_escape

from generator.digest import Entry


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (as ``xml.sax.saxutils.escape``, without its import of urllib)."""
    return _html_escape(text, quote=False)


def quoteattr(text: str) -> str:
    """``text`` as a quoted XML attribute value (as ``xml.sax.saxutils.quoteattr``)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def _stamp(day: dt.date | None) -> str:
    return f"{(day or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def atom(entries: Sequence[Entry], lang: str, title: str, base_url: str, feed_path: str,
         home_path: str, path_of: Mapping[str, str]) -> str:
    """The Atom feed of the newest ``entries`` in ``lang``; ``path_of`` maps slug to page path."""
    updated = max((e.date for e in entries if e.date), default=None)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<title>{escape(title)}</title>",
        f"<id>{escape(base_url + home_path)}</id>",
        f"<link rel=\"self\" href={quoteattr(base_url + feed_path)}/>",
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(base_url + home_path)}/>",
        f"<updated>{_stamp(updated)}</updated>",
        f"<author><name>{escape(title)}</name></author>",
    ]
    for entry in entries:
        url = base_url + path_of[entry.slug]
        entry_title = entry.title.get(lang) or entry.slug
        summary = entry.summary(lang)
        parts += [
            "<entry>",
            f"<title>{escape(entry_title)}</title>",
            f"<id>{escape(url)}</id>",
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
            f"<updated>{_stamp(entry.date)}</updated>",
        ]
        if summary:
            parts.append(f"<summary xml:lang=\"{entry.summary_lang(lang)}\">{escape(summary)}</summary>")
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


SITEMAP_START = ('<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')
SITEMAP_END = "</urlset>\n"


def sitemap_entry(path: str, alternates: Mapping[str, str], base_url: str) -> str:
    """One page's ``<url>`` element of the sitemap, lines ending in newlines."""
    parts = [f"<url><loc>{escape(base_url + path)}</loc>\n"]
    if len(alternates) > 1:
        for lang, other in sorted(alternates.items()):
            parts.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(base_url + other)}/>\n')
    parts.append("</url>\n")
    return "".join(parts)


def robots(base_url: str) -> str:
    """Allow everything; point crawlers at the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n"
