"""The real argostranslate path, offline, on a tiny generated hi→en package.

One session-scoped package build and install into temporary argos folders; a
guard fails any test that touches the network. Skipped when argostranslate is
not installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import socket
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from generator import cli, hindi
from generator.model import Bilingual, Entity, Mention
from generator.translate import Memory, Translator, argos

pytestmark = [
    pytest.mark.argos,
    pytest.mark.skipif(importlib.util.find_spec("argostranslate") is None,
                       reason="argostranslate is not installed (the translate extra)"),
]

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "content" / "translations" / "hi-en.po"
SEED = REPO / "seeds" / "000_a597c6abab3d7542.txt"
OTHER = ("रूसी रक्षा मंत्री सर्गेई शोइगु ने बीजिंग में चीनी समकक्ष से मुलाकात की। "
         "दोनों देशों ने सैन्य सहयोग बढ़ाने पर चर्चा की।\nसेना प्रमुख ने सीमा का दौरा किया।")
ENGINE = "argostranslate translate-hi_en 0.0.1"


class NetworkUsed(AssertionError):
    """Raised by the guard: a test tried to reach the network."""


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkUsed(f"network access attempted: {args[:2]}")


def _guard(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(socket, "getaddrinfo", _refuse)
    mp.setattr(socket.socket, "connect", _refuse)
    mp.setattr(socket.socket, "connect_ex", _refuse)


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny package file, built once per session (no side effects)."""
    from argos_tiny import build_package

    return build_package(tmp_path_factory.mktemp("build"))


def _forget_loaded_translations() -> None:
    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.installed_translates.clear()
        translate.get_installed_languages.cache_clear()


@pytest.fixture(scope="module")
def argos_package(tiny_package: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tiny package installed in temporary argos folders, the network refused.

    Module-scoped: the environment, argos settings and the guard are restored
    after this module, so later tests see neither the package nor the guard.
    """
    from argos_tiny import offline_argos_environment

    home = tmp_path_factory.mktemp("argoshome")
    mp = pytest.MonkeyPatch()
    for key, value in offline_argos_environment(home).items():
        mp.setenv(key, value)
    _guard(mp)
    first_import = "argostranslate.settings" not in sys.modules
    import argostranslate.settings as settings  # a first import reads the environment above

    # Another test may have imported argos first (with the real home): re-point it.
    data, cache = home / "data" / "argos-translate", home / "cache" / "argos-translate"
    for name, value in [("data_dir", data), ("cache_dir", cache),
                        ("downloads_dir", cache / "downloads"),
                        ("local_package_index", data / "index.json"),
                        ("package_data_dir", home / "packages"),
                        ("package_dirs", [home / "packages"]),
                        ("chunk_type", settings.ChunkType.SPACY)]:
        mp.setattr(settings, name, value)
    (cache / "downloads").mkdir(parents=True, exist_ok=True)
    _forget_loaded_translations()
    assert cli.main(["models", "install", "--file", str(tiny_package)]) == 0
    yield tiny_package
    mp.undo()
    if first_import:  # its import-time values are the temporary ones: read the real ones
        importlib.reload(settings)
    _forget_loaded_translations()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    _guard(monkeypatch)


def other_article() -> tuple[tuple[Any, ...], tuple[Mention, ...]]:
    sentences = hindi.sentences(OTHER)
    first = sentences[0].text
    start = first.index("सर्गेई शोइगु")
    shoigu = Entity("person/sergei-shoigu", "person", Bilingual("सर्गेई शोइगु", "Sergei Shoigu"))
    return sentences, (Mention(0, start, start + len("सर्गेई शोइगु"), "सर्गेई शोइगु", shoigu),)


class Spy:
    """Wraps ArgosEngine.translate: records every batch, optionally echoes placeholders."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, echo: bool = False) -> None:
        self.batches: list[list[str]] = []
        real = argos.ArgosEngine.translate

        def spy(engine: argos.ArgosEngine, texts: Sequence[str]) -> list[str]:
            self.batches.append(list(texts))
            out = real(engine, texts)
            if echo:
                out = [o + "".join(f" NAME{k}" for k in range(3) if f"NAME{k}" in t)
                       for o, t in zip(out, texts, strict=True)]
            return out

        monkeypatch.setattr(argos.ArgosEngine, "translate", spy)


def test_guard_refuses_the_network() -> None:
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("localhost", 80)


def test_installed_package_is_found_and_listed(argos_package: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    found = argos.find()
    assert found is not None and found.engine == ENGINE and found.path.is_dir()
    assert cli.main(["models", "list"]) == 0
    assert ENGINE in capsys.readouterr().out
    translator = Translator(SHIPPED, None)
    assert translator.status() == "model" and ENGINE in translator.engine_version()


def test_install_refuses_what_is_not_a_hindi_english_package(argos_package: Path,
                                                             tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("not a zip")
    assert cli.main(["models", "install", "--file", str(bogus)]) == 1


def test_batch_is_one_model_call_and_matches_argos_own_translate(argos_package: Path) -> None:
    import argostranslate.translate

    found = argos.find()
    assert found is not None
    engine = argos.ArgosEngine(found)
    texts = [s.text for s in hindi.sentences(OTHER)] + [""]
    batch = engine.translate(texts)
    assert batch[-1] == "" and all(out and out.isascii() for out in batch[:-1])
    assert len(set(batch[:-1])) > 1  # the output depends on the input
    assert batch[:-1] == [engine.translate([t])[0] for t in texts[:-1]]
    assert batch[0] == argostranslate.translate.translate(texts[0], "hi", "en")


def test_article_provenance_editor_for_seed_machine_for_the_rest(argos_package: Path,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 ) -> None:
    spy = Spy(monkeypatch)
    translator = Translator(SHIPPED, tmp_path / "cache.json")
    seed = hindi.sentences(hindi.normalise(SEED.read_text(encoding="utf-8")))
    assert {t.provenance for t in translator.translate_article(seed, ())} == {"editor"}
    assert spy.batches == []
    sentences, mentions = other_article()
    result = translator.translate_article(sentences, mentions)
    assert [(t.provenance, t.engine) for t in result] == [("machine", ENGINE)] * len(sentences)
    assert all(t.text and not any("\u0900" <= c <= "\u097f" for c in t.text) for t in result)
    # one batch for all sentences, then one retry for the sentence whose placeholder got lost
    assert len(spy.batches) == 2 and len(spy.batches[0]) == len(sentences)


def test_names_are_shielded_from_the_model_and_restored(argos_package: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch, echo=True)
    sentences, mentions = other_article()
    result = Translator(SHIPPED, None).translate_article(sentences, mentions)
    model_input = " ".join(spy.batches[0])
    assert "शोइगु" not in model_input and "NAME0" in model_input
    assert "Sergei Shoigu" in result[0].text and "NAME" not in result[0].text
    assert len(spy.batches) == 1  # nothing lost, no retry


def test_lost_placeholders_are_retried_with_the_english_name(argos_package: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    spy = Spy(monkeypatch)
    sentences, mentions = other_article()
    Translator(SHIPPED, None).translate_article(sentences, mentions)
    assert len(spy.batches) == 2
    assert spy.batches[1] == [sentences[0].text.replace("सर्गेई शोइगु", "Sergei Shoigu")]


def test_cached_sentences_are_never_translated_again(argos_package: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    sentences, mentions = other_article()
    first = Translator(SHIPPED, tmp_path / "cache.json").translate_article(sentences, mentions)
    spy = Spy(monkeypatch)
    again = Translator(SHIPPED, tmp_path / "cache.json").translate_article(sentences, mentions)
    assert again == first and spy.batches == []


def test_update_memory_adds_fuzzy_machine_entries_reused_without_model(
    argos_package: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "hi-en.po"
    shutil.copy(SHIPPED, memory)
    editors = [(e.source, e.text) for e in Memory.load(memory).entries()]
    sentences, mentions = other_article()
    seed = hindi.sentences(hindi.normalise(SEED.read_text(encoding="utf-8")))
    added = Translator(memory, None).update_memory([(seed, ()), (sentences, mentions)])
    assert added == len(sentences)
    entries = list(Memory.load(memory).entries())
    assert [(e.source, e.text) for e in entries[: len(editors)]] == editors
    assert all(not e.reviewed and e.engine == ENGINE for e in entries[len(editors):])
    offline = Translator(memory, None, use_model=False).translate_article(sentences, mentions)
    assert [(t.provenance, t.engine) for t in offline] == [("machine", ENGINE)] * len(sentences)
    assert Translator(memory, None).update_memory([(sentences, mentions)]) == 0


def test_translate_command_prints_hindi_english_and_provenance(
    argos_package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(OTHER, encoding="utf-8")
    assert cli.main(["translate", "--root", str(tmp_path), str(article)]) == 0
    out = capsys.readouterr().out
    assert "सेना प्रमुख ने सीमा का दौरा किया।" in out and f"[machine: {ENGINE}]" in out


def test_remove_leaves_gloss_and_install_brings_the_model_back(argos_package: Path) -> None:
    assert cli.main(["models", "remove"]) == 0
    assert argos.find() is None
    assert Translator(SHIPPED, None).status() == "gloss"
    assert cli.main(["models", "install", "--file", str(argos_package)]) == 0
    assert argos.find() is not None


def test_install_from_the_index_offline_is_a_short_clear_error(
    argos_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["models", "install", "--timeout", "1"]) == 1
    err = capsys.readouterr().err
    assert "are you offline?" in err and "Recursion" not in err and len(err.splitlines()) == 1


def test_a_failing_model_falls_back_to_the_gloss(argos_package: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(engine: argos.ArgosEngine, texts: Sequence[str]) -> list[str]:
        raise argos.ArgosError("cannot load the model")

    monkeypatch.setattr(argos.ArgosEngine, "translate", broken)
    translator = Translator(SHIPPED, None)
    sentences, mentions = other_article()
    result = translator.translate_article(sentences, mentions)
    assert {t.provenance for t in result} == {"gloss"} and "Sergei Shoigu" in result[0].text
    assert translator.status() == "gloss" and translator.problems == ["cannot load the model"]


def test_update_memory_command_fills_the_project_memory(argos_package: Path, project: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    articles = project / "content" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (articles / "other.txt").write_text(OTHER, encoding="utf-8")
    memory = project / "content" / "translations" / "hi-en.po"
    editors = [(e.source, e.text) for e in Memory.load(memory).entries()]
    assert cli.main(["translate", "--update-memory", "--root", str(project)]) == 0
    assert f"added {len(hindi.sentences(OTHER))} machine translations" in capsys.readouterr().out
    entries = list(Memory.load(memory).entries())
    assert [(e.source, e.text) for e in entries[: len(editors)]] == editors
    assert {e.engine for e in entries[len(editors):]} == {ENGINE}


def test_install_from_the_index_picks_the_newest_hindi_english_package(
    argos_package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    import argostranslate.package
    import argostranslate.settings

    index = [{"from_code": "hi", "to_code": "en", "package_version": v, "code": "translate-hi_en",
              "type": "translate", "links": []} for v in ("0.0.1", "0.0.2")]
    index.append({"from_code": "en", "to_code": "hi", "package_version": "9.0", "links": []})
    fetched: list[str] = []

    def update() -> None:
        local = Path(argostranslate.settings.local_package_index)
        local.parent.mkdir(parents=True, exist_ok=True)  # argos makes it at import, maybe for another home
        local.write_text(json.dumps(index))

    def download(available: Any) -> Path:
        fetched.append(available.package_version)
        return Path(shutil.copy(argos_package, tmp_path / "download.argosmodel"))

    monkeypatch.setattr(argostranslate.package, "update_package_index", update)
    monkeypatch.setattr(argostranslate.package.AvailablePackage, "download", download)
    try:
        installed = argos.download(timeout=1)
    finally:
        Path(argostranslate.settings.local_package_index).unlink(missing_ok=True)
    assert fetched == ["0.0.2"] and installed.engine == ENGINE
    assert not (tmp_path / "download.argosmodel").exists()


def test_a_build_with_the_model_shows_machine_english_and_its_provenance(
        argos_package: Path, project: Path) -> None:
    articles = project / "content" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (articles / "other.txt").write_text("---\ndate: 2023-05-02\n---\n" + OTHER, encoding="utf-8")
    assert cli.main(["build", "--root", str(project)]) == 0
    other = (project / "site" / "en" / "articles" / "other.html").read_text(encoding="utf-8")
    seed = (project / "site" / "en" / "articles" /
            "rajnath-singh-sco-bilateral-meetings-2023-04-28.html").read_text(encoding="utf-8")
    assert ENGINE in other and "provenance-machine" in other and "provenance-gloss" not in other
    assert "provenance-editor" in seed and "provenance-machine" not in seed
