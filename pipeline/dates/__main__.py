"""`python -m pipeline.dates DATA_DIR [split]`: print the date evaluation as JSON lines."""
import json
import sys

from .evaluate import evaluate

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m pipeline.dates DATA_DIR [dev|train]")
    for row in evaluate(sys.argv[1], *(sys.argv[2:3] or ["dev"])):
        print(json.dumps(row, ensure_ascii=False))
