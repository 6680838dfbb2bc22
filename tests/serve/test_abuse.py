"""Abusive clients against a real `kg serve` on 127.0.0.1: slow and silent connections, a query that
eats memory, an answer too large to send, and requests that name another host.

Every loop is bounded in count and time; memory is read from /proc while the query runs.
"""

import json
import socket
import threading
import time
import urllib.parse

import pytest
from serving import children_of, http, running_server

CRAWL = 64  # connections of each kind, as many as the default max_connections


def port_of(url: str) -> int:
    return int(urllib.parse.urlsplit(url).port)


def raw(port: int, request: bytes, *, timeout: float = 15.0) -> tuple[int, bytes]:
    """Send bytes as they are on a fresh connection; the status and whole answer the server sends back."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1]), answer


def get(port: int, target: str, headers: list[str], version: str = "HTTP/1.1") -> tuple[int, bytes]:
    lines = [f"GET {target} {version}", *headers, "Connection: close", "", ""]
    return raw(port, "\r\n".join(lines).encode())


ASK = "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")


# -- 9: slow clients hold no query slot ------------------------------------------------------------

@pytest.fixture(scope="module")
def default_endpoint(served_store):
    """`kg serve` with every limit at its default."""
    with running_server(served_store) as (url, proc):
        yield url, proc


def test_slow_and_silent_clients_do_not_stop_other_requests(default_endpoint):
    """64 connections that say nothing and 64 that send one header line a second (slowloris), as many
    of each as there are query slots: every other request is still answered at once, with 200."""
    url, _proc = default_endpoint
    port = port_of(url)
    silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(CRAWL)]
    dribbling = [socket.create_connection(("127.0.0.1", port)) for _ in range(CRAWL)]
    try:
        for s in dribbling:
            s.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        answers, start = [], time.monotonic()
        for i in range(5):  # five seconds of dribbling, with requests between the lines
            for s in dribbling:
                s.sendall(f"X-Slow-{i}: {'a' * 10}\r\n".encode())
            for _ in range(4):
                t0 = time.monotonic()
                status, _, text = http(url, query="ASK { ?s ?p ?o }", timeout=10)
                answers.append((status, time.monotonic() - t0))
                time.sleep(0.2)
        assert time.monotonic() - start < 9  # (http_timeout is 10 s: the slow ones are all still open)
        assert [s for s, _ in answers] == [200] * 20
        assert max(t for _, t in answers) < 2.0, answers
    finally:
        for s in silent + dribbling:
            s.close()


@pytest.fixture(scope="module")
def quick_server(served_store):
    with running_server(served_store, "--setting", "http_timeout=3", "--setting", "max_pending=8",
                        "--setting", "max_connections=2") as (url, proc):
        yield url, proc


@pytest.fixture
def quick_deadline(quick_server):
    return quick_server[0]


def sockets_of(pid: int) -> int:
    """How many sockets a process has open."""
    import os

    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            count += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
        except OSError:
            pass
    return count


def test_a_request_not_complete_by_the_deadline_gets_408(quick_deadline):
    """http_timeout is for the whole request, from connecting: a client that keeps sending a header
    line a second is cut at 3 s as one that sends nothing is, and neither earlier."""
    port = port_of(quick_deadline)
    silent = socket.create_connection(("127.0.0.1", port), timeout=10)
    dribbling = socket.create_connection(("127.0.0.1", port), timeout=10)
    start = time.monotonic()
    try:
        dribbling.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        cut = None
        for i in range(8):  # a line a second, each read well within any per-read timeout
            time.sleep(1)
            try:
                dribbling.sendall(f"X-Slow-{i}: a\r\n".encode())
            except OSError:  # closed by the server
                cut = time.monotonic() - start
                break
        answer = dribbling.recv(65536)
        assert answer.startswith(b"HTTP/1.1 408") and b"http_timeout" in answer
        silent_answer = silent.recv(65536)
        assert silent_answer.startswith(b"HTTP/1.1 408")
        elapsed = time.monotonic() - start
        assert 2.8 <= (cut or elapsed) <= 6, (cut, elapsed)
    finally:
        silent.close()
        dribbling.close()
    assert http(quick_deadline, query="ASK {}")[0] == 200


def test_clients_that_do_not_read_their_answers_hold_no_slot(quick_server):
    """Two clients ask for a 10 MB answer each (more than the sockets' buffers hold) and read nothing:
    with both query slots (max_connections=2) free again as soon as the answers are written, a
    third client is answered at once; the server lets go of the two at http_timeout (3 s)."""
    quick_deadline, proc = quick_server
    port = port_of(quick_deadline)
    before = sockets_of(proc.pid)
    values = " ".join(str(i) for i in range(100))
    target = "/sparql?query=" + urllib.parse.quote(f"SELECT ?i ?c WHERE {{ VALUES ?i {{ {values} }} ?m mlkg:comments ?c }}")
    readers = []
    try:
        for _ in range(2):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            readers.append(s)
        time.sleep(1.5)  # both answered and stuck in writing
        start = time.monotonic()
        statuses = [http(quick_deadline, query="ASK { ?s ?p ?o }")[0] for _ in range(3)]
        assert statuses == [200, 200, 200] and time.monotonic() - start < 3
        settle = time.monotonic() + 3  # (the three quick clients' sockets close a moment after their answers)
        while sockets_of(proc.pid) > before + 2 and time.monotonic() < settle:
            time.sleep(0.1)
        assert sockets_of(proc.pid) == before + 2  # still writing to the two
        deadline = time.monotonic() + 12  # past http_timeout (3 s): the server lets them go, on a busy machine
        while sockets_of(proc.pid) > before and time.monotonic() < deadline:  # a little later than at once
            time.sleep(0.2)
        assert sockets_of(proc.pid) <= before  # (a socket counted before, left by an earlier client, may be gone)
    finally:
        for s in readers:
            s.close()


def test_a_body_sent_slowly_but_in_time_is_answered(quick_deadline):
    """Reading whole requests still takes a POST body in pieces, and Expect: 100-continue."""
    port = port_of(quick_deadline)
    body = b"ASK { ?s ?p ?o }"
    head = (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {len(body)}\r\nAccept: application/sparql-results+json\r\n"
            f"Connection: close\r\n").encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head + b"\r\n")
        for i in range(0, len(body), 4):
            time.sleep(0.2)
            s.sendall(body[i:i + 4])
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200") and json.loads(answer.split(b"\r\n\r\n", 1)[1])["boolean"] is True
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head + b"Expect: 100-continue\r\n\r\n")
        assert s.recv(65536) == b"HTTP/1.1 100 Continue\r\n\r\n"  # asked for the body, once
        s.sendall(body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200") and b"100 Continue" not in answer


def test_past_max_pending_a_new_connection_gets_503_at_once(quick_deadline):
    """Connections still sending are capped too (max_pending=8 here): the next one is told at once."""
    port = port_of(quick_deadline)
    silent = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(8)]
    try:
        time.sleep(0.3)
        start = time.monotonic()
        status, answer = raw(port, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert status == 503 and b"too many connections" in answer and time.monotonic() - start < 1
    finally:
        for s in silent:
            s.close()
    deadline = time.monotonic() + 5
    while http(quick_deadline, query="ASK {}")[0] != 200:  # the closed ones are forgotten
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_headers_too_long_are_refused(quick_deadline):
    status, answer = raw(port_of(quick_deadline), b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                         + b"a" * 70_000 + b"\r\n\r\n")
    assert status == 431


# -- 10: a query's memory is capped ------------------------------------------------------------------

def doubling_query(steps: int) -> str:
    """A 16-character string doubled ``steps`` times: 16 * 2**steps characters (27 steps: 2 GiB)."""
    binds = ['BIND("0123456789abcdef" AS ?x0)'] + [f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(steps)]
    return f"SELECT (STRLEN(?x{steps}) AS ?n) WHERE {{ {' '.join(binds)} }}"


def anon_rss(pid: int) -> int:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


CAP = 300 * 2**20


def test_a_query_that_eats_memory_is_stopped_and_the_server_goes_on(served_store):
    """The doubling query would reach 2 GiB (and more with its copies); with max_memory=300M its worker
    is stopped near 300 MB, measured from /proc every 10 ms, the query gets a clear 503, and the
    server answers the next queries (the worker is replaced)."""
    with running_server(served_store, "--timeout", "30", "--setting", "max_memory=300M") as (url, proc):
        query = doubling_query(27)
        assert len(query) < 1100
        peak, done = {}, threading.Event()

        def watch():
            while not done.is_set():
                for pid in children_of(proc.pid):
                    peak[pid] = max(peak.get(pid, 0), anon_rss(pid))
                time.sleep(0.01)

        watcher = threading.Thread(target=watch)
        watcher.start()
        start = time.monotonic()
        try:
            status, _, text = http(url, query=query, timeout=60)
        finally:
            done.set()
            watcher.join(10)
        elapsed = time.monotonic() - start
        assert status == 503 and "memory" in text and "max_memory" in text, text
        assert elapsed < 20  # stopped for its memory, well before the 30 s timeout
        top = max(peak.values())
        print(f"largest worker: {top / 2**20:.0f} MB anonymous resident memory, answered in {elapsed:.1f} s")
        assert 0.5 * CAP < top < CAP + 64 * 2**20  # it did grow, and was stopped near the cap
        for _ in range(3):
            assert http(url, query="ASK { ?s ?p ?o }")[0] == 200
        assert proc.poll() is None


# -- 11: an answer's size is capped -----------------------------------------------------------------

def test_an_answer_larger_than_max_bytes_is_an_error_not_sent(default_endpoint):
    """670 rows of a 100,000-character value make a 67 MB answer, within the row cap: with the default
    max_bytes (32 MB) it is a short clear error, found before the whole answer is written."""
    url, _proc = default_endpoint
    values = " ".join(str(i) for i in range(670))
    query = f"SELECT ?i ?c WHERE {{ VALUES ?i {{ {values} }} ?m mlkg:comments ?c }}"
    for accept in ("application/sparql-results+json", "text/csv"):
        start = time.monotonic()
        status, headers, text = http(url, query=query, accept=accept)
        assert status == 400 and "max_bytes" in text and len(text) < 1000, (status, text[:200])
        assert time.monotonic() - start < 10
    status, _, text = http(url, query=query.replace("670", "6").replace(values, "1 2 3 4 5 6"))
    assert status == 200 and len(text) > 600_000  # an answer under the cap is sent whole
    status, _, text = http(url, query="CONSTRUCT { ?m ?i ?c } WHERE { VALUES ?i { "
                           + " ".join(f"<urn:i{i}>" for i in range(400)) + " } ?m mlkg:comments ?c }",
                           accept="application/n-triples")
    assert status == 400 and "max_bytes" in text


def test_max_bytes_is_a_setting(served_store):
    with running_server(served_store, "--setting", "max_bytes=50K") as (url, _proc):
        status, _, text = http(url, query="SELECT * WHERE { ?s ?p ?o } LIMIT 2000")
        assert status == 400 and "51200 bytes" in text
        status, _, text = http(url, query="SELECT * WHERE { ?s a mlkg:Paper } LIMIT 10")
        assert status == 200 and json.loads(text)["results"]["bindings"]


# -- 12: the request names this machine, once --------------------------------------------------------

def test_two_host_headers_are_refused(default_endpoint):
    port = port_of(default_endpoint[0])
    assert get(port, ASK, ["Host: 127.0.0.1", "Host: evil.example"])[0] == 400
    assert get(port, ASK, ["Host: 127.0.0.1", "Host: 127.0.0.1"])[0] == 400
    assert get(port, ASK, ["Host: evil.example"])[0] == 403
    assert get(port, ASK, [])[0] == 400  # HTTP/1.1 needs a Host
    assert get(port, ASK, [], version="HTTP/1.0")[0] == 200  # HTTP/1.0 did not
    status, answer = get(port, ASK, [f"Host: 127.0.0.1:{port}"])
    assert status == 200 and b'"boolean": true' in answer


def test_absolute_form_targets_naming_another_host_are_refused(default_endpoint):
    port = port_of(default_endpoint[0])
    assert get(port, "http://evil.example" + ASK, ["Host: 127.0.0.1"])[0] == 403
    assert get(port, f"http://evil.example:{port}" + ASK, [f"Host: 127.0.0.1:{port}"])[0] == 403
    assert get(port, "http://user@evil.example" + ASK, ["Host: 127.0.0.1"])[0] == 403
    assert get(port, "ftp://127.0.0.1" + ASK, ["Host: 127.0.0.1"])[0] == 400
    status, answer = get(port, f"http://127.0.0.1:{port}" + ASK, [f"Host: 127.0.0.1:{port}"])
    assert status == 200 and b'"boolean": true' in answer  # this machine, named in full: allowed
