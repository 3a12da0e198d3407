"""The fast paths of reading and summarising text agree with the plain rules they replace."""

from __future__ import annotations

import re
import unicodedata
from xml.sax import saxutils

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import entities, feeds, gazetteer, hindi, sources, summarise, topics
from generator.gazetteer import HONORIFICS, word_key
from generator.meetings import triggers
from generator.model import Bilingual, Entity, Mention, Sentence
from generator.translate import gloss

# Letters, marks (with and without a combining class), quotes, spaces, pipes, dandas, line ends.
_ALPHABET = st.sampled_from(
    list("कखग ि ्ा़ \u0301\u0951\u093c\u094d\u0300\U0001d165\U0001f600aZ9 \t\n\u00a0|।॥\"“”„‟″«»'‘’‚‛′.?")
)
# Characters repeated up to a dozen times, so that runs beyond MAX_MARKS occur.
_TEXT = st.lists(st.tuples(_ALPHABET, st.integers(1, 12)), max_size=30).map(
    lambda runs: "".join(ch * n for ch, n in runs)
)


def _cap_marks(text: str) -> str:
    kept: list[str] = []
    run = 0
    for ch in text:
        run = run + 1 if unicodedata.combining(ch) else 0
        if run <= hindi.MAX_MARKS:
            kept.append(ch)
    return "".join(kept)


def _excess_mark(text: str) -> int | None:
    run = 0
    for index, ch in enumerate(text):
        run = run + 1 if unicodedata.combining(ch) else 0
        if run > hindi.MAX_MARKS:
            return index
    return None


def _pair_quotes(line: str) -> str:
    out: list[str] = []
    double_open = single_open = False
    for i, ch in enumerate(line):
        if ch in "\"“”„‟″«»":
            out.append("”" if double_open else "“")
            double_open = not double_open
        elif ch in "'‘’‚‛′":
            before = line[i - 1] if i else " "
            after = line[i + 1] if i + 1 < len(line) else " "
            if before.isalnum() and after.isalnum():
                out.append("’")
            else:
                out.append("’" if single_open else "‘")
                single_open = not single_open
        else:
            out.append(ch)
    return "".join(out)


@settings(max_examples=400)
@given(_TEXT)
def test_mark_runs_are_capped_and_found_as_one_mark_at_a_time(text: str) -> None:
    assert hindi._cap_marks(text) == _cap_marks(text)
    assert hindi.excess_mark(text) == _excess_mark(text)


@settings(max_examples=400)
@given(_TEXT)
def test_quotes_pair_as_one_quote_at_a_time(text: str) -> None:
    line = text.replace("\n", " ")
    assert hindi._pair_quotes(line) == _pair_quotes(line)


def _split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    start = i = 0
    while i < len(text):
        ch = text[i]
        if ch in "।॥?!" or (ch == "." and hindi._ends_at_full_stop(text, i)):
            end = i + 1
            while end < len(text) and text[end] in "।॥?!”’\")]}»":
                end += 1
            sentences.extend(hindi._cut(text[start:end].strip()))
            start = i = end
            continue
        i += 1
    sentences.extend(hindi._cut(text[start:].strip()))
    return sentences


_PROSE = st.lists(
    st.sampled_from(["डॉ", "जी", "बी", "राजनाथ", "1", "5", "x", " ", ".", "।", "॥", "?", "!", "”", ")", "\""]),
    max_size=60,
).map("".join)


@settings(max_examples=400)
@given(_PROSE)
def test_sentences_split_as_one_character_at_a_time(text: str) -> None:
    assert hindi.split_sentences(text) == _split_sentences(text)


@settings(max_examples=400)
@given(st.text(st.sampled_from(list("क a_1 \n\u200c\u200d\u093e\u093c\u0901\u0301\u0951।")), max_size=30))
def test_a_stray_mark_is_found_where_a_look_behind_first_finds_it(text: str) -> None:
    plain = re.compile(rf"(?<![\w\u0900-\u097f\u0300-\u036f\u200c\u200d])[{sources._MARKS}]").search(text)
    fast = sources._STRAY_MARK.search(text)
    assert (fast and (fast.start(), fast.group())) == (plain and (plain.start(), plain.group()))


@settings(max_examples=400)
@given(st.text(st.sampled_from(list(" \t\u00a0\u2000\u2005\u200a\u202f\u205f\u3000\nक.")), max_size=30))
def test_space_runs_become_one_space(text: str) -> None:
    plain = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text)
    assert hindi._SPACES.sub(" ", text) == plain


def _similarity(bags: list[list[str]]) -> np.ndarray:
    vocab = {w: i for i, w in enumerate(sorted({w for bag in bags for w in bag}))}
    counts = np.zeros((len(bags), max(len(vocab), 1)))
    for row, bag in enumerate(bags):
        for w in bag:
            counts[row, vocab[w]] += 1.0
    df = np.count_nonzero(counts, axis=0)
    vectors = counts * np.log((1.0 + len(bags)) / (1.0 + df))[None, :]
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    sim: np.ndarray = unit @ unit.T
    np.fill_diagonal(sim, 0.0)
    return sim


@settings(max_examples=200)
@given(st.lists(st.lists(st.sampled_from(["रक्षा", "मंत्री", "बैठक", "चीन", "a"]), max_size=8), min_size=1, max_size=8))
def test_similarity_counts_words_to_the_same_bits(bags: list[list[str]]) -> None:
    assert summarise.similarity(bags).tobytes() == _similarity(bags).tobytes()


@settings(max_examples=1000)
@given(st.text())
def test_feed_escaping_is_the_standard_librarys(text: str) -> None:
    """feeds.py no longer imports xml.sax.saxutils (and urllib behind it) for two functions."""
    assert feeds.escape(text) == saxutils.escape(text)
    assert feeds.quoteattr(text) == saxutils.quoteattr(text)


# Pieces of the shipped topic cues, their inflections, joiners, nuktas and line ends.
_CUE_WORDS = sorted({w for t in topics.vocabulary() for c in t.cues for w in c.split()})
_CUE_PIECES = st.sampled_from(
    [*_CUE_WORDS, "ों", "ें", "ा", "\u093c", "\u200d", "\u200c", " ", "\n", "क", "a", ","]
)
_CUE_TEXT = st.lists(_CUE_PIECES, max_size=12).map("".join)


@settings(max_examples=400)
@given(st.lists(_CUE_TEXT, max_size=4))
def test_topics_of_texts_one_by_one_are_those_of_the_texts_joined(texts: list[str]) -> None:
    assert topics.find(texts) == topics._find(topics._joined(texts), topics.vocabulary())


_TOKENS = st.lists(
    st.sampled_from(["रक्षा", "मंत्रियों", "ने", "कहा", "बताया", "12", "5", "जनवरी", "सोमवार", "बैठकें", "a", "x1"]),
    max_size=12,
)


@settings(max_examples=400)
@given(_TOKENS)
def test_summary_words_are_looked_up_as_they_are_worked_out(tokens: list[str]) -> None:
    plain = [w for w in hindi.content_of(tokens) if w not in summarise.EXTRA_STOPWORDS]
    assert summarise._words_of(tokens) == plain
    real = [t for t in tokens if not t.isdigit() and t not in summarise.DATELINE_WORDS]
    text = " ".join(tokens)
    assert summarise._eligible(text, tokens) == (len(real) >= 3 and not summarise._BOILERPLATE.search(text))


def _find_triggers(text: str) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    for pattern, kind, _ in triggers._TRIGGERS:
        for m in pattern.finditer(text):
            if not any(m.start() < b and a < m.end() for a, b, _ in taken):
                taken.append((m.start(), m.end(), kind))
    return sorted(taken)


# The words of the trigger patterns, nuktas (which they tolerate), spaces and dandas.
_TRIGGER_WORDS = sorted(
    {w for p, _, _ in triggers._TRIGGERS for w in re.findall(r"[\u0900-\u0963]+", p.pattern.replace("\u093c?", ""))}
)
_TRIGGER_TEXT = st.lists(st.sampled_from([*_TRIGGER_WORDS, "\u093c", " ", " ", "।", "-", "x"]), max_size=16).map(
    "".join
)


@settings(max_examples=1000)
@given(_TRIGGER_TEXT)
def test_trigger_gates_skip_only_triggers_that_cannot_match(text: str) -> None:
    assert triggers.find_triggers(text) == _find_triggers(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["श्री", "डॉ", "राजनाथ", "सिंह", "ने", "a"]), max_size=10))
def test_honorifics_are_found_where_a_word_by_word_look_finds_them(words: list[str]) -> None:
    keys = [word_key(w) for w in words]
    assert entities._honorifics(keys) == {k for k, key in enumerate(keys) if key in HONORIFICS}


def _gazetteer_spans(sent: entities._Sentence, gaz: gazetteer.Gazetteer) -> list[tuple[int, int, str]]:
    words, keys, found, i = sent.words, sent.keys, [], 0
    for start in range(len(words)):
        if start < i or keys[start] not in gaz.first_words():
            continue
        stop = start + 1
        while stop < len(words) and words[stop].glued:
            stop += 1
        hit = gaz.match(keys, start, stop)
        if hit and gaz.entity(hit[1]):
            found.append((start, hit[0], hit[1]))
            i = hit[0]
    return found


_GAZ = gazetteer.load()
_NAMES = sorted({e.name.hi for e in _GAZ.entities() if e.name.hi})  # whole names: phrases occur
_NAME_WORDS = sorted({w for name in _NAMES for w in name.split()})


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NAMES) | st.sampled_from([*_NAME_WORDS, ",", "ने", "।"]), max_size=20))
def test_known_phrases_are_found_reading_no_further_than_the_longest(words: list[str]) -> None:
    text = " ".join(words)
    sent = entities._sentence(Sentence(0, 0, text, 1))
    entities._gazetteer_pass(sent, _GAZ)
    assert [(f.first, f.end, f.entity.id) for f in sent.found] == _gazetteer_spans(sent, _GAZ)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_NAMES) | st.sampled_from([*_NAME_WORDS, ",", "ने"]), max_size=12),
    st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=4),
)
def test_a_sentence_without_a_known_surname_is_skipped_for_nothing(words: list[str], names: list[str]) -> None:
    sent = entities._sentence(Sentence(0, 0, " ".join(words), 1))
    person = entities._Found(0, 0, 2, next(iter(_GAZ.entities())))
    people = {word_key(n): [person] for n in names}
    entities._lone_surnames(sent, people)
    if people.keys().isdisjoint(sent.keys):
        assert sent.found == []  # what _surname_pass skips would have found nothing


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["राजनाथ", "सिंह", "आर0", "के.", "ली", "0", "x0", "ab", "Ji", "मोदीji", " ", ", ", "-"]), max_size=10))
def test_a_span_is_keyed_as_its_text_would_be(pieces: list[str]) -> None:
    sent = entities._sentence(Sentence(0, 0, "".join(pieces), 1))
    n = len(sent.words)
    for j in range(n):
        for stop in range(j + 1, n + 1):
            assert entities._span_key(sent, j, stop) == gazetteer.phrase_key(sent.span_text(j, stop))


@settings(max_examples=1000)
@given(st.text(st.sampled_from([*"कखि्ा़\u200c\u200d aZ9_ ,।०१\n-'’.", "\U0001d7d9"]), max_size=40))
def test_gloss_words_and_offsets_from_one_split_are_those_found_word_by_word(text: str) -> None:
    found = list(gloss._WORD.finditer(text))
    assert gloss._words_at(text) == ([m.group() for m in found], [m.start() for m in found])


_GLOSSARY = gloss.Glossary.build(_GAZ.glossary())
_GLOSS_WORDS = sorted({w for key in _GLOSSARY.exact for w in key})[::5]
_GLOSS_STEMS = sorted({w for key in _GLOSSARY.stemmed for w in key if "\u0900" <= w[0] <= "\u097f"})[::5]  # inflected below


def _plain_gloss(text: str, mentions: list[Mention], glossary: gloss.Glossary) -> str:
    """gloss with every word tested against the entries' starts and stemmed as it is met, nothing kept."""
    names = gloss._names(text, mentions)
    found = list(gloss._WORD.finditer(text))
    words, starts = [m.group() for m in found], [m.start() for m in found]
    stems = [hindi.stem(w) for w in words]
    parts: list[str] = []
    i = 0
    while i < len(words):
        name = next((n for n in names if n.end > starts[i]), None)
        if name is not None and name.start <= starts[i]:
            parts.append(name.entity.name.en or "")
            while i < len(words) and starts[i] < name.end:
                i += 1
            continue
        if words[i] in glossary.starts or stems[i] in glossary.starts:
            hit = glossary.match(words, i, stems)
            if hit is not None:
                parts.append(hit[1])
                i += hit[0]
                continue
        part = gloss._unglossed(words[i])
        if part is not None:
            parts.append(part)
        i += 1
    return gloss._tidy(parts, text)


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_GLOSS_WORDS)
             | st.builds(str.__add__, st.sampled_from(_GLOSS_STEMS), st.sampled_from(["ों", "ें", "ी", "े", "ाओं"]))
             | st.sampled_from(["ने", "में", "और", "१२", "2024", "Ab", "?", "।"]), max_size=16),
    st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=3),
)
def test_gloss_with_words_parts_kept_is_the_plain_gloss(words: list[str], spans: list[tuple[int, int]]) -> None:
    text = " ".join(words)
    person = Entity("person/x", "person", Bilingual("क", "X"))
    mentions = [Mention(0, a, min(a + n, len(text)), text[a : a + n], person) for a, n in spans if a < len(text)]
    assert gloss.gloss(text, mentions, _GLOSSARY) == _plain_gloss(text, mentions, _GLOSSARY)
