"""YAML front matter at the top of a draft: found, parsed, and kept out of the prose."""

from __future__ import annotations

import re
from typing import Any, Mapping, NamedTuple

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", re.MULTILINE)


class FrontMatter(NamedTuple):
    """The front matter's extent, its parsed mapping, and a parse problem if any."""

    end: int
    data: Mapping[str, Any] | None
    error: str | None


def find_front_matter(text: str) -> FrontMatter | None:
    """Return the front matter at offset 0, or None when the draft has none."""
    opening = _OPEN.match(text)
    if opening is None:
        return None
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return FrontMatter(0, None, "front matter opened with '---' is never closed")
    body = text[opening.end() : closing.start()]
    try:
        import yaml  # only drafts with front matter pay for the import

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(body, Loader=loader)
    except Exception as exc:  # any YAML error: report it, lint the rest
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter(closing.end(), None, f"front matter is not valid YAML: {problem}")
    if data is not None and not isinstance(data, dict):
        return FrontMatter(closing.end(), None, "front matter is not a mapping of keys to values")
    return FrontMatter(closing.end(), data or {}, None)
