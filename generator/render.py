"""Render the digest into files: Jinja2 pages, one set per language.

Pages are described first (path, template, context) and rendered one at a
time, so memory stays flat however large the digest grows. Every link is
relative to the page it is on, so the site works under any path prefix.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import islice
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import Markup, escape

from generator.fingerprint import Fingerprints
from generator.model import Bilingual
from generator.outputs import OutputStore, check_path
from generator.template_code import VERSION as CODE_VERSION
from generator.template_code import OutputEscapeGenerator
from generator.template_context import PlainCallContext

LANGUAGE_NAMES = {"en": "English", "hi": "हिन्दी"}
OG_LOCALES = {"en": "en_IN", "hi": "hi_IN"}
PIECES_JOINED = 1024  # ``Renderer.pieces`` yields this many of the template's pieces as one string


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which template draws it, with what."""

    path: str  # posix path inside the site, e.g. "en/articles/seed.html"
    template: str
    lang: str | None
    context: dict[str, Any] = field(default_factory=dict)
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> path of the same page
    # More context, made only if the page is rendered; it must follow from ``context``,
    # which alone is fingerprinted (lists drawn from the page's meetings, an article's text).
    lazy: Callable[[], dict[str, Any]] | None = None
    lazy_key: str = ""  # identifies what ``lazy`` adds, for the page's fingerprint


def relative(from_page: str, target: str) -> str:
    """A link from one site path to another that works under any prefix.

    Only a shared language folder is skipped (``en/person/a.html`` links to
    ``../person/b.html``, not ``b.html``), so a link depends on the page's depth
    and language alone and a rendered fragment can be reused by every page at
    that depth. Pure string work: it runs for every link.
    """
    start = from_page.split("/")[:-1]
    parts = target.split("/")
    common = 1 if start and len(parts) > 1 and start[0] == parts[0] else 0
    link = "/".join([".."] * (len(start) - common) + parts[common:])
    return link or "./"


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


@cache  # a few hundred distinct dates, asked for tens of thousands of times
def localised_date(value: dt.date | None, lang: str) -> str:
    """``28 April 2023`` / ``28 अप्रैल 2023``; empty for an unknown date."""
    if value is None:
        return ""
    return format_date(value, "d MMMM y", locale=lang)


@cache
def month_name(value: dt.date, lang: str) -> str:
    """``April 2023`` / ``अप्रैल 2023``."""
    return format_date(value, "LLLL y", locale=lang)


_DEVANAGARI_RUN = re.compile(r"[\u0900-\u097f](?:[\u0900-\u097f\u200c\u200d\s,;:'\"“”‘’()\-]*[\u0900-\u097f])?")


def mark_hindi(text: str) -> Markup:
    """English text with each Devanagari run (a quoted source, a name) marked ``lang="hi"``."""
    out = Markup("")
    at = 0
    for run in _DEVANAGARI_RUN.finditer(text):
        out += escape(text[at : run.start()]) + Markup('<span lang="hi">{}</span>').format(run.group())
        at = run.end()
    return out + escape(text[at:])


def say(value: Bilingual | None, lang: str) -> Markup:
    """``value`` in ``lang``, escaped; in the other language wrapped in a ``lang`` span."""
    if value is None:
        return Markup("")
    own = value.hi if lang == "hi" else value.en
    if own:
        return mark_hindi(own) if lang == "en" else escape(own)
    other, text = ("en", value.en) if lang == "hi" else ("hi", value.hi)
    return Markup('<span lang="{}">{}</span>').format(other, text) if text else Markup("")


def _pick(value: Bilingual | None, lang: str) -> str | None:
    return value.get(lang) if value else ""


def lang_of(value: Bilingual | None, lang: str) -> str:
    """The language ``value.get(lang)`` is written in."""
    if value is None:
        return lang
    own = value.hi if lang == "hi" else value.en
    return lang if own else ("en" if lang == "hi" else "hi")


def cached_gettext(translate: Callable[[str], str]) -> Callable[..., str]:
    """Jinja's newstyle ``gettext`` for one language, remembering calls without variables.

    The result is the one ``jinja2.ext`` gives: the message, as Markup when the
    template autoescapes, always formatted with ``%`` (so ``%%`` reads ``%``).
    """
    known: dict[tuple[str, bool], str] = {}

    @jinja2.pass_eval_context  # not the context: Jinja copies that for each call after a {% set %} in a block
    def gettext(eval_ctx: jinja2.nodes.EvalContext, string: str, /, **variables: Any) -> str:
        autoescape = eval_ctx.autoescape
        if variables:
            return _translated(translate, string, autoescape) % variables
        key = (string, autoescape)
        found = known.get(key)
        if found is None:
            found = known[key] = _translated(translate, string, autoescape) % {}
        return found

    return gettext


def _translated(translate: Callable[[str], str], string: str, autoescape: bool) -> str:
    text = translate(string)
    return Markup(text) if autoescape else text


def is_web_url(value: object) -> bool:
    """True for an absolute http(s) URL: the only kind of outside link a page may carry."""
    if not isinstance(value, str) or any(c in value for c in "\x00\n\r\t "):
        return False
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_devanagari(value: object) -> bool:
    """True when the text has a Devanagari letter."""
    return isinstance(value, str) and any("\u0900" <= c <= "\u097f" for c in value)


def distinct_ids(items: Iterable[Any], attribute: str) -> str:
    """The set ``attribute`` values of ``items``, space-separated, each once (case aside, like Jinja's ``unique``)."""
    seen: set[Any] = set()
    found: list[str] = []
    for item in items:
        value = getattr(item, attribute)
        key = value.lower() if isinstance(value, str) else value
        if value and key not in seen:
            seen.add(key)
            found.append(str(value))
    return " ".join(found)


def base_path(base_url: str) -> str:
    """The path part of the site's base URL, e.g. ``/defence-digest/``."""
    path = urllib.parse.urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def markdown_html(text: str) -> str:
    """Editors' Markdown as HTML (raw HTML in it is escaped, not passed through)."""
    import markdown  # here: most builds render no Markdown, and the import is a tenth of starting up

    return markdown.markdown(text.replace("<", "&lt;"), extensions=["extra", "sane_lists"])


def _compiled_cache(folder: Path) -> jinja2.BytecodeCache:
    """Jinja's bytecode cache in ``folder``, its files named for the code generator that made them."""
    return jinja2.FileSystemBytecodeCache(str(folder), f"__jinja2_{CODE_VERSION}_%s.cache")


class Renderer:
    """A Jinja2 environment on the templates folder, with per-language helpers."""

    def __init__(
        self, templates: Path, site: dict[str, Any], helpers: dict[str, Any] | None = None,
        compiled: Path | None = None,
    ) -> None:
        """``compiled``: a folder keeping the templates' compiled code between runs (Jinja's bytecode cache)."""
        self.templates = templates
        if compiled is not None:
            compiled.mkdir(parents=True, exist_ok=True)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            bytecode_cache=_compiled_cache(compiled) if compiled is not None else None,
            autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
            extensions=["jinja2.ext.i18n"],
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a renderer lives for one build: its templates do not change under it
        )
        self.env.context_class = PlainCallContext
        self.env.code_generator_class = OutputEscapeGenerator
        # attributes, not keys: ``site.config`` on a dict costs Jinja an AttributeError (``site["config"]`` still works)
        self.env.globals["site"] = SimpleNamespace(**site)
        self.env.globals["language_names"] = LANGUAGE_NAMES
        self.env.globals["og_locales"] = OG_LOCALES
        self.env.tests["web_url"] = is_web_url
        self.env.tests["devanagari"] = is_devanagari
        self.env.filters["base_path"] = base_path
        self.env.filters["distinct_ids"] = distinct_ids
        self.env.globals.update(helpers or {})
        self._fragments: dict[str, dict[tuple[Any, ...], Markup]] = {}  # by language
        self._macros: dict[str, dict[tuple[Any, ...], Any]] = {}  # the macros module of each page base, by language
        self._gettext: dict[str, dict[str, Any]] = {}
        self._installed: str | None = None
        self._helpers: dict[str, dict[str, Any]] = {}

    def render(self, page: Page) -> str:
        """The text of one page."""
        return "".join(self.pieces(page))

    def pieces(self, page: Page) -> Iterator[str]:
        """The text of one page in pieces (up to ``PIECES_JOINED`` of the template's each): a long page is never whole."""
        lang = page.lang or "en"
        helpers = self._language(lang)
        context = {
            **self.env.globals,
            **page.context,
            **(page.lazy() if page.lazy else {}),
            **helpers,
            "page": page,
            "url": partial(relative, page.path),
        }
        context.update(self._fragment_helpers(page, lang, context))
        template = self.env.get_template(page.template)
        try:  # what Template.generate does, less its two copies of the context
            made = template.root_render_func(template.new_context(context, shared=True))
            while batch := list(islice(made, PIECES_JOINED)):  # joined in C: a page is hundreds of small pieces
                yield "".join(batch)
        except Exception:
            yield self.env.handle_exception()  # raises the error, its traceback pointing into the templates
        finally:  # the helpers refer to the context: left so, each page's would wait for the cyclic GC
            context.clear()

    def _language(self, lang: str) -> dict[str, Any]:
        """The page helpers that depend on nothing but ``lang`` (made once); installs ``lang``'s catalog."""
        self._install(lang)
        found = self._helpers.get(lang)
        if found is None:
            found = self._helpers[lang] = {
                "lang": lang,
                "date": partial(localised_date, lang=lang),
                "month": partial(month_name, lang=lang),
                "pick": partial(_pick, lang=lang),
                "say": partial(say, lang=lang),
                "lang_of": partial(lang_of, lang=lang),
                "other_lang": "en" if lang == "hi" else "hi",
            }
        return found

    def _install(self, lang: str) -> None:
        """Point ``_``, ``gettext`` and ``ngettext`` at ``lang``'s catalog; each is made once per language."""
        if self._installed == lang:
            return
        callables = self._gettext.get(lang)
        if callables is None:
            translations = catalog(self.templates, lang)
            self.env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
            names = ("ngettext", "pgettext", "npgettext")
            callables = {name: self.env.globals[name] for name in names}
            translate = getattr(translations, "ugettext", None) or translations.gettext
            callables["gettext"] = callables["_"] = cached_gettext(translate)
            self._gettext[lang] = callables
        self.env.globals.update(callables)
        self._installed = lang

    def _fragment_helpers(self, page: Page, lang: str, context: dict[str, Any]) -> dict[str, Callable[..., Markup]]:
        """``meeting_item(m, current)``, ``participant(p)``, ``article_item(entry)`` and ``chrome(name)``
        for this page, reusing HTML.

        A meeting appears on the home page, its year and every participant's
        page, a participant in each of their meetings, an article in the lists
        of its meetings, year and people, the page chrome (the
        masthead, the footer) on every page; the HTML is the same on every page
        whose links start alike (same depth, inside the language folder or not),
        so it is rendered once for each language.

        The macros that make it are instantiated once for all those pages too,
        with the context of the first of them (a Jinja module's macros refer to
        each other, so one made per page would be garbage for the cyclic GC).
        """
        base = (page.path.count("/"), page.path.startswith(lang + "/"))
        fragments, macros = self._fragments.setdefault(lang, {}), self._macros.setdefault(lang, {})
        menu = context.get("menu", ())

        def made(key: tuple[Any, ...], name: str, *args: Any) -> Markup:
            found = fragments.get(key)
            if found is None:
                module = macros.get((base, menu))
                if module is None:
                    module = macros[(base, menu)] = self.env.get_template("_macros.html").make_module(context)
                found = fragments[key] = Markup(getattr(module, name)(*args))
            return found

        def item(meeting: Any, current: str | None = None) -> Markup:
            # the end names the first report (not on its own page): the same for every meeting it reports
            first = meeting.articles[0] if meeting.articles and meeting.articles[0] != current else None
            count = len(meeting.articles)
            return made(("card", base, meeting.id), "meeting_card_html", meeting) + made(
                ("end", base, first, count), "meeting_end_html", first, count)

        def participant(party: Any) -> Markup:
            return made(("participant", base, party), "participant_html", party)

        def article(entry: Any) -> Markup:
            return made(("article", base, entry.slug), "article_item_html", entry)

        def chrome(name: str) -> Markup:
            return made((name, base, menu), name)

        return {"meeting_item": item, "participant": participant, "article_item": article, "chrome": chrome}

    def write(
        self, pages: Iterator[Page], store: OutputStore, keys: Fingerprints | None = None
    ) -> list[str]:
        """Place each page in the site; with ``keys``, render only pages whose fingerprint is new."""
        written: list[str] = []
        for page in pages:
            check_path(page.path)  # refuse a path outside the site before any work
            if keys is None:
                store.write(page.path, self.render(page).encode("utf-8"))
            else:
                key = keys.page(page.path, page.template, page.lang, page.context, page.alternates, page.lazy_key)
                store.write_pieces(page.path, partial(self.pieces, page), key)
            written.append(page.path)
        return written
