"""The read-only HTTP API and the dashboard's web server (FastAPI).

``create_app(db_path)`` builds the app; ``dotterel serve`` runs it with
uvicorn on 127.0.0.1.  Every request opens its own short read-only
connection through ``StoreReader`` (see reader.py for why), so the server
can stay up while ``dotterel code`` writes to the same file, and shows new
events as soon as the writer finishes.

Errors are the caller's or the store's, never a crash: a malformed
parameter is a 422 and a contradictory one (start after end) a 400, both
with a message naming the parameter; an unknown event or article a 404;
a store locked by a writer with no snapshot yet a 503 with Retry-After.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from . import __version__, analytics, queries
from .analytics import AnalyticsError, Level, Period, Unit
from .reader import StoreReader, StoreUnavailable

WEB_DIR = Path(__file__).resolve().parent / "web"
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
ACTOR = r"^[A-Za-z0-9]{2,24}$"
# Printable text only: NUL and other control characters have no business in a search.
TEXT = r"^[^\x00-\x1f\x7f]*$"

T = TypeVar("T")

ActorQ = Annotated[str | None, Query(pattern=ACTOR, description="Country (IRN) or actor code prefix (IRNGOV): either side.")]
DateQ = Annotated[dt.date | None, Query(description="ISO date (YYYY-MM-DD), inclusive.")]
QuadQ = Annotated[list[Annotated[int, Query(ge=1, le=4)]] | None, Query(
    description="Quad class, repeatable: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")]
UnitQ = Annotated[Unit, Query(description="merged: happenings (merged_events); events: every report.")]


def create_app(db_path: Path | str, *, reader: StoreReader | None = None) -> FastAPI:
    """The API and dashboard over the store at ``db_path`` (which must exist)."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreUnavailable(f"no store at {path}: run `dotterel code ... --db {path}` first")
    store = reader or StoreReader(path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()  # removes the snapshot folder

    app = FastAPI(
        lifespan=lifespan,
        title="dotterel",
        version=__version__,
        summary="Read-only API over a dotterel event store: events, dyad series, networks, articles.",
        docs_url=None,  # served below from the vendored Swagger UI: no CDN
        redoc_url=None,
    )
    app.state.reader = store
    _install_error_handlers(app)

    def read(response: Response, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(con, ...)`` on a fresh read-only connection; mark snapshot reads."""
        with store.read() as reading:
            result = fn(reading.con, *args, **kwargs)
        response.headers["Cache-Control"] = "no-store"
        if reading.snapshot_at is not None:
            response.headers["X-Dotterel-Snapshot"] = reading.snapshot_at.isoformat()
        return result

    @app.get("/api/summary", tags=["store"])
    def summary(response: Response) -> dict[str, Any]:
        """Counts and date range of the store; ``snapshot`` tells whether a writer holds it now."""
        result = read(response, queries.summary)
        result["db"] = path.name
        result["snapshot"] = response.headers.get("X-Dotterel-Snapshot")
        return result

    @app.get("/api/events", tags=["events"])
    def events(
        response: Response,
        actor: ActorQ = None,
        other: Annotated[str | None, Query(pattern=ACTOR, description="With actor: events between the two, either way round.")] = None,
        source: Annotated[str | None, Query(pattern=ACTOR, description="Source actor (country or code prefix).")] = None,
        target: Annotated[str | None, Query(pattern=ACTOR, description="Target actor (country or code prefix).")] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 country as source, target or place.")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix (04, 042).")] = None,
        quad: QuadQ = None,
        start: DateQ = None,
        end: DateQ = None,
        q: Annotated[str | None, Query(max_length=200, pattern=TEXT, description="Text in the sentence or an actor's name.")] = None,
        doc_id: Annotated[str | None, Query(max_length=300, pattern=TEXT, description="Only this article's events.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Events (the public event record plus the article title), newest first, one page at a time."""
        flt = queries.EventFilter(actor, source, target, country, cameo, tuple(quad or ()), start, end, q, doc_id, other)
        return read(response, queries.list_events, flt, limit=limit, offset=offset).to_dict()

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(response: Response, event_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$")]) -> dict[str, Any]:
        """One event with its article text, the spans to highlight and its merged event."""
        return _found(read(response, queries.get_event, event_id), f"no event {event_id}")

    @app.get("/api/articles/{doc_id}", tags=["events"])
    def article(response: Response, doc_id: Annotated[str, PathParam(max_length=300, pattern=TEXT)]) -> dict[str, Any]:
        """An article's stored text and all its events (offsets index the text)."""
        return _found(read(response, queries.get_article, doc_id), f"no article {doc_id!r}")

    @app.get("/api/locations", tags=["events"])
    def locations(
        response: Response, actor: ActorQ = None, other: Annotated[str | None, Query(pattern=ACTOR)] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None, quad: QuadQ = None,
        start: DateQ = None, end: DateQ = None,
        q: Annotated[str | None, Query(max_length=200, pattern=TEXT)] = None,
    ) -> list[dict[str, Any]]:
        """Places of the filtered events, with counts by quad class (for the map)."""
        flt = queries.EventFilter(actor=actor, other=other, country=country, cameo=cameo, quads=tuple(quad or ()), start=start, end=end, q=q)
        return [_asdict(p) for p in read(response, queries.locations, flt)]

    @app.get("/api/dyad", tags=["analytics"])
    def dyad(
        response: Response,
        a: Annotated[str, Query(pattern=ACTOR, description="First actor (country or code prefix).")],
        b: Annotated[str | None, Query(pattern=ACTOR, description="Second actor; omitted: every counterpart.")] = None,
        by: Period = Period.month,
        directed: Annotated[bool, Query(description="Only a acting on b.")] = False,
        normalize: Annotated[bool, Query(description="Divide counts by the articles reporting in the period.")] = False,
        unit: UnitQ = Unit.merged,
        start: DateQ = None,
        end: DateQ = None,
        undated: Annotated[bool, Query(description="Add a final point (period null) for undated events.")] = True,
    ) -> dict[str, Any]:
        """Per-period counts by quad class, Goldstein sum and mean, and the conflict–cooperation index."""
        return read(response, analytics.dyad_series, a, b, by=by, directed=directed, normalize=normalize,
                    start=start, end=end, unit=unit, include_undated=undated).to_dict()

    @app.get("/api/network", tags=["analytics"], response_model=None)
    def network(
        response: Response, start: DateQ = None, end: DateQ = None, quad: QuadQ = None, actor: ActorQ = None,
        level: Level = Level.country, weight: Literal["count", "goldstein"] = "count",
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1, unit: UnitQ = Unit.merged,
        format: Literal["json", "graphml"] = "json",
    ) -> dict[str, Any] | Response:
        """Weighted directed graph of who acted on whom (JSON, or GraphML to download)."""
        graph = read(response, analytics.network, start=start, end=end, quads=tuple(quad or ()), actor=actor,
                     level=level, weight=weight, min_events=min_events, unit=unit)
        if format == "graphml":
            return Response(graph.to_graphml(), media_type="application/graphml+xml", headers={
                "Content-Disposition": 'attachment; filename="dotterel-network.graphml"'})
        return graph.to_dict()

    @app.get("/api/timeline", tags=["analytics"])
    def timeline(
        response: Response, actor: Annotated[str, Query(pattern=ACTOR)],
        other: Annotated[str | None, Query(pattern=ACTOR, description="Only events between actor and other.")] = None,
        start: DateQ = None, end: DateQ = None, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    ) -> list[dict[str, Any]]:
        """Merged events of an actor or dyad in date order (undated last), each with its sentences."""
        return [_asdict(t) for t in read(response, analytics.timeline, actor, other, start=start, end=end, limit=limit)]

    @app.get("/api/top", tags=["analytics"])
    def top(
        response: Response, kind: Literal["actors", "event_types"] = "actors",
        n: Annotated[int, Query(ge=1, le=100)] = 10, start: DateQ = None, end: DateQ = None,
        level: Level = Level.country, unit: UnitQ = Unit.merged,
    ) -> list[dict[str, Any]]:
        """The most frequent actors or CAMEO event types."""
        if kind == "actors":
            return [_asdict(x) for x in read(response, analytics.top_actors, n=n, start=start, end=end, level=level, unit=unit)]
        return [_asdict(x) for x in read(response, analytics.top_event_types, n=n, start=start, end=end, unit=unit)]

    @app.get("/api/changes", tags=["analytics"])
    def changes(
        response: Response, a: Annotated[str | None, Query(pattern=ACTOR)] = None,
        b: Annotated[str | None, Query(pattern=ACTOR)] = None, by: Period = Period.month,
        threshold: Annotated[float, Query(gt=0, le=2)] = 0.5, unit: UnitQ = Unit.merged,
    ) -> list[dict[str, Any]]:
        """Periods where a dyad's conflict–cooperation index jumps (every country dyad when a is omitted)."""
        if b and not a:
            raise AnalyticsError("b needs a")
        return [_asdict(c) for c in read(response, analytics.changes, a, b, by=by, threshold=threshold, unit=unit)]

    if (WEB_DIR / "static").is_dir():
        app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="dotterel API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css", swagger_favicon_url="data:,")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    return app


def _found(value: T | None, message: str) -> T:
    if value is None:
        raise HTTPException(status_code=404, detail=message)
    return value


def _asdict(obj: Any) -> dict[str, Any]:
    return asdict(obj)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems, texts = [], []
        for error in exc.errors():
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path"))
            got = error.get("input")
            shown = None if got is None or isinstance(got, dict) else str(got)[:80]
            message = error.get("msg", "invalid")
            problems.append({"param": where, "message": message, "input": shown})
            texts.append(f"{where}: {message}" + (f" (got {shown!r})" if shown is not None else ""))
        return JSONResponse(status_code=422, content={
            "error": "invalid parameter", "detail": "; ".join(texts), "problems": problems})

    @app.exception_handler(AnalyticsError)
    async def bad_request(_request: Request, exc: AnalyticsError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"error": "bad request", "detail": str(exc)})

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_request: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse(status_code=503, content={"error": "store unavailable", "detail": str(exc)},
                            headers={"Retry-After": "2"})
