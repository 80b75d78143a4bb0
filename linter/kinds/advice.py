"""Reading advice out of a draft: which substances it recommends and which classes it warns about.

The cue words live in `rules/lexicons/warnings.yaml` so editors can extend them. This module
turns them into three facts per document, each found in one pass over the sentences:

- recommendations: a sentence that gives a dose, a routine, timing or an imperative about a
  substance it names, or about the section's subject when it refers back ("take it nightly");
- warnings: whether a class term sits in a warning context (the sentence warns; a list under a
  warning lead-in; a table row or header that warns; a callout; a section headed "Interactions");
- generic warnings: "talk to your doctor before starting any supplement", which names no class.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import regex

from linter.document import Block, Document, Sentence
from linter.examples import LEXICON_EXAMPLES
from linter.knowledge import Knowledge
from linter.language.lexicon import compile_terms, find_all, search
from linter.patterns import compile_pattern
from linter.schema import Field, read_yaml, validate

_TERMS = Field(list, required=True, items=str)
LEXICON_FIELDS: dict[str, Field] = {
    key: _TERMS
    for key in (
        "imperative", "clause_openers", "recommend", "dose", "routine", "timing", "report", "comparison", "negation", "limits",
        "warning", "warning_headings", "denial", "denial_risk", "generic",
    )
}
LEXICON_FIELDS["examples"] = LEXICON_EXAMPLES  # self-tests, run by tests/test_rule_examples.py
# A recommendation cue preceded by a negation this many words back is not advice ("don't take it").
_NEGATION_REACH = 3
# How far back from a class term a denial ("not habit-forming") may start, in characters.
_DENIAL_WINDOW = 80
# How far back a negation or clause opener is looked for; bounds the work on run-on sentences.
_LOOK_BACK = 60
# "it", "this" and the substance's own nouns point back at the section's subject.
_BACK_REFERENCE = r"(?<![\w-])(?:it|its|this|these|them|they|one)(?![\w-])"
_YOU = compile_pattern(r"(?<![\w-])(?:you|your)(?![\w-])", regex.IGNORECASE)
# A determiner makes the word a noun ("each chew", "a sip"), not a verb of use.
_TAKE = compile_pattern(r"(?<![\w-])(?<!\b(?:each|every|per|a|an|the|one|this|that) )(?:take|taking|taken|use|using|dose|dosing|sip|drink|have|swallow|chew)(?![\w-])", regex.IGNORECASE)
# First-person habit ("I make a big mug of it around 8 p.m."): addressed like "you take" for timing.
_HABIT = compile_pattern(r"(?<![\w-])(?:I|we)(?: \w+ly)? (?:make|brew|steep|pour|mix)(?![\w-])", regex.IGNORECASE)
# A label such as "Warning:" or "Note:" opening a block makes the whole block a callout.
_LABEL_END = compile_pattern(r"\W*:")


@dataclass(frozen=True)
class Cues:
    """The compiled cue lexicons."""

    imperative: regex.Pattern[str]
    opener_before: regex.Pattern[str]
    recommend: regex.Pattern[str]
    dose: regex.Pattern[str]
    routine: regex.Pattern[str]
    timing: regex.Pattern[str]
    report: regex.Pattern[str]
    comparison_before: regex.Pattern[str]
    negation_before: regex.Pattern[str]
    limit_before: regex.Pattern[str]
    warning: regex.Pattern[str]
    warning_heading: regex.Pattern[str]
    denial_before: regex.Pattern[str]
    denial_risk_before: regex.Pattern[str]
    generic: regex.Pattern[str]


@dataclass(frozen=True)
class AdviceCue:
    """What made a sentence advice: routine use, and whether it states a dose."""

    routine: bool
    dose: bool


@dataclass(frozen=True)
class Recommendation:
    """One sentence that recommends a substance."""

    substance: str
    start: int
    end: int
    routine: bool


@dataclass(frozen=True)
class Advice:
    """What a draft recommends, and where it gives generic warnings."""

    recommendations: tuple[Recommendation, ...]
    generic: tuple[tuple[int, int], ...]


@lru_cache(maxsize=8)
def load_cues(path: Path) -> Cues:
    """Read and compile one cue lexicon file (once per run)."""
    source = str(path)
    data = validate(read_yaml(path), LEXICON_FIELDS, source)

    def terms(key: str) -> regex.Pattern[str]:
        """One lexicon as a single alternation."""
        return compile_terms(data[key], where=key, source=source)

    def before(key: str, *extra: str, reach: int = 0) -> regex.Pattern[str]:
        """The lexicon anchored at the end of the searched window, `reach` words before it."""
        body = terms(key).pattern if not extra else compile_terms([*data[key], *extra], where=key, source=source).pattern
        return compile_pattern(rf"{body}(?:\W+[\w'\u2019-]+){{0,{reach}}}\W*$", regex.IGNORECASE | regex.VERSION0)

    return Cues(
        imperative=terms("imperative"),
        opener_before=compile_pattern(
            rf"(?:[.:;,!?()\u2013\u2014-]|{terms('clause_openers').pattern})[\s*_\"'\u201c]*$",
            regex.IGNORECASE | regex.VERSION0,
        ),
        recommend=terms("recommend"),
        dose=terms("dose"),
        routine=terms("routine"),
        timing=terms("timing"),
        report=terms("report"),
        comparison_before=before("comparison", reach=1),
        negation_before=before("negation", reach=_NEGATION_REACH),
        limit_before=before("negation", *data["limits"], reach=_NEGATION_REACH),
        warning=terms("warning"),
        warning_heading=terms("warning_headings"),
        denial_before=before("denial"),
        denial_risk_before=before("denial", *data["denial_risk"]),
        generic=terms("generic"),
    )


class Reader:
    """Answers questions about one document, caching per sentence and per block."""

    def __init__(self, doc: Document, cues: Cues) -> None:
        self.doc = doc
        self.cues = cues
        self._sentence_warns: dict[int, bool] = {}
        self._warning_sections = self._find_warning_sections()
        self._lead_ins = self._find_lead_ins()

    # --- warnings -------------------------------------------------------------------------

    def warned(self, pattern: regex.Pattern[str], risk: bool) -> bool:
        """Whether any match of a class pattern sits in a warning context and is not denied."""
        for m in find_all(pattern, self.doc.prose):
            sentence = self.doc.sentence_at(m.start())
            if sentence is None:
                continue
            if self._compared(sentence, m.start()) or self._denied(sentence, m.start(), risk):
                continue
            if self._warning_context(sentence):
                return True
        return False

    def _compared(self, sentence: Sentence, offset: int) -> bool:
        """"Unlike sleeping pills, ..." names a class without warning about it."""
        window = max(sentence.start, offset - 40)
        return search(self.cues.comparison_before, self.doc.prose, window, offset) is not None

    def _denied(self, sentence: Sentence, offset: int, risk: bool) -> bool:
        cue = self.cues.denial_risk_before if risk else self.cues.denial_before
        return search(cue, self.doc.prose, max(sentence.start, offset - _DENIAL_WINDOW), offset) is not None

    def _warning_context(self, sentence: Sentence) -> bool:
        if self.sentence_warns(sentence):
            return True
        block_index = sentence.block
        return block_index in self._warning_sections or block_index in self._lead_ins

    def sentence_warns(self, sentence: Sentence) -> bool:
        """Whether the sentence itself is phrased as a warning."""
        found = self._sentence_warns.get(sentence.index)
        if found is None:
            found = search(self.cues.warning, self.doc.prose, sentence.start, sentence.end) is not None
            self._sentence_warns[sentence.index] = found
        return found

    def _block_warns(self, index: int) -> bool:
        """A block that is a warning heading, a labelled callout, or holds a warning sentence."""
        block = self.doc.blocks[index]
        label = search(self.cues.warning_heading, self.doc.prose, block.start, block.end)
        if label is not None and (block.kind == "heading" or self._is_label(block, label)):
            return True
        return any(self.sentence_warns(s) for s in self._sentences_of(index))

    def _is_label(self, block: Block, label: regex.Match[str]) -> bool:
        """The label opens the block and ends with a colon: "**Warning:** ..."."""
        before = self.doc.prose[block.start : label.start()]
        return not before.strip(" *_>#") and _LABEL_END.match(self.doc.prose, label.end()) is not None

    def _find_warning_sections(self) -> set[int]:
        """Blocks under a warning heading (at any level above them), and callouts."""
        inside: set[int] = set()
        stack: list[tuple[int, bool]] = []  # (heading level, warns)
        for index, block in enumerate(self.doc.blocks):
            if block.kind == "heading":
                while stack and stack[-1][0] >= block.level:
                    stack.pop()
                warns = search(self.cues.warning_heading, self.doc.prose, block.start, block.end) is not None
                stack.append((block.level, warns))
                continue
            if any(warns for _level, warns in stack):
                inside.add(index)
            elif block.kind in ("quote", "paragraph") and self._callout(block):
                inside.add(index)
        return inside

    def _callout(self, block: Block) -> bool:
        label = search(self.cues.warning_heading, self.doc.prose, block.start, block.end)
        return label is not None and self._is_label(block, label)

    def _find_lead_ins(self) -> set[int]:
        """List items and table cells whose lead-in, row or header row is a warning."""
        covered: set[int] = set()
        blocks = self.doc.blocks
        index = 0
        while index < len(blocks):
            kind = blocks[index].kind
            if kind not in ("list_item", "table_cell"):
                index += 1
                continue
            end = index
            while end < len(blocks) and blocks[end].kind == kind:
                end += 1
            group = range(index, end)
            if index > 0 and self._block_warns(index - 1):
                covered.update(group)
            elif kind == "table_cell":
                covered.update(self._warning_rows(list(group)))
            index = end
        return covered

    def _warning_rows(self, cells: list[int]) -> Iterable[int]:
        """Cells of a table whose own row or whose header row warns."""
        rows: dict[int, list[int]] = {}
        for index in cells:
            line = self.doc.lines.position(self.doc.blocks[index].start)[0]
            rows.setdefault(line, []).append(index)
        ordered = [rows[line] for line in sorted(rows)]
        header_warns = any(self._block_warns(i) or self._heading_like(i) for i in ordered[0])
        for row in ordered:
            if header_warns or any(self._block_warns(i) for i in row):
                yield from row

    def _heading_like(self, index: int) -> bool:
        block = self.doc.blocks[index]
        return search(self.cues.warning_heading, self.doc.prose, block.start, block.end) is not None

    def _sentences_of(self, block_index: int) -> Iterable[Sentence]:
        block = self.doc.blocks[block_index]
        first = self.doc.sentence_at(block.start)
        position = first.index if first is not None else len(self.doc.sentences)
        for sentence in self.doc.sentences[position:]:
            if sentence.block != block_index:
                break
            yield sentence

    # --- recommendations ------------------------------------------------------------------

    def advice(self, knowledge: Knowledge, nouns: dict[str, regex.Pattern[str]]) -> Advice:
        """Every recommendation of a substance, in document order, and the generic warnings."""
        doc, cues = self.doc, self.cues
        by_sentence: dict[int, list[tuple[str, int]]] = {}
        for mention in knowledge.mentions(doc.prose):
            sentence = doc.sentence_at(mention.start)
            if sentence is not None:
                by_sentence.setdefault(sentence.index, []).append((mention.substance, mention.start))
        draft_topic = self._draft_topic(knowledge, by_sentence)
        topic, headed = draft_topic, False
        found: list[Recommendation] = []
        generic: list[tuple[int, int]] = []
        for sentence in doc.sentences:
            block = doc.blocks[sentence.block]
            named = by_sentence.get(sentence.index, [])
            if block.kind == "heading":
                topic, headed = (named[0][0], True) if named else (draft_topic, False)
                continue
            if search(cues.generic, doc.prose, sentence.start, sentence.end) is not None:
                generic.append((sentence.start, sentence.end))
            cue = self._recommends(sentence)
            if cue is not None:
                # A dose, or a section headed by the substance, makes it the subject without an "it".
                implicit = cue.dose or headed
                for substance in self._subjects(sentence, named, topic, nouns, implicit):
                    found.append(Recommendation(substance, sentence.start, sentence.end, cue.routine))
            if named:
                topic = named[-1][0]
        return Advice(tuple(found), tuple(generic))

    def _draft_topic(self, knowledge: Knowledge, by_sentence: dict[int, list[tuple[str, int]]]) -> str | None:
        """The draft's subject: named in the title or first heading, or the only substance named."""
        title = (self.doc.front_matter or {}).get("title")
        if isinstance(title, str):
            named = knowledge.mentions(title)
            if named:
                return named[0].substance
        for sentence in self.doc.sentences:
            if self.doc.blocks[sentence.block].kind == "heading":
                named_here = by_sentence.get(sentence.index)
                return named_here[0][0] if named_here else None
        everything = {name for names in by_sentence.values() for name, _ in names}
        return next(iter(everything)) if len(everything) == 1 else None

    def _recommends(self, sentence: Sentence) -> AdviceCue | None:
        """What kind of advice a sentence gives, from its cues; None when it gives none."""
        prose, cues = self.doc.prose, self.cues
        start, end = sentence.start, sentence.end
        if prose[start:end].rstrip().endswith("?"):
            return None
        verb = self._imperative(start, end) or self._unnegated(cues.recommend, start, end)
        routine = self._unnegated(cues.routine, start, end)
        dose = self._unnegated(cues.dose, start, end, cues.limit_before)
        timing = self._unnegated(cues.timing, start, end)
        if not verb and search(cues.report, prose, start, end) is not None:
            return None
        if self.sentence_warns(sentence) and not (dose or routine):
            # "If you're on the pill and want to try it, use a backup method": the verbs serve
            # the warning, not the substance.
            return None
        addressed = any(search(p, prose, start, end) is not None for p in (_YOU, _TAKE, _HABIT))
        # A bare dose describes a product ("Each gummy contains 25 mg", "Little Sprout 10 mg
        # Bites"); it advises only beside a verb of use, a "you", timing or routine.
        if not (verb or routine or ((timing or dose) and addressed) or (dose and timing)):
            return None
        return AdviceCue(routine=routine, dose=dose)

    def _imperative(self, start: int, end: int) -> bool:
        """Whether an imperative verb opens the sentence or one of its clauses."""
        prose = self.doc.prose
        for m in find_all(self.cues.imperative, prose, start, end):
            before = prose[start : m.start()]
            window = max(start, m.start() - _LOOK_BACK)
            if not before.strip(" \t\n*_\"'\u201c") or search(self.cues.opener_before, prose, window, m.start()):
                return True
        return False

    def _unnegated(
        self, pattern: regex.Pattern[str], start: int, end: int, negation: regex.Pattern[str] | None = None
    ) -> bool:
        """Whether the pattern occurs in [start, end) at least once without a negation before it."""
        prose = self.doc.prose
        negation = negation or self.cues.negation_before
        position = start
        while True:
            m = search(pattern, prose, position, end)
            if m is None:
                return False
            if search(negation, prose, max(start, m.start() - _LOOK_BACK), m.start()) is None:
                return True
            position = m.end()

    def _subjects(
        self,
        sentence: Sentence,
        named: list[tuple[str, int]],
        topic: str | None,
        nouns: dict[str, regex.Pattern[str]],
        implicit: bool,
    ) -> list[str]:
        """The substances a recommending sentence is about."""
        prose = self.doc.prose
        if named:
            subjects: list[str] = []
            for substance, offset in named:
                if self._compared(sentence, offset):
                    continue
                if search(self.cues.negation_before, prose, max(sentence.start, offset - _LOOK_BACK), offset) is not None:
                    continue
                if substance not in subjects:
                    subjects.append(substance)
            return subjects
        if topic is None:
            return []
        if implicit:
            return [topic]
        refers = nouns.get(topic)
        if refers is not None and search(refers, prose, sentence.start, sentence.end) is not None:
            return [topic]
        return []


def noun_patterns(knowledge: Knowledge) -> dict[str, regex.Pattern[str]]:
    """Per substance: the words that refer back to it ("it", "this supplement", "the herb")."""
    patterns: dict[str, regex.Pattern[str]] = {}
    for name, substance in knowledge.substances.items():
        nouns = [regex.escape(n) for n in substance.nouns]
        body = _BACK_REFERENCE if not nouns else rf"{_BACK_REFERENCE}|(?<![\w-])(?:{'|'.join(nouns)})(?![\w])"
        patterns[name] = compile_pattern(body, regex.IGNORECASE)
    return patterns


def lexicon_path(rule_source: str, relative: str, fallback: Path) -> Path:
    """The cue lexicon next to a rule's folder, or the built-in one when the folder has none."""
    local = Path(rule_source).resolve().parent.parent / relative
    return local if local.is_file() else fallback / relative


def describe(values: Iterable[Any]) -> str:
    """'a', 'a and b', 'a, b and c'; with a serial comma when an item has its own 'and'."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    serial = "," if any(" and " in item for item in items) else ""
    return ", ".join(items[:-1]) + serial + " and " + items[-1]
