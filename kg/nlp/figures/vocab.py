"""The vocabularies of the data files (``figure-*.tsv`` under ontology/vocab), loaded once, and the regexes
built from them with the units and qualifiers of kg.nlp.numbers.
"""
from __future__ import annotations

import re
from functools import cache

from ..numbers import ARABIC_RE, _read_tsv, alternation, compile_prefiltered, qualifiers, required_literal, units


@cache
def _cues() -> list[tuple[str, str, str, str]]:
    rows = []
    for row in _read_tsv("figure-cues.tsv"):
        row += [""] * (4 - len(row))
        rows.append((row[0], row[1], row[2], row[3]))
    return rows


@cache
def _adjacent_change_re() -> re.Pattern:
    words = [c for c, k, d, s in _cues() if s == "adjacent"]
    # 新增 (newly added) counts things; it is not a change of a level
    return compile_prefiltered(rf"(?<!新)({alternation(words)})(?:了|达|为|约|近|超过|突破)?(到|至)?$")


@cache
def _cue_dirs() -> dict[str, str]:
    return {c: d for c, k, d, s in _cues()}


@cache
def _scoped_cue_re(kind: str, scope: str) -> re.Pattern | None:
    words = [c for c, k, d, s in _cues() if k == kind and s == scope]
    return re.compile(alternation(words)) if words else None


@cache
def _periods() -> list[tuple[re.Pattern, str, str, str]]:
    """(regex, start template, end template, a string every match contains)."""
    out = []
    for row in _read_tsv("figure-periods.tsv"):
        row += [""] * (3 - len(row))
        out.append((compile_prefiltered(row[0]), row[1], row[2], required_literal(row[0])))
    return out


@cache
def _trim() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"lead": [], "link": [], "stop": [], "drop": [], "notnoun": []}
    for word, role in _read_tsv("figure-indicator-trim.tsv"):
        out[role].append(word)
    return out


@cache
def _tidy_rules() -> dict:
    """``figure-indicator-tidy.tsv``: the last pass over an indicator phrase."""
    rows: dict[str, list[str]] = {}
    for pattern, role in _read_tsv("figure-indicator-tidy.tsv"):
        rows.setdefault(role, []).append(pattern)

    def one(role: str) -> re.Pattern:
        # (prefiltered: the modal and per patterns open on branches the engine tries at every position)
        return compile_prefiltered("|".join(f"(?:{p})" for p in rows.get(role, [])) or "(?!)")

    return {
        "modal": one("modal"), "cut": one("cut"), "enum": one("enum"), "per": one("per"), "clause": one("clause"),
        "head": re.compile(rf"^(?:{alternation(rows.get('head', []))})+"),
        "tail": compile_prefiltered(rf"(?:{alternation(rows.get('tail', []))})+$"),
        "counted": frozenset(rows.get("counted", [])), "people": frozenset(rows.get("people", [])),
        "measured": tuple(rows.get("measured", [])),
        "verb": tuple(sorted(rows.get("verb", []), key=len, reverse=True)),
        "action": tuple(rows.get("verb", []) + rows.get("action", [])),
        "attribute": frozenset(rows.get("attribute", [])),
        "generic": frozenset(rows.get("generic", [])),
        "class": tuple(rows.get("class", [])),
        "bare_verb": re.compile(rf"^(?:基本|再|新|已|又)?(?:{alternation(rows.get('verb', []) + rows.get('action', []))})+$"),
    }


@cache
def _owner_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """``figure-owners.tsv``: (a named body, a named place, a class of bodies) at the start of a phrase."""
    rows: dict[str, list[str]] = {}
    for word, role in _read_tsv("figure-owners.tsv")[1:]:
        rows.setdefault(role, []).append(word)
    body = re.compile(rf"^(?:.{{1,8}}(?:{alternation(rows['body'])})|(?:{alternation(rows['short'])}))")
    place = re.compile(rf"^.{{1,8}}(?:{alternation(rows['place'])})")
    return body, place, re.compile(rf"^(?:{alternation(rows['class'])})")


@cache
def _owner_words(role: str) -> tuple[str, ...]:
    return tuple(w for w, r in _read_tsv("figure-owners.tsv")[1:] if r == role)


@cache
def _drop_re() -> re.Pattern:
    return compile_prefiltered("|".join(_trim()["drop"]))


@cache
def _set_phrase_re() -> re.Pattern:
    return re.compile(alternation(r[0] for r in _read_tsv("figure-set-phrases.tsv")))


@cache
def _trim_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    t = _trim()
    quals = [q for q, (pos, _) in qualifiers().items() if pos == "before"]
    lead = re.compile(rf"^(?:[、，,；;：:/\s]|{alternation(t['lead'])})+")
    link = compile_prefiltered(rf"(?:{alternation(t['link'] + quals)})+$")
    stop = compile_prefiltered(rf"[，,；;：:。！？!?、\n“”\"《》()（）]|{alternation(t['stop'])}|{ARABIC_RE}")
    return lead, link, stop


@cache
def _not_noun_start() -> frozenset[str]:
    return frozenset("".join(_trim()["notnoun"]))


@cache
def _default_units() -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in _read_tsv("figure-indicator-units.tsv")]


@cache
def _per_unit_end_re() -> re.Pattern:
    return re.compile(rf"每(?:{alternation(units())})$")


@cache
def _per_unit_re() -> re.Pattern:
    return re.compile(rf"^每(?:{alternation(units())})")


@cache
def _per_re() -> re.Pattern:
    return re.compile(rf"[/／]({alternation(units())})(?![0-9０-９])")


@cache
def _price_verbs() -> dict[str, str]:
    """``figure-price-verbs.tsv``: verb of a deal -> the indicator of its price."""
    return {r[0]: r[1] for r in _read_tsv("figure-price-verbs.tsv")[1:]}


@cache
def _money_acts() -> dict[str, str]:
    """``figure-money-acts.tsv``: verb of paying, taking or keeping money -> the indicator of the sum."""
    return {r[0]: r[1] for r in _read_tsv("figure-money-acts.tsv")[1:]}


@cache
def _price_verb_re() -> re.Pattern:
    # (以9万元（约合…）买下: a note in brackets between the amount and its verb)
    return re.compile(rf"(?:左右|上下)?(?:[/／][\u4e00-\u9fff]{{1,3}})?(?:[（(][^）)]{{0,20}}[）)])?(?:的?价格)?({alternation(_price_verbs())})")


@cache
def _price_before_re() -> re.Pattern:
    """An auction verb right before the amount (拍出了|3426万港币): the price of the lot."""
    verbs = [r[0] for r in _read_tsv("figure-price-verbs.tsv")[1:] if len(r) > 2 and r[2] == "before"]
    return re.compile(rf"({alternation(verbs)})了?$")
