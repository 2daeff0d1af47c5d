"""The electrodiagnostic cut-offs (clinical spec sections 4 and 6), as plain numbers.

Apart from ``rules/edx.py`` (which needs pydantic for its calculator), so that what only names
them, such as the test tracker's kinds shown in ``lems`` help, loads nothing else.
"""

from __future__ import annotations

# Increment of the CMAP after brief exercise (clinical spec sections 4 and 6).
INCREMENT_CUTOFF_60_PERCENT = 60
INCREMENT_CUTOFF_100_PERCENT = 100
# A decrement of 10% or more on 2-5 Hz repetitive stimulation is common in LEMS (spec section 4).
DECREMENT_CUTOFF_PERCENT = 10
