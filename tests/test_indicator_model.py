"""The learned indicator selector (kg/nlp/figures/learned.py): its cheap choice is the full
model's choice, it changes a label only as its policy allows, and its weights rebuild."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp.figures import extract_figures, learned
from kg.records import Article

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "全市地区生产总值完成2856.3亿元，同比增长6.2%。",
    "企业代表介绍了企业发展状况，全年新增就业岗位1200个。",
    "今年以来，全市共排查隐患1.2万处，整改率达98.5%。",
    "提出到2025年数字经济核心产业增加值占GDP比重达到10%。",
    "新建5G基站1200个，累计达到8600个。",
    "每张门票售价80元（约折合10美元）。",
    "粮食总产量稳定在140亿斤以上，城乡居民医保参保率稳定在95%以上。",
]


def _article(text: str) -> Article:
    return Article(id="a", source="s", index=0, headline="", text=text, offsets=list(range(len(text))), raw=text)


def _sites(text: str) -> list[learned.Site]:
    """The sites the driver asks the selector about, in order."""
    sites: list[learned.Site] = []
    saved = learned.choose_indicator

    def record(site: learned.Site) -> str:
        sites.append(site)
        return saved(site)

    learned.choose_indicator = record
    try:
        extract_figures(_article(text), None, None)
    finally:
        learned.choose_indicator = saved
    return sites


@pytest.mark.parametrize("text", SENTENCES)
def test_indicator_model_cheap_choice_is_the_full_models(text):
    weights, margin = learned._model()
    for site in _sites(text):
        if site.kept:
            continue  # the driver takes the label of the figure before
        full = learned.select(learned.candidates(site), weights, margin)
        assert learned.choose_indicator(site) == full
        # with the rules' label replaced by each candidate, the choices agree too
        for label, _ in learned.candidates(site)[:6]:
            other = site._replace(rule=label)
            assert learned.choose_indicator(other) == learned.select(learned.candidates(other), weights, margin)


def test_indicator_model_no_clause_is_borrowed_and_statistics_keep_their_names():
    figures = {f.surface: f.indicator for t in SENTENCES[:3]
               for f in extract_figures(_article(t), None, None)}
    assert figures["2856.3亿元"] == "地区生产总值"
    assert figures["98.5%"] == "整改率"
    assert all(len(label) <= 16 for label in figures.values())


def test_indicator_model_weights_rebuild_byte_identically():
    if not (ROOT / "benchmarks" / "data" / "heldout_news_train_indicators.jsonl").exists():
        pytest.skip("the annotated tuning sets are not here")
    done = subprocess.run([sys.executable, "scripts/train_indicators.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "identical" in done.stdout, done.stdout + done.stderr
