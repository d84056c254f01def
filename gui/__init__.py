"""The review app (PySide6 Widgets), started by ``quotes review``; see ``gui.app.run_app``.

Thin over the library: every read and write goes through ``quotes.store.Store`` on Python's
``sqlite3`` (QtSql is never imported: two SQLite libraries on one WAL file in one process
can corrupt it).
"""

from .compat import guard_none_refcount

# Before any window exists: PySide6 6.12.0 on CPython 3.11 leaks references to None (see compat.py).
guard_none_refcount()
