"""Data rights: the all-data archive of an account and its deletion (docs/data-rights.md)."""
