"""The cluster catalogue (TOML): checked at start, missing entries seeded into the database.

`model` (the Catalogue the running bot reads), `schema` (the typed file, one pydantic model per
section), `validate` (TOML syntax, schema and cross-entry rules with line numbers), `lines`
(where things are in the text), `seed` (insert missing entries). A catalogue applied in chat is
stored as a version (`versions`); `changes` works out and applies what a new catalogue means
for the rows that came from the old one. Import those two directly: they use the feature
packages, which use this one.
"""

from __future__ import annotations

from pathlib import Path

from storage.catalogue.model import Catalogue, Contact, digest, from_text
from storage.catalogue.seed import seed_companies, seed_missing
from storage.catalogue.validate import CatalogueInvalid, Problem, decode

__all__ = [
    "Catalogue", "CatalogueInvalid", "Contact", "Problem", "decode", "digest", "from_text",
    "load", "seed_companies", "seed_missing",
]


def load(path: Path, *, timezone: str = "Europe/Berlin") -> Catalogue:
    """Read and check a catalogue file; times in it are local to `timezone`."""
    data = path.read_bytes()
    return from_text(decode(data, source=str(path)), timezone=timezone, name=str(path))
