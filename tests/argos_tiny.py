"""Build a tiny Hindi→English ``.argosmodel``: the real package format, nonsense output.

The CTranslate2 model is a one-layer Transformer filled from numpy arrays. Its
decoder is a small state machine: the previous output token's embedding names
a state, the projection only lets the next state's group of English words win,
and the cross-attention (random weights, so it depends on the input) picks the
word within the group. Every sentence therefore becomes four English words and
``</s>``, and different inputs give different words.

The package bundles a blank spaCy pipeline as its sentence splitter, so
argostranslate's own ``translate()`` works offline when ``ARGOS_CHUNK_TYPE=SPACY``
is set and ``$XDG_CACHE_HOME/argos-translate/spacy/senter/model`` exists before
argostranslate is imported (see ``offline_argos_environment``). The project's
own engine never uses argos's splitter.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np

HINDI_LINES = (
    "रक्षा मंत्री ने रूस के रक्षा मंत्री से मुलाकात की।",
    "दोनों देशों ने द्विपक्षीय सहयोग पर चर्चा की।",
    "भारत और रूस के बीच रक्षा साझेदारी मजबूत है।",
    "बैठक में क्षेत्रीय शांति और सुरक्षा पर बात हुई।",
    "सेना प्रमुख ने सीमा का दौरा किया।",
    "नौसेना ने संयुक्त अभ्यास में भाग लिया।",
)
ENGLISH_LINES = (
    "The defence minister met the defence minister of Russia.",
    "The two countries discussed bilateral cooperation.",
    "The defence partnership between India and Russia is strong.",
    "The meeting discussed regional peace and security.",
    "The army chief visited the border.",
    "The navy took part in a joint exercise.",
    "Ministers held talks on trade, energy and technology.",
    "Officials signed an agreement on maritime security.",
    "The delegation visited the capital for strategic dialogue.",
    "Leaders reviewed defence industry projects and training.",
)
GROUPS = 4  # English words per output sentence
MODEL_DIM, FFN_DIM, HEADS = 32, 64, 2
STATE_WEIGHT = 50.0  # embedding value of a state; dwarfs the position encoding


def build_package(folder: Path, version: str = "0.0.1", seed: int = 7) -> Path:
    """Write ``translate-hi_en-<version>.argosmodel`` into ``folder`` and return its path."""
    name = f"translate-hi_en-{version.replace('.', '_')}"
    root = folder / name
    if root.exists():
        shutil.rmtree(root)
    (root / "model").mkdir(parents=True)
    pieces = _train_sentencepiece(root / "sentencepiece.model")
    _model_spec(pieces, np.random.default_rng(seed)).save(str(root / "model"))
    _write_splitter(root / "spacy")
    (root / "README.md").write_text("Tiny generated test package: its output is nonsense.\n")
    metadata = {
        "package_version": version, "argos_version": "1.0", "type": "translate",
        "from_code": "hi", "from_name": "Hindi", "to_code": "en", "to_name": "English",
        "code": "translate-hi_en", "links": [],
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2))
    target = folder / f"{name}.argosmodel"
    _zip(root, target)
    return target


def _train_sentencepiece(path: Path) -> list[str]:
    """Train a unigram SentencePiece model on both languages; returns its pieces."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(HINDI_LINES * 8 + ENGLISH_LINES * 8), model_writer=model,
        vocab_size=200, hard_vocab_limit=False, model_type="unigram",
        character_coverage=1.0, num_threads=1, minloglevel=2,
    )
    path.write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def output_groups(pieces: list[str]) -> list[list[int]]:
    """Whole English words among the pieces, dealt round-robin into ``GROUPS`` groups."""
    words = [i for i, p in enumerate(pieces) if p.startswith("▁") and p[1:].isascii()
             and p[1:].isalpha() and len(p) > 2]
    return [words[g::GROUPS] for g in range(GROUPS)]


def _model_spec(pieces: list[str], rng: np.random.Generator) -> object:
    """A valid CTranslate2 Transformer whose decoder runs through ``GROUPS`` states."""
    import ctranslate2.specs as specs

    vocab, d = len(pieces), MODEL_DIM
    spec = specs.TransformerSpec.from_config((1, 1), HEADS, no_final_norm=True)

    def noise(*shape: int, scale: float = 0.3) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def norm(layer: object) -> None:
        layer.gamma = np.ones(d, np.float32)  # type: ignore[attr-defined]
        layer.beta = np.zeros(d, np.float32)  # type: ignore[attr-defined]

    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = noise(vocab, d)
    norm(enc.layer[0].self_attention.layer_norm)
    enc.layer[0].self_attention.linear[0].weight = noise(3 * d, d)
    enc.layer[0].self_attention.linear[1].weight = noise(d, d)
    norm(enc.layer[0].ffn.layer_norm)
    enc.layer[0].ffn.linear_0.weight = noise(FFN_DIM, d)
    enc.layer[0].ffn.linear_1.weight = noise(d, FFN_DIM)

    layer = dec.layer[0]
    norm(layer.self_attention.layer_norm)
    layer.self_attention.linear[0].weight = noise(3 * d, d)
    layer.self_attention.linear[1].weight = np.zeros((d, d), np.float32)
    norm(layer.attention.layer_norm)
    layer.attention.linear[0].weight = noise(d, d)
    layer.attention.linear[1].weight = noise(2 * d, d)
    out = noise(d, d, scale=0.5)
    out[: GROUPS + 1] = 0.0  # cross-attention never writes the state dimensions
    layer.attention.linear[2].weight = out
    norm(layer.ffn.layer_norm)
    layer.ffn.linear_0.weight = noise(FFN_DIM, d)
    layer.ffn.linear_1.weight = np.zeros((d, FFN_DIM), np.float32)

    embeddings = np.zeros((vocab, d), np.float32)
    projection = np.zeros((vocab, d), np.float32)
    embeddings[1, 0] = STATE_WEIGHT  # <s> is state 0
    for state, group in enumerate(output_groups(pieces), start=1):
        for token in group:
            embeddings[token, state] = STATE_WEIGHT
            projection[token, state - 1] = 1.0  # may follow the previous state only
            projection[token, GROUPS + 1 :] = noise(d - GROUPS - 1, scale=0.1)
    projection[2, GROUPS] = 1.0  # </s> follows the last group
    dec.embeddings.weight = embeddings
    dec.projection.weight = projection

    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization=None)
    return spec


def _write_splitter(folder: Path) -> None:
    """A blank Hindi spaCy pipeline; argos adds its rule-based sentencizer (splits at ``।``)."""
    import spacy

    spacy.blank("hi").to_disk(folder)


def _zip(root: Path, target: Path) -> None:
    """Zip ``root`` as the archive's single top-level folder, reproducibly."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(str(path.relative_to(root.parent)), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def offline_argos_environment(home: Path) -> dict[str, str]:
    """Environment that keeps argostranslate (and the spaCy splitter) inside ``home``, offline.

    Set these before argostranslate is first imported. ``home`` must not contain
    "stanza", "minisbd" or "spacy" in its path: argos picks splitters by substring.
    """
    env = {
        "HOME": str(home),
        "ARGOS_PACKAGES_DIR": str(home / "packages"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_CHUNK_TYPE": "SPACY",
    }
    (home / "cache" / "argos-translate" / "spacy" / "senter" / "model").mkdir(
        parents=True, exist_ok=True
    )
    (home / "packages").mkdir(parents=True, exist_ok=True)
    return env


if __name__ == "__main__":
    import sys

    print(build_package(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
