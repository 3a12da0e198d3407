"""Charts as static SVG drawn at build time: no chart JavaScript, data also given as a table.

A chart is the SVG markup plus the rows of the same numbers; the template adds
the title and description (translated) and labels the SVG with them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape as _escape

from babel.dates import format_date

from generator.model import Bilingual, Meeting

SERIES = 6  # named series before the rest are summed as "other"
MAX_MONTHS = 48
WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 36, 8, 10, 42


@dataclass(frozen=True)
class Series:
    """One coloured band of a chart: a label (in ``lang``) and its values."""

    label: str
    lang: str  # the language the label is written in
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    """An SVG body (inside the <svg> element) and the table of the same data."""

    svg: str
    columns: tuple[str, ...]  # one per bar: month names, or counterpart names
    series: tuple[Series, ...]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self) -> bool:
        return not any(any(s.values) for s in self.series)


def main_country(meetings: Sequence[Meeting]) -> str | None:
    """The country or body in most of ``meetings``: the side the digest is written from."""
    counts: Counter[str] = Counter()
    for m in meetings:
        counts.update({p.country_id for p in m.participants if p.country_id})
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0] if ranked else None


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    found: list[dt.date] = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        found.append(month)
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return found[-MAX_MONTHS:]


def _label(name: Bilingual, lang: str) -> tuple[str, str]:
    own = name.hi if lang == "hi" else name.en
    if own:
        return own, lang
    other = "en" if lang == "hi" else "hi"
    return name.get(lang) or "?", other


def monthly(meetings: Sequence[Meeting], lang: str, exclude: str | None, other: str) -> Chart:
    """Meetings per month by counterpart country (a country or body other than ``exclude``)."""
    dated = [m for m in meetings if m.date]
    if not dated:
        return Chart("", (), ())
    months = _months(min(m.date for m in dated if m.date), max(m.date for m in dated if m.date))
    position = {(d.year, d.month): i for i, d in enumerate(months)}
    names: dict[str, Bilingual] = {}
    cells: Counter[tuple[str, int]] = Counter()
    totals: Counter[str] = Counter()
    for m in dated:
        assert m.date is not None
        column = position.get((m.date.year, m.date.month))
        if column is None:
            continue
        countries = {p.country_id: p.country for p in m.participants if p.country_id and p.country_id != exclude}
        for cid in sorted(countries):
            names.setdefault(cid, countries[cid])
            cells[cid, column] += 1
            totals[cid] += 1
    ranked = sorted(totals, key=lambda c: (-totals[c], names[c].en or names[c].hi or "", c))
    series = [_series(names[c], lang, [cells[c, i] for i in range(len(months))]) for c in ranked[:SERIES]]
    if len(ranked) > SERIES:
        rest = [sum(cells[c, i] for c in ranked[SERIES:]) for i in range(len(months))]
        series.append(Series(other, lang, tuple(rest)))
    columns = tuple(format_date(d, "MMM y", locale=lang) for d in months)
    return Chart(_stacked(columns, series), columns, tuple(series))


def _series(name: Bilingual, lang: str, values: list[int]) -> Series:
    label, label_lang = _label(name, lang)
    return Series(label, label_lang, tuple(values))


def _stacked(columns: Sequence[str], series: Sequence[Series]) -> str:
    """Vertical stacked bars, one per column, with a y scale and sparse x labels."""
    top = max((sum(s.values[i] for s in series) for i in range(len(columns))), default=0) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(columns), 1)
    bar = min(max(step * 0.7, 1.0), 48.0)
    y: Callable[[float], float] = lambda v: TOP + plot_h - v * plot_h / top  # noqa: E731
    parts = [f'<line class="axis" x1="{LEFT}" y1="{y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0):.1f}"/>']
    for tick in sorted({0, top // 2, top}):
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    every = max(1, round(len(columns) / 8))
    for i, column in enumerate(columns):
        x = LEFT + i * step + (step - bar) / 2
        base = 0
        for k, s in enumerate(series):
            value = s.values[i]
            if value:
                parts.append(f'<rect class="c{k}" x="{x:.1f}" y="{y(base + value):.1f}" '
                             f'width="{bar:.1f}" height="{value * plot_h / top:.1f}"/>')
                base += value
        if i % every == 0:
            parts.append(f'<text class="tick" x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                         f'text-anchor="middle">{_escape(column, quote=False)}</text>')
    return "".join(parts)


def counterparts(pairs: Sequence[tuple[Bilingual, int]], lang: str, limit: int = 10) -> Chart:
    """Who met whom: one horizontal bar per counterpart, longest first."""
    shown = list(pairs[:limit])
    if not shown:
        return Chart("", (), ())
    labels = [_label(name, lang) for name, _ in shown]
    row_h = 26
    height = TOP + row_h * len(shown) + 8
    label_w = 220
    top = max(count for _, count in shown) or 1
    plot_w = WIDTH - label_w - RIGHT - 30
    parts: list[str] = []
    for i, ((label, _), (_, count)) in enumerate(zip(labels, shown, strict=True)):
        y = TOP + i * row_h
        w = max(count * plot_w / top, 2)
        parts.append(f'<text class="label" x="{label_w - 8}" y="{y + 17}" text-anchor="end">{_escape(label, quote=False)}</text>')
        parts.append(f'<rect class="c0" x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}"/>')
        parts.append(f'<text class="tick" x="{label_w + w + 6:.1f}" y="{y + 17}">{count}</text>')
    values = tuple(count for _, count in shown)
    columns = tuple(label for label, _ in labels)
    return Chart("".join(parts), columns, (Series("", lang, values),), WIDTH, height)
