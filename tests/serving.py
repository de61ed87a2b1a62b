"""A running ``mkdocs serve`` of a project copy, for the tests of the editor loop."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT
from kakehashi.sources.loader import load_data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, predicate, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {url}; last page:\n{last[:500]}")


@contextlib.contextmanager
def serving(project: Path, log_path: Path) -> Iterator[tuple[dict, str]]:
    """``mkdocs serve`` of ``project``, once it serves the first cycling record: (record, its ja URL)."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        record = load_data(ROOT).sections["cycling"][0]
        url = f"http://127.0.0.1:{port}/ja/cycling/{record['id']}/"
        wait_for(url, lambda html: record["title"]["ja"] in html)
        yield record, url
    finally:
        server.terminate()
        server.wait(timeout=30)
