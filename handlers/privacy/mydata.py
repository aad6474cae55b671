"""/meinedaten: everything stored about the person, as a JSON file and as readable text."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import FileOut
from handlers.core import Ctx
from handlers.core.format import fmt_date, fmt_dt
from handlers.privacy import texts as t
from storage import privacy

JSON_MIME = "application/json"
TEXT_MIME = "text/plain"


async def my_data(ctx: Ctx) -> None:
    """Send the person everything stored about them (JSON plus a readable text file)."""
    data = await privacy.person_data(ctx.s, person_id=ctx.person_id)
    stamp = ctx.now.astimezone(ctx.tz).strftime("%Y-%m-%d")
    raw = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str)
    ctx.say(t.MYDATA_JSON, file=FileOut(f"meinedaten-{stamp}.json", JSON_MIME,
                                        raw.encode("utf-8")), personal=True)
    ctx.say(t.MYDATA_TEXT, file=FileOut(f"meinedaten-{stamp}.txt", TEXT_MIME,
                                        readable(ctx, data).encode("utf-8")), personal=True)


def readable(ctx: Ctx, data: dict[str, Any]) -> str:
    """Return the data as plain German text: one section per kind of record."""
    lines = [t.MYDATA_TITLE.format(cluster=ctx.catalogue.name),
             t.MYDATA_STAND.format(when=fmt_dt(ctx.now, ctx.tz)), ""]
    tz = ctx.tz
    lines += _section(t.MYDATA_PROFILE, [data.get("profile", {})], tz)
    company = data.get("company")
    lines += _section(t.MYDATA_COMPANY, [company] if company else [], tz,
                      empty=t.MYDATA_NO_COMPANY)
    for table, rows in sorted(data.get("rows", {}).items()):
        lines += _section(t.SECTIONS.get(table, table), rows, tz)
    lines += _section(t.MYDATA_AUDIT, data.get("audit", []), tz)
    return "\n".join(lines).rstrip() + "\n"


def _section(title: str, rows: list[dict[str, Any]], tz: ZoneInfo, *,
             empty: str = t.MYDATA_NOTHING) -> list[str]:
    out = [f"== {title} =="]
    if not rows:
        out.append(empty)
    for n, row in enumerate(rows, start=1):
        if len(rows) > 1:
            out.append(f"-- {n} --")
        out += [f"{t.FIELDS.get(key, key)}: {_value(value, tz)}"
                for key, value in sorted(row.items())]
    return [*out, ""]


_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _value(value: Any, tz: ZoneInfo) -> str:
    """One value as people read it: German words, local times, "ja"/"nein"."""
    if value is None or value == "" or value == {} or value == []:
        return "–"
    if isinstance(value, bool):
        return t.YES if value else t.NO
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    try:  # times are stored in UTC and shown in the cluster's zone, as everywhere in chat
        if _ISO_TIME.fullmatch(text[:16]) and len(text) > 16:
            return fmt_dt(datetime.fromisoformat(text), tz)
        if _ISO_DAY.fullmatch(text):
            return fmt_date(date.fromisoformat(text))
    except ValueError:  # looked like a time but is free text someone typed
        return text
    return t.WORDS.get(text, text)
