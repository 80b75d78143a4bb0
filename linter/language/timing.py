"""Timing advice in prose: offsets from an anchor ("two hours before bed"), intervals and courses.

Every statement becomes a window in minutes: "30 to 60 minutes before bed" is before/bed 30-60,
"at bedtime" is before/bed 0-15, "every 6 hours" is the interval 360, "for up to 2 weeks" a course
of at most 20160. Durations with no anchor ("7 hours of sleep", "8 weeks") are not advice and are
never returned. A time of day ("in the morning", "with dinner") is a window of minutes after
midnight under the anchor "day", and so is every offset from an anchor that belongs to a time of
day, moved by the offset ("an hour before bed" is bedtime's window an hour earlier). A food state
("with meals", "on an empty stomach") is a window of minutes away from a meal under the anchor
"food".
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Iterator, Mapping, NamedTuple, Sequence

import regex

from linter.language.lexicon import PATTERN_TIMEOUT, WORD_BOUNDARIES, find_all, term_source
from linter.language.numbers import ARTICLE, NUMBER, parse_number
from linter.language.quantities import bounded_interval, classify_bound, windows
from linter.language.units import TIME_TRIGGER, TIME_UNIT, time_unit
from linter.language.wordindex import Lexicon, alternation
from linter.patterns import compile_pattern

NEAR_WINDOW = (0.0, 15.0)  # "at bedtime", "right before bed": within a quarter of an hour
LOOSE_WINDOW = (0.0, 60.0)  # "close to bedtime", "shortly before bed": within the hour
NEAR_AFTER_WINDOW = (0.0, 30.0)  # "right after training": within half an hour
_REACH = 70  # the longest timing phrase before its unit: "no later than one and a half"
MAX_OFFSET = 12 * 60.0  # an anchor further away than this is not dosing advice ("48 hours of a workout")

_SEP = r"\s*(?:-|–|—|to|or|and|through)\s*"
_DURATION = (
    rf"(?P<n1>{NUMBER}|{ARTICLE})\s*(?:(?:full|good|solid|whole)\s+)?(?P<u1>{TIME_UNIT})?(?:\s+and\s+a\s+(?P<half>half|quarter))?"
    rf"(?:{_SEP}(?P<n2>{NUMBER}|{ARTICLE})\s*(?P<u2>{TIME_UNIT})?)?"
)
_OFFSET_PREFIX = (
    r"at\s+least|no\s+later\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|up\s+to|no\s+more\s+than|"
    r"not\s+more\s+than|within|no\s+earlier\s+than|a\s+maximum\s+of|about|around|roughly|approximately|approx\.?|"
    r"some|~|between|from|a\s+good|a\s+full"
)
_MIN_PREFIX = frozenset({"at least", "no later than", "no less than", "not less than", "a minimum of", "a good", "a full"})
_MAX_PREFIX = frozenset({"up to", "no more than", "not more than", "within", "no earlier than", "a maximum of"})
# Words between a direction and its anchor: "before you climb into bed", "before the time you want
# to fall asleep", "before your planned bedtime", "before I turn the lights off", "before you
# actually go to sleep", "before your new bedtime", "before you're actually in bed", a
# translation's "before to go in bed" (not "local bedtime": a traveller's clock, advice for jet
# lag only)
_FILLER = (
    r"(?:(?:going\s+to|you\s+go\s+to|heading\s+to|(?:getting|climbing|crawling|hopping)\s+into|"
    r"(?:you|i|we|he|she|they)(?:'re|\s+are|'s|\s+is)?\s+(?:gets?|getting|climbs?|climbing|crawls?|crawling|hops?|hopping)\s+into|"
    r"(?:the\s+time\s+)?(?:you|i|we|they|he|she)\s+(?:plans?|wants?|intends?|hopes?|means?)\s+to|"
    r"go\s+to|to\s+go\s+(?:in|to|into)|planned|usual|intended|target|normal|regular|new|desired|chosen|"
    r"actually|finally|normally|usually|eventually|(?:you're|you\s+are|i'm|we're|we\s+are)(?:\s+(?:actually|finally))?\s+in|"
    r"you|i|we|the|a|an|your|my|each|every|any)\s+)*"
)
# "at bedtime", "right before bed"; "as" and "when" only before a clause ("right as you lie down",
# "the moment your head hits the pillow", a carer's "just as he gets into bed"), never before
# "sleep" ("when your sleep is broken").
_CLAUSE = r"(?=\s+(?:you|i|we|he|she|they|your|my|his|her|their)\s+(?!sleep))"
_NEAR = (
    r"at|(?P<loose>close\s+to|shortly\s+before|near)|right\s+before|just\s+before|immediately\s+before|right\s+at|"
    r"(?:(?:right|just)\s+)?(?:as|when|once)\s+you\s+(?:go|get)\s+(?:to|into)(?=\s+bed\b)"
)
_NEAR_CLAUSE = (
    rf"(?:(?:right|just)\s+)?(?:as|when|once){_CLAUSE}|the\s+(?:moment|minute|second){_CLAUSE}|as\s+soon\s+as{_CLAUSE}"
)
# "right after training", "straight after your session", "post-workout": soon after any anchor.
_NEAR_AFTER = r"(?:right|straight|immediately|directly|just|soon)\s+after"
_COURSE_PREFIX = (
    r"for\s+(?:up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|at\s+most|longer\s+than|more\s+than|over)|"
    r"no\s+longer\s+than|not\s+longer\s+than|longer\s+than|beyond|for"
)
_COURSE_UNITS = frozenset({1440.0, 10080.0, 43200.0})  # days, weeks, months


DAY = "day"  # the anchor of times of day: minutes after midnight
FOOD = "food"  # the anchor of food states: minutes away from a meal
# With food is at a meal or within half an hour of it; an empty stomach is at least an hour from
# one. So two ways of saying either agree, and "with meals" against "on an empty stomach" do not.
FOOD_WINDOWS: Mapping[str, tuple[float, float, str]] = {"fed": (0.0, 30.0, "exact"), "empty": (60.0, 60.0, "min")}


class Timing(NamedTuple):
    """A timing window in minutes; `anchor` is an anchor id, "interval", "course" or DAY."""

    anchor: str
    direction: str  # before | after | "" for intervals and courses
    low: float
    high: float
    bound: str  # exact | approx | max | min | threshold
    start: int
    end: int
    # said as a clause ("as you lie down"), which also tells when something happens ("my mind
    # races the second my head hits the pillow"): advice only next to an amount or intake word
    clause: bool = False
    # said as a bare moment ("at bedtime"), which also tells when a state comes ("a racing mind at
    # bedtime"): advice only with an amount or an intake word
    near: bool = False

    def interval(self) -> tuple[float, float]:
        """The offsets this statement allows: approximations widened, bounds open-ended."""
        return bounded_interval(self.low, self.high, self.bound)


@dataclass(frozen=True)
class PhraseGroups:
    """Named groups of phrases (times of day, food states), read through the draft's word index
    (a plain scan of an archive costs more than the rest of the timing reader), with each
    group's own pattern to tell which group a match is: the first whose phrases match there, as
    in one alternation."""

    names: tuple[str, ...]  # in lexicon order
    lexicon: Lexicon  # every phrase of every group
    patterns: tuple[regex.Pattern[str], ...]  # each group's own phrases

    def find(self, prose: str) -> Iterator[tuple[str, regex.Match[str]]]:
        """(group name, match) for every phrase in `prose`, in order."""
        for m in find_all(self.lexicon, prose):
            yield next(name for name, own in zip(self.names, self.patterns) if own.match(prose, m.start())), m


@dataclass(frozen=True)
class TimingGrammar:
    """Compiled patterns for one set of anchors (from the dosing lexicon)."""

    anchors: tuple[str, ...]  # anchor id of each `a{i}` group
    near: frozenset[str]  # anchors that "at" / "right before" can point to (bedtime)
    pattern: regex.Pattern[str]
    near_trigger: regex.Pattern[str]  # the words of the near anchors ("bed", "bedtime")
    dayparts: PhraseGroups | None = None  # time-of-day phrases by id
    daypart_windows: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # time of day -> minutes after midnight
    anchor_dayparts: Mapping[str, str] = field(default_factory=dict)  # anchor -> the time of day its offsets fall in
    food: PhraseGroups | None = None  # food-state phrases ("with meals", "on an empty stomach") by FOOD_WINDOWS key

    def food_phrases(self, prose: str) -> list[Timing]:
        """The food state of every phrase naming one ("with a meal", "between meals"), in order,
        as minutes away from a meal under the anchor FOOD."""
        if self.food is None:
            return []
        return [Timing(FOOD, "", *FOOD_WINDOWS[state], m.start(), m.end()) for state, m in self.food.find(prose)]

    def times_of_day(self, prose: str, timings: Sequence[Timing]) -> list[Timing]:
        """The time-of-day window of every phrase naming one, and of every offset from an anchor
        that has one ("an hour before bed": bedtime's window an hour earlier), in order."""
        found = [Timing(DAY, "", *self._moved(self.daypart_windows[self.anchor_dayparts[t.anchor]], t), "exact", t.start, t.end)
                 for t in timings if t.anchor in self.anchor_dayparts]
        if self.dayparts is not None:
            found += [Timing(DAY, "", *self.daypart_windows[part], "exact", m.start(), m.end()) for part, m in self.dayparts.find(prose)]
        found.sort(key=lambda t: t.start)
        # a phrase inside an offset already counted ("... right before bed") is not a second one
        return [t for i, t in enumerate(found) if i == 0 or t.start >= found[i - 1].end or t.end > found[i - 1].end]

    @staticmethod
    def _moved(window: tuple[float, float], offset: Timing) -> tuple[float, float]:
        """The time of day an offset from an anchor falls in: "two hours before bed" is bedtime's
        window two hours earlier, so it can meet "with dinner" where "right at bedtime" cannot."""
        low, high = window
        if offset.direction == "after":
            return low + offset.low, high + offset.high
        return low - offset.high, high - offset.low

    def find(self, prose: str) -> Iterator[Timing]:
        """Every timing statement in `prose`, in order (the pattern runs only near a time unit or anchor)."""
        triggers = heapq.merge(TIME_TRIGGER.finditer(prose), self.near_trigger.finditer(prose), key=lambda m: m.start())
        for start, stop in windows(prose, triggers, _REACH, 60):
            for m in find_all(self.pattern, prose, start, stop):
                found = self._timing(prose, m, start)
                if found is not None:
                    yield found

    def _anchor(self, m: regex.Match[str]) -> str:
        for index, anchor in enumerate(self.anchors):
            if m.group(f"a{index}") is not None:
                return anchor
        raise AssertionError("the pattern matched no anchor group")

    def _timing(self, prose: str, m: regex.Match[str], floor: int) -> Timing | None:
        if m.group("near") is not None:
            anchor = self._anchor(m)
            if anchor not in self.near:
                return None
            clause = m.group("clause") is not None
            window = LOOSE_WINDOW if m.group("loose") is not None else NEAR_WINDOW
            return Timing(anchor, "before", *window, "exact", m.start(), m.end(), clause, not clause)
        if m.group("soon_after") is not None:
            return Timing(self._anchor(m), "after", *NEAR_AFTER_WINDOW, "exact", m.start(), m.end())
        window = _duration(m)
        if window is None:
            return None
        low, high, unit = window
        before = prose[max(floor, m.start() - 40) : m.start()]
        if m.group("every") is not None:
            return Timing("interval", "", low, high, "exact", m.start(), m.end())
        if m.group("course") is not None:
            if unit not in _COURSE_UNITS:
                return None
            bound = _course_bound(m.group("course"), before)
            return Timing("course", "", low, high, bound, m.start(), m.end())
        prefix = " ".join((m.group("prefix") or "").lower().split())
        direction = " ".join(m.group("dir").lower().split())
        if direction == "of" and prefix != "within":
            return None  # "7 hours of sleep"
        if high > MAX_OFFSET:
            return None
        direction = "after" if direction in ("after", "following") else "before"
        bound = "min" if prefix in _MIN_PREFIX else "max" if prefix in _MAX_PREFIX else classify_bound(prefix or None, before)
        if bound == "min":
            high = low
        return Timing(self._anchor(m), direction, low, high, bound, m.start(), m.end())


def _duration(m: regex.Match[str]) -> tuple[float, float, float] | None:
    """(low, high) minutes and the unit factor of the matched duration, or None."""
    u1 = time_unit(m.group("u1")) if m.group("u1") else None
    u2 = time_unit(m.group("u2")) if m.group("u2") else None
    first_unit, second_unit = u1 or u2, u2 or u1
    if first_unit is None or second_unit is None:
        return None
    first = parse_number(m.group("n1"))
    if first is None:
        return None
    if m.group("half"):
        first += 0.5 if m.group("half").lower() == "half" else 0.25
    low = first * first_unit.factor
    high = low
    if m.group("n2"):
        second = parse_number(m.group("n2"))
        if second is None:
            return None
        high = second * second_unit.factor
    if high <= 0:
        return None
    return min(low, high), max(low, high), second_unit.factor


def _course_bound(prefix: str, before: str) -> str:
    words = " ".join(prefix.lower().split())
    if words == "for":
        return "exact"
    if words in ("no longer than", "not longer than") or words.startswith("for ") and words[4:] in _MAX_PREFIX | {"at most"}:
        return "max"
    # "longer than", "more than", "beyond": a cap only when negated ("don't use it for more than 2 weeks")
    return classify_bound("more than", before)


def build_grammar(
    anchors: Mapping[str, Sequence[str]],
    near: Sequence[str],
    dayparts: Mapping[str, Sequence[str]] | None = None,
    hours: Mapping[str, tuple[float, float]] | None = None,
    anchor_dayparts: Mapping[str, str] | None = None,
    food: Mapping[str, Sequence[str]] | None = None,
) -> TimingGrammar:
    """Compile the timing patterns for anchors given as {anchor id: lexicon terms}, for times
    of day given as {id: terms} with their {id: (first hour, last hour)}, and for food states
    given as {FOOD_WINDOWS key: terms}."""
    names = tuple(anchors)
    groups = "|".join(
        f"(?P<a{i}>{'|'.join(sorted((term_source(t) for t in anchors[name]), key=len, reverse=True))})"
        for i, name in enumerate(names)
    )
    offset = (
        rf"(?:(?P<prefix>{_OFFSET_PREFIX})\s*)?{_DURATION}\s+"
        rf"(?P<dir>before|after|prior\s+to|ahead\s+of|following|of)\s+{_FILLER}(?:{groups})"
    )
    near_phrase = rf"(?P<near>{_NEAR}|(?P<clause>{_NEAR_CLAUSE}))\s+{_FILLER}(?:{groups})"
    soon_after = rf"(?P<soon_after>{_NEAR_AFTER})\s+{_FILLER}(?:{groups})|(?P<soon_after>post)[- ]?(?:{groups})"
    every = rf"(?P<every>every)\s+{_DURATION}"
    course = rf"(?P<course>{_COURSE_PREFIX})\s+{_DURATION}"
    body = rf"(?<![\w.,])(?:{near_phrase}|{soon_after}|{offset}|{every}|{course})(?![\w])"
    # Each alternative reuses the duration groups, which the regex module allows (VERSION0 dupnames).
    pattern = compile_pattern(body, regex.IGNORECASE | regex.VERSION0)
    near_terms = [term_source(t) for name in near for t in anchors[name]]
    # the words of the near anchors, and the openings of "right after training", "post-workout"
    trigger = compile_pattern(rf"(?<![\w-])(?:{'|'.join([*near_terms, _NEAR_AFTER, 'post'])})(?![\w])", regex.IGNORECASE)
    minutes = {name: (low * 60.0, high * 60.0) for name, (low, high) in (hours or {}).items()}
    return TimingGrammar(names, frozenset(near), pattern, trigger, _phrase_groups(dayparts or {}), minutes, dict(anchor_dayparts or {}),
                         _phrase_groups(food or {}))


def _phrase_groups(terms: Mapping[str, Sequence[str]]) -> PhraseGroups | None:
    """The groups of phrases given as {id: terms}, compiled; None when there are none."""
    names = tuple(terms)
    if not names:
        return None
    sources = [[term_source(t) for t in terms[name]] for name in names]
    lexicon = Lexicon([s for own in sources for s in own], WORD_BOUNDARIES, regex.IGNORECASE, timeout=PATTERN_TIMEOUT)
    return PhraseGroups(names, lexicon, tuple(compile_pattern(alternation(own, WORD_BOUNDARIES), regex.IGNORECASE) for own in sources))
