"""The whole site as Markdown, in every language: page keys and URLs, a renderer
per page kind, directives, formatting, escaping, the fallback rule and the UI words,
the maps drawn as SVG and the files beside the pages.

It imports :mod:`kakehashi.sources` and :mod:`kakehashi.base` only, and nothing
from MkDocs, Material, static-i18n or Jinja: another engine could take its output.
"""
