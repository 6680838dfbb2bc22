"""kg serve: the store as a read-only SPARQL 1.1 endpoint (GET/POST, JSON, XML, CSV, TSV)."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, StoreOption, app, handles_errors, out
from kg.serve.settings import DEFAULTS


@app.command()
@handles_errors
def serve(
    store: StoreOption = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on (only this machine unless told otherwise).")] = str(DEFAULTS["host"]),
    port: Annotated[int, typer.Option(help="TCP port.")] = int(DEFAULTS["port"]),
    timeout: Annotated[float, typer.Option(help="Seconds a query may run before it is stopped.")] = float(DEFAULTS["timeout"]),
    max_rows: Annotated[int, typer.Option(help="Rows a query returns at most.")] = int(DEFAULTS["max_rows"]),
    workers: Annotated[int, typer.Option(min=1, max=16, help="Query worker processes.")] = int(DEFAULTS["workers"]),
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint at /sparql, with a query page at /.

    UPDATE, LOAD, SERVICE and FROM / FROM NAMED are refused; every query has a time
    limit and a row cap. Results follow the Accept header: SPARQL JSON, XML, CSV or TSV.

    Example:  kg serve --store .kg --port 7878   then   curl 'http://127.0.0.1:7878/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'
    """
    from kg.graph.store import Store
    from kg.serve.server import serve as make_server

    gen = Store(store).require()
    server = make_server(str(gen / "oxigraph"), host=host, port=port, timeout=timeout,
                         max_rows=max_rows, workers=workers)
    out.print(f"serving {store} at http://{host}:{server.server_address[1]}/sparql (query page at /); "
              f"Ctrl-C stops", highlight=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
