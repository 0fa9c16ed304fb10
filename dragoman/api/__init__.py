"""The REST API and the dashboard: ``create_app(db_path, token)`` builds the FastAPI app.

Reading needs no token; storing a review needs ``Authorization: Bearer <token>``.
The store is opened per request (read-only for reads), so an ingest can run
between requests; see dragoman.api.access.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dragoman import __version__
from dragoman.api import routes, writes
from dragoman.api.access import StoreAccess
from dragoman.api.security import security_headers

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The API over one store file, with the dashboard at ``/``."""
    app = FastAPI(
        title="dragoman",
        version=__version__,
        description="Events, quotes, disputes and analyses from a dragoman store. "
        "Reading needs no token; POST /api/reviews needs `Authorization: Bearer <token>`.",
        docs_url=None,  # the interactive docs page would load scripts from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.access = StoreAccess(db_path)
    app.state.token = token
    app.middleware("http")(security_headers)
    app.include_router(routes.router)
    app.include_router(writes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


__all__ = ["create_app"]
