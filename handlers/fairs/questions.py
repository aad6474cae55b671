"""The questions of the /messe dialog: day(s), staff, equipment, space, professions, activity."""

from __future__ import annotations

import math
import re
from datetime import date

from handlers.core import Ctx, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.fairs import texts as t

NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
# "3 x 2 m" is a booth of 3 by 2 metres, i.e. 6 m² (not 3).
PRODUCT = re.compile(r"(\d+(?:[.,]\d+)?)\s*m?\s*[x×*]\s*(\d+(?:[.,]\d+)?)", re.I)
MAX_STAFF = 30
MAX_TEXT = 500


async def ask_days(ctx: Ctx, data: Data) -> None:
    """Ask which fair day(s)."""
    days = [date.fromisoformat(d) for d in data["fair_days"]]
    rows = [[choice(ctx, t.days_text([d]), d.isoformat())] for d in days]
    ctx.say(t.ASK_DAYS, [*rows, [choice(ctx, t.ALL_DAYS, "all")], [cancel_button(ctx)]])


async def on_days(ctx: Ctx, data: Data, value: str) -> str:
    """Remember the day(s)."""
    if value != "all" and value not in data["fair_days"]:
        raise UsageError(t.BAD_DAYS)
    data["days"] = list(data["fair_days"]) if value == "all" else [value]
    return "staff"


async def ask_staff(ctx: Ctx, data: Data) -> None:
    """Ask how many people staff the booth."""
    ctx.say(t.ASK_STAFF, [[cancel_button(ctx)]])


async def on_staff(ctx: Ctx, data: Data, text: str) -> str:
    """Remember the number of staff."""
    found = NUMBER.search(text)
    number = _number(found.group()) if found else 0.0
    staff = int(number)
    if staff != number or not 1 <= staff <= MAX_STAFF:  # "2,5" or "-2" people: ask again
        raise UsageError(t.BAD_STAFF)
    data["staff"] = staff
    return "equipment"


async def ask_equipment(ctx: Ctx, data: Data) -> None:
    """Offer table, wall and power as toggles."""
    chosen = data.get("equipment", [])
    rows = [[choice(ctx, f"{'✅ ' if attr in chosen else ''}{label}", attr)]
            for attr, label in t.EQUIPMENT.items()]
    ctx.say(t.ASK_EQUIPMENT, [*rows, [choice(ctx, t.NEXT_LABEL, "next")], [cancel_button(ctx)]])


async def on_equipment(ctx: Ctx, data: Data, value: str) -> str:
    """Toggle one item, or go on."""
    if value == "next":
        return "area"
    chosen = set(data.get("equipment", []))
    chosen ^= {value} if value in t.EQUIPMENT else set()
    data["equipment"] = sorted(chosen)
    return "equipment"


async def ask_area(ctx: Ctx, data: Data) -> None:
    """Ask for the estimated floor space."""
    ctx.say(t.ASK_AREA, [[cancel_button(ctx)]])


async def on_area(ctx: Ctx, data: Data, text: str) -> str:
    """Remember the space in whole m² (rounded up, so planning never runs short)."""
    product = PRODUCT.search(text)
    found = NUMBER.search(text)
    if product:
        number = _number(product.group(1)) * _number(product.group(2))
    else:
        number = _number(found.group()) if found else 0.0
    area = math.ceil(number)
    if not 1 <= area <= data["capacity"]:
        raise UsageError(t.BAD_AREA.format(max=data["capacity"]))
    data["area"] = area
    return "confirm" if data.pop("fix_area", False) else "professions"


async def ask_professions(ctx: Ctx, data: Data) -> None:
    """Ask which professions are shown."""
    ctx.say(t.ASK_PROFESSIONS, [[cancel_button(ctx)]])


async def on_professions(ctx: Ctx, data: Data, text: str) -> str:
    """Remember the professions."""
    data["professions"] = _short(text)
    return "activity"


async def ask_activity(ctx: Ctx, data: Data) -> None:
    """Ask for a hands-on activity idea."""
    ctx.say(t.ASK_ACTIVITY, [[choice(ctx, t.NO_IDEA_LABEL, "-")], [cancel_button(ctx)]])


async def on_activity(ctx: Ctx, data: Data, text: str) -> str:
    """Remember the activity idea (or none yet)."""
    data["activity"] = "" if text == "-" else _short(text)
    return "confirm"


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise UsageError(t.TOO_LONG.format(max=MAX_TEXT))
    return text


STEPS = {
    "days": Step(ask_days, on_press=on_days),
    "staff": Step(ask_staff, on_text=on_staff, expects="number"),
    "equipment": Step(ask_equipment, on_press=on_equipment),
    "area": Step(ask_area, on_text=on_area, expects="number"),
    "professions": Step(ask_professions, on_text=on_professions),
    "activity": Step(ask_activity, on_text=on_activity, on_press=on_activity),
}
