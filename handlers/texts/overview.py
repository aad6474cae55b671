"""German texts of /meine."""

HEAD = "<b>Deine und eure Anmeldungen</b>"
EMPTY = "Noch nichts angemeldet oder angefragt. Schau in /termine, /medientag oder /messe."

# /hilfe lines and command-menu descriptions
HELP_EXPORT = "Export als CSV und Excel: /export was"
HELP_MEINE = "Meine Anmeldungen und Anfragen"
