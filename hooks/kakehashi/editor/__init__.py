"""The ``kakehashi`` command for editors (check, new, status, export-markdown, build)
and what only it uses: record skeletons, the project's settings, the publish swap."""
