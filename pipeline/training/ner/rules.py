"""Post-model rules: a gazetteer mined from the training sets plus pattern groups.

Everything is added as spaCy ``entity_ruler`` components *after* ``ner``; most groups have
``overwrite_ents = False`` (fill gaps only; see :data:`OVERWRITE`), and the model folder stays loadable
with plain ``spacy.load``. Which groups ship is decided by dev numbers (see
``python benchmarks/ner_rules_ablation.py --lang az`` for the ablation) and
recorded in :data:`SELECTED`.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import spacy

from pipeline import languages, registrations

from pipeline.training.ner.data import _orig_to_norm
from pipeline.training.ner.mixes import MIXES
from pipeline.text.normalize import normalize

# Rule groups that the dev numbers supported (ablation in the model card), in the order they run: a group that
# replaces model entities (OVERWRITE) runs before the gap-filling ones, so that a name the model had joined to a
# date (`ABŞ XIX əsrdə` as one LOC) is found again by the gazetteer once the date pattern has taken its date.
SELECTED: dict[str, list[str]] = {"az": ["dates", "gazetteer", "acronyms"], "fa": ["gazetteer", "dates", "durations"]}

# Groups precise enough to replace an overlapping model entity (a year + suffix + "il" is a
# date even where the model said ORG); all other groups only fill gaps.
OVERWRITE: dict[str, set[str]] = {"az": {"dates"}, "fa": set()}

# Dev-set ablation behind SELECTED (exact micro F1 per dev set; filled from the ablation runs).

GAZ_MIN_COUNT = 2  # times seen as this entity in training data
GAZ_MIN_PURITY = 0.8  # share of all occurrences (as a token n-gram) labelled as this entity
GAZ_MAX_TOKENS = 6


def mine_gazetteer(lang: str, data_dir: Path, sets: list[str]) -> dict[str, str]:
    """Surface form (normalised, space-tokenised) -> label, for unambiguous frequent entities.

    Every occurrence of a candidate as a token n-gram counts for its label when it is exactly a
    gold entity, against it when it lies outside every entity, and not at all when it sits
    inside a longer entity (``ایران`` in ``جمهوری اسلامی ایران``).
    """
    docs: list[tuple[list[str], dict[tuple[int, int], str], list[int]]] = []
    candidates: set[str] = set()
    for name in sets:
        with open(Path(data_dir) / lang / f"{name}-train.jsonl", encoding="utf-8") as fh:
            for line in fh:
                item = json.loads(line)
                nt = normalize(item["text"], lang)
                text = nt.text
                toks, starts, pos = [], [], 0
                for tok in text.split():
                    pos = text.index(tok, pos)
                    toks.append(tok)
                    starts.append(pos)
                    pos += len(tok)
                spans: dict[tuple[int, int], str] = {}
                inside = [0] * len(toks)
                for e in item["entities"]:
                    if e["label"] == "DATE":
                        continue
                    s, t = _orig_to_norm(nt.offsets, e["start"]), _orig_to_norm(nt.offsets, e["end"])
                    idx = [i for i, st in enumerate(starts) if s <= st < t]
                    if not idx:
                        continue
                    spans[(idx[0], idx[-1] + 1)] = e["label"]
                    for i in idx:
                        inside[i] = 1
                    surface = " ".join(toks[idx[0]:idx[-1] + 1])
                    if len(surface) >= 2 and not surface.isdigit():
                        candidates.add(surface)
                docs.append((toks, spans, inside))
    votes: dict[str, Counter] = defaultdict(Counter)
    for toks, spans, inside in docs:
        for n in range(1, GAZ_MAX_TOKENS + 1):
            for i in range(len(toks) - n + 1):
                gram = " ".join(toks[i:i + n])
                if gram not in candidates:
                    continue
                if (i, i + n) in spans:
                    votes[gram][spans[(i, i + n)]] += 1
                elif not any(inside[i:i + n]):
                    votes[gram]["O"] += 1
    gaz: dict[str, str] = {}
    for surface, counts in votes.items():
        label, n = max(((lab, c) for lab, c in counts.items() if lab != "O"), key=lambda x: x[1], default=("O", 0))
        if n >= GAZ_MIN_COUNT and n / sum(counts.values()) >= GAZ_MIN_PURITY:
            gaz[surface] = label
    return gaz


def _patterns(lang: str) -> dict[str, list[dict[str, Any]]]:
    """The named pattern groups of the language pack (``pipeline/lang/<iso>/ner.py: rule_patterns``)."""
    try:
        module = importlib.import_module(f"pipeline.lang.{lang}.ner")
    except ModuleNotFoundError:
        return {}
    return module.rule_patterns() if hasattr(module, "rule_patterns") else {}


def add_groups(nlp: Any, lang: str, data_dir: Path, groups: list[str]) -> dict[str, int]:
    """Add one entity_ruler per group (in the given order) after ``ner``; returns pattern counts."""
    counts: dict[str, int] = {}
    named = _patterns(lang)
    for group in groups:
        if group == "gazetteer":
            gaz = mine_gazetteer(lang, data_dir, [s.name for s in MIXES[lang]])
            patterns = [{"label": lab, "pattern": s, "id": "gaz"}
                        for s, lab in sorted(gaz.items())]
        else:
            patterns = named[group]
        ruler = nlp.add_pipe("entity_ruler", name=f"rules_{group}", last=True,
                             config={"overwrite_ents": group in OVERWRITE.get(lang, set()),
                                     "validate": True})
        ruler.add_patterns(patterns)
        counts[group] = len(patterns)
    return counts


def add_rules(nlp: Any, lang: str, data_dir: Path, out_dir: Path, groups: list[str] | None = None) -> str:
    """Add the selected groups to ``nlp``, save it to ``out_dir``; return a model-card note."""
    groups = SELECTED.get(lang, []) if groups is None else groups
    ablation = ("\n\nAblation of the groups through the code path of `lingflow run`: "
                f"`python benchmarks/ner_rules_ablation.py --lang {lang}`.")
    if not groups:
        return "No post-model rules are shipped (none improved the dev sets)." + ablation
    counts = add_groups(nlp, lang, data_dir, groups)
    nlp.to_disk(out_dir)
    over = OVERWRITE.get(lang, set())
    return "Post-model entity_ruler groups, in order (rules fill gaps; groups marked * replace overlapping model" \
        " entities): " + ", ".join(f"`{g}`{'*' if g in over else ''} ({n} patterns)" for g, n in counts.items()) \
        + ". Patterns: `pipeline/lang/%s/ner.py`; gazetteer mined from the training sets (seen >= %d times, >= %d%% of" \
        " occurrences labelled)." % (lang, GAZ_MIN_COUNT, int(GAZ_MIN_PURITY * 100)) + ablation


def ablate(lang: str, model: Path, data_dir: Path, candidates: list[list[str]]) -> list[tuple[str, list[dict]]]:
    """Evaluate the model with each candidate list of groups on every non-PEYMA dev set."""
    from pipeline.ner.base import NerBackend, Span
    from pipeline.evaluation.ner import evaluate_lang

    class _Local(NerBackend):
        def __init__(self, nlp: Any) -> None:
            self.nlp, self.lang, self.name = nlp, lang, "ablation"
            self.rules = registrations.RULES.get(languages.spec(lang).ner)  # the component's post-model rules

        def predict(self, texts: list[str]) -> list[list[Span]]:
            return [[Span(e.start_char, e.end_char, e.label_) for e in d.ents] for d in self.nlp.pipe(texts)]

    out = []
    for groups in candidates:
        nlp = spacy.load(model)
        for name in [n for n in nlp.pipe_names if n.startswith("rules_")]:
            nlp.remove_pipe(name)
        add_groups(nlp, lang, data_dir, groups)
        rows = evaluate_lang(lang, data_dir, backend=_Local(nlp), views=("documents",))
        out.append(("+".join(groups) or "none", rows))
    return out
