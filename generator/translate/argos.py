"""The argostranslate engine: the installed Hindi→English package, translated in batches.

argostranslate is imported lazily and only its package module (cheap, no torch).
Translation goes one level down: the package's CTranslate2 model and its
SentencePiece tokenizer, one ``translate_batch`` call per batch of the project's
own sentences. argos's own sentence splitter is never used: with the real hi→en
package it loads stanza, which tries to download resources and fails offline.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FROM_CODE, TO_CODE = "hi", "en"
# Tokens per CTranslate2 batch; a call sorts its sentences by length and splits
# them into such batches, so little padding is computed. argos's own
# ARGOS_BATCH_SIZE (32 tokens) makes nearly every sentence a batch of its own.
BATCH_TOKENS = 1024


class ArgosError(Exception):
    """argostranslate is missing, or a package cannot be installed, found or run."""


def _package_module() -> Any:
    try:
        import argostranslate.package as package
    except ImportError as err:
        raise ArgosError(
            "argostranslate is not installed: pip install 'defence-digest[translate]'"
        ) from err
    return package


@dataclass(frozen=True)
class ModelPackage:
    """An installed hi→en argos package."""

    path: Path
    code: str
    version: str

    @property
    def engine(self) -> str:
        """What provenance names: engine, package and version."""
        return f"argostranslate {self.code} {self.version}"

    def fingerprint(self) -> str:
        """Engine name plus a digest of the package's metadata and model files (sizes, config)."""
        digest = hashlib.sha256()
        for name in ("metadata.json", "model/config.json", "sentencepiece.model"):
            file = self.path / name
            digest.update(name.encode() + (file.read_bytes() if file.is_file() else b""))
        model = self.path / "model" / "model.bin"
        digest.update(str(model.stat().st_size if model.is_file() else -1).encode())
        return f"{self.engine} #{digest.hexdigest()[:12]}"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else -1 for part in version.split("."))


def installed() -> list[ModelPackage]:
    """Installed hi→en packages, newest version first (folders without metadata are skipped)."""
    package = _package_module()
    from argostranslate import settings

    found: list[ModelPackage] = []
    for folder in settings.package_dirs:
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).iterdir()):
            if not (path / "metadata.json").is_file():
                continue
            try:
                pkg = package.Package(path)
            except (OSError, ValueError, KeyError):
                continue
            if (pkg.type, pkg.from_code, pkg.to_code) == ("translate", FROM_CODE, TO_CODE):
                code = getattr(pkg, "code", "") or f"translate-{FROM_CODE}_{TO_CODE}"
                found.append(ModelPackage(path, code, str(pkg.package_version)))
    return sorted(found, key=lambda p: (_version_key(p.version), p.path.name), reverse=True)


def find() -> ModelPackage | None:
    """The hi→en package to use, or None when argostranslate or the package is missing."""
    try:
        packages = installed()
    except ArgosError:
        return None
    return packages[0] if packages else None


class ArgosEngine:
    """Batch translation with one installed package; the model loads on first use."""

    def __init__(self, package: ModelPackage) -> None:
        self.package = package
        self._argos: Any = None
        self._model: Any = None

    def _load(self) -> None:
        import ctranslate2

        package = _package_module()
        from argostranslate import settings

        self._argos = package.Package(self.package.path)
        if getattr(self._argos, "tokenizer", None) is None:
            raise ArgosError(f"{self.package.path}: package has no tokenizer")
        try:
            self._model = ctranslate2.Translator(
                str(self.package.path / "model"), device=settings.device,
                inter_threads=settings.inter_threads, intra_threads=settings.intra_threads,
                compute_type=settings.compute_type,
            )
        except (RuntimeError, ValueError, OSError) as err:
            raise ArgosError(f"{self.package.path}: cannot load the model: {err}") from err

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate sentences with one model call; empty texts stay empty."""
        if self._model is None:
            self._load()
        from argostranslate import settings

        tokenizer = self._argos.tokenizer
        wanted = [i for i, text in enumerate(texts) if text.strip()]
        batch = [tokenizer.encode(texts[i].replace("\n", " ")) for i in wanted]
        prefix = self._argos.target_prefix or ""
        results = self._model.translate_batch(
            batch, target_prefix=[[prefix]] * len(batch) if prefix else None,
            replace_unknowns=True, max_batch_size=BATCH_TOKENS, batch_type="tokens",
            beam_size=settings.beam_size, num_hypotheses=1, length_penalty=0.2,
        ) if batch else []
        out = [""] * len(texts)
        for i, result in zip(wanted, results, strict=True):
            value = tokenizer.decode(result.hypotheses[0])
            if prefix and value.startswith(prefix):
                value = value[len(prefix) :]
            out[i] = value.strip()
        return out


def check_archive(path: Path) -> dict[str, Any]:
    """The metadata of a hi→en ``.argosmodel``; ArgosError when it is not one."""
    if not zipfile.is_zipfile(path):
        raise ArgosError(f"{path}: not an .argosmodel (a zip archive)")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        tops = {name.split("/", 1)[0] for name in names}
        if len(tops) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
            raise ArgosError(f"{path}: an .argosmodel holds exactly one top-level folder")
        top = tops.pop()
        try:
            metadata: dict[str, Any] = json.loads(archive.read(f"{top}/metadata.json"))
        except (KeyError, ValueError) as err:
            raise ArgosError(f"{path}: no readable {top}/metadata.json") from err
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if pair != (FROM_CODE, TO_CODE) or metadata.get("type", "translate") != "translate":
        raise ArgosError(f"{path}: translates {pair[0]}→{pair[1]}, not {FROM_CODE}→{TO_CODE}")
    return metadata


def install_file(path: Path) -> ModelPackage:
    """Install a local ``.argosmodel`` after checking it is a hi→en package."""
    check_archive(path)
    package = _package_module()
    package.install_from_path(path)
    found = find()
    if found is None:
        raise ArgosError(f"{path}: installed, but argostranslate does not list it")
    return found


def remove(target: ModelPackage) -> None:
    """Uninstall one package."""
    package = _package_module()
    package.uninstall(package.Package(target.path))


class _Errors(logging.Handler):
    """Collects what argostranslate logs as errors (it logs network failures, not raises)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def download(timeout: float) -> ModelPackage:
    """Fetch the hi→en package from the argos package index and install it (needs a network)."""
    import socket

    package = _package_module()
    from argostranslate import settings

    log = logging.getLogger("argostranslate.utils")
    errors, propagate = _Errors(), log.propagate
    log.addHandler(errors)
    log.propagate = False
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        package.update_package_index()  # logs and returns on failure; never raises
        if errors.messages or not Path(settings.local_package_index).is_file():
            cause = errors.messages[0].removeprefix("(").removesuffix(",)") if errors.messages else "no index"
            raise ArgosError(f"cannot reach the argos package index ({cause}): are you offline?")
        candidates = [p for p in package.get_available_packages()
                      if (p.from_code, p.to_code) == (FROM_CODE, TO_CODE)]
        if not candidates:
            raise ArgosError("the argos package index lists no Hindi→English package")
        best = max(candidates, key=lambda p: _version_key(str(p.package_version)))
        try:
            archive = best.download()
        except Exception as err:  # argos raises a bare Exception on download failure
            detail = f" ({errors.messages[-1]})" if errors.messages else ""
            raise ArgosError(f"download failed: {err}{detail}") from err
    finally:
        socket.setdefaulttimeout(previous)
        log.removeHandler(errors)
        log.propagate = propagate
    installed_package = install_file(Path(archive))
    Path(archive).unlink(missing_ok=True)  # the download is a copy of what is now installed
    return installed_package
