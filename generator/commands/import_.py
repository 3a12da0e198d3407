"""``digest import FOLDER``: turn a folder of news items into articles with metadata."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import config as config_module
from generator import importer
from generator.commands.check import print_diagnostics
from generator.model import Level


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import plain-text news items (date line, headline, paragraphs) and JSON Lines",
        description="Each item becomes <slug>.txt with front matter; the slug comes from the "
        "date and the text, so importing again adds nothing. Existing files are never overwritten.",
    )
    p.add_argument("folder", type=Path, help="folder of .txt items and .jsonl files (searched recursively)")
    p.add_argument("--into", type=Path, help="article folder (default: content/articles of the project)")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        print(f"digest import: {args.folder} is not a folder", file=sys.stderr)
        return 2
    config, problems = config_module.load(args.root)
    print_diagnostics(problems)
    into: Path = args.into or config.path("content_dir") / "articles"
    report = importer.import_folder(args.folder, into)
    print_diagnostics(report.diagnostics)
    print(
        f"imported {len(report.written)} articles into {into} "
        f"({len(report.unchanged)} already there, {report.skipped} skipped)",
        file=sys.stderr,
    )
    return 1 if any(d.level is Level.ERROR for d in report.diagnostics) else 0
