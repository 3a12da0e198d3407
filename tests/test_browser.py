"""The built site in Debian's Chromium: axe-core finds no WCAG A/AA violation, the pages
honour their Content-Security-Policy, the filters work, and Pagefind answers Hindi and
English queries with links that work under the /<repo>/ prefix."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from site_fixtures import BuiltSite
from webserver import serve

pytest_plugins = ["site_fixtures"]
pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / ".cache" / "webtools" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => `${v.id} (${v.impact}): ${v.help} -> ` + v.nodes.slice(0, 3).map(n => n.html.slice(0, 120)).join(' | '));
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() or not AXE.is_file():
        pytest.skip("chromium or axe-core missing: run tests/setup-tools.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def sample_pages(site: BuiltSite, lang: str) -> list[str]:
    """Home, an article, a meeting, a person, a country and the search page in ``lang``."""
    found = [f"{lang}/index.html", f"{lang}/search.html"]
    for folder in ("articles", "meetings", "person", "country"):
        pages = sorted(p.name for p in (site.root / lang / folder).glob("*.html") if p.name != "index.html")
        assert pages, f"no page in {lang}/{folder}"
        found.append(f"{lang}/{folder}/{pages[0]}")
    return found


def axe_violations(browser: Any, site: BuiltSite, paths: list[str], scheme: str = "light", width: int = 1280) -> list[str]:
    """WCAG 2.0/2.1/2.2 A and AA violations and CSP reports on each page, served under the prefix."""
    found: list[str] = []
    with serve(site.root, site.prefix) as base:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
        for path in paths:
            response = page.goto(base + path, wait_until="load")
            assert response is not None and response.status in (200, 304), path
            found += [f"{path}: {v}" for v in page.evaluate(AXE_RUN, WCAG)]
        found += [f"CSP: {c}" for c in console]
        context.close()
    return found


def test_seed_pages_have_no_axe_violations(browser: Any, seed_site: BuiltSite) -> None:
    paths = sample_pages(seed_site, "en") + sample_pages(seed_site, "hi") + ["index.html", "404.html"]
    problems = axe_violations(browser, seed_site, paths)
    assert not problems, "\n".join(problems)


def test_dark_mode_and_phone_width_have_no_axe_violations(browser: Any, seed_site: BuiltSite) -> None:
    paths = [p for lang in ("en", "hi") for p in sample_pages(seed_site, lang)[:3]]
    problems = axe_violations(browser, seed_site, paths, scheme="dark", width=390)
    assert not problems, "\n".join(problems)


def test_corpus_sample_has_no_axe_violations(browser: Any, corpus_site: BuiltSite) -> None:
    pages = [p.relative_to(corpus_site.root).as_posix() for p in corpus_site.pages()]
    spread = [p for p in pages if p.startswith(("en/", "hi/"))][::97]
    problems = axe_violations(browser, corpus_site, sample_pages(corpus_site, "hi")[:1] + spread)
    assert not problems, "\n".join(problems)


def queries(site: BuiltSite) -> tuple[str, str]:
    """A Hindi and an English word from the name of the person in most meetings."""
    entities = json.loads((site.root / "data" / "entities.json").read_text(encoding="utf-8"))
    people = sorted((e for e in entities if e["type"] == "person"), key=lambda e: (-len(e["meetings"]), e["id"]))
    assert people, "the seed site should have people"
    return people[0]["name"]["hi"].split()[-1], people[0]["name"]["en"].split()[-1]


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Pagefind's UI and wait until its results have settled; their hrefs."""
    page.fill(".pagefind-ui__search-input", query)
    previous: list[str] | None = None
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        state = page.evaluate("""() => ({
            loading: document.querySelectorAll('.pagefind-ui__loading').length,
            message: (document.querySelector('.pagefind-ui__message') || {}).textContent || '',
            links: [...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.href)})""")
        settled = not state["loading"] and state["message"] and not state["message"].rstrip().endswith("...")
        if settled and state["links"] == previous:
            return list(state["links"])
        previous = state["links"] if settled else None
    return previous or []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_search_finds_hindi_and_english_words(browser: Any, seed_site: BuiltSite, lang: str) -> None:
    hindi, english = queries(seed_site)
    with serve(seed_site.root, seed_site.prefix) as base:
        context = browser.new_context()
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + f"{lang}/search.html", wait_until="load")
        page.wait_for_selector(".pagefind-ui__search-input", timeout=15000)
        for query in (hindi, english):
            links = search(page, query)
            assert links, f"no result for {query!r} on the {lang} search page"
            for link in links[:3]:
                assert link.startswith(base), link
                assert page.request.get(link.split("#")[0]).status == 200, link
        problems = page.evaluate(AXE_RUN, WCAG)  # the results list, as Pagefind's UI draws it
        context.close()
        assert not problems, "\n".join(problems)
        assert not errors


def test_filters_narrow_the_timeline(browser: Any, seed_site: BuiltSite) -> None:
    with serve(seed_site.root, seed_site.prefix) as base:
        page = browser.new_page()
        page.goto(base + "en/index.html", wait_until="load")
        assert page.is_visible("form.filters")
        total = page.locator("li.meeting:visible").count()
        options = page.eval_on_selector_all("#filter-person option", "os => os.map(o => o.value)")
        rare = options[-1]
        page.select_option("#filter-person", rare)
        shown = page.locator("li.meeting:visible").count()
        assert 0 < shown < total
        assert str(shown) in page.text_content(".filter-status")
        assert f"person={rare}" in page.url.replace("%2F", "/")  # the view can be shared
        page.goto(page.url, wait_until="load")
        assert page.locator("li.meeting:visible").count() == shown
        page.select_option("#filter-person", "")
        assert page.locator("li.meeting:visible").count() == total
        page.close()


def test_without_javascript_filters_stay_hidden_and_search_says_so(browser: Any, seed_site: BuiltSite) -> None:
    with serve(seed_site.root, seed_site.prefix) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "en/index.html")
        assert not page.is_visible("form.filters")
        page.goto(base + "en/search.html")
        assert "JavaScript" in page.inner_text("main")
        assert page.locator("main a[href='index.html']").is_visible()  # the timeline, instead
        context.close()


def test_axe_and_csp_checks_catch_planted_faults(browser: Any, seed_site: BuiltSite, tmp_path: Path) -> None:
    bad = tmp_path / "site"
    bad.mkdir()
    (bad / "index.html").write_text(
        "<!DOCTYPE html><html lang=en><head><title>x</title><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'self'\"></head><body><main><img src=a.png><p style='color:red'>x</p>"
        "<script>1</script></main></body></html>", encoding="utf-8")
    problems = axe_violations(browser, BuiltSite(bad, seed_site.config, 0.0), ["index.html"])
    assert any("image-alt" in p for p in problems)
    assert any(p.startswith("CSP:") for p in problems)


def test_dark_scheme_and_print_stylesheet_apply(browser: Any, seed_site: BuiltSite) -> None:
    with serve(seed_site.root, seed_site.prefix) as base:
        page = browser.new_page()
        page.goto(base + "hi/index.html", wait_until="load")
        background = "getComputedStyle(document.documentElement).backgroundColor"
        light = page.evaluate(background)
        page.emulate_media(color_scheme="dark")
        assert page.evaluate(background) != light
        assert page.is_visible("header.masthead nav")
        page.emulate_media(media="print")
        assert not page.is_visible("header.masthead nav") and not page.is_visible("a.switch")
        page.close()


def test_search_merges_every_shard(browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_site import sample_digest

    from generator import search as search_index
    from generator import site
    from generator.config import Config

    monkeypatch.setattr(search_index, "SHARD_ARTICLES", 1)  # each of the three articles in its own shard or two
    out = tmp_path / "site"
    out.mkdir()
    site.write(sample_digest(), Config(root=REPO), out)
    assert len(list((out / "pagefind").iterdir())) > 1
    with serve(out, "/repo/") as base:
        page = browser.new_page()
        page.goto(base + "hi/search.html", wait_until="load")
        page.wait_for_selector(".pagefind-ui__search-input", timeout=15000)
        links = search(page, "राजनाथ")  # in every article's summary
        page.close()
    assert sorted(link.removeprefix(base) for link in links) == [f"hi/articles/{s}.html" for s in "abc"]
