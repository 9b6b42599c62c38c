"""Posts a biography states: the person first, the posts after a verb of holding.

Obituaries, appointment notices (任前公示) and profiles of the genre write

    林某，男，汉族，1972年5月生，……，现任某县委常委、副县长        posts held now
    林某：……，曾任某市某局局长；历任营长、副团长等职                posts held before (former)
    林某，……，1990年任某县县长，1998年至今任某市副市长              a dated post is a past one,
    林某，……，2001年至2005年，任某县县长                             unless it runs 至今 or 以来 (the
                                                                    date may be a clause of its own)
    林某，……，历任某县县长、某市副市长，2020年起任某市市长            a post begun 起 (since) is held
                                                                    still when no later step follows
    林某，……，历任某县县长、某市副市长、现任某市市长                  现任 inside a list: held now
    ……，拟任某局局长                                                a proposal: no post (not read)

A biography is a person mention that opens a clause (the text's start, or after 。；，：
or a line break), followed by a comma or a colon (a form of address may come between:
林某先生，) or by a verb of a career (林某同志曾任…, 林某现任…); its posts are read from the clauses of the same sentence that open with a verb
of holding (after a date, if any), until another person is named. Each post phrase is
read by the same grammar as any post (``POST + NAME``, see kg.nlp.extract), so a chain
(某县委常委、副县长) gives every link; a title whose agency the grammar cannot read is
no holding (营长 alone names no body).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

_ADDRESS = ("先生", "女士", "同志")
_OPENS = set("。;；,，:：\n")  # a biography's name opens a clause
_AFTER = set(",，:：")  # and a comma or colon follows it
_CLAUSE = re.compile(r"[,，;；。\n]")
_SENTENCE_END = re.compile(r"[。\n]")
#: a clause that states a post: an optional date (1990年, 2003年10月起, 1998年至今), the
#: verb, the post phrase. 任教, 任职, 任期, 任命 are no verb of holding a post.
_DATE = r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)(?:[起后]|以来|至今|[-—–至~]+(?:\d{4}年(?:\d{1,2}月)?|今))?"
#: a date that is a clause of its own, the post in the next (2008年12月至2010年12月，任…)
_DATE_ALONE = re.compile(_DATE)
_HELD = re.compile(
    rf"(?P<date>{_DATE})?"
    r"(?P<verb>现任|现担任|曾任|曾担任|曾先后任|曾先后担任|历任|原任|先后任|先后担任|兼任|担任|后任|又任|任)"
    r"(?![教职期命务何])(?P<post>.+)")
_CAREER = re.compile("曾任|曾担任|历任|曾先后任|先后任|现任|现担任|原任")  # right after the name
_FORMER_VERBS = {"曾任", "曾担任", "曾先后任", "曾先后担任", "历任", "原任", "先后任", "先后担任"}
_TAIL = re.compile(r"(?:等职务?|等职位|职务)$")
_RUNS_ON = re.compile("至今$")  # 2020年起任某市市长至今: held still, the post is what comes before
#: a step of a career inside a list, with its own verb (历任A、B、现任C; 历任A、2020年起任B)
_STEP = re.compile(rf"、(?=现任|现担任|{_DATE}(?:担任|任)(?![教职期命务何]))")
#: a verb of holding that goes on with the career, not after it (兼任: held beside the others)
_BESIDE = {"兼任"}


@dataclass(frozen=True, slots=True)
class BioPost:
    """A post phrase a biography states (offsets into the text searched)."""

    name: str
    name_start: int
    post: str  # the phrase after the verb, 等职 dropped
    post_start: int
    former: bool
    start: int  # the clause, from its date or verb
    end: int


def find_bios(text: str, name_starts: dict[int, str]) -> list[BioPost]:
    """The posts biographies in ``text`` state.

    text (str): the article text (normalised for matching).
    name_starts (dict[int, str]): where the article's person mentions start -> name.
    RETURNS (list[BioPost]): in text order.
    """
    out: list[BioPost] = []
    for start, name in sorted(name_starts.items()):
        if start and text[start - 1] not in _OPENS:
            continue
        end = start + len(name)
        end += next((len(a) for a in _ADDRESS if text.startswith(a, end)), 0)
        if end < len(text) and text[end] in _AFTER:
            at = end + 1
        elif _CAREER.match(text, end):
            at = end  # 林某同志曾任……: the career follows the name with no comma
        else:
            continue
        stop = _SENTENCE_END.search(text, at)
        stop = stop.start() if stop else len(text)
        others = [s for s, n in name_starts.items() if end < s < stop and n != name]
        if others:
            stop = min(others)  # another person is named: the biography ends before
        date_before = ""  # a clause that is a date alone dates the post of the next
        steps: list[tuple[BioPost, str, str]] = []  # this biography's posts, with their verb and date
        while at < stop:
            cut = _CLAUSE.search(text, at, stop)
            clause_end = cut.start() if cut else stop
            for k, m in enumerate(_steps(text, at, clause_end)):
                post = _TAIL.sub("", m.group("post"))
                runs_on = bool(_RUNS_ON.search(post))
                post = _TAIL.sub("", _RUNS_ON.sub("", post))
                date = m.group("date") or (date_before if k == 0 else "")
                former = (not runs_on and (m.group("verb") in _FORMER_VERBS
                                           or bool(date) and not date.endswith(("今", "以来"))))  # 至今, -今, 以来 run on
                if post:
                    steps.append((BioPost(name, start, post, m.start("post"), former, m.start(), m.end("post")),
                                  m.group("verb"), date))
            date_before = text[at:clause_end] if _DATE_ALONE.fullmatch(text, at, clause_end) else ""
            at = clause_end + 1
        for i, (b, _verb, date) in enumerate(steps):
            if b.former and date.endswith("起") and all(v in _BESIDE for _, v, _ in steps[i + 1:]):
                b = replace(b, former=False)  # 2020年起任…: begun then, and no later step ends it
            out.append(b)
    return out


def _steps(text: str, at: int, end: int) -> list[re.Match]:
    """The posts a clause states from ``at`` to ``end``: one verb of holding and its post
    phrase, or several when the phrase lists steps with their own verbs (历任A、现任B)."""
    out: list[re.Match] = []
    while m := _HELD.fullmatch(text, at, end):
        cut = _STEP.search(text, m.start("post"), end)
        step = _HELD.fullmatch(text, at, cut.start()) if cut else None
        if step is None:
            out.append(m)
            break
        out.append(step)
        at = cut.end()
    return out
