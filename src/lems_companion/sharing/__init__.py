"""Sharing: grants to caregivers and clinicians, share links, the audit log and access checks."""
