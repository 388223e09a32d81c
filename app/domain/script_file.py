"""A script as a text file: decoding ``.txt`` / ``.md`` bytes, and the Markdown export.

Text files are read as UTF-8 (a byte-order mark is dropped; UTF-16 and UTF-32 with a BOM are
unambiguous and read too). Anything else raises ``NotUtf8Error`` so the caller can ask the
user which encoding the file uses — guessing would save mojibake silently. After decoding,
NUL characters are removed and line ends become ``\\n``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from app.domain.script import Script, ScriptKind, clean_text

MAX_SCRIPT_FILE_BYTES = 2_000_000  # a voicemail is a few hundred bytes; this is no script
# Offered when a file is not UTF-8, most likely first (what Windows editors save).
FALLBACK_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("cp1252", "Windows-1252 (Western European, Windows)"),
    ("latin-1", "ISO-8859-1 (Latin-1)"),
    ("utf-16", "UTF-16"),
    ("cp1250", "Windows-1250 (Central European)"),
    ("cp1251", "Windows-1251 (Cyrillic)"),
    ("mac_roman", "Mac OS Roman"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_KIND_BY_LABEL = {kind.label: kind for kind in ScriptKind}
_EXPORTED_MARKDOWN = re.compile(
    r"\A# (?P<name>[^\n]*)\n\n- Kind: (?P<kind>[^\n]*)\n- Target: (?P<target>[0-9.]+) s\n"
    r"\n?(?P<text>.*)\Z",
    re.DOTALL,
)


class ScriptFileError(ValueError):
    """The file cannot become a script; ``str()`` is a message for the user."""


class NotUtf8Error(ScriptFileError):
    """The bytes are not UTF-8 text: ask which encoding the file uses."""


@dataclass(frozen=True, slots=True)
class ScriptDraft:
    """What a text file holds: a name (from the file), a kind and target, the text."""

    name: str
    kind: ScriptKind
    target_s: float
    text: str


def decode_script_file(data: bytes) -> str:
    """The text of a script file; NotUtf8Error for anything that is not Unicode text."""
    _check_size(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return decode_with_encoding(data, codec)
    # Many NULs without a BOM: UTF-16 without a mark, or not text at all.
    if data.count(0) * 4 > len(data):
        raise NotUtf8Error("The file is not UTF-8 text (it may be UTF-16 without a "
                           "byte-order mark, or not a text file at all).")  # fmt: skip
    try:
        return _tidy(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise NotUtf8Error(
            f"The file is not UTF-8 text (byte {error.start + 1} is 0x{data[error.start]:02X})."
        ) from None


def decode_with_encoding(data: bytes, encoding: str) -> str:
    """The text of ``data`` in an encoding the user chose; ScriptFileError if it does not fit."""
    _check_size(data)
    try:
        text = data.decode(encoding)
    except LookupError:
        raise ScriptFileError(f"Unknown text encoding: {encoding}.") from None
    except UnicodeDecodeError:
        raise ScriptFileError(f"The file is not valid {encoding} text either.") from None
    return _tidy(text.removeprefix("\ufeff"))


def draft_from_text(file_stem: str, text: str) -> ScriptDraft:
    """The script a decoded file becomes: named after the file, a voicemail unless the text
    is a Markdown export of Brevity's own (then its name, kind and target come back too)."""
    exported = _EXPORTED_MARKDOWN.match(text)
    if exported and exported["kind"] in _KIND_BY_LABEL:
        target_s = float(exported["target"])
        if 0 < target_s <= 3600:
            return ScriptDraft(
                name=exported["name"].strip() or _name(file_stem),
                kind=_KIND_BY_LABEL[exported["kind"]],
                target_s=target_s,
                text=exported["text"].removesuffix("\n"),
            )
    kind = ScriptKind.VOICEMAIL
    return ScriptDraft(_name(file_stem), kind, kind.default_target_s, text)


def markdown_for(script: Script) -> str:
    """The script as Markdown: a title, its kind and target, then the text as written."""
    name = " ".join(script.name.split()) or "Untitled script"
    text = script.text.removesuffix("\n")
    return f"# {name}\n\n- Kind: {script.kind.label}\n- Target: {script.target_s:g} s\n\n{text}\n"


def _name(file_stem: str) -> str:
    return " ".join(clean_text(file_stem).split()) or "Imported script"


def _tidy(text: str) -> str:
    return clean_text(text).replace("\r\n", "\n").replace("\r", "\n")


def _check_size(data: bytes) -> None:
    if len(data) > MAX_SCRIPT_FILE_BYTES:
        raise ScriptFileError(
            f"The file is {len(data) // 1_000_000} MB: far too long for a script."
        )
