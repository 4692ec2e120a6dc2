"""Persistence: SQLAlchemy models, engine, unit of work, change history, migrations, backups."""
