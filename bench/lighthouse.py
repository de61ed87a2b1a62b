"""Reader-side benchmark: Lighthouse on one page of every kind in every language.

Builds the site with SITE_URL pointing at a local static server, serves it on
127.0.0.1 (gzip for text, as any production static host does; --no-gzip to
switch it off), runs Lighthouse (node_modules/.bin/lighthouse, from `npm ci`)
with Debian's Chromium on each page, and prints a Markdown table: the scores of
the four categories, the transferred page weight and the number of requests.
The raw reports go to bench/out/. Not a test: the numbers depend on the machine.

    .venv/bin/python bench/lighthouse.py [--desktop] [--no-gzip]

Lighthouse's default is a phone on a simulated slow 4G connection (--desktop
for its desktop preset).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import mimetypes
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser.reader import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 - the browser tests' settings

from conftest import run_mkdocs_build  # noqa: E402 - the tests' build helper
from kakehashi.sources.loader import load_data  # noqa: E402 - installed with the project (pip install -e .)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Lighthouse starts Chromium itself: headless, with the flags of the browser tests.
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS, "--disable-dev-shm-usage"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LANG_PREFIX = {"de": "", "ja": "ja/", "en": "en/"}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def page_kinds() -> dict[str, str]:
    data = load_data(ROOT)
    return {
        "home": "",
        "section": "cycling/",
        "record": f"cycling/{data.sections['cycling'][0]['id']}/",
        "editorial": "partnership/",
    }


class Handler(SimpleHTTPRequestHandler):
    """Static files; text gzip-compressed when the browser accepts it (and compression is on)."""

    compress = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or ""
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.is_file() and kind.startswith(COMPRESSIBLE)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def run_lighthouse(url: str, report: Path, desktop: bool) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if desktop:
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text("utf-8"))


def summarize(lhr: dict) -> dict:
    scores = {c: lhr["categories"][c]["score"] for c in CATEGORIES}
    requests = [
        r for r in lhr["audits"]["network-requests"]["details"]["items"] if not r["url"].startswith("data:")
    ]
    return {
        **{c: "–" if s is None else round(s * 100) for c, s in scores.items()},
        "kb": lhr["audits"]["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(requests),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset")
    parser.add_argument("--no-gzip", action="store_true", help="serve text uncompressed")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where the reports go")
    args = parser.parse_args()
    for tool, what in ((LIGHTHOUSE, "Lighthouse (run `npm ci`)"), (CHROMIUM, "Chromium")):
        if not tool.exists():
            raise SystemExit(f"{what} not found at {tool}")
    args.out.mkdir(parents=True, exist_ok=True)
    Handler.compress = not args.no_gzip

    with tempfile.TemporaryDirectory(prefix="kakehashi-bench-") as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        os.environ["SITE_URL"] = origin + "/"
        result = run_mkdocs_build(ROOT, site)
        if result.returncode != 0:
            raise SystemExit(f"the build failed:\n{result.stderr}")
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        rows = []
        try:
            for kind, path in page_kinds().items():
                for lang, prefix in LANG_PREFIX.items():
                    url = f"{origin}/{prefix}{path}"
                    name = f"{lang}-{kind}"
                    print(f"lighthouse {name}: /{prefix}{path}", file=sys.stderr)
                    lhr = run_lighthouse(url, args.out / f"{name}.json", args.desktop)
                    rows.append((lang, kind, f"/{prefix}{path}", summarize(lhr)))
        finally:
            server.shutdown()
            server.server_close()

    version = lhr["lighthouseVersion"]
    mode = "desktop preset" if args.desktop else "mobile, simulated slow 4G"
    served = "uncompressed" if args.no_gzip else "gzip"
    chromium = lhr["environment"]["hostUserAgent"].split("Chrome/")[-1].split()[0]
    print(f"Lighthouse {version}, {mode}, Chromium {chromium}")
    print(f"served by a local static server ({served}); weight = bytes transferred\n")
    print("| page | lang | path | perf. | a11y | best pr. | SEO | KB | requests |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for lang, kind, path, s in rows:
        print(
            f"| {kind} | {lang} | `{path}` | {s['performance']} | {s['accessibility']} | "
            f"{s['best-practices']} | {s['seo']} | {s['kb']:.0f} | {s['requests']} |"
        )


if __name__ == "__main__":
    main()
