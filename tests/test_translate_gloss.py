"""The gloss fallback and name shielding: names come out in English, Hindi never leaks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator import hindi
from generator.model import Bilingual, Entity, Mention
from generator.translate import Translator
from generator.translate.gloss import GAP, Glossary, gloss
from generator.translate.shield import inline, restore, shield

DEVANAGARI = re.compile("[\u0900-\u097f]")
SENTENCE = "रूसी रक्षा मंत्री सर्गेई शोइगु ने बीजिंग में चीनी समकक्ष से मुलाकात की।"


def person(hi: str, en: str) -> Entity:
    return Entity(f"person/{en.lower().replace(' ', '-')}", "person", Bilingual(hi, en))


def mention_of(text: str, hi: str, en: str, sentence: int = 0) -> Mention:
    start = text.index(hi)
    return Mention(sentence, start, start + len(hi), hi, person(hi, en))


class FakeGazetteer:
    """The one method the translator uses: Hindi surface -> English."""

    def glossary(self) -> Iterable[tuple[str, str]]:
        return [("शोइगु", "Shoigu"), ("बीजिंग", "Beijing (capital)")]


def test_gloss_renders_terms_and_mentioned_names_in_order() -> None:
    shoigu = mention_of(SENTENCE, "सर्गेई शोइगु", "Sergei Shoigu")
    text = gloss(SENTENCE, [shoigu], Glossary.build())
    assert text.startswith("Russian Defence Minister Sergei Shoigu")
    assert text.index("Beijing") < text.index("counterpart") < text.index("met")
    assert not DEVANAGARI.search(text)


def test_unknown_words_become_one_gap_and_stopwords_vanish() -> None:
    text = gloss("भारत ने अनजानशब्द अपरिचितशब्द पर चर्चा की।", [], Glossary.build())
    assert text == f"India {GAP} discussed."


def test_inflected_forms_match_by_stem() -> None:
    assert gloss("मंत्रियों की बैठकें।", [], Glossary.build()) == "Minister meetings."


def test_gazetteer_entries_extend_and_override_the_domain_terms() -> None:
    glossary = Glossary.build(FakeGazetteer().glossary())
    text = gloss(SENTENCE, [], glossary)
    assert "Shoigu" in text and "Beijing (capital)" in text
    assert glossary.digest != Glossary.build().digest


def test_translator_uses_the_gazetteer_for_its_gloss(tmp_path: Path) -> None:
    translator = Translator(tmp_path / "none.po", None, FakeGazetteer(), use_model=False)
    (result,) = translator.translate_article(hindi.sentences(SENTENCE), ())
    assert result.provenance == "gloss" and "Beijing (capital)" in result.text


@given(st.text())
def test_gloss_never_fails_and_never_shows_devanagari(text: str) -> None:
    out = gloss(text, [], Glossary.build())
    assert out and not DEVANAGARI.search(out)


def test_shield_replaces_names_and_restore_brings_them_back_in_english() -> None:
    shoigu = mention_of(SENTENCE, "सर्गेई शोइगु", "Sergei Shoigu")
    shielded = shield(SENTENCE, [shoigu])
    assert "शोइगु" not in shielded.text and "NAME0" in shielded.text
    assert shielded.names == ("Sergei Shoigu",)
    assert restore("Russian Defence Minister NAME0 met", shielded.names) == (
        "Russian Defence Minister Sergei Shoigu met"
    )
    assert restore("name 0 met", shielded.names) == "Sergei Shoigu met"
    assert restore("Russian minister met", shielded.names) is None


def test_repeated_names_share_a_placeholder_and_overlaps_are_skipped() -> None:
    text = "शोइगु और सिंह मिले, फिर शोइगु लौटे।"
    first = mention_of(text, "शोइगु", "Shoigu")
    second_start = text.rindex("शोइगु")
    second = Mention(0, second_start, second_start + 5, "शोइगु", first.entity)
    overlap = Mention(0, first.start, first.end - 1, "शोइग", person("शोइग", "Other"))
    shielded = shield(text, [second, overlap, first])
    assert shielded.names == ("Shoigu",)
    assert shielded.text.count("NAME0") == 2
    assert inline(text, [first, second]).count("Shoigu") == 2


names = st.lists(st.sampled_from(["सिंह", "शोइगु", "झांग", "मिंग"]), min_size=1, max_size=4)


@given(st.lists(st.text(alphabet="अआकखगमन ।", max_size=6), min_size=2, max_size=5), names)
def test_identity_model_gives_the_inline_sentence(gaps: list[str], chosen: list[str]) -> None:
    """If the model copied its input, shield then restore equals writing the names in English."""
    text, mentions = gaps[0], []
    for name, gap in zip(chosen, gaps[1:], strict=False):
        text += " "
        mentions.append(Mention(0, len(text), len(text) + len(name), name,
                                person(name, name.upper() + "-en")))
        text += name + " " + gap
    shielded = shield(text, mentions)
    assert restore(shielded.text, shielded.names) == inline(text, mentions)
