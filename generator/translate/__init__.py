"""Translation, Hindi → English: memory (editor), argostranslate (machine), gloss.

Importing this package is cheap: argostranslate and CTranslate2 load only when
a model is looked up or used.
"""

from generator.translate.argos import ArgosError, ModelPackage
from generator.translate.engine import Translator
from generator.translate.memory import Entry, Memory

__all__ = ["ArgosError", "Entry", "Memory", "ModelPackage", "Translator"]
