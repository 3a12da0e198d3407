"""Data exports under ``site/data/``: meetings (JSON and CSV), articles and people (JSON).

Meetings are sorted by date then id (undated last); records use the meetings
stage's ``to_record`` so the export format is defined in one place.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from generator import meetings
from generator.digest import Digest
from generator.model import Bilingual, Meeting

CSV_FIELDS = ("id", "date", "date_basis", "kind", "future", "place_en", "place_hi", "occasion_en",
              "occasion_hi", "topics", "participants_en", "participants_hi", "participant_ids",
              "articles", "evidence", "notes_en")


def _pair(value: Bilingual | None) -> dict[str, str | None] | None:
    return {"en": value.en, "hi": value.hi} if value else None


def _sorted(digest: Digest) -> list[Meeting]:
    return sorted(digest.meetings, key=lambda m: (m.date is None, m.date.isoformat() if m.date else "", m.id))


def _names(record: dict[str, Any], lang: str) -> str:
    parts = []
    for p in record["participants"]:
        name = (p.get("name") or {}).get(lang) or (p.get("role") or {}).get(lang) or ""
        country = (p.get("country") or {}).get(lang) or ""
        parts.append(f"{name} ({country})" if country else name)
    return "; ".join(parts)


def meetings_csv(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One row per meeting; lists joined with ``; ``. Yields the text row by row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in records:
        place, occasion = r.get("place") or {}, r.get("occasion") or {}
        writer.writerow(_safe_cell(cell) for cell in [
            r["id"], r["date"] or "", r["date_basis"], r["kind"], str(r["future"]).lower(),
            place.get("en") or "", place.get("hi") or "", occasion.get("en") or "", occasion.get("hi") or "",
            "; ".join(r["topics"]), _names(r, "en"), _names(r, "hi"),
            "; ".join(p.get("id") or "" for p in r["participants"]), "; ".join(r["articles"]),
            " ".join(r["evidence"]), " ".join((n or {}).get("en") or "" for n in r["notes"]),
        ])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def _safe_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (text from news could start with = or @)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _dump(items: Iterable[Any]) -> Iterator[str]:
    """A JSON array written item by item, so a large export is never one string in memory."""
    yield "["
    for n, item in enumerate(items):
        yield ("\n " if n == 0 else ",\n ") + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


def files(digest: Digest, article_url: Callable[[str], str]) -> dict[str, Callable[[], Iterator[str]]]:
    """Every export by file name (they go in the site's ``data/`` folder), each as a function
    yielding its text in pieces: records are made as they are written, never all at once."""

    def records() -> Iterator[dict[str, Any]]:
        return (meetings.to_record(m) for m in _sorted(digest))

    def articles() -> Iterator[dict[str, Any]]:
        return ({
            "id": e.slug, "date": e.date.isoformat() if e.date else None,
            "title": _pair(e.title), "place": _pair(e.analysis.article.meta.place),
            "source": e.analysis.article.meta.source, "url": e.analysis.article.meta.url,
            "page": article_url(e.slug),
            "meetings": [m.id for m in digest.by_article.get(e.slug, ())],
        } for e in digest.entries)

    def entities() -> Iterator[dict[str, Any]]:
        return ({
            "id": e.id, "type": e.type, "name": _pair(e.name), "role": _pair(e.role),
            "country": e.country, "romanised": e.romanised,
            "meetings": [m.id for m in digest.by_entity.get(e.id, ())],
        } for e in sorted(digest.entities.values(), key=lambda e: e.id))

    return {
        "meetings.json": lambda: _dump(records()),
        "meetings.csv": lambda: meetings_csv(records()),
        "articles.json": lambda: _dump(articles()),
        "entities.json": lambda: _dump(entities()),
    }
