"""The router: what features register, and one update handled in one unit of work.

`handle()` opens one transaction per update: the sender (with company and open dialog) is
read in one query, the command, button or dialog answer runs with that session, and its
change, audit rows and planned notices commit together; a UsageError or DomainError rolls all
of it back and the person gets the German answer instead. After the commit the scheduler is
woken once if anything was planned.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from bot.chat import Attachment, Incoming, Reply
from handlers.core import texts as t
from handlers.core.actions import SEP, Action, ActionCodec
from handlers.core.answers import is_cancel, small_talk
from handlers.core.context import Ctx, Services, UsageError
from handlers.core.dialogs import CancelDialog, Choice, Dialog, Dialogs
from handlers.core.exports import Exports
from handlers.core.format import esc
from handlers.core.incoming import cleaned
from handlers.core.limits import RateLimiter
from handlers.core.notify import Notices, Notify, RenderCtx
from handlers.core.overview import Overview
from handlers.core.replies import sealed, signed
from storage import audit, chat
from storage.catalogue import Catalogue, seed_companies
from storage.db import Session
from storage.errors import DomainError
from storage.locks import advisory_lock
from storage.members.models import Person
from storage.outbox import OutboxMessage

log = logging.getLogger(__name__)
A = TypeVar("A", bound=Action)
HandlerFn = Callable[[Ctx], Awaitable[None]]
ActionFn = Callable[[Ctx, Any], Awaitable[None]]
ErrorText = Callable[[DomainError], str]
Seeder = Callable[[Session, Catalogue], Awaitable[int]]
FileFn = Callable[[Ctx, Attachment], Awaitable[None]]
Refresher = Callable[[], Awaitable[None]]
MAX_INPUT = 2000


@dataclass(frozen=True)
class Command:
    """A registered command."""

    name: str
    func: HandlerFn
    help: str
    admin: bool = False
    linked: bool = False
    personal: bool = False
    hidden: bool = False
    private: bool = False


@dataclass(frozen=True)
class Registered:
    """A registered button action (linked: only for members of a company and admins)."""

    func: ActionFn
    admin: bool = False
    linked: bool = True
    writes: bool = False


@dataclass
class JobCtx:
    """What a scheduled job sees: its own unit of work, the time, and a way to notify."""

    services: Services
    s: Session
    now: datetime
    notify: Notify


Job = Callable[[JobCtx], Awaitable[None]]


class _Refused(Exception):
    """Leaves the unit of work (rolling it back) with the German answer for the person."""

    def __init__(self, ctx: Ctx, message: str) -> None:
        super().__init__(message)
        self.ctx = ctx
        self.message = message


class Router:
    """Holds what features registered and turns one Incoming into replies."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.dialogs = Dialogs(self.explain)
        self.codec = ActionCodec()
        self.exports = Exports()  # features: router.exports.add("kind", "Label", producer)
        self.overview = Overview()  # features: router.overview.add(section) for /meine
        self.notices = Notices()  # features: router.notices.add(kind, renderer, switch=...)
        self.jobs: list[Job] = []  # run before each delivery, each in its own unit of work
        # Catalogue entries inserted at start when missing; the companies first, as features
        # link their entries to them.
        self.seeders: list[Seeder] = [seed_companies]
        # async fn(ctx, text) -> handled?: tried for plain text outside dialogs (a bare code)
        self.text_fallbacks: list[Callable[[Ctx, str], Awaitable[bool]]] = []
        # Run before every update and job round, outside its unit of work; each decides
        # itself how often to look (the catalogue: is another one in force now?). Never raise.
        self.refreshers: list[Refresher] = []
        self._file: Registered | None = None
        self._commands: dict[str, Command] = {}
        self._aliases: dict[str, str] = {}
        self._actions: dict[str, Registered] = {}
        self._errors: dict[str, ErrorText] = {}
        self.codec.add(Choice)
        self.codec.add(CancelDialog)
        self.domain_errors({"text_too_long": lambda e: t.FIELD_TOO_LONG.format(max=e.info["max"])})
        self.rate = RateLimiter(services.limits.messages_per_minute)

    # -- registration --------------------------------------------------------------------
    def command(self, name: str, func: HandlerFn, *, help: str, admin: bool = False,
                linked: bool = True, public: bool = False, personal: bool = False,
                private: bool = False, hidden: bool = False,
                aliases: tuple[str, ...] = ()) -> None:
        """Register `/name` (help: one German line for /hilfe).

        Everything is for members of a company (and admins) unless `public=True`: people
        without a company may use only public commands (/start, /hilfe, /termine, ...).
        personal: a dialog, started only in a private chat (a group is told to go private).
        private: the answer is about the person or the team; asked in a group it goes to
        the person privately. Admin commands are always private.
        """
        members_only = linked and not public
        self._commands[name] = Command(name, func, help, admin, members_only, personal, hidden,
                                       private or admin)
        for alias in aliases:
            self._aliases[alias] = name

    def on(self, kind: type[A], func: Callable[[Ctx, A], Awaitable[None]], *,
           admin: bool = False, linked: bool = True, public: bool = False,
           writes: bool = False) -> None:
        """Register the handler of a button action class (members only unless public).

        writes: pressing it always changes something (a vote). On SQLite such an update
        queues for the write lock at once: as an optimistic unit it would nearly always lose
        the race to another writer under load and run twice.
        """
        self.codec.add(kind)
        self._actions[kind.name] = Registered(func, admin, linked and not public, writes)

    def on_file(self, func: FileFn, *, admin: bool = False) -> None:
        """Register what happens with a file someone sends in a private chat (one handler)."""
        self._file = Registered(func, admin)

    def dialog(self, dialog: Dialog) -> None:
        """Register a multi-step dialog."""
        self.dialogs.add(dialog)

    def domain_errors(self, messages: dict[str, ErrorText]) -> None:
        """Register German messages for storage DomainError codes."""
        self._errors.update(messages)

    def error_codes(self) -> frozenset[str]:
        """Return the DomainError codes that have a German message."""
        return frozenset(self._errors)

    def visible_commands(self, *, admin: bool, linked: bool) -> list[Command]:
        """Return the commands a person may use, in registration order."""
        return [
            c for c in self._commands.values()
            if not c.hidden and (admin or not c.admin) and (linked or admin or not c.linked)
        ]

    # -- one update ----------------------------------------------------------------------
    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one update in one unit of work and return the replies; never raises.

        On SQLite the update first runs as an optimistic unit (readers side by side); if it
        lost a race for the write lock, nothing of it was kept and it runs again, queued.
        """
        incoming = cleaned(incoming)
        slow = self._too_fast(incoming)
        if slow is not None:
            return slow
        text = incoming.text or ""
        if len(text) > MAX_INPUT:
            return [Reply(t.TOO_LONG.format(limit=MAX_INPUT))]
        return await self._handle(incoming, self._dispatch)

    async def _handle(self, incoming: Incoming, dispatch: HandlerFn) -> list[Reply]:
        await self.refresh()
        db = self.services.db
        try:
            try:
                optimistic = db.is_sqlite and not self._writes(incoming)
                replies, planned = await self._attempt(incoming, dispatch,
                                                       optimistic=optimistic)
            except Exception as exc:
                if not (db.is_sqlite and db.is_busy(exc)):
                    raise
                replies, planned = await self._attempt(incoming, dispatch, optimistic=False)
        except Exception:
            log.exception("handler failed: person=%s text=%r press=%r",
                          incoming.person.key, incoming.text, incoming.press)
            return [Reply(t.ERROR)]
        if planned and self.services.wake is not None:
            await self.services.wake()
        return replies

    def _writes(self, incoming: Incoming) -> bool:
        """Tell whether the update presses a button registered as always writing."""
        if incoming.press is None:
            return False
        raw = self.services.signer.verify(incoming.person.key, incoming.press)
        found = None if raw is None else self._actions.get(raw.split(SEP, 1)[0])
        return found is not None and found.writes

    def _too_fast(self, incoming: Incoming) -> list[Reply] | None:
        """Return the answer to a person over the message limit (told once), else None."""
        key = incoming.person.key
        if key in self.services.admin_keys:  # the team is trusted (imports, bulk changes)
            return None
        allowed = self.rate.take(key, self.services.clock.now())
        if allowed:
            return None
        log.info("rate limit: %s refused", key)
        if allowed is None or incoming.is_group:  # a flood gets one answer, a group none
            return []
        return [Reply(t.slow_down(self.services.limits.messages_per_minute))]

    async def run_as(self, incoming: Incoming, func: HandlerFn, *, name: str,
                     admin: bool = True) -> list[Reply]:
        """Run `func` for a person outside chat (the web desk) exactly as an update runs.

        Same unit of work, role check (refused and audited like a chat command), audit rows,
        planned notices and German answers for a DomainError; the replies are what chat would
        have shown. `incoming` names the person and their private chat, so nothing changes.
        """
        async def run(ctx: Ctx) -> None:
            if await self._allowed(ctx, name, admin=admin, linked=False):
                await func(ctx)

        return await self._handle(incoming, run)

    async def _attempt(self, incoming: Incoming, dispatch: HandlerFn, *,
                       optimistic: bool) -> tuple[list[Reply], int]:
        """Run the update once in a unit of work; return the replies and the rows planned."""
        try:
            async with self.services.db.unit(optimistic=optimistic) as s:
                ctx = await self._context(s, incoming)
                await self._dispatch_or_refuse(ctx, dispatch)
                return await self._finish(ctx), ctx.notify.planned
        except _Refused as refused:  # the unit was rolled back: nothing half-done remains
            return await self._after_refusal(refused), 0

    async def refresh(self) -> None:
        """Run the refreshers (a failing one is logged; the update goes on with what it has)."""
        for refresh in self.refreshers:
            try:
                await refresh()
            except Exception:
                log.exception("refresher %r failed", refresh)

    async def _context(self, s: Session, incoming: Incoming) -> Ctx:
        p = incoming.person
        svc = self.services
        now = svc.clock.now()
        seen = await chat.seen(
            s, platform=p.platform, external_id=p.external_id, display_name=p.display_name,
            # A group is never where personal messages go (Matrix room ids do not show it).
            chat_id="" if incoming.is_group else incoming.chat.chat_id, now=now,
            active=incoming.meta.get("via") != "web",  # the desk acting is no chat activity
        )
        person = seen.person
        is_admin = person.role == "admin" or person.key in svc.admin_keys
        notify = Notify(s, now=now, admin_keys=svc.admin_keys, catalogue=svc.catalogue)
        return Ctx(svc, s, incoming, person, seen.company, is_admin, now, notify,
                   dialog=seen.dialog)

    async def _dispatch_or_refuse(self, ctx: Ctx, dispatch: HandlerFn) -> None:
        try:
            await dispatch(ctx)
            if ctx.s.new or ctx.s.dirty or ctx.s.deleted:  # a read-only update skips the flush
                await ctx.s.flush()  # the storage's text rules (lengths) answer here, in German
        except UsageError as err:
            raise _Refused(ctx, str(err)) from None
        except DomainError as err:
            raise _Refused(ctx, self.explain(err)) from None

    async def _after_refusal(self, refused: _Refused) -> list[Reply]:
        ctx = refused.ctx
        ctx.say(refused.message)
        if not any(r.buttons for r in ctx.replies):
            return sealed(ctx)
        # Buttons shown before the refusal still need this chat's menu: a unit of their own.
        async with self.services.db.unit() as s:
            ctx.s = s
            return await self._finish(ctx)

    async def _dispatch(self, ctx: Ctx) -> None:
        inc = ctx.incoming
        if inc.press is not None:
            await self._press(ctx, inc.press)
            return
        text = (inc.text or "").strip()
        file = None if inc.is_group else inc.attachment
        if file is not None and await self._on_file(ctx, file, caption=text):
            return
        if inc.option is not None and not inc.is_group:
            action = await chat.menu_option(ctx.s, person_id=ctx.person_id,
                                            chat_id=inc.chat.chat_id, option=inc.option)
            # A number typed where a dialog asks for text ("1" place) is an answer, not Abbrechen.
            wants_text = await self.dialogs.wants_text(ctx)
            if action is not None and not (action.startswith(f"{CancelDialog.name}:")
                                           and wants_text):
                await self._run_action(ctx, action)
                return
        if not text and inc.attachment is not None:
            return  # a file shared in a group without a command is not for the bot
        if not text:
            if not inc.is_group and await self.dialogs.open_title(ctx) is not None:
                ctx.say(t.EMPTY_IN_DIALOG)
                await self.dialogs.resume(ctx)  # the open question again, nothing lost
            else:
                ctx.say(t.EMPTY)
        elif is_cancel(text, t.CANCEL_WORDS):  # also "Abbrechen!"
            ctx.say(await self.dialogs.cancel(ctx) or t.NOTHING_TO_CANCEL)
        elif text.startswith("/"):
            await self._command(ctx, text)
        elif not inc.is_group and not await self.dialogs.on_text(ctx, text):
            for fallback in self.text_fallbacks:
                if await fallback(ctx, text):
                    return
            talk = small_talk(text)
            if talk in ("hello", "thanks"):
                ctx.say(t.HELLO if talk == "hello" else t.THANKS)
                return
            hint = self._suggest(ctx, text) if " " not in text else None  # "termine" without /
            ctx.say(t.MEANT.format(cmd=hint) if hint else t.NOT_UNDERSTOOD)

    async def _command(self, ctx: Ctx, text: str) -> None:
        # "/ hilfe" is meant as /hilfe; arguments may follow any whitespace ("/start\nCODE").
        head, *more = text[1:].lstrip().split(maxsplit=1) or [""]
        rest = more[0] if more else ""
        name = head.split("@", 1)[0].lower()
        name = self._aliases.get(name, name)
        cmd = self._commands.get(name)
        if cmd is None:
            hint = self._suggest(ctx, name)
            ctx.say(t.UNKNOWN_COMMAND_HINT.format(cmd=esc(name), hint=hint) if hint
                    else t.UNKNOWN_COMMAND.format(cmd=esc(name)))
            return
        if not await self._allowed(ctx, name, admin=cmd.admin, linked=cmd.linked):
            return
        if cmd.personal and ctx.incoming.is_group:
            ctx.replies.append(Reply(t.GO_PRIVATE, personal=True))
            return
        ctx.private = ctx.private or cmd.private
        ctx.args = rest.strip()
        open_ = ctx.dialog
        await cmd.func(ctx)
        if open_ is not None and not ctx.reasked and ctx.dialog == open_:
            # The command left the dialog as it was: say it is still waiting for an answer.
            ctx.say(t.DIALOG_OPEN_HINT.format(title=esc(self.dialogs.title(open_.dialog))))

    async def _on_file(self, ctx: Ctx, attachment: Attachment, *, caption: str) -> bool:
        """Hand a file to its handler; False: not taken, its caption is handled as text."""
        if ctx.dialog is not None and await self.dialogs.on_file(ctx, attachment):
            return True  # the open dialog step asked for a file (a broadcast's picture)
        found = self._file
        if found is None or (found.admin and not ctx.is_admin):
            if caption:
                return False  # "/start CODE" under a picture still links the person
            ctx.say(t.FILE_NOT_TAKEN)  # members sending a photo are no "denied" admin action
            return True
        await found.func(ctx, attachment)
        return True

    def _suggest(self, ctx: Ctx, word: str) -> str | None:
        """Return the command a typo most likely meant (/termin -> termine), if any."""
        names = [c.name for c in self.visible_commands(admin=ctx.is_admin, linked=True)]
        close = difflib.get_close_matches(word.lower().lstrip("/"), names, n=1, cutoff=0.75)
        return close[0] if close else None

    async def _press(self, ctx: Ctx, token: str) -> None:
        action = self.services.signer.verify(ctx.person.key, token)
        if action is None:
            ctx.say(t.FOREIGN_BUTTON if ctx.incoming.is_group else t.STALE_BUTTON)
            return
        await self._run_action(ctx, action)

    async def _run_action(self, ctx: Ctx, raw: str) -> None:
        action = self.codec.decode(raw)
        if isinstance(action, Choice):
            await self.dialogs.on_press(ctx, action)
            return
        if isinstance(action, CancelDialog):
            ctx.say(await self.dialogs.cancel_run(ctx, action.run) or t.NOTHING_TO_CANCEL)
            return
        registered = None if action is None else self._actions.get(action.name)
        if action is None or registered is None:
            ctx.say(t.STALE_BUTTON)
            return
        if await self._allowed(ctx, action.name, admin=registered.admin,
                               linked=registered.linked):
            ctx.private = ctx.private or registered.admin
            await registered.func(ctx, action)

    async def _allowed(self, ctx: Ctx, name: str, *, admin: bool, linked: bool) -> bool:
        if admin and not ctx.is_admin:
            # One row per person and day, counted: trying admin commands cannot flood the log.
            day = ctx.now.astimezone(ctx.tz).replace(hour=0, minute=0, second=0, microsecond=0)
            await audit.refused(ctx.s, actor=ctx.person.key, command=name, now=ctx.now,
                                since=day)
            ctx.say(t.ADMIN_ONLY)
            return False
        if linked and ctx.company is None and not ctx.is_admin:
            team = ctx.catalogue.team
            ctx.say(t.needs_link(team.email or team.name))
            return False
        return True

    def explain(self, err: DomainError) -> str:
        """Return the German answer for a refused rule (never the generic apology)."""
        render = self._errors.get(err.code)
        if render is None:
            # tests/core/test_domain_errors.py keeps this from happening; if it does, the
            # person still learns that a rule said no, not that the bot broke.
            log.error("no German message for domain error %s %s", err.code, err.info)
            return t.REFUSED
        try:
            return render(err)
        except Exception:
            log.exception("German message of domain error %s failed: %s", err.code, err.info)
            return t.REFUSED

    async def _finish(self, ctx: Ctx) -> list[Reply]:
        """Sign every button for this person; remember the menu where numbers answer."""
        return await signed(ctx.s, self.services.signer, ctx.person, ctx.incoming.chat.chat_id,
                            sealed(ctx), now=ctx.now, numbered=ctx.incoming.numbered)

    # -- delivery and jobs ---------------------------------------------------------------
    async def compose(self, s: Session, row: OutboxMessage, person: Person, *, now: datetime,
                      numbered: bool, memo: dict[Any, Any]) -> Reply | None:
        """Render a due outbox row for its recipient; None when it no longer applies."""
        svc = self.services
        is_admin = person.role == "admin" or person.key in svc.admin_keys
        rc = RenderCtx(s, person, now, row.due_at, svc.catalogue, memo, is_admin=is_admin)
        rendered = await self.notices.render(rc, row)
        if rendered is None:
            return None
        reply = Reply(rendered.text, tuple(tuple(r) for r in rendered.buttons if r),
                      rendered.file)
        chat_id = person.chat_id or person.external_id
        return (await signed(s, svc.signer, person, chat_id, [reply], now=now,
                             numbered=numbered))[0]

    async def run_jobs(self, now: datetime) -> int:
        """Run every registered job, each in its own unit of work; return the rows planned."""
        planned = 0
        await self.refresh()
        for job in self.jobs:
            try:
                async with self.services.db.unit() as s:
                    svc = self.services
                    notify = Notify(s, now=now, admin_keys=svc.admin_keys,
                                    catalogue=svc.catalogue)
                    await job(JobCtx(svc, s, now, notify))
                    planned += notify.planned
            except Exception:
                log.exception("job %r failed; its changes were rolled back", job)
        return planned

    async def seed(self) -> int:
        """Insert missing catalogue entries of every feature, in one unit of work."""
        async with self.services.db.unit() as s:
            # Processes starting together on one PostgreSQL seed one after the other.
            await advisory_lock(s, "cluster-bot:seed")
            return sum([await seed(s, self.services.catalogue) for seed in self.seeders])

    def verify(self, person_key: str, token: str) -> str | None:
        """Return the action behind a button id shown to a person (retrying failed replies)."""
        return self.services.signer.verify(person_key, token)
