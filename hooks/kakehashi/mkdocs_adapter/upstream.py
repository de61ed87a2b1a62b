"""What the adapter relies on in MkDocs and mkdocs-static-i18n beyond their public API.

Both are pinned to exact versions (pyproject.toml). An upgrade that renames or
moves one of these fails in ``tests/test_upstream_contract.py`` with the name,
not deep inside a build; :func:`i18n_plugin` turns a missing or misconfigured
i18n plugin into a message an editor can act on.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# (module, attribute path): private names of MkDocs the adapter calls or sets.
MKDOCS_PRIVATE_NAMES = (
    ("mkdocs.commands.build", "_build_page"),  # the forked page writer and the serve update write pages
    ("mkdocs.commands.build", "_populate_page"),  # the render helper and the serve update render pages
    ("mkdocs.structure.pages", "Page._title_from_render"),  # kept with a page's HTML in the page cache
    ("mkdocs.config.config_options", "Hooks._load_hook"),  # puts hooks/ on sys.path for `kakehashi`
)
# Attributes of static-i18n's plugin object the adapter reads or sets.
I18N_PLUGIN_ATTRIBUTES = (
    "building",  # false in the outer build (the first language), true inside it
    "current_language",
    "default_language",
    "all_languages",
    "build_languages",
    "extra_alternate",  # the language switcher's links of the page being rendered
    "i18n_files_per_language",  # each built language's files, kept for its sitemap template
    "reconfigure_page_context",  # replaced by speedups.language_switch
)
# static-i18n's own event priorities the hook module's priorities are set against.
I18N_EVENT_PRIORITIES = {"on_files": -100, "on_nav": -100, "on_post_build": -100}
# static-i18n's function that makes a page's file in a language (used where the shortcut does not apply).
I18N_FILE_FUNCTION = ("mkdocs_static_i18n.suffix", "create_i18n_file")
# The settings of the i18n plugin the generated pages depend on.
I18N_SETTINGS = {"docs_structure": "suffix", "fallback_to_default": False, "reconfigure_search": False}


def i18n_plugin(config: MkDocsConfig) -> Any:
    """static-i18n's plugin of ``config``; a :class:`PluginError` that says what to fix where it
    is missing or set otherwise."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "mkdocs.yml: the plugin 'i18n' (mkdocs-static-i18n) is missing under 'plugins:'; "
            "the generated pages are made for it (see the i18n entry in this project's mkdocs.yml)"
        )
    wrong = [
        f"{name}: {value!r}"
        for name, value in I18N_SETTINGS.items()
        if plugin.config.get(name) != value
    ]
    if wrong:
        raise PluginError(
            "mkdocs.yml: the plugin 'i18n' must be set with "
            + ", ".join(wrong)
            + " (the generated pages are named and linked for these settings)"
        )
    return plugin
