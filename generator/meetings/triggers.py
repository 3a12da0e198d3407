"""Trigger phrases: the words that report a meeting, call, visit, summit or gathering, with their kind."""

from __future__ import annotations

import re

from generator.meetings.patterns import (
    DO,
    FROM,
    MEDIUM,
    NOT_PASSIVE,
    PARTICLE,
    SPEECH,
    compile_tolerant,
)

# Triggers in priority order: (pattern, kind, gate). Matches never overlap. A gate lists
# the words a trigger cannot match without, as "a|b" for "a or b": each entry is a piece of
# the pattern's own literal text, so a plain substring test (on the text without nuktas,
# which the pattern tolerates) rules the trigger out before its pattern is searched.
_TRIGGERS: tuple[tuple[re.Pattern[str], str, tuple[frozenset[str], ...]], ...] = tuple(
    (compile_tolerant(p), kind, tuple(frozenset(words.split("|")) for words in gate))
    for p, kind, gate in (
        (
            rf"{MEDIUM}\s*(?:के\s*(?:जरिए|जरिये|माध्यम\s*से)|पर)\s*(?:\S+\s+){{0,2}}?{SPEECH}(?:\s*{DO})?",
            "call",
            ("फोन|दूरभाष|वीडियो|वर्चुअल",),
        ),
        (
            rf"{MEDIUM}\s*(?:के\s*(?:जरिए|जरिये|माध्यम\s*से)|पर)\s*(?:\S+\s+){{0,6}}?"
            r"(?:बधाई|शुभकामनाएं|शुभकामनाएँ|धन्यवाद|संवेदना)\S*\s*(?:दी|दीं|व्यक्त\s*की)",
            "call",
            ("फोन|दूरभाष|वीडियो|वर्चुअल",),
        ),
        (r"(?:फोन|टेलीफोन)\s*(?:भी\s*)?(?:किया|करके|कर\s*के)", "call", ("फोन",)),
        (
            r"शिखर\s*(?:सम्मेलन|बैठक|वार्ता)\S*\s*(?:\S+\s+){0,2}?(?:में\s*)?(?:भाग|हिस्सा)\s*(?:लिया|लेंगे|लेंगी|लेगा)",
            "summit",
            ("शिखर",),
        ),
        (rf"शिखर\s*(?:सम्मेलन|बैठक|वार्ता)\S*{PARTICLE}\s*{DO}{NOT_PASSIVE}", "summit", ("शिखर",)),
        (
            r"शिखर\s*(?:सम्मेलन|बैठक)\S*\s*(?:का|की)\s*(?:आयोजन|सह-अध्यक्षता|अध्यक्षता)\s*(?:किया|की|करेंगे)",
            "summit",
            ("शिखर",),
        ),
        (
            r"(?:सम्मेलन|बैठक)\S*\s*में\s*(?:भाग|हिस्सा)\s*(?:लिया|लेंगे|लेंगी|लेगा|ले\s*रहे)",
            "multilateral",
            ("सम्मेलन|बैठक", "भाग|हिस्सा"),
        ),
        (rf"(?:आपात|आपातकालीन)?\s*बैठक\S*{PARTICLE}\s*कर\s*रहे", "multilateral", ("बैठक", "रहे")),
        (
            rf"(?:द्विपक्षीय|त्रिपक्षीय|प्रतिनिधिमंडल\s*स्तर\S*)\s*(?:वार्ता|बातचीत)\S*{PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "talks",
            ("पक्षीय|प्रतिनिधिमंडल", "वार्ता|बातचीत"),
        ),
        (
            rf"(?:द्विपक्षीय|त्रिपक्षीय)\s*बैठक\S*{PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "meeting",
            ("पक्षीय", "बैठक"),
        ),
        (rf"(?:मुलाकात|मुलाक़ात|भेंट|भेंटवार्ता){PARTICLE}\s*{DO}{NOT_PASSIVE}", "meeting", ("मुलाकात|भेंट",)),
        (
            rf"(?:से|के\s*साथ|के\s*बीच)\s+(?:\S+\s+){{0,2}}?बैठक\S*{PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "meeting",
            ("बैठक",),
        ),
        (
            rf"(?:{FROM}|के\s*साथ){PARTICLE}\s*(?:मिले|मिलीं|मिलेंगे|मिलेंगी|मिलेगा|मिलेगी)(?![\u0900-\u0963\u0966-\u097f])",
            "meeting",
            ("मिल",),
        ),
        (r"(?<=\s)(?:मिलेंगे|मिलेंगी)(?=\s*(?:।|$))", "meeting", ("मिलेंग",)),
        (
            rf"(?:वार्ता|वार्तालाप|विचार-विमर्श|विचार\s*विमर्श){PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "talks",
            ("वार्ता|विमर्श",),
        ),
        (
            rf"(?:{FROM}|के\s*साथ)\s+(?:\S+\s+){{0,8}}?(?:बातचीत|बात){PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "call",
            ("बात",),
        ),
        (
            rf"के\s*बीच\s+(?:\S+\s+){{0,8}}?(?:बातचीत|बात){PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "talks",
            ("बीच", "बात"),
        ),
        (
            rf"(?:{FROM}|के\s*साथ)\s+(?:\S+\s+){{0,8}}?(?:चर्चा|विचारों\s*का\s*आदान-प्रदान){PARTICLE}\s*{DO}{NOT_PASSIVE}",
            "talks",
            ("चर्चा|विचारों",),
        ),
        (
            r"(?:वार्ता|बातचीत)\s+(?:\S+\s+)?शुरू\s*(?:होगी|हुई|होने|की|करेंगे)",
            "talks",
            ("वार्ता|बातचीत", "शुरू"),
        ),
        (r"तलब\s*(?:किया|किए|किये|करेंगे)", "meeting", ("तलब",)),
        (
            r"अवगत\s*(?:कराया|कराएंगे)|जानकारी\s*दी(?![\u0900-\u0963\u0966-\u097f])",
            "meeting",
            ("अवगत|जानकारी",),
        ),
        (
            r"आमंत्रित\s*(?:किया|किए|किये|करेंगे)|(?:स्वागत)\s*(?:किया|करेंगे)(?=\s*(?:।|$))",
            "visit",
            ("आमंत्रित|स्वागत",),
        ),
        (r"आगमन\s*(?:की\s*प्रतीक्षा|का\s*इंतजार)", "visit", ("आगमन",)),
        (  # the chief guest of a national celebration
            r"मुख्य\s+अतिथि\s+(?:के\s+(?:तौर|रूप)\s+(?:पर|में)\s+(?:\S+\s+){1,6}?(?:की|का)\s+"
            r"(?:भागीदारी|उपस्थिति|आगमन|यात्रा)|(?:होंगे|होंगी|थे|थीं|रहे|रहीं|बनेंगे|बने))",
            "visit",
            ("अतिथि",),
        ),
        (
            r"(?:की|का)\s+(?:[\u0900-\u0963\u0966-\u097f]+\s+)?(?:राजकीय\s+)?(?:यात्रा|दौरे)\s+के\s+दौरान",
            "visit",
            ("दौरान",),
        ),
        (r"(?:निमंत्रण|न्योता|न्यौता)\s*(?:भी\s*)?(?:दिया|दी)", "visit", ("निमंत्रण|न्योता|न्यौता",)),
        (
            r"(?:यात्रा|दौरे)\s*पर\s*(?:\S+\s+){0,3}?(?:पहुंचे|पहुँचे|पहुंचीं|आए|आएंगे|आएंगी|जाएंगे|जाएंगी|रवाना|हैं|है)",
            "visit",
            ("यात्रा|दौरे",),
        ),
        (
            r"(?:यात्रा|दौरा)\s*(?:भी\s*)?(?:की|करेंगे|करेंगी|करेगा|करेगी|किया)(?![\u0900-\u0963\u0966-\u097f])",
            "visit",
            ("यात्रा|दौरा",),
        ),
        (
            r"(?<=\s)(?:पहुंचे|पहुँचे|पहुंचीं|पहुंचेंगे|पहुंचेंगी|जाएंगे|जाएंगी|रवाना\s*(?:हुए|होंगे|हो\s*गए))"
            r"(?![\u0900-\u0963\u0966-\u097f])",
            "visit",
            ("पहुंच|पहुँच|जाएंग|रवाना",),
        ),
    )
)


_CUES = compile_tolerant(
    r"मुलाकात|भेंट|मिल|वार्ता|बात|बैठक|सम्मेलन|फोन|यात्रा|दौर|तलब|आमंत्रित|निमंत्रण|न्योता|न्यौता|स्वागत|विमर्श|आगमन|अवगत|जानकारी|चर्चा|आदान|बधाई|शुभकामना|धन्यवाद|संवेदना|पहुं|पहुँ|जाएं|रवाना|अतिथि"
)


_GATE_WORDS = sorted({word for _, _, gate in _TRIGGERS for words in gate for word in words})
# For each gate word, the triggers (by position) it opens a gate of.
_OPENS = {
    word: frozenset(i for i, (_, _, gate) in enumerate(_TRIGGERS) if any(word in w for w in gate))
    for word in _GATE_WORDS
}


def find_triggers(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping trigger spans in reading order, with the kind each signals."""
    taken: list[tuple[int, int, str]] = []
    if not _CUES.search(text):
        return taken
    present = set(filter(text.replace("\u093c", "").__contains__, _GATE_WORDS))
    for i in sorted(frozenset().union(*map(_OPENS.__getitem__, present))):  # in priority order
        pattern, kind, gate = _TRIGGERS[i]
        if any(map(present.isdisjoint, gate)):
            continue  # another word the trigger needs is missing
        for m in pattern.finditer(text):
            if not any(m.start() < b and a < m.end() for a, b, _ in taken):
                taken.append((m.start(), m.end(), kind))
    return sorted(taken)
