"""The PLOVER ontology as the events stage sees it; defined once in ``dragoman.domain.ontology``."""

from __future__ import annotations

from dragoman.domain.ontology import QUAD_NAMES, RECIPROCAL_TYPES, TYPE_QUAD, TYPES, quad_of

__all__ = ["QUAD_NAMES", "RECIPROCAL_TYPES", "TYPE_QUAD", "TYPES", "quad_of"]
