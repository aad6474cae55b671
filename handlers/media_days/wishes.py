"""The wished-days steps of the booking and move dialogs: typed or offered, checked, echoed.

A wished day another company already got is not an error: the person is told so and gets
the next free days as buttons. The team's offered days are shown only where this company
may still wish them (issue 15: a day confirmed for one company once broke every other
company's booking here).
"""

from __future__ import annotations

from datetime import date
from typing import cast

from handlers.core import Ctx, UsageError, cancel_button, choice
from handlers.core.answers import yes_or_no
from handlers.core.dialogs import Data
from handlers.core.format import fmt_date
from handlers.dates import When, parse_when
from handlers.dates import texts as td
from handlers.media_days import texts as t
from handlers.media_days.view import company_of, config, today
from storage.errors import DomainError
from storage.media_days import queries, service
from storage.media_days.rules import MAX_WISHES


def days(values: list[str]) -> list[date]:
    """Turn stored ISO days back into dates."""
    return [date.fromisoformat(v) for v in values]


async def ask_wish(ctx: Ctx, data: Data) -> None:
    """Ask for the next wished day, offering the team's days this company may still wish."""
    company = company_of(ctx)
    wished = days(data["wishes"])
    offered = await queries.open_offers(
        ctx.s, company_id=company.id, state=company.state, today=today(ctx.now, ctx.tz),
        cfg=config(ctx.catalogue), exclude_id=data.get("md_id"), skip=wished,
    )
    text = t.ASK_WISH.format(n=len(wished) + 1, offered=t.OFFERED_HINT if offered else "")
    if wished:
        text += "\n" + t.WISHES_SO_FAR.format(wishes=t.days_text(wished))
    free = [d for d in days(data.get("free", []))
            if d not in offered and d not in wished]  # next free days after a taken one
    rows = [[choice(ctx, fmt_date(d), d.isoformat())] for d in [*offered[:4], *free]]
    if data.get("old_wishes") and not wished:
        keep = t.BTN_KEEP_WISHES.format(days=t.days_text(days(data["old_wishes"])))
        rows.insert(0, [choice(ctx, keep, "keep")])
    last = [choice(ctx, t.BTN_WISHES_DONE, "done")] if wished else []
    ctx.say(text, [*rows, [*last, cancel_button(ctx)]])


async def _taken(ctx: Ctx, data: Data, day: date) -> DomainError | None:
    """Check a wished day: its "taken" refusal (with the next free days), or None if fine.

    Every other refusal is a UsageError with the reason: the dialog asks again.
    """
    company = company_of(ctx)
    try:
        await service.check_wish(
            ctx.s, company_id=company.id, state=company.state, day=day,
            today=today(ctx.now, ctx.tz), cfg=config(ctx.catalogue),
            exclude_id=data.get("md_id"),
        )
    except DomainError as err:
        if err.code == "md_day_taken":
            return err
        raise UsageError(t.rule_text(err)) from None
    if day.isoformat() in data["wishes"]:
        raise UsageError(t.ALREADY_WISHED.format(day=fmt_date(day)))
    return None


def _offer_free(ctx: Ctx, data: Data, taken: DomainError) -> str:
    """Say the day is taken and ask again with the next free days as buttons."""
    ctx.say(t.rule_text(taken))
    data["free"] = [d.isoformat() for d in cast(list[date], taken.info.get("free") or [])]
    return "wish"


async def type_wish(ctx: Ctx, data: Data, text: str) -> str:
    """Understand a typed day, check it, and ask to confirm it."""
    if text.strip().lower().rstrip(".!") in t.DONE_WORDS:
        if not data["wishes"]:
            raise UsageError(t.NEED_WISH)
        return _after_wishes(data)
    when = parse_when(text, now=ctx.now)
    if when is None:
        raise UsageError(td.unreadable_text(text, now=ctx.now))
    taken = await _taken(ctx, data, when.date)
    if taken is not None:
        return _offer_free(ctx, data, taken)
    data["pending"] = when.date.isoformat()
    return "wish_ok"


async def press_wish(ctx: Ctx, data: Data, value: str) -> str:
    """Take an offered day, or go on with the wishes collected."""
    if value == "done":
        return _after_wishes(data)
    if value == "keep":
        return await _keep_wishes(ctx, data)
    taken = await _taken(ctx, data, date.fromisoformat(value))
    if taken is not None:
        return _offer_free(ctx, data, taken)
    return _add_wish(data, value)


async def _keep_wishes(ctx: Ctx, data: Data) -> str:
    """Keep the wished days of the request being changed (each checked again)."""
    for value in data.get("old_wishes", []):
        taken = await _taken(ctx, data, date.fromisoformat(value))
        if taken is not None:
            raise UsageError(t.rule_text(taken))
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
    answer = yes_or_no(text)  # "Ja!", "ja, passt", "nein danke"
    if answer is not None:
        return await press_wish_ok(ctx, data, answer)
    return await type_wish(ctx, data, text)


async def press_wish_ok(ctx: Ctx, data: Data, value: str) -> str:
    """Keep the pending day on yes; ask again on no."""
    pending = data.pop("pending", None)
    if value != "yes" or pending is None:
        return "wish"
    return _add_wish(data, pending)
