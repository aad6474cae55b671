"""The bot's one small HTTP server in its own event loop (aiohttp.web); features add routes.

It knows no feature: the web desk (`web/`) mounts its pages on it and `/healthz` and
`/metrics` (`bot.http.operations_routes`) join the same application, so one server serves
everything. It listens on one address, or on a second one too (`also_listen`: HTTP_PORT
next to a different WEB_PORT), every route on each. Every response carries the security
headers below.
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
    """An aiohttp application served on host:port (and any `also_listen` address).

    `port` is the first address's real port after start() (0 picks a free one); `sites` lists
    every (host, port) it listens on, with the real ports after start().
    """

    def __init__(self, *, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.sites: list[tuple[str, int]] = [(host, port)]
        self.app = web.Application(client_max_size=64 * 1024)  # forms only, no uploads
        self.app.on_response_prepare.append(_secure)
        self._runner: web.AppRunner | None = None

    def also_listen(self, *, host: str, port: int) -> None:
        """Serve the same application on a second address too (only before start())."""
        if (host, port) not in self.sites:
            self.sites.append((host, port))

    async def start(self) -> None:
        """Start listening on every address (port 0 picks a free one, read back after)."""
        runner = self._runner = web.AppRunner(self.app, access_log=None)
        await runner.setup()
        bound = []
        for host, port in self.sites:
            known = len(runner.addresses)  # the sockets of the sites started so far
            await web.TCPSite(runner, host, port).start()
            new = runner.addresses[known:]  # this site's socket(s): (host, port, ...)
            bound.append((host, int(new[0][1]) if new else port))
        self.sites = bound
        self.port = bound[0][1]
        log.info("HTTP server on %s", ", ".join(f"http://{h}:{p}" for h, p in bound))

    async def stop(self) -> None:
        """Stop listening and finish open requests."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
