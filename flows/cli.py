"""The ``lingflow`` command line (typer): run, inspect, eval, train."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from flows import daemon, results, training
from flows.settings import SETTINGS, quiet_prefect_defaults

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="lingflow: az/en/ru/fa documents -> language, entities, dates -> Parquet tables.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure a component on ../shared/data-style data; prints tables.")
train_app = typer.Typer(no_args_is_help=True, help="Rebuild a shipped model artefact reproducibly.")
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

DEFAULT_DATA = training.DEFAULT_DATA


def _console():
    from rich.console import Console

    return Console(stderr=False)


_fail = results.fail  # one red line on stderr and exit 2 (a usage problem, never a traceback)


def _version(value: bool) -> None:
    if value:
        from pipeline import __version__

        typer.echo(f"lingflow {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                          help="Print lingflow's version and exit.")) -> None:
    pass


def _data_dir(data: Path) -> Path:
    if not data.is_dir():
        _fail(f"no data folder at {data}: give --data DIR or set LINGFLOW_DATA (see the README, \"Data\")")
    return data


def _names(value: str, known: list[str] | tuple[str, ...], option: str) -> list[str]:
    """Comma-separated names, each one of ``known``; an unknown one is one line and exit 2."""
    names = [n.strip() for n in value.split(",") if n.strip()]
    bad = [n for n in names if n not in known]
    if bad or not names:
        _fail(f"unknown {option} {', '.join(map(repr, bad)) or repr(value)}; choose from {', '.join(known)}")
    return names


def _check_corpus_and_out(corpus: Path, out: Path) -> None:
    from pipeline.io.outdir import OutputRefused, check_output

    if not corpus.is_dir():
        _fail(f"corpus folder {corpus} does not exist or is not a folder")
    try:
        check_output(corpus, out)
    except OutputRefused as exc:
        _fail(exc)


@app.command()
def run(
    corpus: Path = typer.Argument(..., help="Folder of input documents (searched recursively)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", show_default=False,
                                       help="Output folder for the Parquet tables (default: outputs, or LINGFLOW_OUT)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, show_default=False,
                                          help="Batches processed at once: one in this process, the others in worker "
                                               "processes (default: the CPUs, at most 4, or LINGFLOW_WORKERS)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, show_default=False,
                                             help="Documents per task (default: 64, or LINGFLOW_BATCH_SIZE)."),
    full: bool = typer.Option(False, "--full", help="Reprocess every document, changed or not."),
    max_mb: Optional[int] = typer.Option(None, "--max-mb", min=1, show_default=False,
                                         help="Refuse files larger than this, MiB (default: 50, or LINGFLOW_MAX_MB)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="Run batches on this Dask scheduler."),
    dask_local: Optional[int] = typer.Option(None, "--dask-local", min=1, help="Run batches on N local Dask workers."),
) -> None:
    """Run the ingest flow over CORPUS and print a summary."""
    SETTINGS.validate()  # a bad LINGFLOW_* variable: one line, exit 2 (see main)
    out = out or Path(SETTINGS.out_dir)
    workers = workers or SETTINGS.workers
    batch_size = batch_size or SETTINGS.batch_size
    max_mb = max_mb or SETTINGS.max_mb
    _check_corpus_and_out(corpus, out)
    from pipeline.io.tables import OutputLocked
    from pipeline.runner import open_output

    try:  # the lock is taken before Prefect starts (the flow takes it again, re-entrantly)
        lock = open_output(str(corpus), str(out))
    except OutputLocked as exc:
        _fail(exc)
    try:
        quiet_prefect_defaults()
        from flows.startup import loaded_models_line, start_reaper, start_workers

        start_reaper()  # stops Prefect's temporary server if this process is killed (flows/reaper.py)
        if not (dask_address or dask_local):  # they load the models while Prefect starts its server
            start_workers(corpus, out, full, max_mb, workers, batch_size)
        from flows.healing import own_heartbeats
        from flows.ingest import ingest
        from flows.runners import in_flight, make_task_runner

        t0 = time.perf_counter()
        flow = ingest.with_options(task_runner=make_task_runner(workers, dask_address, dask_local))
        try:
            with own_heartbeats():  # the flow sends them itself, and stops at once (flows/healing.py)
                summary = flow(corpus=str(corpus), out_dir=str(out), batch_size=batch_size, full=full, max_mb=max_mb,
                               show_progress=progress, max_in_flight=in_flight(workers, dask_address, dask_local),
                               workers=1 if dask_address or dask_local else workers)
        except (OutputLocked, FileNotFoundError) as exc:
            _fail(exc)
    finally:
        from flows.workers import discard_prepared

        discard_prepared()  # workers of a run that never started
        lock.release()
    from flows.show import print_summary

    print_summary(summary, time.perf_counter() - t0, loaded=loaded_models_line(summary))


@app.command()
def serve(
    corpus: Path = typer.Argument(..., help="Folder to re-ingest on the schedule."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", show_default=False,
                                       help="(default: outputs, or LINGFLOW_OUT)"),
    cron: Optional[str] = typer.Option(None, "--cron", help='Cron schedule, e.g. "0 * * * *" (hourly).'),
    interval: Optional[float] = typer.Option(None, "--interval", min=1, help="Or: seconds between runs."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, show_default=False,
                                             help="(default: 64, or LINGFLOW_BATCH_SIZE)"),
    max_mb: Optional[int] = typer.Option(None, "--max-mb", min=1, show_default=False,
                                         help="(default: 50, or LINGFLOW_MAX_MB)"),
    name: Optional[str] = typer.Option(None, "--name", help="Deployment name (default: ingest-<folder>)."),
) -> None:
    """Register a scheduled deployment of the ingest flow and serve it (set PREFECT_API_URL to see it in the UI)."""
    if bool(cron) == bool(interval):
        _fail("give exactly one of --cron or --interval")
    SETTINGS.validate()
    out = out or Path(SETTINGS.out_dir)
    batch_size = batch_size or SETTINGS.batch_size
    max_mb = max_mb or SETTINGS.max_mb
    _check_corpus_and_out(corpus, out)
    quiet_prefect_defaults()
    if not os.environ.get("PREFECT_API_URL"):
        typer.secho("lingflow: PREFECT_API_URL is not set: serving against a temporary server that disappears "
                    "with this process. Start `lingflow server` and export PREFECT_API_URL to see runs in the UI.",
                    fg="yellow", err=True)
    from flows.deployments import serve_corpus

    serve_corpus(str(corpus), str(out), cron=cron, interval=interval, batch_size=batch_size, max_mb=max_mb,
                 name=name)


@app.command()
def server(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(4200, "--port")) -> None:
    """Start a Prefect server and UI on HOST:PORT (then: export PREFECT_API_URL=http://HOST:PORT/api)."""
    quiet_prefect_defaults()
    # The port must be set through the environment, or the UI calls the API on the default port.
    env = dict(os.environ, PREFECT_SERVER_API_HOST=host, PREFECT_SERVER_API_PORT=str(port))
    typer.echo(f"Prefect UI: http://{host}:{port}   ->   export PREFECT_API_URL=http://{host}:{port}/api")
    prefect = Path(sys.executable).with_name("prefect")
    os.execvpe(str(prefect), [str(prefect), "server", "start"], env)


# `inspect` and `report`: looking at what a run wrote (flows/results.py)
app.command("inspect")(results.inspect)
app.command("report")(results.report)
app.command("workers")(daemon.workers)  # models kept loaded between runs (flows/daemon.py)


@eval_app.command("langid")
def eval_langid(data: Path = typer.Option(Path(DEFAULT_DATA), "--data", envvar="LINGFLOW_DATA",
                                          help="The shared data folder."),
                cv: bool = typer.Option(True, "--cv/--no-cv",
                                        help="lingflow: 2-fold cross-validation (trains two fold models, ~1 min); "
                                             "--no-cv scores the shipped model, which was trained on all lines."),
                half: str = typer.Option("all", "--half", help="Lines scored without --cv: all, even or odd."),
                detectors: str = typer.Option("lingflow,lingua,pycld2,langdetect,langdetect+az", "--detectors",
                                              help="Comma-separated."),
                documents: bool = typer.Option(False, "--documents", help="Instead: documents.lang of whole "
                                               "documents through the steps of `lingflow run`.")
                ) -> None:
    """Accuracy per language, look-alike acceptance and lines/s on data/langid."""
    from pipeline.evaluation.langid import DETECTORS, cross_validate, evaluate

    if documents:
        from pipeline.evaluation.langid_documents import evaluate_documents

        _data_dir(data)
        _print_rows(evaluate_documents(data), "language of whole documents through `lingflow run`'s steps "
                                              "(look-alikes: right = not given a target language)")
        return
    names = _names(detectors, list(DETECTORS), "detector")
    _names(half, ("all", "even", "odd"), "--half")
    _data_dir(data)
    if cv and "lingflow" in names:
        _print_rows(cross_validate(data), "language identification, lingflow, 2-fold cross-validation "
                                          "(pooled: every line scored by the fold model that did not see it)")
        names.remove("lingflow")
    if names:
        note = " (the shipped lingflow model was trained on all lines)" if "lingflow" in names else ""
        _print_rows(evaluate(data / "langid", names, half=half), f"language identification ({half} lines){note}")


@eval_app.command("ner")
def eval_ner(lang: Optional[str] = typer.Option(None, "--lang", help="az, en, ru or fa (default: all)."),
             data: Path = typer.Option(Path(DEFAULT_DATA), "--data", envvar="LINGFLOW_DATA"),
             limit: Optional[int] = typer.Option(None, "--limit", help="Items per dev set."),
             view: str = typer.Option("both", "--view", help="sentences, documents or both."),
             sets: Optional[str] = typer.Option(None, "--sets", help="Comma-separated set names (default: all)."),
             backend: Optional[str] = typer.Option(None, "--backend",
                                                   help="Another registered NER component for --lang, "
                                                        "e.g. ner.natasha.ru.v1 (default: the shipped one)."),
             as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON.")) -> None:
    """Exact and overlap F1 per label on every dev set of data/ner/LANG, through the code path of
    `lingflow run`: one sentence per document, and documents of 8 lines; plus words/s."""
    from pipeline.languages import supported

    langs = _names(lang, supported(), "--lang") if lang else ["az", "en", "ru", "fa"]
    views = {"both": ("sentences", "documents"), "sentences": ("sentences",), "documents": ("documents",)}.get(view)
    if views is None:
        _fail(f"--view must be sentences, documents or both, not {view!r}")
    if backend and not lang:
        _fail("--backend needs --lang")
    from pipeline import components, registry
    from pipeline.evaluation.ner import dev_files, evaluate_lang, format_table

    if backend and backend not in registry.names("ner"):
        _fail(f"--backend {backend!r} is not a registered NER component; known: {', '.join(registry.names('ner'))}")
    if not any(dev_files(lg, data) for lg in langs):
        _fail(f"no NER dev sets (*-dev.jsonl) under {data}/ner/{'|'.join(langs)}; pass --data or set LINGFLOW_DATA")
    rows = []
    for lg in langs:
        rows += evaluate_lang(lg, data, backend=components.ner(backend) if backend else None, limit=limit,
                              sets=sets.split(",") if sets else None, views=views)
    if as_json:
        import json

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        typer.echo(format_table(rows))


@eval_app.command("dates")
def eval_dates(data: Path = typer.Option(Path(DEFAULT_DATA), "--data", envvar="LINGFLOW_DATA",
                                         help="The shared data folder.")) -> None:
    """DATE span P/R/F1 on the dev sets that annotate dates, value accuracy on the hand-made tables, on
    the peer cases and on CLDR's written forms (per language and per kind)."""
    from pipeline.evaluation.dates import evaluate
    from pipeline.evaluation.dates_peer import CLDR_CASES, per_kind, per_language, read_cases, run_cases

    _print_rows(evaluate(_data_dir(data)), "dates: DATE spans on the dev sets (exact and overlap), hand-made value tables")
    results = run_cases(read_cases())
    _print_rows(per_language(results), "dates: peer cases (tests/dates/data/peer_cases.tsv), exact ISO value, "
                                       "per language; held = every 4th case, not tuned on")
    _print_rows(per_kind(results), "dates: peer cases per kind (dev and held)")
    cldr = run_cases(read_cases(CLDR_CASES))
    _print_rows(per_language(cldr), "dates: CLDR's written forms (tests/dates/data/cldr_cases.tsv, Babel), exact ISO "
                                    "value, per language; held = 12 dates never looked at case by case")
    _print_rows([r for r in per_kind(cldr) if "100 %" not in r["sentence"] or "100 %" not in r["alone"]],
                "dates: CLDR forms per kind, the kinds not all right")


@eval_app.command("entities")
def eval_entities() -> None:
    """Canonical-form accuracy on the hand-made and blind sets (in context); cross-language links incl. Persian."""
    from pipeline.evaluation.entities import evaluate

    _print_rows(evaluate(), "entities")


def _print_rows(rows: list[dict], title: str) -> None:
    """A plain markdown table (never truncated; columns are the union of the rows' keys)."""
    if not rows:
        typer.echo("no rows")
        return
    cols: list[str] = []
    for r in rows:
        cols += [c for c in r if c not in cols and not isinstance(r[c], (dict, list))]
    cells = [[_fmt(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    typer.echo(f"\n{title}\n")
    typer.echo("| " + " | ".join(c.ljust(w) for c, w in zip(cols, widths)) + " |")
    typer.echo("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        typer.echo("| " + " | ".join(v.ljust(w) for v, w in zip(row, widths)) + " |")


def _fmt(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.0f}" if v >= 1000 else f"{v:.3f}"
    return str(v)


@train_app.command("langid")
def train_langid(data: Path = typer.Option(Path(DEFAULT_DATA), "--data", envvar="LINGFLOW_DATA"),
                 out: Optional[Path] = typer.Option(None, "--out", help="Default: the shipped model folder."),
                 half: str = typer.Option("all", "--half", help="Lines to train on: all (the shipped model), "
                                                               "even or odd (one cross-validation fold).")) -> None:
    """Rebuild the language-ID artefacts from the shared data."""
    if half not in ("all", "even", "odd"):
        _fail(f"--half must be all, even or odd, not {half!r}")
    from pipeline.training.langid import train

    train(_data_dir(data), out, half=half)


train_app.command("vectors")(training.vectors)


@train_app.command("ner")
def train_ner(lang: str = typer.Option(..., "--lang", help="az, fa or ru (en is pretrained)."),
              data: Path = typer.Option(Path(DEFAULT_DATA), "--data", envvar="LINGFLOW_DATA"),
              out: Optional[Path] = typer.Option(None, "--out", help="Default: pipeline/models/ner-LANG."),
              seed: int = typer.Option(0, "--seed"),
              matmul: Optional[str] = typer.Option(None, "--matmul", help="az/fa: blis or numpy (~1.5x faster); "
                                                   "default: the shipped model's (az blis, fa numpy)."),
              overrides: list[str] = typer.Option([], "--set", metavar="KEY=VALUE", help="az/fa: a spaCy config "
                                                  "override (repeatable), e.g. components.tok2vec.model.encode.width=192."),
              mix: Optional[str] = typer.Option(None, "--mix", help="az/fa: a candidate data mix (e.g. fa-no-tweets)."),
              config: Optional[str] = typer.Option(None, "--config", help="az/fa: a config of pipeline/training/ner/configs "
                                                   "by name (default: LANG; e.g. az_vectors)."),
              pretrain_epochs: Optional[int] = typer.Option(None, "--pretrain-epochs", min=0, help="az/fa: spacy "
                                                            "pretrain the tok2vec first (0: none; default: the recipe's)."),
              work: Optional[Path] = typer.Option(None, "--work", help="Work folder (kept with --keep-work)."),
              keep_work: bool = typer.Option(False, "--keep-work"),
              rescore: bool = typer.Option(False, "--rescore",
                                           help="az/fa: no training; re-evaluate the model folder, rewrite its card's scores.")) -> None:
    """Train the NER model of LANG reproducibly and write its model card (az, fa, ru; en is pretrained)."""
    from pipeline import languages

    repo = Path(__file__).resolve().parent.parent
    spec = languages.spec(lang)
    if spec is None or spec.trainer is None:
        trainable = ", ".join(sorted(code for code, s in languages.LANGUAGES.items() if s.trainer))
        _fail(f"no trainable NER model for {lang!r} (its model is pretrained or it has no pack); trainable: {trainable}")
    if spec.trainer == "spacy-natasha":
        from pipeline.training.ner.train_ru import train_ru

        train_ru(data / "ner" / lang, repo / "pipeline/training/ner/configs/ru_natasha_navec.cfg",
                 work or Path(f"/tmp/lingflow-{lang}"), out or repo / f"pipeline/models/ner-{lang}")
        return
    if matmul not in (None, "blis", "numpy"):
        _fail(f"--matmul must be blis or numpy, not {matmul!r}")
    from pipeline.training.ner.mixes import MIX_VARIANTS, MIXES
    from pipeline.training.ner.train import train

    if rescore:
        from pipeline.evaluation.ner import format_table
        from pipeline.training.ner.train import rescore as rescore_folder

        typer.echo(format_table(rescore_folder(lang, out, data / "ner")))
        return
    if mix is not None:
        if mix not in MIX_VARIANTS:
            _fail(f"--mix must be one of {', '.join(sorted(MIX_VARIANTS))}, not {mix!r}")
        MIXES[lang] = MIX_VARIANTS[mix]
    config_path = training.ner_config(config)
    parsed: dict = {}
    for kv in overrides:
        key, sep, value = kv.partition("=")
        if not sep:
            _fail(f"--set takes KEY=VALUE, not {kv!r}")
        import json

        try:
            parsed[key] = json.loads(value)
        except json.JSONDecodeError:
            parsed[key] = value
    if problem := training.ner_resources_problem(config_path, lang):
        _fail(problem)
    train(lang, out, data / "ner", seed=seed, overrides=parsed or None, keep_work=keep_work, work=work,
          matmul=matmul, mix=mix, config=config_path, pretrain_epochs=pretrain_epochs)


def main() -> None:
    """Run the CLI; a bad option or LINGFLOW_* setting is one line on stderr and exit 2."""
    from flows.usage import run_app

    run_app(app)


if __name__ == "__main__":
    sys.exit(main())
