"""Built sites shared by the site tests: the seed project and, when present, the corpus.

Each is built once per test session through the real pipeline (``digest build``).
Use with ``pytest_plugins = ["site_fixtures"]`` in a test module (PYTEST_DONT_REWRITE:
the module is imported before pytest could rewrite it).
"""

from __future__ import annotations

import html.parser
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import CORPUS, copy_project

from generator import build, config


@dataclass(frozen=True)
class BuiltSite:
    """A built site folder, its configuration and how long the build took."""

    root: Path
    config: config.Config
    seconds: float

    @property
    def prefix(self) -> str:
        """The path GitHub Pages serves the site under, from ``base_url``."""
        from generator.render import base_path

        return base_path(self.config.base_url)

    def pages(self) -> list[Path]:
        """Every HTML page, the search index's own files excepted."""
        return sorted(p for p in self.root.rglob("*.html") if "pagefind" not in p.relative_to(self.root).parts)


def _build(project: Path) -> BuiltSite:
    cfg, problems = config.load(project)
    assert not problems
    start = time.perf_counter()
    result = build.build(cfg)
    seconds = time.perf_counter() - start
    assert result.pages > 0
    return BuiltSite(cfg.path("output_dir"), cfg, seconds)


def import_corpus(articles: Path, seeds: Path) -> int:
    """Write each corpus article (date, blank, headline, blank, paragraphs) as a seed with front matter."""
    count = 0
    for source in sorted(articles.glob("*.txt")):
        lines = source.read_text(encoding="utf-8").split("\n")
        date, headline, body = lines[0].strip(), lines[2].strip(), "\n".join(lines[4:]).strip()
        if not body:
            continue
        meta = yaml.safe_dump({"date": date, "title": {"hi": headline}}, allow_unicode=True, sort_keys=True)
        (seeds / f"corpus-{source.stem}.txt").write_text(f"---\n{meta}---\n{body}\n", encoding="utf-8")
        count += 1
    return count


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The shipped seeds, built once."""
    yield _build(copy_project(tmp_path_factory.mktemp("seed") / "project"))


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The seed plus the development corpus's articles, built once; skipped without the corpus."""
    if not (CORPUS / "articles").is_dir():
        pytest.skip("development corpus not available")
    project = copy_project(tmp_path_factory.mktemp("corpus") / "project")
    assert import_corpus(CORPUS / "articles", project / "seeds") > 300
    yield _build(project)


class LangText(html.parser.HTMLParser):
    """Text runs with the ``lang`` in force where they stand, and every href/src."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.runs: list[tuple[str, str]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.urls += [values[k] for k in ("href", "src") if k in values]
        if tag not in self.VOID:
            self.stack.append((tag, values.get("lang", self.stack[-1][1] if self.stack else "")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack and self.stack[-1][0] not in ("script", "style", "title"):
            self.runs.append((self.stack[-1][1], data))
