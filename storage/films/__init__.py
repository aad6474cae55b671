"""The film series "Berufe mit Zukunft": one company per profession group, at most N films.

`models` (the table), `rules` (catalogue numbers, who may hold a group), `service` (writes),
`queries` (the read side).
"""
