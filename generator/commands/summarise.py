"""``digest summarise FILE``: print an article's summary sentences, one per line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import hindi, sources, summarise
from generator.model import Level


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("summarise", help="print the summary sentences of one article")
    p.add_argument("file", type=Path, help="plain text or Markdown, with or without front matter")
    p.add_argument(
        "--sentences", type=int, default=3, metavar="N", help="at most N sentences (default: 3)"
    )
    p.add_argument(
        "--chars",
        type=int,
        default=None,
        metavar="C",
        help="at most C characters (default: no cap)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.sentences < 1 or (args.chars is not None and args.chars < 1):
        print("digest summarise: --sentences and --chars must be positive", file=sys.stderr)
        return 2
    path: Path = args.file
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 1
    article, problems = sources.read(path, None, str(path))
    for problem in problems:
        if problem.level is Level.ERROR:  # warnings (no date, ...) do not concern a summary
            print(problem, file=sys.stderr)
    if article is None:
        return 1
    found = hindi.sentences(
        article.body, markdown=path.suffix == ".md", first_line=article.body_line
    )
    chosen = set(summarise.summarise(found, budget=args.sentences, max_chars=args.chars))
    for sentence in found:
        if sentence.index in chosen:
            print(sentence.text)
    return 0
