"""German texts of /meine."""

HEAD = "<b>Deine und eure Anmeldungen</b>"
EMPTY = "Noch nichts angemeldet oder angefragt. Schau in /termine, /medientag oder /messe."
