"""Read and check the YAML data and the GPX tracks it names: every problem as
``file:line:col: record.field: message``.

The lowest layer: it imports nothing from the rest of the package but
:mod:`kakehashi.base`, and nothing from MkDocs, Material, static-i18n or Jinja.
"""
