"""Training of the az and fa spaCy NER pipelines (``python -m pipeline.ner.training.train``)."""
