"""Session-scoped Synapse for the Matrix tests: installed on first use, stopped at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .synapse import Synapse, SynapseUnavailable, ensure_installed


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """Run one Synapse for the whole session (install only skips; in CI it must work)."""
    try:
        python = ensure_installed()
    except SynapseUnavailable as exc:
        if os.environ.get("CI"):
            raise  # in CI the end-to-end tests must run, never be skipped
        pytest.skip(f"Synapse kann hier nicht installiert werden: {exc}")
    server = Synapse(python=python, data=tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
