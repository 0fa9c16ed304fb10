"""The one read layer: every surface (Python API, exports, REST API, CLI, analyses) reads through it.

Each module answers one kind of question over the store (event mentions, merged
events, quotes, documents, disputes, locations, whole tables) and applies the
analysts' reviews in one place (``reviews.py``), so a correction or a "wrong"
verdict looks the same whichever surface shows it.
"""
