"""Milliseconds per article for the summariser over the development corpus (target: under 5).

Usage: python bench/summarise_speed.py [CORPUS_DIR] [--repeat N]

Times ``summarise.summarise`` on already segmented articles (and, separately,
segmentation plus summary) for the ILSUM texts and the news articles.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import hindi, summarise


def texts(corpus: Path) -> dict[str, list[str]]:
    """Article bodies by collection: ILSUM texts and the news articles (date line dropped)."""
    ilsum = corpus / "summaries" / "ilsum_hi_val.jsonl"
    lines = ilsum.read_text(encoding="utf-8").splitlines()
    news = sorted((corpus / "articles").glob("*.txt"))
    return {
        "ilsum": [json.loads(line)["text"] for line in lines if line],
        "articles": [p.read_text(encoding="utf-8").split("\n", 2)[-1] for p in news],
    }


def per_article_ms(bodies: Sequence[str], repeat: int, segment: bool) -> float:
    """Best-of-``repeat`` mean milliseconds per article."""
    segmented = [hindi.sentences(hindi.normalise(b)) for b in bodies]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        if segment:
            for body in bodies:
                summarise.summarise(hindi.sentences(hindi.normalise(body)))
        else:
            for found in segmented:
                summarise.summarise(found)
        best = min(best, time.perf_counter() - start)
    return 1000 * best / max(len(bodies), 1)


def main() -> int:
    """Print ms per article for each collection."""
    default = os.environ.get("DIGEST_CORPUS", "../shared/corpus")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=default, type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'collection':<10} {'articles':>8} {'summarise ms':>13} {'+segment ms':>12}")
    for name, bodies in texts(args.corpus).items():
        alone = per_article_ms(bodies, args.repeat, segment=False)
        whole = per_article_ms(bodies, args.repeat, segment=True)
        print(f"{name:<10} {len(bodies):>8} {alone:>13.2f} {whole:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
