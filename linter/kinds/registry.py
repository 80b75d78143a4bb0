"""The explicit table of rule kinds. A rule file's `kind:` names one of these."""

from __future__ import annotations

from linter.kinds import pattern
from linter.kinds import claim
from linter.kinds import consistency, dose_range
from linter.kinds import disclaimer, interaction
from linter.kinds.base import Kind

KINDS: dict[str, Kind] = {
    pattern.KIND.name: pattern.KIND,
    claim.KIND.name: claim.KIND,
    consistency.KIND.name: consistency.KIND,
    dose_range.KIND.name: dose_range.KIND,
    interaction.KIND.name: interaction.KIND,
    disclaimer.KIND.name: disclaimer.KIND,
}
