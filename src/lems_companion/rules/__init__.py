"""Clinical rules that more than one concept applies (triage, analysis, reports, exports).

Each rule is written once, here, with its source beside it, so that an entry's flag and every
view of the diary always agree.
"""
