"""The translation memory (PO), the cache, and the Translator without a model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import hindi
from generator.model import Sentence
from generator.translate import Memory, Translator
from generator.translate.cache import TranslationCache

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "content" / "translations" / "hi-en.po"
SEED = REPO / "seeds" / "000_a597c6abab3d7542.txt"


def seed_sentences() -> tuple[Sentence, ...]:
    return hindi.sentences(hindi.normalise(SEED.read_text(encoding="utf-8")))


def test_every_seed_sentence_has_a_reviewed_translation() -> None:
    memory = Memory.load(SHIPPED)
    for sentence in seed_sentences():
        english = memory.editor(sentence.text)
        assert english, sentence.text
        assert not any("\u0900" <= ch <= "\u097f" for ch in english)


def test_shipped_memory_survives_load_and_save_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "hi-en.po"
    Memory.load(SHIPPED).save(target)
    assert target.read_bytes() == SHIPPED.read_bytes()


def test_machine_entries_are_fuzzy_with_engine_and_never_replace_editors(tmp_path: Path) -> None:
    path = tmp_path / "hi-en.po"
    path.write_bytes(SHIPPED.read_bytes())
    memory = Memory.load(path)
    before = [(e.source, e.text) for e in memory.entries()]
    first = before[0][0]
    assert not memory.add_machine(first, "machine words", "argostranslate x 9")
    assert memory.add_machine("नया वाक्य।", "A new sentence.", "argostranslate x 9")
    assert not memory.add_machine("नया वाक्य।", "Another try.", "argostranslate x 10")
    memory.save(path)
    again = Memory.load(path)
    entries = list(again.entries())
    assert [(e.source, e.text) for e in entries[: len(before)]] == before
    assert all(e.reviewed for e in entries[: len(before)])
    new = again.get("नया वाक्य।")
    assert new is not None and not new.reviewed
    assert (new.text, new.engine) == ("A new sentence.", "argostranslate x 9")
    assert "#, fuzzy" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hi-en.po"]  # no temp file left


def test_new_memory_has_a_header_and_no_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "hi-en.po"
    memory = Memory.load(path)
    memory.add_machine("एक।", "One.", "e 1")
    memory.save(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Translation memory")
    assert "Date" not in text and "charset=UTF-8" in text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1).filter(str.strip), st.text(min_size=1).filter(str.strip))
def test_any_text_round_trips_through_the_po_file(source: str, english: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.po"
        memory = Memory.load(path)
        memory.add_machine(source, english, "engine 1")
        memory.save(path)
        entry = Memory.load(path).get(source)
    assert entry is not None and entry.text == english and entry.engine == "engine 1"


def test_cache_keeps_translations_per_engine(tmp_path: Path) -> None:
    path = tmp_path / "translations.json"
    cache = TranslationCache(path)
    cache.put("engine A", "वाक्य", "sentence")
    cache.save()
    again = TranslationCache(path)
    assert again.get("engine A", "वाक्य") == "sentence"
    assert again.get("engine B", "वाक्य") is None
    path.write_text("{not json", encoding="utf-8")
    assert TranslationCache(path).get("engine A", "वाक्य") is None


def test_without_model_seed_is_editor_and_other_text_is_gloss(tmp_path: Path) -> None:
    translator = Translator(SHIPPED, tmp_path / "cache.json", use_model=False)
    assert translator.status() == "gloss"
    seed = translator.translate_article(seed_sentences(), ())
    assert {t.provenance for t in seed} == {"editor"}
    other = hindi.sentences("भारत और जापान के रक्षा मंत्रियों ने द्विपक्षीय सहयोग पर चर्चा की।")
    (result,) = translator.translate_article(other, ())
    assert result.provenance == "gloss" and result.engine is None
    assert "India" in result.text and "Japan" in result.text and "bilateral" in result.text


def test_without_model_memory_machine_entries_are_reused(tmp_path: Path) -> None:
    path = tmp_path / "hi-en.po"
    memory = Memory.load(path)
    memory.add_machine("दो देश मिले।", "Two countries met.", "argostranslate translate-hi_en 1.1")
    memory.save(path)
    translator = Translator(path, None, use_model=False)
    (result,) = translator.translate_article(hindi.sentences("दो देश मिले।"), ())
    assert result.provenance == "machine"
    assert result.engine == "argostranslate translate-hi_en 1.1"


def test_engine_version_changes_with_the_memory(tmp_path: Path) -> None:
    path = tmp_path / "hi-en.po"
    before = Translator(path, None, use_model=False).engine_version()
    memory = Memory.load(path)
    memory.add_machine("एक।", "One.", "e 1")
    memory.save(path)
    assert Translator(path, None, use_model=False).engine_version() != before


def test_importing_translate_loads_neither_argos_nor_torch() -> None:
    code = ("import sys, generator.translate, generator.commands.translate, generator.commands.models;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('torch', 'argostranslate', 'ctranslate2', 'stanza')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True)
    assert out.stdout.strip() == "[]"


def test_translate_command_needs_exactly_one_of_file_and_update(tmp_path: Path) -> None:
    from generator import cli

    assert cli.main(["translate", "--root", str(tmp_path)]) == 2
    assert cli.main(["translate", "--update-memory", str(SEED), "--root", str(tmp_path)]) == 2


def test_progress_line_appears_for_many_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    from generator.commands.translate import Progress

    Progress()(3, 5)
    assert capsys.readouterr().err == ""  # few sentences, not a terminal: quiet
    Progress()(256, 300)
    Progress()(300, 300)
    assert capsys.readouterr().err == "\rtranslating: 256/300 sentences\rtranslating: 300/300 sentences\n"
