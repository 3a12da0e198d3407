"""Write the bad inputs that cannot live in git as text: binary, huge, odd encodings.

The text cases sit beside this file. ``make(folder)`` writes the generated ones
into ``folder`` (a temporary folder at test time; nothing here is committed):

    python tests/bad_inputs/make.py OUT_FOLDER
    python tests/bad_inputs/make.py --measure    # CPU seconds per stage at n and 2n
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
BODY = "नई दिल्ली। रक्षा मंत्री राजनाथ सिंह ने रूस के रक्षा मंत्री से मुलाकात की।"
NAMES = ("राजनाथ सिंह", "सर्गेई शोइगु", "ली शांगफू", "अजीत डोभाल", "एस जयशंकर", "लॉयड ऑस्टिन")
HUGE_BYTES = 50 * 1024 * 1024


def text_cases() -> list[Path]:
    """The committed text cases."""
    return sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".md"))


def long_line(chars: int) -> str:
    """Hindi words without a single danda or full stop, ``chars`` characters long."""
    words = "रक्षा मंत्री ने रूस के साथ सहयोग बढ़ाने पर जोर देते हुए कहा कि दोनों देश मिलकर काम करेंगे".split()
    out: list[str] = []
    length = 0
    while length < chars:
        word = words[len(out) % len(words)]
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:chars]


def names_sentence(count: int) -> str:
    """One sentence naming ``count`` people joined by और."""
    return "रक्षा मंत्री " + " और ".join(NAMES[i % len(NAMES)] for i in range(count)) + " ने मुलाकात की।"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def make(folder: Path) -> list[Path]:
    """Write every generated case into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(10)
    dated = "---\ndate: 2023-04-28\n---\n"
    huge_line = (BODY + "\n").encode()
    cases = {
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "nul-bytes.txt": (BODY + "\n").encode() + b"\x00\x00\x01\x02" + BODY.encode(),
        "invalid-utf8-middle.txt": "\n".join([BODY] * 5).encode() + b"\n\xc3\x28\xa0\xa1\n" + BODY.encode(),
        "utf16-bom.txt": (dated + BODY).encode("utf-16"),  # BOM and little-endian
        "utf16-be-bom.txt": b"\xfe\xff" + (dated + BODY).encode("utf-16-be"),
        "crlf.md": f"---\r\ntitle: CRLF\r\ndate: 2023-02-30\r\n---\r\n{BODY}\r\n{BODY}\r\n".encode(),
        "cr.md": f"---\rtitle: CR\rdate: 2023-02-30\r---\r{BODY}\r{BODY}\r".encode(),
        "huge-50mb.txt": huge_line * (HUGE_BYTES // len(huge_line) + 1),
        "long-line.txt": (dated + long_line(100_000)).encode(),
        "names-10000.txt": (dated + names_sentence(10_000)).encode(),
        "zero-width-names.txt": (dated + "रक्षा मंत्री राज\u200bनाथ सि\u2060ंह ने "
                                 "सर्गेई\u200b\u200b शोइगु\ufeff से मुलाकात की।").encode(),
        "combining-marks.txt": (dated + "रक्षा मंत्री राजनाथ" + "\u093c\u0301" * 5000
                                + " सिंह ने \u0902शोइगु से मुलाकात की।").encode(),
        "deep-nesting.md": ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + BODY).encode(),
    }
    return [_write(folder, name, data) for name, data in sorted(cases.items())]


def stage_times(text: str) -> dict[str, float]:
    """CPU seconds each analysis stage spends on ``text``."""
    import datetime as dt
    import time

    from generator import entities, gazetteer, hindi, meetings, summarise
    from generator.translate import Translator

    gaz = gazetteer.load()
    translator = Translator(Path("no-memory.po"), None, gaz, use_model=False)
    marks = [time.process_time()]
    found = hindi.sentences(hindi.normalise(text))
    marks.append(time.process_time())
    mentions = entities.recognise(found, gaz)
    marks.append(time.process_time())
    meetings.extract("x", dt.date(2023, 4, 28), found, mentions, gaz)
    marks.append(time.process_time())
    summarise.summarise(found)
    marks.append(time.process_time())
    translator.translate_article(found, mentions)
    marks.append(time.process_time())
    stages = ("segment", "entities", "meetings", "summarise", "gloss")
    return {stage: marks[i + 1] - marks[i] for i, stage in enumerate(stages)}


def short_sentences(count: int) -> str:
    """``count`` short sentences, each a separate meeting report."""
    return " ".join(f"रक्षा मंत्री ने {i} देशों से मुलाकात की।" for i in range(count))


def measure() -> None:
    """Print the CPU time of each stage on the long inputs at size n and 2n."""
    inputs: dict[str, tuple[Callable[[int], str], int]] = {
        "long line, chars": (long_line, 100_000),
        "names joined by और": (names_sentence, 10_000),
        "short sentences": (short_sentences, 2_000),
    }
    for label, (make_text, n) in inputs.items():
        for size in (n, 2 * n):
            times = stage_times(make_text(size))
            print(f"{label} n={size:,}: " + "  ".join(f"{k} {v:.3f}s" for k, v in times.items()))


if __name__ == "__main__":
    if sys.argv[1:] == ["--measure"]:
        measure()
    else:
        for written in make(Path(sys.argv[1])):
            print(written)
