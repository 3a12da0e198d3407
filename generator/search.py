"""Search: a Pagefind index of the articles in both languages, built after the pages are written.

Pagefind (the ``pagefind[bin]`` package ships its binary) makes one index per
``<html lang>``; each language has its own search page querying its own index.
Article pages carry both scripts, so Hindi and English words are found from
either page. What is indexed is each article's titles, summary and notes (the
page marks the full text ``data-pagefind-ignore``): the index then grows with
the number of articles, not with their length, and people, countries and
meetings are found through the articles that report them. The index is
optional: without Pagefind the search page says so.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from generator.outputs import OutputStore

BUNDLE = "pagefind"  # the folder of the index and its UI, inside the site
INDEXED = "*/articles/*.html"  # article pages only; see the module docstring


def available() -> bool:
    """True when the Pagefind package and its binary wheel (``pagefind[bin]``) are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("pagefind", "pagefind_bin"))


def index(site: Path) -> None:
    """Index the built site in place; raises RuntimeError with Pagefind's own message on failure."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE,
               "--glob", INDEXED, "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / BUNDLE / "pagefind-ui.js").is_file():
        raise RuntimeError(f"pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")
    _stable_entry(site / BUNDLE / "pagefind-entry.json")


def place(site: Path, store: OutputStore, page_keys: Iterable[str]) -> None:
    """Index the site, or link the index of an earlier build made from the same pages.

    The index depends only on the pages, so it is stored under a hash of their
    fingerprints; an unchanged site costs no indexing.
    """
    key = hashlib.sha256("\n".join(sorted(page_keys)).encode()).hexdigest()

    def made() -> list[str]:
        index(site)
        return [p.relative_to(site).as_posix() for p in (site / BUNDLE).rglob("*") if p.is_file()]

    store.place_group(key, made)


def _stable_entry(path: Path) -> None:
    """Pagefind lists languages in a varying order; sort them so builds are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
