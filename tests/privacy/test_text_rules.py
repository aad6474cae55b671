"""Text rules of storage: cleaning, and the same length and NUL rules on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.chat import Address, Incoming, Person
from handlers.core.incoming import cleaned
from storage.db import Database
from storage.errors import DomainError
from storage.members.models import Company
from storage.members.people import NAME_MAX
from storage.text import clean_line, clean_text


def test_clean_text_keeps_line_breaks_and_umlauts_and_drops_controls() -> None:
    assert clean_text("Grüße\r\naus\tGörlitz\x00\x07\x1b[31m\u202e!") == "Grüße\naus Görlitz[31m!"
    assert clean_text("Zoë 👩‍💻") == "Zoë 👩‍💻"  # the zero-width joiner of emoji stays
    assert clean_text("e\u0301") == "é"  # composed (NFC): one character, as typed
    assert clean_text("\ud800x") == "x"  # a lone surrogate cannot be stored as UTF-8


def test_clean_line_makes_one_line() -> None:
    assert clean_line("  Anna\n\tMüller\x00 ") == "Anna Müller"
    assert clean_line("\x00\x01") == ""


def test_router_cleans_text_names_and_ids_of_every_update() -> None:
    raw = Incoming(Person("console", "an\x00na", "An\x00na\nMüller" + "x" * 300),
                   Address("console", "an\x00na"), text="hallo\x00 welt\x0b")
    got = cleaned(raw)
    assert got.text == "hallo welt"
    assert got.person.external_id == "anna" and got.chat.chat_id == "anna"
    assert got.person.display_name.startswith("Anna Müller") and len(
        got.person.display_name) == NAME_MAX
    plain = Incoming(Person("console", "bob", "Bob"), Address("console", "bob"), text="/hilfe")
    assert cleaned(plain) is plain


async def test_rows_are_cleaned_and_lengths_kept_on_both_databases(db: Database) -> None:
    async with db.unit() as s:
        s.add(Company(name="Null\x00Firma\x1f", city="Gör\x00litz"))
    async with db.unit() as s:
        row = (await s.exec(select(Company))).first()
        assert row is not None and row.name == "NullFirma" and row.city == "Görlitz"
    with pytest.raises(DomainError) as caught:
        async with db.unit() as s:
            s.add(Company(name="x" * 201))
    assert caught.value.code == "text_too_long" and caught.value.info["max"] == 200
    async with db.unit() as s:
        s.add(Company(name="y" * 200))  # exactly the limit is fine on both


async def test_a_changed_stored_row_is_checked_and_cleaned_too(db: Database) -> None:
    async with db.unit() as s:
        s.add(Company(name="Pragma"))
    async with db.unit() as s:
        row = (await s.exec(select(Company))).one()
        row.city = "Cott\x00bus\x1b"
    async with db.unit() as s:
        row = (await s.exec(select(Company))).one()
        assert row.city == "Cottbus"
    with pytest.raises(DomainError):
        async with db.unit() as s:
            row = (await s.exec(select(Company))).one()
            row.city = "x" * 121
