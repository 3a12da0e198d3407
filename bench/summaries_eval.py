"""ROUGE of the extractive summariser against lead-k and random baselines, and of titles.

Usage: python bench/summaries_eval.py [CORPUS_DIR] [--split all|even|odd]

CORPUS_DIR defaults to $DIGEST_CORPUS or ../shared/corpus; it must hold
summaries/ilsum_hi_val.jsonl and the headline sets. ROUGE-1, -2 and -L are
F1 over Devanagari-aware word tokens (``hindi.tokens``), written here because
common ROUGE packages drop non-Latin characters.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import hindi, summarise
from generator.model import Sentence

Picker = Callable[[Sequence[Sentence]], tuple[int, ...]]


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of a token list."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f1(overlap: float, produced: int, reference: int) -> float:
    """Harmonic mean of precision and recall; 0 when either side is empty."""
    if not overlap or not produced or not reference:
        return 0.0
    precision, recall = overlap / produced, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1."""
    cand, ref = ngrams(candidate, n), ngrams(reference, n)
    return f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two token lists."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 (summary-level LCS over the whole token sequence)."""
    return f1(lcs(candidate, reference), len(candidate), len(reference))


@dataclass(frozen=True)
class Row:
    """One system's per-item ROUGE-1, -2, -L F1 (x100) and summary lengths in characters."""

    name: str
    r1: tuple[float, ...]
    r2: tuple[float, ...]
    rl: tuple[float, ...]
    chars: tuple[int, ...]


Item = tuple[Sequence[Sentence], str]


def evaluate(name: str, items: Sequence[Item], pick: Picker) -> Row:
    """ROUGE F1 of ``pick`` on each (sentences, reference) item."""
    r1: list[float] = []
    r2: list[float] = []
    rl: list[float] = []
    chars: list[int] = []
    for sentences, reference in items:
        chosen = set(pick(sentences))
        text = " ".join(s.text for s in sentences if s.index in chosen)
        cand, ref = hindi.tokens(text), hindi.tokens(reference)
        r1.append(100 * rouge_n(cand, ref, 1))
        r2.append(100 * rouge_n(cand, ref, 2))
        rl.append(100 * rouge_l(cand, ref))
        chars.append(len(text))
    return Row(name, tuple(r1), tuple(r2), tuple(rl), tuple(chars))


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean; 0 for no values."""
    return sum(values) / len(values) if values else 0.0


def paired(a: Sequence[float], b: Sequence[float]) -> str:
    """Mean of a - b per item with a 95% normal interval, e.g. "+0.41 ± 0.30"."""
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    centre = mean(diffs)
    spread = mean([(d - centre) ** 2 for d in diffs]) ** 0.5
    return f"{centre:+.2f} ± {1.96 * spread / max(len(diffs), 1) ** 0.5:.2f}"


Budget = Callable[[Sequence[Sentence]], int | None]


def fixed(chars: int | None) -> Budget:
    """The same character budget for every article (None: no cap)."""
    return lambda sentences: chars


NO_CAP: Budget = fixed(None)


def lead_length(k: int) -> Budget:
    """Per article, the length of its first ``k`` sentences: exactly lead-k's length."""
    return lambda sentences: len(" ".join(s.text for s in sentences[:k]))


def within(order: Sequence[Sentence], k: int, chars: int | None) -> tuple[int, ...]:
    """Take sentences in ``order`` up to ``k`` and, after the first, while they fit ``chars``."""
    chosen: list[int] = []
    used = 0
    for s in order[:k]:
        length = len(s.text) + (1 if chosen else 0)
        if chosen and chars is not None and used + length > chars:
            break
        chosen.append(s.index)
        used += length
    return tuple(sorted(chosen))


def lead(k: int, budget: Budget = NO_CAP) -> Picker:
    """The first sentences, at most ``k``, within the budget (the same rule as the summariser)."""
    return lambda sentences: within(sentences, k, budget(sentences))


def randomly(k: int, budget: Budget = NO_CAP, seed: int = 13) -> Picker:
    """Sentences in a random order (fixed seed), at most ``k``, within the budget."""
    rng = random.Random(seed)

    def pick(sentences: Sequence[Sentence]) -> tuple[int, ...]:
        order = list(sentences)
        rng.shuffle(order)
        return within(order, k, budget(sentences))

    return pick


def ours(k: int, budget: Budget = NO_CAP) -> Picker:
    """The summariser at a sentence budget and a character budget."""
    return lambda sentences: summarise.summarise(sentences, k, budget(sentences))


def load(path: Path, split: str) -> list[dict[str, str]]:
    """JSON lines of a summary set, optionally only even or odd items (for tuning vs checking)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if split == "all":
        return rows
    return rows[0 if split == "even" else 1 :: 2]


def by_sentences(items: Sequence[Item]) -> list[Row]:
    """Every system at 1, 2 and 3 sentences (lengths differ: compare the chars column)."""
    table: list[Row] = []
    for k in (1, 2, 3):
        table += [
            evaluate(f"lead-{k}", items, lead(k)),
            evaluate(f"random-{k}", items, randomly(k)),
            evaluate(f"summarise-{k}", items, ours(k)),
        ]
    return table


def by_characters(items: Sequence[Item]) -> list[Row]:
    """Every system at equal character budgets: the references' mean, and lead-3's own length."""
    reference = round(mean([len(ref) for _, ref in items]))
    table: list[Row] = []
    for label, budget in (
        (f"≤{reference} chars", fixed(reference)),
        ("≤lead-3 length", lead_length(3)),
    ):
        table += [
            evaluate(f"lead {label}", items, lead(99, budget)),
            evaluate(f"random {label}", items, randomly(99, budget)),
            evaluate(f"summarise {label}", items, ours(99, budget)),
        ]
    return table


def title_rows(rows: Iterable[dict[str, str]]) -> list[Row]:
    """Titles from text against headlines, with the first sentence as baseline."""
    items = [(hindi.sentences(hindi.normalise(r["text"])), r["summary"]) for r in rows]
    first = [(s[:1], ref) for s, ref in items]
    made = [
        ((Sentence(0, 0, summarise.title_from_text("\n".join(x.text for x in s)), 1),), ref)
        for s, ref in items
    ]
    return [
        evaluate("first sentence", first, lambda s: tuple(x.index for x in s)),
        evaluate("title_from_text", made, lambda s: tuple(x.index for x in s)),
    ]


def show(title: str, table: Sequence[Row]) -> None:
    """Print a table of mean scores and lengths."""
    print(f"\n{title}")
    print(f"{'system':<32} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'chars':>6}")
    for row in table:
        scores = f"{mean(row.r1):6.2f} {mean(row.r2):6.2f} {mean(row.rl):6.2f}"
        print(f"{row.name:<32} {scores} {mean(row.chars):6.0f}")


def show_margins(table: Sequence[Row]) -> None:
    """Print the summariser's per-article margin over lead-3 and over lead at equal budgets."""
    rows = {row.name: row for row in table}
    print("\nmargin of the summariser (mean per-article difference, 95% interval)")
    for mine, theirs in [("summarise-3", "lead-3")] + [
        (name, "lead" + name.removeprefix("summarise"))
        for name in rows
        if name.startswith("summarise ≤")
    ]:
        a, b = rows[mine], rows[theirs]
        print(f"  {mine} vs {theirs}: R-2 {paired(a.r2, b.r2)}, R-L {paired(a.rl, b.rl)}")


def main() -> int:
    """Print the summary table and the title tables."""
    default = os.environ.get("DIGEST_CORPUS", "../shared/corpus")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=default, type=Path)
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--no-titles", action="store_true")
    args = parser.parse_args()
    folder = args.corpus / "summaries"
    ilsum = load(folder / "ilsum_hi_val.jsonl", args.split)
    items = [(hindi.sentences(hindi.normalise(r["text"])), r["summary"]) for r in ilsum]
    refs = [hindi.normalise(ref) for _, ref in items]
    chars = mean([len(ref) for ref in refs])
    count = mean([len(hindi.split_sentences(ref)) for ref in refs])
    print(f"references: {chars:.0f} characters, {count:.1f} sentences on average")
    title = f"ILSUM Hindi ({len(items)} articles), ROUGE F1 x100 on Devanagari tokens"
    counted, budgeted = by_sentences(items), by_characters(items)
    show(f"{title}, same number of sentences (lengths differ)", counted)
    show(f"{title}, same character budget (equal length)", budgeted)
    show_margins(counted + budgeted)
    if not args.no_titles:
        for name in ("pib_headline", "air_headline"):
            rows = load(folder / f"{name}.jsonl", args.split)
            show(f"Titles vs {name} ({len(rows)} articles)", title_rows(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
