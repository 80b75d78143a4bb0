"""The explicit table of rule kinds. A rule file's `kind:` names one of these."""

from __future__ import annotations

from linter.kinds import pattern
from linter.kinds.base import Kind

KINDS: dict[str, Kind] = {
    pattern.KIND.name: pattern.KIND,
}
