"""The general domain (the seed's internal_external server): symptoms, conditions, prevention."""
