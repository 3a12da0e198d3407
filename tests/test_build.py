"""End to end: the seeds build into a bilingual site, reproducibly and atomically."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import build as build_module
from generator import config
from generator.cli import main
from generator.render import Page, Renderer

SEED_SLUG = "rajnath-singh-sco-bilateral-meetings-2023-04-28"


def tree_hash(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_seed_builds_in_both_languages(project: Path) -> None:
    assert main(["build", "--root", str(project)]) == 0
    site = project / "site"
    for lang in ("en", "hi"):
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in home
        assert f"articles/{SEED_SLUG}.html" in home
        page = (site / lang / "articles" / f"{SEED_SLUG}.html").read_text(encoding="utf-8")
        assert "सर्गेई शोइगु से मुलाकात की।" in re.sub(r"<[^>]+>", "", page)
        assert ("28 अप्रैल 2023" if lang == "hi" else "28 April 2023") in page
        assert (site / lang / "about.html").is_file()
    english = (site / "en" / "articles" / f"{SEED_SLUG}.html").read_text(encoding="utf-8")
    assert 'lang="hi"' in english
    assert 'href="../../static/style.css"' in english
    assert (site / "index.html").read_text(encoding="utf-8").count('hreflang="hi"') >= 2


def test_rebuild_gives_identical_bytes_and_reuses_analysis(project: Path, tmp_path: Path) -> None:
    cfg, _ = config.load(project)
    first = build_module.build(cfg)
    before = tree_hash(project / "site")
    second = build_module.build(cfg, tmp_path / "again")
    assert first.analysed == 1 and second.analysed == 0
    assert tree_hash(tmp_path / "again") == before


def test_cards_are_packed_and_caches_of_other_versions_pruned(project: Path, tmp_path: Path) -> None:
    cfg, _ = config.load(project)
    build_module.build(cfg)
    cache = project / ".cache"
    (pack,) = (cache / "cards").glob("*.pickle")
    written = pack.stat().st_mtime_ns
    stale = cache / "analysis" / ("0" * 16) / "ab"
    stale.mkdir(parents=True)
    (stale / "x.pickle").write_bytes(b"left by older code")
    (cache / "cards" / ("0" * 16 + ".pickle")).write_bytes(b"left by older code")
    before = tree_hash(project / "site")
    again = build_module.build(cfg, tmp_path / "again")
    assert again.analysed == 0 and tree_hash(tmp_path / "again") == before
    assert not stale.parent.exists() and list((cache / "cards").glob("*.pickle")) == [pack]
    assert pack.stat().st_mtime_ns == written  # nothing changed: the pack is not rewritten


def test_an_edited_article_goes_to_the_overlay_not_the_whole_pack(project: Path, tmp_path: Path) -> None:
    cfg, _ = config.load(project)
    build_module.build(cfg)
    (pack,) = (project / ".cache" / "cards").glob("*.pickle")
    written = pack.stat().st_mtime_ns
    (seed,) = (project / "seeds").glob("*.txt")
    with seed.open("a", encoding="utf-8") as handle:
        handle.write("\nसंपादक का संशोधन।\n")
    edited = build_module.build(cfg)
    assert edited.analysed == 1 and pack.stat().st_mtime_ns == written
    assert pack.with_name(pack.stem + ".overlay.pickle").is_file()
    again = build_module.build(cfg, tmp_path / "again")
    assert again.analysed == 0 and tree_hash(tmp_path / "again") == tree_hash(project / "site")


@pytest.mark.parametrize("removed", ["analysis", "english", "cards"])
def test_any_one_cache_folder_may_be_deleted(project: Path, tmp_path: Path, removed: str) -> None:
    cfg, _ = config.load(project)
    build_module.build(cfg)
    shutil.rmtree(project / ".cache" / removed)
    again = build_module.build(cfg, tmp_path / "again")
    assert tree_hash(tmp_path / "again") == tree_hash(project / "site")
    assert again.analysed == (1 if removed == "analysis" else 0)


def test_bad_inputs_are_reported_and_good_one_published(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / "broken.txt").write_bytes(b"\xc3\x28 not utf-8")
    (project / "seeds" / "empty.txt").write_bytes(b"")
    assert main(["build", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "seeds/broken.txt:1: error: not UTF-8" in err
    assert "seeds/empty.txt:1: error: the article has no text" in err
    assert (project / "site" / "hi" / "articles" / f"{SEED_SLUG}.html").is_file()


def test_strict_fails_on_warnings(project: Path) -> None:
    (project / "seeds" / "undated.txt").write_text("राजनाथ सिंह ने बैठक की।", encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 0
    assert main(["check", "--strict", "--root", str(project)]) == 1


def test_interrupted_build_leaves_previous_site(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg, _ = config.load(project)
    build_module.build(cfg)
    before = tree_hash(project / "site")
    (project / "seeds" / "new.txt").write_text("राजनाथ सिंह ने आज बैठक की।", encoding="utf-8")
    calls = 0
    original = Renderer.pieces

    def failing(self: Renderer, page: Page) -> Iterator[str]:
        nonlocal calls
        calls += 1
        if calls > 3:
            raise KeyboardInterrupt
        return original(self, page)

    monkeypatch.setattr(Renderer, "pieces", failing)
    with pytest.raises(KeyboardInterrupt):
        build_module.build(cfg)
    assert tree_hash(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_second_concurrent_build_is_refused(project: Path) -> None:
    cfg, _ = config.load(project)
    with build_module.lock(cfg.path("cache_dir")), pytest.raises(build_module.BuildLocked):
        build_module.build(cfg)


def test_usage_errors_exit_two() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--no-such-flag"])
    assert exit_info.value.code == 2


def test_a_build_in_a_threaded_process_forks_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``digest serve`` rebuilds in a thread: a fork there could copy a lock that another thread holds."""
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool in a threaded process")

    monkeypatch.setattr(build_module, "ProcessPoolExecutor", no_pool)
    cfg, _ = config.load(project)
    done: list[build_module.Result] = []
    thread = threading.Thread(target=lambda: done.append(build_module.build(cfg)))
    thread.start()
    thread.join(timeout=120)
    assert done and done[0].pages > 10 and (project / "site" / "en" / "index.html").is_file()


def test_a_cold_build_analyses_in_a_pool_beside_the_site_walk(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk's own pool starts a thread; that must not stop the analysis pool of the same build."""
    pools: list[int] = []
    real = build_module.ProcessPoolExecutor

    def counted(max_workers: int, **kwargs: Any) -> Any:
        pools.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(build_module, "ProcessPoolExecutor", counted)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    (seed,) = (project / "seeds").glob("*.txt")
    for i in range(build_module.PARALLEL_THRESHOLD):
        (project / "seeds" / f"copy-{i}.txt").write_text(f"{seed.read_text(encoding='utf-8')}\nबैठक संख्या {i}।\n",
                                                         encoding="utf-8")
    serial = project.parent / "serial"
    shutil.copytree(project, serial)
    cfg, _ = config.load(project)
    result = build_module.build(cfg)
    assert result.analysed > build_module.PARALLEL_THRESHOLD
    assert pools == [1, 2]  # the site walk, then the analysis
    # Workers analyse, translate and store; the site and the caches are those of an analysis in one process.
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert build_module.build(config.load(serial)[0]).analysed == result.analysed
    assert pools == [1, 2, 1]
    assert tree_hash(serial / "site") == tree_hash(project / "site")
    for kind in ("analysis", "english"):
        assert tree_hash(serial / ".cache" / kind) == tree_hash(project / ".cache" / kind)
