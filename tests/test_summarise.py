"""Extractive summaries, titles, the ``digest summarise`` command and the ROUGE used to judge them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import cli, hindi, summarise
from generator.model import Bilingual, Meeting, Participant, Sentence

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_a597c6abab3d7542.txt"

REPORT = """जयपुर। राज्य सरकार ने सोमवार को नई जल नीति को मंजूरी दी, जिसके तहत हर गांव में पेयजल पहुंचाया जाएगा।
मुख्यमंत्री ने कहा कि जल नीति से गांवों में पेयजल का संकट दूर होगा।
जल नीति के लिए पांच हजार करोड़ रुपये का बजट रखा गया है।
इस बीच शहर में क्रिकेट प्रतियोगिता का फाइनल मैच खेला गया।
विपक्ष ने जल नीति के बजट को अपर्याप्त बताया और गांवों के लिए अधिक धन मांगा।"""


def parse(text: str) -> tuple[Sentence, ...]:
    return hindi.sentences(hindi.normalise(text))


def chosen_text(found: tuple[Sentence, ...], picked: tuple[int, ...]) -> list[str]:
    return [s.text for s in found if s.index in picked]


def test_dateline_alone_is_never_chosen() -> None:
    found = parse(SEED.read_text(encoding="utf-8"))
    assert found[0].text == "नई दिल्ली।"
    picked = summarise.summarise(found, budget=3)
    assert len(picked) == 3
    assert 0 not in picked
    assert "सर्गेई शोइगु से मुलाकात की" in chosen_text(found, picked)[0]


def test_summary_keeps_original_order_and_the_point_of_the_report() -> None:
    found = parse(REPORT)
    picked = summarise.summarise(found, budget=2)
    assert picked == tuple(sorted(picked))
    assert picked[0] == 1  # the lead sentence after the dateline carries the news
    assert 4 not in picked  # the off-topic cricket sentence


def test_short_articles_summarise_to_themselves() -> None:
    one = parse("सेना ने सीमा पर नई चौकी बनाई।")
    two = parse("लखनऊ। सेना ने सीमा पर नई चौकी बनाई। जवानों ने वहां गश्त शुरू की।")
    assert summarise.summarise(one) == (0,)
    assert summarise.summarise(two) == (1, 2)  # the dateline is not a sentence of the summary
    assert summarise.summarise(parse("नई दिल्ली।")) == ()
    assert summarise.summarise(()) == ()


def test_redundant_sentence_is_not_repeated() -> None:
    lead = "रक्षा मंत्री ने रूस के रक्षा मंत्री से द्विपक्षीय सहयोग पर बातचीत की।"
    other = "दोनों देशों ने संयुक्त सैन्य अभ्यास की तारीखें तय कीं।"
    found = parse(" ".join([lead, lead, other, "अगली बैठक मास्को में होगी।"]))
    assert summarise.summarise(found, budget=2) == (0, 2)


def test_character_cap_stops_instead_of_padding() -> None:
    found = parse(REPORT)
    first = len(found[1].text)
    assert summarise.summarise(found, budget=3, max_chars=first) == (1,)
    assert summarise.summarise(found, budget=3, max_chars=5) == (1,)  # the best sentence, alone
    capped = summarise.summarise(found, budget=5, max_chars=160)
    assert len(" ".join(chosen_text(found, capped))) <= 160


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(max_size=80), max_size=12),
    st.integers(min_value=-1, max_value=6),
    st.one_of(st.none(), st.integers(min_value=0, max_value=300)),
)
def test_any_sentences_give_sorted_unique_indices_within_budget(
    texts: list[str], budget: int, max_chars: int | None
) -> None:
    found = tuple(Sentence(i, i // 3, text, 1) for i, text in enumerate(texts))
    picked = summarise.summarise(found, budget, max_chars)
    assert picked == summarise.summarise(found, budget, max_chars)
    assert list(picked) == sorted(set(picked))
    assert set(picked) <= {s.index for s in found}
    assert len(picked) <= max(budget, 0)
    if max_chars is not None and len(picked) > 1:
        assert len(" ".join(texts[i] for i in picked)) <= max_chars


def person(
    name_en: str, name_hi: str, role_en: str, role_hi: str, c_en: str, c_hi: str
) -> Participant:
    return Participant(
        None, Bilingual(name_hi, name_en), Bilingual(role_hi, role_en), Bilingual(c_hi, c_en)
    )


RAJNATH = person("Rajnath Singh", "राजनाथ सिंह", "Defence Minister", "रक्षा मंत्री", "India", "भारत")
SHOIGU = person("Sergei Shoigu", "सर्गेई शोइगु", "Defence Minister", "रक्षा मंत्री", "Russia", "रूस")
ZHANG = person("Zhang Ming", "झांग मिंग", "Secretary-General", "महासचिव", "SCO", "एससीओ")
UZBEK = Participant(
    None, None, Bilingual("रक्षा मंत्री", "Defence Minister"), Bilingual("उज्बेकिस्तान", "Uzbekistan")
)


def meeting(kind: str, *people: Participant, future: bool = False, place: str = "") -> Meeting:
    where = Bilingual("मास्को", "Moscow") if place else None
    return Meeting("m", kind, None, "unknown", future, where, None, (), people, ("a",), (), ())


def test_meeting_titles_in_both_languages() -> None:
    met = meeting("meeting", RAJNATH, SHOIGU)
    assert summarise.title_from_meeting(met, "en") == "Rajnath Singh meets Sergei Shoigu"
    assert summarise.title_from_meeting(met, "hi") == "राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की"


def test_meeting_titles_for_offices_several_counterparts_and_kinds() -> None:
    several = meeting("talks", RAJNATH, SHOIGU, ZHANG, UZBEK)
    assert summarise.title_from_meeting(several, "en") == (
        "Rajnath Singh holds talks with Sergei Shoigu, Zhang Ming and Defence Minister of Uzbekistan"
    )
    assert summarise.title_from_meeting(several, "hi").endswith(
        "झांग मिंग और उज्बेकिस्तान के रक्षा मंत्री के साथ वार्ता की"
    )
    call = meeting("call", RAJNATH, SHOIGU)
    assert (
        summarise.title_from_meeting(call, "en") == "Rajnath Singh speaks to Sergei Shoigu by phone"
    )
    assert "फोन पर बात की" in summarise.title_from_meeting(call, "hi")
    visit = meeting("visit", RAJNATH, SHOIGU, future=True, place="Moscow")
    assert summarise.title_from_meeting(visit, "en") == (
        "Rajnath Singh to visit Moscow and meet Sergei Shoigu"
    )
    assert summarise.title_from_meeting(visit, "hi") == (
        "राजनाथ सिंह मास्को का दौरा करेंगे और सर्गेई शोइगु से मुलाकात करेंगे"
    )
    alone = meeting("call", RAJNATH)
    assert summarise.title_from_meeting(alone, "en") == "Rajnath Singh holds a phone call"
    assert summarise.title_from_meeting(meeting("meeting"), "hi") == ""  # caller falls back to text
    assert summarise.title_from_meeting(meeting("meeting", UZBEK, SHOIGU), "en") == (
        "Defence Minister of Uzbekistan meets Sergei Shoigu"
    )


def test_title_from_text_is_the_lead_in_headline_form() -> None:
    assert summarise.title_from_text(REPORT) == (  # no dateline, no "on Monday"
        "राज्य सरकार ने नई जल नीति को मंजूरी दी, जिसके तहत हर गांव में पेयजल पहुंचाया जाएगा"
    )
    long = (
        "जयपुर। राज्य सरकार ने नई जल नीति को मंजूरी दी, जिसके तहत अगले पांच वर्षों में राज्य के"
        " हर गांव और हर शहर के हर घर तक नल से साफ पेयजल पहुंचाया जाएगा और पुराने जल स्रोतों को"
        " भी फिर से जीवित किया जाएगा।"
    )
    assert summarise.title_from_text(long) == "राज्य सरकार ने नई जल नीति को मंजूरी दी"
    assert summarise.title_from_text("भारत ने आज मैच जीता है।") == "भारत ने मैच जीता"
    reported = "सेना प्रमुख ने कहा है कि सीमा पर स्थिति पूरी तरह नियंत्रण में है।"
    assert summarise.title_from_text(reported) == "सेना प्रमुख ने कहा- सीमा पर स्थिति पूरी तरह नियंत्रण में"


def test_title_from_text_cuts_a_sentence_without_clauses_at_a_word() -> None:
    long = " ".join(["रक्षा सहयोग"] * 60) + "।"
    title = summarise.title_from_text(long)
    assert title.endswith("…")
    assert len(title) <= 140


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_title_from_any_text_is_one_trimmed_line(text: str) -> None:
    title = summarise.title_from_text(text)
    assert title == title.strip()
    assert "\n" not in title
    assert summarise.title_from_text(title) == title or len(title) < 3


def test_command_prints_only_the_chosen_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "report.md"
    article.write_text(f"---\ntitle: जल नीति\ndate: 2020-01-06\n---\n{REPORT}\n", encoding="utf-8")
    assert cli.main(["summarise", str(article), "--sentences", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = chosen_text(parse(REPORT), summarise.summarise(parse(REPORT), budget=2))
    assert lines == expected
    assert all("title" not in line and line != "---" for line in lines)
    assert cli.main(["summarise", str(tmp_path / "missing.txt")]) == 1
    assert capsys.readouterr().out == ""


def load_bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "summaries_eval", REPO / "bench" / "summaries_eval.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def test_rouge_counts_devanagari_words() -> None:
    bench = load_bench()
    reference = hindi.tokens("रक्षा मंत्री ने रूस के रक्षा मंत्री से मुलाकात की।")
    candidate = hindi.tokens("रक्षा मंत्री ने रूसी मंत्री से बात की।")
    assert bench.rouge_n(reference, reference, 2) == pytest.approx(1.0)  # type: ignore[attr-defined]
    assert 0.3 < bench.rouge_n(candidate, reference, 1) < 1.0  # type: ignore[attr-defined]
    assert bench.rouge_l(candidate, reference) == pytest.approx(2 * 6 / (8 + 10))  # type: ignore[attr-defined]
