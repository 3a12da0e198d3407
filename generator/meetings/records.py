"""Across articles: one meeting per event (merge), and the export record of a meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from generator.meetings.places import RomanisedPlace
from generator.meetings.sides import office_key, party_key, sides_taking_part
from generator.model import Bilingual, Meeting


def _sides_of(m: Meeting) -> frozenset[str]:
    return frozenset(sides_taking_part(m.participants))


def _same_people(a: Meeting, b: Meeting) -> bool:
    """Whether two reports name the same participants: by entity, or by office where one
    report gives only the office (``रूसी रक्षा मंत्री`` = Sergei Shoigu)."""
    if len(a.participants) != len(b.participants):
        return False
    free = list(b.participants)
    for p in a.participants:
        match = next((q for q in free if party_key(q) == party_key(p)), None) or next(
            (
                q
                for q in free
                if (p.name is None or q.name is None) and office_key(q) == office_key(p)
            ),
            None,
        )
        if match is None:
            return False
        free.remove(match)
    return True


def _order(m: Meeting) -> tuple[bool, dt.date, str]:
    return (m.date is None, m.date or dt.date.min, m.id)


def _join(a: Meeting, b: Meeting) -> Meeting:
    """``a`` reported again by ``b``'s articles."""
    return dataclasses.replace(
        a,
        articles=a.articles + tuple(x for x in b.articles if x not in a.articles),
        evidence=a.evidence + tuple(x for x in b.evidence if x not in a.evidence),
        topics=a.topics + tuple(x for x in b.topics if x not in a.topics),
        notes=a.notes + tuple(x for x in b.notes if x not in a.notes),
        place=a.place or b.place,
        occasion=a.occasion or b.occasion,
    )


def _within_a_day(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and b is not None and abs((b - a).days) <= 1


def merge(meetings: Iterable[Meeting]) -> list[Meeting]:
    """One meeting per event: reports with the same participants, dated within a day, join.

    The earliest report (by date, then id) keeps its id and gains the others'
    articles, evidence, topics and notes. Sorted by date (undated last), then id.
    """
    buckets: dict[tuple[frozenset[str], bool], list[Meeting]] = {}
    for m in sorted(meetings, key=_order):
        buckets.setdefault((_sides_of(m), m.future), []).append(m)
    merged: list[Meeting] = []
    for group in buckets.values():
        recent: list[int] = []  # indices in ``merged`` of events within a day of ``m``
        for m in group:
            recent = [i for i in recent if _within_a_day(merged[i].date, m.date)]
            same = next(
                (
                    i
                    for i in recent
                    if _same_people(merged[i], m) and not set(m.articles) & set(merged[i].articles)
                ),
                None,
            )
            if same is None:
                recent.append(len(merged))
                merged.append(m)
            else:
                merged[same] = _join(merged[same], m)
    return sorted(merged, key=_order)


def _place(b: Bilingual | None) -> dict[str, object] | None:
    """A place's record; ``romanised`` is true when its English came from rules."""
    pair = _bilingual(b)
    if pair is None or not isinstance(b, RomanisedPlace):
        return dict(pair) if pair else None
    return {**pair, "romanised": True}


def _bilingual(b: Bilingual | None) -> dict[str, str | None] | None:
    return {"en": b.en, "hi": b.hi} if b and (b.en or b.hi) else None


def to_record(m: Meeting) -> dict[str, object]:
    """The export record of a meeting (``site/data/meetings.json``)."""
    return {
        "id": m.id,
        "date": m.date.isoformat() if m.date else None,
        "date_basis": m.date_basis,
        "kind": m.kind,
        "future": m.future,
        "place": _place(m.place),
        "occasion": _bilingual(m.occasion),
        "topics": list(m.topics),
        "participants": [
            {
                "id": party_key(p),
                "name": _bilingual(p.name),
                "role": {"en": p.role.en, "hi": p.role.hi},
                "country": {"en": p.country.en, "hi": p.country.hi},
            }
            for p in m.participants
        ],
        "articles": list(m.articles),
        "evidence": list(m.evidence),
        "notes": [{"en": n.en, "hi": n.hi} for n in m.notes],
    }
