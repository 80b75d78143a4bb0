"""Values computed for the last few texts, found by identity.

Every rule kind asks about the same draft's prose, so a cache of one or a few recent texts is
enough; identity (not equality) makes a hit cost one comparison per entry, and holding the texts
keeps their identities from being reused by new strings.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class RecentTexts(Generic[T]):
    """The value of `compute(text)` for each of the last `size` texts asked about."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: list[tuple[str, T]] = []

    def get(self, text: str, compute: Callable[[str], T]) -> T:
        """The value remembered for `text`, computed (and remembered) if it is not among the last few."""
        for known, value in self._entries:
            if known is text:
                return value
        value = compute(text)
        self._entries.insert(0, (text, value))
        del self._entries[self.size:]
        return value

    def __getstate__(self) -> dict[str, object]:
        """Pickled empty: what is remembered belongs to this process's texts (a stored rule set)."""
        return {"size": self.size, "_entries": []}
