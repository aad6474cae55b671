"""A small HTTP server in the bot's own event loop (aiohttp.web); features add their routes.

It knows no feature: the web desk (`web/`) mounts its pages on it, and health or metrics
routes can be added the same way (`server.app.router.add_get(...)`) before `start()`.
Every response carries the security headers below.
"""

from __future__ import annotations

import logging

from aiohttp import web

log = logging.getLogger(__name__)

# No inline scripts or styles anywhere, nothing from other sites, never inside a frame.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # login links carry their token in the address
    "Cross-Origin-Opener-Policy": "same-origin",
}


async def _secure(request: web.Request, response: web.StreamResponse) -> None:
    """Add the security headers to every response, errors and redirects included."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)


class WebServer:
    """An aiohttp application bound to host:port; `port` is the real one after start()."""

    def __init__(self, *, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.app = web.Application(client_max_size=64 * 1024)  # forms only, no uploads
        self.app.on_response_prepare.append(_secure)
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Start listening (port 0 picks a free one, then `port` tells which)."""
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        for addr in self._runner.addresses:  # the bound address(es): (host, port, ...)
            self.port = int(addr[1])
            break
        log.info("web server on http://%s:%s", self.host, self.port)

    async def stop(self) -> None:
        """Stop listening and finish open requests."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
