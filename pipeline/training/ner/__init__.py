"""Training of the az and fa spaCy NER pipelines (``lingflow train ner --lang az|fa``)."""
