"""The quick path: an edit to an article's text alone re-renders its pages only, and gives the full build's site."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from generator import build as build_module
from generator import config, quick

ARTICLE = ("नई दिल्ली। रक्षा मंत्री राजनाथ सिंह ने रूस के रक्षा मंत्री सर्गेई शोइगु से {place} में मुलाकात की। "
           "दोनों नेताओं ने रक्षा सहयोग और संयुक्त सैन्य अभ्यास पर विस्तार से चर्चा की। "
           "रक्षा मंत्रालय ने बताया कि दोनों पक्षों ने रक्षा उद्योग में साझेदारी बढ़ाने पर सहमति जताई। "
           "बैठक में समुद्री सुरक्षा और क्षेत्रीय स्थिरता के मुद्दे भी उठे।")


def build(project: Path, out: Path | None = None) -> build_module.Result:
    cfg, _ = config.load(project)
    return build_module.build(cfg, out)


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def quick_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each build took the quick path."""
    taken: list[bool] = []
    original = quick.build

    def spy(*args: Any, **kwargs: Any) -> Any:
        done = original(*args, **kwargs)
        taken.append(done is not None)
        return done

    monkeypatch.setattr(quick, "build", spy)
    return taken


@pytest.fixture
def built(project: Path) -> Path:
    for i, place in enumerate(("मॉस्को", "दिल्ली")):
        (project / "seeds" / f"extra-{i}.txt").write_text(
            f"---\ndate: 2023-04-1{i}\n---\n{ARTICLE.format(place=place)}\n", encoding="utf-8")
    (project / "seeds" / "broken.md").write_text("---\ntitle: [unclosed\n---\nपाठ।\n", encoding="utf-8")
    build(project)
    return project


def same_as_a_full_build(project: Path) -> bool:
    build(project, project / "reference")
    return files(project / "site") == files(project / "reference")


def test_a_text_edit_renders_only_its_article_and_matches_a_full_build(built: Path, quick_calls: list[bool]) -> None:
    edited = built / "seeds" / "extra-0.txt"
    index = built / ".cache" / "output" / "files" / "index.pickle"
    written = index.stat().st_mtime_ns
    for step in range(3):
        before = inodes(built / "site")
        with edited.open("a", encoding="utf-8") as handle:
            handle.write(f"\nसंपादक का संशोधन संख्या {step}।\nThis line is English.\n")
        result = build(built)
        assert quick_calls[-1] and result.analysed == 1 and not result.up_to_date
        now = inodes(built / "site")
        changed = {path for path, ino in now.items() if before.get(path) != ino}
        assert changed == {"en/articles/extra-0.html", "hi/articles/extra-0.html"}
        assert {d.path for d in result.diagnostics} >= {"seeds/broken.md", "seeds/extra-0.txt"}
        assert len([d for d in result.diagnostics if d.path == "seeds/extra-0.txt"]) == 1
        assert build(built).up_to_date
    assert index.stat().st_mtime_ns == written  # what quick builds stored went to the overlay
    assert index.with_name("index.overlay.pickle").is_file()
    assert same_as_a_full_build(built)


@pytest.mark.parametrize("edit", ["a new meeting place", "a new title", "a new article", "a template"])
def test_an_edit_other_pages_show_takes_the_full_path(built: Path, quick_calls: list[bool], edit: str) -> None:
    if edit == "a new meeting place":
        (built / "seeds" / "extra-0.txt").write_text(
            f"---\ndate: 2023-04-10\n---\n{ARTICLE.format(place='बीजिंग')}\n", encoding="utf-8")
    elif edit == "a new title":
        (built / "seeds" / "extra-0.txt").write_text(
            f"---\ndate: 2023-04-10\ntitle: नया शीर्षक\n---\n{ARTICLE.format(place='मॉस्को')}\n", encoding="utf-8")
    elif edit == "a new article":
        (built / "seeds" / "extra-9.txt").write_text(
            f"---\ndate: 2023-04-19\n---\n{ARTICLE.format(place='मॉस्को')}\n", encoding="utf-8")
    else:
        with (built / "templates" / "base.html").open("a", encoding="utf-8") as handle:
            handle.write("{# a comment #}\n")
    result = build(built)
    assert quick_calls == [False] and not result.up_to_date
    assert same_as_a_full_build(built)


@pytest.mark.parametrize("lost", [quick.CONTEXTS, quick.STATE, quick.FILES])
def test_a_lost_or_damaged_snapshot_means_the_full_path(built: Path, quick_calls: list[bool], lost: str) -> None:
    for damage in ("lose", "damage"):
        snapshot = built / ".cache" / lost
        if damage == "lose":
            snapshot.unlink()
        else:
            snapshot.write_bytes(snapshot.read_bytes()[:-100])
        with (built / "seeds" / "extra-0.txt").open("a", encoding="utf-8") as handle:
            handle.write(f"\nसंपादक का संशोधन: {damage}।\n")
        build(built)
        assert quick_calls[-1] is False
        assert same_as_a_full_build(built)
