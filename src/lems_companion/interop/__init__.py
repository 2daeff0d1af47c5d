"""Interoperability: FHIR R4, GA4GH Phenopacket, CSV and calendar feeds (docs/interop.md)."""
