"""A second process that renders pages while MkDocs renders them too.

MkDocs renders a language's pages one after another on one core. The helper
is a fork of the build, made when the build meets the first page it has to
render: it has the same configuration, files and pages, renders the pages
after that one starting from the last, and sends what it made back through a
pipe, while MkDocs goes on from the front and takes what arrived. Once MkDocs
has been through every page the build stops the helper; the pages both
reached meanwhile (a few, where they met) were rendered twice.

Everything the helper sends is an optimisation: if it fails, is slow or is
stopped, MkDocs renders the pages it did not send itself. It is not started
while the build runs other threads (a rebuild under `mkdocs serve`, whose
server has its own): a fork of a process with threads may deadlock.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

from kakehashi.mkdocs_adapter.speedups.forks import end_process

KEY_SIZE = 16  # bytes of the key in front of each message
class RenderHelper:
    """Runs ``work`` in a forked process; what it sends is kept by key for :meth:`take`."""

    def __init__(self, work: Callable[[Connection], None]) -> None:
        # Forked, not spawned: the helper needs the build's state as it is now.
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        self._received: dict[bytes, bytes] = {}
        self._process = context.Process(target=work, args=(sending,), daemon=True)
        self._process.start()
        sending.close()  # the helper's end: closed here so that its exit ends the reading
        self._reader = threading.Thread(target=self._receive, args=(receiving,), daemon=True)
        self._reader.start()

    def _receive(self, connection: Connection) -> None:
        with connection:
            while True:
                try:
                    message = connection.recv_bytes()
                except (EOFError, OSError):  # the helper finished or was stopped
                    return
                self._received[message[:KEY_SIZE]] = message[KEY_SIZE:]

    def take(self, key: bytes) -> bytes | None:
        """What the helper sent for ``key`` so far, if anything."""
        return self._received.pop(key, None)

    def stop(self) -> None:
        """End the helper now, whatever it is doing, and drop what it sent."""
        end_process(self._process)
        # The reading ends when the pipe does, with the helper; a thread is never waited on for long.
        self._reader.join(timeout=10)
        self._received.clear()


def send(connection: Connection, key: bytes, entry: bytes) -> None:
    """In the helper: hand one rendered page to the build."""
    assert len(key) == KEY_SIZE
    connection.send_bytes(key + entry)
