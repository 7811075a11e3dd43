"""Alembic migrations shipped inside the package and run by `Archive.open` (no alembic.ini)."""
