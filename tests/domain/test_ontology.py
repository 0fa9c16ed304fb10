from __future__ import annotations

import pytest

from dragoman.domain.errors import UnknownEventType
from dragoman.domain.ontology import (
    INTENSITY,
    MODES,
    PLV_ROOT_QUAD,
    PLV_TO_PLOVER,
    QUAD_KEYS,
    QUAD_NAMES,
    STATUSES,
    TYPE_QUAD,
    TYPES,
    quad_of,
)


def test_sixteen_types_each_with_quad_and_intensity() -> None:
    assert len(TYPES) == 16 and set(INTENSITY) == set(TYPE_QUAD)
    assert set(TYPE_QUAD.values()) == set(QUAD_NAMES) == set(QUAD_KEYS) == {1, 2, 3, 4}


def test_modes_belong_to_known_types() -> None:
    assert set(MODES) <= set(TYPES)


def test_plv_labels_map_onto_plover() -> None:
    assert PLV_TO_PLOVER["YIELD"] == ("CONCEDE", "RETREAT") and PLV_ROOT_QUAD["YIELD"] == 2
    assert all(t in TYPES for targets in PLV_TO_PLOVER.values() for t in targets)


def test_statuses() -> None:
    assert STATUSES == ("asserted", "alleged", "denied", "hypothetical")


def test_quad_of_any_case_and_typed_failure() -> None:
    assert quad_of("assault") == 4 and quad_of("CONSULT") == 1
    with pytest.raises(UnknownEventType, match="unknown PLOVER type 'PARADE'") as caught:
        quad_of("PARADE")
    assert caught.value.code == "D301" and isinstance(caught.value, ValueError)
