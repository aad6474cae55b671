"""German texts of /export."""

USAGE = "So geht's: <code>/export was</code> – möglich: {kinds}"
DONE = "Export <b>{label}</b>: {rows}. CSV (für Excel):"
XLSX = "Und als Excel-Datei:"
