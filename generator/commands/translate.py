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

from generator import config as config_module
from generator import gazetteer, model, sources
from generator.analysis import analyse
from generator.config import Config
from generator.gazetteer import Gazetteer
from generator.model import Mention, Sentence, Translation
from generator.translate import ArgosError, Translator

PROGRESS_FROM = 100  # sentences: show progress even when stderr is not a terminal
Article = tuple[tuple[Sentence, ...], tuple[Mention, ...]]


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


def _analysed(found: model.Article | None, gaz: Gazetteer, config: Config) -> Article | None:
    if found is None:
        return None
    analysis = analyse(found, gaz, config.summary_sentences)
    return analysis.sentences, analysis.mentions


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
    content = config.path("content_dir")
    gaz = gazetteer.load(content / "gazetteer")
    engine = Translator(memory_path(config), config.path("cache_dir") / "translations.json",
                        gaz, use_model=not args.no_model)
    if args.update_memory:
        inputs = sources.discover([config.path("seeds_dir"), content / "articles"])
        articles, more = sources.read_all(inputs, content / "metadata", config.root)
        _report([*problems, *more])
        return _update(engine, config, [_analysed(a, gaz, config) for a in articles])
    article, more = sources.read(args.file, content / "metadata" / f"{args.file.stem}.yaml",
                                 str(args.file))
    _report([*problems, *more])
    found = _analysed(article, gaz, config)
    if found is None:
        return 1
    sentences, mentions = found
    show(sentences, engine.translate_article(sentences, mentions), engine.status())
    return 0


def _report(problems: Sequence[object]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


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


def _update(engine: Translator, config: Config, articles: Sequence[Article | None]) -> int:
    try:
        added = engine.update_memory([a for a in articles if a is not None], Progress())
    except ArgosError as err:
        print(f"digest translate: {err}", file=sys.stderr)
        return 1
    print(f"{memory_path(config)}: added {added} machine translations (fuzzy, for review)")
    return 0
