"""Markup of the built sites: the Nu Html Checker (vnu-jar, run with Java) finds no error,
and every Hindi fragment of an English page is marked ``lang="hi"``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO
from site_fixtures import BuiltSite, LangText

pytest_plugins = ["site_fixtures"]

VNU = REPO / ".cache" / "webtools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(folder: Path) -> list[str]:
    """Every error vnu reports for the HTML files under ``folder``."""
    if not VNU.is_file() or shutil.which("java") is None:
        pytest.skip("vnu.jar or java missing: run tests/setup-tools.sh")
    done = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
         "--exit-zero-always", str(folder)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    report = json.loads(done.stderr)  # vnu writes its report to stderr
    return [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def test_seed_site_is_valid_html(seed_site: BuiltSite) -> None:
    errors = vnu_errors(seed_site.root)
    assert not errors, "\n".join(errors[:30])


def test_corpus_site_is_valid_html(corpus_site: BuiltSite) -> None:
    errors = vnu_errors(corpus_site.root)
    assert not errors, "\n".join(errors[:30])


def test_checker_reports_an_invalid_page(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html lang=en><title>x</title><img src=a.png>",
                                       encoding="utf-8")
    assert any("alt" in e for e in vnu_errors(tmp_path))


@pytest.mark.parametrize("name", ["seed_site", "corpus_site"])
def test_english_pages_mark_every_hindi_fragment(name: str, request: pytest.FixtureRequest) -> None:
    site: BuiltSite = request.getfixturevalue(name)
    devanagari = re.compile("[\u0900-\u097f]")
    for page in (site.root / "en").rglob("*.html"):
        parser = LangText()
        parser.feed(page.read_text(encoding="utf-8"))
        for lang, text in parser.runs:
            assert lang == "hi" or not devanagari.search(text), f"{page.relative_to(site.root)}: {text!r}"
