"""A time-boxed fuzz run of the front ends: arbitrary bytes and markup never crash the parse.

DRAFTLINT_FUZZ_SECONDS (default 20) bounds the run; CI keeps the default, a long local run raises it.
"""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.errors import InputError
from linter.sources import parse_bytes

BUDGET = float(os.environ.get("DRAFTLINT_FUZZ_SECONDS", "20"))
PIECES = [b"#", b">", b"- ", b"`", b"```\n", b"<!--", b"-->", b"[a](b)", b"[1]: x", b"|", b"&amp;", b"&#x", b"\r\n",
          b"\r", b"\n", b"---\n", b"<p>", b"<div>", b"</", b"\xef\xbb\xbf", b"\xff", b"\xc3", "😀".encode(), b"  - ", b"1) "]
drafts = st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=6)), max_size=60).map(b"".join)
_deadline: list[float] = []


@settings(max_examples=100_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(drafts, st.sampled_from(("draft.md", "draft.txt", "draft.html")))
def fuzz_one(data: bytes, name: str) -> None:
    """Parse one generated draft; only a clear InputError (binary) may come out."""
    if time.monotonic() > _deadline[0]:
        return
    try:
        doc = parse_bytes(data, name)
    except InputError:
        return
    assert len(doc.prose) == len(doc.text)
    assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)


def test_front_ends_survive_fuzzing() -> None:
    _deadline[:] = [time.monotonic() + BUDGET]
    fuzz_one()
