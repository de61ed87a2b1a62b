"""Speed-ups of the MkDocs build: caches in ``.cache/kakehashi/``, forked helpers and
shortcuts past per-page work of MkDocs and static-i18n. Each gives the same bytes
as the plain path (tests/test_fast_paths.py), and all stand down with
``KAKEHASHI_SPEEDUPS=off``."""
