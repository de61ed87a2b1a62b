"""The editor loop: ``mkdocs serve`` rebuilds once per edit and survives a broken edit."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from conftest import ROOT, run_mkdocs_build
from kakehashi.loader import load_data


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


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_an_edit_renders_only_its_pages_and_they_match_a_full_build(
    project_copy: Path, tmp_path: Path
) -> None:
    log_path = tmp_path / "serve.log"
    with serving(project_copy, log_path) as (record, url):
        data = project_copy / "data" / "cycling.yml"
        new_title = "編集されたタイトル <b>&"
        data.write_text(
            data.read_text("utf-8").replace(f'ja: "{record["title"]["ja"]}"', f'ja: "{new_title}"', 1),
            "utf-8",
        )
        wait_for(url, lambda html: "編集されたタイトル &lt;b&gt;&amp;" in html)
        served_dir = Path(
            re.search(r"Building 'de' documentation to directory: (\S+)", log_path.read_text()).group(1)
        )
        served = html_pages(served_dir)
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Building documentation...") == 1, log_text
    # The ja record page and the ja index of the section (the card's title).
    assert re.search(r"Updated 2 pages in", log_text), log_text

    full_site = tmp_path / "full"
    env_url = {"SITE_URL": url.split("/ja/")[0] + "/"}
    result = run_mkdocs_build(project_copy, full_site, env_url)
    assert result.returncode == 0, result.stderr
    full = html_pages(full_site)
    assert served.keys() == full.keys()
    differing = [name for name in full if served[name] != full[name]]
    assert differing == []


def test_serve_shows_problems_and_recovers(project_copy: Path, tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    with serving(project_copy, log_path) as (record, url):
        data = project_copy / "data" / "cycling.yml"
        good = data.read_text("utf-8")
        data.write_text(good.replace(f"kind: {record['kind']}", "kind: no", 1), "utf-8")
        broken = wait_for(url, lambda html: "kk-problems" in html)
        assert "data/cycling.yml:" in broken and ".kind:" in broken
        assert record["title"]["ja"] in broken  # the last good page is still there

        data.write_text(good, "utf-8")
        wait_for(url, lambda html: "kk-problems" not in html)
        time.sleep(1.5)  # let a spurious extra rebuild show up, if there were one
    log_text = log_path.read_text("utf-8")
    assert "Traceback" not in log_text
    assert log_text.count("Detected file changes") == 2, log_text
    assert log_text.count("Building documentation...") == 3, log_text
