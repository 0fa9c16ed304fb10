"""Security headers, the dashboard's content security policy, the Host check, and the write token."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Sequence

from fastapi import HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.url.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def check_token(expected: str | None, authorization: str | None) -> None:
    """Allow a write only with ``Authorization: Bearer <token>`` (constant-time comparison)."""
    if not expected:
        raise HTTPException(status_code=403, detail="this server was started without a write token")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(
            status_code=401, detail="writing needs Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(status_code=401, detail="wrong token", headers={"WWW-Authenticate": "Bearer"})


# The names a browser uses for a server on this machine. A page from elsewhere that
# rebinds its own name to 127.0.0.1 still sends that name as Host, and is refused.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def allowed_hosts(bound: str | None = None, extra: Sequence[str] = ()) -> list[str]:
    """The Host names the server answers: the loopback names, the address it is bound to, and ``extra``."""
    names = list(LOOPBACK_HOSTS)
    for name in (bound, *extra):
        if not name or name in {"0.0.0.0", "::"}:  # a wildcard address is not a name anyone asks for
            continue
        host = f"[{name}]" if ":" in name and not name.startswith("[") else name
        if host.lower() not in names:
            names.append(host.lower())
    return names


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """422 naming where and why, without echoing the input (which may not even encode as UTF-8)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
              for e in errors]  # fmt: skip
    return JSONResponse({"detail": detail}, status_code=422)
