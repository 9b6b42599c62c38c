"""Reading vocabularies (ontology/vocab/*.tsv) and turning word lists into regexes.

Shared by the lexicon (titles, agencies) and the figure/program/event extractors, so
every vocabulary is read, and every word list compiled, one way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .paths import VOCAB_DIR


def read_rows(name: str, vocab_dir: Path | str = VOCAB_DIR, header: bool = False) -> list[list[str]]:
    """Tab-separated rows of a vocabulary file, without blank and ``#`` comment lines.

    header (bool): the first remaining row names the columns: skip it.
    """
    rows: list[list[str]] = []
    with open(Path(vocab_dir) / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows[1:] if header else rows


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first (so 千瓦时 wins over 千瓦).

    Written as a character trie (千(?:瓦(?:时)?|克)): ``re`` tries a flat alternation word
    by word, the trie one character at a time. The words that match at one position are
    prefixes of one another, and the trie tries them longest first too (it goes on before
    it stops), so matches, and backtracking into the alternation, are the same.
    """
    words = set(words)
    if "" in words:
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return _alternation_cached(frozenset(words))


@lru_cache(maxsize=256)
def _alternation_cached(words: frozenset) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie, top=True)


def _trie_pattern(node: dict, top: bool = False) -> str:
    branches = [re.escape(ch) + _trie_pattern(node[ch]) for ch in sorted(k for k in node if k)]
    if top:
        return "|".join(branches)  # flat at the top, as a word list was (callers group it)
    end = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body  # go on before stopping: the longest word first
