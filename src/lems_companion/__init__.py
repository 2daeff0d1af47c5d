"""LEMS Companion: a symptom diary and companion for Lambert-Eaton myasthenic syndrome."""

__version__ = "0.1.0"
