"""The diary: entry schemas, tables, the one service that stores and triages entries, JSON/CSV
input and output, and the demo diary."""
