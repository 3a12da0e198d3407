"""``digest build``: build the site; ``--strict`` fails on warnings too."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import config as config_module
from generator.build import BuildLocked, build
from generator.commands.check import print_diagnostics


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("build", help="build the site from seeds/ and content/")
    p.add_argument("--out", type=Path, help="output folder (default: site/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config, problems = config_module.load(args.root)
    try:
        result = build(config, args.out)
    except BuildLocked as err:
        print(f"digest: {err}", file=sys.stderr)
        return 1
    result.diagnostics[:0] = problems
    print_diagnostics(result.diagnostics)
    out = args.out or config.path("output_dir")
    if result.up_to_date:
        print(f"{out} is up to date: {result.pages} pages from {result.articles} articles, nothing changed",
              file=sys.stderr)
    else:
        print(
            f"built {result.pages} pages from {result.articles} articles "
            f"({result.analysed} analysed, {result.articles - result.analysed} from cache) into {out}",
            file=sys.stderr,
        )
    return 1 if result.failed(args.strict) else 0
