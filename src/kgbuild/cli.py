"""The `kgbuild` command line: a thin layer over the library API."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import KgbuildError
from .nlp import DEFAULT_MODEL
from .vocab import KGBI_IRI

F = TypeVar("F", bound=Callable[..., Any])


class KgbuildGroup(click.Group):
    """Turns library errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgbuildError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


def model_option(func: F) -> F:
    """Add --model (the spaCy pipeline package to load)."""
    return click.option(
        "--model",
        default=DEFAULT_MODEL,
        show_default=True,
        help="Installed spaCy pipeline package to parse with.",
    )(func)


def base_option(func: F) -> F:
    """Add --base (the namespace for minted instance IRIs)."""
    return click.option(
        "--base",
        default=KGBI_IRI,
        show_default=True,
        help="Base IRI for minted actors, commitments, conditions and spans.",
    )(func)


@click.group(cls=KgbuildGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgbuild")
def main() -> None:
    """Build an RDF knowledge graph of actors, commitments and conditions from news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write graph.ttl, graph.trig and graph.html into.",
)
@model_option
@base_option
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes (local engine) or local Dask workers that parse at once.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where articles are processed: here, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786) for --engine dask; default: a local one.")
@click.option("--force", is_flag=True, help="Ignore the cache in OUT/.kgbuild: rebuild all.")
@click.option("--nquads", is_flag=True, help="Also write graph.nq, for triple-store bulk loaders.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also load the graph into this Oxigraph store folder (for query, serve).")
def build(paths: tuple[Path, ...], out_dir: Path, model: str, base: str, jobs: int,
          engine: str, scheduler: str | None, force: bool, nquads: bool, quiet: bool,
          store_dir: Path | None) -> None:
    """Build the graph of article files or folders PATHS into --out, incrementally.

    Only new or changed articles are parsed; failing ones are reported and skipped (exit 1).
    Examples: kgbuild build data/articles --out out;
    kgbuild build archive/ --out big --jobs 2 --quiet
    """
    from .pipeline import DEFAULT_FORMATS, build_corpus
    from .progress import make_progress, print_report

    progress = make_progress(sys.stderr, quiet=quiet)
    report = build_corpus(list(paths), out_dir, model=model, base=base, jobs=jobs, engine=engine,
                          scheduler=scheduler, force=force, progress=progress,
                          formats=(*DEFAULT_FORMATS, "nquads") if nquads else DEFAULT_FORMATS)
    print_report(report, out=sys.stdout, err=sys.stderr, quiet=quiet)
    if store_dir is not None:
        from .store import sync_build_into_store

        synced = sync_build_into_store(out_dir, store_dir, report.pieces,
                                       dropped=report.dropped, base=base, force=force)
        if not quiet:
            click.echo(f"store: {synced.updated} article graphs loaded, {synced.unchanged} "
                       f"unchanged, {synced.removed} removed, {synced.quads} quads "
                       f"-> {store_dir}")
    if report.failures:
        sys.exit(1)


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SHACL shapes file to use instead of kgbuild's own.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "turtle"]),
    default="text",
    show_default=True,
    help="A line per result, or the SHACL report as Turtle.",
)
@click.pass_context
def validate(ctx: click.Context, graph: Path, shapes: Path | None, fmt: str) -> None:
    """Check GRAPH against kgbuild's SHACL shapes; exit 0 if it conforms, 1 if not.

    GRAPH is a .ttl, .trig, .nq, .nt, .jsonld or .rdf file; named graphs are merged.

    Example: kgbuild validate out/graph.ttl
    """
    from .validate import validate_graph

    report = validate_graph(graph, shapes)
    click.echo(report.text if fmt == "text" else report.turtle().rstrip("\n"))
    ctx.exit(0 if report.conforms else 1)


@main.command("eval")
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="All counts and ratios as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="Also list every miss, extra and disagreement.")
@model_option
def eval_command(folder: Path, as_json: bool, verbose: bool, model: str) -> None:
    """Score extraction of FOLDER's articles against NAME.gold.json files beside them.

    Example: kgbuild eval data/articles --verbose
    """
    from .evaluate import evaluate_corpus, render_json, render_text

    scores = evaluate_corpus(folder, model=model)
    for note in scores.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo((render_json if as_json else render_text)(scores, verbose=verbose), nl=False)


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("query_text", metavar="[QUERY]", required=False)
@click.option("--name", help="Run the library query NAME instead of QUERY (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the library's queries and exit.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "turtle"]),
    default="table",
    show_default=True,
    help="table for people; csv, tsv, json (SPARQL results); turtle for CONSTRUCT/DESCRIBE.",
)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Pre-bind a query variable, e.g. --param keyword=ceasefire (repeatable).")
def query(graph: Path | None, query_text: str | None, name: str | None, list_queries: bool,
          fmt: str, params: tuple[str, ...]) -> None:
    """Run SPARQL QUERY (inline text or a .rq file) on GRAPH, a graph file or a store folder.

    Examples: kgbuild query out/graph.ttl --name ruled-out;
    kgbuild query out/graph.trig 'SELECT ?a WHERE { ?c kgb:debtor/rdfs:label ?a }' --format csv
    """
    from .query import library_listing, query_graph

    if list_queries:
        click.echo(library_listing())
        return
    if graph is None or (query_text is None) == (name is None):
        raise click.UsageError("Give GRAPH and either QUERY or --name NAME (or use --list).")
    query_graph(graph, query_text, name=name, fmt=fmt, params=params, out=sys.stdout.buffer)


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, help="Port to listen on (0: any free).")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run.",
              type=click.FloatRange(min=0, min_open=True))
@click.option("--limit", default=10_000, show_default=True, help="Most rows (triples) per result.",
              type=click.IntRange(min=1))
@click.option("--workers", default=2, show_default=True, help="Queries answered at the same time.",
              type=click.IntRange(min=1))
def serve(graph: Path, host: str, port: int, timeout: float, limit: int, workers: int) -> None:
    """Serve GRAPH (a graph file or store folder) as a read-only SPARQL endpoint at /sparql.

    Example: kgbuild serve out/graph.trig   (then query http://127.0.0.1:7878/sparql)
    """
    from .serve import Settings
    from .serve import serve as run_server

    def log(line: str) -> None:
        click.echo(line, err=True)

    settings = Settings(timeout=timeout, limit=limit, workers=workers)
    run_server(graph, host=host, port=port, settings=settings, log=log)


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "-o", required=True,
              help="File to write (.html, .graphml, .gexf); - for stdout.")
@click.option("--view", type=click.Choice(["full", "actors"]), default="full", show_default=True,
              help="Every node, or actors only with one edge per debtor -> beneficiary pair.")
@click.option("--status", "statuses", multiple=True,
              help="Keep commitments with this status (repeatable).",
              type=click.Choice(["Demanded", "Considered", "Signaled", "Pledged", "Formalized",
                                 "Fulfilled", "Withdrawn"], case_sensitive=False))
@click.option("--polarity", type=click.Choice(["Positive", "Negative"], case_sensitive=False),
              help="Keep only positive commitments or only negative ones (refusals).")
@click.option("--article", metavar="ID",
              help="Keep one article's commitments (its id, IRI or title).")
@click.option("--conditional/--no-conditional", default=None,
              help="Keep only commitments with conditions, or only those without.")
@click.option("--format", "fmt", type=click.Choice(["html", "graphml", "gexf"]),
              help="Output format  [default: from --out's suffix, else html]")
def viz(graph: Path, out: str, view: str, statuses: tuple[str, ...], polarity: str | None,
        article: str | None, conditional: bool | None, fmt: str | None) -> None:
    """Draw GRAPH (.ttl, .trig, .nq) as an offline HTML viewer, GraphML or GEXF for Gephi.

    Example: kgbuild viz out/graph.trig --out pledges.html --status pledged --view actors
    """
    from .viz import ViewFilter, write_view

    chosen = ViewFilter(frozenset(statuses), polarity, None, conditional)
    target = sys.stdout.buffer if out == "-" else Path(out)
    done = write_view(graph, target, fmt=fmt, view=view, view_filter=chosen, article=article)
    click.echo(f"{out}: {done.fmt}, {done.view} view, {done.nodes} nodes, {done.edges} edges",
               err=True)


def run() -> None:
    """Entry point that never shows a traceback for a broken pipe."""
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
