"""Run the stages in order and publish the site atomically.

sources -> analysis (cached per article) -> translation -> digest -> render.
The new site is patched into a standby folder beside the old one and swapped
in with one atomic rename (``trees``), so an interrupted build leaves the
previous site whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import Any

from generator import gazetteer, quick, search, site, sources, trees, uptodate
from generator.analysis import Analysis, analyse, prepare
from generator.cache import CachedReader, Store
from generator.config import Config
from generator.digest import Digest, Entry, assemble
from generator.fingerprint import code_version
from generator.library import Library
from generator.model import Article, Diagnostic, Level
from generator.outputs import OutputStore
from generator.publish import BuildLocked, lock
from generator.translate import Translator

__all__ = ["BuildLocked", "Result", "build", "collect"]

PARALLEL_THRESHOLD = 16  # fewer uncached articles than this are analysed in-process


@dataclass
class Result:
    """What a build did: diagnostics, how many articles, how much work was reused."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: int = 0
    analysed: int = 0
    pages: int = 0
    translation: str = "gloss"  # "model" when a hi→en package translated what the memory lacked
    up_to_date: bool = False  # nothing had changed: the last build's result, reported again

    def failed(self, strict: bool) -> bool:
        levels = {d.level for d in self.diagnostics}
        return Level.ERROR in levels or (strict and Level.WARNING in levels)


def _folder_hash(folder: Path) -> str:
    """A hash of every file in an editors' folder (the gazetteer additions)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _analyse_one(article: Article, extra: Path, config: Config) -> Analysis | Diagnostic:
    """One article's analysis, or the diagnostic saying why a stage failed on it."""
    try:
        return analyse(article, gazetteer.load(extra), config.summary_sentences, config.summary_chars)
    except Exception as err:  # a bug in a stage costs this article, not the build
        message = f"analysis failed, article skipped: {type(err).__name__}: {err}"
        return Diagnostic(article.path, article.body_line, Level.ERROR, "internal", message)


@dataclass(frozen=True)
class Batch:
    """Articles to analyse, with what analysing them needs."""

    articles: Sequence[Article]
    extra: Path  # the editors' gazetteer folder
    config: Config
    library: Library | None = None  # given: each analysis is stored and translated where it is made


def _work_on(batch: Batch, index: int) -> Entry | Analysis | Diagnostic:
    """The card of one article of ``batch`` (its analysis without a library), or why it failed."""
    article = batch.articles[index]
    found = _analyse_one(article, batch.extra, batch.config)
    if batch.library is None or isinstance(found, Diagnostic):
        return found
    return batch.library.card_of(_key(article), found)


_inherited: Batch | None = None  # the pool's batch: forked workers inherit it rather than get each article pickled


def _inherited_work(index: int) -> Entry | Analysis | Diagnostic:
    assert _inherited is not None, "a worker forked without its batch"
    return _work_on(_inherited, index)


def analyse_all(batch: Batch, jobs: int) -> Iterator[Entry | Analysis | Diagnostic]:
    """Work on ``batch`` across ``jobs`` forked processes when it is large; the outcomes in order, as done."""
    global _inherited
    indices = range(len(batch.articles))
    if jobs <= 1 or len(indices) < PARALLEL_THRESHOLD:
        yield from (_work_on(batch, i) for i in indices)
        return
    gazetteer.load(batch.extra)  # loaded once here, inherited by the workers with the batch
    prepare()  # so are the transliteration schemes and topics, rather than each worker loading them
    context = multiprocessing.get_context("fork")
    _inherited = batch
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(_inherited_work, indices, chunksize=max(1, min(32, len(indices) // (jobs * 8))))
    finally:
        _inherited = None


def collect(
    config: Config, *, use_model: bool = True, jobs: int | None = None
) -> tuple[Digest, Result]:
    """Read, analyse and translate every input; the digest (of cards) and what was reported."""
    result = Result()
    reader = CachedReader(Store(config.path("cache_dir"), "sources", code_version()))
    articles, problems = sources.read_all(article_files(config), config.path("content_dir") / "metadata",
                                          config.root, reader)
    reader.store.prune_others()
    result.diagnostics.extend(problems)
    library = open_library(config, result, use_model=use_model)
    entries = analysed(articles, library, config, result, jobs)
    library.save()
    result.articles = len(entries)
    return assemble([entries[_key(a)] for a in articles if _key(a) in entries]), result


def article_files(config: Config) -> list[Path]:
    """The input files of articles: seeds and ``content/articles``."""
    return sources.discover([config.path("seeds_dir"), config.path("content_dir") / "articles"])


def open_library(config: Config, result: Result, *, use_model: bool = True) -> Library:
    """The caches of this configuration, with the translator; problems with the editors' files go to ``result``."""
    content = config.path("content_dir")
    extra = content / "gazetteer"
    result.diagnostics.extend(gazetteer.load(extra).diagnostics)
    settings = "-".join(
        (code_version(), _folder_hash(extra), str(config.summary_sentences), str(config.summary_chars))
    )
    translator = Translator(
        content / "translations" / "hi-en.po",
        config.path("cache_dir") / "translations.json",
        gazetteer.load(extra),
        use_model=use_model,
    )
    if translator.memory_error is not None:
        where = translator.memory_path.relative_to(config.root).as_posix()
        message = f"translation memory not used: {translator.memory_error}"
        result.diagnostics.append(
            Diagnostic(where, translator.memory_error.line, Level.ERROR, "memory", message)
        )
    return Library(config.path("cache_dir"), translator, settings)


def analysed(
    articles: Sequence[Article], library: Library, config: Config, result: Result, jobs: int | None = None,
    *, packed: bool = True,
) -> dict[str, Entry]:
    """The entry (card) of each article by cache key: from the library, else analysed and translated.

    Without ``packed``, the cards pack is not looked in (a few edited articles are not in it).
    """
    entries: dict[str, Entry] = {}
    fresh: list[Article] = []
    for article in articles:
        key = _key(article)
        found = library.card(key, article) if packed else None
        if found is None:
            cached = library.analysis(key, article)
            if cached is None:
                fresh.append(article)
                continue
            found = library.add(key, cached, stored=True)
        entries[key] = found
    workers = jobs or os.cpu_count() or 1
    # Workers translate as they analyse when the gloss does it (it is pure); a model is loaded once, here.
    translating = library if workers == 1 or library.translator.status() == "gloss" else None
    batch = Batch(fresh, config.path("content_dir") / "gazetteer", config, translating)
    for article, outcome in zip(fresh, analyse_all(batch, workers), strict=True):
        if isinstance(outcome, Diagnostic):
            result.diagnostics.append(outcome)
        elif isinstance(outcome, Analysis):
            entries[_key(article)] = library.add(_key(article), outcome)
        else:
            entries[_key(article)] = library.adopt(_key(article), outcome)
    result.analysed += len(fresh)
    result.translation = library.translator.status()
    return entries


def _key(article: Article) -> str:
    """Cache key of an article: its bytes and its slug (two files may hold the same text)."""
    return f"{article.digest}-{article.slug}"


def build(config: Config, out: Path | None = None) -> Result:
    """Build the whole site into ``out`` (default: the configured output folder).

    Nothing is done when the inputs and the published site are as the last
    build left them (``uptodate``): its result is reported again. When only
    the texts of a few articles changed, only their pages are made (``quick``).
    """
    target = (out or config.path("output_dir")).resolve()
    cache = config.path("cache_dir")
    forks = _may_fork()  # asked first: the helper below runs a thread of its own
    with lock(cache), _in_background(trees.walked_stamp, target, forks) as published:
        inputs = _stamp(config, target)
        saved = uptodate.current(cache, inputs.stamp, published)
        if saved is not None:
            return _from_saved(saved)
        last = uptodate.load(cache).get("result")
        tried = Result()  # what a quick build that gave up did: its analyses are cached for the full one
        if isinstance(last, dict):
            done = quick.build(config, target, inputs, published, last, partial(_edited_entries, config, tried))
            if done is not None:
                return replace(_from_saved(last), diagnostics=done[1], analysed=done[0], up_to_date=False)
        quick.forget(cache)  # a build killed from here on leaves no snapshot
        digest, result = collect(config, jobs=None if forks else 1)
        result.analysed += tried.analysed
        store = OutputStore(cache / "output" / "files")
        result.pages, shown = site.make(digest, config, store)
        store.save()
        target.parent.mkdir(parents=True, exist_ok=True)
        stamp = trees.publish(target, store, cache, published)
        quick.remember(cache, inputs, digest, shown)
        uptodate.save(cache, inputs.stamp, stamp, _to_saved(result))
    return result


@contextlib.contextmanager
def _in_background(work: Callable[[Path], int], path: Path, forks: bool) -> Iterator[Callable[[], int]]:
    """Run ``work(path)`` in a forked process while the build goes on; yields a function to wait for it.

    Without ``forks`` the work is done when first asked for.
    """
    if not forks:
        yield cache(partial(work, path))
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(work, path)
        yield future.result


def _may_fork() -> bool:
    """True in a process with one thread: a forked child then has no lock held by a thread it lacks.

    ``digest serve`` rebuilds in a thread, where a fork could copy a lock that
    another thread holds: there the build forks nothing (no site walk beside
    it, no analysis pool).
    """
    return threading.active_count() == 1


def _edited_entries(
    config: Config, result: Result, articles: Sequence[Article]
) -> tuple[list[Entry | None], Library, int]:
    """The entries of a few edited articles (None: analysis failed), for a quick build; the cards pack is unread.

    Counted in ``result``: a quick build that gives up leaves them cached for the full one.
    """
    library = open_library(config, Result())
    entries = analysed(articles, library, config, result, jobs=1, packed=False)
    return [entries.get(_key(a)) for a in articles], library, result.analysed


def _stamp(config: Config, target: Path) -> uptodate.Inputs:
    folders = [config.path("seeds_dir"), config.path("content_dir"), config.path("templates_dir")]
    settings = repr(sorted((k, str(v)) for k, v in vars(config).items()))
    configured = config.root / "digest.toml"
    if configured.is_file():
        folders.append(configured)
    engine = f"{uptodate.engines()}; search {search.available()}"
    tops = tuple(os.path.join(folder, "") for folder in (config.path("seeds_dir"), config.path("content_dir") / "articles"))

    def is_article(path: str) -> bool:  # as ``article_files`` finds them
        return path.startswith(tops) and os.path.splitext(path)[1] in sources.INPUT_SUFFIXES

    return uptodate.stamp(settings, folders, engine, target, is_article)


def _to_saved(result: Result) -> dict[str, Any]:
    return {"diagnostics": uptodate.diagnostics_to_json(result.diagnostics), "articles": result.articles,
            "pages": result.pages, "translation": result.translation}


def _from_saved(saved: dict[str, Any]) -> Result:
    return Result(uptodate.diagnostics_from_json(saved.get("diagnostics", [])), int(saved.get("articles", 0)), 0,
                  int(saved.get("pages", 0)), str(saved.get("translation", "gloss")), up_to_date=True)
