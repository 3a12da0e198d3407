"""Meetings: who met whom, when, where, about what."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import hindi, meetings, topics
from generator.model import Bilingual, Entity, Meeting, Mention, Sentence

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a597c6abab3d7542.txt"
DAY = dt.date(2023, 4, 28)  # a Friday


def _entity(id: str, hi: str, en: str, country: str | None = None, role: str = "") -> Entity:
    roles = {"रक्षा मंत्री": "Defence Minister", "प्रधानमंत्री": "Prime Minister"}
    return Entity(
        id, id.split("/")[0], Bilingual(hi, en), country, Bilingual(role or None, roles.get(role))
    )


ENTITIES = [
    _entity("country/india", "भारत", "India"),
    _entity("country/russia", "रूस", "Russia"),
    _entity("country/russia", "रूसी", "Russia"),
    _entity("country/japan", "जापान", "Japan"),
    _entity("country/france", "फ्रांस", "France"),
    _entity("country/iran", "ईरान", "Iran"),
    _entity("country/australia", "ऑस्ट्रेलिया", "Australia"),
    _entity("organisation/saarc", "सार्क", "SAARC"),
    _entity("organisation/bjp", "भाजपा", "BJP", "country/india"),
    _entity("country/peru", "पेरू", "Peru"),
    _entity("country/fiji", "फिजी", "Fiji"),
    _entity("country/kazakhstan", "कजाकिस्तान", "Kazakhstan"),
    _entity("country/kyrgyzstan", "किर्गिस्तान", "Kyrgyzstan"),
    _entity("country/belarus", "बेलारूस", "Belarus"),
    _entity("role/defence-minister", "रक्षा मंत्रियों", "Defence Minister"),
    _entity("person/viktor-khrenin", "विक्टर ख्रेनिन", "Viktor Khrenin", "country/belarus"),
    _entity(
        "person/ruslan-zhaksylykov", "रुस्लान झाक्सिलिकोव", "Ruslan Zhaksylykov", "country/kyrgyzstan"
    ),
    _entity("role/defence-minister", "रक्षा मंत्री", "Defence Minister"),
    _entity("role/prime-minister", "प्रधानमंत्री", "Prime Minister"),
    _entity("role/home-minister", "गृह मंत्री", "Home Minister"),
    _entity("person/rajnath-singh", "राजनाथ सिंह", "Rajnath Singh", "country/india", "रक्षा मंत्री"),
    _entity("person/sergei-shoigu", "सर्गेई शोइगु", "Sergei Shoigu", "country/russia", "रक्षा मंत्री"),
    _entity("person/taro-kono", "तारो कोनो", "Taro Kono", "country/japan", "रक्षा मंत्री"),
    _entity("person/amit-shah", "अमित शाह", "Amit Shah", "country/india"),
    _entity("place/moscow", "मास्को", "Moscow", "country/russia"),
    _entity("place/new-delhi", "नई दिल्ली", "New Delhi", "country/india"),
]


class Names:
    """A stand-in gazetteer: exact Hindi names only."""

    def __init__(self) -> None:
        self.by_hi = {e.name.hi: e for e in ENTITIES if e.name.hi}
        self.by_id = {e.id: e for e in reversed(ENTITIES)}

    def entity(self, id: str) -> Entity | None:
        return self.by_id.get(id)

    def lookup(self, hindi_name: str) -> Entity | None:
        return self.by_hi.get(hindi_name)


NAMES = Names()


def recognise(sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    """Every known name in the sentences, longest first, without overlaps."""
    found: list[Mention] = []
    names = sorted(NAMES.by_hi, key=len, reverse=True)
    for s in sentences:
        taken: list[tuple[int, int]] = []
        for name in names:
            start = s.text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    found.append(Mention(s.index, start, end, name, NAMES.by_hi[name]))
                start = s.text.find(name, end)
    return tuple(sorted(found, key=lambda m: (m.sentence, m.start)))


def run(text: str, published: dt.date | None = DAY, slug: str = "a") -> tuple[Meeting, ...]:
    sentences = hindi.sentences(hindi.normalise(text))
    return meetings.extract(slug, published, sentences, recognise(sentences), NAMES)


def people(m: Meeting) -> set[str]:
    return {p.entity_id or f"{p.country_id}#{p.role.en}" for p in m.participants}


def test_met_with_is_a_meeting_in_either_direction() -> None:
    one = run("रक्षा मंत्री राजनाथ सिंह ने रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।")
    other = run("सर्गेई शोइगु ने राजनाथ सिंह से मुलाकात की।")
    assert len(one) == len(other) == 1
    assert people(one[0]) == people(other[0]) == {"person/rajnath-singh", "person/sergei-shoigu"}
    assert (one[0].kind, one[0].future, one[0].date, one[0].date_basis) == (
        "meeting",
        False,
        DAY,
        "publication",
    )
    assert one[0].sentences == (0,) and one[0].evidence == (one[0].evidence[0],)


def test_phone_call_and_place_and_weekday() -> None:
    (call,) = run("राजनाथ सिंह ने बुधवार को जापान के रक्षा मंत्री तारो कोनो के साथ टेलीफोन पर बातचीत की।")
    assert call.kind == "call" and call.place is None
    assert (call.date, call.date_basis) == (dt.date(2023, 4, 26), "weekday")
    (met,) = run("राजनाथ सिंह ने आज मास्को में सर्गेई शोइगु से भेंट की।")
    assert met.place == Bilingual("मास्को", "Moscow") and met.date_basis == "today"


def test_dateline_and_national_capital_give_the_place() -> None:
    (m,) = run("नई दिल्ली। राजनाथ सिंह ने राष्ट्रीय राजधानी में सर्गेई शोइगु से मुलाकात की।")
    assert m.place is not None and m.place.en == "New Delhi"


def test_future_meeting_is_kept_and_marked() -> None:
    (m,) = run("राजनाथ सिंह कल मास्को में सर्गेई शोइगु से मिलेंगे।")
    assert m.future and (m.date, m.date_basis) == (dt.date(2023, 4, 29), "tomorrow")


def test_two_meetings_in_one_sentence() -> None:
    found = run("राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की और तारो कोनो के साथ फोन पर बातचीत की।")
    assert [(m.kind, people(m)) for m in found] == [
        ("meeting", {"person/rajnath-singh", "person/sergei-shoigu"}),
        ("call", {"person/rajnath-singh", "person/taro-kono"}),
    ]


def test_office_only_participant_is_kept_by_office() -> None:
    (m,) = run("राजनाथ सिंह ने फ्रांस के रक्षा मंत्री से मुलाकात की।")
    office = next(p for p in m.participants if p.entity_id is None)
    assert office.name is None
    assert (office.role.en, office.country.en) == ("Defence Minister", "France")


def test_pronoun_subject_is_the_previous_actor() -> None:
    found = run("राजनाथ सिंह आज मास्को पहुंचे। उन्होंने सर्गेई शोइगु से मुलाकात की।")
    assert [people(m) for m in found] == [{"person/rajnath-singh", "person/sergei-shoigu"}]


@pytest.mark.parametrize(
    "text",
    [
        "राजनाथ सिंह ने गृह मंत्री अमित शाह से मुलाकात की।",  # domestic
        "राजनाथ सिंह ने संवाददाताओं से बातचीत की।",  # the press
        "राजनाथ सिंह ने सर्गेई शोइगु को पत्र लिखा।",  # a letter
        "राजनाथ सिंह ने रूस और जापान की नीतियों पर भाषण दिया।",  # a speech
        "बाजार में आज सब्जियों के दाम बढ़े।",  # off-topic
        "जापान के तट पर 11 शव मिले।",  # मिले: found, not met
        "भारत ने जापान के फैसले का स्वागत किया।",  # welcoming a decision
        "राजनाथ सिंह ने रूस से संबंधित मामलों पर चर्चा के लिए अमित शाह के साथ बैठक की।",  # a topic
        "एक पर्यटक दल जापान की यात्रा पर रवाना हुआ।",  # no one to visit on behalf of
    ],
)
def test_not_meetings(text: str) -> None:
    assert run(text) == ()


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("राजनाथ सिंह और सर्गेई शोइगु के बीच नई दिल्ली में बातचीत हुई।", "talks", "New Delhi"),
        ("राजनाथ सिंह की सर्गेई शोइगु के साथ बैठक हुई।", "meeting", None),
        ("राजनाथ सिंह और तारो कोनो ने आज वर्चुअल शिखर बैठक की।", "summit", None),
        ("राजनाथ सिंह ने आज नई दिल्ली में सर्गेई शोइगु का स्वागत किया।", "visit", "New Delhi"),
        ("राजनाथ सिंह ने वीडियो कॉन्फ्रेंस के जरिए तारो कोनो से बातचीत की।", "call", None),
        ("राजनाथ सिंह ने तारो कोनो के साथ द्विपक्षीय वार्ता की।", "talks", None),
        ("राजनाथ सिंह ने तारो कोनो को फोन किया।", "call", None),
        ("राजनाथ सिंह ने फोन पर तारो कोनो को नववर्ष की बधाई दी।", "call", None),
        ("राजनाथ सिंह ने वीडियो कॉन्फ्रेंस के माध्यम से तारो कोनो के साथ बैठक की।", "call", None),
    ],
)
def test_kinds_and_places(text: str, kind: str, place: str | None) -> None:
    (m,) = run(text)
    assert m.kind == kind and (m.place.en if m.place else None) == place
    assert len(m.participants) == 2


def test_a_body_of_leaders_and_a_hosted_summit() -> None:
    (m,) = run("राजनाथ सिंह ने सार्क देशों के नेताओं के साथ वीडियो कॉन्फ्रेंस के जरिए बातचीत की।")
    assert m.kind == "call" and [p.country.en for p in m.participants] == ["India", "SAARC"]
    (m,) = run("राजनाथ सिंह और ऑस्ट्रेलिया के रक्षा मंत्री ने आज पहले वर्चुअल शिखर सम्मेलन की सह-अध्यक्षता की।")
    assert m.kind == "summit" and {p.country.en for p in m.participants} == {"India", "Australia"}
    (m,) = run("राजनाथ सिंह ने तारो कोनो के साथ क्षेत्रीय सुरक्षा पर चर्चा की।")
    assert m.kind == "talks" and "regional peace and security" in m.topics


def test_a_visit_abroad_has_its_destination_as_the_other_side() -> None:
    (m,) = run("राजनाथ सिंह आज जापान की यात्रा पर रवाना हुए।")
    assert m.kind == "visit" and [p.country.en for p in m.participants] == ["India", "Japan"]


def test_arrivals_visit_the_place_named_and_need_a_traveller() -> None:
    (m,) = run("राजनाथ सिंह 28 अप्रैल को मास्को जाएंगे।")
    assert (m.kind, m.future, m.date) == ("visit", True, DAY)
    assert [p.country.en for p in m.participants] == ["India", "Russia"]
    assert run("राजनाथ सिंह आज नई दिल्ली पहुंचे।") == ()  # at home: no visit
    assert run("नौ विमान अगले महीने फ्रांस से भारत पहुंचेंगे।") == ()  # goods


def test_a_visitor_arriving_has_the_home_country_as_host() -> None:
    (m,) = run("सर्गेई शोइगु भारत के तीन दिन के दौरे पर आज नई दिल्ली पहुंचे।")
    assert m.kind == "visit" and m.place is not None and m.place.en == "New Delhi"
    assert [p.country.en for p in m.participants] == ["Russia", "India"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("तारो कोनो ने आज मास्को की यात्रा की और सर्गेई शोइगु से मुलाकात की।", "Moscow"),
        ("तारो कोनो ने जापान यात्रा के लिए सर्गेई शोइगु को मास्को आने का निमंत्रण दिया।", "Moscow"),
        ("सर्गेई शोइगु ने राजनाथ सिंह की रूस यात्रा के दौरान उनसे मुलाकात की।", "Russia"),
        ("जापान के प्रधानमंत्री की भारत यात्रा के दौरान समझौता हुआ।", "India"),
        ("राजनाथ सिंह ने जापान में शिखर सम्मेलन में भाग लिया।", "Japan"),
    ],
)
def test_places_visited_and_countries_hosting(text: str, place: str | None) -> None:
    (m,) = run(text)
    assert (m.place.en if m.place else None) == place


def test_an_unknown_place_in_a_named_country_is_romanised() -> None:
    (m,) = run("राजनाथ सिंह ने रूस के कज़ान में सर्गेई शोइगु से मुलाकात की।")
    assert m.place is not None and m.place.hi == "कज़ान" and m.place.en
    assert m.place.en.isascii() and meetings.to_record(m)["place"] == {
        "en": m.place.en,
        "hi": "कज़ान",
        "romanised": True,
    }
    (known,) = run("राजनाथ सिंह ने रूस के मास्को में सर्गेई शोइगु से मुलाकात की।")
    assert known.place == Bilingual("मास्को", "Moscow")
    assert "romanised" not in (meetings.to_record(known)["place"] or {})
    (common,) = run("राजनाथ सिंह ने रूस के दौरे में सर्गेई शोइगु से मुलाकात की।")
    assert common.place is None  # a common word (दौरे) is no place name
    (regarding,) = run("राजनाथ सिंह ने रूस के संबंध में सर्गेई शोइगु से मुलाकात की।")
    assert regarding.place is None
    (dated,) = run("कज़ान: राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की।")
    assert isinstance(dated.place, meetings.RomanisedPlace) and dated.place.hi == "कज़ान"
    (lined,) = run("कज़ान।\n\nराजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की।")
    assert lined.place == dated.place
    (said,) = run("राजनाथ सिंह ने कहा, सर्गेई शोइगु से मुलाकात की।")
    assert said.place is None  # an opening clause is no dateline


def test_the_lead_sets_the_scene_and_a_visitor_stays_where_he_arrived() -> None:
    lead = "तारो कोनो ने आज मास्को में पत्रकारों से बात की। राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की।"
    assert [m.place.en if m.place else None for m in run(lead)] == ["Moscow"]
    no_day = "तारो कोनो ने मास्को में पत्रकारों से बात की। राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की।"
    assert [m.place for m in run(no_day)] == [None]  # a place without "today" is no setting
    visit = "सर्गेई शोइगु आज नई दिल्ली पहुंचे। उन्होंने राजनाथ सिंह से मुलाकात की। वे कल अमित शाह से मिलेंगे।"
    assert [m.place.en if m.place else None for m in run(visit)] == ["New Delhi", "New Delhi"]


def test_a_foreign_envoy_summoned_is_summoned_to_the_capital() -> None:
    (m,) = run("भारत ने आज सर्गेई शोइगु को तलब किया।")
    assert m.place is not None and m.place.en == "New Delhi"


def test_a_short_name_of_an_event_takes_its_full_english_name() -> None:
    found = run(
        "राजनाथ सिंह ने रूस के रक्षा मंत्रियों की बैठक से इतर सर्गेई शोइगु से मुलाकात की।"
        " रूस बैठक के समापन पर उन्होंने तारो कोनो से भेंट की।"
    )
    assert [m.occasion.en if m.occasion else None for m in found] == [
        "on the sidelines of the Russia Defence Ministers' Meeting",
        "at the conclusion of the Russia Defence Ministers' Meeting",
    ]
    assert found[1].occasion is not None and found[1].occasion.hi == "रूस बैठक के समापन पर"
    (unknown,) = run("राजनाथ सिंह ने रूस के कलाकारों की बैठक से इतर सर्गेई शोइगु से मुलाकात की।")
    assert unknown.occasion is not None and unknown.occasion.en is None  # an unknown word


def test_the_gathering_attended_is_the_occasion_and_ordinals_lead() -> None:
    (m,) = run("राजनाथ सिंह ने रूस में सार्क रक्षा मंत्रियों की 43वीं बैठक में भाग लिया।")
    assert m.kind == "multilateral" and m.occasion is not None
    assert m.occasion.en == "43rd SAARC Defence Ministers' Meeting"
    (vague,) = run("राजनाथ सिंह ने रूस में एक सार्क बैठक में भाग लिया।")
    assert vague.occasion is None


def test_a_national_party_is_its_countrys_side() -> None:
    assert run("भाजपा के रक्षा मंत्री और गृह मंत्री अमित शाह सम्मेलन में हिस्सा लेंगे।") == ()
    (abroad,) = run("सार्क के रक्षा मंत्री और गृह मंत्री अमित शाह सम्मेलन में हिस्सा लेंगे।")
    assert {p.country.en for p in abroad.participants} == {"SAARC", "India"}


def test_an_international_bodys_members_meeting_among_themselves_is_multilateral() -> None:
    (m,) = run("सार्क के रक्षा मंत्री आज मास्को में मिलेंगे।")
    assert (m.kind, m.future, [p.country.en for p in m.participants]) == (
        "multilateral",
        True,
        ["SAARC"],
    )
    assert m.place is not None and m.place.en == "Moscow"
    assert run("भाजपा के रक्षा मंत्री आज मास्को में मिलेंगे।") == ()  # a national party
    assert run("रूस के रक्षा मंत्री आज मास्को में मिलेंगे।") == ()  # one government


def test_a_chief_guest_is_a_visit_apart_from_a_call_the_same_day() -> None:
    found = run(
        "राजनाथ सिंह ने आज सर्गेई शोइगु से टेलीफोन पर बातचीत की।"
        " उन्होंने गणतंत्र दिवस समारोह में मुख्य अतिथि के तौर पर सर्गेई शोइगु की भागीदारी का आभार"
        " व्यक्त किया।"
    )
    assert [(m.kind, m.date) for m in found] == [("call", DAY), ("visit", dt.date(2023, 1, 26))]
    assert people(found[1]) == {"person/rajnath-singh", "person/sergei-shoigu"}


def test_a_visit_is_the_occasion_of_the_meetings_on_it() -> None:
    found = run(
        "सर्गेई शोइगु तीन दिन की यात्रा पर आज नई दिल्ली पहुंचे। उन्होंने राजनाथ सिंह से मुलाकात की।"
        " वे अमित शाह से भी मिलेंगे।"
    )
    assert [m.occasion.en if m.occasion else None for m in found] == ["on a three-day visit"] * 2
    (m,) = run("तारो कोनो की भारत यात्रा के दौरान राजनाथ सिंह ने उनसे मुलाकात की।")
    assert m.occasion == Bilingual("भारत यात्रा के दौरान", "during the visit to India")


def test_the_place_nearest_the_verb_is_where_it_happened() -> None:
    (m,) = run("राजनाथ सिंह ने नई दिल्ली में बैठक के बाद आज मास्को में सर्गेई शोइगु से मुलाकात की।")
    assert m.place == Bilingual("मास्को", "Moscow")


def test_envoys_read_as_a_role_are_one_body() -> None:
    text = "15 विदेशी राजनयिकों का एक शिष्टमंडल आज मास्को की यात्रा पर है।"
    sentences = hindi.sentences(text)
    role = Entity("role/diplomat", "role", Bilingual("राजनयिक", "Diplomat"))
    at = text.find("राजनयिकों")
    mentions = [Mention(0, at, at + len("राजनयिकों"), "राजनयिकों", role), *recognise(sentences)]
    (m,) = meetings.extract("e", DAY, sentences, sorted(mentions, key=lambda m: m.start), NAMES)
    assert [(p.role.en, p.country.en) for p in m.participants] == [
        ("Diplomat", None),
        (None, "Russia"),
    ]


def test_ministers_of_a_bodys_member_states_hold_office_for_the_body() -> None:
    (m,) = run("सार्क में सदस्य देशों के रक्षा मंत्री और रूस के रक्षा मंत्री आज आपात बैठक कर रहे हैं।")
    assert [(p.role.en, p.country.en) for p in m.participants] == [
        ("Defence Minister", "SAARC"),
        ("Defence Minister", "Russia"),
    ]


def test_each_clause_keeps_its_own_date() -> None:
    past, future = run("राजनाथ सिंह आज मास्को में सर्गेई शोइगु से मिले और वे कल तारो कोनो से मिलेंगे।")
    assert (past.date, past.date_basis, past.future) == (DAY, "today", False)
    assert (future.date, future.date_basis, future.future) == (
        DAY + dt.timedelta(days=1),
        "tomorrow",
        True,
    )
    assert people(future) == {"person/rajnath-singh", "person/taro-kono"}


def test_a_speech_before_a_meeting_does_not_hide_it() -> None:
    (m,) = run("राजनाथ सिंह ने सम्मेलन को संबोधित किया और बाद में मास्को में सर्गेई शोइगु से मुलाकात की।")
    assert people(m) == {"person/rajnath-singh", "person/sergei-shoigu"}


def test_weekday_that_contradicts_the_date_gives_a_note() -> None:
    (m,) = run("राजनाथ सिंह ने गुरुवार, 28 अप्रैल 2023 को सर्गेई शोइगु से मुलाकात की।")
    assert m.date == DAY and m.date_basis == "explicit"
    assert any(n.en and "Thursday" in n.en for n in m.notes)


def test_ids_are_stable_and_dated() -> None:
    text = "राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की। तारो कोनो ने कल राजनाथ सिंह से बात की।"
    first, again = run(text, slug="x"), run(text, slug="x")
    assert first == again
    assert [m.id for m in first] == ["2023-04-28-x-1", "2023-04-27-x-2"]
    undated = run("राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की।", published=None, slug="y")
    assert [m.id for m in undated] == ["undated-y-1"]


def test_merge_joins_reports_of_one_meeting_within_a_day() -> None:
    (a,) = run("राजनाथ सिंह ने सर्गेई शोइगु से मुलाकात की।", slug="a")
    (b,) = run("सर्गेई शोइगु ने राजनाथ सिंह से मुलाकात की।", slug="b")
    b = dataclasses.replace(b, participants=a.participants[::-1], date=DAY + dt.timedelta(days=1))
    far = dataclasses.replace(b, id="z", articles=("c",), date=DAY + dt.timedelta(days=5))
    merged = meetings.merge([far, b, a])
    assert [m.articles for m in merged] == [("a", "b"), ("c",)]
    assert merged[0].id == a.id and merged == meetings.merge(reversed(merged))


def test_merge_matches_an_office_with_the_person_holding_it() -> None:
    (named,) = run("राजनाथ सिंह ने रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।", slug="a")
    (office,) = run("राजनाथ सिंह ने रूस के रक्षा मंत्री से मुलाकात की।", slug="b")
    (other,) = run("राजनाथ सिंह ने जापान के रक्षा मंत्री से मुलाकात की।", slug="c")
    merged = meetings.merge([office, other, named])
    assert sorted(m.articles for m in merged) == [("a", "b"), ("c",)]
    future = dataclasses.replace(office, future=True)
    assert len(meetings.merge([named, future])) == 2


def test_record_has_the_documented_fields_and_is_json() -> None:
    (m,) = run("नई दिल्ली। राजनाथ सिंह ने फ्रांस के रक्षा मंत्री से मुलाकात की।")
    record = meetings.to_record(m)
    assert list(record) == [
        "id", "date", "date_basis", "kind", "future", "place", "occasion", "topics",
        "participants", "articles", "evidence", "notes",
    ]  # fmt: skip
    assert record["date"] == "2023-04-28" and record["place"] == {
        "en": "New Delhi",
        "hi": "नई दिल्ली",
    }
    office = record["participants"][1]  # type: ignore[index]
    assert office["name"] is None and office["country"] == {"en": "France", "hi": "फ्रांस"}
    json.dumps(record, ensure_ascii=False)


def test_a_list_of_offices_takes_the_people_named_next_and_notes_a_mismatch() -> None:
    found = run(
        "राजनाथ सिंह ने बेलारूस और कजाकिस्तान के रक्षा मंत्रियों के साथ द्विपक्षीय वार्ता की। उन्होंने"
        " बेलारूस के रक्षा मंत्री विक्टर ख्रेनिन और किर्गिस्तान के रक्षा मंत्री रुस्लान झाक्सिलिकोव के"
        " साथ बैठकें कीं।"
    )
    assert [people(m) - {"person/rajnath-singh"} for m in found] == [
        {"person/viktor-khrenin"},
        {"person/ruslan-zhaksylykov"},
    ]
    assert all(m.kind == "talks" and m.sentences == (0, 1) for m in found)
    assert not found[0].notes
    (note,) = found[1].notes
    assert note.en and "कजाकिस्तान" in note.en and "Kyrgyzstan" in note.en
    assert note.hi and "किर्गिस्तान" in note.hi


def test_reported_speech_and_possessors() -> None:
    (m,) = run("कल एक बयान में सर्गेई शोइगु ने कहा कि उन्होंने आज ईरान की स्थिति पर राजनाथ सिंह से बात की।")
    assert people(m) == {"person/sergei-shoigu", "person/rajnath-singh"}
    assert (m.date, m.date_basis) == (DAY, "today")
    (m,) = run("राजनाथ सिंह ने सर्गेई शोइगु से ईरान की स्थिति पर बातचीत की।")
    assert "country/iran#None" not in people(m) and len(m.participants) == 2


def test_envoys_named_as_a_body_then_by_country() -> None:
    text = (
        "15 विदेशी राजनयिकों का एक शिष्टमंडल आज कश्मीर की यात्रा पर है। "
        "शिष्टमंडल में पेरू और फिजी के राजनयिक शामिल हैं।"
    )
    (visit,) = run(text)
    assert visit.kind == "visit" and visit.sentences == (0, 1)
    assert [p.country.en for p in visit.participants] == ["Peru", "Fiji", "India"]


def test_everything_a_body_of_envoys_did_is_one_meeting() -> None:
    (m,) = run(
        "विदेशी राजनयिकों के दल ने आज राजनाथ सिंह से मुलाकात की। "
        "गृह मंत्री अमित शाह ने राजनयिकों को सुरक्षा की स्थिति की जानकारी दी।"
    )
    assert people(m) == {"None#diplomats", "person/rajnath-singh", "person/amit-shah"}
    assert m.sentences == (0, 1)
    assert run("गृह मंत्री अमित शाह ने राजनाथ सिंह को सुरक्षा की स्थिति की जानकारी दी।") == ()


def test_a_visit_is_part_of_the_visitors_meeting() -> None:
    (m,) = run("सर्गेई शोइगु दो दिन की यात्रा पर आज नई दिल्ली पहुंचे। उन्होंने राजनाथ सिंह से मुलाकात की।")
    assert people(m) == {"person/sergei-shoigu", "person/rajnath-singh"}
    assert m.sentences == (0, 1) and m.kind == "meeting"


def test_topics_match_whole_words_with_inflections() -> None:
    vocabulary = topics.parse("- label: ties\n  cues: [संबंध]\n- label: oil\n  cues: [तेल]\n")
    assert topics.find(["द्विपक्षीय संबंधों पर चर्चा"], vocabulary) == ("ties",)
    assert topics.find(["तेलंगाना में"], vocabulary) == ()
    assert "regional peace and security" in topics.find(["क्षेत्रीय शांति और सुरक्षा पर चर्चा"])


@given(st.lists(st.text(), max_size=3))
def test_topics_never_raise_and_come_from_the_vocabulary(texts: list[str]) -> None:
    labels = {t.label for t in topics.vocabulary()}
    assert set(topics.find(texts)) <= labels


@settings(max_examples=150, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_extraction_never_raises_on_arbitrary_text(text: str, published: dt.date | None) -> None:
    assert isinstance(run(text, published), tuple)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["राजनाथ सिंह", "ने", "से", "मुलाकात की", "रूसी", "रक्षा मंत्री", "और", ",", "।", "(",
             "फोन पर बात की", "के साथ", "उन्होंने", "मिलेंगे", "से इतर", "बैठक", "आज", "कल", "तारो कोनो"]
        ),
        max_size=30,
    ),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20), st.sampled_from(ENTITIES)), max_size=6),
)  # fmt: skip
def test_extraction_never_raises_on_odd_mentions(
    words: list[str], spans: list[tuple[int, int, Entity]]
) -> None:
    """Overlapping, out-of-range or misplaced mentions never break extraction."""
    sentences = hindi.sentences(" ".join(words))
    mentions = tuple(
        Mention(s.index, start, start + length, s.text[start : start + length], entity)
        for s in sentences
        for start, length, entity in spans
    )
    found = meetings.extract("h", DAY, sentences, mentions, NAMES)
    assert all(len(m.participants) >= 1 and m.evidence for m in found)


_NEWS_WORDS = (
    "राजनाथ सिंह ने रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की । , और के साथ फोन पर बात उज्बेकिस्तान"
    " बेलारूस रक्षा मंत्रियों द्विपक्षीय वार्ता भी उन्होंने राजनयिकों शिष्टमंडल में शामिल हैं कल आज"
    " मिलेंगे ( ) से इतर बैठक शुक्रवार को"
).split()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NEWS_WORDS), st.text(max_size=4)), max_size=40))
def test_news_like_word_salad_through_the_real_names_stage(words: list[str]) -> None:
    """Shuffled news words, read by the real gazetteer and recogniser, give well-formed records."""
    from generator import entities, gazetteer

    gaz = gazetteer.load()
    sentences = hindi.sentences(hindi.normalise(" ".join(words)))
    for m in meetings.extract("w", DAY, sentences, entities.recognise(sentences, gaz), gaz):
        record = meetings.to_record(m)
        assert record["evidence"] and len(m.participants) >= 1
        assert all(i in {s.index for s in sentences} for i in m.sentences)


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not in this checkout")
def test_seed_gives_its_five_meetings() -> None:
    from generator import entities, gazetteer

    gaz = gazetteer.load()
    sentences = hindi.sentences(hindi.normalise(SEED.read_text("utf-8")))
    found = meetings.extract("seed", DAY, sentences, entities.recognise(sentences, gaz), gaz)
    assert len(found) == 5
    assert {m.date for m in found} == {DAY}
    assert {m.place.en if m.place else None for m in found} == {"New Delhi"}
    counterparts = [
        (p.name.en if p.name else None, p.country.en)
        for m in found
        for p in m.participants
        if p.entity_id != "person/rajnath-singh"
    ]
    assert [c for _, c in counterparts] == ["Russia", "SCO", "Uzbekistan", "Belarus", "Kyrgyzstan"]
    kyrgyz = found[4]
    assert any(n.en and "कजाकिस्तान" in n.en and "Kyrgyzstan" in n.en for n in kyrgyz.notes)
    assert all(not m.notes for m in found[:4])
    assert found[0].occasion is not None and found[0].occasion.en is not None
    assert "sidelines" in found[0].occasion.en and "regional peace and security" in found[0].topics
