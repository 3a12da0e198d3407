"""The Translator: one English sentence per Hindi sentence, with its provenance.

Engines, in order: the memory's reviewed (editor) entries; the installed
argostranslate hi→en package (names shielded, output cached); machine entries
already in the memory when no model is installed; the gloss.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from generator.model import Mention, Sentence, Translation
from generator.translate import argos, shield
from generator.translate.cache import TranslationCache
from generator.translate.gloss import Glossary, gloss
from generator.translate.memory import Entry, Memory, MemoryFileError

BATCH = 256  # sentences per model call (the model sorts them by length into batches)
Progress = Callable[[int, int], None]


class GlossarySource(Protocol):
    """What the translator needs of the gazetteer."""

    def glossary(self) -> Iterable[tuple[str, str]]: ...


class Translator:
    """Translate articles sentence by sentence; see the module docstring for the engine order."""

    def __init__(
        self,
        memory: Path,
        cache: Path | None,
        gazetteer: GlossarySource | None = None,
        use_model: bool = True,
    ) -> None:
        self.memory_path = memory
        self.memory_error: MemoryFileError | None = None
        try:
            self.memory = Memory.load(memory)
        except MemoryFileError as err:  # translate without it; the caller reports it
            self.memory, self.memory_error = Memory.empty(), err
        self.cache = TranslationCache(cache)
        self.glossary = Glossary.build(gazetteer.glossary() if gazetteer is not None else ())
        self.package = argos.find() if use_model else None
        self.problems: list[str] = []
        self._engine = argos.ArgosEngine(self.package) if self.package else None
        self._model_key = self.package.fingerprint() if self.package else ""
        self._memory_digest = hashlib.sha256(
            memory.read_bytes() if memory.is_file() else b""
        ).hexdigest()[:12]

    def status(self) -> str:
        """"model" when a hi→en package is in use, else "gloss"."""
        return "model" if self._engine is not None else "gloss"

    def engine_version(self) -> str:
        """Identifies model, glossary and memory, so a build cache can tell when output may change."""
        model = self._model_key if self._engine is not None else "no model"
        return f"{model}; gloss #{self.glossary.digest}; memory #{self._memory_digest}"

    def translate_article(
        self, sentences: Sequence[Sentence], mentions: Sequence[Mention]
    ) -> tuple[Translation, ...]:
        """One Translation per sentence, in order."""
        by_sentence = _group(mentions)
        remembered = {s.index: self.memory.get(s.text) for s in sentences}
        found: dict[int, Translation] = {}
        for sentence in sentences:
            entry = remembered[sentence.index]
            if entry is not None and entry.reviewed:
                found[sentence.index] = Translation(entry.text, "editor")
        todo = [s for s in sentences if s.index not in found]
        if todo and self._engine is not None and self.package is not None:
            texts = self.machine([(s.text, by_sentence.get(s.index, ())) for s in todo])
            if texts is not None:
                for sentence, text in zip(todo, texts, strict=True):
                    if text.strip():  # an empty output falls through to the gloss
                        found[sentence.index] = Translation(text, "machine", self.package.engine)
        for sentence in sentences:
            if sentence.index not in found:
                found[sentence.index] = self._offline(
                    sentence, by_sentence.get(sentence.index, ()), remembered[sentence.index]
                )
        self.cache.save()
        return tuple(found[s.index] for s in sentences)

    def _offline(self, sentence: Sentence, mentions: Sequence[Mention], entry: Entry | None) -> Translation:
        """A machine entry of the memory (``entry``, the sentence's) if there is one, else the gloss."""
        if entry is not None and not entry.reviewed:
            return Translation(entry.text, "machine", entry.engine)
        return Translation(gloss(sentence.text, mentions, self.glossary), "gloss")

    def machine(
        self, items: Sequence[tuple[str, Sequence[Mention]]], progress: Progress | None = None
    ) -> list[str] | None:
        """Model output for (sentence, its mentions) pairs; None if the model failed."""
        if self._engine is None or self.package is None:
            return None
        key = self._model_key
        shielded = [shield.shield(text, found) for text, found in items]
        try:
            raw = self._translate(key, [s.text for s in shielded], progress)
            restored = [shield.restore(out, s.names) for out, s in zip(raw, shielded, strict=True)]
            lost = [i for i, text in enumerate(restored) if text is None]
            retry = self._translate(key, [shield.inline(*items[i]) for i in lost], None)
        except argos.ArgosError as err:
            self.problems.append(str(err))
            self._engine = None
            return None
        for i, text in zip(lost, retry, strict=True):
            restored[i] = text
        return [text or "" for text in restored]

    def _translate(self, key: str, texts: Sequence[str], progress: Progress | None) -> list[str]:
        """Translate through the cache; uncached texts go to the model in batches."""
        assert self._engine is not None
        todo = sorted({t for t in texts if self.cache.get(key, t) is None})
        for start in range(0, len(todo), BATCH):
            chunk = todo[start : start + BATCH]
            for source, output in zip(chunk, self._engine.translate(chunk), strict=True):
                self.cache.put(key, source, output)
            if progress is not None:
                progress(min(start + BATCH, len(todo)), len(todo))
        return [self.cache.get(key, t) or "" for t in texts]

    def update_memory(
        self, articles: Iterable[tuple[Sequence[Sentence], Sequence[Mention]]],
        progress: Progress | None = None,
    ) -> int:
        """Add fuzzy machine entries for sentences lacking a translation; returns how many."""
        if self._engine is None or self.package is None:
            raise argos.ArgosError("no Hindi→English model is installed: digest models install")
        if self.memory_error is not None:
            raise argos.ArgosError(
                f"{self.memory_path}:{self.memory_error.line}: {self.memory_error}; nothing written"
            )
        items: dict[str, Sequence[Mention]] = {}
        for sentences, mentions in articles:
            by_sentence = _group(mentions)
            for s in sentences:
                if self.memory.get(s.text) is None and s.text not in items:
                    items[s.text] = by_sentence.get(s.index, ())
        texts = self.machine(list(items.items()), progress)
        if texts is None:
            raise argos.ArgosError("; ".join(self.problems) or "the model failed")
        added = sum(self.memory.add_machine(source, text, self.package.engine)
                    for source, text in zip(items, texts, strict=True))
        self.memory.save(self.memory_path)
        self.cache.save()
        return added


def _group(mentions: Sequence[Mention]) -> dict[int, tuple[Mention, ...]]:
    grouped: dict[int, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return {k: tuple(v) for k, v in grouped.items()}
