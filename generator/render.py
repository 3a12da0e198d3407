"""Render the digest into files: Jinja2 pages, one set per language.

Pages are described first (path, template, context) and rendered one at a
time, so memory stays flat however large the digest grows. Every link is
relative to the page it is on, so the site works under any path prefix.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import markdown
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGE_NAMES = {"en": "English", "hi": "हिन्दी"}


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which template draws it, with what."""

    path: str  # posix path inside the site, e.g. "en/articles/seed.html"
    template: str
    lang: str | None
    context: dict[str, Any] = field(default_factory=dict)
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> path of the same page


def relative(from_page: str, target: str) -> str:
    """A link from one site path to another that works under any prefix."""
    start = posixpath.dirname(from_page) or "."
    link = posixpath.relpath(target, start)
    if target.endswith("/"):
        link = link.rstrip("/") + "/"
    return link


@cache
def catalog(templates: Path, lang: str) -> NullTranslations:
    """The UI message catalog for ``lang`` (English is the source language)."""
    po = templates / "locale" / f"{lang}.po"
    if lang == "en" or not po.is_file():
        return NullTranslations()
    with po.open("rb") as handle:
        messages = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return Translations(fp=buffer)


def localised_date(value: dt.date | None, lang: str) -> str:
    """``28 April 2023`` / ``28 अप्रैल 2023``; empty for an unknown date."""
    if value is None:
        return ""
    return format_date(value, "d MMMM y", locale=lang)


def month_name(value: dt.date, lang: str) -> str:
    """``April 2023`` / ``अप्रैल 2023``."""
    return format_date(value, "LLLL y", locale=lang)


def markdown_html(text: str) -> str:
    """Editors' Markdown as HTML (raw HTML in it is escaped, not passed through)."""
    return markdown.markdown(text.replace("<", "&lt;"), extensions=["extra", "sane_lists"])


class Renderer:
    """A Jinja2 environment on the templates folder, with per-language helpers."""

    def __init__(self, templates: Path, site: dict[str, Any]) -> None:
        self.templates = templates
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
            extensions=["jinja2.ext.i18n"],
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals["site"] = site
        self.env.globals["language_names"] = LANGUAGE_NAMES

    def render(self, page: Page) -> str:
        """The text of one page."""
        lang = page.lang or "en"
        translations = catalog(self.templates, lang)
        self.env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
        link: Callable[[str], str] = lambda target: relative(page.path, target)  # noqa: E731
        context = {
            **page.context,
            "page": page,
            "lang": lang,
            "url": link,
            "date": lambda d: localised_date(d, lang),
            "month": lambda d: month_name(d, lang),
            "pick": lambda b: b.get(lang) if b else "",
        }
        return self.env.get_template(page.template).render(context)

    def write(self, pages: Iterator[Page], out: Path) -> list[str]:
        """Render and write each page under ``out``; returns the written paths."""
        written: list[str] = []
        for page in pages:
            target = out / page.path
            if not target.resolve().is_relative_to(out.resolve()):
                raise ValueError(f"page path leaves the output folder: {page.path}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.render(page), encoding="utf-8")
            written.append(page.path)
        return written
