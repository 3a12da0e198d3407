"""Score romanisation of Hindi names against the spellings readers know.

Reads ``bench/data/names_eval.tsv`` (name_hi, name_en, group) and the
``name_hi``/``name_en`` pairs of a gold meetings file, then prints exact-match
accuracy (case-insensitive, punctuation ignored) and character error rate:

* rule-only: the rules with the gazetteer switched off, on every name, by
  letter rules alone and with the list of frequent name parts;
* with the gazetteer: its hits and the names left to the rules, separately;

for a dev half (alternate names of each group: tune on it) and the held-out
other half (judge on it), then for all names.

Usage: ``python bench/romanise_eval.py [GOLD.jsonl] [--errors] [--groups]``; the gold file
defaults to ``$DIGEST_CORPUS/gold/meetings.dev.jsonl`` or ``../shared/corpus``
next to the repository, and is skipped when absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator import gazetteer  # noqa: E402
from generator.romanise import english_name, romanise  # noqa: E402

EVAL = REPO / "bench" / "data" / "names_eval.tsv"
CORPUS = Path(os.environ.get("DIGEST_CORPUS", REPO.parent / "shared" / "corpus"))

Pair = tuple[str, str, str]  # Hindi, English, group


def comparable(name: str) -> str:
    """Lower case, accents and punctuation gone, single spaces."""
    name = unicodedata.normalize("NFKD", name.lower())
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", name).split())


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def eval_pairs(path: Path = EVAL) -> list[Pair]:
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            hindi, english, group = [*line.split("\t"), "", ""][:3]
            pairs.append((hindi.strip(), english.strip(), group.strip() or "eval"))
    return pairs


def gold_pairs(path: Path) -> list[Pair]:
    seen: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        for meeting in json.loads(line).get("meetings", []):
            for person in meeting.get("participants", []):
                if person.get("name_hi") and person.get("name_en"):
                    seen.setdefault(person["name_hi"], person["name_en"])
    return [(hi, en, "gold") for hi, en in sorted(seen.items())]


def score(results: Iterable[tuple[str, str]]) -> tuple[int, float, float]:
    """(count, exact-match accuracy, character error rate) of (output, reference) pairs."""
    n = exact = errors = length = 0
    for output, reference in results:
        got, want = comparable(output), comparable(reference)
        n += 1
        exact += got == want
        errors += distance(got, want)
        length += len(want)
    return n, exact / n if n else 0.0, errors / length if length else 0.0


def line(label: str, results: Sequence[tuple[str, str]]) -> str:
    n, exact, cer = score(results)
    return f"{label:<34} n={n:<4} exact={exact:.3f}  CER={cer:.3f}"


def split(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(dev, held-out): alternate names of each group, in file order.

    Tune rules and name parts on the dev half only; the held-out half tells
    whether a change generalises.
    """
    seen: dict[str, int] = defaultdict(int)
    dev: list[Pair] = []
    held: list[Pair] = []
    for pair in pairs:
        (dev if seen[pair[2]] % 2 == 0 else held).append(pair)
        seen[pair[2]] += 1
    return dev, held


def report(label: str, pairs: Sequence[Pair], gaz: gazetteer.Gazetteer, groups: bool) -> None:
    """Rule-only (letters only and with name parts) and gazetteer scores of one half."""
    rules = [romanise(hi) for hi, _, _ in pairs]
    letters = [romanise(hi, parts=False) for hi, _, _ in pairs]
    wanted = [en for _, en, _ in pairs]
    hits: list[tuple[str, str]] = []
    misses: list[tuple[str, str]] = []
    by_group: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (hi, en, group), ruled in zip(pairs, rules, strict=True):
        name, known = english_name(hi, gaz)
        (hits if known else misses).append((name, en))
        by_group[group].append((ruled, en))
    print(f"== {label}")
    print(line("rule-only, letters only", list(zip(letters, wanted, strict=True))))
    print(line("rule-only, with name parts", list(zip(rules, wanted, strict=True))))
    if groups:
        for group in sorted(by_group):
            print(line(f"  rule-only, {group}", by_group[group]))
    print(line("gazetteer on: gazetteer hits", hits))
    print(line("gazetteer on: rule fallbacks", misses))
    print(line("gazetteer on: all", hits + misses))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold", nargs="?", type=Path, default=CORPUS / "gold" / "meetings.dev.jsonl"
    )
    parser.add_argument("--errors", action="store_true", help="list rule-only mistakes (dev)")
    parser.add_argument("--groups", action="store_true", help="scores per group of names")
    args = parser.parse_args(argv)
    pairs = eval_pairs()
    if args.gold.exists():
        pairs += gold_pairs(args.gold)
    else:
        print(f"(gold file {args.gold} not found: evaluation set only)")
    gaz = gazetteer.load()
    dev, held = split(pairs)
    report("dev half (tune here)", dev, gaz, args.groups)
    report("held-out half (do not tune)", held, gaz, args.groups)
    report("all", pairs, gaz, args.groups)
    if args.errors:
        for hi, en, group in dev:
            got = romanise(hi)
            if comparable(got) != comparable(en):
                print(f"{group}\t{hi}\t{en}\t{got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
