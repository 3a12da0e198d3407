"""``digest translate``: show an article in Hindi and English, or fill the translation memory.

``digest translate FILE`` prints each sentence with its English and provenance.
``digest translate --update-memory`` machine-translates every sentence of
``seeds/`` and ``content/articles/`` that the memory lacks, as fuzzy entries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator import config as config_module
from generator import sources
from generator.analysis import analyse
from generator.config import Config
from generator.model import Mention, Sentence, Translation
from generator.translate import ArgosError, Translator

if TYPE_CHECKING:
    from generator.gazetteer import Gazetteer

PROGRESS_FROM = 100  # sentences: show progress even when stderr is not a terminal


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("translate", help="show an article's English, or fill the translation memory")
    p.add_argument("file", nargs="?", type=Path, help="article to show sentence by sentence")
    p.add_argument("--update-memory", action="store_true",
                   help="add machine translations of untranslated sentences (fuzzy) to the memory")
    p.add_argument("--no-model", action="store_true", help="ignore an installed model")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.set_defaults(run=run)


def memory_path(config: Config) -> Path:
    """Where the translation memory lives."""
    return config.path("content_dir") / "translations" / "hi-en.po"


def translator(config: Config, use_model: bool) -> Translator:
    """The project's translator: its memory, its cache folder, the gazetteer when available."""
    return Translator(memory_path(config), config.path("cache_dir") / "translations.json",
                      _gazetteer(config), use_model)


def _gazetteer(config: Config) -> Gazetteer | None:
    try:
        from generator import gazetteer
    except ImportError:
        return None
    extra = config.path("content_dir") / "gazetteer"
    return gazetteer.load(extra if extra.is_dir() else None)


def _sentences(path: Path, config: Config, gaz: Gazetteer | None) -> tuple[
        tuple[Sentence, ...], tuple[Mention, ...]] | None:
    """An article's sentences and the names found in them; None if it cannot be read."""
    sidecar = config.path("content_dir") / "metadata" / f"{path.stem}.yaml"
    article, problems = sources.read(path, sidecar, str(path))
    for problem in problems:
        print(problem, file=sys.stderr)
    if article is None:
        return None
    analysis = analyse(article)
    mentions: tuple[Mention, ...] = tuple(analysis.mentions)
    if not mentions and gaz is not None:
        try:
            from generator.entities import recognise
        except ImportError:
            return analysis.sentences, mentions
        mentions = recognise(analysis.sentences, gaz)
    return analysis.sentences, mentions


class Progress:
    """A one-line progress counter on standard error."""

    def __call__(self, done: int, total: int) -> None:
        if sys.stderr.isatty() or total >= PROGRESS_FROM:
            end = "\n" if done >= total else ""
            print(f"\rtranslating: {done}/{total} sentences", end=end, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (not args.update_memory):
        print("digest translate: give either FILE or --update-memory", file=sys.stderr)
        return 2
    config, problems = config_module.load(args.root)
    for problem in problems:
        print(problem, file=sys.stderr)
    engine = translator(config, use_model=not args.no_model)
    gaz = _gazetteer(config)
    if args.update_memory:
        return _update(engine, config, gaz)
    found = _sentences(args.file, config, gaz)
    if found is None:
        return 1
    sentences, mentions = found
    show(sentences, engine.translate_article(sentences, mentions), engine.status())
    return 0


def show(sentences: Sequence[Sentence], english: Sequence[Translation], status: str) -> None:
    """Print each Hindi sentence, its English and where the English came from."""
    for sentence, translation in zip(sentences, english, strict=True):
        engine = f": {translation.engine}" if translation.engine else ""
        print(f"{sentence.index + 1:>3}  {sentence.text}")
        print(f"     {translation.text}")
        print(f"     [{translation.provenance}{engine}]")
    if status == "gloss":
        print("\nNo Hindi→English model is installed: sentences marked [gloss] show key terms only."
              "\nInstall one with: digest models install", file=sys.stderr)


def _update(engine: Translator, config: Config, gaz: Gazetteer | None) -> int:
    inputs = sources.discover([config.path("seeds_dir"), config.path("content_dir") / "articles"])
    articles = [found for path in inputs if (found := _sentences(path, config, gaz)) is not None]
    try:
        added = engine.update_memory(articles, Progress())
    except ArgosError as err:
        print(f"digest translate: {err}", file=sys.stderr)
        return 1
    print(f"{memory_path(config)}: added {added} machine translations (fuzzy, for review)")
    return 0
