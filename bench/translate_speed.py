"""Sentences per second: the project's batched argos path vs argostranslate's translate() per sentence.

Both run offline on the tiny generated hi→en package (tests/argos_tiny.py) in a
temporary argos home. Sentences come from the development corpus when present
(``--corpus`` or ``$DIGEST_CORPUS``, default ``../shared/corpus``), else from seeds/.

    .venv/bin/python bench/translate_speed.py [--sentences 300] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from argos_tiny import build_package, offline_argos_environment  # noqa: E402

from generator import hindi  # noqa: E402

TARGET = 3.0
REPEATS = 3


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("the benchmark tried to use the network")


def sentences(corpus: Path, limit: int) -> list[str]:
    """Distinct Hindi sentences: corpus articles if present, else the seeds."""
    files = sorted((corpus / "articles").glob("*.txt")) or sorted((REPO / "seeds").glob("*.txt"))
    found: dict[str, None] = {}
    for file in files:
        for sentence in hindi.sentences(hindi.normalise(file.read_text(encoding="utf-8"))):
            found.setdefault(sentence.text, None)
            if len(found) == limit:
                return list(found)
    return list(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("DIGEST_CORPUS", REPO.parent / "shared" / "corpus")))
    args = parser.parse_args()
    texts = sentences(args.corpus, args.sentences)
    with tempfile.TemporaryDirectory(prefix="argosbench-") as folder:
        home = Path(folder) / "home"
        os.environ.update(offline_argos_environment(home))
        socket.getaddrinfo = _refuse  # type: ignore[assignment]
        socket.socket.connect = _refuse  # type: ignore[method-assign]
        package = build_package(Path(folder))
        import argostranslate.package
        import argostranslate.translate

        from generator.translate import Translator
        from generator.translate.cache import TranslationCache

        argostranslate.package.install_from_path(package)
        translator = Translator(Path(folder) / "memory.po", None)
        assert translator.status() == "model", "tiny package not found"
        items = [(text, ()) for text in texts]
        translator.machine(items[:2])  # load the model outside the timing
        argostranslate.translate.translate(texts[0], "hi", "en")

        ours = theirs = float("inf")
        for _ in range(REPEATS):  # best of REPEATS: the machine may be busy
            translator.cache = TranslationCache(None)  # start cold, or it would not translate
            start = time.perf_counter()
            batched = translator.machine(items)
            ours = min(ours, time.perf_counter() - start)
            start = time.perf_counter()
            single = [argostranslate.translate.translate(text, "hi", "en") for text in texts]
            theirs = min(theirs, time.perf_counter() - start)

    same = sum(a == b for a, b in zip(batched or [], single, strict=True))
    if same < len(texts):
        print("argos's own splitter cut some sentences differently, so their output differs")
    ratio = theirs / ours
    print(f"{len(texts)} sentences (identical output for {same})")
    print(f"project, batched:                  {len(texts) / ours:8.1f} sentences/s")
    print(f"argostranslate translate() each:   {len(texts) / theirs:8.1f} sentences/s")
    print(f"ratio: {ratio:.1f}x (target >= {TARGET:.0f}x): {'ok' if ratio >= TARGET else 'MISSED'}")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
