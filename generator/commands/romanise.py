"""``digest romanise [NAME...]``: Hindi names in Latin script, as readers know them.

Names come from the arguments, or from standard input one per line (exactly
one output line per input line). The gazetteer's spelling wins; otherwise the
rules of :mod:`generator.romanise` spell the name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import gazetteer
from generator.romanise import english_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("romanise", help="spell Hindi names in Latin script (gazetteer, then rules)")
    p.add_argument(
        "names", nargs="*", metavar="NAME", help="names (default: one per line on stdin)"
    )
    p.add_argument(
        "--gazetteer",
        type=Path,
        default=Path("content") / "gazetteer",
        help="folder of editors' gazetteer files (default: content/gazetteer)",
    )
    p.add_argument(
        "--source", action="store_true", help="append 'gazetteer' or 'rules' to each name"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    gaz = gazetteer.load(args.gazetteer if args.gazetteer.is_dir() else None)
    names = args.names or sys.stdin.read().splitlines()
    for name in names:
        english, known = english_name(name.strip(), gaz) if name.strip() else ("", False)
        suffix = ("\tgazetteer" if known else "\trules") if args.source and english else ""
        print(english + suffix)
    return 0
