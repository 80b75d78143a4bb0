"""Evidence next to a statement: citations, study links, DOIs, PubMed ids, resolved footnotes.

A claim counts as supported when its sentence, or the next sentence of the same block, carries
a citation (FTC substantiation, Wikipedia MEDRS). Kinds ask `Evidence.supports(doc, sentence)`;
the domains that count come from a rule file plus the `evidence_domains` config setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urlsplit

import regex

from linter.document import Block, Document, Sentence, normalize_label
from linter.patterns import compile_pattern

_DOI = compile_pattern(r"\b10\.\d{4,9}/[-._;()/:A-Z0-9]+", regex.IGNORECASE)
_PUBMED_ID = compile_pattern(r"\bPMID:?\s?\d{1,8}\b|\bPMC\d+\b")
_URL = compile_pattern(r"\bhttps?://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+", regex.IGNORECASE)
# [1], [^1], [1, 3], [2-4], or a caret marker ^1 written in plain text.
_MARKER = compile_pattern(r"\[\^?([\w-]{1,12}(?:\s*[,\u2013-]\s*\w{1,6})*)\]|\^(\d{1,3})\b")
_SURNAME = r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|In|Since|Spring|Summer|Fall|Autumn|Winter|Updated|Published)\b)\p{Lu}[\p{L}'\u2019-]+"
# ("&amp;": an HTML page's raw text, where citations are looked for, keeps its entities)
_AUTHORS = rf"{_SURNAME}(?:\s+et\s+al\.?|\s+(?:and|&|&amp;)\s+{_SURNAME})?"
_YEAR = r"(?:19|20)\d{2}[a-z]?"
# "(Smith et al., 2021)", "(Smith 2020; Lee & Park, 2019)", "Smith and Jones (2019)", and the
# source between them: "(Herxheimer and Petrie, Cochrane Database of Systematic Reviews, 2002)";
# a body or a journal as author, "(EFSA NDA Panel, 2011)", "(EFSA Journal 2011;9(6):2241)"; and
# in running chat, "e.g. Langade et al., 2019"; and authors with their journal, the year told
# elsewhere or after it: "(Proksch et al., Skin Pharmacol Physiol)", "(Chapuy et al., NEJM 1992)".
_AUTHOR_YEAR = compile_pattern(
    rf"\(\s*{_AUTHORS},?\s+{_YEAR}(?:\s*[;,]\s*[^()]{{0,240}})?\)|{_AUTHORS}\s+\(\s*{_YEAR}\s*\)"
    rf"|\(\s*{_SURNAME}\s+et\s+al\.?,?\s+\p{{Lu}}[^()\n;]{{1,80}}?\)"
    rf"|\(\s*{_AUTHORS},\s+\p{{Lu}}[^();]{{2,80}}?,\s+{_YEAR}\s*\)"
    rf"|\(\s*{_SURNAME}(?:\s+(?:\p{{Lu}}[\p{{L}}&.'-]*|of|for|on|and|&|the)){{1,6}},?\s+{_YEAR}(?:\s*[;,:]\s*[^()\n]{{0,120}}(?:\([^()\n]*\)[^()\n]{{0,60}})?)?\)"
    rf"|{_SURNAME}\s+et\s+al\.?,?\s+{_YEAR}\b"
)
# A named authority or journal with a year: "a 2019 Cochrane review", "published in JAMA in 2020",
# "a 2021 systematic review in the Journal of Clinical Medicine".
_NAMED_SOURCE = compile_pattern(
    rf"\b{_YEAR}\s+(?:Cochrane|NIH|NCCIH|WHO|EFSA|FDA|NICE|AASM)\s+(?:review|report|guidance|guideline|fact sheet|statement)"
    rf"|\bpublished\s+in\s+(?:the\s+)?(?:\p{{Lu}}[\p{{L}}&.-]*\s+){{1,6}}(?:in\s+|\(\s*)?{_YEAR}"
    # "published this week in the journal *Nutrients* (2025)", "the researchers wrote in *Sleep* (2024)"
    rf"|\b(?:published|wrote|reported)\s+(?:[\w-]+\s+){{0,3}}?in\s+(?:the\s+)?(?:journal\s+)?[*_]{{1,2}}(?:\p{{Lu}}[\p{{L}}&.-]*\s*){{1,6}}[*_]{{1,2}}\s+\(\s*{_YEAR}\s*\)"
    rf"|\b{_YEAR}\s+(?:[\w-]+\s+){{0,3}}?(?:review|study|trial|meta-analysis|analysis|paper)\s+(?:published\s+)?in\s+(?:the\s+)?"
    rf"(?:Journal\s+of|JAMA|BMJ|Lancet|NEJM|New\s+England|Nutrients|Sleep|PLOS|Cochrane|Phytomedicine|Psychopharmacology)"
)
_REFERENCES_HEADING = compile_pattern(
    r"\W*(?:(?:episode|video|show|article|further|key|selected) )?(?:references?|sources?|citations?|bibliography|works cited|notes|"
    r"studies cited|research cited|footnotes|reading|(?:studies |papers |research )?mentioned in this (?:episode|video|show|article|post))\b\W*$",
    regex.IGNORECASE,
)
# A reference list's entry, wherever it stands: authors by surname and initials, then a year
# ("- Yamadera W, et al. Glycine ingestion improves subjective sleep quality ... 2007.",
# "[3] Ferracioli-Oda E, ...", "**Paper:** Yamadera W, Inagawa K, ...").
# (an author as a reference list writes one: "Bent S,", "Ferracioli-Oda E et al")
_INITIALLED_AUTHOR = r"(?-i:[A-Z][\w'-]+(?: [A-Z][\w'-]+)? [A-Z]{1,3})(?:,| et al\b)"
_AUTHOR_ENTRY = compile_pattern(
    r"\W{0,4}(?:(?-i:Paper|Reference|Source|Citation|Study|Article)s?:[*_]{0,2}\s+)?(?:(?:\d{1,3}[.)]|\[\d{1,3}\])\s+)?"
    + _INITIALLED_AUTHOR + r"[^\n]*?\b(?:19|20)\d\d\b")

# A reference entry that opens with its number in brackets and its first author: "[1] Bent S, ..."
# Any line of the draft may hold one: "[1] Bent S, ...", and "[2] NIH Office of Dietary Supplements.
# Iodine fact sheet. https://ods.od.nih.gov/..." (a body as author, known by its link, DOI or year).
_BRACKETED_ENTRY = compile_pattern(
    r"^[ \t>]*\[(\d{1,3})\][ \t]+(?:" + _INITIALLED_AUTHOR + r"|[^\n]*?(?:https?://|\bdoi\b|\b(?:19|20)\d\d\b))",
    regex.MULTILINE | regex.IGNORECASE)
# Any line that opens with "[N] " (in the raw text, perhaps after an HTML list item's tag).
_NUMBERED_LINE = compile_pattern(r"^[ \t>]*(?:<li\b[^>\n]*>[ \t]*)?\[(\d{1,3})\][ \t]+\S", regex.MULTILINE)

# An entry of a numbered reference list written as plain paragraphs: "[1] Daily JW, ..." or "2. Smith ...".
_NUMBERED_ENTRY = compile_pattern(r"\s*(?:\[\d+\]|\d+[.)])\s+\S")

# A paragraph this short that names a reference list is that list's heading.
_LABEL_LENGTH = 40


@dataclass(frozen=True)
class Evidence:
    """What counts as evidence, compiled once per rule set."""

    domains: frozenset[str]

    @classmethod
    def from_domains(cls, *lists: Iterable[str]) -> Evidence:
        """Merge domain lists (rule file, config) into one set of lower-case host suffixes."""
        merged = {d.strip().lower().lstrip(".") for domains in lists for d in domains if d and d.strip()}
        return cls(frozenset(merged))

    def is_study_url(self, url: str) -> bool:
        """Whether a URL points at a study or authority domain (or one of its subdomains)."""
        target = url if "//" in url else "//" + url
        host = (urlsplit(target).hostname or "").lower().rstrip(".")
        if host.startswith("www."):
            host = host[4:]
        parts = host.split(".")
        return any(".".join(parts[i:]) in self.domains for i in range(len(parts)))

    def supports(self, doc: Document, sentence: Sentence, any_link: bool = False, follow: bool = True) -> bool:
        """Whether `sentence` or (with `follow`) the next sentence of its block carries evidence.

        With `any_link`, a link to any site counts (enough for info-level rules).
        """
        if self.in_range(doc, sentence.start, sentence.end, any_link):
            return True
        nxt = doc.next_sentence(sentence) if follow else None
        # a news headline's citation is in its standfirst, the paragraph right under it; a later
        # heading's next paragraph may as well refute it
        return (nxt is not None and (nxt.block == sentence.block or sentence.block == 0 and doc.blocks[0].kind == "heading")
                and self.in_range(doc, nxt.start, nxt.end, any_link))

    def in_range(self, doc: Document, start: int, end: int, any_link: bool = False) -> bool:
        """Whether doc.text[start:end] holds a citation, study link, DOI, PMID or resolved footnote."""
        for link in doc.links_in(start, end):
            if any_link or self.is_study_url(link.url):
                return True
        text = doc.text
        if _DOI.search(text, start, end) or _PUBMED_ID.search(text, start, end):
            return True
        for m in _URL.finditer(text, start, end):  # bare URLs that stay in plain-text prose
            if any_link or self.is_study_url(m.group(0)):
                return True
        if _AUTHOR_YEAR.search(text, start, end) or _NAMED_SOURCE.search(text, start, end):
            return True
        # an HTML entity splits an author's name in the source ("Gon&ccedil;alves et al., 2016")
        if text.find("&", start, end) >= 0 and _AUTHOR_YEAR.search(doc.prose, start, end):
            return True
        return any(resolves(doc, m) for m in _MARKER.finditer(text, start, end))


def resolves(doc: Document, marker: regex.Match[str]) -> bool:
    """Whether a footnote marker points at a definition or at a numbered reference list."""
    label = marker.group(1) or marker.group(2)
    first = regex.split(r"\s*[,\u2013-]\s*", label)[0]
    for key in (label, first, "^" + label, "^" + first):
        if normalize_label(key) in doc.definitions:
            return True
    # "[3]" may point at the third entry of a numbered list; a Markdown footnote "[^3]" names its
    # own definition, so one without a definition points nowhere.
    if not first.isdigit() or marker.group(0).startswith("[^"):
        return False
    # where the entries carry their numbers ("[1] Bent S, ..."), a marker past the last of them
    # points nowhere: a "[6]" under five entries (one not read as an entry may sit among them)
    entries = bracketed_entries(doc)
    if entries and int(first) > last_numbered_line(doc):
        return False
    return has_reference_list(doc) or first in entries


def last_numbered_line(doc: Document) -> int:
    """The highest N of the lines that open with "[N] ", whatever follows (an entry whose source
    is only a link, which the prose drops, still counts), or 0."""
    return doc.derived("last numbered line", lambda: max(
        (int(m.group(1)) for text in (doc.text, doc.prose) for m in _NUMBERED_LINE.finditer(text)), default=0))


def bracketed_entries(doc: Document) -> frozenset[str]:
    """The numbers of reference entries written as "[1] Bent S, ..." anywhere in the draft, with
    no References heading over them (a leaflet's closing lines)."""
    # the raw text keeps a bare link that the prose masks; the prose drops an HTML entry's tags
    return doc.derived("bracketed entries", lambda: frozenset(
        m.group(1) for text in (doc.text, doc.prose) for m in _BRACKETED_ENTRY.finditer(text)))


def has_reference_list(doc: Document) -> bool:
    """Whether the draft ends its argument with a References / Sources heading and a list."""
    return doc.derived("reference list", lambda: _ends_with_reference_list(doc))


def _ends_with_reference_list(doc: Document) -> bool:
    start = _references_start(doc)
    return start is not None and any(
        b.start > start and (b.kind == "list_item" or _NUMBERED_ENTRY.match(doc.prose, b.start, b.end) is not None)
        for b in doc.blocks
    )


def reference_blocks(doc: Document) -> frozenset[int]:
    """Indexes of blocks inside a References / Sources section (not prose to be checked)."""
    return doc.derived("reference blocks", lambda: _blocks_under_references(doc))


def _blocks_under_references(doc: Document) -> frozenset[int]:
    inside = False
    found: set[int] = set()
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            inside = _is_references_label(doc, index)
        elif _is_references_label(doc, index):
            inside = True
        elif inside or _AUTHOR_ENTRY.match(doc.prose, block.start, block.end) is not None or _opens_with_label(doc, block):
            found.add(index)
    return frozenset(found)


def _is_references_label(doc: Document, index: int) -> bool:
    """A References / Sources heading, or a short paragraph that serves as one ("**Sources**", "References:")."""
    block = doc.blocks[index]
    if block.kind != "heading" and (block.kind != "paragraph" or block.end - block.start > _LABEL_LENGTH):
        return False
    return _REFERENCES_HEADING.match(doc.prose, block.start, block.end) is not None


def _opens_with_label(doc: Document, block: Block) -> bool:
    """A plain-text paragraph whose first line labels the rest as references ("Episode
    references:" over the entries, with no blank line between)."""
    first = doc.text.find("\n", block.start, block.end)
    return first > 0 and _REFERENCES_HEADING.match(doc.prose, block.start, first) is not None


def _references_start(doc: Document) -> int | None:
    for index, block in enumerate(doc.blocks):
        if _is_references_label(doc, index):
            return block.start
    return None
