"""Normalisation and segmentation of Hindi news text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import hindi

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a597c6abab3d7542.txt"


def test_normalise_drops_zero_width_and_unifies_nukta() -> None:
    composed = "\u095b"  # ज़ as one code point
    decomposed = "ज\u093c"
    assert hindi.normalise(composed) == hindi.normalise(decomposed)
    assert hindi.normalise("उन्\u200dहें") == "उन्हें"


def test_closing_quote_used_to_open_becomes_opening() -> None:
    text = "मंत्री ने कहा कि ”चीन को रोकने के लिए मोर्चा बनाया जा रहा है।”"
    assert hindi.normalise(text).endswith("कि “चीन को रोकने के लिए मोर्चा बनाया जा रहा है।”")


def test_pipes_become_dandas() -> None:
    assert hindi.normalise("बैठक हुई| फिर चर्चा हुई||") == "बैठक हुई। फिर चर्चा हुई॥"


def test_apostrophe_inside_a_word_is_kept() -> None:
    assert hindi.normalise("don't") == "don’t"


def test_seed_has_eighteen_sentences_in_seven_paragraphs() -> None:
    found = hindi.sentences(hindi.normalise(SEED.read_text(encoding="utf-8")))
    assert len(found) == 18
    assert {s.paragraph for s in found} == set(range(7))
    assert found[0].text == "नई दिल्ली।"
    assert found[8].text.endswith("बनाया जा रहा है।”")
    assert [s.line for s in found][-1] == 7


def test_initials_decimals_and_abbreviations_do_not_end_sentences() -> None:
    text = "श्री जी.सी. मुर्मू ने 1.5 करोड़ रुपये दिए। डॉ. शर्मा और एस. जयशंकर आए. वे खुश थे!"
    assert hindi.split_sentences(text) == [
        "श्री जी.सी. मुर्मू ने 1.5 करोड़ रुपये दिए।",
        "डॉ. शर्मा और एस. जयशंकर आए.",
        "वे खुश थे!",
    ]


def test_question_and_double_danda_end_sentences() -> None:
    assert hindi.split_sentences("क्या वे आएंगे? हाँ॥ ठीक") == ["क्या वे आएंगे?", "हाँ॥", "ठीक"]


def test_markdown_paragraphs_join_wrapped_lines() -> None:
    body = "पहली पंक्ति\nजारी है।\n\nदूसरा अनुच्छेद।"
    paras = hindi.paragraphs(body, markdown=True, first_line=5)
    assert [(p.text, p.line) for p in paras] == [("पहली पंक्ति जारी है।", 5), ("दूसरा अनुच्छेद।", 8)]


def test_tokens_keep_matras_and_decimals() -> None:
    assert hindi.tokens("उन्होंने ‘मेक इन इंडिया’ में 1.5 करोड़।") == [
        "उन्होंने", "मेक", "इन", "इंडिया", "में", "1.5", "करोड़"
    ]


def test_stem_strips_plural_endings() -> None:
    assert hindi.stem("मंत्रियों") == hindi.stem("मंत्री") or hindi.stem("मंत्रियों") == "मंत्र"
    assert hindi.stem("देशों") == "देश"
    assert hindi.stem("बैठकें") == "बैठक"


def test_real_articles_segment_into_sentences(corpus: Path) -> None:
    for name in ("0001.txt", "0003.txt"):
        text = hindi.normalise((corpus / "articles" / name).read_text(encoding="utf-8"))
        found = hindi.sentences(text)
        assert len(found) > 3
        assert all(s.text.strip() == s.text and s.text for s in found)
        assert all(s.text[-1] in "।॥?!.”’)" or s.index == len(found) - 1 or "\n" not in s.text
                   for s in found)


@settings(max_examples=1000, deadline=None)
@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = hindi.normalise(text)
    assert hindi.normalise(once) == once


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("राजनाथ सिंह। .?!‘’”“1234 जी.सी.\n|ं़्"))))
def test_segmentation_keeps_every_visible_character(text: str) -> None:
    body = hindi.normalise(text)
    found = hindi.sentences(body)
    assert "".join(s.text for s in found).replace(" ", "") == body.replace(" ", "").replace("\n", "")


def test_pipe_and_danda_runs_settle_in_one_pass() -> None:
    for text, expected in (("बैठक हुई। |", "बैठक हुई॥"), ("बैठक |||| अब", "बैठक॥ अब"),
                           ("a | b", "a | b"), ("क ।।", "क ॥"), ("हुई। । अब", "हुई। । अब")):
        once = hindi.normalise(text)
        assert once == expected and hindi.normalise(once) == once


def test_runs_of_combining_marks_are_capped_before_they_cost_quadratic_time() -> None:
    text = "क" + "\u093c\u0301" * 50_000
    assert hindi.normalise(text) == hindi.normalise(text[: 1 + hindi.MAX_MARKS])
    assert len(hindi.normalise("क\u093c\u0947")) == 3  # real text keeps its marks


def test_a_run_without_sentence_end_is_cut_at_spaces_below_the_cap() -> None:
    words = ["शब्द"] * 3000
    found = hindi.split_sentences(" ".join(words) + "। अगला वाक्य।")
    assert all(len(s) <= hindi.MAX_SENTENCE for s in found) and found[-1] == "अगला वाक्य।"
    assert " ".join(found[:-1]).split() == [*words[:-1], "शब्द।"]
    assert all(len(s) <= hindi.MAX_SENTENCE for s in hindi.split_sentences("क" * 5000))


def test_full_stop_after_a_long_word_is_checked_in_constant_time() -> None:
    assert hindi.split_sentences("x" * 50_000 + ". आगे") == ["x" * 2000] * 25 + [".", "आगे"]
    found = hindi.split_sentences("लंबाशब्द" * 10 + ". आगे।")
    assert found == ["लंबाशब्द" * 10 + ".", "आगे।"]
