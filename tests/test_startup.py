"""Start-up: what ``kg build`` imports before it reads a page, and the small readers that
replace heavier imports."""
import subprocess
import sys
from pathlib import Path

import pytest

from kg.text.sources import _npc_session_year, _ordinal

ROOT = Path(__file__).resolve().parents[1]


def _imported_after(code: str, modules: tuple[str, ...]) -> list[str]:
    """The modules among ``modules`` that a fresh process has imported after ``code``."""
    probe = f"import sys; {code}; print(sorted(set(sys.modules) & {set(modules)!r}))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return eval(done.stdout.strip().splitlines()[-1])


def test_builder_import_leaves_out_what_a_build_rarely_uses():
    """cn2an (and proces under it) are read only for rare mixed numerals: importing them cost
    every build about 0.4 s of start-up."""
    assert _imported_after("import kg.builder, kg.cli", ("cn2an", "proces")) == []


def test_readers_of_marked_up_formats_are_imported_for_their_files_only(tmp_path):
    """A build of plain text does not set up the Markdown, HTML and PDF readers."""
    readers = ("kg.text.markdown", "kg.text.html", "kg.text.pdf", "kg.text.views")
    (tmp_path / "a.txt").write_text("本报讯 全市财政收入增长5%。", encoding="utf-8")
    read = f"from kg.text.sources import read_sources; read_sources([{str(tmp_path)!r}])"
    assert _imported_after(f"import kg.builder, kg.cli; {read}", readers) == []
    (tmp_path / "b.md").write_text("# 标题\n\n全市财政收入增长5%。\n", encoding="utf-8")
    assert _imported_after(read, readers) == ["kg.text.markdown", "kg.text.views"]


@pytest.mark.parametrize("numeral,value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("十四", 14),
                                           ("二十", 20), ("二十三", 23), ("九十九", 99)])
def test_ordinal_reads_numerals_under_a_hundred(numeral, value):
    assert _ordinal(numeral) == value


@pytest.mark.parametrize("numeral", ["十十", "一二", "一一一", "二十十", "十一二", ""])
def test_ordinal_refuses_what_is_not_a_numeral(numeral):
    with pytest.raises(ValueError):
        _ordinal(numeral)


def test_npc_session_year_from_term_and_session():
    assert _npc_session_year("第十二届全国人民代表大会第一次会议") == "2013"
    assert _npc_session_year("在第十四届全国人民代表大会第三次会议上") == "2025"
    assert _npc_session_year("第九届全国人民代表大会第五次会议") == "2002"
    assert _npc_session_year("第十十届全国人民代表大会第一次会议") is None  # not a numeral
    assert _npc_session_year("第九十届全国人民代表大会第一次会议") is None  # no such term


def _frozen(_item) -> int:
    import gc

    return gc.get_freeze_count()


def test_pool_workers_freeze_what_they_were_forked_with():
    """The extraction workers' collections skip the loaded pipeline they share with this process."""
    import gc
    import multiprocessing

    from kg.builder import _pool_map

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers are forked only where fork exists")
    gc.unfreeze()  # (another test's freeze, if any, is not the workers')
    counts = list(_pool_map(_frozen, [1, 2, 3, 4], 2, lambda: None))
    assert len(counts) == 4 and min(counts) > 1000
    assert gc.get_freeze_count() == 0  # this process's objects stay under the collector
