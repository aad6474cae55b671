"""No domain error ever reaches a person as the generic apology (issue 15).

Three proofs: every `DomainError` code raised anywhere in storage/ or handlers/ has a German
text in the fully built router; each text renders with the details its raise sites give; and
a refused rule inside any step of any registered dialog is answered with that text while the
dialog stays open at its step (nothing typed is lost), through the router's real error path.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.clock import ManualClock
from handlers import build_router
from handlers.core import Router, Services
from handlers.core import texts as core_texts
from handlers.core.actions import Signer
from handlers.core.context import Ctx
from handlers.core.dialogs import Data, Dialog, Step, choice
from handlers.core.limits import Limits
from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from tests.core.conftest import SECRET, ids, said

REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 5)
WHEN = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)

# Sample details by name, as storage gives them; a code whose detail differs in type says so.
SAMPLES: dict[str, Any] = {
    "day": DAY, "earliest": DAY, "first": DAY, "last": date(2026, 3, 14),
    "free": [date(2026, 3, 10)], "year": 2026, "max": 3, "min_days": 7,
    "title": "Netzwerktreffen <Görlitz>", "group": "IT & Technik", "status": "confirmed",
    "state": "SN", "name": "Buß- und Bettag", "deadline": WHEN, "key": "insidertreff",
    "provisional": ["deadline"],
    "area": 12, "field": "capacity", "booked": 5, "capacity": 4, "kind": "extern",
    "link": "https://example.org", "code": "ABC123", "company_id": 7, "min": 2, "given": 11,
    "closes_at": WHEN, "label": "Best Practice", "audience": "alle", "length": 2001,
    "people": 2, "cap": 3, "left": 1, "uses": 0, "until": WHEN, "source": "Pragma GmbH",
    "target": "Zemmler AG", "tables": ["registration"], "person_id": 42, "role": "chef",
}
PER_CODE: dict[tuple[str, str], Any] = {
    ("fair_change_no_room", "free"): 6, ("fair_full", "free"): 6,
}


def raise_sites() -> dict[str, set[frozenset[str]]]:
    """Return each DomainError code raised in storage/ and handlers/ with its detail names."""
    found: dict[str, set[frozenset[str]]] = {}
    for folder in ("storage", "handlers"):
        for path in (REPO / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id == "DomainError" and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    keys = frozenset(k.arg for k in node.keywords if k.arg is not None)
                    found.setdefault(str(node.args[0].value), set()).add(keys)
    return found


def sample(code: str, keys: frozenset[str]) -> DomainError:
    """Build the error a raise site gives, with realistic details."""
    return DomainError(code, **{k: PER_CODE.get((code, k), SAMPLES[k]) for k in keys})


@pytest.fixture
def router(catalogue: Catalogue, clock: ManualClock) -> Router:
    """The router with every feature registered (no database needed to read its texts)."""
    services = Services(db=Database("sqlite+aiosqlite:///:memory:"), clock=clock,
                        catalogue=catalogue, admin_keys=frozenset(), signer=Signer(SECRET))
    return build_router(services)


def test_every_raised_code_has_a_german_text(router: Router) -> None:
    sites = raise_sites()
    assert {"md_day_taken", "fair_full", "deadline_passed", "code_limit"} <= set(sites)
    assert set(sites) - router.error_codes() == set()


def test_every_text_renders_with_the_details_its_raise_sites_give(router: Router) -> None:
    for code, variants in raise_sites().items():
        for keys in variants:
            assert keys <= set(SAMPLES), f"{code}: add a sample for {keys - set(SAMPLES)}"
            text = router.explain(sample(code, keys))
            assert text not in (core_texts.ERROR, core_texts.REFUSED), code
            assert text.strip() and "{" not in text, (code, text)


def test_an_unknown_code_is_still_a_refusal_not_the_apology(router: Router) -> None:
    assert router.explain(DomainError("never_registered")) == core_texts.REFUSED
    assert router.explain(DomainError("md_day_taken")) == core_texts.REFUSED  # details missing


def probe(dialog: Dialog, error: Callable[[], DomainError]) -> Dialog:
    """The dialog with the same steps, each asking its name and refusing every answer."""
    def ask_for(name: str) -> Callable[[Ctx, Data], Any]:
        async def ask(ctx: Ctx, data: Data) -> None:
            ctx.say(f"probe:{dialog.name}:{name}", [[choice(ctx, "Weiter", "go")]])
        return ask

    async def refuse(ctx: Ctx, data: Data, value: str) -> str:
        raise error()

    steps = {name: Step(ask_for(name), on_text=refuse if step.on_text else None,
                        on_press=refuse if step.on_press else None)
             for name, step in dialog.steps.items()}
    return Dialog(dialog.name, dialog.title, dialog.first, steps)


async def test_every_dialog_step_answers_every_domain_error_in_german(
    db: Database, clock: ManualClock, catalogue: Catalogue,
) -> None:
    """Walk each step of each registered dialog; refuse its answer with each raised code."""
    services = Services(db=db, clock=clock, catalogue=catalogue, admin_keys=frozenset(),
                        signer=Signer(SECRET),
                        limits=Limits(messages_per_minute=0))  # hundreds of answers at once
    router = build_router(services)
    errors = [sample(code, keys) for code, variants in sorted(raise_sites().items())
              for keys in sorted(variants, key=sorted)]
    current: list[DomainError] = [errors[0]]
    names = router.dialogs.names()
    assert len(names) >= 10  # every feature's dialogs are registered
    for name in names:
        router.dialog(probe(router.dialogs.get(name), lambda: current[0]))
    opened: list[tuple[str, str]] = []

    async def open_step(ctx: Ctx) -> None:
        dialog, step = opened[-1]
        await router.dialogs.cancel(ctx)  # the previous step's probe
        await router.dialogs.start(ctx, dialog, {}, step=step, restart=True)

    router.command("probe", open_step, help="", hidden=True, public=True)
    for name in names:
        dialog = router.dialogs.get(name)
        for step_name, step in dialog.steps.items():
            opened.append((name, step_name))
            asked = await router.handle(said("anna", "/probe"))
            assert f"probe:{name}:{step_name}" in asked[-1].text
            for err in errors if step_name == dialog.first else errors[:3]:
                current[0] = err
                replies = (await router.handle(said("anna", "meine Antwort")) if step.on_text
                           else await router.handle(said("anna", press=ids(asked)["Weiter"])))
                shown = [r.text for r in replies]
                assert core_texts.ERROR not in shown and core_texts.REFUSED not in shown, (
                    name, step_name, err.code)
                assert shown[0] == router.explain(err), (name, step_name, shown)
                assert f"probe:{name}:{step_name}" in shown[-1]  # asked again: still open
                asked = replies
    assert await router.handle(said("anna", "abbrechen"))
    assert (await router.handle(said("anna", "abbrechen")))[0].text == core_texts.NOTHING_TO_CANCEL
