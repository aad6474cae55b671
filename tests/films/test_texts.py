"""Every film series rule has a German answer that names the reason."""

from __future__ import annotations

from handlers.films import texts as tf
from storage.errors import DomainError


def test_film_rule_texts() -> None:
    assert "schon vergeben" in tf.RULES["film_group_taken"](DomainError("x", group="IT"))
    assert "Alle 8 Filme" in tf.RULES["film_full"](DomainError("x", max=8))
    assert "schon zugeordnet" in tf.RULES["film_assigned"](DomainError("x", group="IT"))
    assert "schon nicht mehr" in tf.RULES["film_not_held"](DomainError("x", group="IT"))
