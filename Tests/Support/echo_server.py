#!/usr/bin/env python3
"""Loopback HTTP echo server for SpecGen's tests (binds 127.0.0.1 only).

Every request is recorded and answered with a JSON description of what arrived:
  {"method": "...", "path": "/raw/path", "query": "raw query or empty",
   "headers": [["Name", "value"], ...]  (order and repeats kept),
   "body_base64": "..."}
Records are also appended, one JSON object per line, to --log FILE when given.

Control endpoints (never recorded):
  POST /__next      body {"status": 429, "headers": [["Retry-After","3"]], "body": "text", "delay": 0.5}
                    makes the NEXT recorded request get this response instead of the echo (after
                    `delay` seconds when given); several queued responses are served in order.
                    With "chunks": [[seconds, "text"], ...] instead of "body" the response is sent with
                    chunked transfer encoding, each chunk after its pause (Server-Sent Events tests).
  GET  /__requests  returns every record so far as a JSON array.
  POST /__reset     forgets records and any queued response.

Usage: echo_server.py [--port 0] [--port-file FILE] [--log FILE] [--max-seconds 600]
With --port 0 the OS picks a port; it is printed on stdout ("PORT 12345") and written to --port-file.
The server exits by itself after --max-seconds.
"""
import argparse, base64, json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

records = []
queued = []
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                line = self.rfile.readline().strip()
                size = int(line.split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status, headers, body):
        self.send_response(status)
        names = {name.lower() for name, _ in headers}
        for name, value in headers:
            self.send_header(name, value)
        if "content-type" not in names:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_chunks(self, status, headers, chunks):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        for pause, text in chunks:
            time.sleep(float(pause))
            data = text.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def handle_any(self):
        body = self._read_body()
        raw_path = self.path
        path, _, query = raw_path.partition("?")
        if path == "/__next" and self.command == "POST":
            with lock:
                queued.append(json.loads(body or b"{}"))
            return self._send(204, [], b"")
        if path == "/__requests":
            with lock:
                data = json.dumps(records).encode()
            return self._send(200, [], data)
        if path == "/__reset":
            with lock:
                records.clear()
                queued.clear()
            return self._send(204, [], b"")
        record = {
            "method": self.command,
            "path": path,
            "query": query,
            "headers": [[name, value] for name, value in self.headers.raw_items()],
            "body_base64": base64.b64encode(body).decode(),
        }
        with lock:
            records.append(record)
            response = queued.pop(0) if queued else None
            if ARGS.log:
                with open(ARGS.log, "a") as log:
                    log.write(json.dumps(record) + "\n")
        if response is None:
            return self._send(200, [], json.dumps(record).encode())
        if response.get("delay"):
            time.sleep(float(response["delay"]))
        if "chunks" in response:
            return self._send_chunks(int(response.get("status", 200)), [tuple(h) for h in response.get("headers", [])], response["chunks"])
        payload = response.get("body", "")
        payload = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        return self._send(int(response.get("status", 200)), [tuple(h) for h in response.get("headers", [])], payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_PROPFIND = do_PURGE = do_REPORT = handle_any

    def handle_one_request(self):
        # Accept any method name (custom verbs such as PROPFIND are test fixtures).
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            self.handle_any()
            self.wfile.flush()
        except (ConnectionResetError, BrokenPipeError):
            self.close_connection = True


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--log")
    parser.add_argument("--max-seconds", type=float, default=600)
    ARGS = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    if ARGS.port_file:
        tmp = ARGS.port_file + ".tmp"
        with open(tmp, "w") as handle:
            handle.write(str(port))
        os.replace(tmp, ARGS.port_file)
    print(f"PORT {port}", flush=True)
    threading.Timer(ARGS.max_seconds, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
