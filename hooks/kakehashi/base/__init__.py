"""Leaves every layer may use: the speed-up switch and the fingerprints of inputs."""
