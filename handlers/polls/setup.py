"""`/umfrage_neu` and `/terminfindung`: the team sets up a poll step by step, previews, sends."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Notice, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.core.format import esc, fmt_dt
from handlers.dates import (
    impossible_in,
    not_understood_text,
    parse_when,
    past_text,
    to_datetime,
    unreadable_text,
)
from handlers.polls import notices
from handlers.polls import texts as t
from handlers.polls.view import card
from storage.polls import audience, roles, service
from storage.polls.models import Poll, PollOption
from storage.polls.service import OptionIn, PollIn

POLL, DATES = "umfrage_neu", "terminfindung"
MAX_QUESTION = 300
DEFAULT_CLOSE = time(23, 59)
DEFAULT_DATE_TIME = time(10)
AUDIENCE = "audience"  # the preview's "Andere Zielgruppe": back to the audience step


def register(router: Router) -> None:
    """Register /umfrage_neu, /terminfindung and their dialogs."""

    def starter(name: str) -> Any:
        async def start(ctx: Ctx) -> None:
            """Start the dialog; `/umfrage_neu FRAGE` takes the question at once."""
            fresh = await router.dialogs.open_title(ctx) is None
            first = len(ctx.replies)
            await router.dialogs.start(ctx, name, {"kind": "dates" if name == DATES else "poll"})
            if fresh and ctx.args:
                del ctx.replies[first:]
                await router.dialogs.on_text(ctx, ctx.args)
        return start

    router.command(POLL, starter(POLL), help=t.HELP_NEW, admin=True, personal=True)
    router.command(DATES, starter(DATES), help=t.HELP_DATES, admin=True, personal=True)
    shared = {
        **audience_steps("closes"),
        "closes": Step(ask_closes, on_text=on_closes),
        "preview": Step(ask_preview, on_press=on_preview),
    }
    router.dialog(Dialog(POLL, t.TITLE_POLL, "question", {
        "question": Step(ask(t.ASK_QUESTION), on_text=on_question),
        "options": Step(ask(t.ASK_OPTIONS), on_text=on_options),
        "mode": Step(ask_pair(t.ASK_MODE, (t.MODE_SINGLE, "single"), (t.MODE_MULTI, "multi")),
                     on_press=keep_flag("multiple", "multi", "privacy")),
        "privacy": Step(ask_pair(t.ASK_PRIVACY, (t.PRIVACY_NAMED, "named"),
                                 (t.PRIVACY_ANON, "anon")),
                        on_press=keep_flag("anonymous", "anon", "company")),
        "company": Step(ask_pair(t.ASK_PER_COMPANY, ("Ja", "ja"), ("Nein", "nein")),
                        on_press=keep_flag("per_company", "ja", "audience")),
        **shared,
    }))
    router.dialog(Dialog(DATES, t.TITLE_DATES, "question", {
        "question": Step(ask(t.ASK_TOPIC), on_text=on_question),
        "options": Step(ask(t.ASK_DATES), on_text=on_dates),
        **shared,
    }))


def ask(question: str) -> Any:
    """Return a step that asks for typed text."""
    async def asker(ctx: Ctx, data: Data) -> None:
        ctx.say(question, [[cancel_button(ctx)]])
    return asker


async def on_question(ctx: Ctx, data: Data, text: str) -> str:
    """Keep the question."""
    value = " ".join(text.split())
    if len(value) > MAX_QUESTION:
        raise UsageError(t.QUESTION_TOO_LONG.format(limit=MAX_QUESTION))
    data["question"] = value
    return "options"


# "1) Podcast", "2. Podcast", "3: Podcast": a number someone put before each line.
_NUMBERED = re.compile(r"\(?(\d{1,2})(?:[.:]\)?\s+|\)\s*)(?=\S)")
# "1. Mai" is a date, not the first answer "Mai".
_MONTH = re.compile(r"(jan|feb|mär|maer|apr|mai|jun|jul|aug|sep|okt|nov|dez)", re.IGNORECASE)


def unnumbered(lines: list[str]) -> list[str]:
    """Drop the numbers 1, 2, 3 … when every line starts with them in order."""
    found = [_NUMBERED.match(x) for x in lines]
    if len(lines) < 2 or not all(m and int(m[1]) == n for n, m in enumerate(found, start=1)):
        return lines
    rest = [x[m.end():] for x, m in zip(lines, found, strict=True) if m]
    if any(m and "." in m[0] and _MONTH.match(r)
           for m, r in zip(found, rest, strict=True)):
        return lines
    return rest


async def on_options(ctx: Ctx, data: Data, text: str) -> str:
    """Read the answers, one per line (bullets and numbers 1, 2, 3 … before them dropped)."""
    labels = [" ".join(line.split()).lstrip("-•* ") for line in text.splitlines()]
    labels = unnumbered([x for x in labels if x])
    service.check_options(labels)
    data["options"] = [{"label": x} for x in labels]
    return "mode"


async def on_dates(ctx: Ctx, data: Data, text: str) -> str:
    """Read the possible dates, one per line, each with parse_when."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    found: list[dict[str, Any]] = []
    for n, (line, bare) in enumerate(zip(lines, unnumbered(lines), strict=True), start=1):
        w = parse_when(line, now=ctx.now)
        if w is None and bare != line:  # "1) Di 14.4. 16 Uhr"; but "1. Mai" is a date
            line, w = bare, parse_when(bare, now=ctx.now)
        if w is None:
            why = impossible_in(line, now=ctx.now)
            raise UsageError(t.DATE_LINE.format(line=n) + why if why else
                             t.DATE_NOT_UNDERSTOOD.format(line=n, text=esc(line)) + "\n"
                             + not_understood_text())
        start = to_datetime(w, default_time=DEFAULT_DATE_TIME, tz=ctx.tz)
        if start <= ctx.now:
            raise UsageError(t.DATE_PAST.format(line=n, text=esc(line)))
        found.append({"label": line[:120], "start": start.isoformat(),
                      "has_time": w.time is not None})
    service.check_options([o["start"] for o in found])
    data["options"] = found
    data.update(multiple=True, anonymous=False, per_company=False)
    return "audience"


def ask_pair(question: str, *answers: tuple[str, str]) -> Any:
    """Return a step that asks `question` with one button per (label, value)."""
    async def asker(ctx: Ctx, data: Data) -> None:
        ctx.say(question, [[choice(ctx, label, value) for label, value in answers],
                           [cancel_button(ctx)]])
    return asker


def keep_flag(name: str, true_value: str, nxt: str) -> Any:
    """Return a press handler that stores `name` (True when `true_value` was pressed)."""
    async def on_press(ctx: Ctx, data: Data, value: str) -> str:
        data[name] = value == true_value
        return nxt
    return on_press


def ask_audience(question: str) -> Any:
    """Return a step that asks who gets the poll (or broadcast): `question`."""
    async def asker(ctx: Ctx, data: Data) -> None:
        ctx.say(question, audience_buttons(ctx))
    return asker


def audience_buttons(ctx: Ctx) -> list[list[Button]]:
    """Return the buttons of the audience step."""
    return [
        [choice(ctx, t.AUDIENCE_ALL, "all")],
        [choice(ctx, label, code) for code, label in t.AUDIENCE_STATE.items()],
        [choice(ctx, t.AUDIENCE_EVENT, "event")], [choice(ctx, t.AUDIENCE_ROLE, "role")],
        [cancel_button(ctx)]]


def audience_steps(nxt: str, question: str = t.ASK_AUDIENCE) -> dict[str, Step]:
    """Return the steps "audience" (asking `question`), "event" (which event's people) and
    "role" (which company role); then step `nxt`."""

    async def on_audience(ctx: Ctx, data: Data, value: str) -> str:
        if value in ("event", "role"):
            return value
        if value != "all" and value not in audience.STATES:
            raise UsageError(question)
        data["audience"] = value
        return nxt

    async def on_event(ctx: Ctx, data: Data, value: str) -> str:
        if value == "back" or not value.isdigit():
            return "audience"
        data["audience"] = audience.event_audience(int(value))
        return nxt

    async def on_role(ctx: Ctx, data: Data, value: str) -> str:
        if value not in roles.ROLES:
            return "audience"
        data["audience"] = roles.role_audience(value)
        return nxt

    return {"audience": Step(ask_audience(question), on_press=on_audience),
            "event": Step(ask_event, on_press=on_event),
            "role": Step(ask_role, on_press=on_role)}


async def ask_role(ctx: Ctx, data: Data) -> None:
    """Offer the company roles, each with how many people stated it."""
    counts = await roles.counts(ctx.s)
    ctx.say(t.ASK_ROLE, [[choice(ctx, t.ROLE_COUNT.format(role=t.ROLES[code],
                                                          n=counts.get(code, 0)), code)]
                         for code in roles.ROLES]
            + [[choice(ctx, t.OTHER_AUDIENCE, "back")], [cancel_button(ctx)]])


async def ask_event(ctx: Ctx, data: Data) -> None:
    """Offer the latest events with people registered."""
    events = await audience.events_with_people(ctx.s)
    if not events:
        ctx.say(t.NO_EVENTS, [[choice(ctx, t.OTHER_AUDIENCE, "back")], [cancel_button(ctx)]])
        return
    ctx.say(t.ASK_EVENT, [[choice(ctx, ev.title[:50], ev.id)] for ev in events]
            + [[cancel_button(ctx)]])


async def ask_closes(ctx: Ctx, data: Data) -> None:
    """Ask until when people can vote."""
    ctx.say(t.ASK_CLOSES, [[cancel_button(ctx)]])


async def on_closes(ctx: Ctx, data: Data, text: str) -> str:
    """Read the closing time with parse_when (no time said: 23:59)."""
    w = parse_when(text, now=ctx.now)
    if w is None:
        raise UsageError(unreadable_text(text, now=ctx.now))
    at = to_datetime(w, default_time=DEFAULT_CLOSE, tz=ctx.tz)
    if at <= ctx.now:
        raise UsageError(past_text(w))
    starts = [datetime.fromisoformat(o["start"]) for o in data["options"] if o.get("start")]
    if starts and at >= min(starts):  # the winner must not be over before the result comes
        raise UsageError(t.CLOSES_AFTER_FIRST_DATE.format(first=fmt_dt(min(starts), ctx.tz)))
    data["closes_at"] = at.isoformat()
    return "preview"


def _poll(data: Data, remind: bool = True) -> PollIn:
    return PollIn(
        kind=data["kind"], question=data["question"],
        options=[OptionIn(o["label"], datetime.fromisoformat(o["start"]) if o.get("start")
                          else None, o.get("has_time", True)) for o in data["options"]],
        multiple=bool(data.get("multiple")), anonymous=bool(data.get("anonymous")),
        per_company=bool(data.get("per_company")), audience=data["audience"],
        closes_at=datetime.fromisoformat(data["closes_at"]), remind=remind)


async def audience_label(ctx: Ctx, code: str) -> str:
    """Return the German name of an audience."""
    if code in t.AUDIENCE_STATE:
        return t.AUDIENCE_STATE[code]
    role = roles.role_of(code)
    if role is not None:
        return t.AUDIENCE_ROLE_NAMED.format(role=t.ROLES[role])
    event_id = audience.event_of(code)
    if event_id is not None:
        title = await audience.event_title(ctx.s, event_id=event_id)
        return t.AUDIENCE_EVENT_NAMED.format(title=esc(title or "?"))
    return t.AUDIENCE_ALL


async def ask_preview(ctx: Ctx, data: Data) -> None:
    """Show the card as members will see it and the number of recipients."""
    p = _poll(data)
    poll = Poll(id=0, kind=p.kind, question=p.question, multiple=p.multiple,
                anonymous=p.anonymous, per_company=p.per_company, audience=p.audience,
                closes_at=p.closes_at, created_at=ctx.now)
    options = [PollOption(id=-n, poll_id=0, position=n, label=o.label, start=o.start,
                          has_time=o.has_time) for n, o in enumerate(p.options, start=1)]
    text, _ = card(poll, options, None, person_id=ctx.person_id, tz=ctx.tz)
    if p.kind != "dates":  # a poll's answers are buttons on the card: list them here
        text += "\n\n" + "\n".join([t.PREVIEW_OPTIONS] + [
            t.OPTION_BUTTON.format(n=o.position, label=esc(o.label)) for o in options])
    count = len(await audience.people(ctx.s, audience=p.audience))
    label = await audience_label(ctx, p.audience)
    remind = service.can_remind(p.closes_at, now=ctx.now)
    sends = [[choice(ctx, t.SEND, "send")]]
    if remind:
        sends.append([choice(ctx, t.SEND_NO_REMIND, "quiet")])
    note = t.REMIND_NOTE if remind else t.NO_REMIND_NOTE
    if not count:  # nobody to send to: the way out is another audience, not "Senden"
        sends, note = [[choice(ctx, t.OTHER_AUDIENCE, AUDIENCE)]], t.NOBODY
    ctx.say(f"{t.PREVIEW}\n\n{text}\n\n"
            + t.RECIPIENTS.format(count=t.people(count), audience=label) + " " + note,
            [*sends, [cancel_button(ctx)]])


async def on_preview(ctx: Ctx, data: Data, value: str) -> str:
    """Store the poll, send its card to every recipient through the outbox, audit it."""
    if value == AUDIENCE:
        return "audience"
    if value not in ("send", "quiet"):
        raise UsageError(t.PREVIEW)
    p = _poll(data, remind=value == "send")
    people = await audience.people(ctx.s, audience=p.audience)
    poll = await service.create(ctx.s, p, recipients=people, created_by=ctx.person_id,
                                now=ctx.now)
    told = await ctx.notify.people(people, Notice(
        kind=notices.CARD, key=f"{notices.CARD}:{poll.id}", params={"poll": poll.id},
        not_after=poll.closes_at, urgent=False))
    ctx.audit("poll_send", poll=poll.id, kind=poll.kind, question=poll.question,
              audience=poll.audience, recipients=told)
    ctx.say(t.SENT.format(count=t.people(told)))
    return END
