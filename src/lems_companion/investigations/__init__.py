"""The test tracker: EDX, VGCC antibodies, CT and PET results the patient records."""
