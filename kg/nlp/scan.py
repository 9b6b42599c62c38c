"""``pattern.finditer(text)`` for patterns whose matches can only start at a fixed distance
before one of a few characters (its anchors): the same matches, found from where the
anchors stand.

``re`` scans a pattern with no literal prefix position by position, and an alternation of
many words (every city, 300 of them) tries its branches at each position whose character
opens one; a character class of common characters (中, 国, 市) stops at every one of them.
``str.find`` jumps from one anchor to the next, and the pattern is matched only there.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache


def anchored_finditer(pattern: re.Pattern, text: str, anchors: str, back: tuple[int, ...] = (0,),
                      words: Collection[str] | None = None) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(text)`` gives, in order, for a pattern every match of
    which starts ``b`` characters before an anchor character, for some ``b`` in ``back``
    (``[市县]``: anchors 市县, back (0,); ``某某县``: anchor 县, back (2,)).

    words: what must stand between a match's start and its anchor, when the pattern spells
        it (``(?:甲乙|丙丁戊)市``: words {甲乙, 丙丁戊}, back (2, 3)); None: anything.

    Every position that can start a match is tried, leftmost first, and none inside a
    match taken before it: what ``finditer`` does. ``pattern.match(text, pos)`` reads
    lookbehinds before ``pos`` as the scan does. Matches are never empty.
    """
    at = [m.start() for m in _class_of(anchors).finditer(text)]
    if words is None:
        starts = {q - b for q in at for b in back}
    else:
        starts = {q - b for q in at for b in back if b <= q and text[q - b:q] in words}
    last = 0
    match = pattern.match
    for s in sorted(starts):
        if s < last:
            continue  # negative starts, and starts inside the match before
        m = match(text, s)
        if m is not None:
            yield m
            last = m.end()


@lru_cache(maxsize=64)
def _class_of(anchors: str) -> re.Pattern:
    return re.compile("[" + re.escape(anchors) + "]")
