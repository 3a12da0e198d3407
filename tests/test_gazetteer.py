"""The gazetteer: package data, editors' additions, variant-tolerant lookup."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator import gazetteer
from generator.gazetteer import Gazetteer, phrase_key, word_key


def test_package_data_covers_un_members_and_more() -> None:
    gaz = gazetteer.load()
    countries = [e for e in gaz.entities() if e.type == "country"]
    assert len(countries) >= 195
    for hindi, english in [("रूस", "Russia"), ("ताइवान", "Taiwan"), ("कोसोवो", "Kosovo")]:
        found = gaz.lookup(hindi)
        assert found is not None and found.name.en == english


def test_variants_share_a_key() -> None:
    assert word_key("ज़रीफ़") == word_key("जरीफ")  # nukta
    assert word_key("नरेन्‍द्र") == word_key("नरेंद्र")  # ZWJ and half nasal vs anusvara
    assert word_key("मॉडल") == word_key("मोडल")  # ो/ॉ
    assert word_key("चाँद") == word_key("चांद")  # candrabindu
    assert word_key("शोइगू") == word_key("शोइगु")  # long and short u
    assert word_key("कजाकिस्तान") != word_key("किर्गिस्तान")


def test_lookup_tolerates_spellings() -> None:
    gaz = gazetteer.load()
    for spelling in ["अमेरिका", "अमरीका", "अमेरीका"]:
        entity = gaz.lookup(spelling)
        assert entity is not None and entity.id == "country/united-states"
    assert (gaz.lookup("मास्को") or gaz.lookup("x")) == gaz.lookup("मॉस्को")  # ॉ also written ा
    assert gaz.lookup("एससीओ") == gaz.entity("organisation/sco")
    assert gaz.lookup("रूसी") == gaz.entity("country/russia")  # demonym
    assert gaz.lookup("कोई अनजान नाम") is None


def test_entities_carry_type_country_and_role() -> None:
    gaz = gazetteer.load()
    shoigu = gaz.lookup("सर्गेई शोइगु")
    assert shoigu is not None
    assert (shoigu.type, shoigu.country, shoigu.role.en) == (
        "person",
        "country/russia",
        "Defence Minister",
    )
    assert gaz.is_rank("role/lieutenant-general") and not gaz.is_rank("role/defence-minister")
    ids = [e.id for e in gaz.entities()]
    assert ids == sorted(ids) and all(i.split("/")[0] == gaz.entity(i).type for i in ids)  # type: ignore[union-attr]


def test_glossary_pairs_hindi_forms_with_english() -> None:
    pairs = dict(gazetteer.load().glossary())
    assert pairs["एससीओ"] == "SCO"
    assert pairs["रूसी"] == "Russian"
    assert pairs["रक्षा मंत्री"] == "Defence Minister"


def test_editor_files_extend_and_override(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(
        "- {id: person/test-person, en: Test Person, hi: [टेस्ट पर्सन], country: country/india}\n"
        "- {id: country/russia, en: Russian Federation, hi: [रूसी फेडरेशन]}\n"
        "- {id: nonsense, en: X}\n",
        "utf-8",
    )
    gaz = gazetteer.load(tmp_path)
    assert gaz.lookup("टेस्ट पर्सन") == gaz.entity("person/test-person")
    russia = gaz.lookup("रूस")
    assert russia is not None and russia.name.en == "Russian Federation"
    assert gaz.lookup("रूसी फेडरेशन") == russia
    assert [d.code for d in gaz.diagnostics] == ["gazetteer"]
    assert gazetteer.load().lookup("टेस्ट पर्सन") is None  # the package data is not changed


def test_broken_editor_yaml_is_a_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("- {id: [unclosed\n", "utf-8")
    gaz = gazetteer.load(tmp_path)
    assert gaz.diagnostics and gaz.diagnostics[0].code == "gazetteer-yaml"
    assert gaz.lookup("रूस") is not None


def test_match_prefers_the_longest_phrase() -> None:
    gaz = Gazetteer()
    gaz.add({"id": "place/delhi", "en": "Delhi", "hi": ["दिल्ली"]})
    gaz.add({"id": "place/new-delhi", "en": "New Delhi", "hi": ["नई दिल्ली"]})
    keys = list(phrase_key("नई दिल्ली में"))
    assert gaz.match(keys, 0) == (2, "place/new-delhi")
    assert gaz.match(keys, 0, stop=1) is None
    assert gaz.match(keys, 1) == (2, "place/delhi")


@given(st.text())
def test_lookup_never_fails(text: str) -> None:
    gazetteer.load().lookup(text)
    assert word_key(word_key(text)) == word_key(text)
