"""The catalogue file's typed schema: one pydantic model per section, unknown fields refused.

A new section (or a new field of one) is one line here; every model forbids what it does not
know, so a typo ("titel") is an error with its line instead of a value silently ignored.
Rules that span entries (unique keys, film companies named in `[[companies]]`) are checked
in `validate`, where the lines are known.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=1000)]
# "HH:MM", or empty (no set-up time).
HourMinute = Annotated[str, StringConstraints(pattern=r"^(([01][0-9]|2[0-3]):[0-5][0-9])?$")]
# The 16 German states (ISO 3166-2:DE without "DE-"); the plan's companies are in BB and SN.
# Event fields a catalogue may mark as assumed ("Annahme"): shown "vorläufig" until confirmed.
# "start": the date itself ("Termin folgt"); "time": the day is fixed, the hours are assumed.
ProvisionalField = Literal["start", "time", "capacity", "deadline"]
FairProvisionalField = Literal["days", "setup", "deadline", "capacity_m2"]
SchauReinProvisionalField = Literal["days", "deadline"]
StammtischProvisionalField = Literal["duration"]
State = Literal["BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL",
                "SN", "ST", "TH"]


class Strict(BaseModel):
    """Base of every section: unknown fields are errors, values are not coerced from text."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ContactModel(Strict):
    """A named contact; `admin` is the chat identity (platform:id) told at once."""

    name: Text
    email: str = ""
    phone: str = ""
    admin: str = ""


class ClusterSection(Strict):
    """`[cluster]`: who runs the bot, how many members, whom to contact."""

    name: Text
    long_name: str = ""
    region: str = ""
    max_members: int = Field(ge=1)
    website: str = ""
    # Shown by /termine when nothing is coming up ("Der Plan 2027 folgt im Januar.").
    announcement: LongText = ""
    # Places one company may take at an event with sign-up in the bot (an event may say
    # otherwise with its own `per_company`), so that a few companies cannot fill it alone.
    places_per_company: int = Field(default=3, ge=1)
    team: ContactModel | None = None
    contacts: dict[str, ContactModel] = {}


class CompanyEntry(Strict):
    """`[[companies]]`: a member company named by the plan."""

    key: Key
    name: Text
    city: str | None = None
    state: State | None = None


class EventEntry(Strict):
    """`[[events]]`: one date of the year (intern: sign-up in the bot; extern/info: a link)."""

    key: Key
    title: Text
    start: datetime
    end: datetime | None = None
    date_note: str | None = None
    place: str | None = None
    city: str | None = None
    topic: LongText | None = None
    kind: Literal["intern", "extern", "info"] = "intern"
    capacity: int | None = Field(default=None, ge=1)
    per_company: int | None = Field(default=None, ge=1)  # else [cluster] places_per_company
    deadline: datetime | None = None
    link: str | None = None
    directions: str | None = None
    reminders: list[Annotated[int, Field(ge=0, le=60)]] | None = None
    # Values the plan does not fix (an "Annahme"): shown as "vorläufig" until the team confirms.
    provisional: list[ProvisionalField] = []

    @model_validator(mode="after")
    def _order(self) -> EventEntry:
        if self.end is not None and _naive(self.end) < _naive(self.start):
            raise ValueError("end_before_start")
        if self.deadline is not None and _naive(self.deadline) > _naive(self.start):
            raise ValueError("deadline_after_start")
        return self


class FairEntry(Strict):
    """`[[fairs]]`: a fair with the cluster's joint booth."""

    key: Key
    title: Text
    days: list[date] = Field(min_length=1)
    place: str = ""
    city: str = ""
    setup: HourMinute = ""
    deadline: datetime
    capacity_m2: int = Field(ge=1)
    note: LongText = ""
    # Values the plan does not fix (an "Annahme"): shown as "vorläufig" until the team confirms.
    provisional: list[FairProvisionalField] = []

    @model_validator(mode="after")
    def _days(self) -> FairEntry:
        if list(self.days) != sorted(set(self.days)):
            raise ValueError("days_unsorted")
        if _naive(self.deadline).date() > self.days[0]:
            raise ValueError("deadline_after_start")
        return self


class Labelled(Strict):
    """A key with its German label (support kinds, formats, film groups)."""

    key: Key
    label: Text


class SchauReinSection(Strict):
    """`[schau_rein]`: the week of open companies (one state)."""

    key: Key
    title: Text
    first_day: date
    last_day: date
    state: State
    deadline: datetime
    support: list[Labelled] = []
    # Values the plan does not fix (an "Annahme"): shown as "vorläufig" until the team confirms.
    provisional: list[SchauReinProvisionalField] = []

    @model_validator(mode="after")
    def _week(self) -> SchauReinSection:
        if self.last_day < self.first_day:
            raise ValueError("last_before_first")
        if _naive(self.deadline).date() > self.first_day:
            raise ValueError("deadline_after_start")
        return self


class StammtischSection(Strict):
    """`[stammtisch]`: the recurring online meeting."""

    title: Text = "Stammtisch"
    first: datetime
    every_days: int = Field(default=14, ge=1, le=366)
    duration_minutes: int = Field(default=60, ge=5, le=24 * 60)
    link: str = ""
    about: LongText = ""
    # Values the plan does not fix (an "Annahme"): shown as "vorläufig" until the team confirms.
    provisional: list[StammtischProvisionalField] = []


class MediaDaysSection(Strict):
    """`[media_days]`: the rules of media days."""

    formats: list[Labelled] = []
    min_days_ahead: int = Field(default=7, ge=0)
    per_company_per_year: int = Field(default=1, ge=1)
    visits_per_day: int = Field(default=1, ge=1)
    reminder_days: list[Annotated[int, Field(ge=0, le=60)]] = [7, 1]
    nudge_hour: int = Field(default=9, ge=0, le=23)
    companies_without_date: int = Field(default=0, ge=0)


class FilmSeriesSection(Strict):
    """`[film_series]`: the YouTube series and the companies interested."""

    title: Text = "Berufe mit Zukunft"
    max_films: int = Field(default=8, ge=1)
    interested: list[Key] = []
    groups: list[Labelled] = []


class IdeasSection(Strict):
    """`[ideas]`: the themes members file their ideas under (`/idee`)."""

    themes: list[Labelled] = []


class ChannelEntry(Strict):
    """`[[channels]]`: where members follow, tag or join the cluster (shown by /kanaele)."""

    key: Key
    label: Text
    url: str = ""  # empty: the card says the link follows
    ask: LongText = ""  # what members are asked to do there


class CatalogueFile(Strict):
    """The whole file. Sections the file leaves out are empty (the feature then offers none)."""

    cluster: ClusterSection
    companies: list[CompanyEntry] = []
    events: list[EventEntry] = []
    schau_rein: SchauReinSection | None = None
    fairs: list[FairEntry] = []
    stammtisch: StammtischSection | None = None
    media_days: MediaDaysSection | None = None
    film_series: FilmSeriesSection | None = None
    ideas: IdeasSection | None = None
    channels: list[ChannelEntry] = []


# Entries of these lists must have unique keys (the key links the catalogue to the database).
KEYED_LISTS = ("companies", "events", "fairs")


def _naive(value: datetime) -> datetime:
    """Compare TOML local times and offset times alike (the zone is the cluster's anyway)."""
    return value.replace(tzinfo=None)
