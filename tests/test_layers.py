"""The package's layers import only downward, and the lower ones know nothing of MkDocs.

``sources/`` and ``site/`` are the part that would move to another engine; the
border is kept here, not by convention. A new module in a new folder must be
given a layer below, or this test fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "kakehashi"
# Each layer and the layers it may import, lowest first.
LAYERS: dict[str, set[str]] = {
    "base": set(),
    "sources": {"base"},
    "site": {"base", "sources"},
    "search": {"base", "sources", "site"},
    "mkdocs_adapter": {"base", "sources", "site", "search"},
    "editor": {"base", "sources", "site", "search"},
}
ENGINE = {"mkdocs", "material", "mkdocs_static_i18n", "jinja2", "markupsafe"}
ENGINE_FREE = {"base", "sources", "site", "search", "editor"}


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else "package"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import; the package imports absolutely"
            found.append((node.lineno, node.module or ""))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_known_layer() -> None:
    unknown = {str(p.relative_to(PACKAGE)) for p in MODULES if layer_of(p) not in {*LAYERS, "package"}}
    assert unknown == set()
    assert len(MODULES) > 40


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_only_downward(path: Path) -> None:
    layer = layer_of(path)
    if layer == "package":  # __init__.py: re-exports lazily, imports nothing at load
        assert [m for _, m in imported_modules(path) if m.startswith("kakehashi")] == []
        return
    wrong = []
    for line, module in imported_modules(path):
        parts = module.split(".")
        if parts[0] == "kakehashi":
            target = parts[1] if len(parts) > 1 else "package"
            if target != layer and target not in LAYERS[layer]:
                wrong.append(f"{path.name}:{line}: {layer}/ imports {module}")
        elif layer in ENGINE_FREE and parts[0] in ENGINE:
            wrong.append(f"{path.name}:{line}: {layer}/ imports {module} (engine-free layer)")
    assert wrong == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(
        "from mkdocs.structure.pages import Page\nimport kakehashi.mkdocs_adapter.build_state\n"
    )
    assert [module for _, module in imported_modules(planted)] == [
        "mkdocs.structure.pages",
        "kakehashi.mkdocs_adapter.build_state",
    ]


def test_importing_the_engine_free_layers_loads_no_mkdocs() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kakehashi.sources.loader, kakehashi.site.whole_site, kakehashi.search.bundles\n"
        "import kakehashi.editor.cli\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {ENGINE!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
