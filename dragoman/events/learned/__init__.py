"""The learned event coder: sentence embeddings → event types (or none) → actors from the parse."""
