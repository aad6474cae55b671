"""The wished-days steps of the booking and move dialogs: typed or offered, checked, echoed."""

from __future__ import annotations

from datetime import date

from handlers import media_days_notify as notify
from handlers.context import Ctx, UsageError
from handlers.dates import When, parse_when
from handlers.dates import texts as td
from handlers.dialogs import Data, cancel_button, choice
from handlers.texts import media_days as t
from handlers.texts.common import fmt_date
from storage import media_days, media_days_queries
from storage.errors import DomainError

MAX_WISHES = media_days.MAX_WISHES


async def ask_wish(ctx: Ctx, data: Data) -> None:
    """Ask for the next wished day, offering the team's free offered days."""
    offered = await _offered(ctx, data)
    text = t.ASK_WISH.format(n=len(data["wishes"]) + 1, offered=t.OFFERED_HINT if offered else "")
    if data["wishes"]:
        text += "\n" + t.WISHES_SO_FAR.format(wishes=t.days_text(days(data["wishes"])))
    free = [d for d in days(data.get("free", [])) if d not in offered
            and d.isoformat() not in data["wishes"]]  # next free days after a taken one
    rows = [[choice(ctx, fmt_date(d), d.isoformat())] for d in [*offered[:4], *free]]
    if data.get("old_wishes") and not data["wishes"]:
        keep = t.BTN_KEEP_WISHES.format(days=t.days_text(days(data["old_wishes"])))
        rows.insert(0, [choice(ctx, keep, "keep")])
    last = [choice(ctx, t.BTN_WISHES_DONE, "done")] if data["wishes"] else []
    ctx.say(text, [*rows, [*last, cancel_button(ctx)]])


async def _offered(ctx: Ctx, data: Data) -> list[date]:
    found = []
    for day in await media_days_queries.offers(ctx.db, since=notify.today(ctx)):
        if day.isoformat() in data["wishes"]:
            continue
        try:
            await _check(ctx, data, day)
        except UsageError:
            continue
        found.append(day)
    return found


class _Taken(Exception):
    """A wished day is taken; carries the refusal and the next free days."""

    def __init__(self, text: str, free: list[date]) -> None:
        super().__init__(text)
        self.text, self.free = text, free


async def _check(ctx: Ctx, data: Data, day: date) -> None:
    assert ctx.company is not None
    try:
        await media_days.check_wish(
            ctx.db, company_id=ctx.company.id, state=ctx.company.state, day=day,  # type: ignore[arg-type]
            today=notify.today(ctx), cfg=notify.config(ctx), exclude_id=data.get("md_id"),
        )
    except DomainError as err:
        if err.code == "md_day_taken":
            raise _Taken(t.rule_text(err), list(err.info.get("free") or [])) from None  # type: ignore[call-overload]
        raise UsageError(t.rule_text(err)) from None
    if day.isoformat() in data["wishes"]:
        raise UsageError(t.ALREADY_WISHED.format(day=fmt_date(day)))


def _offer_free(ctx: Ctx, data: Data, taken: _Taken) -> str:
    """Say the day is taken and ask again with the next free days as buttons."""
    ctx.say(taken.text)
    data["free"] = [d.isoformat() for d in taken.free]
    return "wish"


async def type_wish(ctx: Ctx, data: Data, text: str) -> str:
    """Understand a typed day, check it, and ask to confirm it."""
    if text.strip().lower().rstrip(".!") in t.DONE_WORDS:
        if not data["wishes"]:
            raise UsageError(t.NEED_WISH)
        return _after_wishes(data)
    when = parse_when(text, now=ctx.now)
    if when is None:
        raise UsageError(td.not_understood_text())
    try:
        await _check(ctx, data, when.date)
    except _Taken as taken:
        return _offer_free(ctx, data, taken)
    data["pending"] = when.date.isoformat()
    return "wish_ok"


async def press_wish(ctx: Ctx, data: Data, value: str) -> str:
    """Take an offered day, or go on with the wishes collected."""
    if value == "done":
        return _after_wishes(data)
    if value == "keep":
        return await _keep_wishes(ctx, data)
    try:
        await _check(ctx, data, date.fromisoformat(value))
    except _Taken as taken:
        return _offer_free(ctx, data, taken)
    return _add_wish(data, value)


async def _keep_wishes(ctx: Ctx, data: Data) -> str:
    """Keep the wished days of the request being changed (each checked again)."""
    for value in data.get("old_wishes", []):
        try:
            await _check(ctx, data, date.fromisoformat(value))
        except _Taken as taken:
            raise UsageError(taken.text) from None
        data["wishes"] = [*data["wishes"], value]
    return _after_wishes(data)


def _add_wish(data: Data, value: str) -> str:
    data["wishes"] = [*data["wishes"], value]
    data.pop("free", None)
    return _after_wishes(data) if len(data["wishes"]) >= MAX_WISHES else "wish"


def _after_wishes(data: Data) -> str:
    if not data["wishes"]:
        return "wish"
    return "summary" if "formats" not in data else "contact"


async def ask_wish_ok(ctx: Ctx, data: Data) -> None:
    """Echo the understood day and ask yes or no."""
    day = date.fromisoformat(data["pending"])
    ctx.say(td.confirm_text(When(day)),
            [[choice(ctx, td.CONFIRM_LABELS[0], "yes"), choice(ctx, td.CONFIRM_LABELS[1], "no")]])


async def type_yes_no(ctx: Ctx, data: Data, text: str) -> str:
    """Accept a typed "ja"/"nein" (or a new date instead)."""
    word = text.strip().lower().rstrip(".!")
    if word in t.YES_WORDS:
        return await press_wish_ok(ctx, data, "yes")
    if word in t.NO_WORDS:
        return await press_wish_ok(ctx, data, "no")
    return await type_wish(ctx, data, text)


async def press_wish_ok(ctx: Ctx, data: Data, value: str) -> str:
    """Keep the pending day on yes; ask again on no."""
    pending = data.pop("pending", None)
    if value != "yes" or pending is None:
        return "wish"
    return _add_wish(data, pending)


def days(values: list[str]) -> list[date]:
    """Turn stored ISO days back into dates."""
    return [date.fromisoformat(v) for v in values]
