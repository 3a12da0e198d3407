"""Regular-expression pieces the meeting rules share: nukta-tolerant compiling, verb endings, reported speech."""

from __future__ import annotations

import re


def tolerant(pattern: str) -> str:
    """``pattern`` with an optional nukta after every Devanagari consonant."""
    return re.sub("([\u0915-\u0939])", "\\1\u093c?", pattern)


def compile_tolerant(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to match with or without nuktas."""
    return re.compile(tolerant(pattern))


FROM = r"से(?!\s+(?:संबंधित|संबंधी|जुड़े|जुड़ी|जुड़ा|जुडे|जुडी|लौटे|आए|आने|प्राप्त))"  # not "related to"


PARTICLE = r"(?:\s*(?:भी|आज|फिर)\s*)?"  # a particle between noun and verb


DO = r"(?:की|कीं|किया|किए|किये|हुई|हुईं|हुआ|होगी|होगा|होंगी|होंगे|करेंगे|करेंगी|करेगा|करेगी|कर\s*रहे|कर\s*रही|करने)"


NOT_PASSIVE = r"(?!\s*(?:गया|गई|गयी|गए|गये|जाएगा|जाएगी|जाएंगे))"


MEDIUM = r"(?:टेलीफोन|टेलिफोन|फोन|दूरभाष|वीडियो\s*(?:कॉन्फ्रेंस|कांफ्रेंस|कॉन्फ्रेंसिंग|कॉल)|वर्चुअल)"


SPEECH = r"(?:बातचीत|बात|वार्ता|वार्तालाप|चर्चा)"


OBJECT = compile_tolerant(r"\s*(?:से|के\s*साथ|को)(?=\s)")


REPORTED = compile_tolerant(r"(?:कहा|बताया)(?:\s+है)?(?:\s+कि\s|\s*[,:]\s*)")


def reported_part(text: str) -> str:
    """What a sentence reports after ``... ने कहा कि``: the time words there are the event's."""
    ends = [m.end() for m in REPORTED.finditer(text)]
    return text[ends[-1] :] if ends else text
