"""Exports reach Telegram as documents: .csv and .xlsx with their names and types."""

from __future__ import annotations

from tests.telegram.conftest import ADMIN, Live


async def test_export_arrives_as_csv_and_xlsx_documents(live: Live) -> None:
    sent = await live.say(ADMIN, "/export anmeldungen", name="Chefin")
    documents = {m["document"]["file_name"].rsplit(".", 1)[1]: m for m in sent if "document" in m}
    assert set(documents) == {"csv", "xlsx"}, [m.get("text") for m in sent]
    calls = {c.params["document"]["filename"]: c.params for c in live.api.calls_of("sendDocument")}
    csv_call = next(p for name, p in calls.items() if name.endswith(".csv"))
    xlsx_call = next(p for name, p in calls.items() if name.endswith(".xlsx"))
    assert csv_call["document"]["mime"].startswith("text/csv")
    assert xlsx_call["document"]["mime"].endswith("spreadsheetml.sheet")
    assert xlsx_call["document"]["data"][:2] == b"PK"  # a real zip container
    assert all(p.get("parse_mode") == "HTML" for p in calls.values())
