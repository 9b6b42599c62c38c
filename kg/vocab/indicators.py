"""The scheme of common statistical indicators (``ontology/vocab/indicators.tsv``).

Each concept has a code, a preferred label and the other wordings the press uses for it
(地区生产总值 / 国内生产总值 / GDP / 经济总量). ``concept_for`` maps a figure's indicator, as
the text words it, to the concept it names, or None: the wording is matched whole, after
the scope words before it (全市, 全国 …) and a count's 数 / 数量 after it are set aside, so
规上工业增加值 and 全县规模以上工业增加值 both find 规模以上工业增加值, and 工业增加值增长点
finds nothing. No guessing beyond that: a wording the scheme does not hold keeps its own
indicator.

>>> concept_for("规上工业增加值").label
'规模以上工业增加值'
>>> concept_for("全国GDP").code
'GDP'
>>> concept_for("企业代表") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .tables import read_rows

__all__ = ["IndicatorConcept", "concept_for", "indicator_concepts", "normalise_wording"]

_SCOPE = re.compile(r"^(?:全国|全省|全市|全县|全区|全州|全盟|我省|我市|我县|我区|本省|本市|本县|本区)")
_COUNT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])(?:数量|数)$")
_SPACE = re.compile(r"\s+")
_FOLD = str.maketrans("（）ＧＤＰ", "()GDP")


@dataclass(frozen=True, slots=True)
class IndicatorConcept:
    """One statistical indicator: ``code`` (stable, e.g. GDP), ``label`` (skos:prefLabel),
    ``alt_labels`` (skos:altLabel), ``english`` (a gloss, skos:definition @en)."""

    code: str
    label: str
    alt_labels: tuple[str, ...]
    english: str = ""


def normalise_wording(wording: str) -> str:
    """A wording as the scheme is looked up: no spaces, brackets and letters folded to
    half width, upper-case Latin letters."""
    return _SPACE.sub("", wording).translate(_FOLD).upper()


@cache
def indicator_concepts() -> tuple[IndicatorConcept, ...]:
    """The concepts of ``indicators.tsv``, in file order.

    RAISES ValueError: when one wording names two concepts (the scheme must be unambiguous).
    """
    out = []
    for row in read_rows("indicators.tsv"):
        row += [""] * (4 - len(row))
        code, label, alts, english = (c.strip() for c in row[:4])
        out.append(IndicatorConcept(code, label, tuple(a for a in alts.split("|") if a), english))
    seen: dict[str, str] = {}
    for c in out:
        for w in (c.label, *c.alt_labels):
            key = normalise_wording(w)
            if seen.setdefault(key, c.code) != c.code:
                raise ValueError(f"indicators.tsv: {w!r} names both {seen[key]} and {c.code}")
    return tuple(out)


@cache
def _by_wording() -> dict[str, IndicatorConcept]:
    return {normalise_wording(w): c for c in indicator_concepts() for w in (c.label, *c.alt_labels)}


@lru_cache(maxsize=4096)
def concept_for(wording: str) -> IndicatorConcept | None:
    """The concept a figure's indicator names, or None.

    wording (str): the indicator as kg reads it from the text (e.g. 规上工业增加值).
    """
    table = _by_wording()
    key = normalise_wording(wording or "")
    for candidate in (key, _SCOPE.sub("", key)):
        for form in (candidate, _COUNT_TAIL.sub("", candidate)):
            if form and form in table:
                return table[form]
    return None
