"""The translation memory: ``content/translations/hi-en.po``, read and written with Babel.

msgid is a Hindi sentence exactly as ``generator.hindi`` segments it, msgstr its
English. An entry without the fuzzy flag is an editor's reviewed translation;
machine output enters as fuzzy with ``engine: <engine>`` as translator comment.
Saving never overwrites, drops or reorders an existing entry (new ones go at the
end), keeps the file's own header, and replaces the file atomically.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from generator import atomic

ENGINE_PREFIX = "engine: "
DEFAULT_HEADER = """\
# Translation memory, Hindi -> English, for the digest.
# msgid: a Hindi sentence exactly as the build segments it; msgstr: its English.
# Entries without "#, fuzzy" are an editor's reviewed translations (provenance
# "editor"). Fuzzy entries are machine output, engine named in the comment:
# review one, remove the fuzzy flag and it becomes an editor entry.
msgid ""
msgstr ""
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


@dataclass(frozen=True)
class Entry:
    """One memory entry: the English for a Hindi sentence and whether an editor reviewed it."""

    source: str
    text: str
    reviewed: bool
    engine: str | None = None


class MemoryFileError(ValueError):
    """The memory file cannot be read; the build reports it and never rewrites the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class Memory:
    """A PO translation memory held in memory; ``save`` writes it back."""

    def __init__(self, catalog: Catalog, header: str) -> None:
        self._catalog = catalog
        self._header = header
        self.added = 0

    @classmethod
    def empty(cls) -> Memory:
        """A memory with no entries."""
        return cls(Catalog(locale="en", fuzzy=False), DEFAULT_HEADER)

    @classmethod
    def load(cls, path: Path) -> Memory:
        """The memory at ``path``; an empty one if the file does not exist.

        Raises MemoryFileError when the file is not UTF-8 or not a PO file.
        """
        if not path.is_file():
            return cls.empty()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw.count(b"\n", 0, err.start) + 1
            raise MemoryFileError(line, f"not UTF-8: undecodable byte 0x{raw[err.start]:02x}") from None
        try:
            catalog = read_po(io.BytesIO(raw), locale="en", abort_invalid=True)
        except PoFileError as err:
            raise MemoryFileError(max(1, getattr(err, "lineno", 1) or 1), f"not a PO file: {err}") from None
        return cls(catalog, _header_of(text))

    def get(self, source: str) -> Entry | None:
        """The translated entry for ``source``, or None."""
        message = self._catalog.get(source) if source else None
        if message is None or not isinstance(message.string, str) or not message.string.strip():
            return None
        engine = next((c[len(ENGINE_PREFIX):].strip() for c in message.user_comments
                       if c.startswith(ENGINE_PREFIX)), None)
        return Entry(source, message.string, not message.fuzzy, engine)

    def editor(self, source: str) -> str | None:
        """The reviewed English for ``source``, if an editor wrote one."""
        entry = self.get(source)
        return entry.text if entry and entry.reviewed else None

    def entries(self) -> Iterable[Entry]:
        """Every translated entry, in file order."""
        for message in self._catalog:
            if isinstance(message.id, str) and message.id:
                entry = self.get(message.id)
                if entry:
                    yield entry

    def add_machine(self, source: str, text: str, engine: str) -> bool:
        """Add machine output as a fuzzy entry, unless ``source`` already has a translation."""
        if not source or not text.strip() or self.get(source) is not None:
            return False
        if source in self._catalog:
            del self._catalog[source]  # an untranslated stub: replaced, never a translation
        self._catalog.add(source, text, flags=["fuzzy"], user_comments=[ENGINE_PREFIX + engine])
        self.added += 1
        return True

    def save(self, path: Path) -> None:
        """Write the memory atomically (temporary file in the same folder, then rename)."""
        body = io.BytesIO()
        write_po(body, self._catalog, width=0, omit_header=True)
        entries = body.getvalue().decode("utf-8").strip("\n") + "\n"
        atomic.write_text(path, self._header.rstrip("\n") + "\n\n" + entries)


def _header_of(text: str) -> str:
    """The file's leading comments and header entry (``msgid ""``), kept verbatim."""
    block = text.replace("\r\n", "\n").split("\n\n", 1)[0]
    return block + "\n" if 'msgid ""' in block else DEFAULT_HEADER
