"""Reader-side checks of the built site: a real browser, axe-core and the Nu Html Checker.

A package, so that its ``conftest.py`` does not take the module name of
``tests/conftest.py``, whose helpers every test imports as ``conftest``.
"""
