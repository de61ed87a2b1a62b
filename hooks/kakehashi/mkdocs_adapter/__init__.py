"""The adapter to MkDocs and mkdocs-static-i18n: the build's state between events,
the generated pages handed to MkDocs, the preview of ``mkdocs serve``.

The only layer that imports MkDocs (with :mod:`kakehashi.search`'s process
runner aside). Its ``speedups`` make the same site faster; each can be
switched off with ``KAKEHASHI_SPEEDUPS=off`` (:mod:`kakehashi.base.speedups`).
"""
