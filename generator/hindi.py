"""Hindi text: normalisation, paragraphs, sentences, word tokens, stopwords.

Pure functions on strings; every later stage reads text through these so
that all stages agree on what a sentence and a word are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.model import Sentence

# Invisible characters that change nothing a reader sees but break matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_DOUBLE_QUOTES = "\"“”„‟″«»"
_SINGLE_QUOTES = "'‘’‚‛′"
_SPACE = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # and " "
# Runs of spaces that are not already one " " (so that the common single space is left alone).
_SPACES = re.compile(f"[{_SPACE}][ {_SPACE}]*| [ {_SPACE}]+")
_DEVANAGARI = "\u0900-\u097f"
MAX_MARKS = 8  # combining marks on one letter; real text needs two or three


def normalise(text: str) -> str:
    """Canonical form of Hindi news text; idempotent.

    NFC (nukta letters come out decomposed, consistently), zero-width
    characters dropped, at most MAX_MARKS combining marks kept on one letter,
    line ends and spaces unified, ASCII pipes used as
    dandas turned into ``।``/``॥``, and quotes re-paired per line so that a
    closing quote used to open a quotation becomes an opening one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _cap_marks(unicodedata.normalize("NFC", _cap_marks(text)))
    text = _SPACES.sub(" ", _dandas(text))  # no space class holds "\n": lines stay apart
    return "\n".join(_pair_quotes(line.strip()) for line in text.split("\n"))


_TWO_DANDAS = re.compile("[।॥]{2}")


def _is_devanagari(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f"


def _dandas(text: str) -> str:
    """ASCII pipes used as dandas made dandas, and runs of dandas made one ``॥``.

    A pipe after Devanagari becomes ``।`` (spaces before it dropped); a double
    pipe after a space becomes ``॥``; other pipes stay. Two or more dandas in a
    row after Devanagari or a space become ``॥``. One pass, left to right, each
    decision made on the output so far, so a second pass changes nothing.
    """
    if "|" not in text and not _TWO_DANDAS.search(text):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "|":
            j = len(out)
            while j and out[j - 1] != "\n" and out[j - 1].isspace():
                j -= 1
            before = out[j - 1] if j else ""
            if _is_devanagari(before):
                del out[j:]
                ch = "।"
            elif (j < len(out) or before == "\n") and text[i + 1 : i + 2] == "|":
                ch = "॥"
                i += 1
        out.append(ch)
        if ch in "।॥" and len(out) >= 2 and out[-2] in "।॥":
            context = out[-3] if len(out) >= 3 else ""
            if _is_devanagari(context) or context.isspace():
                out[-2:] = ["॥"]
        i += 1
    return "".join(out)


def _cap_marks(text: str) -> str:
    """Drop the combining marks beyond MAX_MARKS in a row.

    Unicode normalisation sorts a run of marks in quadratic time, so a run of
    thousands (hostile or broken input) would stall the build.
    """
    runs = _long_mark_runs(text)
    return runs.sub(_first_marks, text) if runs is not None else text


def excess_mark(text: str) -> int | None:
    """The index of the first combining mark beyond MAX_MARKS in a row, if any."""
    runs = _long_mark_runs(text)
    found = runs.search(text) if runs is not None else None
    return found.start() + MAX_MARKS if found else None


def _first_marks(run: re.Match[str]) -> str:
    return run.group()[:MAX_MARKS]


def _long_mark_runs(text: str) -> re.Pattern[str] | None:
    """A pattern for runs of more than MAX_MARKS combining marks, covering those in ``text``.

    None if ``text`` holds no mark. Text without characters beyond the BMP (all
    news) shares one pattern of every BMP mark; other text gets one of its own.
    """
    if not _ASTRAL.search(text):
        return _bmp_mark_runs()
    marks = frozenset(filter(unicodedata.combining, set(text)))
    return _mark_runs(marks) if marks else None


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _bmp_mark_runs() -> re.Pattern[str]:
    return _runs_of(filter(unicodedata.combining, map(chr, range(0x10000))))


@lru_cache(maxsize=256)
def _mark_runs(marks: frozenset[str]) -> re.Pattern[str]:
    return _runs_of(marks)


def _runs_of(marks: Iterable[str]) -> re.Pattern[str]:
    return re.compile(f"[{''.join(map(re.escape, sorted(marks)))}]{{{MAX_MARKS + 1},}}")


_QUOTE = re.compile(f"[{_DOUBLE_QUOTES}{_SINGLE_QUOTES}]")


def _pair_quotes(line: str) -> str:
    """Alternate opening and closing forms of each quote kind along a line."""
    parts: list[str] = []
    last = 0
    double_open = single_open = False
    for quote in _QUOTE.finditer(line):
        i = quote.start()
        parts.append(line[last:i])
        last = i + 1
        if quote.group() in _DOUBLE_QUOTES:
            parts.append("”" if double_open else "“")
            double_open = not double_open
            continue
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if before.isalnum() and after.isalnum():
            parts.append("’")  # an apostrophe inside a word: don't, Ma'am
        else:
            parts.append("’" if single_open else "‘")
            single_open = not single_open
    if not parts:
        return line
    parts.append(line[last:])
    return "".join(parts)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text and the 1-based line it starts on."""

    text: str
    line: int


def paragraphs(body: str, *, markdown: bool = False, first_line: int = 1) -> list[Paragraph]:
    """Split a normalised body into paragraphs.

    Plain text: every non-empty line is a paragraph (news files put one
    paragraph per line). Markdown: blank lines separate paragraphs and the
    lines of one paragraph are joined.
    """
    found: list[Paragraph] = []
    pending: list[str] = []
    start = first_line
    for offset, line in enumerate(body.split("\n")):
        if not line.strip():
            if pending:
                found.append(Paragraph(" ".join(pending), start))
                pending = []
            continue
        if not pending:
            start = first_line + offset
        pending.append(line.strip())
        if not markdown:
            found.append(Paragraph(" ".join(pending), start))
            pending = []
    if pending:
        found.append(Paragraph(" ".join(pending), start))
    return found


# Words that may stand before a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """डॉ डा प्रो श्री श्रीमती सुश्री मि मो कं लि सं नं पृ रु ई जन ले कर्न मेज कैप्ट
    Dr Mr Mrs Ms Prof St No Nos Lt Gen Col Maj Capt Cdr Adm Brig Sgt Rs Co Ltd Inc vs etc Jr Sr""".split()
)
# Latin letters as Hindi writes them, for initials such as जी.सी. or बी. (B.).
LETTER_NAMES = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड ज़ेड".split()
)
_CLOSERS = "”’\")]}»"
_TERMINATORS = "।॥?!"
_WORD_BREAKS = ".“‘("
_SENTENCE_END = re.compile(f"[{_TERMINATORS}.]")  # where a sentence may end
_LONGEST_ABBREVIATION = max(len(w) for w in ABBREVIATIONS | LETTER_NAMES)
# The longest sentence handed on; a longer run without a sentence end is cut at
# a space. This bounds the work of every later stage that looks at a sentence
# as a whole, whatever the input (real news sentences stay well under 1,000).
MAX_SENTENCE = 2000


def _breaks_word(ch: str) -> bool:
    return ch.isspace() or ch in _WORD_BREAKS


def _word_before(text: str, i: int) -> str:
    """The word ending just before ``text[i]``, if it is short enough to be an abbreviation."""
    start = i
    limit = max(0, i - _LONGEST_ABBREVIATION - 1)
    while start > limit and not _breaks_word(text[start - 1]):
        start -= 1
    if start == limit and start > 0 and not _breaks_word(text[start - 1]):
        return "\u2026"  # longer than any abbreviation: stands for "some long word"
    return text[start:i]


def _ends_at_full_stop(text: str, i: int) -> bool:
    """Whether the ``.`` at ``text[i]`` ends a sentence."""
    after = text[i + 1 : i + 2]
    if after and not after.isspace() and after not in _CLOSERS:
        return False  # 1.5, जी.सी., www.mod.gov.in
    word = _word_before(text, i)
    if not word:
        return True
    return not (
        word in ABBREVIATIONS or word in LETTER_NAMES or (len(word) == 1 and word.isalpha())
    )


def _cut(piece: str) -> list[str]:
    """A sentence longer than MAX_SENTENCE in pieces, cut at the last space before the limit."""
    pieces: list[str] = []
    while len(piece) > MAX_SENTENCE:
        cut = piece.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE + 1)
        if cut <= 0:  # one huge word: cut it, but not between a letter and its marks
            cut = MAX_SENTENCE
            while cut > 1 and unicodedata.category(piece[cut])[0] == "M":
                cut -= 1
        pieces.append(piece[:cut].strip())
        piece = piece[cut:].strip()
    return [*pieces, piece] if piece else pieces


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences, keeping terminators and closing quotes.

    Linear in the length of the text; no sentence is longer than MAX_SENTENCE.
    """
    sentences: list[str] = []
    start = 0
    n = len(text)
    found = _SENTENCE_END.search(text)
    while found is not None:
        i = found.start()
        if found.group() != "." or _ends_at_full_stop(text, i):
            end = i + 1
            while end < n and (text[end] in _TERMINATORS or text[end] in _CLOSERS):
                end += 1
            sentences.extend(_cut(text[start:end].strip()))
            start, i = end, end - 1
        found = _SENTENCE_END.search(text, i + 1)
    sentences.extend(_cut(text[start:].strip()))
    return sentences


def sentences(body: str, *, markdown: bool = False, first_line: int = 1) -> tuple[Sentence, ...]:
    """All sentences of a normalised body, numbered in reading order."""
    found: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(body, markdown=markdown, first_line=first_line)):
        for text in split_sentences(paragraph.text):
            found.append(Sentence(len(found), number, text, paragraph.line))
    return tuple(found)


_TOKEN = re.compile(r"[\u0900-\u0963\u0966-\u097f]+|[^\W_]+(?:['’.][^\W_]+)*")


def tokens(text: str) -> list[str]:
    """Word tokens: runs of Devanagari (matras and nukta kept) or of letters and digits."""
    tokens: list[str] = _TOKEN.findall(text)
    return tokens


STOPWORDS = frozenset(
    """अंदर अत अदि अप अपना अपनी अपने अभी अंदर आदि आप इत्यादि इन इनका इन्हीं इन्हें इन्हों इस इसका इसकी
    इसके इसमें इसी इसे उन उनका उनकी उनके उनको उन्हीं उन्हें उन्होंने उस उसके उसी उसे एक एवं एस ऐसे और कई
    कर करता करते करना करने करें कहते कहा कि किंतु किन्तु किया किर किस किसी किसे की कुछ कुल के को कोई कौन
    कौनसा गया घर जब जहाँ जहां जा जिन जिन्हें जिन्हों जिस जिसे जीधर जैसा जैसे जो तक तब तरह तिन तिन्हें तिन्हों
    तिस तिसे तो था थी थे दबारा दिया दुसरा दूसरे दो द्वारा न नहीं ना निहायत नीचे ने पर पहले पूरा पे फिर बनी
    बही बहुत बाद बाला बिलकुल भी भीतर मगर मानो मे में यदि यह यहाँ यहां यही या यिह ये रखें रहा रहे ऱ्वासा लिए
    लिये लेकिन व वग़ैरह वर्ग वह वहाँ वहां वहीं वाले वुह वे वग़ैरह संग सकता सकते सबसे सभी साथ साबुत साभ
    सारा से सो ही हुआ हुई हुए है हैं हो होता होती होते होना होने गई गए रही रहीं था थीं कर रहे ओर तथा
    साथ-साथ बताया कहना इसलिए क्योंकि""".split()
)

_SUFFIXES = sorted(
    """ाओं ाएं ाएँ ियों ियां ियाँ ुओं ुएं ों ें ीं ाँ ां ाई ाया ाए ाओ ीय ता ती ते ना नी ने कर ो े ा ी ि ू ु""".split(),
    key=len,
    reverse=True,
)


@lru_cache(maxsize=1 << 16)  # the same few thousand words recur in every article
def stem(word: str) -> str:
    """Light suffix stripping for Hindi inflections (-ों, -ें, -ाओं ...); keeps two letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed tokens of a sentence without stopwords or bare numbers."""
    return content_of(tokens(text))


def content_of(found: Sequence[str]) -> list[str]:
    """:func:`content_words` of the ``tokens`` of a sentence, already found."""
    return [stem(t) for t in found if t not in STOPWORDS and not t.isdigit()]
