"""One article's meetings: triggers, parties and clauses read, joined, dated and given ids."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from generator import dates, topics
from generator.meetings.clauses import Found, Scan, clause_meetings, participants_of, scan_sentence
from generator.meetings.combine import absorb_visits, carry_places, expand_bodies, reconcile
from generator.meetings.occasions import complete
from generator.meetings.patterns import compile_tolerant, reported_part
from generator.meetings.places import dateline_of, lead_place
from generator.meetings.sides import Names, Party, is_body, party_key
from generator.meetings.subjects import registry_of
from generator.meetings.triggers import find_triggers
from generator.model import Bilingual, Meeting, Mention, Sentence

_DISCUSSION = compile_tolerant(
    r"चर्चा|बातचीत|वार्ता|विचार|मुद्द|सहयोग|समीक्षा|संबंध|साझेदारी|शुभकामना|संवेदना|बधाई"
)


def _full_occasions(scans: list[Scan]) -> list[Scan]:
    """Short names of an event (``एससीओ बैठक``) take the full English named before."""
    earlier: list[Bilingual] = []
    completed: list[Scan] = []
    for scan in scans:
        if not scan.occasions:
            completed.append(scan)  # most sentences: nothing to complete
            continue
        occasions = [(a, b, complete(o, earlier)) for a, b, o in scan.occasions]
        earlier.extend(o for _, _, o in occasions)
        completed.append(dataclasses.replace(scan, occasions=occasions))
    return completed


def _topics(
    evidence: Sequence[int], sentences: Sequence[Sentence], trigger_at: set[int]
) -> tuple[str, ...]:
    """Topic labels from a meeting's sentences and the discussion sentences after them."""
    texts = [sentences[i].text for i in evidence]
    last = evidence[-1]
    for s in sentences[last + 1 : last + 5]:
        if s.index in trigger_at:
            break
        if _DISCUSSION.search(s.text):
            texts.append(s.text)
    return topics.find(texts)


def extract(
    slug: str,
    published: dt.date | None,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    gaz: Names,
) -> tuple[Meeting, ...]:
    """Every meeting an article reports, in reading order, with stable ids."""
    triggers = [find_triggers(s.text) for s in sentences]
    if not any(triggers):
        return ()  # most news: nothing more to read
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.sentence, m.start, -m.end)):
        by_sentence.setdefault(m.sentence, []).append(m)
    position = {s.index: i for i, s in enumerate(sentences)}
    lead = by_sentence.get(sentences[0].index, []) if sentences else []
    dateline = dateline_of(sentences, lead, gaz) or lead_place(sentences, lead)
    scans = [
        scan_sentence(s, by_sentence.get(s.index, []), gaz, t)
        for s, t in zip(sentences, triggers, strict=True)
    ]
    scans = _full_occasions(scans)
    known = registry_of([scan.parties for scan in scans])
    actor: Party | None = None
    found: list[Found] = []
    for s, scan in zip(sentences, scans, strict=True):
        more, actor = clause_meetings(s, scan, gaz, actor, dateline, known)
        found.extend(more)
    found = carry_places(absorb_visits(expand_bodies(found, sentences, scans, gaz)))
    trigger_at = {f.sentence for f in found}
    kept: dict[tuple[frozenset[str], bool, bool], tuple[Found, list[int]]] = {}
    for f in reconcile(found):
        # One report of the same parties is one meeting; so is everything a body of envoys did.
        body = frozenset(party_key(p) for p in participants_of(f) if is_body(p))
        sides = body or frozenset(party_key(p) for p in participants_of(f))
        key = (sides, f.future, f.kind == "call")  # a call is never the visit it follows
        first, numbers = kept.get(key, (f, []))
        numbers.extend(n for n in sorted({f.sentence, *f.sentences}) if n not in numbers)
        if first is not f:
            have = {party_key(p) for p in participants_of(first)}
            parties = [f.subject, *f.others] if f.subject else list(f.others)
            joining = tuple(p for p in parties if party_key(p.participant) not in have)
            first = dataclasses.replace(first, others=first.others + joining)
        kept[key] = (first, numbers)
    result: list[Meeting] = []
    for f, numbers in kept.values():
        at = sorted(position[n] for n in numbers)
        context = [
            x
            for x in sentences[max(0, at[0] - 2) : at[0]]
            if x.paragraph == sentences[at[0]].paragraph
        ]
        evidence = [sentences[i] for i in at]
        about = _topics(at, sentences, trigger_at)
        result.append(_meeting(slug, len(result) + 1, published, f, evidence, context, about))
    return tuple(result)


def _meeting(
    slug: str,
    number: int,
    published: dt.date | None,
    f: Found,
    evidence: Sequence[Sentence],
    context: Sequence[Sentence],
    topics: tuple[str, ...] = (),
) -> Meeting:
    """A found meeting dated from its evidence (else the sentences just before it), with its id."""
    ref = dates.resolve(f.when, published, future=f.future) if f.when else None
    if ref is None:
        texts = " ".join(reported_part(s.text) for s in evidence)
        ref = dates.resolve(texts, published, future=f.future)
    if ref is None and not f.future:
        ref = next((r for s in reversed(context) if (r := dates.resolve(s.text, published))), None)
    notes = f.notes
    if ref and ref.note:
        notes += (ref.note,)
    if ref and (ref.date or ref.basis == "unknown"):
        date, basis = ref.date, ref.basis
    elif f.future or published is None:
        date, basis = None, "unknown"
    else:
        date, basis = published, "publication"
    return Meeting(
        id=f"{date.isoformat() if date else 'undated'}-{slug}-{number}",
        kind=f.kind,
        date=date,
        date_basis=basis,
        future=f.future,
        place=f.place,
        occasion=f.occasion,
        topics=topics,
        participants=tuple(participants_of(f)),
        articles=(slug,),
        evidence=tuple(s.text for s in evidence),
        sentences=tuple(s.index for s in evidence),
        notes=notes,
    )
