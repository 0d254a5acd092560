"""Evaluation: loaded lazily by ``lingflow eval`` and ``lingflow train``, never by the runtime.

Every score here is produced by the inference path of ``lingflow run``
(:func:`pipeline.steps.annotate_texts`): the same step classes, in the same order.
"""
