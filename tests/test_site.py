"""Site writing from hand-made values: page structure, both languages, relative links,
escaping of hostile metadata, feeds, sitemap, exports and charts."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import html
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from site_fixtures import LangText

from generator import charts, site
from generator import pages as site_pages
from generator.analysis import Analysis
from generator.config import Config
from generator.digest import Digest, Entry, assemble
from generator.model import (
    Article,
    Bilingual,
    Entity,
    Meeting,
    Mention,
    Metadata,
    Participant,
    Sentence,
    Translation,
)
from generator.pages import linked, safe_name, segments, timeline
from generator.render import Renderer, mark_hindi, relative

REPO = Path(__file__).resolve().parent.parent
HOSTILE = '<script>alert("x")</script>'
INDIA = Entity("country/india", "country", Bilingual("भारत", "India"))
RUSSIA = Entity("country/russia", "country", Bilingual("रूस", "Russia"))
SINGH = Entity("person/rajnath-singh", "person", Bilingual("राजनाथ सिंह", "Rajnath Singh"), "country/india",
               Bilingual("रक्षा मंत्री", "Defence Minister"))
ODD = Entity("person/odd", "person", Bilingual("अजीब नाम", HOSTILE), "country/russia")


def party(person: Entity, country: Entity) -> Participant:
    return Participant(person.id, person.name, person.role, country.name, country.id)


def meeting(id: str, day: dt.date | None, slug: str, *people: Participant, note: str | None = None) -> Meeting:
    return Meeting(id, "talks", day, "explicit", False, Bilingual("नई दिल्ली", "New Delhi"), None, ("defence cooperation",),
                   tuple(people), (slug,), ("राजनाथ सिंह ने वार्ता की।",), (0,),
                   (Bilingual(note, note),) if note else ())


def entry(slug: str, day: dt.date | None, title: Bilingual, meetings: tuple[Meeting, ...],
          provenance: str = "editor", url: str | None = None) -> Entry:
    texts = ["राजनाथ सिंह ने रूस के मंत्री से वार्ता की।", "दोनों ने सहयोग पर चर्चा की।"]
    sentences = tuple(Sentence(i, 0, t, i + 1) for i, t in enumerate(texts))
    mentions = tuple(Mention(0, texts[0].index(name), texts[0].index(name) + len(name), name, entity)
                     for name, entity in (("राजनाथ सिंह", SINGH), ("रूस", RUSSIA)))
    meta = Metadata(day, title, Bilingual("नई दिल्ली", None), HOSTILE, url)
    article = Article(slug, f"seeds/{slug}.txt", " ".join(texts), 1, meta, slug)
    translations = (Translation("Rajnath Singh held talks with the minister of Russia.", provenance, "argos 1.0"),
                    Translation("The two discussed cooperation.", provenance))
    return Entry(Analysis(article, sentences, mentions, meetings, (0,)), translations, title)


def sample_digest() -> Digest:
    m1 = meeting("2023-04-28-a-1", dt.date(2023, 4, 28), "a", party(SINGH, INDIA), party(ODD, RUSSIA),
                 note=f"Note {HOSTILE}")
    m2 = meeting("2022-01-05-b-1", dt.date(2022, 1, 5), "b", party(SINGH, INDIA),
                 Participant(None, None, Bilingual("रक्षा मंत्री", "Defence Minister"), RUSSIA.name, RUSSIA.id))
    m3 = meeting("x-undated", None, "c", party(SINGH, INDIA), party(ODD, RUSSIA))
    return assemble([
        entry("a", dt.date(2023, 4, 28), Bilingual("शीर्षक", HOSTILE), (m1,), "gloss", "javascript:alert(1)"),
        entry("b", dt.date(2022, 1, 5), Bilingual("दूसरा शीर्षक", None), (m2,), "machine", "https://example.org/a?b=1&c=2"),
        entry("c", None, Bilingual("तीसरा", "Third"), (m3,)),
    ])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    out.mkdir()
    config = Config(root=REPO, base_url="https://example.org/repo/")
    assert site.write(sample_digest(), config, out) > 20
    return out


def pages(root: Path, lang: str) -> set[str]:
    return {p.relative_to(root / lang).as_posix() for p in (root / lang).rglob("*.html")}


def read(root: Path, path: str) -> str:
    return (root / path).read_text(encoding="utf-8")


def parsed(root: Path, path: str) -> LangText:
    parser = LangText()
    parser.feed(read(root, path))
    return parser


def test_both_languages_have_the_same_pages(built: Path) -> None:
    en, hi = pages(built, "en"), pages(built, "hi")
    assert en == hi
    for expected in ("index.html", "search.html", "articles/a.html", "meetings/2023-04-28-a-1.html",
                     "person/rajnath-singh.html", "country/russia.html", "years/2023.html", "years/undated.html",
                     "person/index.html", "country/index.html", "organisation/index.html", "about.html"):
        assert expected in en
    assert (built / "404.html").is_file() and (built / "index.html").is_file()


def test_every_page_declares_its_language_and_links_to_the_other(built: Path) -> None:
    for lang, other in (("en", "hi"), ("hi", "en")):
        for path in pages(built, lang):
            text = read(built, f"{lang}/{path}")
            assert f'<html lang="{lang}"' in text
            assert f'hreflang="{other}" href="https://example.org/repo/{other}/{path}"' in text
            assert re.search(rf'<a class="switch" href="[^"]*{re.escape(path.split("/")[-1])}" hreflang="{other}"', text)
            assert f'<link rel="canonical" href="https://example.org/repo/{lang}/{path}">' in text


def test_english_pages_mark_every_hindi_fragment(built: Path) -> None:
    devanagari = re.compile("[\u0900-\u097f]")
    for path in pages(built, "en"):
        for lang, text in parsed(built, f"en/{path}").runs:
            assert lang == "hi" or not devanagari.search(text), f"en/{path}: {text!r} is not marked lang=hi"


def test_hindi_pages_use_the_catalog_and_babel_dates(built: Path) -> None:
    home = read(built, "hi/index.html")
    assert "समयरेखा" in home and "Timeline" not in home
    assert "28 अप्रैल 2023" in home and "28 April 2023" in read(built, "en/index.html")
    assert "अप्रैल 2023" in home  # month group


def test_links_are_relative_and_hostile_metadata_is_escaped(built: Path) -> None:
    for path in built.rglob("*.html"):
        rel = path.relative_to(built).as_posix()
        if rel.startswith("pagefind/"):
            continue
        text = path.read_text(encoding="utf-8")
        assert HOSTILE not in text, rel
        for url in parsed(built, rel).urls:
            assert not url.lower().startswith("javascript:"), rel
            assert rel == "404.html" or not url.startswith("/"), f"{rel}: {url}"
    article = read(built, "en/articles/a.html")
    assert "&lt;script&gt;" in article
    assert "https://example.org/a?b=1&amp;c=2" in read(built, "en/articles/b.html")


def test_article_page_shows_provenance_names_meetings_notes_and_gloss_notice(built: Path) -> None:
    glossed = read(built, "en/articles/a.html")
    assert "digest models install" in glossed
    assert 'href="../person/rajnath-singh.html">राजनाथ सिंह</a>' in glossed
    assert 'href="../country/russia.html">रूस</a>' in glossed
    assert "../meetings/2023-04-28-a-1.html" in glossed
    assert "Note &lt;script&gt;" in glossed
    machine = read(built, "hi/articles/b.html")
    assert "मशीन अनुवाद" in machine and "argos 1.0" in machine
    assert "digest models install" not in machine and "digest models install" not in read(built, "en/articles/c.html")


def test_home_timeline_is_newest_first_grouped_by_year_and_month(built: Path) -> None:
    home = read(built, "en/index.html")
    order = [home.index(x) for x in ('id="y-2023"', 'id="y-2022"', 'id="y-undated"')]
    assert order == sorted(order)
    assert "<h3>April 2023</h3>" in home and "<h3>January 2022</h3>" in home
    assert 'data-country="country/india country/russia"' in home
    assert '<form class="filters" hidden' in home  # only the script reveals it
    assert "<script" not in home.replace('<script src="../static/filters.js" defer></script>', "")


def test_person_page_lists_counterparts_and_chart(built: Path) -> None:
    page = read(built, "en/person/rajnath-singh.html")
    assert "Rajnath Singh" in page and "राजनाथ सिंह" in page
    assert 'role="img"' in page and "<table>" in page
    assert "Defence Minister, Russia" in page  # an office-only counterpart
    country = read(built, "en/country/russia.html")
    assert "Meetings per month" in country and "<svg" in country


def test_feeds_sitemap_robots_and_exports(built: Path) -> None:
    atom = ET.parse(built / "hi" / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.find("a:link", ns).get("href") for e in atom.findall("a:entry", ns)]  # type: ignore[union-attr]
    assert links[0] == "https://example.org/repo/hi/articles/a.html" and len(links) == 3
    sitemap = ET.parse(built / "sitemap.xml").getroot()
    locs = [u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for u in sitemap]
    assert "https://example.org/repo/en/index.html" in locs and "https://example.org/repo/404.html" not in locs
    languages = [loc.split("/")[4] for loc in locs[1:]]  # after the root page, each language's pages together
    assert locs[0] == "https://example.org/repo/index.html" and languages == sorted(languages, key=["en", "hi"].index)
    assert "https://example.org/repo/hi/articles/c.html" in locs
    assert 'hreflang="hi" href="https://example.org/repo/hi/index.html"' in read(built, "sitemap.xml")
    assert "Sitemap: https://example.org/repo/sitemap.xml" in read(built, "robots.txt")
    records = json.loads(read(built, "data/meetings.json"))
    assert [r["id"] for r in records] == ["2022-01-05-b-1", "2023-04-28-a-1", "x-undated"]
    rows = list(csv.DictReader(io.StringIO(read(built, "data/meetings.csv"))))
    assert [r["id"] for r in rows] == [r["id"] for r in records] and rows[0]["place_en"] == "New Delhi"
    assert {a["id"] for a in json.loads(read(built, "data/articles.json"))} == {"a", "b", "c"}
    assert "data/meetings.json" in read(built, "en/about.html")


def test_search_page_works_without_javascript_and_under_any_prefix(built: Path) -> None:
    page = read(built, "hi/search.html")
    assert "<noscript>" in page and 'href="index.html"' in page
    assert 'data-root="../"' in page and 'data-bundles="../pagefind/0/"' in page
    assert (built / "pagefind" / "0" / "pagefind-ui.js").is_file()
    entry = json.loads(read(built, "pagefind/0/pagefind-entry.json"))
    assert set(entry["languages"]) == {"en", "hi"}


def test_monthly_chart_table_holds_the_drawn_numbers() -> None:
    digest = sample_digest()
    chart = charts.monthly(digest.meetings, "en", "country/india", "Other")
    assert chart.columns[0] == "Jan 2022" and chart.columns[-1] == "Apr 2023" and len(chart.columns) == 16
    assert [s.label for s in chart.series] == ["Russia"]
    assert sum(chart.series[0].values) == 2 == chart.svg.count("<rect")
    assert charts.monthly((), "en", None, "Other").empty


def test_timeline_groups_keep_order() -> None:
    years = timeline(sample_digest().meetings)
    assert [y.year for y in years] == [2023, 2022, None]
    assert [len(m.meetings) for y in years for m in y.months] == [1, 1, 1]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6))
def test_segments_always_rebuild_the_sentence(text: str, spans: list[tuple[int, int]]) -> None:
    mentions = [Mention(0, a, b, text[a:b], SINGH) for a, b in spans]
    assert "".join(part for part, _ in segments(text, mentions)) == text


_LOOP = jinja2.Environment(autoescape=True).from_string(  # how article.html linked names before ``linked``
    '{% for text, id in segments(sentence, mentions) %}{% if id and href(id) %}<a href="{{ href(id) }}">{{ text }}</a>'
    "{% else %}{{ text }}{% endif %}{% endfor %}")


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.booleans()), max_size=6))
def test_linked_names_are_the_template_loop_in_one_call(text: str, spans: list[tuple[int, int, bool]]) -> None:
    mentions = [Mention(0, a, b, text[a:b], SINGH if has_page else ODD) for a, b, has_page in spans]
    href = {SINGH.id: '../person/a.html?x="<&>"'}.get
    expected = _LOOP.render(segments=segments, sentence=text, mentions=mentions, href=href)
    assert linked(text, mentions, href) == expected


@given(st.text(max_size=80))
def test_safe_names_are_plain_and_stable(text: str) -> None:
    name = safe_name(text)
    assert re.fullmatch(r"[a-z0-9-]+", name) and name == safe_name(text)


_SEGMENT = st.text(alphabet="abc", min_size=1, max_size=2)


@given(st.lists(_SEGMENT, min_size=1, max_size=4), st.lists(_SEGMENT, min_size=1, max_size=4), st.booleans())
def test_relative_links_resolve_to_their_target(page: list[str], target: list[str], folder: bool) -> None:
    from_page, to = "/".join(page), "/".join(target) + ("/" if folder else "")
    link = relative(from_page, to)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_page), link))
    assert resolved == posixpath.normpath(to) and not link.startswith("/")
    assert link.endswith("/") == folder or link == "./"


def test_entity_pages_list_the_articles_that_mention_them(built: Path) -> None:
    page = read(built, "hi/country/russia.html")
    assert "जिन लेखों में इनका उल्लेख है" in page
    assert all(f'href="../articles/{slug}.html"' in page for slug in ("a", "b", "c"))


@given(st.text(max_size=40))
def test_marking_hindi_keeps_the_text(text: str) -> None:
    marked = str(mark_hindi(text))
    assert html.unescape(re.sub(r'<span lang="hi">|</span>', "", marked)) == text


def test_english_text_quoting_hindi_marks_the_quote() -> None:
    marked = str(mark_hindi("The source lists “उज्बेकिस्तान, बेलारूस” (Kazakhstan) & <b>"))
    assert '<span lang="hi">उज्बेकिस्तान, बेलारूस</span>' in marked and "&amp; &lt;b&gt;" in marked


def test_every_interface_string_and_topic_has_a_hindi_translation() -> None:
    from babel.messages.extract import extract_from_dir

    from generator import topics
    from generator.render import catalog

    hindi = catalog(REPO / "templates", "hi")
    found = list(extract_from_dir(str(REPO / "templates"), method_map=[("**.html", "jinja2")],
                                  options_map={"**.html": {"extensions": "jinja2.ext.i18n"}}))
    assert len(found) > 50
    missing = [m for _, _, m, _, _ in found
               if (hindi.ngettext(m[0], m[1], 2) == m[1] if isinstance(m, tuple) else hindi.gettext(m) == m)]
    missing += [t.label for t in topics.vocabulary() if hindi.gettext(t.label) == t.label]
    assert not missing


def test_english_summary_comes_only_from_real_translations(built: Path) -> None:
    glossed, machine = read(built, "en/articles/a.html"), read(built, "en/articles/b.html")
    assert '<p lang="hi">राजनाथ सिंह ने रूस के मंत्री से वार्ता की।</p>' in glossed
    assert "<p>Rajnath Singh held talks with the minister of Russia.</p>" in machine


def test_without_pagefind_the_search_page_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import search

    monkeypatch.setattr(search, "available", lambda: False)
    out = tmp_path / "site"
    out.mkdir()
    site.write(sample_digest(), Config(root=REPO), out)
    page = read(out, "en/search.html")
    assert "Search is not available" in page and "pagefind" not in page
    assert not (out / "pagefind").exists()


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_rendered_pages_leave_no_garbage_for_the_cyclic_gc(lang: str) -> None:
    """An article's or meeting's page (nearly all pages) leaves nothing for the cyclic GC: before, each left cycles,
    and collecting them was a twentieth of a build. (Pages that import the macros themselves still do.)"""
    config = Config(root=REPO)
    renderer = Renderer(REPO / "templates", {"config": config, "search": False}, site.helpers())
    described = [p for p in site_pages.site_pages(sample_digest(), [], config.languages)
                 if p.lang == lang and p.template in ("article.html", "meeting.html")]
    assert len(described) == 6
    for page in described:  # compiles the templates and fills the renderer's caches
        renderer.render(page)
    gc.collect()
    gc.disable()
    try:
        again = [renderer.render(page) for page in described]
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert all("</html>" in text for text in again)


def test_an_article_is_loaded_whole_once_for_the_pages_of_all_its_languages() -> None:
    full = sample_digest()
    loads: dict[str, int] = {}

    def source(entry: Entry) -> Callable[[], Entry]:
        def load() -> Entry:
            loads[entry.slug] = loads.get(entry.slug, 0) + 1
            return entry
        return load

    digest = assemble([replace(e, fingerprint=e.slug).card(source(e)) for e in full.entries])  # as a build makes them
    config = Config(root=REPO)
    renderer = Renderer(REPO / "templates", {"config": config, "search": False}, site.helpers())
    made = {p.path: renderer.render(p) for p in site_pages.site_pages(digest, [], config.languages)}
    assert loads == {"a": 1, "b": 1, "c": 1}
    fresh = Renderer(REPO / "templates", {"config": config, "search": False}, site.helpers())
    for page in site_pages.site_pages(full, [], config.languages):  # the same pages as from whole entries
        assert fresh.render(page) == made[page.path], page.path
