"""A catalogue arrives (a file in the private chat, or `/katalog PFAD`): check it, preview it.

Nothing changes here but one stored, pending version: the preview's "Übernehmen" applies it
(`team.apply`), "Verwerfen" drops it. A file with errors is answered with every problem and
its line, and nothing is stored.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.chat import Attachment, FileOut
from handlers.catalogue import texts as t
from handlers.catalogue.actions import ApplyVersion, DiscardVersion, SendCurrent
from handlers.catalogue.preview import invalid_text, preview_text
from handlers.core import Ctx, UsageError
from handlers.core.format import esc, fmt_dt, plural
from storage.catalogue import CatalogueInvalid, changes, decode, from_text, versions
from storage.catalogue.models import CatalogueVersion

TOML_MIMES = ("application/toml", "application/x-toml", "text/x-toml")
# Where the bot is installed (data/ lives there); a relative /katalog path is also looked up here.
BOT_DIR = Path(__file__).resolve().parents[2]
LIMIT = 256 * 1024  # a catalogue is ~10 KB; anything near a megabyte is not one


async def command(ctx: Ctx) -> None:
    """`/katalog [PFAD]`: read a catalogue from the server, or say how to send one."""
    if ctx.args:
        path = Path(ctx.args.strip())
        try:
            data = await asyncio.to_thread(_read, path)
        except OSError:
            raise UsageError(t.NO_SUCH_PATH.format(path=esc(ctx.args.strip()))) from None
        if len(data) > LIMIT:
            size = await asyncio.to_thread(_size, path)
            raise UsageError(t.TOO_LARGE.format(name=esc(path.name), size=size // 1024,
                                                limit=LIMIT // 1024))
        await receive(ctx, name=path.name, data=data)
        return
    current = await _current(ctx)
    ctx.say(t.ASK_FILE.format(current=current), [[ctx.button(t.SEND_CURRENT, SendCurrent())]])


async def on_file(ctx: Ctx, file: Attachment) -> None:
    """A file sent by the team in a private chat: take it as a catalogue if it is one."""
    if file.too_large or (file.data is not None and len(file.data) > LIMIT):
        ctx.say(t.TOO_LARGE.format(name=esc(file.name), size=max(file.size, 1) // 1024,
                                   limit=LIMIT // 1024))
        return
    if not _looks_like_toml(file):
        ctx.say(t.NOT_TOML.format(name=esc(file.name)))
        return
    if file.data is None:
        ctx.say(t.NOT_FETCHED.format(name=esc(file.name)))
        return
    await receive(ctx, name=file.name, data=file.data)


async def receive(ctx: Ctx, *, name: str, data: bytes) -> None:
    """Check a catalogue text; answer with its problems, or keep it and show the preview."""
    try:
        text = decode(data, source=name)
        new = from_text(text, timezone=ctx.tz.key, name=name)
    except CatalogueInvalid as err:
        ctx.say(invalid_text(name, err.problems))
        return
    current = await versions.in_force(ctx.s, fallback=ctx.catalogue)
    problems = changes.check_against(current, new)
    if problems:
        ctx.say(invalid_text(name, problems))
        return
    plan = await changes.compare(ctx.s, old=current, new=new, now=ctx.now)
    if plan.empty:
        ctx.say(t.PREVIEW_NOTHING.format(name=esc(name)))
        return
    row = await versions.keep(ctx.s, text=text, name=name, by=ctx.person.key, base=current,
                              now=ctx.now)
    ctx.audit("catalogue_upload", version=row.id, name=name, sha=row.sha256[:12])
    ctx.say(preview_text(plan, name, ctx.tz), [[
        ctx.button(t.APPLY, ApplyVersion(row.id)), ctx.button(t.DISCARD, DiscardVersion(row.id)),
    ]])


async def send_current(ctx: Ctx, a: SendCurrent) -> None:
    """Send the catalogue in force as a .toml file."""
    current = await versions.in_force(ctx.s, fallback=ctx.catalogue)
    name = "katalog.toml" if current.version is None else f"katalog-v{current.version}.toml"
    ctx.say(t.CURRENT_CAPTION, file=FileOut(name, "application/toml",
                                            current.source.encode("utf-8")))


async def _current(ctx: Ctx) -> str:
    current = await versions.in_force(ctx.s, fallback=ctx.catalogue)
    counts = {"events": plural(len(current.data.events), "Termin", "Termine"),
              "fairs": plural(len(current.data.fairs), "Messe", "Messen")}
    if current.version is None:
        return t.CURRENT_FILE.format(**counts)
    row = await ctx.s.get(CatalogueVersion, current.version)
    when = fmt_dt(row.applied_at, ctx.tz) if row and row.applied_at else "?"
    return t.CURRENT_VERSION.format(version=current.version, when=when, **counts)


def _looks_like_toml(file: Attachment) -> bool:
    name = file.name.lower()
    return (name.endswith((".toml", ".txt")) or file.mime in TOML_MIMES
            or file.mime.startswith("text/"))


def _size(path: Path) -> int:
    try:
        return _found(path).stat().st_size
    except OSError:
        return LIMIT + 1


def _found(path: Path) -> Path:
    """Return the file a /katalog path names: as given, else in the bot's folder."""
    path = path.expanduser()
    if not path.is_absolute() and not path.exists() and (BOT_DIR / path).exists():
        path = BOT_DIR / path  # "data/…" as the help names it, wherever the bot was started
    return path


def _read(path: Path) -> bytes:
    """Read a server file for /katalog (refusing anything as large as no catalogue is)."""
    path = _found(path)
    if not path.is_file():  # a folder, /dev/zero, a pipe: nothing a catalogue is read from
        raise OSError("not a regular file")
    with path.open("rb") as f:
        return f.read(LIMIT + 1)  # bounded: a file that grows while read cannot flood memory

