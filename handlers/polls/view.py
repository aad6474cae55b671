"""What people read: the poll card with its vote buttons, the result, the team's counts."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.chat import Button
from handlers.core.format import esc, fmt_dt
from handlers.polls import texts as t
from handlers.polls.actions import Vote
from storage.polls.models import ANSWERS, Poll, PollBallot, PollOption
from storage.polls.queries import Tally
from storage.polls.service import CHOSEN

Rows = list[list[Button]]


def option_label(o: PollOption, tz: ZoneInfo) -> str:
    """Return how an option reads (a date finding's option as a German date)."""
    if o.start is None:
        return o.label
    shown = fmt_dt(o.start, tz)
    return shown if o.has_time else shown.rsplit(",", 1)[0]


def flags(poll: Poll) -> str:
    """Return the line that says how the poll is answered."""
    parts = [] if poll.kind == "dates" else [
        t.CARD_FLAGS_MULTI if poll.multiple else t.CARD_FLAGS_SINGLE]
    parts.append(t.CARD_FLAG_ANON if poll.anonymous else t.CARD_FLAG_NAMED)
    if poll.per_company:
        parts.append(t.CARD_FLAG_COMPANY)
    return " · ".join(parts)


def card(poll: Poll, options: list[PollOption], ballot: PollBallot | None, *, person_id: int,
         tz: ZoneInfo, closed: bool = False, header: str = "") -> tuple[str, Rows]:
    """Return the card a member votes on (their choice marked) and its buttons."""
    q = esc(poll.question)
    lines = [header] if header else []
    lines += [(t.CARD_DATES if poll.kind == "dates" else t.CARD_POLL).format(question=q),
              flags(poll)]
    lines.append((t.CARD_CLOSED if closed else t.CARD_UNTIL).format(
        closes=fmt_dt(poll.closes_at, tz)))
    chosen = dict(ballot.choices) if ballot else {}
    rows: Rows = []
    if poll.kind == "dates":
        lines.append("")
        for n, o in enumerate(options, start=1):
            answer = chosen.get(str(o.id))
            lines.append(t.CARD_DATE_LINE.format(
                n=n, label=esc(option_label(o, tz)),
                answer=t.ANSWER_LABELS.get(answer or "", t.NO_ANSWER)))
            if not closed:
                rows.append([_button(f"{n}. {t.ANSWER_BUTTONS[a]}", a == answer,
                                     Vote(poll.id, o.id, a)) for a in ANSWERS])
        return "\n".join(lines), rows
    picked = [esc(o.label) for o in options if str(o.id) in chosen]
    foreign = ballot is not None and ballot.person_id != person_id
    if foreign:
        lines.append(t.CARD_COMPANY_VOTED.format(choice=", ".join(picked)))
    elif picked:
        lines.append(t.CARD_VOTED.format(choice=", ".join(picked)))
    elif ballot is not None:
        lines.append(t.CARD_VOTED_NONE)
    elif not closed:
        lines.append(t.CARD_NOT_VOTED)
    if not closed and not foreign:
        rows = [[_button(t.OPTION_BUTTON.format(n=n, label=o.label), str(o.id) in chosen,
                         Vote(poll.id, o.id, CHOSEN))] for n, o in enumerate(options, start=1)]
    return "\n".join(lines), rows


def _button(label: str, chosen: bool, action: Vote) -> Button:
    return Button(id=action.encode(), label=(t.CHOSEN_MARK + label) if chosen else label)


def result_text(tally: Tally, tz: ZoneInfo) -> str:
    """Return the result everybody asked gets at closing."""
    poll = tally.poll
    q = esc(poll.question)
    lines = [(t.RESULT_HEAD_DATES if poll.kind == "dates" else t.RESULT_HEAD_POLL).format(
        question=q), t.RESULT_TURNOUT.format(answered=tally.answered, asked=(
            t.companies if poll.per_company else t.people)(tally.asked))]
    if tally.answered == 0:
        lines.append(t.RESULT_NONE)
        return "\n".join(lines)
    lines.append("")
    lines += counts_lines(tally, tz, ranked=True)
    if poll.kind == "dates":
        best = tally.winner()
        lines += ["", t.RESULT_NO_WINNER if best is None
                  else t.RESULT_WINNER.format(label=esc(option_label(best, tz)))]
    return "\n".join(lines)


def counts_lines(tally: Tally, tz: ZoneInfo, *, ranked: bool = False) -> list[str]:
    """Return one line per option with its counts (date findings ranked, Ja then Vielleicht)."""
    if tally.poll.kind == "dates":
        opts = tally.ranked() if ranked else tally.options
        return [t.RESULT_DATE_LINE.format(
            rank=n, label=esc(option_label(o, tz)), ja=tally.count(o.id, "ja"),
            vielleicht=tally.count(o.id, "vielleicht"), nein=tally.count(o.id, "nein"))
            for n, o in enumerate(opts, start=1)]
    total = max(tally.answered, 1)
    return [t.RESULT_LINE.format(label=esc(o.label), votes=t.votes(tally.count(o.id, CHOSEN)),
                                 pct=round(100 * tally.count(o.id, CHOSEN) / total))
            for o in tally.options]
