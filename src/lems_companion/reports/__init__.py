"""Reports: the one report assembly, appointment preparation and charts."""
