"""Dispatch of commands, button presses and dialog answers; German answers for every mistake."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from bot.chat import Button, Incoming, Reply
from handlers.context import Ctx, Services, UsageError
from handlers.dialogs import Dialog, Dialogs
from handlers.exports import Exports
from handlers.overview import Overview
from handlers.texts import core as t
from handlers.texts.common import esc
from storage import audit, chat_state, people
from storage.errors import DomainError

log = logging.getLogger(__name__)
HandlerFn = Callable[[Ctx], Awaitable[None]]
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


@dataclass(frozen=True)
class Action:
    """A registered button action."""

    func: HandlerFn
    admin: bool = False
    linked: bool = False


class Router:
    """Holds what features registered and turns one Incoming into replies."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.dialogs = Dialogs()
        self._commands: dict[str, Command] = {}
        self._aliases: dict[str, str] = {}
        self._actions: dict[str, Action] = {}
        self.errors: dict[str, Callable[[DomainError], str]] = {}
        self.exports = Exports()  # features: router.exports.add("kind", "Label", producer)
        self.overview = Overview()  # features: router.overview.add(section) for /meine
        self.reminder_kinds: dict[str, str] = {}  # outbox kind -> German label (/erinnerungen)
        self.planners: list[Callable[..., Awaitable[None]]] = []  # async fn(now): plan series
        # async fn(ctx, text) -> handled?: tried for plain text outside dialogs (a bare code)
        self.text_fallbacks: list[Callable[[Ctx, str], Awaitable[bool]]] = []

    def command(self, name: str, func: HandlerFn, *, help: str, admin: bool = False,
                linked: bool = False, personal: bool = False, hidden: bool = False,
                aliases: tuple[str, ...] = ()) -> None:
        """Register `/name` (help: one German line for /hilfe; personal: only in private)."""
        self._commands[name] = Command(name, func, help, admin, linked, personal, hidden)
        for alias in aliases:
            self._aliases[alias] = name

    def action(self, name: str, func: HandlerFn, *, admin: bool = False,
               linked: bool = False) -> None:
        """Register a button action; its arguments arrive in ctx.args."""
        self._actions[name] = Action(func, admin, linked)

    def dialog(self, dialog: Dialog) -> None:
        """Register a multi-step dialog."""
        self.dialogs.add(dialog)

    def domain_errors(self, messages: dict[str, Callable[[DomainError], str]]) -> None:
        """Register German messages for storage DomainError codes."""
        self.errors.update(messages)

    def visible_commands(self, *, admin: bool, linked: bool) -> list[Command]:
        """Return the commands a person may use, in registration order."""
        return [
            c for c in self._commands.values()
            if not c.hidden and (admin or not c.admin) and (linked or admin or not c.linked)
        ]

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Handle one update and return the replies; never raises."""
        text = incoming.text or ""
        if len(text) > MAX_INPUT:
            return [Reply(t.TOO_LONG.format(limit=MAX_INPUT))]
        try:
            await self.services.db.cache.sync()  # another process may have written
            ctx = await self._context(incoming)
        except Exception:
            log.exception("cannot load person for %s", incoming.person.key)
            return [Reply(t.ERROR)]
        try:
            await self._dispatch(ctx)
        except UsageError as err:
            ctx.say(str(err))
        except DomainError as err:
            ctx.say(self._domain_message(err))
        except Exception:
            log.exception("handler failed: person=%s text=%r press=%r",
                          incoming.person.key, incoming.text, incoming.press)
            ctx.replies.append(Reply(t.ERROR))
        try:
            return await self._tokenise(ctx)
        except Exception:
            log.exception("cannot issue buttons for %s", incoming.person.key)
            return [Reply(t.ERROR)]

    async def _context(self, incoming: Incoming) -> Ctx:
        p = incoming.person
        person, company = await people.touch(
            self.services.db, platform=p.platform, external_id=p.external_id,
            display_name=p.display_name,
            # A group is never where personal messages go (Matrix room ids do not show it).
            chat_id="" if incoming.is_group else incoming.chat.chat_id,
        )
        is_admin = person.role == "admin" or person.key in self.services.admin_keys
        return Ctx(self.services, incoming, person, company, is_admin, self.services.clock.now())

    async def _dispatch(self, ctx: Ctx) -> None:
        inc = ctx.incoming
        if inc.press is not None:
            await self._press_token(ctx, inc.press)
            return
        text = (inc.text or "").strip()
        if inc.option is not None and not inc.is_group:
            action = await chat_state.resolve_option(
                ctx.db, person_id=ctx.person.id, chat_id=inc.chat.chat_id, option=inc.option
            )  # type: ignore[arg-type]
            # A number typed where a dialog asks for text ("1" place) is an answer, not Abbrechen.
            if action is not None and not (
                action == "dlg.cancel" and await self.dialogs.wants_text(ctx)
            ):
                await self._run_action(ctx, action)
                return
        if not text:
            ctx.say(t.EMPTY)
        elif text.lower() in t.CANCEL_WORDS:
            ctx.say(t.CANCELLED if await self.dialogs.cancel(ctx) else t.NOTHING_TO_CANCEL)
        elif text.startswith("/"):
            await self._command(ctx, text)
        elif not inc.is_group and not await self.dialogs.on_text(ctx, text):
            for fallback in self.text_fallbacks:
                if await fallback(ctx, text):
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
        ctx.args = rest.strip()
        open_ = await chat_state.load_dialog(ctx.db, person_id=ctx.person.id)  # type: ignore[arg-type]
        await cmd.func(ctx)
        if open_ is not None and name != "weiter" and open_ == await chat_state.load_dialog(
                ctx.db, person_id=ctx.person.id):  # type: ignore[arg-type]
            # The command left the dialog as it was: say it is still waiting for an answer.
            ctx.say(t.DIALOG_OPEN_HINT.format(title=esc(self.dialogs.title(open_.dialog))))

    def _suggest(self, ctx: Ctx, word: str) -> str | None:
        """Return the command a typo most likely meant (/termin -> termine), if any."""
        names = [c.name for c in self.visible_commands(admin=ctx.is_admin, linked=True)]
        close = difflib.get_close_matches(word.lower().lstrip("/"), names, n=1, cutoff=0.75)
        return close[0] if close else None

    async def _press_token(self, ctx: Ctx, token: str) -> None:
        action = await chat_state.resolve_token(ctx.db, token=token, person_id=ctx.person.id)  # type: ignore[arg-type]
        if action is None:
            ctx.say(t.FOREIGN_BUTTON if ctx.incoming.is_group else t.STALE_BUTTON)
            return
        await self._run_action(ctx, action)

    async def _run_action(self, ctx: Ctx, action: str) -> None:
        name, _, args = action.partition(" ")
        if name == "dlg":
            where, _, value = args.partition(" ")
            await self.dialogs.on_press(ctx, where, value)
            return
        if name == "dlg.cancel":
            ctx.say(t.CANCELLED if await self.dialogs.cancel(ctx) else t.NOTHING_TO_CANCEL)
            return
        registered = self._actions.get(name)
        if registered is None:
            ctx.say(t.STALE_BUTTON)
            return
        if not await self._allowed(ctx, name, admin=registered.admin, linked=registered.linked):
            return
        ctx.args = args
        await registered.func(ctx)

    async def _allowed(self, ctx: Ctx, name: str, *, admin: bool, linked: bool) -> bool:
        if admin and not ctx.is_admin:
            await audit.record(ctx.db, actor=ctx.person.key, action="denied", now=ctx.now,
                               command=name)
            ctx.say(t.ADMIN_ONLY)
            return False
        if linked and ctx.company is None and not ctx.is_admin:
            ctx.say(t.NEEDS_LINK)
            return False
        return True

    def _domain_message(self, err: DomainError) -> str:
        render = self.errors.get(err.code)
        if render is None:
            log.error("no German message for domain error %s %s", err.code, err.info)
            return t.ERROR
        return render(err)

    async def _tokenise(self, ctx: Ctx) -> list[Reply]:
        """Swap action strings in buttons for opaque, person-bound tokens (one batch an answer).

        One batch for all replies of this answer: numbered options (Matrix, console) count on
        across cards, so "5" means the fifth button of the whole answer, not of the last card.
        """
        with_buttons = [i for i, r in enumerate(ctx.replies) if r.buttons]
        if not with_buttons:
            return ctx.replies
        actions = [b.id for i in with_buttons for b in ctx.replies[i].flat_buttons()]
        tokens = await chat_state.issue_tokens(
            ctx.db, person_id=ctx.person.id, chat_id=ctx.incoming.chat.chat_id,
            batches=[actions], now=ctx.now, numbered=ctx.incoming.numbered,
        )  # type: ignore[arg-type]
        it = iter(tokens[0])
        out = list(ctx.replies)
        for i in with_buttons:
            rows = tuple(tuple(Button(next(it), b.label) for b in row) for row in out[i].buttons)
            out[i] = replace(out[i], buttons=rows)
        return out
