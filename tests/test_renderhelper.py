"""The helper process: what it sends arrives by key, and stopping it never waits for it."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

from kakehashi.mkdocs_adapter.speedups.render_helper import KEY_SIZE, RenderHelper, send


def key(n: int) -> bytes:
    return n.to_bytes(KEY_SIZE, "big")


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


def test_what_the_helper_sends_is_taken_once_by_key() -> None:
    def work(connection) -> None:
        for n in range(3):
            send(connection, key(n), f"page {n}".encode())

    helper = RenderHelper(work)
    try:
        wait_for(lambda: helper._process.exitcode is not None and not helper._reader.is_alive())
        assert helper.take(key(9)) is None
        assert [helper.take(key(n)) for n in (2, 0, 1)] == [b"page 2", b"page 0", b"page 1"]
        assert helper.take(key(0)) is None  # taken already
    finally:
        helper.stop()


def test_stopping_a_busy_helper_does_not_wait_for_it() -> None:
    def work(connection) -> None:
        send(connection, key(1), b"first")
        time.sleep(600)

    helper = RenderHelper(work)
    wait_for(lambda: helper.take(key(1)) == b"first")
    started = time.monotonic()
    helper.stop()
    assert time.monotonic() - started < 5


def test_a_helper_that_fails_sends_nothing_and_stops_cleanly() -> None:
    def work(connection) -> None:
        raise RuntimeError("broken helper")

    helper = RenderHelper(work)
    wait_for(lambda: not helper._reader.is_alive())
    assert helper.take(key(0)) is None
    helper.stop()


def test_no_helper_is_forked_while_the_build_runs_another_thread() -> None:
    # In a fresh interpreter: the test run itself may keep threads (servers of other tests).
    check = """
import threading
from kakehashi.mkdocs_adapter.speedups.page_writer import ForkedPageWriter
from kakehashi.mkdocs_adapter.speedups.forks import fork_is_safe
assert fork_is_safe()
assert ForkedPageWriter.worth_it(10_000, serving=False, second_core_busy=False)
assert not ForkedPageWriter.worth_it(10_000, serving=False, second_core_busy=True)
assert not ForkedPageWriter.worth_it(10_000, serving=True, second_core_busy=False)
release = threading.Event()
server = threading.Thread(target=release.wait)  # as `mkdocs serve`'s server runs beside a rebuild
server.start()
assert not fork_is_safe()
assert not ForkedPageWriter.worth_it(10_000, serving=False, second_core_busy=False)
release.set()
server.join()
assert fork_is_safe()
"""
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
