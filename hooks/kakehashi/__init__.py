"""Generator of the trilingual Bochum–Tsukuba partnership knowledge base.

Data (YAML) → validated records → Markdown pages keyed by path and language.
Nothing in this package imports MkDocs except ``mkdocs_hooks`` in ``hooks/``,
so every step can be tested without a build.
"""
