"""Command line: `python -m pipeline.langid train DATA_DIR` / `python -m pipeline.langid eval LANGID_DIR`."""
from __future__ import annotations

import argparse

from .evaluate import DEFAULT_DETECTORS, DETECTORS, evaluate, format_table
from .training import train


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.langid")
    sub = parser.add_subparsers(dest="command", required=True)
    p_train = sub.add_parser("train", help="rebuild models/langid/ from ../shared/data")
    p_train.add_argument("data_dir")
    p_train.add_argument("--out", default=None)
    p_train.add_argument("--half", default="even", choices=("even", "odd"),
                         help="langid lines to train on (odd: swapped-split robustness check)")
    p_eval = sub.add_parser("eval", help="accuracy / look-alike table on langid/{sentences,word-pairs,single-words}")
    p_eval.add_argument("data_dir", help="folder holding sentences/ word-pairs/ single-words/")
    p_eval.add_argument("--detectors", default=",".join(DEFAULT_DETECTORS),
                        help=f"comma-separated, from {', '.join(DETECTORS)}")
    p_eval.add_argument("--half", default="all", choices=("all", "even", "odd"),
                        help="even lines trained the combiner; odd lines are held out")
    p_eval.add_argument("--model-dir", default=None, help="a lingflow model other than the shipped one")
    args = parser.parse_args(argv)
    if args.command == "train":
        train(args.data_dir, args.out, half=args.half)
    else:
        print(format_table(evaluate(args.data_dir, args.detectors.split(","), half=args.half,
                                    model_dir=args.model_dir)))


if __name__ == "__main__":
    main()
