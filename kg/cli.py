"""Command-line interface: ``kg build``, ``kg query``, ``kg articles`` ..."""
from __future__ import annotations

import click

from ._version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build and explore knowledge graphs of Chinese government news."""


#: the build folder argument that every command reading a build takes
out_argument = click.argument("out_dir", metavar="OUT", type=click.Path(file_okay=False))


def _open(out_dir: str):
    """``kg.open(OUT)``, with a clear message when OUT holds no build."""
    from .api import open as open_build

    try:
        return open_build(out_dir)
    except (FileNotFoundError, OSError) as err:
        raise click.ClickException(str(err)) from err


# ---- build, articles, eval (pipeline) ----


def _valid_date(ctx, param, value):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-12-28") from None


@cli.command("build")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--out", "out", default="build", show_default=True, type=click.Path(file_okay=False),
              help="Output folder: graph.ttl, store/, graph.html, report.json.")
@click.option("--date", "page_date", callback=_valid_date, help="Page date (YYYY-MM-DD) for every input; "
              "otherwise a FILE.meta.json sidecar, then a date in the path.")
@click.option("--update", is_flag=True, help="Add INPUTS to the existing build in OUT (no duplicates); "
              "its earlier inputs are found again by their absolute paths.")
@click.option("--drop-missing", is_flag=True, help="With --update: rebuild without earlier inputs that are gone "
              "(otherwise a gone input stops the update and OUT stays as it was).")
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for extraction and for writing graph.ttl, graph.html and the SHACL check "
              "(same bytes for any value).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check (kg validate OUT runs it later).")
@click.option("--no-model", is_flag=True, help="The grammar alone: no statistical recogniser filling in.")
@click.option("--dask", "dask", metavar="ADDRESS", help="Run extraction on the Dask cluster whose scheduler is at "
              "ADDRESS (e.g. tcp://10.0.0.5:8786), one pipeline per worker; resolution and the graph run here, "
              "and the graph is the same. Needs the dask extra (pip install 'kg-gov-news[dask]').")
@click.option("--low-memory", is_flag=True, help="For corpora too big for memory: past 250,000 triples they go "
              "to disk in sorted runs and graph.html is drawn from the store (same bytes, more CPU).")
def build_command(inputs, out, page_date, update, drop_missing, no_html, quiet, jobs, no_validate, no_model, dask,
                  low_memory):
    """Build a knowledge graph from newspaper pages and articles.

    INPUTS are .txt pages or articles (UTF-8, UTF-16 or GB18030), .json/.jsonl records
    (title, text|content, date, url), Markdown archives (.md: one article per # or ##
    heading), saved HTML article pages (.html), PDF pages with a text layer (.pdf: read
    in reading order, the text kept as OUT/texts/), or folders of them (read
    recursively, links followed, loops named).

    \b
    Example:
        kg build corpus -o build
        kg build page.pdf -o build
        kg build pages/2024/ --date 2024-01-05 -o build
        kg build --update new_page.txt -o build
        kg build pages/ --dask tcp://scheduler:8786 -o build
    """
    from .api import build

    errors: tuple = (FileNotFoundError,)
    if dask:
        from .distributed import ClusterError

        errors += (ClusterError,)
    try:
        result = build(list(inputs), out, page_date=page_date, update=update, html=not no_html,
                       progress=not quiet, jobs=jobs, validate=not no_validate, model=not no_model,
                       drop_missing=drop_missing, dask=dask, low_memory=low_memory)
    except errors as exc:
        raise click.ClickException(str(exc)) from None
    rep = result.report
    for r in rep["refused"]:
        where = f"{r['path']}:{r['line']}" if r.get("line") else r["path"]
        click.echo(f"kg: {where}: {r['reason']}", err=True)
    if not quiet:
        for r in rep["skipped"]:
            click.echo(f"kg: skipped {r['path']}: {r['reason']}", err=True)
    for w in rep["warnings"]:
        click.echo(f"kg: warning: {w}", err=True)
    if not result.ok:
        raise click.ClickException("nothing could be read; no graph written (see the messages above)")
    if not quiet:
        c = rep["counts"]
        click.echo(
            f"{len(rep['sources'])} source(s), {len(rep['articles'])} article(s): {c['persons']} people, "
            f"{c['agencies']} agencies, {c['memberships']} posts held, {c['figures']} figures, "
            f"{c['programs']} programs, {c['slogans']} slogans, {c['events']} events, {c['triples']} triples -> {out}/"
        )


@cli.command("articles")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--date", "page_date", callback=_valid_date, help="Page date (YYYY-MM-DD) for every input.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
def articles_command(inputs, page_date, as_json):
    """Show how inputs split into articles (date, headline, reporters, characters).

    \b
    Example:
        kg articles corpus
    """
    import json as _json

    from .api import articles

    rows, refused = articles(list(inputs), page_date)
    for r in refused:
        click.echo(f"kg: {r.message()}", err=True)
    for row in rows:
        if as_json:
            click.echo(_json.dumps(row, ensure_ascii=False))
        else:
            rep = "、".join(row["reporters"]) or "-"
            click.echo(f"{row['date'] or '----------'}  {row['characters']:>6}  {rep:<10}  "
                       f"{row['headline'] or '(no headline)'}")
    if not rows:
        raise click.ClickException("no articles found")


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@out_argument
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses/--no-misses", default=True, show_default=True, help="List what was missed and what was wrong.")
def eval_command(gold, out_dir, as_json, misses):
    """Score a build against a gold file (persons, holdings, agencies, figures, programs, events).

    \b
    Example:
        kg eval ../shared/eval/seed_gold.json build
    """
    import json as _json

    scores = _open(out_dir).evaluate(gold)
    if as_json:
        click.echo(_json.dumps(scores, ensure_ascii=False, indent=2))
        return
    for name, s in scores.items():
        click.echo(f"{name:<9} P {s.get('precision', 0):.3f}  R {s.get('recall', 0):.3f}  F1 {s.get('f1', 0):.3f}")
        if misses:
            for key, title in (("misses", "missed"), ("wrong", "wrong")):
                items = s.get(key) or []
                if items:
                    click.echo(f"    {title}: " + "; ".join(map(str, items[:30])) + (" ..." if len(items) > 30 else ""))


@cli.command("eval-ner")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--grammar", is_flag=True, help="Score the grammar's spans instead of the statistical recogniser's.")
@click.option("--combined", is_flag=True,
              help="Score the spans as a build uses them: the grammar's, and the recogniser's (its persons checked "
                   "by the name model, as a build checks them) where the grammar has none.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Score the first N sentences only.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_ner_command(path, grammar, combined, limit, as_json):
    """Per-label precision, recall and F1 of kg's spans on labelled NER data.

    FILE is CLUENER JSON lines (.json/.jsonl), a character-per-line BIO or BMES file
    (People's Daily, Resume NER), or MSRA sentences with tags.txt beside them. Labels:
    PER, TITLE, GOV, ORG (the mapping is in kg/nlp/ner.py); a data set is scored on the
    labels it annotates.

    \b
    Example:
        kg eval-ner ../shared/data/resume_ner/dev.char.bmes
        kg eval-ner ../shared/data/cluener2020/train.jsonl --limit 500 --grammar
        kg eval-ner ../shared/data/cluener2020/train.jsonl --limit 500 --combined
    """
    import json as _json

    from .api import evaluate_ner

    try:
        scores = evaluate_ner(path, grammar=grammar, limit=limit, combined=combined)
    except (ValueError, FileNotFoundError) as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        click.echo(_json.dumps(scores, ensure_ascii=False, indent=2))
        return
    click.echo(f"{scores['system']} on {scores['sentences']} sentences of {path} ({scores['data_set']} labels)")
    for label, s in scores.items():
        if isinstance(s, dict):
            click.echo(f"{label:<6} P {100 * s['precision']:5.1f}  R {100 * s['recall']:5.1f}  F1 {100 * s['f1']:5.1f}"
                       f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")


# ---- store, query, validate, explain, export, serve (ontology / store / endpoint) ----

def _remote_options(command):
    """--user/--password (HTTP digest or basic auth) for the commands that talk to a server."""
    command = click.option("--password", envvar="KG_REMOTE_PASSWORD", default=None,
                           help="Password for --user (or set KG_REMOTE_PASSWORD; asked for when missing).")(command)
    return click.option("--user", default=None, help="User name for HTTP digest or basic authentication.")(command)


def _password(user: str | None, password: str | None) -> str | None:
    if user is not None and password is None:
        return click.prompt(f"Password for {user}", hide_input=True, err=True)
    return password


@cli.command("query")
@click.argument("out_dir", metavar="OUT", required=False)
@click.argument("sparql", metavar="(SPARQL | FILE.rq | NAME | -)", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "excel", "json"]), default="table",
              show_default=True, help="Output format; excel is CSV with a UTF-8 byte-order mark, which Excel "
              "opens without garbling Chinese (CONSTRUCT/DESCRIBE: Turtle, or JSON-LD with json).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Query this remote SPARQL endpoint (SPARQL 1.1 Protocol) instead of OUT, which is then left out.")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="With --endpoint: query this named graph as the default graph (e.g. the one kg push wrote).")
@_remote_options
def query_command(out_dir: str | None, sparql: str | None, fmt: str, endpoint: str | None,
                  graph_iri: str | None, user: str | None, password: str | None) -> None:
    """Run a SPARQL query (text, a .rq file, a saved query NAME, or - for stdin) on OUT/store,
    or on a remote SPARQL endpoint with --endpoint URL (then without OUT).

    Saved queries live in ontology/queries/; `kg query OUT list` lists them. OUT/store runs a
    saved query's Oxigraph form (NAME.oxigraph.rq) where it has one, --endpoint its portable NAME.rq.

    \b
    Example:
        kg query build people-posts
        kg query build 'SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }' --format csv
        echo 'ASK { ?s ?p ?o }' | kg query build -
        kg query --endpoint http://127.0.0.1:8890/sparql people-posts --graph https://w3id.org/kg-gov/id/graph
    """
    from .serve.query import QuerySyntaxError, query_engine, resolve_query, saved_queries

    if sparql is None and (endpoint is not None or out_dir == "list"):
        out_dir, sparql = None, out_dir
    if sparql is None:
        raise click.UsageError("Missing argument '(SPARQL | FILE.rq | NAME | -)'" +
                               ("" if endpoint or out_dir else " and OUT (or --endpoint URL)"))
    if endpoint is not None and out_dir is not None:
        raise click.UsageError("give OUT or --endpoint URL, not both")
    if graph_iri is not None and endpoint is None:
        raise click.UsageError("--graph is for --endpoint (a build's store has one graph)")
    if sparql == "list":
        for name, saved in saved_queries().items():
            click.echo(f"{name:24} {saved.description}")
        return
    if endpoint is not None:
        from .serve.query import format_result
        from .serve.remote import RemoteError, query, stderr_log

        try:
            result = query(endpoint, resolve_query(sparql), graph=graph_iri, user=user,
                           password=_password(user, password), log=stderr_log)
        except (KeyError, FileNotFoundError) as err:
            raise click.ClickException(err.args[0]) from err
        except (RemoteError, ValueError) as err:
            raise click.ClickException(str(err)) from err
        text = format_result(result, fmt)
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        text = resolve_query(sparql)  # - reads stdin
    except (KeyError, FileNotFoundError) as err:
        raise click.ClickException(err.args[0]) from err
    build = _open(out_dir)
    if sparql != "-":  # a saved query in the form for the store's engine (Oxigraph's where it has one)
        text = resolve_query(sparql, engine=query_engine(build.store))
    try:
        text = build.query(text).text(fmt)
    except QuerySyntaxError as err:
        raise click.ClickException(str(err)) from err
    click.echo(text, nl=not text.endswith("\n"))


@cli.command("validate")
@out_argument
@click.option("--limit", default=50, show_default=True, help="Show at most this many results (0: all).")
@click.option("--sources", "sources_dir", type=click.Path(file_okay=False), default=None,
              help="Folder the source paths are relative to, for the anchor check (default: current folder).")
def validate_command(out_dir: str, limit: int, sources_dir: str | None) -> None:
    """Check OUT/graph.ttl (or OUT/store) against the SHACL shapes in ontology/shapes.ttl,
    and every evidence anchor against the source file it points into.

    Exits 1 when the graph does not conform or an anchor differs from its file.

    \b
    Example:
        kg validate build
    """
    result = _open(out_dir).validate(sources_dir, progress=True)
    click.echo(result.text(limit=limit or None))
    if not result.ok:
        raise SystemExit(1)


@cli.command("explain")
@out_argument
@click.argument("node", metavar="IRI")
def explain_command(out_dir: str, node: str) -> None:
    """Print the sentences behind a node or fact (IRI, kgr:… name, or exact label).

    \b
    Example:
        kg explain build kgr:person/7156136dbb4a
        kg explain build 聊城市科学技术局
    """
    build = _open(out_dir)
    try:
        explanation = build.explain(node)
    except KeyError as err:
        raise click.ClickException(err.args[0]) from err
    click.echo(explanation.text())


@cli.command("career")
@out_argument
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "excel", "json"]), default="table",
              show_default=True, help="table (with the articles), csv/excel (one row a post) or json.")
def career_command(out_dir: str, name: str, fmt: str) -> None:
    """Print a person's posts in time order: first and last attested, the end where one
    is reported, and the articles that say so.

    \b
    Example:
        kg career build 张三
        kg career build 张三 --format json
    """
    from .serve.career import format_careers

    careers = _open(out_dir).career(name)
    if not careers:
        raise click.ClickException(f'No person named "{name}" in {out_dir} - list people with: '
                                   f"kg query {out_dir} people-posts")
    click.echo(format_careers(careers, fmt), nl=False)


@cli.command("series")
@out_argument
@click.argument("indicator")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "excel", "json"]), default="table",
              show_default=True, help="table, csv/excel (one row a point) or json.")
def series_command(out_dir: str, indicator: str, fmt: str) -> None:
    """Print an indicator's figures across articles and periods, in period order, with
    the values that disagree for the same period flagged. A common statistical indicator
    (ontology/vocab/indicators.tsv) is one series whatever each article calls it, and any of
    its labels finds it (GDP, 国内生产总值 and 地区生产总值 alike).

    \b
    Example:
        kg series build 地区生产总值
        kg series build 粮食播种面积 --format csv
    """
    from .serve.series import format_series

    found = _open(out_dir).series(indicator)
    if not found:
        raise click.ClickException(f'No figures of "{indicator}" in {out_dir} - list indicators with: '
                                   f"kg query {out_dir} figures-by-indicator")
    click.echo(format_series(found, fmt), nl=False)


@cli.command("export")
@out_argument
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "jsonld", "trig"]), default="ttl",
              show_default=True, help="RDF serialisation.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default OUT/graph.<ext>; - for stdout).")
def export_command(out_dir: str, fmt: str, output: str | None) -> None:
    """Export the stored graph as Turtle, N-Triples, JSON-LD or TriG.

    \b
    Example:
        kg export build --format jsonld
        kg export build --format nt -o - | wc -l
    """
    from .graph.store import EXPORT_FORMATS

    build = _open(out_dir)
    if output == "-":
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as tmp:
            path = build.export(fmt, Path(tmp) / f"graph{EXPORT_FORMATS[fmt][1]}")
            click.echo(path.read_text(encoding="utf-8"), nl=False)
        return
    path = build.export(fmt, output)
    click.echo(f"wrote {path}", err=True)


@cli.command("serve")
@out_argument
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback by default).")
@click.option("--port", default=7878, show_default=True, help="TCP port.")
@click.option("--timeout", default=30.0, show_default=True, help="Query timeout in seconds.")
@click.option("--max-results", default=100_000, show_default=True, help="Most result rows/triples a query may return.")
@click.option("--max-query-length", default=100_000, show_default=True, help="Longest query text accepted (characters).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL UPDATE (needs --token; opens the store read-write).")
@click.option("--token", envvar="KG_SERVE_TOKEN", default=None,
              help="Bearer token that UPDATE requests must send (or set KG_SERVE_TOKEN).")
@click.option("--in-memory/--on-disk", default=None,
              help="Copy the store into RAM in each query worker (faster queries, more memory and start-up "
                   "time), or query it on disk. Default: in RAM up to 300,000 quads.")
@click.option("--workers", default=4, show_default=True, help="Query worker processes.")
@click.option("--cors", default=None, metavar="ORIGIN",
              help="Let pages of this web origin query from a browser (e.g. https://yasgui.triply.cc, or *).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another Host name to answer to (the bind address and localhost always are).")
@click.option("--cache-mb", default=64, show_default=True,
              help="Megabytes of answers kept for repeated queries (the store is read-only while served); 0: none.")
@click.option("--allow-network", is_flag=True,
              help="Let queries reach the network (SERVICE federation, LOAD); off by default.")
def serve_command(out_dir: str, host: str, port: int, timeout: float, max_results: int,
                  max_query_length: int, allow_update: bool, token: str | None, in_memory: bool | None,
                  workers: int, cors: str | None, allow_hosts: tuple[str, ...], cache_mb: int,
                  allow_network: bool) -> None:
    """Serve OUT/store over the SPARQL 1.1 Protocol, with a query page at /.

    Read-only unless started with --allow-update and --token. SERVICE and LOAD are refused,
    and query workers cannot open a socket, unless started with --allow-network.

    \b
    Example:
        kg serve build --port 7878
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {?s ?p ?o} LIMIT 3' http://127.0.0.1:7878/sparql
    """
    from .serve.protocol import LOOPBACK, ServerConfig

    if allow_update and not token:
        raise click.ClickException("--allow-update needs --token TOKEN (or KG_SERVE_TOKEN) - updates must be authorised")
    if allow_update and in_memory:
        raise click.ClickException("--in-memory serves copies of the store - it cannot be combined with --allow-update")
    config = ServerConfig(timeout=timeout, max_results=max_results, max_query_length=max_query_length,
                          allow_update=allow_update, token=token, in_memory=in_memory, cors=cors,
                          hosts=LOOPBACK + tuple(allow_hosts), allow_network=allow_network,
                          cache_mb=cache_mb)
    if in_memory:
        click.echo(f"kg serve: copying the store into RAM in {workers} worker(s) ...", err=True)
    try:
        server = _open(out_dir).serve(host=host, port=port, config=config, workers=workers)
    except (FileNotFoundError, OSError) as err:
        raise click.ClickException(str(err)) from err
    server.verbose = True  # log requests to stderr
    mode = "read-write (UPDATE with token)" if allow_update else "read-only"
    pool = server.endpoint.pool
    if pool is not None and pool.in_memory:
        mode += ", store in RAM"
    click.echo(f"kg serve: SPARQL endpoint http://{host}:{server.server_port}/sparql ({mode}); query page http://{host}:{server.server_port}/", err=True)
    if allow_network:
        click.echo("warning: --allow-network - queries may make this server fetch any URL (SERVICE, LOAD)", err=True)
    elif pool is not None and pool.sandboxed is False:
        click.echo("note: this system offers no seccomp sandbox - query workers rely on the SERVICE/LOAD "
                   "check alone", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, not loopback - anyone who can reach it can query", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command("push")
@click.argument("source", metavar="OUT")
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's SPARQL 1.1 Graph Store endpoint: Virtuoso http://HOST:8890/sparql-graph-crud-auth, "
                   "Fuseki http://HOST:3030/DATASET/data, Oxigraph server http://HOST:7878/store.")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="The named graph to replace with the build's graph  [default: https://w3id.org/kg-gov/id/graph]")
@_remote_options
@click.option("--chunk-mb", default=4.0, show_default=True, type=click.FloatRange(0.01, 1024),
              help="Most megabytes of N-Triples one request carries.")
@click.option("--retries", default=5, show_default=True, type=click.IntRange(0, 20),
              help="Retries of a request after a connection error or a 5xx answer (waits 1, 2, 4 ... s).")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds one request may take.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary.")
def push_command(source: str, endpoint: str, graph_iri: str | None, user: str | None, password: str | None,
                 chunk_mb: float, retries: int, timeout: float, quiet: bool) -> None:
    """Load OUT/graph.ttl (or a .ttl/.nt file) into a SPARQL server's named graph.

    Uses the SPARQL 1.1 Graph Store HTTP Protocol: the named graph is deleted, then the
    triples are POSTed as N-Triples in chunks, so pushing again replaces the graph (never
    doubles it). Retries connection errors and 5xx answers; HTTP digest or basic auth.
    While a push runs, the graph on the server is partial.

    \b
    Example:
        kg push build --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba
        kg push build --endpoint http://127.0.0.1:3030/kg/data --graph https://example.org/liaocheng
        kg query --endpoint http://127.0.0.1:8890/sparql people-posts --graph https://w3id.org/kg-gov/id/graph
    """
    from .serve.remote import DEFAULT_GRAPH, RemoteError, graph_file, push, stderr_log

    try:
        size = graph_file(source).stat().st_size
    except (FileNotFoundError, ValueError) as err:
        raise click.ClickException(str(err)) from err
    bar = None
    if not quiet:
        import sys

        from tqdm import tqdm

        bar = tqdm(desc="kg push", unit="triple", unit_scale=True, file=sys.stderr,
                   leave=False, disable=None, postfix=f"from {size / 1e6:.1f} MB of Turtle")
    shown = [0]

    def progress(chunks: int, triples: int, sent: int) -> None:
        if bar is not None:
            bar.update(triples - shown[0])
            bar.set_postfix_str(f"{chunks} chunk(s), {sent / 1e6:.1f} MB sent")
            shown[0] = triples

    try:
        report = push(source, endpoint, graph_iri or DEFAULT_GRAPH, user=user, password=_password(user, password),
                      chunk_bytes=int(chunk_mb * 1024 * 1024), retries=retries, timeout=timeout,
                      progress=progress, log=stderr_log)
    except (RemoteError, ValueError) as err:
        raise click.ClickException(str(err)) from err
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        click.echo(f"kg push: {report.text()}", err=True)


# ---- network analytics and the HTML view (kg.view) ----

def _open_graph(source: str):
    """``kg.open`` on a build folder or an RDF file, with its graph read now: a parse error
    names the file and the line."""
    build = _open(source)
    try:
        build.graph
    except Exception as err:
        raise click.ClickException(f'Cannot read "{source}": {err}') from err
    return build


@cli.command("network")
@click.argument("source", metavar="OUT")
@click.option("--export", "export_path", type=click.Path(dir_okay=False), default=None,
              help="Write the projection as GraphML (.graphml) or GEXF (.gexf, for Gephi).")
@click.option("--coappearance", is_flag=True,
              help="Export the co-appearance network of people instead of the whole projection.")
@click.option("--top", default=10, show_default=True, help="How many central people to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def network_command(source: str, export_path: str | None, coappearance: bool, top: int,
                    as_json: bool) -> None:
    """Analyse OUT/graph.ttl (or an RDF file) as a network; optionally export it.

    Prints counts by type and relation, the most central people (degree and
    betweenness), communities and the co-appearance network of officials.

    \b
    Example:
        kg network build
        kg network build --export build/graph.gexf
        kg network build --coappearance --export people.graphml
    """
    import json

    from .progress import Stages
    from .view import network

    nxg = _open_graph(source).network(progress=True)
    with Stages("kg network", 1) as stages, stages.stage("centrality and communities"):
        info = network.summary(nxg, top=top)
    if export_path:
        target = network.coappearance(nxg) if coappearance else nxg
        try:
            network.export(target, export_path)
        except ValueError as err:
            raise click.ClickException(str(err)) from err
        info["exported"] = export_path
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(f"{info['nodes']} nodes, {info['edges']} edges")
    click.echo("types:     " + ", ".join(f"{k} {v}" for k, v in info["node_types"].items()))
    click.echo("relations: " + ", ".join(f"{k} {v}" for k, v in info["relations"].items()))
    click.echo(f"communities: {info['communities']} (largest {info['largest_community']})")
    co = info["coappearance"]
    click.echo(f"co-appearance: {co['people']} people, {co['links']} links")
    if info["central_people"]:
        click.echo(f"most central officials (betweenness, degree; {info['reporters']} reporters apart):")
        for row in info["central_people"]:
            click.echo(f"  {row['betweenness']:.4f}  {row['degree']:3d}  {row['label']}")
    if export_path:
        click.echo(f"wrote {export_path}")


@cli.command("viz")
@click.argument("source", metavar="OUT")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write. Defaults to OUT/graph.html (OUT/view.html when focused).")
@click.option("--focus", default=None, help="Show only the neighbourhood of the node with this name.")
@click.option("--hops", default=2, show_default=True, help="Neighbourhood radius for --focus.")
@click.option("--types", default=None,
              help="Node types to show, e.g. Person,Organization (also Post, Program, Event, Article).")
@click.option("--full", is_flag=True,
              help="Every source sentence, however big the page (by default a page stays under "
                   "4.5 MB: a big build's page leaves sentences out, never nodes or links).")
def viz_command(source: str, output: str | None, focus: str | None, hops: int,
                types: str | None, full: bool) -> None:
    """Write the interactive HTML view of OUT/graph.ttl: one offline UTF-8 file.

    \b
    Example:
        kg viz build
        kg viz build --focus 高峰 --hops 2 -o gao.html
        kg viz build --types Person,Organization -o people.html
        kg viz build --full -o everything.html
    """
    from pathlib import Path

    from .view import viz

    build = _open_graph(source)
    try:
        net = build.view(focus=focus, hops=hops, types=types)
    except KeyError as err:
        raise click.ClickException(err.args[0]) from err
    except ValueError as err:
        raise click.ClickException(str(err)) from err
    if output is None:
        base = Path(source) if Path(source).is_dir() else Path(source).parent
        output = str(base / ("graph.html" if not (focus or types) else "view.html"))
    path = viz.write_html(net, output, full=full)
    click.echo(f"wrote {path} ({len(net.nodes)} nodes, {len(net.edges)} links)")


if __name__ == "__main__":  # python -m kg.cli
    cli()
