"""A build with nothing to do does nothing, and any change to an input or the site is noticed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import build as build_module
from generator import config


def build(project: Path) -> build_module.Result:
    cfg, _ = config.load(project)
    return build_module.build(cfg)


def touch(path: Path) -> None:
    found = path.stat()
    os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns + 1_000_000))


@pytest.fixture
def built(project: Path) -> Path:
    (project / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (project / "content" / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\nपाठ।\n", encoding="utf-8")
    first = build(project)
    assert not first.up_to_date and first.pages > 10
    return project


def test_nothing_changed_means_nothing_is_done_and_the_same_report(built: Path) -> None:
    site = built / "site"
    before = {p: p.stat().st_ino for p in site.rglob("*")}
    saved = build(built)
    assert saved.up_to_date and saved.analysed == 0
    assert {p: p.stat().st_ino for p in site.rglob("*")} == before
    again = build(built)
    assert again.up_to_date and again.diagnostics == saved.diagnostics and again.pages == saved.pages
    assert any(d.path.endswith("broken.md") for d in again.diagnostics) and again.failed(strict=False)


@pytest.mark.parametrize("changed", ["seeds", "templates/base.html", "content/pages/about.en.md"])
def test_a_touched_input_means_a_build(built: Path, changed: str) -> None:
    target = built / changed
    for path in [target] if target.is_file() else sorted(target.rglob("*.*")):
        touch(path)
    assert not build(built).up_to_date
    assert build(built).up_to_date


def test_a_page_removed_from_the_site_is_made_again(built: Path) -> None:
    page = built / "site" / "en" / "about.html"
    page.unlink()
    assert not build(built).up_to_date
    assert page.is_file()


def test_a_changed_setting_means_a_build(built: Path) -> None:
    (built / "digest.toml").write_text('feed_entries = 5\n', encoding="utf-8")
    assert not build(built).up_to_date
