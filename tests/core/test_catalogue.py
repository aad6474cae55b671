"""The catalogue: the shipped file is complete, seeding inserts missing entries only."""

from __future__ import annotations

from pathlib import Path

from storage import catalogue as catalogue_store
from storage.catalogue import Catalogue
from storage.db import Database
from storage.members import companies


def test_shipped_catalogue_has_the_plan(catalogue: Catalogue) -> None:
    assert catalogue.name == "Zukunftsmacher" and catalogue.max_members == 30
    names = {c["name"] for c in catalogue.section("companies")}
    assert "Zemmler Siebanlagen GmbH" in names
    titles = " ".join(e["title"] for e in catalogue.section("events"))
    for needle in (
        "Ausbildungs-Marketing",
        "Motor für die Berufsausbildung",
        "Generationendialog Teil 2 – Runde Brandenburg",
        "Generationendialog Teil 2 – Runde Sachsen",
        "Speed Dating",
        "Girls",
    ):
        assert needle in titles
    assert {f["title"] for f in catalogue.section("fairs")} == {
        "Insidertreff", "Oberlausitzer Karrieretage",
    }
    assert catalogue.section("stammtisch")["every_days"] == 14
    assert catalogue.section("schau_rein")["state"] == "SN"
    assert len(catalogue.section("media_days")["formats"]) == 3


async def test_seed_inserts_missing_only(db: Database, catalogue: Catalogue) -> None:
    async with db.unit() as s:
        assert await catalogue_store.seed_companies(s, catalogue) == 11
    async with db.unit() as s:
        assert await catalogue_store.seed_companies(s, catalogue) == 0
        names = [c.name for c in await companies.all_companies(s)]
    assert "Zemmler Siebanlagen GmbH" in names


async def test_another_cluster_runs_on_its_own_file(db: Database, tmp_path: Path) -> None:
    own = tmp_path / "tab_mint.toml"
    own.write_text(
        '[cluster]\nname = "TAB_MINT"\nmax_members = 12\n'
        '[cluster.team]\nname = "Clustermanagement"\nemail = "tab_mint@example.org"\n'
        '[[companies]]\nkey = "a"\nname = "Mechatronik A GmbH"\nstate = "SN"\n',
        encoding="utf-8",
    )
    cat = catalogue_store.load(own)
    assert cat.name == "TAB_MINT" and cat.team.email == "tab_mint@example.org"
    async with db.unit() as s:
        assert await catalogue_store.seed_companies(s, cat) == 1
