#!/usr/bin/env python3
"""A delaying stand-in for an OpenAI-compatible LLM, on loopback, for benchmarks.

Usage: scripts/llm-stub.py PORT DELAY_SECONDS
Every chat completion is answered after DELAY_SECONDS with a valid darwin reply that adds a new,
harmless file to the program (so that it always applies and compiles, and every child differs).
"""
import itertools
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, DELAY = int(sys.argv[1]), float(sys.argv[2])
counter = itertools.count(1)
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(DELAY)
        with lock:
            n = next(counter)
        reply = {
            "reasoning": "A benchmark stand-in: adds a note file, changes no behaviour.",
            "summary": "note %d" % n,
            "tags": ["throughput"],
            "edits": [{"path": "program/darwin/program/Note%d.java" % n,
                       "content": "package darwin.program;\n\n/** Benchmark note %d. */\nfinal class Note%d {}\n" % (n, n)}],
            "request": None,
        }
        body = json.dumps({
            "id": "stub-%d" % n, "object": "chat.completion", "created": int(time.time()), "model": "stub",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": json.dumps(reply)}}],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 100, "total_tokens": 1100},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
