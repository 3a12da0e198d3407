"""The quick path: a build after edits that change only the full text of a few articles.

A typo fixed in an article's body changes that article's two pages and
nothing else, since every other page shows only its card (title, summary,
names, meetings). A full build finds that out by describing and
fingerprinting every page, which at 50,000 pages takes seconds. So each full
build leaves a ``Snapshot``: the stamp of its inputs (article files apart),
the hash of each card, the keys of the article pages without their text, and
what those pages draw from the rest of the digest. A later build whose inputs
differ from it in a few article files only analyses those; if their cards are
unchanged it renders their pages alone and patches the site. Anything else (an
input other than an article, a file added or removed, a changed card) takes
the full path. Both paths give the same site, byte for byte (tested).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from generator import atomic, pages, search, site, sources, trees, uptodate
from generator.cache import CachedReader, Store
from generator.config import Config
from generator.digest import Digest, Entry
from generator.fingerprint import code_version, with_lazy
from generator.outputs import OutputStore

STATE = "quick.pickle"
FILES = "quick-files.pickle"  # the article files' stamps, rewritten by each quick build (the rest is not)
CONTEXTS = "quick-contexts.bin"  # each article's pickled context, one after another; read one at a time
MAX_EDITED = 16  # more edited articles than this take the full path


@dataclass
class Snapshot:
    """What the last full build knew of each article, for a quick build to check its edits against."""

    rest: str  # ``uptodate.Inputs.rest``: every input but the article files
    token: str  # the build that made it, named in ``FILES`` too
    slugs: dict[str, str]  # article file, as diagnostics name it -> slug of its entry
    cards: dict[str, str]  # slug -> ``card_key``
    shown: dict[str, str]  # article page -> its key without the full text (``Fingerprints.shown``)
    contexts: dict[str, tuple[int, int]]  # slug -> where in ``CONTEXTS`` its (meetings, first sources) are
    entities: bytes  # pickled ``Digest.entities``


def card_key(entry: Entry) -> str:
    """A hash of everything of an entry that other pages can show (equal pickles: equal cards).

    Left out: what identifies the whole text (its hash, the build's
    fingerprint) and how many sentences it has, which only its own page shows.
    """
    card = entry.card()
    analysis = replace(card.analysis, article=replace(card.analysis.article, digest=""))
    summary = tuple((i, card.english(i)) for i in sorted(set(analysis.summary)))
    shown = replace(card, analysis=analysis, translations=(), fingerprint="", glossed=None)
    return hashlib.sha256(pickle.dumps((shown, summary, card.has_gloss), protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


def _context(digest: Digest, entry: Entry) -> bytes:
    """What an article's page draws from the digest besides its entry: its meetings and their first sources."""
    meetings = digest.by_article.get(entry.slug, ())
    firsts = {s: digest.by_slug[s] for m in meetings for s in m.articles[:1] if s in digest.by_slug and s != entry.slug}
    return pickle.dumps((meetings, {s: e.card() for s, e in firsts.items()}), protocol=pickle.HIGHEST_PROTOCOL)


def remember(cache: Path, inputs: uptodate.Inputs, digest: Digest, shown: dict[str, str]) -> None:
    """Save the snapshot of a full build (the contexts streamed to their file, never all in memory)."""
    token = f"{time.time_ns()}-{os.getpid()}"
    places: dict[str, tuple[int, int]] = {}

    def write_contexts(handle: BinaryIO) -> None:
        handle.write(token.encode() + b"\n")
        for entry in digest.entries:
            data = _context(digest, entry)
            places[entry.slug] = (handle.tell(), len(data))
            handle.write(data)

    atomic.write_bytes(cache / CONTEXTS, write_contexts, durable=False)
    snapshot = Snapshot(
        inputs.rest, token, {e.analysis.article.path: e.slug for e in digest.entries},
        {e.slug: card_key(e) for e in digest.entries},
        {path: key for path, key in shown.items() if search.is_indexed(path)},
        places, pickle.dumps(digest.entities, protocol=pickle.HIGHEST_PROTOCOL),
    )
    atomic.write_pickle(cache / STATE, snapshot, durable=False)
    atomic.write_pickle(cache / FILES, (token, inputs.articles), durable=False)


def forget(cache: Path) -> None:
    """Remove the snapshot: a full build is under way."""
    for name in (FILES, STATE, CONTEXTS):
        (cache / name).unlink(missing_ok=True)


def edited(cache: Path, inputs: uptodate.Inputs) -> tuple[Snapshot, list[str]] | None:
    """The snapshot and the article files edited since, if a quick build may handle the edits."""
    files, snapshot = atomic.read_pickle(cache / FILES, tuple), atomic.read_pickle(cache / STATE, Snapshot)
    if snapshot is None or files is None or files[0] != snapshot.token:
        return None
    known: dict[str, tuple[int, int]] = files[1]
    if snapshot.rest != inputs.rest or known.keys() != inputs.articles.keys():
        return None
    changed = [path for path, found in inputs.articles.items() if known[path] != found]
    return (snapshot, changed) if 0 < len(changed) <= MAX_EDITED else None


def build(
    config: Config, target: Path, inputs: uptodate.Inputs, published: Callable[[], int],
    last: dict[str, Any], make_entries: Callable[..., Any],
) -> tuple[int, list[Any], int] | None:
    """Rebuild the pages of the edited articles and publish; None (nothing done) if the full path is needed.

    ``make_entries(articles)`` analyses articles as a full build would (their
    entries in order, None where analysis failed; the library; how many were analysed); ``last`` is the
    saved result of the last build. Returns the analysed count, the
    diagnostics and the page count.
    """
    cache = config.path("cache_dir")
    found = edited(cache, inputs)
    if found is None:
        return None
    snapshot, changed = found
    reader = CachedReader(Store(cache, "sources", code_version()))
    paths = [Path(p) for p in changed]
    articles, problems = sources.read_all(paths, config.path("content_dir") / "metadata", config.root, reader)
    fresh, library, analysed = make_entries(articles)
    shown = [e for e in fresh if e is not None and snapshot.slugs.get(e.analysis.article.path) == e.slug]
    if len(shown) != len(paths) or any(card_key(e) != snapshot.cards.get(e.slug) for e in shown):
        return None
    store = OutputStore(cache / "output" / "files")
    state = trees.load(cache, target)
    live = trees.manifest(cache, target, state.live)
    if live is None:
        return None
    contexts = _contexts(cache, snapshot, [e.slug for e in shown])
    if contexts is None:
        return None
    _render(config, store, snapshot, shown, contexts)
    replaced = {live[p] for p in store.manifest if p in live}
    store.manifest = {**live, **store.manifest}
    stamp = trees.publish(target, store, cache, published, state, live)
    store.save_index(replaced - set(store.manifest.values()))  # unless another path still shows it
    library.save_overlay()
    atomic.write_pickle(cache / FILES, (snapshot.token, inputs.articles), durable=False)
    edited_files = {a.path for a in articles}
    diagnostics = [d for d in uptodate.diagnostics_from_json(last.get("diagnostics", [])) if d.path not in edited_files]
    diagnostics.extend(problems)
    saved = {**last, "diagnostics": uptodate.diagnostics_to_json(diagnostics)}
    uptodate.save(cache, inputs.stamp, stamp, saved)
    return analysed, diagnostics, int(last.get("pages", 0))


def _contexts(cache: Path, snapshot: Snapshot, slugs: Sequence[str]) -> dict[str, Any] | None:
    """The saved contexts of these articles' pages; None if the file is not the snapshot's."""
    unreadable = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, KeyError)
    with contextlib.suppress(*unreadable), (cache / CONTEXTS).open("rb") as handle:
        if handle.readline() != snapshot.token.encode() + b"\n":
            return None
        found = {}
        for slug in slugs:
            start, size = snapshot.contexts[slug]
            handle.seek(start)
            found[slug] = pickle.loads(handle.read(size))
        return found
    return None


def _render(config: Config, store: OutputStore, snapshot: Snapshot, entries: Sequence[Entry],
            contexts: dict[str, Any]) -> None:
    """Render the article pages of ``entries`` into ``store`` with what the snapshot kept of the digest."""
    entities = pickle.loads(snapshot.entities)
    renderer, menu = site.renderer_for(config)
    for entry in entries:
        meetings, firsts = contexts[entry.slug]
        view = Digest(entries=(entry,), entities=entities, by_article={entry.slug: meetings},
                      by_slug={**firsts, entry.slug: entry})
        for page in pages.article_pages(view, config.languages, {"menu": menu, "digest": view}):
            key = with_lazy(snapshot.shown[page.path], page.lazy_key)
            store.write_pieces(page.path, partial(renderer.pieces, page), key)
