"""Configuration: `.draftlint.yaml` found by walking up from each draft, or given with --config."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from linter.errors import ConfigError
from linter.finding import SEVERITIES
from linter.kinds.base import RuleMeta
from linter.schema import Field, read_yaml, validate
from linter.suppressions import matches_rule

CONFIG_NAMES: tuple[str, ...] = (".draftlint.yaml", ".draftlint.yml")

FIELDS: dict[str, Field] = {
    "select": Field(list, default=None, items=str, help="only these rules, categories or prefixes"),
    "extend_select": Field(list, default=[], items=str, help="also these, including rules off by default"),
    "ignore": Field(list, default=[], items=str, help="never these"),
    "severity": Field(dict, default={}, items=str, help="rule or category -> error|warning|info"),
    "fail_on": Field(str, default="warning", choices=SEVERITIES),
    "rules": Field(list, default=[], items=str, help="extra rule folders, relative to this file"),
    "substances": Field(list, default=[], items=str, help="extra substance folders, relative to this file"),
    "include": Field(list, default=[], items=str, help="glob patterns of drafts to lint"),
    "exclude": Field(list, default=[], items=str, help="glob patterns of paths to skip"),
    "extensions": Field(list, default=None, items=str, help="file extensions to lint in folders"),
    "cross_file": Field(bool, default=False, help="compare doses and timing across drafts"),
    "evidence_domains": Field(list, default=[], items=str, help="extra domains whose links count as evidence"),
    "required_front_matter": Field(list, default=None, items=str, help="front-matter keys the disclaimer rule requires"),
}


@dataclass(frozen=True)
class Config:
    """Settings for one run (or one folder of drafts)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "warning"
    rule_folders: tuple[Path, ...] = ()
    substance_folders: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] | None = None
    cross_file: bool = False
    evidence_domains: tuple[str, ...] = ()
    required_front_matter: tuple[str, ...] | None = None
    source: Path | None = None

    def enabled(self, meta: RuleMeta) -> bool:
        """Whether a rule runs under this config (ruff-style select / extend_select / ignore)."""
        def hit(selectors: tuple[str, ...]) -> bool:
            return any(matches_rule(meta.id, meta.category, s) for s in selectors)

        if hit(self.ignore):
            return False
        if hit(self.extend_select):
            return True
        if self.select is not None:
            return hit(self.select)
        return meta.enabled

    def severity_for(self, rule_id: str, category: str, default: str) -> str:
        """The configured severity of a rule: the most specific selector wins."""
        best, best_len = default, -1
        for selector, level in self.severity:
            if matches_rule(rule_id, category, selector) and len(selector) > best_len:
                best, best_len = level, len(selector)
        return best

    def settings(self) -> dict[str, Any]:
        """Options that rule kinds read when they compile (see Knowledge.settings)."""
        return {
            "evidence_domains": self.evidence_domains,
            "required_front_matter": self.required_front_matter,
        }

    def with_cli(self, **overrides: Any) -> Config:
        """A copy with command-line options applied on top."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` (a folder or a file's folder) or any parent."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


def load_config(path: Path) -> Config:
    """Read and validate one config file."""
    data = read_yaml(path, ConfigError)
    if data is None:
        data = {}
    checked = validate(data, FIELDS, str(path), error=ConfigError)
    for selector, level in checked["severity"].items():
        if level not in SEVERITIES:
            raise ConfigError(f"key 'severity.{selector}' is {level!r}; expected one of: {', '.join(SEVERITIES)}", str(path))
    base = path.parent

    def folders(key: str) -> tuple[Path, ...]:
        return tuple((base / item).resolve() for item in checked[key])

    return Config(
        select=tuple(checked["select"]) if checked["select"] is not None else None,
        extend_select=tuple(checked["extend_select"]),
        ignore=tuple(checked["ignore"]),
        severity=tuple(checked["severity"].items()),
        fail_on=checked["fail_on"],
        rule_folders=folders("rules"),
        substance_folders=folders("substances"),
        include=tuple(checked["include"]),
        exclude=tuple(checked["exclude"]),
        extensions=tuple(checked["extensions"]) if checked["extensions"] is not None else None,
        cross_file=checked["cross_file"],
        evidence_domains=tuple(checked["evidence_domains"]),
        required_front_matter=tuple(checked["required_front_matter"]) if checked["required_front_matter"] is not None else None,
        source=path,
    )
