"""Recognition: gazetteer phrases, names after roles, surnames, spans."""

from __future__ import annotations

import json
import os
import time
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import gazetteer, hindi
from generator.entities import recognise
from generator.gazetteer import Gazetteer
from generator.model import Mention

SEED = Path(__file__).parent.parent / "seeds" / "000_a597c6abab3d7542.txt"
CORPUS = Path(
    os.environ.get("DIGEST_CORPUS", Path(__file__).parent.parent.parent / "shared" / "corpus")
)


@cache
def without_people() -> Gazetteer:
    """The package gazetteer minus its people: names must come from the patterns."""
    gaz = Gazetteer()
    folder = resources.files("generator") / "data" / "gazetteer"
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.name.endswith(".yaml") and item.name != "people.yaml":
            for record in yaml.safe_load(item.read_text("utf-8")):
                gaz.add(record)
    return gaz


def run(text: str, gaz: Gazetteer | None = None) -> tuple[Mention, ...]:
    return recognise(hindi.sentences(hindi.normalise(text)), gaz or gazetteer.load())


def people(mentions: tuple[Mention, ...]) -> dict[str, tuple[str | None, str | None]]:
    return {
        m.entity.name.en or "": (m.entity.role.en, m.entity.country)
        for m in mentions
        if m.entity.type == "person"
    }


SEED_PEOPLE = {
    "Rajnath Singh",
    "Sergei Shoigu",
    "Zhang Ming",
    "Bakhodir Kurbanov",
    "Viktor Khrenin",
    "Bekbolotov B. Asankalievich",
}


@pytest.mark.skipif(not SEED.exists(), reason="seed article not in the tree")
def test_seed_entities() -> None:
    mentions = run(SEED.read_text("utf-8"))
    names = {m.entity.name.en for m in mentions}
    assert names >= SEED_PEOPLE
    assert {
        "Russia", "China", "USA", "Australia", "Japan", "Uzbekistan", "Belarus", "Kazakhstan",
        "Kyrgyzstan", "Taiwan", "SCO", "Quad", "Ministry of Defence", "New Delhi", "Washington",
    } <= names  # fmt: skip
    found = people(mentions)
    assert found["Bakhodir Kurbanov"] == ("Defence Minister", "country/uzbekistan")
    assert found["Zhang Ming"] == ("Secretary-General", "organisation/sco")


def test_names_after_roles_without_the_gazetteer() -> None:
    text = (
        "रक्षा मंत्री राजनाथ सिंह ने रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की। "
        "एससीओ महासचिव झांग मिंग ने भी राजनाथ सिंह से मुलाकात की। "
        "उन्होंने उज्बेकिस्तान के रक्षा मंत्री लेफ्टिनेंट जनरल बखोदिर कुर्बानोव; बेलारूस के रक्षा मंत्री, "
        "लेफ्टिनेंट जनरल विक्टर ख्रेनिन और किर्गिस्तान के रक्षा मंत्री लेफ्टिनेंट जनरल बेकबोलोतोव बी "
        "असंकालिएविच के साथ बैठकें कीं। सिंह और शोइगु ने चर्चा की।"
    )
    mentions = run(text, without_people())
    found = people(mentions)
    assert found["Rajnath Singh"] == ("Defence Minister", None)
    assert found["Bakhodir Kurbanov"] == ("Defence Minister", "country/uzbekistan")
    assert found["Bekbolotov B. Asankalievich"] == ("Defence Minister", "country/kyrgyzstan")
    assert [m.entity.country for m in mentions if m.text == "झांग मिंग"] == ["organisation/sco"]
    assert any(m.text == "बखोदिर कुर्बानोव" and m.entity.romanised for m in mentions)
    last = [m for m in mentions if m.sentence == 3 and m.entity.type == "person"]
    assert [m.text for m in last] == ["सिंह", "शोइगु"]
    assert last[0].entity.id == next(m.entity.id for m in mentions if m.text == "राजनाथ सिंह")


def test_spans_point_into_the_sentence_text() -> None:
    sentences = hindi.sentences("श्री नरेन्‍द्र मोदी ने डॉ. अजय कुमार, रक्षा सचिव से बात की।")
    for m in recognise(sentences, gazetteer.load()):
        assert sentences[m.sentence].text[m.start : m.end] == m.text


def test_honorifics_are_stripped_and_boundaries_respected() -> None:
    mentions = run("श्री रमेश चंद्र ने कहा। राष्ट्रपति भवन में कार्यक्रम हुआ। विदेश मंत्री ने कहा।")
    persons = [m.text for m in mentions if m.entity.type == "person"]
    assert persons == ["रमेश चंद्र"]
    roles = [m.entity.id for m in mentions if m.entity.type == "role"]
    assert roles == ["role/president", "role/foreign-minister"]


def test_demonym_gives_country_and_role_mentions_stand_alone() -> None:
    mentions = run("रूसी रक्षा मंत्री ने कहा कि बैठक सफल रही।")
    assert [(m.text, m.entity.id) for m in mentions] == [
        ("रूसी", "country/russia"),
        ("रक्षा मंत्री", "role/defence-minister"),
    ]


def test_initials_in_names() -> None:
    mentions = run("मुख्य सचिव बी.वी.आर. सुब्रमण्यम और श्री आर0 के0 सिंह आए।", without_people())
    names = [m.entity.name.en for m in mentions if m.entity.type == "person"]
    assert names[0] is not None and names[0].startswith("B. V. R. ")
    assert names[1] == "R. K. Singh"


def test_recognition_is_fast() -> None:
    text = SEED.read_text("utf-8") if SEED.exists() else "रक्षा मंत्री राजनाथ सिंह ने कहा। " * 20
    sentences = hindi.sentences(hindi.normalise(text))
    gaz = gazetteer.load()
    recognise(sentences, gaz)
    started = time.perf_counter()
    for _ in range(20):
        recognise(sentences, gaz)
    assert (time.perf_counter() - started) / 20 < 0.01


def test_schemes_and_decorations_are_not_names() -> None:
    mentions = run("प्रधानमंत्री गरीब कल्याण योजना शुरू हुई। वाइस एडमिरल बी सुरेश पीवीएसएम एवीएसएम ने कहा।")
    assert [m.text for m in mentions if m.entity.type == "person"] == ["बी सुरेश"]


def test_lone_surname_after_a_title_is_the_person_named_in_full() -> None:
    mentions = run("रक्षा मंत्री अमरेश कुमार सिन्हा ने कहा। बाद में श्री सिन्हा ने उद्योगपतियों से बात की।")
    ids = [m.entity.id for m in mentions if m.entity.type == "person"]
    assert ids == ["person/amresh-kumar-sinha"] * 2


def test_lone_surname_is_the_article_person_before_the_gazetteers() -> None:
    gaz = Gazetteer()
    person = {"id": "person/r-hari-tiwana", "en": "R. Hari Tiwana", "role": "Spokesperson"}
    gaz.add({**person, "hi": ["आर हरि टिवाणा"]})
    gaz.add({"id": "role/spokesperson", "en": "Spokesperson", "hi": ["प्रवक्ता"]})
    alone = run("प्रवक्ता श्री टिवाणा ने कहा।", gaz)
    assert [m.entity.id for m in alone] == ["role/spokesperson", "person/r-hari-tiwana"]
    mentions = run("प्रवक्ता रवीश टिवाणा ने कहा। श्री टिवाणा ने यह भी कहा।", gaz)
    ids = [m.entity.id for m in mentions if m.entity.type == "person"]
    assert ids == ["person/ravish-tiwana"] * 2


def test_a_common_surname_alone_is_not_a_known_person() -> None:
    mentions = run("श्री कुमार ने आरोप लगाया।")
    assert [m.entity.romanised for m in mentions if m.entity.type == "person"] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "इस वर्ष होने वाले राष्ट्रपति चुनावों के बाद नतीजे आएंगे।",  # an oblique plural
        "लोग मिस कॉल देकर समर्थन कर सकते हैं।",  # a noun before a light verb
        "देश को पहला सीडीएस मिल रहा है।",  # a verb
        "श्री अशरफ मीर को विधायक होस्टल से हटाया गया।",  # a common noun after an office
        "प्रधानमंत्री अन्नदाता आय संरक्षण अभियान (पीएम-आशा) किसानों के लिए है।",  # a scheme
        "श्री ननकाना साहिब की घटना चिंता का विषय है।",  # a shrine
        "दूतावास की राजनयिक गतिविधियां निलंबित कर दी गई हैं।",  # an adjective before a plural
    ],
)
def test_common_nouns_and_verbs_after_a_title_are_not_names(text: str) -> None:
    names = [m.text for m in run(text) if m.entity.type == "person" and m.entity.romanised]
    assert names in ([], ["अशरफ मीर"])


def test_a_word_glued_after_a_known_name_stays_out() -> None:
    mentions = run("श्री मोदी सुंदरबन की छात्राओं से मिले।")
    assert [(m.text, m.entity.id) for m in mentions] == [("मोदी", "person/narendra-modi")]


def test_a_place_between_a_long_name_and_in_stays_out() -> None:
    mentions = run("पार्टी के अध्यक्ष जगत प्रकाश नड्डा गाजियाबाद में अभियान में भाग लेंगे।")
    assert [m.text for m in mentions if m.entity.type == "person"] == ["जगत प्रकाश नड्डा"]


def test_diplomats_are_a_role() -> None:
    mentions = run("विदेशी राजनयिकों का एक शिष्टमंडल आज कश्मीर की यात्रा पर है।")
    assert [m.entity.id for m in mentions if m.entity.type == "role"] == ["role/diplomat"]


def test_bracketed_aside_and_generic_office() -> None:
    mentions = run("वित्त आयुक्त (स्वास्थ्य) अतुल दुल्लू ने कहा। केंद्रीय मंत्री राजनाथ सिंह आए।")
    found = people(mentions)
    assert found["Atul Dullu"] == ("Financial Commissioner", None)
    assert found["Rajnath Singh"][0] == "Defence Minister"  # not the bare "Minister"


@pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="corpus not available")
def test_gold_participants_are_found() -> None:
    """Nearly every named participant of the annotated articles is recognised as a person."""
    seen = missed = 0
    for line in (CORPUS / "gold" / "meetings.dev.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        path = CORPUS / "articles" / f"{record['article']}.txt"
        if not path.exists():
            continue
        texts = {
            m.text
            for m in run(path.read_text("utf-8").split("\n", 2)[2])
            if m.entity.type == "person"
        }
        for meeting in record["meetings"]:
            for person in meeting["participants"]:
                if person.get("name_hi"):
                    seen += 1
                    missed += hindi.normalise(person["name_hi"]) not in texts
    assert seen > 20 and missed / seen < 0.1


@pytest.mark.skipif(not (CORPUS / "articles").is_dir(), reason="corpus not available")
def test_real_articles() -> None:
    gaz = gazetteer.load()
    for number in ["0065", "0131"]:
        path = CORPUS / "articles" / f"{number}.txt"
        if not path.exists():
            continue
        mentions = run(path.read_text("utf-8"), gaz)
        assert "person/rajnath-singh" in {m.entity.id for m in mentions}


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from([*"रक्षा मंत्री श्री सिंह के,।. बीजनरल", "\u093c", "0"])))
def test_never_fails_and_spans_are_sorted(text: str) -> None:
    sentences = hindi.sentences(hindi.normalise(text))
    mentions = recognise(sentences, gazetteer.load())
    assert list(mentions) == sorted(mentions, key=lambda m: (m.sentence, m.start, m.end))
    for m in mentions:
        assert sentences[m.sentence].text[m.start : m.end] == m.text


@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    recognise(hindi.sentences(hindi.normalise(text)), gazetteer.load())
