"""Properties on open-ended text: no stage raises on arbitrary Unicode; normalising and romanising are idempotent.

Each property runs 1,000 examples. Inputs mix arbitrary Unicode with "word
salad" from the vocabulary of defence news (names, roles, meeting verbs, dates,
dandas, quotes), so that the recognisers' own code paths are reached too.
"""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import entities, gazetteer, hindi, meetings, sources
from generator.romanise import romanise

EXAMPLES = settings(max_examples=1000, deadline=None)
GAZ = gazetteer.load()
VOCABULARY = (
    "राजनाथ सिंह सर्गेई शोइगु ली शांगफू एस जयशंकर अजीत डोभाल रक्षा मंत्री विदेश प्रधानमंत्री राष्ट्रपति "
    "भारत रूस चीन अमेरिका फ्रांस नई दिल्ली मॉस्को ने से के की का और तथा में पर मुलाकात बैठक बातचीत "
    "द्विपक्षीय वार्ता की। हुई। किया। कहा कि सहयोग शिखर सम्मेलन एससीओ सोमवार कल आज 28 अप्रैल 2023 "
    "२८ जनवरी श्री डॉ. जी.सी. Mr. Dr. NATO the met"
).split()
PUNCTUATION = ["।", "॥", ".", "?", "!", ",", "“", "”", "'", "\"", "|", "\n", "\n\n", "\u200d", "\u200b",
               "\u093c", "\u0301", "\r\n", "\u00a0"]
DEVANAGARI = st.characters(min_codepoint=0x0900, max_codepoint=0x097F)

salad = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(PUNCTUATION),
                           st.text(DEVANAGARI, max_size=6)), max_size=120).map(" ".join)
texts = st.one_of(st.text(max_size=300), salad)
latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .-'", max_size=40)
names = st.lists(st.one_of(st.sampled_from(VOCABULARY[:12]), st.text(DEVANAGARI, min_size=1, max_size=8)),
                 min_size=1, max_size=4).map(" ".join)
yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(max_size=40), st.dates().map(str))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["hi", "en", "x"]), inner, max_size=3)),
    max_leaves=8)
front_matter = st.dictionaries(st.sampled_from([*sorted(sources.KNOWN_KEYS), "other"]), yaml_values,
                               max_size=6)


@EXAMPLES
@given(texts)
def test_normalise_is_idempotent(text: str) -> None:
    once = hindi.normalise(text)
    assert hindi.normalise(once) == once
    assert "\r" not in once and "\u200b" not in once


@EXAMPLES
@given(texts, st.booleans())
def test_segmenter_keeps_all_text_in_bounded_sentences(text: str, markdown: bool) -> None:
    body = hindi.normalise(text)
    found = hindi.sentences(body, markdown=markdown, first_line=5)
    assert [s.index for s in found] == list(range(len(found)))
    last_line = 5 + body.count("\n")
    for s in found:
        assert s.text and s.text == s.text.strip() and len(s.text) <= hindi.MAX_SENTENCE
        assert 5 <= s.line <= last_line
    kept = "".join("".join(s.text.split()) for s in found)
    assert kept == "".join(body.split())


@EXAMPLES
@given(texts)
def test_tokens_and_stems_come_from_the_text(text: str) -> None:
    body = hindi.normalise(text)
    for token in hindi.tokens(body):
        assert token in body
        assert hindi.stem(token) and token.startswith(hindi.stem(token))


@EXAMPLES
@given(latin)
def test_romanising_latin_text_is_idempotent(text: str) -> None:
    once = romanise(text)
    assert romanise(once) == once


def test_romanise_a_name_opening_with_a_long_vowel() -> None:
    assert romanise("ईत")


@EXAMPLES
@given(st.one_of(names, st.text(max_size=40)))
def test_romanise_never_raises_and_gives_no_devanagari(text: str) -> None:
    out = romanise(text)
    if all("\u0900" <= ch <= "\u097f" or ch == " " for ch in text):
        assert not any("\u0904" <= ch <= "\u0939" for ch in out)
        assert romanise(out) == out


@EXAMPLES
@given(texts)
def test_entities_spans_match_their_sentences(text: str) -> None:
    found = hindi.sentences(hindi.normalise(text))
    for mention in entities.recognise(found, GAZ):
        sentence = found[mention.sentence].text
        assert 0 <= mention.start < mention.end <= len(sentence)
        assert sentence[mention.start:mention.end] == mention.text
        assert mention.entity.id


@EXAMPLES
@given(texts, st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1))))
def test_meeting_extraction_never_raises(text: str, published: dt.date | None) -> None:
    found = hindi.sentences(hindi.normalise(text))
    mentions = entities.recognise(found, GAZ)
    for meeting in meetings.extract("slug", published, found, mentions, GAZ):
        assert meeting.id and meeting.kind
        assert all(0 <= i < len(found) for i in meeting.sentences)


@EXAMPLES
@given(st.one_of(st.text(max_size=300), front_matter.map(lambda d: yaml.safe_dump(d, allow_unicode=True))))
def test_front_matter_never_raises_and_every_diagnostic_has_a_line(text: str) -> None:
    report = sources._Report("x.md")
    front, body, body_line = sources.split_front_matter("---\n" + text + "\n---\nपाठ")
    assert front is not None and body is not None and body_line >= 3
    data = sources.parse_yaml(front, 2, report)
    if data is not None:
        meta, slug = sources.metadata(data, front, 2, report)
        assert meta.url is None or meta.url.startswith(("http://", "https://"))
        assert slug is None or ("/" not in slug and not slug.startswith("."))
    assert all(d.path == "x.md" and 2 <= d.line <= 2 + front.count("\n") for d in report.found)


@EXAMPLES
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_a_diagnostic(raw: bytes) -> None:
    report = sources._Report("x.txt")
    text = sources.decode(raw, report)
    assert text is not None or any(d.level == "error" for d in report.found)
    assert all(d.line >= 1 for d in report.found)
