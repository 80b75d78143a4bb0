"""A deterministic benchmark corpus recombined from the project's own example and evaluation drafts.

Paragraphs are taken from `examples/` and `tests/eval/` (Markdown, plain text and HTML), then
shuffled into drafts of about 5 KB with substances and numbers substituted at random from a fixed
seed. Draft `i` depends only on the seed and `i`, so the 1x corpus is a prefix of the 4x and 16x
ones and every run on every machine lints exactly the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SOURCE_GLOBS: tuple[str, ...] = tuple(
    f"{folder}/*.{ext}" for folder in ("examples", "tests/eval") for ext in ("md", "txt", "html")
)
MIN_SOURCE_DRAFTS = 5
DRAFT_BYTES = 5_000
FILES_PER_FOLDER = 100
# Share of drafts written as Markdown, plain text and HTML (an archive is mostly Markdown).
FORMAT_WEIGHTS: tuple[tuple[str, int], ...] = (("md", 8), ("txt", 1), ("html", 1))

SUBSTANCES: tuple[str, ...] = (
    "melatonin", "magnesium", "valerian", "ashwagandha", "St. John's wort", "ginkgo", "vitamin D",
    "vitamin B12", "zinc", "iron", "omega-3", "turmeric", "caffeine", "L-theanine", "kava", "5-HTP",
    "CBD", "echinacea", "ginseng", "creatine", "probiotics", "chamomile", "lavender oil", "glycine",
    "rhodiola", "berberine", "coenzyme Q10", "fish oil", "folic acid", "passionflower",
)
_SUBSTANCE_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(s) for s in sorted(SUBSTANCES, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)

# Used when the repository has fewer than MIN_SOURCE_DRAFTS drafts to recombine.
BUILTIN_PARAGRAPHS: tuple[str, ...] = (
    "## How much to take",
    "Take 3 mg of melatonin 30 minutes before bed. Start with 0.5 mg if you are sensitive to it.",
    "Magnesium is a mineral found in leafy greens, nuts and whole grains. Adults need 310 to 420 mg "
    "a day from all sources, according to the NIH Office of Dietary Supplements.",
    "Valerian root cures insomnia and works for everyone, with no side effects at all.",
    "Ashwagandha is a breakthrough for stress: this miracle herb will change your nights. TK",
    "A 2019 trial of 120 adults found that 600 mg of ashwagandha a day lowered cortisol by 14% over "
    "8 weeks ([Salve 2019](https://pubmed.ncbi.nlm.nih.gov/32021735/)).",
    "St. John's wort can interact with antidepressants, birth control pills and blood thinners. "
    "Talk to your pharmacist before combining it with any prescription medicine.",
    "Take 2,000 IU of vitamin D with breakfast, or 1,000 IU twice a day with meals.",
    "- Take zinc on an empty stomach.\n- Take iron with vitamin C.\n- Do not take both within 2 hours.",
    "As an AI language model, I cannot give medical advice, but I hope this helps.",
    "Omega-3 supplements may lower triglycerides by 15 to 30 percent in people with high levels "
    "[citation needed].",
    "> Caffeine has a half-life of about 5 hours, so a 200 mg coffee at 4 pm still leaves 100 mg "
    "at 9 pm.",
    "<!-- draftlint-disable-next-line editorial.hype -->\nThe game-changer, in our view, was sleep "
    "hygiene rather than any pill.",
    "This article is for information only and is not medical advice.",
    "Turmeric supports joint health. Take 500 mg of curcumin two to three times a day, with food.",
    "Kava may harm the liver. Avoid it if you drink alcohol or take medicines processed by the liver.",
)


@dataclass(frozen=True)
class CorpusInfo:
    """A corpus folder on disk: where it is, how many drafts and bytes it holds."""

    path: Path
    files: int
    bytes: int

    @property
    def megabytes(self) -> float:
        """Size in MB (10**6 bytes)."""
        return self.bytes / 1e6

    def file_list(self) -> list[Path]:
        """Every draft, relative to the corpus folder, in a stable order."""
        return sorted(p.relative_to(self.path) for p in self.path.rglob("*") if p.suffix in (".md", ".txt", ".html"))


class _HTMLParagraphs(HTMLParser):
    """Collects the visible text of block elements (p, li, h1-h6, blockquote) as paragraphs."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "dd"})
    SKIP = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.paragraphs.append(text)
        self._parts = []


def paragraphs_of(path: Path) -> list[str]:
    """The paragraphs of one draft: blank-line separated blocks, or block elements for HTML."""
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix == ".html":
        parser = _HTMLParagraphs()
        parser.feed(text)
        parser.close()
        return parser.paragraphs
    text = _FRONT_MATTER_RE.sub("", text.lstrip("\ufeff"), count=1)
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def source_drafts(root: Path) -> list[Path]:
    """The example and evaluation drafts that exist right now (README files are not drafts)."""
    found = {p for pattern in SOURCE_GLOBS for p in root.glob(pattern) if p.name.lower() != "readme.md"}
    return sorted(found)


def source_paragraphs(root: Path) -> tuple[list[str], list[Path]]:
    """All distinct paragraphs to recombine, plus the drafts they came from.

    With fewer than MIN_SOURCE_DRAFTS drafts the built-in paragraphs are added, so the corpus
    still has some variety.
    """
    drafts = source_drafts(root)
    seen: dict[str, None] = {}
    for draft in drafts:
        for paragraph in paragraphs_of(draft):
            seen.setdefault(paragraph, None)
    if len(drafts) < MIN_SOURCE_DRAFTS:
        for paragraph in BUILTIN_PARAGRAPHS:
            seen.setdefault(paragraph, None)
    return list(seen), drafts


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    """A random number with the same shape (digit count, decimals) as the one matched."""
    whole, _, decimals = match.group(0).partition(".")
    low = 10 ** (len(whole) - 1) if len(whole) > 1 else 0
    number = str(rng.randint(low, 10 ** len(whole) - 1))
    if decimals:
        number += "." + "".join(str(rng.randint(0, 9)) for _ in decimals)
    return number


def _vary_substance(match: re.Match[str], rng: random.Random) -> str:
    """A random substance, capitalised like the one it replaces."""
    name = rng.choice(SUBSTANCES)
    return name[0].upper() + name[1:] if match.group(0)[0].isupper() else name


def vary(paragraph: str, rng: random.Random) -> str:
    """A paragraph with its substances and numbers swapped for random ones."""
    paragraph = _SUBSTANCE_RE.sub(lambda m: _vary_substance(m, rng), paragraph)
    return _NUMBER_RE.sub(lambda m: _vary_number(m, rng), paragraph)


def draft_body(paragraphs: list[str], rng: random.Random, size: int) -> list[str]:
    """Randomly chosen, varied paragraphs until they add up to about `size` bytes."""
    body: list[str] = []
    total = 0
    while total < size:
        paragraph = vary(rng.choice(paragraphs), rng)
        body.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return body


def render(title: str, body: list[str], ext: str) -> str:
    """A draft in the given format: Markdown with front matter, plain text, or an HTML page."""
    if ext == "md":
        return f"---\ntitle: {title}\nauthor: Benchmark\n---\n\n# {title}\n\n" + "\n\n".join(body) + "\n"
    if ext == "txt":
        return f"{title}\n\n" + "\n\n".join(p.lstrip("#> ").strip() for p in body) + "\n"
    blocks = "\n".join(f"<p>{html.escape(p.lstrip('#> ').strip())}</p>" for p in body)
    return f"<!doctype html>\n<html><head><title>{html.escape(title)}</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n{blocks}\n</body></html>\n"


def make_draft(paragraphs: list[str], seed: int, index: int) -> tuple[str, str]:
    """Draft number `index` of the corpus: (extension, text), a pure function of seed and index."""
    rng = random.Random(f"{seed}:{index}")
    ext = rng.choices([e for e, _ in FORMAT_WEIGHTS], weights=[w for _, w in FORMAT_WEIGHTS])[0]
    title = f"Notes on {rng.choice(SUBSTANCES)}, part {index}"
    return ext, render(title, draft_body(paragraphs, rng, DRAFT_BYTES), ext)


def draft_path(folder: Path, index: int, ext: str) -> Path:
    """Where draft `index` lives: 100 drafts per sub-folder, like a dated archive."""
    return folder / f"{index // FILES_PER_FOLDER:04d}" / f"d{index:06d}.{ext}"


def _fingerprint(paragraphs: list[str], seed: int, count: int) -> str:
    """Identifies a corpus's content, so an up-to-date corpus on disk is reused."""
    digest = hashlib.sha256(json.dumps([seed, count, DRAFT_BYTES, paragraphs]).encode("utf-8"))
    return digest.hexdigest()


def _measure(folder: Path) -> CorpusInfo:
    """Count the drafts and bytes of a corpus folder."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json"]
    return CorpusInfo(folder, len(files), sum(p.stat().st_size for p in files))


def build_corpus(folder: Path, paragraphs: list[str], seed: int, count: int) -> CorpusInfo:
    """Write `count` drafts into `folder` (replacing what is there), unless they are already there."""
    manifest = folder / "manifest.json"
    fingerprint = _fingerprint(paragraphs, seed, count)
    if manifest.is_file() and json.loads(manifest.read_text()).get("fingerprint") == fingerprint:
        return _measure(folder)
    if folder.exists():
        shutil.rmtree(folder)
    for index in range(count):
        ext, text = make_draft(paragraphs, seed, index)
        path = draft_path(folder, index, ext)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    manifest.write_text(json.dumps({"fingerprint": fingerprint, "seed": seed, "drafts": count}))
    return _measure(folder)


def build_large_draft(path: Path, paragraphs: list[str], seed: int, size: int, one_line: bool) -> CorpusInfo:
    """One Markdown draft of about `size` bytes: many paragraphs, or all of them on a single line."""
    rng = random.Random(f"{seed}:large:{size}:{one_line}")
    body = draft_body([" ".join(p.split()) for p in paragraphs] if one_line else paragraphs, rng, size)
    text = (" ".join(body) if one_line else "\n\n".join(body)) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8", newline="\n")
    return CorpusInfo(path, 1, path.stat().st_size)
