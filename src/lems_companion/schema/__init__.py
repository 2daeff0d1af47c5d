"""The database schema as a whole: every concept's tables in one registry (``tables``) and the
backup and restore of all of them (``backup``). Concepts keep their own tables; this package sits
above them, so no concept imports it."""
