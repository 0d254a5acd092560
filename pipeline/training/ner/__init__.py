"""Training of the az and fa spaCy NER pipelines (``lingflow train ner --lang az|fa``)."""

from pathlib import Path

CONFIGS = Path(__file__).resolve().parent / "configs"  # the spaCy configs of the recipes
DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"  # ../shared/data beside the clone
