"""Search: Pagefind indexes of the articles in both languages, built after the pages are written.

Pagefind (the ``pagefind[bin]`` package ships its binary) makes one index per
``<html lang>``; each language has its own search page querying its own index.
Article pages carry both scripts, so Hindi and English words are found from
either page. What is indexed is each article's titles, summary and notes (the
page marks the full text and its meetings ``data-pagefind-ignore``, and
Pagefind is given only the part it reads): the index then grows with
the number of articles, not with their length, and people, countries and
meetings are found through the articles that report them.

The articles are split into shards by a hash of their file name, each shard a
Pagefind bundle of its own (``pagefind/<n>/``) that the search page merges in
the browser. An edit re-indexes only its article's shard, and no indexer run
holds more than one shard in memory. The index is optional: without Pagefind
the search page says so.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

from generator.outputs import OutputStore, link

BUNDLE = "pagefind"  # the folder of the shards' bundles, inside the site
INDEXED = "*/articles/*.html"  # article pages only; see the module docstring
SHARD_ARTICLES = 500  # a shard holds about this many articles (in each language) at most
BODY = b"data-pagefind-body"  # marks the one element of a page that Pagefind indexes
IGNORED = b"data-pagefind-ignore"  # marks what Pagefind leaves out of it


def available() -> bool:
    """True when the Pagefind package and its binary wheel (``pagefind[bin]``) are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("pagefind", "pagefind_bin"))


def is_indexed(path: str) -> bool:
    """True for the site paths the index covers (``<lang>/articles/<name>.html``)."""
    parts = path.split("/")
    return len(parts) == 3 and parts[1] == "articles" and parts[2] != "index.html"


def shard_count(articles: int) -> int:
    """How many shards ``articles`` articles are split into: a power of two, so few move when it grows."""
    count = 1
    while count * SHARD_ARTICLES < articles:
        count *= 2
    return count


def shard_of(path: str, count: int) -> int:
    """The shard of an article page; both languages of an article share it."""
    name = path.partition("/")[2]  # without the language folder
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big") % count


def members(paths: Iterable[str]) -> dict[str, list[str]]:
    """The indexed pages among ``paths`` by the bundle folder (``pagefind/<n>/``) of their shard."""
    found = sorted(p for p in paths if is_indexed(p))
    count = shard_count(len({p.partition("/")[2] for p in found}))
    shards: dict[str, list[str]] = {}
    for path in found:
        shards.setdefault(f"{BUNDLE}/{shard_of(path, count)}/", []).append(path)
    return shards


def bundles(paths: Iterable[str]) -> list[str]:
    """The bundle folders that the given article pages are indexed into."""
    return sorted(members(paths))


def index(pages: Mapping[str, Path], bundle: str, work: Path) -> dict[str, Path]:
    """Index ``pages`` (site path -> file) into ``bundle``; the files made, by site path, inside ``work``.

    The pages are copied into a scratch folder with only what Pagefind reads
    (``indexed_part``), so it parses a fraction of the bytes. Raises
    RuntimeError with Pagefind's own message on failure.
    """
    scratch = Path(tempfile.mkdtemp(dir=work, prefix=".search-"))
    made = work / f"{scratch.name}-made"
    try:
        for path, page in pages.items():
            (scratch / path).parent.mkdir(parents=True, exist_ok=True)
            _copy_indexed_part(page, scratch / path)
        output = made / bundle
        command = [*_pagefind(), "--site", str(scratch), "--output-path", str(output), "--glob", INDEXED, "--quiet"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not (output / "pagefind-ui.js").is_file():
            message = (done.stderr or done.stdout).strip()[-2000:]
            raise RuntimeError(f"pagefind failed ({done.returncode}): {message}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _stable_entry(output / "pagefind-entry.json")
    return {p.relative_to(made).as_posix(): p for p in output.rglob("*") if p.is_file()}


@cache
def _pagefind() -> tuple[str, ...]:
    """The command that runs Pagefind: its binary, not ``python -m pagefind``, which starts Python to exec it.

    The binary wheel says where its binary is; anything else falls back to the module.
    """
    try:
        import pagefind_bin

        return (str(pagefind_bin.get_executable()),)
    except (ImportError, OSError, AttributeError):
        return (sys.executable, "-m", "pagefind")


def _copy_indexed_part(page: Path, copy: Path) -> None:
    """Copy what Pagefind reads of ``page``; link it whole if its parts are not found."""
    data = page.read_bytes()
    part = indexed_part(data)
    if part is None:
        link(page, copy)
    else:
        copy.write_bytes(part)


def indexed_part(page: bytes) -> bytes | None:
    """The page as Pagefind sees it: its ``<html>`` tag and ``data-pagefind-body`` element, less ignored sections.

    Pagefind indexes nothing else of a page that has such an element (the
    language comes from ``<html lang>``, the title from the element's first
    heading), so the index made from this is the one made from the page.
    None when the page has no such element.
    """
    marked, head = page.find(BODY), page.find(b"<head>")
    start = page.rfind(b"<", 0, marked)
    if marked < 0 or head < 0 or start < head or page.find(b">", start, marked) >= 0:
        return None  # no such element, or the words are in text, not in a tag
    name = page[start + 1 : page.find(b" ", start)]
    end = page.rfind(b"</" + name + b">")
    if end < marked:
        return None
    body = _without_ignored_sections(page[start : end + len(name) + 3])
    return page[:head] + b"<body>\n" + body + b"\n</body>\n</html>\n"


def _without_ignored_sections(html: bytes) -> bytes:
    """``html`` less each ``<section data-pagefind-ignore>`` that holds no other section."""
    parts: list[bytes] = []
    at = 0
    while (start := html.find(b"<section", at)) >= 0:
        tag_end = html.find(b">", start)
        end = html.find(b"</section>", tag_end)
        nested = html.find(b"<section", tag_end, end)
        if IGNORED in html[start:tag_end] and end >= 0 and nested < 0:
            parts.append(html[at:start])
            at = end + len(b"</section>")
        else:
            parts.append(html[at : tag_end + 1])
            at = tag_end + 1
    parts.append(html[at:])
    return b"".join(parts)


def place(store: OutputStore, page_keys: Mapping[str, str]) -> None:
    """Index each shard, or link the shard's index of an earlier build made from the same pages.

    ``page_keys`` maps every page of the site to the fingerprint of what it
    shows outside its lazily loaded full text (``Fingerprints.shown``), which
    the index ignores. A shard's index depends only on that, so it is stored
    under a hash of those keys: an edit to an article's text alone re-indexes
    nothing, unchanged shards cost no indexing, and the others are indexed in parallel.
    """
    shards = members(page_keys)
    groups = {bundle: _group_key(bundle, paths, page_keys) for bundle, paths in shards.items()}
    stale = [bundle for bundle, group in groups.items() if not store.has_group(group)]
    store.folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=store.folder, prefix=".search-"))
    try:
        def made_from(bundle: str) -> dict[str, Path]:
            pages = {path: Path(store.stored(store.manifest[path])) for path in shards[bundle]}
            return index(pages, bundle, work)

        with ThreadPoolExecutor(max_workers=max(1, min(len(stale), os.cpu_count() or 1))) as pool:
            made = dict(zip(stale, pool.map(made_from, stale), strict=True))
        for bundle, group in sorted(groups.items()):
            if bundle in made:
                store.keep_group(group, made[bundle])
            else:
                store.link_group(group)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _group_key(bundle: str, paths: list[str], page_keys: Mapping[str, str]) -> str:
    listing = "\n".join(f"{path}\0{page_keys[path]}" for path in paths)
    return hashlib.sha256(f"{bundle}\n{listing}".encode()).hexdigest()


def _stable_entry(path: Path) -> None:
    """Pagefind lists languages in a varying order; sort them so builds are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
