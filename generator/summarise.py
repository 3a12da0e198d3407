"""Extractive summaries and titles of Hindi news articles.

A summary is a few of the article's own sentences, in their original order.
Sentences are ranked by graph centrality (TextRank over idf-weighted cosine
similarity of stemmed content words) blended with a position prior (news
puts the point first), then picked greedily with maximal marginal relevance
so that a summary does not say the same thing twice. Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from generator import hindi
from generator.model import Bilingual, Meeting, Participant, Sentence

Matrix = npt.NDArray[np.float64]

# Reporting verbs and fillers that the general stopword list keeps but that say
# nothing about what an article is about; stemmed like the words they meet.
EXTRA_STOPWORDS = frozenset(
    hindi.stem(word)
    for word in """अनुसार बताया बताते कहा कहना जानकारी मुताबिक दौरान बीच वहीं साथ भी अब आज कल गया गई
    गए रहा रही रहे था थी थे हुआ हुई हुए किया कि कर करते दी दिया ले लिया सकता""".split()
)
# Web boilerplate inside scraped news text ("also read: ...").
_BOILERPLATE = re.compile(r"^\s*(ये|यह|इसे)\s+भी\s+(पढ़ें|पढ़े|देखें)|^\s*also\s+read", re.I)
# Words of a dateline ("नई दिल्ली, 5 जनवरी।"): a sentence with fewer than three
# words besides these and numbers is a dateline or a fragment, never a summary.
DATELINE_WORDS = frozenset(
    """जनवरी फरवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर
    दिसंबर दिसम्बर सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार""".split()
)
_MIN_WORDS = 3

DAMPING = 0.85  # TextRank's random-walk continuation probability
POSITION_WEIGHT = 0.8  # share of the score from the position prior; news puts the point first
MMR_LAMBDA = 0.8  # relevance against redundancy in the greedy pick
NEAR_DUPLICATE = 0.6  # a sentence this similar to a chosen one adds nothing
MAX_POOL = 400  # sentences ranked (the earliest ones): ranking is quadratic in this


def words(text: str) -> list[str]:
    """The stemmed content words the summariser compares sentences by."""
    return _words_of(hindi.tokens(text))


def _words_of(tokens: Sequence[str]) -> list[str]:
    """:func:`words` of tokens already found: each token's word is looked up, not worked out."""
    return list(filter(None, map(_word_of, tokens)))


@lru_cache(maxsize=1 << 16)  # the same few thousand tokens recur in every article
def _word_of(token: str) -> str:
    """The stem a token adds to a sentence's words; "" for a stopword or bare number (stems are never empty)."""
    if token in hindi.STOPWORDS or token.isdigit():
        return ""
    word = hindi.stem(token)
    return "" if word in EXTRA_STOPWORDS else word


def eligible(sentence: Sentence) -> bool:
    """Whether a sentence may stand in a summary (not a dateline, fragment or boilerplate)."""
    return _eligible(sentence.text, hindi.tokens(sentence.text))


def _eligible(text: str, tokens: Sequence[str]) -> bool:
    return sum(map(_counts, tokens)) >= _MIN_WORDS and not _BOILERPLATE.search(text)


@lru_cache(maxsize=1 << 16)
def _counts(token: str) -> bool:
    """Whether a token counts towards a sentence's length (not a number or a dateline word)."""
    return not token.isdigit() and token not in DATELINE_WORDS


def _pool(sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[list[str]]]:
    """The first MAX_POOL eligible sentences and their words (each sentence's tokens found once)."""
    pool: list[Sentence] = []
    bags: list[list[str]] = []
    for sentence in sentences:
        if len(pool) == MAX_POOL:
            break
        tokens = hindi.tokens(sentence.text)
        if _eligible(sentence.text, tokens):
            pool.append(sentence)
            bags.append(_words_of(tokens))
    return pool, bags


def similarity(bags: Sequence[Sequence[str]]) -> Matrix:
    """Idf-weighted cosine similarity between sentences given as word lists."""
    vocab = {w: i for i, w in enumerate(sorted({w for bag in bags for w in bag}))}
    width = max(len(vocab), 1)
    cells = np.array([row * width + vocab[w] for row, bag in enumerate(bags) for w in bag], dtype=np.intp)
    counts = np.bincount(cells, minlength=len(bags) * width).reshape(len(bags), width).astype(np.float64)
    df = np.count_nonzero(counts, axis=0)
    vectors = counts * np.log((1.0 + len(bags)) / (1.0 + df))[None, :]
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    sim: Matrix = unit @ unit.T
    np.fill_diagonal(sim, 0.0)
    return sim


def centrality(sim: Matrix, iterations: int = 50) -> Matrix:
    """Weighted PageRank (TextRank) scores of a similarity graph, summing to 1."""
    n = sim.shape[0]
    out = sim.sum(axis=1)
    out[out == 0] = 1.0
    walk = sim / out[:, None]
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1.0 - DAMPING) / n + DAMPING * (walk.T @ rank)
    total = float(rank.sum())
    return rank / total if total > 0 else np.full(n, 1.0 / n)


def scores(sim: Matrix) -> Matrix:
    """Relevance of each sentence: centrality blended with a 1/(1 + rank) position prior."""
    central = centrality(sim)
    prior = 1.0 / (1.0 + np.arange(sim.shape[0], dtype=np.float64))
    central = central / float(central.max())
    result: Matrix = (1.0 - POSITION_WEIGHT) * central + POSITION_WEIGHT * prior
    return result


def summarise(
    sentences: Sequence[Sentence], budget: int = 3, max_chars: int | None = None
) -> tuple[int, ...]:
    """Indices (``Sentence.index``) of at most ``budget`` summary sentences, in original order.

    Datelines, fragments, boilerplate and near-repeats are never chosen, so an
    article of one or two sentences summarises to itself. ``max_chars`` caps the
    length of the chosen sentences joined by spaces, except that the best
    sentence is always kept, even alone over the cap, so that a summary is
    never empty while the article has something to say.
    """
    if budget <= 0:
        return ()
    pool, bags = _pool(sentences)
    if not pool:
        return ()
    sim = similarity(bags)
    relevance = scores(sim)
    chosen: list[int] = []
    used = 0
    candidates = list(range(len(pool)))
    while candidates and len(chosen) < budget:
        redundancy = sim[np.ix_(candidates, chosen)].max(axis=1) if chosen else 0.0
        mmr = MMR_LAMBDA * relevance[candidates] - (1.0 - MMR_LAMBDA) * redundancy
        best = candidates[int(np.argmax(mmr))]
        candidates.remove(best)
        if chosen and float(sim[best, chosen].max()) >= NEAR_DUPLICATE:
            continue
        length = len(pool[best].text) + (1 if chosen else 0)
        if chosen and max_chars is not None and used + length > max_chars:
            break  # padding with weaker sentences that happen to fit makes summaries worse
        chosen.append(best)
        used += length
    return tuple(sorted(pool[i].index for i in chosen))


# --- titles -----------------------------------------------------------------------------------

_TITLE_CHARS = 130  # longer top sentences are cut at a clause boundary before this
_DATELINE = re.compile(r"^[^\s,:।]{2,20}(?:\s[^\s,:।]{2,20})?\s?[:।]\s+")
# What headlines leave out: asides in brackets, "today" / "on Friday", closing auxiliaries.
_ASIDES = re.compile(r"\s*\([^()]*\)|\s(?:आज|कल)(?=\s(?!से|तक))|\s\S+वार\sको(?=\s)")
_TRAILING = re.compile(r"(?:[\s।॥.!?,;:]|\s(?:है|हैं|था|थे|थी)(?=[\s।॥.!?]*$))+$")
# "X ने कहा है कि Y" reads as "X ने कहा- Y" in a headline.
_REPORTED = re.compile(
    r"^(\S.{5,}?\sने\s(?:\S+\s){0,8}?(?:कहा|की|दी|बताया|जताई|जताया))(?:\sहै)?\sकि\s"
)
# A clause ends before a comma, a dash or a relative clause, after a verb.
_CLAUSE_END = re.compile(
    r"\s(?:किया|की|कीं|किए|दी|दिया|दिए|गया|गई|गए|है|हैं|था|थी|थे|होगा|होगी|होंगे)"
    r"(?=\s*[,;:–—-]\s|\s(?:जिस|जिन|जो|ताकि|और|तथा|लेकिन|जबकि)\S*\s)"
)


def title_from_text(text: str) -> str:
    """A Hindi title from text: its top-ranked sentence in headline form, cut after a clause if long."""
    return title_from_sentences(hindi.sentences(hindi.normalise(text)))


def title_from_sentences(found: Sequence[Sentence]) -> str:
    """:func:`title_from_text` for text already split into sentences (e.g. an Analysis's)."""
    picked = summarise(found, budget=1)
    sentence = found[picked[0]].text if picked else (found[0].text if found else "")
    sentence = _DATELINE.sub("", sentence, count=1)
    sentence = _REPORTED.sub(r"\1- ", _ASIDES.sub("", sentence) or sentence, count=1)
    if len(sentence) > _TITLE_CHARS:
        sentence = _cut(sentence)
    return _TRAILING.sub("", sentence)


def _cut(sentence: str) -> str:
    """Cut a long sentence after a clause ending in a verb, else at a comma, else at a word."""
    cuts = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, _TITLE_CHARS)]
    if cuts:
        return sentence[: cuts[-1]]
    if len(sentence) <= 2 * _TITLE_CHARS:
        return sentence
    commas = [m.start() for m in re.finditer(r"[,;:]\s", sentence[:_TITLE_CHARS])]
    if commas and commas[-1] >= _TITLE_CHARS // 3:
        return sentence[: commas[-1]]
    space = sentence.rfind(" ", 0, _TITLE_CHARS)
    return sentence[: space if space > 0 else _TITLE_CHARS] + "…"


def title_from_meeting(meeting: Meeting, lang: str) -> str:
    """A title in ``lang`` ("hi" or "en"): "Rajnath Singh meets Sergei Shoigu".

    The first participant is the subject, the others the counterparts; unnamed
    participants appear by office. Empty when the meeting has no participants
    (then a title comes from the text).
    """
    if not meeting.participants:
        return ""
    host, *others = (_party(p, lang) for p in meeting.participants)
    place, occasion = _text(meeting.place, lang), _text(meeting.occasion, lang)
    if lang == "hi":
        guests = _join(others, "और")
        return _hindi_title(meeting.kind, meeting.future, host, guests, place, occasion)
    guests = _join(others, "and")
    return _english_title(meeting.kind, meeting.future, host, guests, place, occasion)


def _text(value: Bilingual | None, lang: str) -> str:
    return (value.get(lang) or "") if value else ""


def _party(participant: Participant, lang: str) -> str:
    """A participant's name, or their office ("Defence Minister of Russia") when unnamed."""
    name = _text(participant.name, lang)
    if name:
        return name
    role, country = _text(participant.role, lang), _text(participant.country, lang)
    if lang == "hi":
        return f"{country} के {role}" if country and role else role or country or "प्रतिनिधि"
    return f"{role} of {country}" if country and role else role or country or "a delegation"


def _join(parts: Sequence[str], conjunction: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def _english_title(
    kind: str, future: bool, host: str, guests: str, place: str, occasion: str
) -> str:
    def verb(present: str, infinitive: str) -> str:
        return f"to {infinitive}" if future else present

    if kind == "visit" and place:
        visit = f"{host} {verb('visits', 'visit')} {place}"
        meet = " and meet" if future else ", meets"
        return f"{visit}{meet} {guests}" if guests else visit
    call = kind == "call"
    if guests:
        if call:
            return f"{host} {verb('speaks to', 'speak to')} {guests} by phone"
        if kind == "talks":
            return f"{host} {verb('holds talks with', 'hold talks with')} {guests}"
        return f"{host} {verb('meets', 'meet')} {guests}"
    if occasion or place:
        return f"{host} {verb('attends', 'attend')} {occasion or place}"
    return f"{host} {verb('holds', 'hold')} {'a phone call' if call else 'talks'}"


def _hindi_title(kind: str, future: bool, host: str, guests: str, place: str, occasion: str) -> str:
    def did(action: str) -> str:  # "X ने ... की" or "X ... करेंगे"
        return f"{host} {action} करेंगे" if future else f"{host} ने {action} की"

    if kind == "visit" and place:
        if future:
            visit = f"{host} {place} का दौरा करेंगे"
            return f"{visit} और {guests} से मुलाकात करेंगे" if guests else visit
        visit = f"{host} ने {place} का दौरा किया"
        return f"{visit}, {guests} से मुलाकात की" if guests else visit
    phrase = {"call": "से फोन पर बात", "talks": "के साथ वार्ता"}.get(kind, "से मुलाकात")
    if guests:
        return did(f"{guests} {phrase}")
    if occasion or place:
        return f"{host} {occasion or place} में " + ("शामिल होंगे" if future else "शामिल हुए")
    return did("फोन पर बात" if kind == "call" else "वार्ता")
