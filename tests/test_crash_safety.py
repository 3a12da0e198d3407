"""Crash safety: a build killed at any moment leaves the previous site, the memory and the cache whole.

``digest build`` runs as a subprocess on a copy of the project and is killed
with SIGKILL (with any helper it started, e.g. the search indexer) at 50 points
spread over the measured length of a build. After each kill the published site
must be byte-identical to the one before, or, if the kill came after the swap,
byte-identical to a complete build of the new inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import REPO, copy_project

from generator import build as build_module
from generator import config
from generator.translate.memory import Memory

KILLS = 50
SEED = 20261128
ARTICLE = "नई दिल्ली। रक्षा मंत्री राजनाथ सिंह ने रूस के रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।"
LONGER = ("दोनों नेताओं ने रक्षा सहयोग और संयुक्त सैन्य अभ्यास पर विस्तार से चर्चा की। "
          "रक्षा मंत्रालय ने बताया कि दोनों पक्षों ने रक्षा उद्योग में साझेदारी बढ़ाने पर सहमति जताई। "
          "बैठक में समुद्री सुरक्षा और क्षेत्रीय स्थिरता के मुद्दे भी उठे।")


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def pages(files: dict[str, str]) -> set[str]:
    """The site's own files (the search index names its files by their content)."""
    return {path for path in files if not path.startswith("pagefind/")}


def command(project: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--root", str(project), *extra]


def build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(project, *extra), cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False)


def killed_build(project: Path, after: float) -> int:
    """Start a build, SIGKILL it and its children after ``after`` seconds; its exit status."""
    process = subprocess.Popen(command(project), cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    return process.wait(timeout=60)


def change_inputs(project: Path, step: int) -> None:
    """A new version of one article, so the next build analyses it and writes a different site."""
    (project / "seeds" / "changing.txt").write_text(
        f"---\ndate: 2023-05-01\n---\n{ARTICLE}\nबैठक संख्या {step} हुई।\n",
        encoding="utf-8")


def change_text(project: Path, step: int) -> None:
    """A new sentence at the end of a long article: only its own pages change (a quick build)."""
    (project / "seeds" / "changing.txt").write_text(
        f"---\ndate: 2023-05-01\n---\n{ARTICLE} {LONGER}\nसंपादक का संशोधन संख्या {step}।\n", encoding="utf-8")


def assert_cache_readable(cache: Path) -> int:
    """Every cached value loads; stored output files named by their hash still match it.

    Hidden files and folders are a killed build's scratch (a page being streamed, a search
    shard being indexed), not values: the next full build removes them (tested below).
    """
    checked = 0
    for path in cache.rglob("*"):
        if path.is_file() and not is_scratch(path, cache):
            checked += assert_readable(path)
    return checked


def is_scratch(path: Path, cache: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(cache).parts)


def assert_readable(path: Path) -> int:
    """1 after checking a cached file that can be checked (pickle, JSON, output stored by hash), else 0."""
    if path.suffix == ".pickle":
        value = pickle.loads(path.read_bytes())
        assert path.parts[-4] != "analysis" or type(value).__name__ == "Analysis", path
        return 1
    if path.suffix == ".json":
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError as err:
            raise AssertionError(f"unreadable: {path}") from err
        return 1
    if path.name.startswith("b") and len(path.name) == 65:
        assert "b" + hashlib.sha256(path.read_bytes()).hexdigest() == path.name, path
        return 1
    return 0


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for i in range(4):  # more pages to write: a longer window in which to be killed
        (project / "seeds" / f"extra-{i}.txt").write_text(
            f"---\ndate: 2023-04-{10 + i}\n---\n{ARTICLE}\n", encoding="utf-8")
    return project


@pytest.mark.parametrize("change", [change_inputs, change_text], ids=["full builds", "quick builds"])
def test_fifty_random_kills_leave_the_previous_site_whole(project: Path, change: Callable[[Path, int], None]) -> None:
    memory = project / "content" / "translations" / "hi-en.po"
    memory_bytes = memory.read_bytes()
    with memory.open("rb") as handle:
        entries = len(read_po(handle))
    assert build(project).returncode == 0
    durations = []
    for step in (-2, -1):  # builds like the killed ones: the cache warm, one article changed
        change(project, step)
        started = time.monotonic()
        assert build(project).returncode == 0
        durations.append(time.monotonic() - started)
    duration = min(durations)
    previous = tree(project / "site")
    rng = random.Random(SEED)
    outcomes = {"killed": 0, "finished": 0, "killed after the swap": 0}
    for step in range(1, KILLS + 1):
        change(project, step)
        after = duration * (step - 1 + rng.random()) / KILLS  # one point in each 1/50 of a build
        status = killed_build(project, after)
        now = tree(project / "site")
        if status != -signal.SIGKILL:  # finished before the kill: a whole new site
            outcomes["finished"] += 1
            assert now != previous and pages(now) == pages(previous)
        elif now != previous:  # killed after the swap: the new site must be a complete build
            outcomes["killed after the swap"] += 1
            reference = build(project, "--out", str(project / "reference"))
            assert reference.returncode == 0, reference.stderr
            assert now == tree(project / "reference"), f"kill {step} at {after:.2f}s: site is partial"
        else:
            outcomes["killed"] += 1
        previous = now
        assert memory.read_bytes() == memory_bytes
        assert assert_cache_readable(project / ".cache") > 0
    print(outcomes, f"build {duration:.2f}s")
    assert outcomes["killed"] >= KILLS // 2, outcomes  # most kills hit a build in progress
    with memory.open("rb") as handle:
        assert len(read_po(handle)) == entries > 0
    final = build(project)  # the lock of a killed build is gone: a build runs again
    assert final.returncode == 0, final.stderr
    change_inputs(project, KILLS + 1)  # a full build removes what killed builds left in the page store
    assert build(project).returncode == 0
    store = project / ".cache" / "output" / "files"
    assert not [p for p in store.rglob(".*") if is_scratch(p, store)]


def test_memory_and_cache_saves_survive_kills(tmp_path: Path) -> None:
    """Kill a process that saves the memory and the translation cache over and over."""
    memory = tmp_path / "hi-en.po"
    memory.write_bytes((REPO / "content" / "translations" / "hi-en.po").read_bytes())
    original = {e.source: e.text for e in Memory.load(memory).entries()}
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from generator.translate.memory import Memory\n"
        "from generator.translate.cache import TranslationCache\n"
        "path = Path(sys.argv[1])\ncache = TranslationCache(path.with_name('cache.json'))\n"
        "for i in range(100000):\n"
        "    memory = Memory.load(path)\n"
        "    memory.add_machine(f'वाक्य {i} ' + 'शब्द ' * 500, f'sentence {i}', 'test')\n"
        "    memory.save(path)\n"
        "    cache.put('test', f'वाक्य {i}', 'x' * 5000)\n"
        "    cache.save()\n"
    )
    rng = random.Random(SEED)
    for _ in range(8):
        process = subprocess.Popen([sys.executable, "-c", script, str(memory)], cwd=REPO,
                                   start_new_session=True)
        time.sleep(0.3 + 0.5 * rng.random())
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        kept = {e.source: e.text for e in Memory.load(memory).entries()}
        assert {k: kept.get(k) for k in original} == original
        json.loads((tmp_path / "cache.json").read_text(encoding="utf-8"))
    assert len(kept) > len(original)


def test_a_second_build_at_the_same_time_is_refused(project: Path) -> None:
    cfg, _ = config.load(project)
    assert build(project).returncode == 0
    before = tree(project / "site")
    with build_module.lock(cfg.path("cache_dir")):
        second = build(project)
    assert second.returncode == 1
    assert "another build is running" in second.stderr
    assert "Traceback" not in second.stderr
    assert tree(project / "site") == before


def test_a_killed_build_leaves_no_litter_after_the_next_build(project: Path) -> None:
    assert build(project).returncode == 0
    change_inputs(project, 1)
    started = time.monotonic()
    assert build(project).returncode == 0
    duration = time.monotonic() - started
    for step, share in ((2, 0.5), (3, 0.8), (4, 0.95)):  # while pages are made, indexed, published
        change_inputs(project, step)
        killed_build(project, duration * share)
    assert build(project).returncode == 0
    assert sorted(p.name for p in project.glob(".site*")) == [".site.standby"]
    assert not [p for p in (project / ".cache" / "output" / "files").iterdir() if p.name.startswith(".")]
    reference = build(project, "--out", str(project / "reference"))
    assert reference.returncode == 0 and tree(project / "site") == tree(project / "reference")


def test_two_builds_started_together_never_overlap(project: Path) -> None:
    assert build(project).returncode == 0
    change_inputs(project, 1)
    both = [subprocess.Popen(command(project), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    errors = [p.communicate(timeout=300)[1] for p in both]
    results = [(p.returncode, err) for p, err in zip(both, errors, strict=True)]
    for status, err in results:
        assert status == 0 or (status == 1 and "another build is running" in err), err
    assert any(status == 0 for status, _ in results)
    reference = build(project, "--out", str(project / "reference"))
    assert reference.returncode == 0 and tree(project / "site") == tree(project / "reference")
