"""What every stage shares and nothing else: records, the PLOVER ontology, partial dates,
actor identity and typed errors.  The lowest layer: it imports no other dragoman package."""
