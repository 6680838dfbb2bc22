"""Requests are read whole, by one thread for all connections, before they take a query slot.

A thread per connection that blocks on reading lets slow clients hold the
server: 64 connections that send a header line every few seconds, or nothing
at all, took every slot (slowloris). Here one thread reads every connection
that is still sending, with non-blocking sockets and ``selectors``, and gives
each a deadline for its whole request (``http_timeout``, counted from the
connection); only a complete request (headers and the body its
Content-Length announces) is handed on to be answered. A connection that is
not done by its deadline gets 408 and is closed; past ``max_pending``
connections still sending, a new one gets 503 at once.

Only framing is read here (where the headers end, how long the body is);
parsing, checking and answering stay with the request handler, which is given
the bytes read. A request it will refuse without reading the body (chunked,
too large, a bad Content-Length) is handed on as soon as its headers are in.

Answers go back the same way: the handler writes into memory and hands the
bytes here (``send_out``), so its slot is free as soon as the answer is made;
this thread writes them as fast as the client reads, within ``http_timeout``.
A client that does not read holds memory then, not a slot, and all such
answers together are capped (``WRITE_BUDGET``); past it the handler writes
the answer itself, holding its slot, as before.
"""

from __future__ import annotations

import queue
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_HEADER_BYTES = 64 * 1024
"""Request line and headers together; http.server allows 100 lines of 64 KB each, we allow less."""
CHUNK = 64 * 1024
WRITE_BUDGET = 256 * 1024 * 1024
"""Bytes of answers waiting for slow clients at once; past it, handlers write their answers themselves."""


def plain_answer(status: str, text: str, extra: str = "") -> bytes:
    """A complete HTTP/1.1 answer with a text body, for refusals made before any handler runs."""
    body = (text + "\n").encode()
    return (f"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\n{extra}Connection: close\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


@dataclass
class Received:
    """A connection whose request has been read: the socket (blocking again) and the bytes."""
    sock: socket.socket
    data: bytes
    continued: bool = False  # "100 Continue" was sent already: the handler must not send it again
    handed_off: bool = False  # the answer went to send_out, which closes the socket when it is written


@dataclass
class _Pending:
    sock: socket.socket
    address: tuple
    deadline: float
    buf: bytearray = field(default_factory=bytearray)
    head_end: int = -1  # index just past the blank line that ends the headers
    scanned: int = 0  # bytes already searched for that blank line
    need: int = 0  # total bytes the request has, once the headers are in
    continued: bool = False


@dataclass
class _Outgoing:
    sock: socket.socket
    data: bytes
    deadline: float
    sent: int = 0


class Intake:
    """Reads requests on non-blocking sockets in one thread; ``deliver(Received, address)`` gets each whole."""

    def __init__(self, deliver: Callable[[Received, tuple], None], *, deadline: float, max_pending: int,
                 max_body_bytes: int) -> None:
        self.deliver = deliver
        self.deadline = deadline
        self.max_pending = max_pending
        self.max_body_bytes = max_body_bytes
        self.selector = selectors.DefaultSelector()
        self.incoming: queue.SimpleQueue = queue.SimpleQueue()
        self.pending: dict[socket.socket, _Pending] = {}
        self.outgoing: queue.SimpleQueue = queue.SimpleQueue()
        self.writing: dict[socket.socket, _Outgoing] = {}
        self.out_bytes = 0  # answers queued or being written: what WRITE_BUDGET counts
        self.count = 0  # queued or pending: what max_pending counts
        self.lock = threading.Lock()
        self.closed = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self.selector.register(self._wake_r, selectors.EVENT_READ, None)
        self.thread = threading.Thread(target=self._loop, daemon=True, name="kg-sparql-intake")
        self.thread.start()

    # -- from the accepting thread ----------------------------------------------
    def add(self, sock: socket.socket, address: tuple) -> None:
        with self.lock:
            full = self.count >= self.max_pending
            if not full:
                self.count += 1
        if full:
            _refuse(sock, plain_answer("503 Service Unavailable", "too many connections at once; try again",
                                       "Retry-After: 1\r\n"))
            return
        self.incoming.put((sock, address, time.monotonic() + self.deadline))
        self._wake()

    def send_out(self, sock: socket.socket, data: bytes) -> bool:
        """Write ``data`` to the client and close the connection, in this thread; False when the
        budget is spent (the caller then writes it itself)."""
        with self.lock:
            if self.closed or self.out_bytes + len(data) > WRITE_BUDGET:
                return False
            self.out_bytes += len(data)
        self.outgoing.put(_Outgoing(sock, data, time.monotonic() + self.deadline))
        self._wake()
        return True

    def close(self) -> None:
        self.closed = True
        self._wake()
        self.thread.join(5)

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"x")
        except OSError:  # the pipe is full: the loop is awake anyway
            pass

    # -- the reading thread -------------------------------------------------------
    def _loop(self) -> None:
        try:
            while not self.closed:
                now = time.monotonic()
                soonest = min([p.deadline for p in self.pending.values()]
                              + [o.deadline for o in self.writing.values()], default=now + 1.0)
                for key, _events in self.selector.select(max(0.0, min(1.0, soonest - now))):
                    if key.data is None:
                        self._take_incoming()
                    elif isinstance(key.data, _Outgoing):
                        self._write(key.data)
                    else:
                        self._read(key.data)
                self._expire(time.monotonic())
        finally:
            for p in list(self.pending.values()):
                self._drop(p)
            for o in list(self.writing.values()):
                self._done(o)
            self._take_outgoing(close=True)
            self.selector.close()
            self._wake_r.close()
            self._wake_w.close()

    def _take_incoming(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        while True:
            try:
                sock, address, deadline = self.incoming.get_nowait()
            except queue.Empty:
                break
            p = _Pending(sock, address, deadline)
            try:
                sock.setblocking(False)
                self.selector.register(sock, selectors.EVENT_READ, p)
            except (OSError, ValueError):
                self._forget(p)
                _close(sock)
                continue
            self.pending[sock] = p
        self._take_outgoing()

    def _take_outgoing(self, close: bool = False) -> None:
        while True:
            try:
                o = self.outgoing.get_nowait()
            except queue.Empty:
                return
            try:
                if close:
                    raise OSError
                o.sock.setblocking(False)
                self.selector.register(o.sock, selectors.EVENT_WRITE, o)
            except (OSError, ValueError):
                self._done(o)
                continue
            self.writing[o.sock] = o

    def _write(self, o: _Outgoing) -> None:
        try:
            with memoryview(o.data) as view:
                o.sent += o.sock.send(view[o.sent:o.sent + 4 * CHUNK])
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # the client is gone
            self._done(o)
            return
        if o.sent >= len(o.data):
            try:
                o.sock.shutdown(socket.SHUT_WR)  # as socketserver ends a connection: all sent, then close
            except OSError:
                pass
            self._done(o)

    def _done(self, o: _Outgoing) -> None:
        if self.writing.pop(o.sock, None) is not None:
            try:
                self.selector.unregister(o.sock)
            except (KeyError, ValueError):
                pass
        with self.lock:
            self.out_bytes -= len(o.data)
        o.sock.close()

    def _read(self, p: _Pending) -> None:
        try:
            chunk = p.sock.recv(CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the client gave up
            self._drop(p)
            return
        p.buf += chunk
        if p.head_end < 0:
            if not self._headers_done(p):
                return
        if len(p.buf) >= p.need:
            self._hand_on(p)

    def _headers_done(self, p: _Pending) -> bool:
        """Find where the headers end and how long the whole request is; False while they are not all in."""
        start = max(0, p.scanned - 3)  # a separator may straddle two reads
        p.scanned = len(p.buf)
        ends = [i + n for sep, n in ((b"\r\n\r\n", 4), (b"\n\n", 2)) if (i := p.buf.find(sep, start)) >= 0]
        if not ends:
            if len(p.buf) > MAX_HEADER_BYTES:
                self._answer(p, "431 Request Header Fields Too Large",
                             f"the request line and headers are longer than {MAX_HEADER_BYTES} bytes")
            return False
        p.head_end = min(ends)
        if p.head_end > MAX_HEADER_BYTES:
            self._answer(p, "431 Request Header Fields Too Large",
                         f"the request line and headers are longer than {MAX_HEADER_BYTES} bytes")
            return False
        lengths, chunked, expect = [], False, False
        for line in bytes(p.buf[:p.head_end]).split(b"\n")[1:]:
            name, sep, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                lengths.append(value.strip())
            elif name == b"transfer-encoding":
                chunked = True
            elif name == b"expect" and value.strip().lower() == b"100-continue":
                expect = True
        if len(set(lengths)) > 1:
            self._answer(p, "400 Bad Request", "the request has more than one Content-Length")
            return False
        body = 0
        if lengths and not chunked and lengths[0].isdigit() and int(lengths[0]) <= self.max_body_bytes:
            body = int(lengths[0])  # otherwise the handler refuses it without reading a body
        p.need = p.head_end + body
        if expect and len(p.buf) < p.need:
            try:
                p.sock.send(b"HTTP/1.1 100 Continue\r\n\r\n")
                p.continued = True
            except OSError:
                pass
        return True

    def _expire(self, now: float) -> None:
        for p in [p for p in self.pending.values() if p.deadline <= now]:
            self._answer(p, "408 Request Timeout",
                         f"the request was not complete within {self.deadline:g} s (setting http_timeout)")
        for o in [o for o in self.writing.values() if o.deadline <= now]:  # not read in time: cut
            self._done(o)

    def _answer(self, p: _Pending, status: str, text: str) -> None:
        try:
            p.sock.send(plain_answer(status, text))  # small: fits the socket's buffer; best effort
        except OSError:
            pass
        self._drop(p)

    def _unregister(self, p: _Pending) -> None:
        self.pending.pop(p.sock, None)
        try:
            self.selector.unregister(p.sock)
        except (KeyError, ValueError):
            pass
        self._forget(p)

    def _forget(self, p: _Pending) -> None:
        with self.lock:
            self.count -= 1

    def _drop(self, p: _Pending) -> None:
        self._unregister(p)
        _close(p.sock)

    def _hand_on(self, p: _Pending) -> None:
        self._unregister(p)
        try:
            p.sock.setblocking(True)
            self.deliver(Received(p.sock, bytes(p.buf), p.continued), p.address)
        except Exception:  # noqa: BLE001 - one connection must not stop the intake
            _close(p.sock)


def _refuse(sock: socket.socket, answer: bytes) -> None:
    try:
        sock.setblocking(False)
        sock.send(answer)
    except OSError:
        pass
    _close(sock)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
