"""PLOVER names used by the analyses; defined once in ``dragoman.domain.ontology``."""

from __future__ import annotations

from dragoman.domain.ontology import (
    COUNTED_STATUSES,
    INTENSITY,
    QUAD_KEYS,
    QUAD_NAMES,
    STATUSES,
    TYPE_QUAD,
    TYPES,
    quad_of,
)

__all__ = ["COUNTED_STATUSES", "INTENSITY", "QUAD_KEYS", "QUAD_NAMES", "STATUSES", "TYPE_QUAD", "TYPES", "quad_of"]
