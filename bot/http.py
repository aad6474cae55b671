"""The operations routes /healthz and /metrics (served when `HTTP_PORT` is set).

They join the bot's one HTTP server (`bot.web_server.WebServer`) next to the team's web desk:
`App.start_web()` builds it from HTTP_PORT and WEB_PORT (docs/operations.md).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

log = logging.getLogger(__name__)
Health = Callable[[], Awaitable[dict[str, Any]]]
Exposition = Callable[[], Awaitable[tuple[bytes, str]]]


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
