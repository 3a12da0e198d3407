"""The search index: articles split into Pagefind shards, merged by the search page."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_site import REPO, sample_digest

from generator import search, site
from generator.config import Config
from generator.digest import Digest, assemble
from generator.model import Bilingual, Translation

pytestmark = pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")


@given(st.text(min_size=1, max_size=40), st.integers(min_value=0, max_value=6))
def test_both_languages_of_an_article_share_a_shard(name: str, power: int) -> None:
    count = 2**power
    assert search.shard_of(f"en/articles/{name}.html", count) == search.shard_of(f"hi/articles/{name}.html", count)
    assert 0 <= search.shard_of(f"en/articles/{name}.html", count) < count


@given(st.integers(min_value=0, max_value=100_000))
def test_shard_count_is_the_smallest_power_of_two_that_fits(articles: int) -> None:
    count = search.shard_count(articles)
    assert count & (count - 1) == 0
    assert count * search.SHARD_ARTICLES >= articles
    assert count == 1 or (count // 2) * search.SHARD_ARTICLES < articles


def test_pagefind_runs_as_its_own_binary_not_through_python() -> None:
    command = search._pagefind()
    assert len(command) == 1 and Path(command[0]).name.startswith("pagefind")
    assert Path(command[0]).is_file()


def bundles_on(out: Path) -> list[str]:
    page = (out / "en" / "search.html").read_text(encoding="utf-8")
    found = re.search(r'data-bundles="([^"]*)"', page)
    assert found
    return [b.removeprefix("../") for b in found.group(1).split()]


def build_twice(tmp_path: Path, digest: Digest, slug: str, **changes: Any) -> tuple[Path, Path]:
    """The site of ``digest``, then of it with one entry changed, both through one output store."""
    config, store = Config(root=REPO), tmp_path / "store"
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    site.write(digest, config, first, store)
    edited = [dataclasses.replace(e, **changes) if e.slug == slug else e for e in digest.entries]
    site.write(assemble(edited), config, second, store)
    return first, second


def test_an_edit_reindexes_only_its_shard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SHARD_ARTICLES", 1)  # three articles, four shards
    digest = sample_digest()
    english = (Translation("An editor's corrected English.", "editor"), *digest.by_slug["c"].translations[1:])
    first, second = build_twice(tmp_path, digest, "c", translations=english)
    shards = bundles_on(first)
    expected = sorted({f"pagefind/{search.shard_of(f'en/articles/{s}.html', 4)}/" for s in ("a", "b", "c")})
    assert shards == expected and len(shards) > 1
    counts = [json.loads((first / b / "pagefind-entry.json").read_text())["languages"] for b in shards]
    assert sum(c["en"]["page_count"] for c in counts) == 3 == sum(c["hi"]["page_count"] for c in counts)
    assert bundles_on(second) == shards
    changed = f"pagefind/{search.shard_of('en/articles/c.html', 4)}/"
    for bundle in shards:
        before, after = (first / bundle / "pagefind-entry.json").stat(), (second / bundle / "pagefind-entry.json").stat()
        assert (before.st_ino == after.st_ino) == (bundle != changed), bundle


def test_an_edit_to_text_outside_the_summary_rerenders_only_its_article(tmp_path: Path) -> None:
    digest = assemble([dataclasses.replace(e, fingerprint=e.slug) for e in sample_digest().entries])  # as builds set
    english = (*digest.by_slug["c"].translations[:1], Translation("A corrected second sentence.", "editor"))
    first, second = build_twice(tmp_path, digest, "c", translations=english, fingerprint="edited")
    changed = {p.relative_to(second).as_posix() for p in second.rglob("*")  # static/ is copied, not stored
               if p.is_file() and p.stat().st_ino != (first / p.relative_to(second)).stat().st_ino} - {
                   p.relative_to(second).as_posix() for p in (second / "static").rglob("*")}
    assert changed == {"en/articles/c.html", "hi/articles/c.html"}
    assert "A corrected second sentence." in (second / "en/articles/c.html").read_text(encoding="utf-8")


def test_a_changed_meeting_reaches_the_exports_and_its_pages(tmp_path: Path) -> None:
    digest = sample_digest()
    entry = digest.by_slug["b"]
    (old,) = entry.analysis.meetings
    moved = dataclasses.replace(old, place=Bilingual("मास्को", "Moscow"))
    analysis = dataclasses.replace(entry.analysis, meetings=(moved,))
    first, second = build_twice(tmp_path, digest, "b", analysis=analysis, fingerprint="edited")
    for path in ("data/meetings.json", "data/meetings.csv", f"en/meetings/{old.id}.html", "en/years/2022.html"):
        assert "Moscow" in (second / path).read_text(encoding="utf-8") and "Moscow" not in (first / path).read_text(
            encoding="utf-8"), path
    unchanged = first / "en" / "meetings" / "2023-04-28-a-1.html"
    assert unchanged.stat().st_ino == (second / "en" / "meetings" / "2023-04-28-a-1.html").stat().st_ino


def test_pagefind_is_given_the_indexed_part_of_article_pages(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    site.write(sample_digest(), Config(root=REPO), out)
    whole = (out / "en" / "articles" / "a.html").read_text(encoding="utf-8")
    part = search.indexed_part(whole.encode()).decode()  # type: ignore[union-attr]
    assert "The two discussed cooperation." in whole and "The two discussed cooperation." not in part
    assert '<section class="reported"' in whole and '<section class="reported"' not in part
    assert part.startswith('<!DOCTYPE html>\n<html lang="en"') and "<head>" not in part and "masthead" not in part
    assert part.count("<section") == part.count("</section>") and "data-pagefind-body" in part
    kept = re.search(r"<article .*</article>", whole, flags=re.S).group()  # type: ignore[union-attr]
    assert re.sub(r"<section [^>]*data-pagefind-ignore.*?</section>", "", kept, flags=re.S) in part


def test_a_page_without_an_indexed_element_is_given_whole() -> None:
    assert search.indexed_part(b"<html><head><title>data-pagefind-body</title></head><body></body></html>") is None
    assert search.indexed_part(b"<html><body><p>data-pagefind-body</p></body></html>") is None


def test_without_build_fingerprints_an_article_page_is_keyed_by_its_text(tmp_path: Path) -> None:
    digest = sample_digest()
    english = (*digest.by_slug["a"].translations[:1], Translation("Another second sentence.", "editor"))
    first, second = build_twice(tmp_path, digest, "a", translations=english)
    assert "Another second sentence." not in (first / "en" / "articles" / "a.html").read_text(encoding="utf-8")
    assert "Another second sentence." in (second / "en" / "articles" / "a.html").read_text(encoding="utf-8")
