"""What the adapter relies on in MkDocs and static-i18n beyond their public API still exists.

An upgrade of either that renames one of these fails here, naming it, instead
of deep inside a build (kakehashi.mkdocs_adapter.upstream lists them).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs_static_i18n.plugin import I18n

from conftest import ROOT, copy_project
from kakehashi.mkdocs_adapter import upstream


@pytest.mark.parametrize("module, name", upstream.MKDOCS_PRIVATE_NAMES)
def test_a_private_name_of_mkdocs_exists(module: str, name: str) -> None:
    owner = importlib.import_module(module)
    first, _, rest = name.partition(".")
    value = getattr(owner, first)
    if rest and not hasattr(value, rest):
        # An attribute set on instances (Page._title_from_render): its class sets it in __init__.
        assert f"self.{rest}" in Path(importlib.import_module(module).__file__).read_text("utf-8"), name


@pytest.fixture(scope="module")
def i18n() -> I18n:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins["i18n"]


@pytest.mark.parametrize("attribute", upstream.I18N_PLUGIN_ATTRIBUTES)
def test_an_attribute_of_the_i18n_plugin_exists(i18n: I18n, attribute: str) -> None:
    plugin_source = Path(importlib.import_module("mkdocs_static_i18n.plugin").__file__).read_text("utf-8")
    reconfigure = Path(importlib.import_module("mkdocs_static_i18n.reconfigure").__file__).read_text("utf-8")
    assert hasattr(i18n, attribute) or f"self.{attribute}" in plugin_source + reconfigure, attribute


@pytest.mark.parametrize("event, priority", upstream.I18N_EVENT_PRIORITIES.items())
def test_static_i18n_runs_its_events_at_the_priorities_the_hooks_count_on(event: str, priority: int) -> None:
    assert getattr(getattr(I18n, event), "mkdocs_priority", 0) == priority


def test_static_i18ns_file_function_exists() -> None:
    module, name = upstream.I18N_FILE_FUNCTION
    assert callable(getattr(importlib.import_module(module), name))


def test_the_projects_i18n_settings_are_the_ones_the_adapter_expects(i18n: I18n) -> None:
    assert {name: i18n.config.get(name) for name in upstream.I18N_SETTINGS} == upstream.I18N_SETTINGS


def test_a_missing_i18n_plugin_is_named_in_a_clear_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    start = text.index("plugins:\n")
    config_file.write_text(text[:start] + "plugins: []\n", "utf-8")
    with pytest.raises(PluginError, match=r"the plugin 'i18n' \(mkdocs-static-i18n\) is missing"):
        upstream.i18n_plugin(load_config(str(config_file)))


def test_a_misconfigured_i18n_plugin_says_which_setting(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text("utf-8")
    assert text.count("docs_structure: suffix") == 1
    config_file.write_text(text.replace("docs_structure: suffix", "docs_structure: folder"), "utf-8")
    with pytest.raises(PluginError, match=r"must be set with docs_structure: 'suffix'"):
        upstream.i18n_plugin(load_config(str(config_file)))
