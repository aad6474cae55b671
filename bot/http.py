"""The bot's small HTTP server (aiohttp): /healthz, /metrics and whatever else joins it.

Off unless `HTTP_PORT` is set. Other parts (the team's web desk) add their routes before
`start()` with `add_routes` or mount a whole aiohttp application under a prefix with
`add_subapp`, so one port and one reverse-proxy entry serve everything.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)
Health = Callable[[], Awaitable[dict[str, Any]]]
Exposition = Callable[[], Awaitable[tuple[bytes, str]]]


class HttpServer:
    """An aiohttp application with the bot's routes; started and stopped with the bot."""

    def __init__(self, listen: str, port: int) -> None:
        self.listen, self.port = listen, port
        self.web = web.Application()
        self._runner: web.AppRunner | None = None

    def add_routes(self, routes: Iterable[web.AbstractRouteDef]) -> None:
        """Add routes (e.g. a `web.RouteTableDef`); only before start()."""
        self.web.add_routes(routes)

    def add_subapp(self, prefix: str, app: web.Application) -> None:
        """Serve a whole aiohttp application under `prefix` (e.g. "/desk")."""
        self.web.add_subapp(prefix, app)

    async def start(self) -> None:
        """Listen on `listen:port` (port 0: a free one, read back into `port`)."""
        self._runner = web.AppRunner(self.web, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.listen, self.port)
        await site.start()
        if self.port == 0:
            self.port = self._runner.addresses[0][1]
        log.info("HTTP server on http://%s:%s", self.listen, self.port)

    async def stop(self) -> None:
        """Stop listening and finish open requests."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def operations_routes(health: Health, metrics: Exposition) -> web.RouteTableDef:
    """Return GET /healthz (200 when healthy, else 503; JSON) and GET /metrics (Prometheus)."""
    routes = web.RouteTableDef()

    @routes.get("/healthz")
    async def healthz(_request: web.Request) -> web.Response:
        report = await health()
        return web.json_response(report, status=200 if report["ok"] else 503,
                                 dumps=lambda o: json.dumps(o, ensure_ascii=False))

    @routes.get("/metrics")
    async def exposition(_request: web.Request) -> web.Response:
        body, content_type = await metrics()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response

    return routes
