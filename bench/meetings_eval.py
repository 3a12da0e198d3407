"""Score meeting extraction against the hand-annotated development gold.

Usage: ``python bench/meetings_eval.py [GOLD] [--corpus DIR] [--worst N]``.
GOLD defaults to ``$DIGEST_CORPUS/gold/meetings.dev.jsonl`` (``DIGEST_CORPUS``
defaults to ``../shared/corpus`` relative to the repository). Articles are read
from ``CORPUS/articles/NNNN.txt`` (line 1 ISO date, blank, headline, blank,
paragraphs); the headline is not part of the body. The ``seed`` entry is the
project's ``seeds/000_a597c6abab3d7542.txt``.

How predictions are matched to gold, per article:

* Participants. Two named participants match when their English names agree
  (case, accents and punctuation folded), or their Hindi names agree (nukta,
  joiners and honorifics removed), or, in either script, the last word of one
  name is a word of the other (a surname, or a shorter form of a long name).
  When either side is office-only (no name), they match when their countries
  or organisations agree (English, with a few aliases such as USA = United
  States); two office-only bodies without any country (a delegation of foreign
  envoys) match each other. Matching within a meeting pair is one-to-one.
* Meetings. Each predicted meeting is paired with at most one gold meeting,
  greedily by the number of shared participants (at least one), ties broken
  by how many of date, kind and future agree. A pair counts
  as a correct meeting when it shares at least ``min(2, gold participants)``.
* Participant level (the headline number): per article, the distinct
  participants of all its predicted meetings against the distinct participants
  of its gold meetings (who took part in a meeting the article reports),
  matched one-to-one as above.
* Per meeting (stricter, printed below it): over paired meetings, shared
  participants are true positives, the rest of either side false positives /
  negatives; every participant of an unpaired meeting is a false positive
  (predicted) or negative (gold).
* Date accuracy: among correct meetings, the share whose date equals gold's.
  Place accuracy likewise (English names folded; no place matches gold's
  null); occasions by the word F1 of the English against gold's, averaged
  over correct meetings whose gold names an occasion (none given scores 0).
* Relevance: an article is relevant when it reports at least one meeting that
  is not future (gold ``relevant``), predicted likewise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import entities, gazetteer, hindi, meetings  # noqa: E402
from generator.model import Meeting, Participant  # noqa: E402

SEED = "000_a597c6abab3d7542.txt"
_ALIASES = {
    "usa": "united states", "us": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom",
    "shanghai cooperation organisation": "sco", "european union": "eu",
    "north atlantic treaty organization": "nato", "g 7": "g7", "g 20": "g20",
}  # fmt: skip
_HONORIFICS = ("श्री", "श्रीमती", "सुश्री", "डॉ", "डा", "महामहिम", "माननीय")


def fold_en(text: str | None) -> str:
    """English text without accents, case and punctuation."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    joined = " ".join(w for w in words if w != "the")
    return _ALIASES.get(joined, joined)


def fold_hi(text: str | None) -> str:
    """Hindi name without nukta, joiners, punctuation and honorifics."""
    if not text:
        return ""
    plain = hindi.normalise(text).replace("\u093c", "").replace("0", "")
    words = "".join(ch if ch.isalnum() or "\u0900" <= ch <= "\u097f" else " " for ch in plain)
    return " ".join(w for w in words.split() if w not in _HONORIFICS)


@dataclass(frozen=True)
class Person:
    """A participant reduced to what matching compares."""

    en: str
    hi: str
    country: str

    def matches(self, other: Person) -> bool:
        if (self.en or self.hi) and (other.en or other.hi):
            return _same_name(self.en, other.en) or _same_name(self.hi, other.hi)
        if not (self.country or other.country):
            return True  # two bodies named by office alone (foreign envoys)
        return self.country == other.country


def _same_name(a: str, b: str) -> bool:
    """Equal, or the last word of one is a word of the other (Sánchez, Sanchez Perez-Castejon)."""
    if not (a and b):
        return False
    return a == b or a.split()[-1] in b.split() or b.split()[-1] in a.split()


def gold_person(p: dict[str, str | None]) -> Person:
    return Person(
        fold_en(p.get("name_en")), fold_hi(p.get("name_hi")), fold_en(p.get("country_en"))
    )


def predicted_person(p: Participant) -> Person:
    name_en = p.name.en if p.name else None
    name_hi = p.name.hi if p.name else None
    return Person(fold_en(name_en), fold_hi(name_hi), fold_en(p.country.en))


def shared(pred: Sequence[Person], gold: Sequence[Person]) -> int:
    """Participants matched one-to-one, greedily in order."""
    free = list(gold)
    count = 0
    for p in pred:
        for g in free:
            if p.matches(g):
                free.remove(g)
                count += 1
                break
    return count


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{name:<13} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def read_article(corpus: Path, article: str) -> tuple[dt.date | None, str]:
    """Publication date and body of a corpus article (or of the seed)."""
    if article == "seed":
        for path in (REPO / "seeds" / SEED, corpus.parent / "seeds" / SEED):
            if path.exists():
                return None, path.read_text("utf-8")
        raise FileNotFoundError(SEED)
    lines = (corpus / "articles" / f"{article}.txt").read_text("utf-8").split("\n")
    return dt.date.fromisoformat(lines[0].strip()), "\n".join(lines[4:])


def describe(participants: Sequence[Person]) -> str:
    return "; ".join(p.en or p.hi or f"[{p.country}]" for p in participants)


@dataclass
class Totals:
    """Everything the report prints, summed over articles."""

    meetings: Score = field(default_factory=Score)
    participants: Score = field(default_factory=Score)
    people: Score = field(default_factory=Score)
    relevance: Score = field(default_factory=Score)
    dated: int = 0
    dates_right: int = 0
    places_right: int = 0
    occasions: list[float] = field(default_factory=list)  # word F1 where gold names an occasion
    wrong_places: list[str] = field(default_factory=list)
    misses: list[tuple[int, str]] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def distinct(groups: Sequence[Sequence[Person]]) -> list[Person]:
    """The different participants of an article's meetings."""
    seen: list[Person] = []
    for group in groups:
        seen.extend(p for p in group if not any(p.matches(q) for q in seen))
    return seen


def score(article: str, row: dict[str, Any], found: Sequence[Meeting], totals: Totals) -> None:
    """Pair an article's predicted meetings with its gold ones and add up the counts."""
    golds = row["meetings"]
    gold_people = [[gold_person(p) for p in g["participants"]] for g in golds]
    pred_people = [[predicted_person(p) for p in m.participants] for m in found]
    pairs = sorted(
        (
            (shared(pp, gp), _agree(found[i], golds[j]), i, j)
            for i, pp in enumerate(pred_people)
            for j, gp in enumerate(gold_people)
        ),
        key=lambda t: (-t[0], -t[1], t[2], t[3]),
    )
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    for common, _, i, j in pairs:
        if common == 0 or i in used_pred or j in used_gold:
            continue
        used_pred.add(i)
        used_gold.add(j)
        totals.participants.tp += common
        totals.participants.fp += len(pred_people[i]) - common
        totals.participants.fn += len(gold_people[j]) - common
        if common >= min(2, len(gold_people[j])):
            totals.meetings.tp += 1
            totals.dated += 1
            totals.dates_right += found[i].date == _date(golds[j]["date"])
            _score_setting(article, found[i], golds[j], totals)
        else:
            totals.meetings.fp += 1
            totals.meetings.fn += 1
            totals.misses.append((len(gold_people[j]), _miss(article, golds[j], gold_people[j])))
    for i, pp in enumerate(pred_people):
        if i not in used_pred:
            totals.participants.fp += len(pp)
            totals.meetings.fp += 1
            totals.spurious.append(_spurious(article, found[i], pp))
    for j, gp in enumerate(gold_people):
        if j not in used_gold:
            totals.participants.fn += len(gp)
            totals.meetings.fn += 1
            totals.misses.append((len(gp) + 1, _miss(article, golds[j], gp)))
    predicted, gold = distinct(pred_people), distinct(gold_people)
    common = shared(predicted, gold)
    totals.people.tp += common
    totals.people.fp += len(predicted) - common
    totals.people.fn += len(gold) - common
    says = any(not m.future for m in found)
    is_relevant = bool(row.get("relevant"))
    totals.relevance.tp += says and is_relevant
    totals.relevance.fp += says and not is_relevant
    totals.relevance.fn += is_relevant and not says


def main(argv: Sequence[str] | None = None) -> int:
    corpus_default = Path(os.environ.get("DIGEST_CORPUS", REPO.parent / "shared" / "corpus"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", type=Path)
    parser.add_argument("--corpus", type=Path, default=corpus_default)
    parser.add_argument("--worst", type=int, default=12)
    args = parser.parse_args(argv)
    gold_path = args.gold or args.corpus / "gold" / "meetings.dev.jsonl"
    rows = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    gaz = gazetteer.load()
    totals = Totals()
    elapsed = 0.0
    off_topic = off_topic_hits = 0
    for row in rows:
        article = str(row["article"])
        published_text, body = read_article(args.corpus, article)
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        sentences = hindi.sentences(hindi.normalise(body))
        mentions = entities.recognise(sentences, gaz)
        runs = []
        for _ in range(3):  # the best of three: the machine may be busy
            start = time.perf_counter()
            found = meetings.extract(article, published or published_text, sentences, mentions, gaz)
            runs.append(time.perf_counter() - start)
        elapsed += min(runs)
        score(article, row, found, totals)
        if not row["meetings"]:
            off_topic += 1
            off_topic_hits += bool(found)
    print(f"articles: {len(rows)}  gold meetings: {sum(len(r['meetings']) for r in rows)}")
    print(totals.meetings.line("meetings"))
    print(totals.people.line("participants"), " [distinct per article]")
    print(totals.participants.line("  per meeting"), " [within paired meetings]")
    right, dated = totals.dates_right, totals.dated
    print(f"{'dates':<13} accuracy={right / dated if dated else 0.0:.3f}  ({right}/{dated})")
    print(
        f"{'places':<13} accuracy={totals.places_right / dated if dated else 0.0:.3f}"
        f"  ({totals.places_right}/{dated}, null = null)"
    )
    occasions = totals.occasions
    print(
        f"{'occasions':<13} word-F1={sum(occasions) / len(occasions) if occasions else 0.0:.3f}"
        f"  (mean over {len(occasions)} gold occasions; no English = 0)"
    )
    print(totals.relevance.line("relevance"))
    print(
        f"off-topic articles (no gold meeting) with a predicted meeting: {off_topic_hits}/{off_topic}"
    )
    print(f"extract: {1000 * elapsed / max(1, len(rows)):.3f} ms per article")
    print("\nworst misses (gold meetings not found):")
    for _, text in sorted(totals.misses, key=lambda t: -t[0])[: args.worst]:
        print(text)
    print("\nwrong places (predicted | gold):")
    for text in totals.wrong_places[: args.worst]:
        print(text)
    print("\nspurious (predicted, not in gold):")
    for text in totals.spurious[: args.worst]:
        print(text)
    return 0


def _agree(meeting: Meeting, gold: dict[str, Any]) -> int:
    """How many of date, kind and future a prediction shares with a gold meeting (tie-break)."""
    return (
        (meeting.date == _date(gold["date"]))
        + (meeting.kind == gold["kind"])
        + (meeting.future == bool(gold["future"]))
    )


def _score_setting(article: str, meeting: Meeting, gold: dict[str, Any], totals: Totals) -> None:
    """Place (folded English, null matching null) and occasion (word F1) of a correct meeting."""
    place = fold_en(meeting.place.en if meeting.place else None)
    if place == fold_en(gold.get("place_en")):
        totals.places_right += 1
    else:
        totals.wrong_places.append(f"  {article}: {place or None} | {gold.get('place_en')}")
    if gold.get("occasion_en"):
        predicted = set(fold_en(meeting.occasion.en if meeting.occasion else None).split())
        wanted = set(fold_en(gold["occasion_en"]).split())
        common = len(predicted & wanted)
        totals.occasions.append(2 * common / (len(predicted) + len(wanted)) if common else 0.0)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _miss(article: str, gold: dict[str, object], people: Sequence[Person]) -> str:
    evidence = str(gold.get("evidence_hi", ""))[:110]
    return (
        f"  {article} {gold.get('kind')} {gold.get('date')}: {describe(people)}\n      {evidence}"
    )


def _spurious(article: str, meeting: Meeting, people: Sequence[Person]) -> str:
    evidence = " ".join(meeting.evidence)[:110]
    return f"  {article} {meeting.kind} {meeting.date}: {describe(people)}\n      {evidence}"


if __name__ == "__main__":
    sys.exit(main())
