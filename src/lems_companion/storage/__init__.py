"""Storage: tables, database sessions, migrations and the queries the app needs."""
