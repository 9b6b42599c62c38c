"""benchmarks/sample_posts.py --split resume-test: Resume NER's test split read as one text
per resume, and posts drawn from it (needs ../shared/data; skipped without it)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESUME_TEST = ROOT.parent / "shared" / "data" / "resume_ner" / "dev.char.bmes"

pytestmark = pytest.mark.skipif(not RESUME_TEST.exists(), reason="../shared/data/resume_ner absent")


def test_resumes_group_the_sentences_in_order():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sample_posts import resume_test

    from kg.nlp.ner import read_examples

    sentences = [ex.text for ex in read_examples(RESUME_TEST)]
    texts = resume_test()
    assert "".join(texts) == "".join(sentences)  # nothing lost, nothing added, order kept
    assert 1 < len(texts) < len(sentences) / 2  # resumes run to several sentences each
    assert all(any(text.startswith(s) for s in sentences) for text in texts)  # a text starts at a sentence


def test_resume_split_yields_posts():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "sample_posts.py"), "--split", "resume-test",
                          "--n", "3", "--seed", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    head = re.fullmatch(r"# (\d+) posts written for (\d+) held-out resumes; a sample of 3", lines[0])
    assert head and int(head.group(1)) >= 3
    assert lines[1] == "person\trole\tagency\tformer\tconfidence\tsentence"
    rows = [line.split("\t") for line in lines[2:]]
    assert len(rows) == 3
    for person, role, agency, former, confidence, sentence in rows:
        assert person in sentence and role and agency and former in ("", "former")
        assert 0 < float(confidence) <= 1
