"""A page writer that cannot be started leaves every page to MkDocs."""

from __future__ import annotations

import multiprocessing.context

import pytest
from mkdocs.structure.files import File, Files

from kakehashi.mkdocs_adapter.speedups.page_writer import ForkedPageWriter


def test_a_writer_without_a_process_takes_no_page(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process_left(self: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", no_process_left)
    files = Files([File(f"page-{n}.de.md", "/docs", "/site", True) for n in range(4)])
    writer = ForkedPageWriter.start(None, files, None, None, None, False)  # type: ignore[arg-type]
    assert writer is None
    assert len(files.documentation_pages()) == 4
