"""Two bot processes on one database: the one that did not apply the plan follows within
REFRESH (its clock moved), and a preview made before another apply is refused as stale."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.app import App, build_app
from bot.chat import Address, Attachment, Incoming, Person, Reply
from bot.clock import ManualClock
from bot.settings import Settings
from handlers.catalogue.follow import REFRESH
from storage.db import Database
from tests.catalogue.helpers import EXAMPLE_2027, PLAN_2026

DEC = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def said(who: str, text: str | None = None, *, press: str | None = None,
         file: Attachment | None = None) -> Incoming:
    return Incoming(Person("console", who, who), Address("console", who), text=text,
                    press=press, attachment=file)


def plan_file(text: str, name: str = "plan.toml") -> Attachment:
    data = text.encode()
    return Attachment(name, "application/toml", data, len(data))


def pressed(replies: list[Reply], label: str) -> str:
    return next(b.id for r in replies for b in r.flat_buttons() if b.label == label)


def joined(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


async def start(db: Database) -> App:
    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        database_url=db.url.render_as_string(hide_password=False),
                        admins="console:chef")
    return await build_app(settings, clock=ManualClock(DEC))


async def test_the_other_process_follows_and_a_stale_preview_is_refused(db: Database) -> None:
    a, b = await start(db), await start(db)
    try:
        assert "Jahresplan folgt" in joined(await b.handle(said("anna", "/termine")))
        # Both processes preview; A applies first.
        text_2027 = EXAMPLE_2027.read_text(encoding="utf-8")
        preview_a = await a.handle(said("chef", file=plan_file(text_2027)))
        other = text_2027.replace('title = "Netzwerktreffen im Frühjahr"',
                                  'title = "Frühjahrstreffen"')
        preview_b = await b.handle(said("chef", file=plan_file(other)))
        done = await a.handle(said("chef", press=pressed(preview_a, "Übernehmen")))
        assert "gilt ab jetzt" in joined(done)
        assert "4. März 2027" in joined(await a.handle(said("anna", "/termine")))

        # The rows are shared at once; what lives in the catalogue alone (the Stammtisch
        # series) follows in B once REFRESH has passed since B last looked.
        assert "4. März 2027" in joined(await b.handle(said("anna", "/termine")))
        series = joined(await b.handle(said("chef", "/stammtisch")))
        assert b.catalogue.version is None and "14. Januar 2027" not in series
        await b.advance(DEC + REFRESH + timedelta(seconds=1))
        series = joined(await b.handle(said("chef", "/stammtisch")))
        assert b.catalogue.version == a.catalogue.version is not None
        assert "14. Januar 2027" in series, series

        # ... and its preview was made against the old plan: applying it is refused.
        stale = await b.handle(said("chef", press=pressed(preview_b, "Übernehmen")))
        assert "Inzwischen gilt ein anderer Jahresplan" in joined(stale)
        assert "Frühjahrstreffen" not in joined(await b.handle(said("anna", "/termine")))
    finally:
        await a.stop()
        await b.stop()


async def test_a_restart_runs_on_the_applied_version_not_the_file(db: Database) -> None:
    app = await start(db)
    try:
        plan = plan_file(PLAN_2026.read_text(encoding="utf-8").replace(
            'name = "Zukunftsmacher"', 'name = "Zukunftsmacher"\nannouncement = "Der Plan 2027 '
            'kommt im Januar."', 1))
        preview = await app.handle(said("chef", file=plan))
        await app.handle(said("chef", press=pressed(preview, "Übernehmen")))
    finally:
        await app.stop()
    again = await start(db)
    try:
        assert again.catalogue.version is not None
        answer = joined(await again.handle(said("anna", "/termine")))
        assert "Vom Clusterteam:" in answer and "Der Plan 2027 kommt im Januar." in answer
    finally:
        await again.stop()


