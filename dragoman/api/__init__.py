"""The REST API and the dashboard: ``create_app(db_path, token)`` builds the FastAPI app.

Reading needs no token; storing a review needs ``Authorization: Bearer <token>``.
The store is opened per request (read-only for reads), so an ingest can run
between requests; see dragoman.api.access.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dragoman import __version__
from dragoman.api import routes, writes
from dragoman.api.access import StoreAccess
from dragoman.api.security import allowed_hosts, security_headers, validation_error

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def create_app(db_path: str | Path, token: str | None = None, hosts: Sequence[str] | None = None) -> FastAPI:
    """The API over one store file, with the dashboard at ``/``.

    ``hosts``: the Host names answered (default: the loopback names); any other Host gets
    400, so a page that rebinds its own domain to 127.0.0.1 cannot read the store.
    """
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
    # Added first, so it runs inside security_headers and its 400s carry the headers too.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts or allowed_hosts()), www_redirect=False)
    app.middleware("http")(security_headers)
    app.exception_handler(RequestValidationError)(validation_error)
    app.include_router(routes.router)
    app.include_router(writes.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


__all__ = ["create_app"]
