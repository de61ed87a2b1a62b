"""The project root and the settings of its mkdocs.yml that the editor tools need.

During a build MkDocs hands these settings to the hooks; the command-line
tools read them from the file themselves, without MkDocs' machinery.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kakehashi.site.interactive_map import MapTiles, MapTilesError, map_tiles_setting
from kakehashi.site.open_data import OpenDataSettings

CONFIG_FILE = "mkdocs.yml"

# The address in site_url until the site has one of its own.
PLACEHOLDER_SITE_URL = "https://bochum-tsukuba.example.org/"


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: ``!ENV`` as MkDocs reads it (the first variable
    that is set, else the default), every other tag of MkDocs (``!!python/...``)
    as null instead of being run or refused."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, …, default]`` as MkDocs reads it: the first
    variable that is set, else the default."""
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        return None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


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


@dataclass(frozen=True)
class PublishSetting:
    """A setting a published site needs: its key path in mkdocs.yml and what to enter."""

    path: str  # "extra.operator.responsible.name"
    what: str  # for editors: what to enter, and which rule asks for it


# Every setting the imprint needs (§ 5 DDG; § 18 Abs. 2 MStV), in the order of mkdocs.yml.
OPERATOR_SETTINGS = (
    PublishSetting(
        "extra.operator.name",
        "enter the name of the person or organisation that runs the site (imprint, § 5 DDG)",
    ),
    PublishSetting(
        "extra.operator.address",
        'enter the postal address as a list of lines, e.g. ["Straße 1", "44787 Bochum"] (imprint, § 5 DDG)',
    ),
    PublishSetting(
        "extra.operator.email",
        "enter an e-mail address readers can write to (imprint, § 5 DDG)",
    ),
    PublishSetting(
        "extra.operator.phone",
        "enter a phone number, a second quick way to reach the operator (imprint, § 5 DDG)",
    ),
    PublishSetting(
        "extra.operator.responsible.name",
        "enter the person responsible for the content (imprint, § 18 Abs. 2 MStV)",
    ),
    PublishSetting(
        "extra.operator.responsible.address",
        "enter that person's postal address as a list of lines (imprint, § 18 Abs. 2 MStV)",
    ),
)


def _setting(settings: dict[str, Any], path: str) -> Any:
    value: Any = settings
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _is_empty(value: Any) -> bool:
    if isinstance(value, list):
        return not any(str(line or "").strip() for line in value)
    return not str(value or "").strip()


def publish_problems(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """What keeps the site from being published, as (key path, what to do) for
    editors: every empty operator setting, and a ``site_url`` that is still the
    placeholder."""
    problems = [
        (setting.path, f"empty; {setting.what}")
        for setting in OPERATOR_SETTINGS
        if _is_empty(_setting(settings, setting.path))
    ]
    url = str(settings.get("site_url") or "").strip()
    if not url or url.rstrip("/") == PLACEHOLDER_SITE_URL.rstrip("/"):
        state = f"{url} is a placeholder" if url else "empty"
        problems.append(
            (
                "site_url",
                f"{state}; enter the address the site is published at "
                "(or set the environment variable SITE_URL when building)",
            )
        )
    return problems
