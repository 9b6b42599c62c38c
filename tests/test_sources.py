"""Reading inputs: encodings, bad files, JSON records, page dates."""
import json

import pytest

from kg.text.sources import DecodeError, date_from_path, decode, read_sources

TEXT = "本报讯(记者 张三)3月5日，市财政局局长李四介绍，全市财政收入增长5%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk", "utf-16-le"])
def test_sources_decode_detects_encoding(encoding):
    text, used = decode(TEXT.encode(encoding))
    assert text.lstrip("\ufeff") == TEXT


def test_sources_decode_refuses_binary():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_sources_decode_refuses_undecodable_bytes():
    with pytest.raises(DecodeError):
        decode(bytes([0x81, 0x20, 0xFE, 0x01, 0x80, 0x7F]) * 50)


@pytest.mark.parametrize("path,expected", [
    ("pages/20200102/page1.txt", "2020-01-02"),
    ("2023-12-29_page.txt", "2023-12-29"),
    ("a/2023/12/29/x.txt", "2023-12-29"),
    ("page_99999999.txt", None),
])
def test_sources_date_from_path(path, expected):
    assert date_from_path(path) == expected


def test_sources_bad_files_are_reported_and_others_read(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    sources, refused, skipped = read_sources([tmp_path, tmp_path / "missing.txt"])
    assert [s.id.endswith("good.txt") for s in sources] == [True]
    reasons = {r.path.split("/")[-1]: r.reason for r in refused}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert [s.path.endswith("notes.md") for s in skipped] == [True]


def test_sources_jsonl_broken_line_reported_with_number(tmp_path):
    lines = [json.dumps({"title": "甲", "content": "正文一。", "date": "2021-03-05"}, ensure_ascii=False),
             "{not json",
             json.dumps({"title": "乙", "text": "正文二。"}, ensure_ascii=False)]
    (tmp_path / "recs.jsonl").write_text("\n".join(lines), encoding="utf-8")
    sources, refused, _ = read_sources([tmp_path / "recs.jsonl"])
    assert [s.title for s in sources] == ["甲", "乙"]
    assert sources[0].date == "2021-03-05"
    assert refused[0].line == 2 and "broken JSON" in refused[0].reason


def test_sources_sidecar_and_flag_dates(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"date": "2022-06-01", "city": "济南市"}', encoding="utf-8")
    [src], _, _ = read_sources([page])
    assert (src.date, src.city) == ("2022-06-01", "济南市")
    [src], _, _ = read_sources([page], page_date="2022-07-01")
    assert src.date == "2022-07-01"


GOV_REPORTS = "../shared/data/gov_work_reports/government_work_reports.jsonl"


def test_sources_gov_work_reports_read_as_documents():
    from pathlib import Path

    p = Path(__file__).resolve().parents[1] / GOV_REPORTS
    if not p.is_file():
        pytest.skip("../shared/data is not available on this machine")
    sources, refused, _ = read_sources([p])
    assert len(sources) == 72 and not refused
    assert all(s.date and s.date[:4].isdigit() for s in sources)


def test_sources_mixed_encodings_in_one_folder(tmp_path):
    for enc in ("utf-8", "gbk", "utf-16", "utf-8-sig", "gb18030"):
        (tmp_path / f"{enc}.txt").write_bytes(TEXT.encode(enc))
    sources, refused, _ = read_sources([tmp_path])
    assert not refused
    assert {s.raw.lstrip("\ufeff") for s in sources} == {TEXT}
    assert {s.encoding for s in sources} >= {"utf-8", "gb18030", "utf-16", "utf-8-sig"}


def test_sources_control_characters_are_kept_in_raw_and_dropped_in_text(tmp_path):
    from kg.text.segment import segment

    raw = "市场新闻\n\n本报讯(记者 林一)6月3日,市\x07商务局局长\x1b张伟介绍,全市增长。\n"
    (tmp_path / "c.txt").write_text(raw, encoding="utf-8")
    [src], refused, _ = read_sources([tmp_path / "c.txt"])
    assert src.raw == raw and not refused
    [a] = segment(src)
    assert "\x07" not in a.text and "市商务局局长张伟介绍" in a.text
