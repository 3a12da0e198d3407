"""Romanisation: rules, gazetteer first, the command line."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import cli, gazetteer
from generator.romanise import english_name, name_parts, romanise


@pytest.mark.parametrize(
    ("hindi", "english"),
    [
        ("राजनाथ सिंह", "Rajnath Singh"),  # medial and final schwa, anusvara before ह
        ("मनमोहन सिंह", "Manmohan Singh"),
        ("नितिन गडकरी", "Nitin Gadkari"),  # schwa kept before an open last syllable
        ("विराट कोहली", "Virat Kohli"),
        ("रुबियो", "Rubio"),  # -iyo written -io
        ("ट्रंप", "Tramp"),  # anusvara as m before p
        ("डोनाल्‍ड", "Donald"),  # ZWJ inside the word
        ("ज़रीफ़", "Zarif"),  # nukta
        ("फातिह", "Fatih"),  # फ as f
        ("अश्विनी", "Ashwini"),  # व after a consonant
        ("शरद पवार", "Sharad Pawar"),  # व before ā
        ("मेदवेदेव", "Medvedev"),
        ("ऑस्टिन", "Ostin"),  # ऑ as o
        ("चाँद", "Chand"),  # candrabindu
        ("कपूर", "Kapoor"),
        ("प्रदीप", "Pradeep"),
        ("झांग मिंग", "Zhang Ming"),  # a Chinese -ng syllable
        ("फाम मिन्ह चिन्ह", "Fam Minh Chinh"),
        ("बेकबोलोतोव बी असंकालिएविच", "Bekbolotov B. Asankalievich"),  # a Latin initial
        ("आर0 के0 सिंह", "R. K. Singh"),
        ("के.पी. शर्मा ओली", "K. P. Sharma Oli"),
        ("मोदी जी", "Modi Ji"),  # जी after a name is not an initial
        ("गुप्त", "Gupta"),  # final cluster keeps its a
        ("चंद्र", "Chandra"),
        ("मॉरिसन", "Morison"),  # English -son after i or a closed syllable
        ("इमर्सन", "Imarson"),
        ("हसन", "Hasan"),  # but not after an open a
        ("कैमरन", "Kamran"),  # ै as the a of English names before k, t, d, m
        ("कैलाश", "Kailash"),  # ... not before other consonants
        ("मानेकशॉ", "Manekashaw"),  # a final ॉ as aw
        ("स्टोल्टेनबर्ग", "Stoltenberg"),
        ("पिस्टोरियस", "Pistorius"),
        ("जेलेंस्की", "Jelensky"),
        ("ली छ्यांग", "Li Qiang"),  # pinyin q written छ्य
        ("दिग्विजय", "Digvijay"),  # व before i after a consonant
        ("द्विवेदी", "Dwivedi"),  # ... but w after द
        ("बशर अल असद", "Bashar al-Asad"),  # particles inside a name
        ("मोहम्मद बिन सलमान", "Mohammad bin Salman"),
        ("अल असद", "Al Asad"),  # a first word is no particle
    ],
)
def test_rules(hindi: str, english: str) -> None:
    assert romanise(hindi) == english


def test_name_parts_give_conventional_spellings() -> None:
    assert romanise("दीपक वर्मा") == "Deepak Verma"
    assert romanise("दीपक वर्मा", parts=False) == "Dipak Varma"
    assert romanise("दिपक") == "Deepak"  # any spelling variant of the part
    assert all(english[:1].isupper() for english in name_parts().values())
    assert romanise("शी जिनपिंग") == "Xi Jinping"  # pinyin spellings of Chinese syllables
    assert romanise("शी जिनपिंग", parts=False) == "Shi Jinping"
    assert (romanise("भूपेंदर"), romanise("भूपेंद्र")) == ("Bhupender", "Bhupendra")  # halant kept


def test_name_parts_are_not_what_the_letters_give_anyway() -> None:
    redundant = [hi for hi, en in _part_lines() if romanise(hi, parts=False) == en]
    assert redundant == []


def _part_lines() -> list[tuple[str, str]]:
    from importlib import resources

    text = (resources.files("generator") / "data" / "gazetteer" / "name_parts.tsv").read_text(
        "utf-8"
    )
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [(row[0], row[1]) for row in rows]


def test_gazetteer_first() -> None:
    gaz = gazetteer.load()
    assert english_name("सर्गेई शोइगु", gaz) == ("Sergei Shoigu", True)
    assert english_name("सर्गेई  शोइगू", gaz) == ("Sergei Shoigu", True)  # spelling variant
    assert english_name("अजय कुमार", gaz) == ("Ajay Kumar", False)
    assert english_name("श्री राजनाथ सिंह", gaz) == ("Rajnath Singh", True)  # title left out
    assert english_name("डॉ. अजय कुमार", gaz) == ("Ajay Kumar", False)


def test_command_one_line_per_input_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("राजनाथ सिंह\nसर्गेई शोइगु\n\nअजय कुमार\n"))
    assert cli.main(["romanise"]) == 0
    assert capsys.readouterr().out.split("\n") == [
        "Rajnath Singh", "Sergei Shoigu", "", "Ajay Kumar", "",
    ]  # fmt: skip


def test_command_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["romanise", "झांग मिंग", "अजय कुमार"]) == 0
    assert capsys.readouterr().out == "Zhang Ming\nAjay Kumar\n"


@given(st.text())
def test_never_fails(text: str) -> None:
    assert isinstance(romanise(text), str)


@given(st.text(alphabet=st.characters(max_codepoint=0x24F)))
def test_latin_is_idempotent(text: str) -> None:
    once = romanise(text)
    assert romanise(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=0x900, max_codepoint=0x97F)))
def test_output_of_devanagari_is_latin(text: str) -> None:
    once = romanise(text)
    assert romanise(once) == once
