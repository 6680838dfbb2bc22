"""kg serve: the store as a read-only SPARQL 1.1 endpoint (GET/POST; JSON, XML, CSV, TSV)."""

from __future__ import annotations

import signal
from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, DataError, StoreOption, UsageError, app, err, handles_errors, out, plain
from kg.serve.settings import DEFAULTS, SETTINGS

OPTIONS = {"host", "port", "timeout", "max_rows", "workers"}  # the settings with options of their own
EPILOG = "Other settings, with --setting NAME=VALUE:\n\n" + "\n\n".join(
    f"{s.name}={s.default}: {s.help}" for s in SETTINGS if s.name not in OPTIONS)


@app.command(epilog=EPILOG)
@handles_errors
def serve(
    store: StoreOption = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on (this machine only, unless told otherwise).")] = str(DEFAULTS["host"]),
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port (0: any free port).")] = int(DEFAULTS["port"]),
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a query may run before it is stopped.")] = float(DEFAULTS["timeout"]),
    max_rows: Annotated[int, typer.Option(min=1, help="Rows an answer holds at most (the rest is cut).")] = int(DEFAULTS["max_rows"]),
    workers: Annotated[int, typer.Option(min=1, max=64, help="Query worker processes.")] = int(DEFAULTS["workers"]),
    setting: Annotated[list[str] | None, typer.Option(
        "--setting", metavar="NAME=VALUE", help="Any other limit from the table below (repeatable).")] = None,
) -> None:
    """Serve the lineage explorer at / and the graph as a read-only SPARQL 1.1 endpoint at /sparql.

    The explorer (docs/explorer.md): search any entity by any spelling, a page per model
    (its lineage drawn with the quote behind each derivation), paper, person and
    technique, and the lineage atlas at /atlas. A SPARQL query page is at /query.

    UPDATE, LOAD, SERVICE and FROM / FROM NAMED are refused; every query runs in a
    worker process that is killed at the time limit, and answers are capped in rows.
    Results follow the Accept header: SPARQL JSON, XML, CSV or TSV (CONSTRUCT:
    N-Triples, Turtle, RDF/XML, JSON-LD). No CORS headers are sent.

    Example:  kg serve --store .kg   then   curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql?query=ASK%7B%7D'
    """
    from kg.graph.store import Store
    from kg.serve.explorer import warm_up
    from kg.serve.server import serve as make_server
    from kg.serve.workers import WorkerFailed

    overrides: dict[str, object] = {}
    for item in setting or []:
        name, eq, value = item.partition("=")
        if not eq:
            raise UsageError(f"--setting wants NAME=VALUE, not {item!r}")
        overrides[name.strip().replace("-", "_")] = value.strip()
    clash = OPTIONS & set(overrides)
    if clash:
        raise UsageError(f"use --{sorted(clash)[0].replace('_', '-')} rather than --setting for it")
    overrides.update(host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers)
    st = Store(store)
    st.require()
    try:
        server = make_server(st.path, **overrides)
    except WorkerFailed as exc:
        from kg.graph.damage import damaged, is_damage

        if is_damage(exc):  # the workers could not open a damaged database: say how to get it back
            raise damaged(st.path, exc) from None
        raise DataError(str(exc)) from None
    except OSError as exc:
        raise DataError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from None

    def stop(signum, frame):  # SIGTERM stops like Ctrl-C: workers are ended, the port freed
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    warm_up(server)  # the explorer's name index and atlas, read while the first visitor is on the way
    out.print(plain(f"serving {store} at {server.url} (the explorer at {server.url.removesuffix('/sparql')}/, "
                    "a query page at /query); Ctrl-C stops"), highlight=False)
    if not server.loopback_only:
        err.print(plain(f"warning: listening on {host}: anyone who can reach this machine can query the graph"),
                  highlight=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
