"""The preview of a new catalogue: what is new, changed, removed, kept, and who is told."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from handlers.catalogue import texts as t
from handlers.core.format import esc, plural
from storage.catalogue import Problem
from storage.catalogue.changes import EntryChange, FieldChange, Plan
from storage.catalogue.changes.merge import KEPT_BOOKED

ORDER = ("event", "fair", "schau_rein")
WORDS = {"event": t.REGISTRATIONS, "fair": t.REQUESTS, "schau_rein": t.SIGNUPS}


def invalid_text(name: str, problems: list[Problem]) -> str:
    """Return the German list of what is wrong with a file (the first few, then a count)."""
    shown = problems[:t.PROBLEM_LIMIT]
    lines = [t.INVALID_HEAD.format(name=esc(name), n=_problems(len(problems)))]
    lines += [f"• {t.problem_text(p)}" for p in shown]
    if len(problems) > len(shown):
        lines.append(t.INVALID_MORE.format(n=len(problems) - len(shown)))
    lines.append(t.INVALID_TAIL)
    return "\n".join(lines)


def preview_text(plan: Plan, name: str, tz: ZoneInfo) -> str:
    """Return the preview of a plan (sections only where something happens)."""
    if plan.empty:
        return t.PREVIEW_NOTHING.format(name=esc(name))
    parts = [t.PREVIEW_HEAD.format(name=esc(name))]
    sections = [
        (t.H_NEW, [_new(e, tz) for k in ORDER for e in plan.of(k, "new")] + _series_new(plan, tz)),
        (t.H_CHANGED, [_changed(e, tz) for k in ORDER for e in plan.of(k, "changed")]
         + _series_changed(plan, tz)),
        (t.H_REMOVED, [_removed(e, tz) for k in ORDER for e in plan.of(k, "removed")]),
        (t.H_KEPT, [_kept(e, tz) for k in ORDER for e in plan.of(k, "kept")]
         + [_kept(e, tz) for k in ORDER for e in plan.of(k, "changed") if e.kept]
         + _series_kept(plan)),
        (t.H_CONFLICT, [_conflict(e, tz) for k in ORDER for e in plan.of(k, "conflict")]),
        (t.H_COMPANIES, _companies(plan, tz)),
        (t.H_SETTINGS, [t.SETTING_LINE.format(
            section=esc(c.section), name=esc(c.name), old=t.value_text(c.old, tz),
            new=t.value_text(c.new, tz)) for c in plan.settings]),
    ]
    for head, lines in sections:
        if lines:
            parts.append("\n".join([head, *_limited(lines)]))
    past = plan.of("event", "past") + plan.of("fair", "past")
    if past:
        parts.append(t.PAST.format(n=len(past)))
    removed = [e for k in ORDER for e in plan.of(k, "removed")]
    if removed:  # "removed" means still ahead: past ones are kept as history
        hit = sum(e.told for e in removed)
        parts.append(t.REMOVED_WARNING.format(
            dates=plural(len(removed), "Datum ist", "Daten sind"),
            told=t.REMOVED_WARNING_TOLD.format(n=hit) if hit else ""))
    told = plan.told
    parts.append(t.PREVIEW_TOLD.format(n=told) if told else t.PREVIEW_NOBODY)
    parts.append(t.PREVIEW_ASK)
    return "\n\n".join(parts)


def _new(e: EntryChange, tz: ZoneInfo) -> str:
    when = t.when_text(e.when, tz)
    if when:
        when += t.assumed_mark(e.kind, t.WHEN_FIELD.get(e.kind, ""), e.provisional)
    return t.NEW_LINE.format(kind=t.KIND[e.kind], title=esc(e.title), when=when)


def _changed(e: EntryChange, tz: ZoneInfo) -> str:
    fields = "; ".join(_field(f, tz, kind=e.kind, assumed=e.provisional) for f in e.applied)
    return t.CHANGED_LINE.format(kind=t.KIND[e.kind], title=esc(e.title), fields=fields,
                                 told=_told(e))


def _removed(e: EntryChange, tz: ZoneInfo) -> str:
    return t.REMOVED_LINE.format(kind=t.KIND[e.kind], title=esc(e.title),
                                 when=t.when_text(e.when, tz), told=_told(e))


def _kept(e: EntryChange, tz: ZoneInfo) -> str:
    fields = "; ".join(_field(f, tz) for f in e.kept)
    return t.KEPT_LINE.format(kind=t.KIND[e.kind], title=esc(e.title), fields=fields)


def _conflict(e: EntryChange, tz: ZoneInfo) -> str:
    fields = "; ".join(_field(f, tz) for f in e.applied)
    return t.CONFLICT_LINE.format(kind=t.KIND[e.kind], title=esc(e.title), fields=fields)


def _told(e: EntryChange) -> str:
    """" – 12 Anmeldungen werden benachrichtigt", or how many it has when nobody is told."""
    words = WORDS.get(e.kind, t.REGISTRATIONS)
    if e.told:
        return t.told(e.told, words)
    return t.AFFECTED_SILENT.format(n=t.count(e.affected, words)) if e.affected else ""


def _field(f: FieldChange, tz: ZoneInfo, *, kind: str = "",
           assumed: list[str] | None = None) -> str:
    """One field's change; the new value marked "vorläufig" when the new plan assumes it."""
    name = t.FIELD_NAMES.get(f.name, f.name)
    old, new = t.value_text(f.old, tz), t.value_text(f.new, tz)
    if assumed and new != t.EMPTY_VALUE:
        new += t.assumed_mark(kind, f.name, assumed)
    if f.kept == KEPT_BOOKED:
        return t.FIELD_KEPT_BOOKED.format(old=old, new=new, booked=f.booked)
    if f.kept:
        return t.FIELD_KEPT_CHAT.format(name=name, old=old, new=new)
    return t.FIELD_CHANGE.format(name=name, old=old, new=new)


def _series_new(plan: Plan, tz: ZoneInfo) -> list[str]:
    c = plan.stammtisch
    if c is None or c.what != "new" or not c.after:
        return []
    return [t.STAMMTISCH_NEW.format(title="Stammtisch",
                                    first=t.meeting_dates([m.start for m in c.after], tz))
            + t.stammtisch_duration(c.minutes, c.provisional)]


def _series_changed(plan: Plan, tz: ZoneInfo) -> list[str]:
    c = plan.stammtisch
    if c is None or c.what != "changed":
        return []
    told = t.told(c.told, t.SUBSCRIBERS) if c.told else ""
    return [t.STAMMTISCH_CHANGED.format(
        after=t.meeting_dates([m.start for m in c.after], tz),
        before=t.meeting_dates([m.start for m in c.before], tz),
        told=t.stammtisch_duration(c.minutes, c.provisional) + told)]


def _series_kept(plan: Plan) -> list[str]:
    c = plan.stammtisch
    if c is None or not c.kept:
        return []
    what = " und ".join(t.STAMMTISCH_KEPT_WHAT[k] for k in c.kept)
    return [t.STAMMTISCH_KEPT.format(what=what)]


def _companies(plan: Plan, tz: ZoneInfo) -> list[str]:
    lines = [_new(e, tz) for e in plan.of("company", "new")]
    lines += [_changed(e, tz) for e in plan.of("company", "changed")]
    lines += [_kept(e, tz) for e in plan.of("company", "kept")]
    lines += [_kept(e, tz) for e in plan.of("company", "changed") if e.kept]
    unlisted = plan.of("company", "unlisted")
    if unlisted:
        lines.append(t.UNLISTED.format(names=", ".join(esc(e.title) for e in unlisted)))
    return lines


def _limited(lines: list[str]) -> list[str]:
    if len(lines) <= t.SECTION_LIMIT:
        return lines
    return [*lines[:t.SECTION_LIMIT], t.SECTION_MORE.format(n=len(lines) - t.SECTION_LIMIT)]


def _problems(n: int) -> str:
    return "1 Problem" if n == 1 else f"{n} Probleme"
