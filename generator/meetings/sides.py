"""The sides of a meeting: what the stage asks of the gazetteer, a party found in a sentence, office keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from generator.model import Bilingual, Entity, Participant

HOME = "country/india"  # the country of office holders the text gives no country for


class Names(Protocol):
    """What this stage asks of the gazetteer."""

    def entity(self, id: str) -> Entity | None: ...

    def lookup(self, hindi: str) -> Entity | None: ...


@dataclass(frozen=True)
class Party:
    """One side found in a clause, with where it sits in the sentence."""

    start: int
    end: int
    participant: Participant
    person: bool
    group: str  # the words of the phrase it was read from
    grounded: bool = True  # False when the country is only the HOME default


def country_name(gaz: Names, country_id: str | None) -> Bilingual:
    if not country_id:
        return Bilingual()
    known = gaz.entity(country_id)
    if known:
        return known.name
    return Bilingual(None, country_id.split("/", 1)[-1].replace("-", " ").title())


def office_key(p: Participant) -> str:
    """An office and whom it is held for: ``country/france#defence-minister``."""
    return f"{p.country_id or 'body'}#{_slug(p.role.en or p.role.hi or '')}"


@lru_cache(maxsize=1024)  # a few offices recur in every meeting
def _slug(role: str) -> str:
    return re.sub(r"[^\w]+", "-", role.lower()).strip("-")


def party_key(p: Participant) -> str:
    """What identifies a participant: its entity, or its office and country."""
    return p.entity_id or office_key(p)


def office(gaz: Names, country_id: str | None, role: Bilingual) -> Participant:
    return Participant(None, None, role, country_name(gaz, country_id), country_id)


def is_body(p: Participant) -> bool:
    """A group named by office without a country: foreign envoys, a delegation."""
    return p.country_id is None and p.name is None and bool(p.role.en or p.role.hi)


def sides_taking_part(parts: Iterable[Participant], gaz: Names | None = None) -> set[str]:
    """The countries or bodies taking part; an envoys' body is a side of its own.

    Given the gazetteer, a national organisation (a party, a parliament) is its
    country's side: ``भाजपा अध्यक्ष`` and an Indian minister are one side.
    """
    return {_side(p, gaz) for p in parts if p.country_id or is_body(p)}


def _side(p: Participant, gaz: Names | None) -> str:
    if p.country_id and gaz and p.country_id.startswith("organisation/"):
        owner = gaz.entity(p.country_id)
        if owner and owner.country:
            return owner.country
    return p.country_id or f"body:{p.role.en or p.role.hi}"
