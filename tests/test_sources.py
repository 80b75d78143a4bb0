"""Front ends: blocks, prose and sentences land on the right characters of the original file."""

from __future__ import annotations

import pytest

from linter.document import Document
from linter.sources import parse_bytes, parse_text


def sentence_texts(doc: Document) -> list[str]:
    """The text of every sentence, with markup blanked and white space collapsed."""
    return [" ".join(doc.sentence_text(s).split()) for s in doc.sentences]


def block_texts(doc: Document) -> list[tuple[str, str]]:
    """(kind, source text) of every block."""
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take it e.g. at night. Then sleep.", ["Take it e.g. at night.", "Then sleep."]),
        ("Ask Dr. Smith first. She knows.", ["Ask Dr. Smith first.", "She knows."]),
        ("Use approx. 2.5 mg daily. Not more.", ["Use approx. 2.5 mg daily.", "Not more."]),
        ("Sold in the U.S. since 1995. It is cheap.", ["Sold in the U.S. since 1995.", "It is cheap."]),
        ("Why? Because it works! Really.", ["Why?", "Because it works!", "Really."]),
        ("Why? because it works.", ["Why? because it works."]),
        # a paragraph written all in lower case starts its sentences in lower case too
        ("i spritz lavender on my pillow. the phone thing helped. lol", ["i spritz lavender on my pillow.", "the phone thing helped.", "lol"]),
        ("does it work? that's the big question, e.g. in my DMs.", ["does it work?", "that's the big question, e.g. in my DMs."]),
        ("i take it at 9 p.m. then read.", ["i take it at 9 p.m. then read."]),
    ],
)
def test_sentences_survive_abbreviations_and_decimals(text: str, expected: list[str]) -> None:
    assert sentence_texts(parse_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short line the next word would have fitted on was broken by hand: it ends a unit
        ("Dusk Drops, 30 ml\n$21.50 | 4.3 stars\nCould help you unwind after a long shift.",
         ["Dusk Drops, 30 ml", "$21.50 | 4.3 stars", "Could help you unwind after a long shift."]),
        # wrapping broke these lines: the next word would not have fitted
        ("Magnesium glycinate is gentle on the stomach and\nMost people take it with dinner.",
         ["Magnesium glycinate is gentle on the stomach and Most people take it with dinner."]),
        ("Take one capsule\nwith food.", ["Take one capsule with food."]),
        # wrapped by hand a little short of the widest line: "100%" would only just have fitted
        ("VitaTrek's daily travel multivitamin is totally\n100% natural, so there are zero side effects at all.",
         ["VitaTrek's daily travel multivitamin is totally 100% natural, so there are zero side effects at all."]),
        # a chat log's lines each open with a time stamp
        ("[Mon 07:45] pete: tried rhodiola last season and I climbed way harder than before\n[Mon 07:50] bex: same here",
         ["[Mon 07:45] pete: tried rhodiola last season and I climbed way harder than before", "[Mon 07:50] bex: same here"]),
        # a chat log in lower case: each line opens with its writer's name
        ("lena: has anyone tried kava for work stress\ntheo: yes, one shell and my shoulders drop\nmaya: lol",
         ["lena: has anyone tried kava for work stress", "theo: yes, one shell and my shoulders drop", "maya: lol"]),
        # one wrapped line that opens with a word and a colon is no log
        ("The gummies come in two strengths and the label lists the\nreasons: sleep and stress, for adults only",
         ["The gummies come in two strengths and the label lists the reasons: sleep and stress, for adults only"]),
        ("Ingredients:\nMagnesium 200 mg, glycine 1 g, taken together every evening.",
         ["Ingredients: Magnesium 200 mg, glycine 1 g, taken together every evening."]),
    ],
)
def test_a_line_broken_by_hand_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert sentence_texts(parse_text(text)) == expected


def test_markdown_blocks_and_list_items_without_final_period() -> None:
    doc = parse_text("# Sleep aids\n\nIntro text here.\n\n- take 3 mg\n- avoid alcohol\n\n> quoted claim\n")
    assert block_texts(doc) == [
        ("heading", "Sleep aids"),
        ("paragraph", "Intro text here."),
        ("list_item", "take 3 mg"),
        ("list_item", "avoid alcohol"),
        ("quote", "quoted claim"),
    ]
    assert sentence_texts(doc) == ["Sleep aids", "Intro text here.", "take 3 mg", "avoid alcohol", "quoted claim"]


def test_markdown_table_cells_are_blocks() -> None:
    doc = parse_text("| dose | when |\n|---|---|\n| 3 mg | at night |\n")
    assert [t for k, t in block_texts(doc) if k == "table_cell"] == ["dose", "when", "3 mg", "at night"]


def test_plain_text_heading_paragraph_and_list() -> None:
    doc = parse_text("Melatonin guide\n\nIt helps some people.\n\n- take 1 mg\n- not with alcohol\n", fmt="text")
    assert block_texts(doc) == [
        ("heading", "Melatonin guide"),
        ("paragraph", "It helps some people."),
        ("list_item", "take 1 mg"),
        ("list_item", "not with alcohol"),
    ]


def test_plain_text_list_item_runs_on_over_its_indented_lines() -> None:
    """A hard-wrapped item keeps its wrapped lines: the citation at its end is the item's own."""
    text = "- people who ate cherries had fewer attacks\n  over two days (Zhang et al., 2012)\n- drink water\nNext line.\n"
    doc = parse_text(text, fmt="text")
    assert block_texts(doc) == [
        ("list_item", "people who ate cherries had fewer attacks\n  over two days (Zhang et al., 2012)"),
        ("list_item", "drink water"),
        ("paragraph", "Next line."),
    ]
    assert sentence_texts(doc)[0] == "people who ate cherries had fewer attacks over two days (Zhang et al., 2012)"


def test_plain_text_transcript_lines_are_units_of_their_own() -> None:
    """A video transcript seldom ends a line with a full stop; each timestamp starts a new unit."""
    doc = parse_text("Transcript, part 2:\n[0:11] this drink knocked me out\n[0:45] so they fix your sleep\n(1:02:10) bye\n", fmt="text")
    assert block_texts(doc) == [
        ("paragraph", "Transcript, part 2:"),
        ("list_item", "this drink knocked me out"),
        ("list_item", "so they fix your sleep"),
        ("list_item", "bye"),
    ]
    assert sentence_texts(doc)[1:] == ["this drink knocked me out", "so they fix your sleep", "bye"]


def test_plain_text_transcript_turn_wrapped_flush_left_runs_on_to_the_next_timestamp() -> None:
    """A turn whose line is cut at the wrapping width, unpunctuated, goes on over the lines below
    it up to the next timestamp; a short unpunctuated item does not take the next line."""
    text = ("[02:11] KIM: There was a study on hamsters where ginkgo doubled the blood\n"
            "flow in tiny vessels, so it will warm your hands up.\nAnd our viewers say the same.\n"
            "[02:20] And grape seed next\n- drink water\nNext line.\n")
    doc = parse_text(text, fmt="text")
    assert block_texts(doc) == [
        ("list_item", "KIM: There was a study on hamsters where ginkgo doubled the blood\n"
                      "flow in tiny vessels, so it will warm your hands up.\nAnd our viewers say the same."),
        ("list_item", "And grape seed next"),
        ("list_item", "drink water"),
        ("paragraph", "Next line."),
    ]
    assert sentence_texts(doc)[0] == "KIM: There was a study on hamsters where ginkgo doubled the blood flow in tiny vessels, so it will warm your hands up."


def test_plain_text_numbered_line_in_capitals_is_a_heading() -> None:
    """A review round-up numbers its products in capitals; those lines head what follows."""
    text = "----\n4) CALM NIGHT TEA, CHAMOMILE (20 bags)\nRated 4.7 of 5\n\n1. take one bag\n"
    doc = parse_text(text, fmt="text")
    assert block_texts(doc) == [
        ("heading", "----"),
        ("heading", "4) CALM NIGHT TEA, CHAMOMILE (20 bags)"),
        ("paragraph", "Rated 4.7 of 5"),
        ("list_item", "take one bag"),
    ]


def test_plain_text_lines_bulleted_with_a_symbol_or_emoji_are_list_items() -> None:
    """A social post bullets its lines with emoji; each is an item, not one run-on sentence."""
    text = "So many of you asked, so here it is:\n\u2600\ufe0f Saffron, 30 mg at breakfast.\n\U0001f319 Ashwagandha at night\n\u2713 done\n"
    doc = parse_text(text, fmt="text")
    assert block_texts(doc) == [
        ("paragraph", "So many of you asked, so here it is:"),
        ("list_item", "Saffron, 30 mg at breakfast."),
        ("list_item", "Ashwagandha at night"),
        ("list_item", "done"),
    ]


def test_html_blocks_hide_scripts_and_decode_entities() -> None:
    doc = parse_text("<h1>Kava</h1><script>miracle()</script><p>Tea &amp; kava.</p><ul><li>one</li></ul>", fmt="html")
    assert [(k, t) for k, t in block_texts(doc)] == [("heading", "Kava"), ("paragraph", "Tea &amp; kava."), ("list_item", "one")]
    assert "miracle" not in doc.prose
    assert "Tea &     kava." in doc.prose


def test_code_front_matter_comments_and_urls_are_not_prose() -> None:
    text = (
        "---\ntitle: Miracle sleep\n---\n\nRead `miracle()` and <!-- miracle --> see https://miracle.example.org now.\n\n"
        "```\nmiracle code\n```\n"
    )
    doc = parse_text(text)
    assert "miracle" not in doc.prose.lower()
    assert doc.front_matter == {"title": "Miracle sleep"}
    assert [link.url for link in doc.links] == ["https://miracle.example.org"]
    assert [c.body.strip() for c in doc.comments] == ["miracle"]


def test_links_and_reference_definitions_are_kept_as_evidence() -> None:
    doc = parse_text("A trial found it [1] and [this study](https://pubmed.gov/1).\n\n[1]: https://doi.org/10.1/x\n")
    assert "https://pubmed.gov/1" in [link.url for link in doc.links]
    assert doc.definitions["1"].url == "https://doi.org/10.1/x"
    assert "this study" in doc.prose and "pubmed" not in doc.prose


@pytest.mark.parametrize("line, defined", [
    # a numbered reference written without the colon, as plain-text leaflets write them
    ("[1] EFSA Panel. Melatonin and sleep onset. EFSA Journal 2011;9(6):2241.", True),
    ("[2] Smith J. Sleep study. https://doi.org/10.1/x", True),
    # a bracketed number opening an ordinary line defines nothing
    ("[1] Take it with food.", False),
])
def test_numbered_references_without_a_colon(line: str, defined: bool) -> None:
    doc = parse_text(f"Melatonin shortens the time to fall asleep.[1]\n\n{line}\n", "label.txt", "text")
    assert (line[1] in doc.definitions) is defined


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_positions_with_every_line_ending(newline: str, fmt: str) -> None:
    lines = ["<p>First line.</p>", "", "<p>Second é line 😀 here.</p>"] if fmt == "html" else ["First line.", "", "Second é line 😀 here."]
    text = newline.join(lines) + newline
    doc = parse_text(text, fmt=fmt)
    offset = text.index("here")
    assert doc.lines.position(offset) == (3, lines[2].index("here") + 1)
    assert "here" in doc.prose[offset : offset + 4]


def test_mixed_line_endings_count_each_break_once() -> None:
    text = "one\r\ntwo\rthree\nfour"
    doc = parse_text(text, fmt="text")
    assert [doc.lines.position(text.index(w))[0] for w in ("one", "two", "three", "four")] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [(b"\xef\xbb\xbfCaf\xc3\xa9 miracle.", "utf-8"), ("\ufeffCafé miracle.".encode("utf-16-le"), "utf-16"),
     ("\ufeffCafé miracle.".encode("utf-16-be"), "utf-16")],
)
def test_byte_order_marks_are_removed_and_columns_count_code_points(data: bytes, encoding: str) -> None:
    doc = parse_bytes(data, "draft.md")
    assert doc.text == "Café miracle."
    assert doc.lines.position(doc.text.index("miracle")) == (1, 6)
    assert doc.notes == []


def test_plain_text_rule_lines_part_sections() -> None:
    """A leaflet frames its section titles with rule lines; the title is a heading of its own,
    not the start of a run-on sentence with the prose under it."""
    text = "Intro line one.\n-----\nTART CHERRY TO SOOTHE ACHY LEGS\n-----\nWeekend netball or parkrun?\n"
    doc = parse_text(text, fmt="text")
    assert block_texts(doc) == [
        ("paragraph", "Intro line one."),
        ("heading", "-----"),
        ("heading", "TART CHERRY TO SOOTHE ACHY LEGS"),
        ("heading", "-----"),
        ("paragraph", "Weekend netball or parkrun?"),
    ]


def test_plain_text_short_unpunctuated_lines_stand_alone() -> None:
    """A description's link list: a short line with no closing punctuation is a unit of its
    own; a long wrapped line still runs on into the next."""
    long_line = "Magnesium glycinate is the form most people tolerate well at night and"
    text = f"WHAT I USE\nMy sleep tracker: oura.example/ref\nBlackout curtains that changed my life\n{long_line}\nit is cheap.\n"
    doc = parse_text(text, fmt="text")
    assert block_texts(doc) == [
        ("heading", "WHAT I USE"),
        ("paragraph", "My sleep tracker: oura.example/ref"),
        ("paragraph", "Blackout curtains that changed my life"),
        ("paragraph", f"{long_line}\nit is cheap."),
    ]
