"""The checks around the code: pre-commit's schema hooks and the GitHub workflow.

check-jsonschema runs offline here: the GitHub workflow schema is vendored in
the package, and the data schemas refer only to each other.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


def check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def schema_hooks() -> list[dict]:
    config = yaml.safe_load(PRE_COMMIT.read_text("utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == "check-jsonschema"]


def test_workflow_is_valid_for_github() -> None:
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_every_pull_request_and_publishes_main() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = "\n".join(step.get("run", "") for step in build["steps"])
    assert "kakehashi build --site-dir site" in commands
    uses = [step.get("uses", "") for step in build["steps"] + deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}  # nothing else may write
    assert deploy["needs"] == ["test", "build"] and "refs/heads/main" in deploy["if"]
    # Every test runs before the site is built and published: .ci/run, browser checks required.
    test = workflow["jobs"]["test"]
    assert build["needs"] == "test"
    assert any(".ci/run" in step.get("run", "") for step in test["steps"])
    assert deploy["environment"]["name"] == "github-pages"


def test_the_site_is_published_only_after_the_publish_check() -> None:
    """``kakehashi check --publish`` (an operator in the imprint, a real address) runs in
    the job that uploads the site for Pages, before the upload, and only when publishing."""
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    build = workflow["jobs"]["build"]
    steps = build["steps"]
    guard = [i for i, step in enumerate(steps) if "kakehashi check --publish" in step.get("run", "")]
    upload = [
        i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert len(guard) == 1 and len(upload) == 1
    assert guard[0] < upload[0]
    # Publishing only: a pull request's preview build does not need an operator.
    assert steps[guard[0]]["if"] == steps[upload[0]]["if"] == "env.PUBLISH == 'true'"
    # It checks the address the site is published at, as the build does.
    assert "SITE_URL=" in steps[guard[0]]["run"]
    assert steps[guard[0]]["env"] == {"BASE_URL": "${{ steps.pages.outputs.base_url }}"}
    # The deployment needs that job, so it never runs when the check fails.
    assert "build" in workflow["jobs"]["deploy"]["needs"]


def test_every_data_file_passes_its_pre_commit_schema_hook() -> None:
    data = ROOT / "data"
    paths = [*data.glob("*.yml"), *data.glob("guides/*.yml")]  # one file per section, one per guide
    data_files = sorted(path.relative_to(ROOT).as_posix() for path in paths)
    covered = []
    for hook in schema_hooks():
        files = [name for name in data_files if re.search(hook["files"], name)]
        assert len(files) == 1 or (files and "guides/" in hook["files"]), hook
        covered += files
        result = check_jsonschema(*hook["args"], *files)
        assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(covered) == data_files


def test_schema_hook_catches_a_bad_record(tmp_path: Path) -> None:
    schema_dir = tmp_path / "schema"
    shutil.copytree(ROOT / "data" / "schema", schema_dir)
    data = tmp_path / "cycling.yml"
    data.write_text(
        (ROOT / "data" / "cycling.yml").read_text("utf-8").replace("kind: route", "kind: rout", 1)
    )
    result = check_jsonschema("--schemafile", str(schema_dir / "cycling.schema.json"), str(data))
    assert result.returncode == 1
    assert "'rout' is not one of ['route', 'route-section', 'facility']" in result.stdout


def css_blocks_are_balanced(css: str) -> list[str]:
    """What is wrong with the nesting of a style sheet: a `}` with no `{`, or a `{` never
    closed (one of them drops every rule after it in a browser)."""
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # comments
    text = re.sub(r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", "''", text)  # strings
    problems, depth = [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                problems.append(f"line {number}: '}}' closes nothing")
                depth = 0
    if "/*" in text:
        problems.append("a comment is never closed")
    if depth:
        problems.append(f"{depth} block(s) never closed")
    return problems


def test_the_style_sheets_close_every_block() -> None:
    assert css_blocks_are_balanced(".a { b: c; }\n@media print { .d { e: f; } }\n") == []
    assert css_blocks_are_balanced(".a {\n  b: c;\n.d { e: f; }\n") == ["1 block(s) never closed"]
    assert css_blocks_are_balanced(".a { b: '}' }\n/* { */") == []
    sheets = sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))
    assert sheets
    for sheet in sheets:
        assert css_blocks_are_balanced(sheet.read_text("utf-8")) == [], sheet.name
