"""Load rule files: validate the common keys, hand the rest to the rule's kind, keep them in order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from linter.errors import RuleError
from linter.examples import EXAMPLE_FIELDS, LEXICON_EXAMPLES, Example, build_examples
from linter.finding import CATEGORIES, SEVERITIES
from linter.kinds.registry import KINDS
from linter.kinds.base import Check, RuleMeta
from linter.knowledge import Knowledge, load_knowledge
from linter.locations import builtin_rules_dir
from linter.schema import Field, read_yaml, validate

SUBSTANCES_FOLDER = "substances"
# Shared data files that rule files point at (e.g. the claims lexicons); never rules themselves.
LEXICONS_FOLDER = "lexicons"
DOCS_URL = "https://draftlint.readthedocs.io/rules/{id}"

COMMON_FIELDS: dict[str, Field] = {
    "id": Field(str, required=True, help="category.name, matching the file name"),
    "category": Field(str, required=True, choices=CATEGORIES[:-1]),
    "kind": Field(str, required=True),
    "severity": Field(str, required=True, choices=SEVERITIES),
    "message": Field(str, required=True),
    "why": Field(str, required=True),
    "suggestion": Field(str, default=None),
    "summary": Field(str, default=None, help="one line for `draftlint rules`; defaults to the first sentence of why"),
    "enabled": Field(bool, default=True),
    "url": Field(str, default=None),
    "examples": Field(list, required=True, fields=EXAMPLE_FIELDS),
}


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules in a stable order, and the knowledge base they share."""

    checks: tuple[Check, ...]
    knowledge: Knowledge

    def by_id(self) -> dict[str, Check]:
        """Rules keyed by id."""
        return {check.meta.id: check for check in self.checks}


def load_ruleset(
    extra_rule_folders: Iterable[Path] = (),
    extra_substance_folders: Iterable[Path] = (),
    settings: dict[str, Any] | None = None,
) -> RuleSet:
    """Load the built-in rules plus publisher folders; duplicate ids are an error."""
    builtin = builtin_rules_dir()
    rule_folders = [builtin, *extra_rule_folders]
    substance_folders = [builtin / SUBSTANCES_FOLDER, *extra_substance_folders]
    for folder in rule_folders:
        if folder != builtin and (folder / SUBSTANCES_FOLDER).is_dir():
            substance_folders.append(folder / SUBSTANCES_FOLDER)
    knowledge = load_knowledge(substance_folders)
    knowledge.settings.update(settings or {})
    checks: list[Check] = []
    seen: dict[str, str] = {}
    for folder in rule_folders:
        if not folder.is_dir():
            raise RuleError("rule folder does not exist", str(folder))
        for path in sorted(folder.rglob("*.yaml")):
            parts = path.relative_to(folder).parts
            if SUBSTANCES_FOLDER in parts or LEXICONS_FOLDER in parts:
                continue
            check = load_rule_file(path, knowledge)
            rule_id = check.meta.id
            if rule_id in seen:
                raise RuleError(f"duplicate rule id {rule_id!r}, also defined in {seen[rule_id]}", str(path))
            seen[rule_id] = str(path)
            checks.append(check)
    checks.sort(key=lambda c: c.meta.id)
    return RuleSet(tuple(checks), knowledge)


def load_rule_file(path: Path, knowledge: Knowledge) -> Check:
    """Validate one rule file and compile it with its kind."""
    source = str(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping of keys to values", source)
    kind_name = data.get("kind")
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise RuleError(f"key 'kind' is {kind_name!r}, which is not a rule kind", source, f"known kinds: {known}")
    common = {k: v for k, v in data.items() if k in COMMON_FIELDS}
    specific = {k: v for k, v in data.items() if k not in COMMON_FIELDS}
    fields = {**COMMON_FIELDS, **kind.fields}
    checked = validate({**common, **specific}, fields, source)
    meta = _meta(checked, path, source)
    return kind.build(meta, {k: checked[k] for k in kind.fields}, knowledge)


def _meta(checked: dict[str, Any], path: Path, source: str) -> RuleMeta:
    rule_id = checked["id"]
    expected = f"{checked['category']}.{path.stem}"
    if rule_id != expected:
        raise RuleError(f"key 'id' is {rule_id!r} but category and file name make it {expected!r}", source)
    examples = build_examples(checked["examples"], source)
    why = " ".join(checked["why"].split())
    summary = checked["summary"] or why.split(". ")[0].rstrip(".")
    return RuleMeta(
        id=rule_id,
        category=checked["category"],
        kind=checked["kind"],
        severity=checked["severity"],
        message=checked["message"],
        why=checked["why"].strip(),
        suggestion=checked["suggestion"],
        summary=summary,
        examples=examples,
        enabled=checked["enabled"],
        source=source,
        url=checked["url"] or DOCS_URL.format(id=rule_id),
    )


def lexicon_examples(folder: Path | None = None) -> list[tuple[Path, Example]]:
    """The examples of every shared lexicon file in a rules folder (default: the built-in one)."""
    found: list[tuple[Path, Example]] = []
    for path in sorted(((folder or builtin_rules_dir()) / LEXICONS_FOLDER).glob("*.yaml")):
        data = read_yaml(path)
        items = data.get("examples") if isinstance(data, dict) else None
        checked = validate({"examples": items or []}, {"examples": LEXICON_EXAMPLES}, str(path))
        found += [(path, example) for example in build_examples(checked["examples"], str(path))]
    return found
