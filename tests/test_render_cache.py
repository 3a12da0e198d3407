"""The renderer's caches (participant HTML, UI strings, dates) never leak across
languages or pages whose relative links differ: a shared renderer writes what a
fresh one would."""

from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import jinja2
from babel.dates import format_date
from babel.support import NullTranslations
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from generator.model import Bilingual, Meeting, Participant
from generator.render import (
    Page,
    Renderer,
    cached_gettext,
    distinct_ids,
    localised_date,
    month_name,
)
from generator.site import helpers

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PARTY_PAGE = '{% for p in parties %}{{ participant(p) }}|{% endfor %}{{ _("Undated") }}'

MINISTER = Participant(
    entity_id="person/asha",
    name=Bilingual(hi="आशा", en="Asha"),
    role=Bilingual(en="Defence Minister"),
    country=Bilingual(hi="भारत", en="India"),
    country_id="country/india",
)
UNNAMED = Participant(entity_id=None, name=None, role=Bilingual(), country=Bilingual())
DIGEST = SimpleNamespace(entities={"person/asha": object(), "country/india": object()})

# Same depth inside and outside the language folder, other depths, both languages, and back.
PAGES = [
    ("en/meetings/m.html", "en"),
    ("en/index.html", "en"),
    ("search/index.html", "en"),
    ("index.html", None),
    ("hi/meetings/m.html", "hi"),
    ("hi/index.html", "hi"),
    ("en/meetings/m.html", "en"),
]


def renderer() -> Renderer:
    made = Renderer(TEMPLATES, {}, helpers())
    made.env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"party.html": PARTY_PAGE}), jinja2.FileSystemLoader(TEMPLATES)])
    return made


def page(path: str, lang: str | None) -> Page:
    return Page(path, "party.html", lang, {"digest": DIGEST, "parties": [MINISTER, UNNAMED, MINISTER]})


def test_a_shared_renderer_writes_what_a_fresh_one_writes_on_every_page() -> None:
    shared = renderer()
    for path, lang in PAGES:
        assert shared.render(page(path, lang)) == renderer().render(page(path, lang)), path


def test_participant_links_follow_the_page_they_are_on() -> None:
    shared = renderer()
    links = {path: shared.render(page(path, lang)) for path, lang in PAGES}
    assert 'href="../person/asha.html"' in links["en/meetings/m.html"]
    assert 'href="person/asha.html"' in links["en/index.html"]
    assert 'href="../en/person/asha.html"' in links["search/index.html"]
    assert 'href="en/person/asha.html"' in links["index.html"]
    assert 'href="../person/asha.html"' in links["hi/meetings/m.html"]


def test_ui_strings_and_names_follow_the_page_language() -> None:
    shared = renderer()
    hindi = shared.render(page("hi/meetings/m.html", "hi"))
    english = shared.render(page("en/meetings/m.html", "en"))
    assert "अनाम अधिकारी" in hindi and "तिथि अज्ञात" in hindi and "आशा" in hindi
    assert "Unnamed official" in english and "Undated" in english and ">Asha<" in english
    assert "Unnamed official" not in hindi and "अनाम अधिकारी" not in english
    assert shared.render(page("hi/meetings/m.html", "hi")) == hindi



MEETING = Meeting(
    id="2023-04-28-a-1", kind="talks", date=dt.date(2023, 4, 28), date_basis="explicit", future=False,
    place=None, occasion=None, topics=(), participants=(MINISTER,), articles=("a", "b"), evidence=(), sentences=(),
)
SOURCES = SimpleNamespace(title=Bilingual(en="Report A"))
ITEM_PAGE = "{{ meeting_item(m, current) }}"


def item_page(path: str, lang: str, current: str | None) -> Page:
    digest = SimpleNamespace(entities=DIGEST.entities, by_slug={"a": SOURCES, "b": SOURCES})
    return Page(path, "item.html", lang, {"digest": digest, "m": MEETING, "current": current, "menu": ()})


def test_a_meeting_item_names_its_first_report_except_on_that_report_s_page() -> None:
    shared = renderer()
    shared.env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"item.html": ITEM_PAGE}), shared.env.loader])
    fresh_loader = shared.env.loader
    for path, lang, current in [("en/years/2023.html", "en", None), ("en/articles/a.html", "en", "a"),
                                ("en/articles/b.html", "en", "b"), ("hi/articles/a.html", "hi", "a"),
                                ("en/years/2023.html", "en", None)]:
        fresh = renderer()
        fresh.env.loader = fresh_loader
        made = shared.render(item_page(path, lang, current))
        assert made == fresh.render(item_page(path, lang, current)), (path, current)
        assert ('class="from"' in made) == (current != "a") and made.endswith("</li>\n")


def test_meetings_of_one_report_share_its_end_only_when_they_count_as_many_reports() -> None:
    shared = renderer()
    shared.env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"item.html": ITEM_PAGE}), shared.env.loader])
    alone = replace(MEETING, id="2023-04-28-a-2", articles=("a",))
    pages = [Page("en/years/2023.html", "item.html", "en", {**item_page("en/years/2023.html", "en", None).context, "m": m})
             for m in (MEETING, alone, MEETING)]
    made = [shared.render(p) for p in pages]
    assert "and 1 more" in made[0] and "and" not in made[1].partition('class="from"')[2] and made[2] == made[0]
    assert made[1].endswith('Report A</a></p>\n</li>\n')


def test_dates_are_remembered_per_language() -> None:
    day = dt.date(2023, 4, 28)
    for _ in range(2):
        assert localised_date(day, "en") == "28 April 2023"
        assert localised_date(day, "hi") == format_date(day, "d MMMM y", locale="hi") != "28 April 2023"
        assert month_name(day, "en") == "April 2023"
        assert month_name(day, "hi") == format_date(day, "LLLL y", locale="hi")
    assert localised_date(None, "hi") == ""


def _outcome(env: jinja2.Environment, text: str, variables: dict[str, str]) -> tuple[str, str]:
    try:
        return "ok", env.from_string("{{ gettext(text, **variables) }}").render(text=text, variables=variables)
    except Exception as error:  # the kind of failure is what is compared
        return "error", type(error).__name__


def _environment(autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)


@given(st.text(), st.dictionaries(st.sampled_from(["n", "name"]), st.text(max_size=5), max_size=2))
def test_cached_gettext_gives_what_jinja_gives(text: str, variables: dict[str, str]) -> None:
    remembered = cached_gettext(NullTranslations().gettext)  # one per language, shared by all templates
    for autoescape in (False, True, False):
        jinjas = _environment(autoescape)
        jinjas.install_gettext_translations(NullTranslations(), newstyle=True)  # type: ignore[attr-defined]
        ours = _environment(autoescape)
        ours.globals["gettext"] = remembered
        expected = _outcome(jinjas, text, variables)
        assert _outcome(ours, text, variables) == expected
        assert _outcome(ours, text, variables) == expected  # the remembered answer too


@given(st.lists(st.one_of(st.none(), st.sampled_from(["", "country/india", "Country/India", "country/nepal"]))))
def test_distinct_ids_joins_what_jinja_filters_join(ids: list[str | None]) -> None:
    parties = [SimpleNamespace(country_id=i) for i in ids]
    chain = "{{ parties | map(attribute='country_id') | select | unique | join(' ') }}"
    expected = jinja2.Environment(autoescape=True).from_string(chain).render(parties=parties)
    assert str(escape(distinct_ids(parties, "country_id"))) == expected


def test_a_template_error_points_at_the_template_line(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_text("first line\n{{ missing.name }}\n", encoding="utf-8")
    try:
        Renderer(tmp_path, {}, helpers()).render(Page("en/broken.html", "broken.html", "en"))
    except jinja2.UndefinedError as err:
        frames = [(Path(f.filename).name, f.lineno) for f in traceback.extract_tb(err.__traceback__)]
        assert ("broken.html", 2) in frames
    else:
        raise AssertionError("an undefined name rendered")


def test_templates_read_the_site_values_by_attribute_or_by_key() -> None:
    made = Renderer(TEMPLATES, {"config": "c", "search": True}, helpers())
    made.env.loader = jinja2.DictLoader({"t.html": "{{ site.config }}{{ site['config'] }}{{ site.search }}"})
    assert made.render(Page("t.html", "t.html", "en")) == "ccTrue"
