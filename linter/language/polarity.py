"""Polarity of a statement: is it hedged, negated, or a question rather than an assertion?

One helper shared by every kind that must tell "valerian cures insomnia" from "valerian may
help", "valerian does not cure insomnia" and "can valerian help?". The word lists come from rule
files; this module only knows how to apply them to a stretch of prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from linter.language.lexicon import compile_terms, find_all, search
from linter.patterns import compile_pattern

# Headings rarely end in "?", yet "How magnesium helps you sleep" is a question, not a claim.
_QUESTION_OPENER = compile_pattern(
    r"\W*(?:how|why|what|which|who|when|where|does|do|did|can|could|is|are|should|will|would|whether)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Polarity:
    """Compiled hedge and negation cues."""

    hedges: regex.Pattern[str]
    negations: regex.Pattern[str]

    @classmethod
    def from_terms(cls, hedges: Iterable[str], negations: Iterable[str], *, source: str, where: str = "") -> Polarity:
        """Compile hedge and negation lexicons (regex fragments) from a rule or lexicon file."""
        prefix = f"{where}." if where else ""
        return cls(
            compile_terms(hedges, where=f"{prefix}hedges", source=source),
            compile_terms(negations, where=f"{prefix}negations", source=source),
        )

    def hedge(self, text: str, start: int, end: int) -> regex.Match[str] | None:
        """The first hedge cue in text[start:end], if any."""
        return search(self.hedges, text, start, end)

    def negation(
        self, text: str, start: int, end: int, ignore: Iterable[tuple[int, int]] = ()
    ) -> regex.Match[str] | None:
        """The first negation cue in text[start:end] that does not overlap an `ignore` range.

        `ignore` keeps cues that contain their own negative ("no side effects") from negating
        themselves.
        """
        spans = tuple(ignore)
        for m in find_all(self.negations, text, start, end):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                return m
        return None


# ... but "How kratom gave me my life back" and "Why I switched to magnesium" tell a story.
_FIRST_PERSON = compile_pattern(r"\b(?:I|[Mm][Ee]|[Mm][Yy])\b")
_STORY_HEADING = compile_pattern(
    r"\W*(?:how|why)\s+(?!(?:do|does|did|can|could|should|would|will|is|are|to|much|many|long|often|soon|and|or)\b)"
    r"(?!I\s+(?:can|could|should|do|need|must)\b)",
    regex.IGNORECASE,
)


def is_question(text: str, start: int, end: int, heading: bool = False) -> bool:
    """Whether text[start:end] asks rather than asserts (a "?" ending, or a question heading)."""
    stripped = text[start:end].rstrip(" \t\r\n\"'\u201d\u2019)*_")
    if stripped.endswith("?"):
        return True
    # "Why ashwagandha melts stress away", "How I fixed my sleep": an answer announced, not a
    # question; "How magnesium helps you sleep" stays an explainer's question
    story = heading and _STORY_HEADING.match(text, start, end)
    if story and (story.group(0).lstrip(" \t#*_").lower().startswith("why") or _FIRST_PERSON.search(text, start, end)):
        return False
    return heading and _QUESTION_OPENER.match(text, start, end) is not None
