"""The project root and the settings of its mkdocs.yml that the editor tools need.

During a build MkDocs hands these settings to the hooks; the command-line
tools read them from the file themselves, without MkDocs' machinery.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kakehashi.site.interactive_map import MapTiles, MapTilesError, map_tiles_setting

CONFIG_FILE = "mkdocs.yml"


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: MkDocs' own tags (``!ENV``, ``!!python/...``)
    read as null instead of being run or refused."""


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


def map_tiles(root: Path, settings: dict[str, Any]) -> MapTiles:
    """``extra.map_tiles``: where the interactive map's tiles come from; a bad value is a
    :class:`SettingsError` that says what to write."""
    extra = settings.get("extra") or {}
    try:
        return map_tiles_setting(extra.get("map_tiles"), root / str(settings.get("docs_dir") or "docs"))
    except MapTilesError as error:
        raise SettingsError(f"{CONFIG_FILE}: {error}") from None


def site_dir(root: Path, settings: dict[str, Any]) -> Path:
    """Where MkDocs writes the site: ``site_dir`` of mkdocs.yml, relative to the root."""
    return root / str(settings.get("site_dir") or "site")
