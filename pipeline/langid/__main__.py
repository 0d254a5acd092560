"""Command line: `python -m pipeline.langid train DATA_DIR` / `python -m pipeline.langid eval LANGID_DIR [--cv]`."""
from __future__ import annotations

import argparse

from .evaluate import DEFAULT_DETECTORS, DETECTORS, cross_validate, evaluate, format_table
from .training import TRAIN_HALF, train


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.langid")
    sub = parser.add_subparsers(dest="command", required=True)
    p_train = sub.add_parser("train", help="rebuild models/langid/ from ../shared/data")
    p_train.add_argument("data_dir")
    p_train.add_argument("--out", default=None)
    p_train.add_argument("--half", default=TRAIN_HALF, choices=("all", "even", "odd"),
                         help="langid lines to train on (all: the shipped model; even/odd: one CV fold)")
    p_eval = sub.add_parser("eval", help="accuracy / look-alike table on langid/{sentences,word-pairs,single-words}")
    p_eval.add_argument("data_dir", help="folder holding sentences/ word-pairs/ single-words/ (or the data root)")
    p_eval.add_argument("--detectors", default=",".join(DEFAULT_DETECTORS),
                        help=f"comma-separated, from {', '.join(DETECTORS)}")
    p_eval.add_argument("--half", default="all", choices=("all", "even", "odd"),
                        help="lines to score (the shipped lingflow model was trained on all of them)")
    p_eval.add_argument("--model-dir", default=None, help="a lingflow model other than the shipped one")
    p_eval.add_argument("--cv", action="store_true",
                        help="2-fold cross-validation of the lingflow recipe (trains two models, ~1 min); "
                             "the honest lingflow estimate. Other --detectors are still scored on --half")
    p_eval.add_argument("--work-dir", default=None, help="with --cv: keep the two fold models here")
    args = parser.parse_args(argv)
    if args.command == "train":
        train(args.data_dir, args.out, half=args.half)
        return
    detectors = args.detectors.split(",")
    rows = []
    if args.cv:
        rows += cross_validate(args.data_dir, work_dir=args.work_dir)
        detectors = [d for d in detectors if d != "lingflow"]
    if detectors:
        rows += evaluate(args.data_dir, detectors, half=args.half, model_dir=args.model_dir)
    print(format_table(rows))


if __name__ == "__main__":
    main()
