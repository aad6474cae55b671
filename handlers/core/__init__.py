"""The shared machinery every feature builds on: router, context, actions, dialogs, notices.

A feature imports what it needs from here (`from handlers.core import Ctx, Router, ...`) and
registers itself with `register(router)`; see docs/ARCHITECTURE.md.
"""

from handlers.core.actions import Action
from handlers.core.context import Ctx, Services, UsageError
from handlers.core.dialogs import END, Dialog, Step, cancel_button, choice
from handlers.core.exports import Table
from handlers.core.notify import Notice, Notify, RenderCtx, Rendered
from handlers.core.router import JobCtx, Router

__all__ = [
    "END", "Action", "Ctx", "Dialog", "JobCtx", "Notice", "Notify", "RenderCtx", "Rendered",
    "Router", "Services", "Step", "Table", "UsageError", "cancel_button", "choice",
]
