"""kg.spill: a build's records on disk, read back in order, resolved as a list of them is."""
from __future__ import annotations

from kg.records import AgencyMention, Article, Evidence, Extraction, Holding, PersonMention
from kg.resolve import resolve
from kg.spill import RecordSpill


def _extraction(k: int, name: str, agency: str) -> Extraction:
    art = Article(id=f"src{k}#a1", source=f"src{k}", index=0, headline="标题", text="", offsets=())
    ev = Evidence(f"src{k}", art.id, 0, 6, f"{agency}局长{name}", sentence=f"{agency}局长{name}出席")
    mention = AgencyMention(surface=agency, key=agency, label=agency, kind="GovernmentAgency", article=art.id,
                            evidence=ev)
    return Extraction(article=art, persons=[PersonMention(name, art.id, ev)], agencies=[mention],
                      holdings=[Holding(name, "局长", mention, f"{agency}局长", art.id, None, ev)])


def test_spilled_records_read_back_in_order_and_resolve_the_same(tmp_path):
    batches = [[_extraction(0, "甲乙丙", "青禾市水务局"), _extraction(1, "丁戊", "青禾市林业局")],
               [], [_extraction(2, "甲乙丙", "青禾市水务局")]]
    with RecordSpill() as spill:
        for batch in batches:
            spill.write(batch)
        flat = [ex for batch in batches for ex in batch]
        assert list(spill) == flat and list(spill) == flat  # each pass reads from the start
        assert len(spill) == 3
        from_spill, from_list = resolve(spill), resolve(flat)
        path = spill.path
    assert from_spill == from_list
    assert len(from_list.memberships[("甲乙丙", "青禾市水务局", "局长")].evidence) == 2
    import os

    assert not os.path.exists(path)


def test_resolve_without_node_evidence_keeps_the_rest():
    flat = [_extraction(0, "甲乙丙", "青禾市水务局"), _extraction(1, "甲乙丙", "青禾市水务局")]
    full, light = resolve(flat), resolve(flat, node_evidence=False)
    assert all(not p.evidence for p in light.persons.values())
    assert all(not a.evidence for a in light.agencies.values())
    assert light.memberships == full.memberships and light.mentions == full.mentions
    assert len(full.persons["甲乙丙"].evidence) == 2
