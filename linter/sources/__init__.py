"""Front ends: bytes or text in, Document out, with the format chosen by file extension."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from linter.document import Document
from linter.sources.builder import DocumentBuilder
from linter.sources.decode import decode
from linter.sources.markdown import read_markdown
from linter.sources.plaintext import read_plaintext


def read_html(builder: DocumentBuilder) -> None:
    """Read an HTML draft (html.parser is imported by the first HTML draft, not by every run)."""
    from linter.sources.html import read_html as read

    read(builder)


READERS: dict[str, Callable[[DocumentBuilder], None]] = {
    "markdown": read_markdown,
    "text": read_plaintext,
    "html": read_html,
}
EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: str, default: str = "markdown") -> str:
    """The format a path's extension implies; unknown extensions read as `default`."""
    return EXTENSIONS.get(Path(path).suffix.lower(), default)


def parse_text(text: str, path: str = "<text>", fmt: str = "markdown") -> Document:
    """Parse already-decoded text into a Document."""
    if fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(READERS)}")
    builder = DocumentBuilder(path, text, fmt)
    READERS[fmt](builder)
    return builder.build()


def parse_bytes(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Decode and parse a draft's bytes; undecodable bytes become a `meta.encoding` note."""
    decoded = decode(data, path)
    document = parse_text(decoded.text, path, fmt or format_for(path))
    if decoded.bad_byte_offset is not None:
        at = decoded.bad_char_offset if decoded.bad_char_offset is not None else max(decoded.text.find("\ufffd"), 0)
        document.notes.append(
            (
                "meta.encoding",
                at,
                min(at + 1, len(decoded.text)),
                f"invalid {decoded.encoding} at byte offset {decoded.bad_byte_offset}; "
                "undecodable bytes were read as U+FFFD",
            )
        )
    return document
