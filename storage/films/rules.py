"""Rules of the film series: the catalogue's groups, one company per group, at most N films."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, func, select

from storage.catalogue import Catalogue
from storage.db import Session
from storage.errors import DomainError
from storage.films.models import FilmInterest


@dataclass(frozen=True)
class FilmConfig:
    """The catalogue's [film_series] section."""

    title: str
    max_films: int
    groups: dict[str, str]
    interested: tuple[str, ...]

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> FilmConfig:
        """Read the [film_series] section."""
        raw = catalogue.section("film_series")
        return cls(
            title=raw.get("title", "Berufe mit Zukunft"),
            max_films=int(raw.get("max_films", 8)),
            groups={g["key"]: g["label"] for g in raw.get("groups", [])},
            interested=tuple(raw.get("interested", ())),
        )

    def label(self, group_key: str | None) -> str:
        """Return the German label of a group (its key when the catalogue no longer has it)."""
        return self.groups.get(group_key or "", group_key or "")


async def check_group(s: Session, group_key: str, own_id: int | None, cfg: FilmConfig) -> None:
    """Refuse a group that is unknown, held by another company, or beyond the last film."""
    if group_key not in cfg.groups:
        raise DomainError("film_bad_group", group=group_key)
    holder = (await s.exec(
        select(FilmInterest).where(FilmInterest.group_key == group_key)
    )).first()
    if holder is not None and holder.id != own_id:
        raise DomainError("film_group_taken", group=cfg.groups[group_key])
    q = select(func.count()).select_from(FilmInterest).where(
        col(FilmInterest.group_key).is_not(None))
    if own_id is not None:
        q = q.where(FilmInterest.id != own_id)
    if (await s.exec(q)).one() >= cfg.max_films:
        raise DomainError("film_full", max=cfg.max_films)
