"""The Pagefind search bundles of each language, made beside the build, and their cache."""
