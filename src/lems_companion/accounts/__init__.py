"""Accounts: users, password hashes, sessions and tokens, sign-in throttling, data rights."""
