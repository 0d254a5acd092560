"""``python -m pipeline.entities``: print canonical-form accuracy per language."""

from pipeline.entities.evaluate import main

main()
