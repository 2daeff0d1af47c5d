"""Clinician tools: DELTA-P, the SCLC screening schedule, the EDX calculator and medicine checks.

Every tool here is a pure function over validated inputs: no storage, no clock, no network. They
are decision aids for clinicians; none of them states or rules out a diagnosis. The figures and
their sources are documented in docs/clinical-tools.md.
"""

from lems_companion.i18n import N_

# Shown on every tool page, in the reader's language (the template passes it through the catalogue).
DISCLAIMER = N_(
    "This is a decision aid to discuss with a clinician. It is not a diagnosis and does not rule "
    "anything in or out."
)
