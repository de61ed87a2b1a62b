"""Build benchmark: how build time and memory grow with the number of records.

Not part of the test run. For each size N (records per section, so 4·N record
pages per language, ×3 languages) it writes a synthetic copy of the project,
whose records are the shipped ones repeated with new ids and titles, and
measures as medians of several runs:

- the full ``mkdocs build --strict`` of the generated site (wall time, peak RSS);
- the same pages written out as plain Markdown and built by plain MkDocs +
  Material + static-i18n with no hooks (the ratio is the cost of generating
  from data);
- the time from saving an edited record to the rebuilt page being served by
  ``mkdocs serve``.

Usage: python bench/build_bench.py [--sizes 100 1000] [--runs 3] [--profile]
It prints a Markdown table and writes it to bench/out/build.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_project  # noqa: E402
from kakehashi.languages import LANGUAGES  # noqa: E402
from kakehashi.loader import SECTIONS  # noqa: E402
from kakehashi.pages import placeholder_uri  # noqa: E402
from kakehashi.site import load_site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
MEASURE = (
    "import resource, runpy, sys;"
    "sys.argv=['mkdocs','build','--strict','--quiet','--site-dir',sys.argv[1]];"
    "code=0\n"
    "try: runpy.run_module('mkdocs', run_name='__main__')\n"
    "except SystemExit as e: code=e.code or 0\n"
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr);"
    "sys.exit(code)"
)


class _NoAliasDumper(yaml.SafeDumper):
    """Writes repeated values out in full: data files refuse YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def synthetic_project(target: Path, size: int) -> Path:
    """A copy of the project with ``size`` records per section."""
    copy_project(target)
    for section in SECTIONS:
        templates = yaml.safe_load((ROOT / "data" / f"{section}.yml").read_text("utf-8"))
        records = []
        for i in range(size):
            record = dict(templates[i % len(templates)])
            record["id"] = f"{record['id']}-{i}"
            record["title"] = {lang: f"{text} {i}" for lang, text in record["title"].items()}
            records.append(record)
        text = yaml.dump(records, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=1000)
        header = f"# yaml-language-server: $schema=schema/{section}.schema.json\n"
        (target / "data" / f"{section}.yml").write_text(header + text, "utf-8")
    return target


def plain_markdown_project(project: Path, target: Path) -> Path:
    """The generated pages written as files, built by MkDocs without the hooks."""
    site = load_site(project)
    docs = target / "docs"
    shutil.copytree(project / "docs", docs)
    for key in site.page_keys():
        for lang in LANGUAGES:
            path = docs / placeholder_uri(key, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(site.markdown(key, lang), "utf-8")
    shutil.copytree(project / "overrides", target / "overrides")
    config = (project / "mkdocs.yml").read_text("utf-8")
    # Only the template words of the overrides; no pages from data, no search index.
    (target / "words_hook.py").write_text(
        "from kakehashi.glossary import ui_words\n\n"
        "def on_env(env, config, files):\n"
        "    env.globals['kakehashi_words'] = ui_words(config.theme.get('language') or 'de')\n"
        "    return env\n",
        "utf-8",
    )
    config = config.replace("  - hooks/mkdocs_hooks.py\n", "  - words_hook.py\n")
    config = config.replace("  - data\n  - content\n  - hooks\n", "  - docs\n")
    (target / "mkdocs.yml").write_text(config, "utf-8")
    return target


def timed_build(project: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one strict build in a fresh process."""
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, site],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    rss_kb = int(next(line.split()[1] for line in result.stderr.splitlines() if line.startswith("MAXRSS")))
    return elapsed, rss_kb / 1024


def serve_edit_latency(project: Path) -> float:
    """Seconds from saving one edited record to the rebuilt page being served."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        data = project / "data" / "cycling.yml"
        records = yaml.safe_load(data.read_text("utf-8"))
        url = f"http://127.0.0.1:{port}/en/cycling/{records[0]['id']}/"
        _wait(url, lambda html: True, timeout=1800)
        marker = f"Edited {time.time_ns()}"
        text = data.read_text("utf-8")
        old_title = records[0]["title"]["en"]
        start = time.perf_counter()
        data.write_text(text.replace(f"en: {old_title}", f"en: {marker}", 1), "utf-8")
        _wait(url, lambda html: marker in html, timeout=1800)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait(url: str, predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if predicate(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {url}")


def profile_build(project: Path, top: int = 15) -> str:
    """Where the time of one in-process build goes (cumulative, top functions)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(ENV)
    cwd = Path.cwd()
    os.chdir(project)
    try:
        with tempfile.TemporaryDirectory() as site:
            config = load_config("mkdocs.yml", site_dir=site, strict=True)
            profiler = cProfile.Profile()
            profiler.enable()
            build(config)
            profiler.disable()
    finally:
        os.chdir(cwd)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true", help="skip the serve edit latency")
    parser.add_argument("--profile", action="store_true", help="print a profile of the largest size")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            project = synthetic_project(Path(tmp) / f"n{size}", size)
            plain = plain_markdown_project(project, Path(tmp) / f"plain{size}")
            generated = [timed_build(project) for _ in range(args.runs)]
            markdown = [timed_build(plain) for _ in range(args.runs)]
            gen_time = statistics.median(t for t, _ in generated)
            md_time = statistics.median(t for t, _ in markdown)
            serve = None if args.no_serve else serve_edit_latency(project)
            pages = (4 * size + 4 + len(list((project / "content" / "de").rglob("*.md")))) * 3
            rows.append(
                (size, pages, gen_time, max(m for _, m in generated), md_time, gen_time / md_time, serve)
            )
            print(f"N={size}: generated {gen_time:.1f} s, plain Markdown {md_time:.1f} s", file=sys.stderr)
        if args.profile:
            print(profile_build(Path(tmp) / f"n{args.sizes[-1]}"))

    lines = [
        f"Medians of {args.runs} runs, {os.cpu_count()} cores. Generated = hooks from YAML incl. Pagefind;"
        " plain = the same pages as Markdown files, no hooks, no search index.",
        "",
        "| records/section | pages | generated build (s) | peak RSS (MB) | plain Markdown (s) | ratio |"
        " serve edit → page (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, pages, gen, rss, md, ratio, serve in rows:
        serve_text = "–" if serve is None else f"{serve:.1f}"
        lines.append(f"| {size} | {pages} | {gen:.1f} | {rss:.0f} | {md:.1f} | {ratio:.2f}× | {serve_text} |")
    if len(rows) > 1:
        growth = rows[-1][2] / rows[-2][2]
        lines += ["", f"Growth {rows[-2][0]} → {rows[-1][0]} records/section: {growth:.2f}×"]
    table = "\n".join(lines)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "build.md").write_text(table + "\n", "utf-8")
    print(table)


if __name__ == "__main__":
    main()
