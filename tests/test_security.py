"""Hostile seeds and metadata: escaped in HTML, feeds and JSON; no script but ours; no path out of the site."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, copy_project

from generator import build as build_module
from generator import config, pages
from generator.outputs import OutputStore
from generator.render import Page, Renderer

HOSTILE = {
    "formula.md": "---\ndate: 2023-05-02\ntitle:\n  hi: \"=HYPERLINK(\\\"http://evil.example\\\")\"\n"
                  "  en: \"@SUM(1+1)\"\nplace: \"+cmd|' /C calc'!A0\"\n---\n"
                  "=HYPERLINK(\"http://evil.example\") रक्षा मंत्री राजनाथ सिंह ने फ्रांस के रक्षा मंत्री "
                  "से मुलाकात की।\n",
    "quotes.txt": "---\ndate: 2023-05-03\nsource: \"'; alert(1); '\"\nurl: \"https://example.org/?q=<x>\"\n---\n"
                  "नई दिल्ली। राजनाथ सिंह ने कहा “</p><script>alert('q')</script>” और फिर ‘<!--’ लिखा।\n",
}
HOSTILE["gazetteer-names.txt"] = ("---\ndate: 2023-05-04\n---\nनई दिल्ली। रक्षा मंत्री खलनायक सिंह ने "
                                  "रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।\n")
GAZETTEER = """\
- {id: "person/../../../evil", en: "<img src=x onerror=alert('gaz')>", hi: [खलनायक सिंह],
   country: country/india, role: "\\"><script>alert(2)</script>", role_hi: रक्षा मंत्री}
"""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "cite", "xlink:href"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "applet"}


class Audit(HTMLParser):
    """Collects what a page would run: scripts, handlers, URLs, the CSP."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.inline_script = ""
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.tags: set[str] = set()
        self.csp: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values)
            self._in_script = True
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_script += data


def scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it (control characters and spaces ignored)."""
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else ""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("security") / "project")
    for name in ("script-injection.md", "url-in-quotes.md", "slug-dotdot.md", "slug-absolute.md"):
        shutil.copy2(REPO / "tests" / "bad_inputs" / name, project / "seeds" / name)
    for name, text in HOSTILE.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    (project / "content" / "gazetteer").mkdir(exist_ok=True)
    (project / "content" / "gazetteer" / "hostile.yaml").write_text(GAZETTEER, encoding="utf-8")
    cfg, _ = config.load(project)
    build_module.build(cfg)
    return project / "site"


def own_files(site: Path, suffix: str) -> list[Path]:
    """The site's files of one kind, without the search indexer's bundle."""
    return [p for p in sorted(site.rglob(f"*{suffix}")) if "pagefind" not in p.relative_to(site).parts]


def test_hostile_articles_are_published(site: Path) -> None:
    for slug in ("script-injection", "formula", "quotes", "slug-dotdot"):
        assert (site / "en" / "articles" / f"{slug}.html").is_file(), slug


def test_pages_run_no_script_but_our_files(site: Path) -> None:
    for path in own_files(site, ".html"):
        audit = Audit()
        audit.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(site).as_posix()
        assert not audit.inline_script.strip(), where
        for script in audit.scripts:
            src = script.get("src") or ""
            assert src and not scheme(src) and not src.startswith("//"), (where, src)
        assert not audit.handlers, (where, audit.handlers)
        assert not audit.tags & FORBIDDEN_TAGS, where
        for url in audit.urls:
            assert scheme(url) in ("", "http", "https", "mailto"), (where, url)


def test_every_page_has_a_policy_that_forbids_inline_script(site: Path) -> None:
    for path in own_files(site, ".html"):
        audit = Audit()
        audit.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(site).as_posix()
        assert len(audit.csp) == 1, where
        policy = {part.split()[0]: part.split()[1:] for part in audit.csp[0].split(";") if part.strip()}
        sources_of_script = policy.get("script-src", policy.get("default-src"))
        assert sources_of_script is not None, where
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(sources_of_script)
        assert policy.get("object-src") == ["'none'"] and "base-uri" in policy, where


def test_feeds_are_well_formed_and_carry_hostile_text_as_text(site: Path) -> None:
    feeds = own_files(site, ".xml")
    assert feeds
    seen = ""
    for path in feeds:
        root = ET.parse(path).getroot()
        for element in root.iter():
            assert element.tag.rsplit("}", 1)[-1] not in ("script", "iframe"), path
            for name, value in element.attrib.items():
                if name in ("href", "src"):
                    assert scheme(value) in ("http", "https", ""), (path, value)
            seen += element.text or ""
    assert "<script>alert(1)</script>" in seen  # the hostile English title, kept as text


def test_json_exports_parse_and_links_are_http(site: Path) -> None:
    found = own_files(site, ".json")
    assert found
    for path in found:
        data = json.loads(path.read_text(encoding="utf-8"))
        for url in re.findall(r'"url":\s*"([^"]*)"', json.dumps(data)):
            assert scheme(url) in ("http", "https", ""), (path, url)
    text = "".join(p.read_text(encoding="utf-8") for p in found)
    assert "javascript:alert(document.cookie)" not in text  # the refused metadata url


def test_csv_cells_cannot_become_spreadsheet_formulas(site: Path) -> None:
    for path in own_files(site, ".csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@")], (path, row)


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "/etc/passwd", "..", ".", "", "a/../../b",
                                     "\x00x", "C:\\x", "~root", "%2e%2e/x", "..\u2215x"])
def test_no_path_helper_leaves_the_output_folder(tmp_path: Path, hostile: str) -> None:
    out = tmp_path / "site"
    for path in (pages.article_path("en", hostile), pages.meeting_path("hi", hostile),
                 pages.entity_path("en", hostile), pages.entity_path("en", f"person/{hostile}")):
        target = (out / path).resolve()
        assert target.is_relative_to(out.resolve()) and target != out.resolve(), path
        assert "\x00" not in path and ".." not in path.split("/"), path


def test_renderer_refuses_a_page_outside_the_output_folder(tmp_path: Path) -> None:
    renderer = Renderer(REPO / "templates", {}, {})
    for path in ("../escaped.html", "/tmp/escaped.html"):
        with pytest.raises(ValueError, match="leaves the output folder"):
            renderer.write(iter([Page(path, "404.html", "en", {})]), OutputStore(tmp_path / "store"))
    assert not (tmp_path / "escaped.html").exists()


def test_the_build_writes_nothing_outside_its_folders(site: Path) -> None:
    project = site.parent
    assert sorted(p.name for p in project.iterdir() if not p.name.startswith(".")) == [
        "content", "seeds", "site", "templates"]
    assert sorted(p.name for p in project.parent.iterdir()) == ["project"]
