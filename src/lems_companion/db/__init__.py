"""Storage infrastructure: the engine and sessions, column types, the shared base, backups and
the migrations. Concepts keep their own tables; ``db.models`` gathers them."""
