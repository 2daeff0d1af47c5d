"""Pattern analysis of a diary: observations, never a diagnosis."""
