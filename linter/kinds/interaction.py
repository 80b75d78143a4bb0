"""The `interaction` kind: a recommended substance whose required warnings the draft never gives.

What it does: finds the substances the draft recommends (see `linter.kinds.advice`), looks up the
interaction or risk classes the knowledge base requires for each, and reports, once per substance
at its first recommendation, the classes never named in a warning context. `requirements:` picks
the substance list the rule checks (`interactions` or `risks`); a requirement with
`when: routine` applies only when the draft advises routine use (nightly, daily, regularly).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

import regex

from linter.document import Document
from linter.finding import Finding
from linter.kinds.advice import Advice, Cues, Reader, Recommendation, describe, lexicon_path, load_cues, noun_patterns
from linter.kinds.base import Kind, RuleMeta, make_finding, related_at
from linter.knowledge import Knowledge, Requirement, Substance
from linter.locations import builtin_rules_dir
from linter.schema import Field

DEFAULT_LEXICON = "lexicons/warnings.yaml"

FIELDS: dict[str, Field] = {
    "requirements": Field(str, default="interactions", choices=("interactions", "risks"),
                          help="which list of each substance file this rule checks"),
    "lexicon": Field(str, default=DEFAULT_LEXICON, help="cue lexicon, relative to the rules folder"),
    "generic_note": Field(str, default="; the draft gives only a generic warning (line {generic_line})",
                          help="appended to the message when the draft has only a catch-all warning"),
    "example_template": Field(str, default="Do not combine {substance} with {label}.",
                              help="suggested warning for a class whose substance file has no example"),
}


@dataclass(frozen=True)
class InteractionCheck:
    """A compiled `interaction` rule."""

    meta: RuleMeta
    knowledge: Knowledge
    cues: Cues
    nouns: Mapping[str, regex.Pattern[str]]
    requirements: str
    generic_note: str
    example_template: str

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield one finding per recommended substance with missing warnings."""
        reader, advice = self._advice(doc)
        first: dict[str, Recommendation] = {}
        first_routine: dict[str, Recommendation] = {}
        for rec in advice.recommendations:
            first.setdefault(rec.substance, rec)
            if rec.routine:
                first_routine.setdefault(rec.substance, rec)
        for name, rec in first.items():
            substance = self.knowledge.substances[name]
            missing = [
                req for req in self._required(substance)
                if (req.when == "recommended" or name in first_routine)
                and not reader.warned(req.pattern, risk=req.cls.kind == "risk")
            ]
            if not missing:
                continue
            at = rec if any(req.when == "recommended" for req in missing) else first_routine[name]
            yield self._finding(doc, substance, at, missing, advice.generic[0] if advice.generic else None)

    def _advice(self, doc: Document) -> tuple[Reader, Advice]:
        """The draft's recommendations under this rule's cues and knowledge base, read once per
        document: the interaction and the risk rule ask the same question."""
        def read() -> tuple[Reader, Advice]:
            reader = Reader(doc, self.cues)
            return reader, reader.advice(self.knowledge, dict(self.nouns))

        # the noun patterns follow from the knowledge base
        return doc.derived(("advice", id(self.cues), id(self.knowledge)), read)

    def _required(self, substance: Substance) -> tuple[Requirement, ...]:
        return substance.interactions if self.requirements == "interactions" else substance.risks

    def _finding(
        self,
        doc: Document,
        substance: Substance,
        at: Recommendation,
        missing: list[Requirement],
        generic: tuple[int, int] | None,
    ) -> Finding:
        display = substance.names[0]
        values: dict[str, Any] = {
            "substance": display,
            "missing": describe(req.cls.label for req in missing),
            "generic": "",
        }
        related = []
        if generic is not None:
            line = doc.span(*generic).line
            values["generic"] = self.generic_note.format(generic_line=line)
            related.append(related_at(doc, generic[0], generic[1], "only a generic warning here; it names no class"))
        examples = [
            req.example or self.example_template.format(substance=display, label=req.cls.label)
            for req in missing
        ]
        values["example"] = " ".join(examples)
        data = {
            "substance": substance.name,
            "missing": [req.cls.id for req in missing],
            "routine": at.routine,
        }
        return make_finding(self.meta, doc, at.start, at.end, values, related=related, data=data)


def build(meta: RuleMeta, data: Mapping[str, Any], knowledge: Knowledge) -> InteractionCheck:
    """Compile an interaction rule: load its cue lexicon once and the substances' back-references."""
    cues = load_cues(lexicon_path(meta.source, data["lexicon"], builtin_rules_dir()).resolve())
    return InteractionCheck(
        meta, knowledge, cues, noun_patterns(knowledge),
        data["requirements"], data["generic_note"], data["example_template"],
    )


KIND = Kind("interaction", FIELDS, build, "a recommended substance lacks the warnings its substance file requires")
