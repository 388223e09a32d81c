"""Persistence in SQLite through sqlite-utils: opening, migrations and the repository.

No Qt here: the UI reaches storage only through the objects built in ``app.__main__``.
"""
