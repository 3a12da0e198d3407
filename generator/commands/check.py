"""``digest check``: read and analyse every input, print the diagnostics, write nothing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from generator import config as config_module
from generator.build import collect
from generator.model import Diagnostic


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="report problems with the inputs without building")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    p.set_defaults(run=run)


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    """One ``file:line: level: message`` line per problem, on standard error."""
    for diagnostic in sorted(diagnostics, key=lambda d: (d.path, d.line, d.code)):
        print(diagnostic, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    config, problems = config_module.load(args.root)
    _, result = collect(config)
    result.diagnostics[:0] = problems
    print_diagnostics(result.diagnostics)
    print(f"checked {result.articles} articles: {len(result.diagnostics)} problems", file=sys.stderr)
    return 1 if result.failed(args.strict) else 0
