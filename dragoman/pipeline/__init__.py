"""Running the stages over a corpus: per-document processing, ingest orchestration, consolidation."""
