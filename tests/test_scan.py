"""``anchored_finditer`` gives what ``finditer`` gives: on invented text built to hold
overlapping and adjacent candidates, and on the agency scans over real text."""
import random
import re
from pathlib import Path

import pytest

from kg.nlp.scan import anchored_finditer

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "corpus" / "liaocheng-daily-2023-12-28.txt"
NEWS = ROOT.parent / "shared" / "data" / "people_daily_ner" / "dev.bio"


def _same(pattern: re.Pattern, text: str, anchors: str | None, back: tuple[int, ...], words=None) -> int:
    want = [(m.span(), m.group()) for m in pattern.finditer(text)]
    if anchors is None:
        return len(want)  # a scan that runs as finditer
    got = [(m.span(), m.group()) for m in anchored_finditer(pattern, text, anchors, back, words)]
    assert got == want, text
    return len(want)


def test_anchored_finditer_gives_finditer_matches_on_invented_text():
    rng = random.Random(3)
    cases = [
        (re.compile("(?:甲乙|甲乙丙|丁)市"), "市", (1, 2, 3)),  # longest first, as the alternation tries them
        (re.compile("(?:甲乙|甲乙丙|丁)市"), "市", (1, 2, 3), {"甲乙", "甲乙丙", "丁"}),
        (re.compile("[一-鿿]{2}(?:县|区)"), "县区", (2,)),  # adjacent matches, one inside another's reach
        (re.compile("(?<![省])[市县]"), "市县", (0,)),  # a lookbehind before the start
        (re.compile("中共|中国|全国"), "中全", (0,)),
    ]
    found = 0
    for pattern, anchors, back, *words in cases:
        for _ in range(400):
            text = "".join(rng.choice("甲乙丙丁市县区省中共国全，的") for _ in range(rng.randint(0, 30)))
            found += _same(pattern, text, anchors, back, *words)
    assert found > 500


def _texts() -> list[str]:
    texts = [PAGE.read_text(encoding="utf-8")]
    if NEWS.is_file():
        from kg.nlp.ner import read_examples

        texts += [e.text for e in read_examples(NEWS)[:2000]]
    return texts


def test_agency_prefix_scans_give_their_finditer_matches():
    from kg.nlp.agencies import AgencyFinder

    finder = AgencyFinder()
    found = 0
    for text in _texts():
        for pattern, anchors, back, words in finder._prefix_scans:
            found += _same(pattern, text, anchors, back, words)
    assert found > 100


@pytest.mark.parametrize("back", [(0,), (1, 3)])
def test_anchored_finditer_with_no_anchor_in_the_text(back):
    assert list(anchored_finditer(re.compile("[市县]"), "甲乙丙", "市县", back)) == []
