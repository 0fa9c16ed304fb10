"""Training passages for the antecedent ranker of the mention chains (written for the project)."""
