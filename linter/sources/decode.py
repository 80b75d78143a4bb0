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


class Decoded(NamedTuple):
    """Decoded text plus where the first undecodable byte was (None when the bytes were clean)."""

    text: str
    bad_byte_offset: int | None
    encoding: str


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KiB of a file without a UTF-16/32 BOM marks it as binary."""
    if any(data.startswith(bom) for bom, enc in _BOMS if enc != "utf-8"):
        return False
    return b"\x00" in data[:_BINARY_SNIFF]


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
        return Decoded(body.decode(encoding, errors="replace"), offset, encoding)
