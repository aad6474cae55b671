"""The team's web desk: pages and actions on the same services as the chat (see docs/web.md).

`web.desk.Desk(router, base=...).mount(server)` adds it to a `bot.web_server.WebServer`;
`bot.app.App.start_web()` does that when WEB_PORT is set.
"""
