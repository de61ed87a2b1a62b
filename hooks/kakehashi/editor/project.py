"""The project root and the settings of its mkdocs.yml that the editor tools need.

During a build MkDocs hands these settings to the hooks; the command-line
tools read them from the file themselves, without MkDocs' machinery.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from kakehashi.site.open_data import OpenDataSettings

CONFIG_FILE = "mkdocs.yml"


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: ``!ENV`` as MkDocs reads it, MkDocs' other tags
    (``!!python/...``) as null instead of being run or refused."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, …, default]``: the first variable set, else the default."""
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


_SettingsLoader.add_constructor("!ENV", _environment_value)
_SettingsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


class SettingsError(ValueError):
    """mkdocs.yml cannot be read; the message says where."""


def is_project_root(root: Path) -> bool:
    return (root / CONFIG_FILE).is_file()


def read_settings(root: Path) -> dict[str, Any]:
    try:
        with (root / CONFIG_FILE).open("rb") as file:
            settings = yaml.load(file, Loader=_SettingsLoader)  # a SafeLoader: runs nothing
    except yaml.YAMLError as error:
        raise SettingsError(f"{CONFIG_FILE} cannot be read: {' '.join(str(error).split())}") from None
    return settings if isinstance(settings, dict) else {}


def operator(settings: dict[str, Any]) -> dict[str, Any]:
    """``extra.operator``: the imprint details the editorial pages show."""
    extra = settings.get("extra") or {}
    return dict(extra.get("operator") or {})


def open_data(settings: dict[str, Any]) -> OpenDataSettings:
    """``site_url`` and ``extra.data_licence``: where the data files say they come from, and their licence."""
    return OpenDataSettings.from_settings(settings.get("site_url"), settings.get("extra") or {})


def site_dir(root: Path, settings: dict[str, Any]) -> Path:
    """Where MkDocs writes the site: ``site_dir`` of mkdocs.yml, relative to the root."""
    return root / str(settings.get("site_dir") or "site")
