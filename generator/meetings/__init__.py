"""Meetings: who met whom, when, where, about what, from Hindi news sentences.

A sentence reports a meeting when it holds a trigger (``मुलाकात की``, ``फोन पर
बातचीत``, ``द्विपक्षीय वार्ता``, ``मिलेंगे``, ``का स्वागत किया`` ...). The text up to
each trigger is one clause (several meetings in one sentence are several
clauses); its parties are read from the names stage's mentions as noun phrases
``[countries] [role] [person]``. Conventions, all general rules:

* Direction does not matter; the subject is the party marked by ``ने`` (or a
  pronoun's referent, or the speaker of ``X ने कहा कि ...``), the rest are
  counterparts. A bilateral clause with several counterparts gives one meeting
  per counterpart; compatriots of the subject stay on the subject's side.
* An office without a name is kept by office (``रूसी रक्षा मंत्री``), or becomes
  the person the article names in that office; a role without a country is
  the home country's (:data:`HOME`, these are Indian news reports).
* All parties of one country: domestic, dropped. Press, letters and speeches
  are no triggers. Future tense (``मिलेंगे``, invitations) is kept, marked future.
* A visitor arriving with no host named visits the home country, and that
  visit is folded into the visitor's meeting in the same report.
* A list of offices (``A, B और C के रक्षा मंत्रियों``) takes the people named
  next; when their countries differ, the person named wins and a note quotes
  the source.
* A body of foreign envoys is one side; a sentence listing its countries
  turns it into one office per country.
* A national organisation (a party, a parliament) is its country's side; an
  international body's office-holders meeting among themselves (``नाटो के
  राजदूत ... मिलेंगे``) are a multilateral meeting of that body.
* Place: where the clause says (nearest the verb), a place visited, the country
  a summit is in or a visit goes to, the home capital for a summoned envoy,
  the dateline or the lead's ``आज X में``; a visitor's later meetings are where
  he arrived. A place the gazetteer lacks is romanised and marked
  (:class:`RomanisedPlace`, ``"romanised": true`` in the record).
* Occasion: ``X से इतर`` / ``के दौरान`` / ``के समापन पर``, the gathering attended,
  or the visit a meeting is on; its English is glossed word by word (None when a
  word is unknown), and a short name takes the full one named before.

Dates come from :mod:`generator.dates`, topics from :mod:`generator.topics`.

The package reads in this order: :mod:`.triggers` (which words report a
meeting), :mod:`.parties` (noun phrases as sides), :mod:`.subjects` (who acts,
who an office or surname stands for), :mod:`.occasions` and :mod:`.places`,
:mod:`.clauses` (the meetings of one sentence), :mod:`.combine` (lists,
bodies and visits joined across sentences), :mod:`.article` (one article) and
:mod:`.records` (merging reports across articles, the export record).
"""

from generator.meetings.article import extract
from generator.meetings.places import RomanisedPlace
from generator.meetings.records import merge, to_record
from generator.meetings.sides import HOME, Names

__all__ = ["HOME", "Names", "RomanisedPlace", "extract", "merge", "to_record"]
