"""jieba's words and parts of speech of a short phrase (rjieba), read once per phrase: the
readings of names, agencies, programs and figures test the same short runs again and again."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) of a short phrase (rjieba, deterministic)."""
    import rjieba

    return tuple((w, t) for w, t in rjieba.tag(phrase))
