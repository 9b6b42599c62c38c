"""Dates as files write them in a line of metadata: 2024-05-21, 2024/5/21, 20240521,
2024年5月21日, 2024-05-21T09:30:00+08:00."""
from __future__ import annotations

import re
from datetime import date

#: 2024年5月21日 (groups: year, month, day)
CN_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PATTERNS = (
    re.compile(r"(?<!\d)" + CN_DATE.pattern),
    re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
)
_WEEKDAY = r"(?:[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?|[(（]?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[)）]?)"
_ONLY = re.compile(
    r"\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{6})"
    rf"\s*{_WEEKDAY}?\s*")


def date_in(text: str) -> str | None:
    """The first calendar date written in ``text``, as ISO (YYYY-MM-DD), or None."""
    found = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            try:
                found.append((m.start(), date(int(m[1]), int(m[2]), int(m[3])).isoformat()))
                break
            except ValueError:
                continue
    return min(found)[1] if found else None


def is_only_date(text: str) -> bool:
    """``text`` is a date and nothing else (a weekday may follow): a day heading."""
    return bool(_ONLY.fullmatch(text)) and date_in(text) is not None
