"""Turn a draft's bytes into text: BOMs, UTF-16, invalid UTF-8 and binary files."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from linter.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SNIFF = 8192
# File signatures of formats that are never drafts, for binaries whose first 8 KiB hold no NUL
# byte (a PDF's header and first text objects, a GIF, a JPEG with a long text comment). Only
# signatures no prose draft could start with.
_SIGNATURES: tuple[bytes, ...] = (
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
)


class Decoded(NamedTuple):
    """Decoded text plus where the first undecodable byte was (None when the bytes were clean).

    `bad_char_offset` is where that byte's U+FFFD sits in `text`.
    """

    text: str
    bad_byte_offset: int | None
    encoding: str
    bad_char_offset: int | None = None


def looks_binary(data: bytes) -> bool:
    """A known binary signature, or a NUL byte in the first 8 KiB without a UTF-16/32 BOM."""
    if any(data.startswith(bom) for bom, enc in _BOMS if enc != "utf-8"):
        return False
    return data.startswith(_SIGNATURES) or b"\x00" in data[:_BINARY_SNIFF]


def decode(data: bytes, path: str) -> Decoded:
    """Decode bytes as UTF-8 (or the encoding a BOM names); invalid bytes become U+FFFD."""
    if looks_binary(data):
        raise InputError("binary file, not a text draft", path, "pass only Markdown, text or HTML files")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            break
    else:
        encoding, body = "utf-8", data
    try:
        return Decoded(body.decode(encoding), None, encoding)
    except UnicodeDecodeError as exc:
        # Lint what can be read rather than refusing the file; the caller reports the offset.
        offset = exc.start + (len(data) - len(body))
        # Everything before the bad byte decoded cleanly, so its length is the character offset
        # of the first U+FFFD (the text may hold genuine U+FFFD characters earlier on).
        at = len(body[: exc.start].decode(encoding))
        return Decoded(body.decode(encoding, errors="replace"), offset, encoding, at)
