"""The one write endpoint: storing an analyst's review (needs the bearer token)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from dragoman.analysis.review import ReviewError, add_review
from dragoman.api.access import StoreAccess
from dragoman.api.security import check_token

router = APIRouter(prefix="/api")

ActorKey = Annotated[str, Field(min_length=1, max_length=200)]


class Corrections(BaseModel):
    """Corrected fields: type, date, actors, recipients for events; speaker, date for quotes."""

    model_config = ConfigDict(extra="forbid")
    type: str | None = Field(None, pattern=r"^[A-Za-z]{2,12}$")
    date: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    actors: list[ActorKey] | None = Field(None, min_length=1, max_length=20)
    recipients: list[ActorKey] | None = Field(None, min_length=1, max_length=20)
    speaker: ActorKey | None = None


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    target_kind: Literal["event", "merged_event", "quote"]
    target_id: str = Field(min_length=1, max_length=200)
    verdict: Literal["right", "wrong", "corrected"] | None = None
    corrections: Corrections | None = None
    reviewer: str = Field(min_length=1, max_length=100)
    note: str | None = Field(None, max_length=2000)


@router.post("/reviews", status_code=201)
def post_review(
    request: Request,
    body: ReviewIn,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Mark an event mention, merged event or quote right or wrong, or correct it."""
    check_token(request.app.state.token, authorization)
    store_access: StoreAccess = request.app.state.access
    corrections = body.corrections.model_dump(exclude_none=True) if body.corrections else {}
    with store_access.open(write=True) as store:
        try:
            return add_review(
                store, body.target_kind, body.target_id, body.verdict, body.reviewer, corrections, body.note
            )
        except ReviewError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None
        except LookupError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from None
