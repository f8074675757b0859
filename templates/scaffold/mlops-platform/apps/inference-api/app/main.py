"""Inference API: POST /predict, GET /health/live, GET /health/ready, GET /metrics (Prometheus).

Configuration (environment): MLFLOW_TRACKING_URI, MODEL_NAME, MODEL_ALIAS (default champion),
MODEL_POLL_SECONDS (how often the registry alias is checked, default 30), MODEL_FEATURES
(default 4), LOG_LEVEL (default INFO), MODEL_LOADER=local for a model trained in-process.
"""
from __future__ import annotations

import logging
import os
import time
from contextlib import asynccontextmanager
from typing import List, Mapping, Optional, Sequence

from fastapi import FastAPI, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from pydantic import BaseModel

from .logs import configure_logging
from .model_source import ModelSource, source_from_env
from .serving_model import Poller, ServingModel

log = logging.getLogger("inference_api")


class PredictRequest(BaseModel):
    instances: List[List[float]]


class PredictResponse(BaseModel):
    predictions: list
    model: str
    version: str


def positive_number(env: Mapping[str, str], name: str, default: str, kind=float):
    raw = env.get(name, default)
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(f"{name} must be a positive {'whole ' if kind is int else ''}number, not {raw!r}")
    return value


def validate_rows(rows: Sequence[Sequence[float]], width: int) -> None:
    if not rows:
        raise ValueError("instances must not be empty")
    for i, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"instance {i} has {len(row)} features, expected {width}")


def create_app(
    source: Optional[ModelSource] = None,
    registry: Optional[CollectorRegistry] = None,
    env: Optional[Mapping[str, str]] = None,
) -> FastAPI:
    env = os.environ if env is None else env
    poll_seconds = positive_number(env, "MODEL_POLL_SECONDS", "30")
    features = positive_number(env, "MODEL_FEATURES", "4", int)
    # One registry per app: tests build several apps in one process.
    registry = registry or CollectorRegistry()
    model = ServingModel(source or source_from_env(env), registry)
    requests_total = Counter(
        "inference_requests", "Requests to the inference API", ["endpoint", "status"], registry=registry
    )
    latency = Histogram(
        "inference_request_duration_seconds",
        "Time to answer a request",
        ["endpoint"],
        buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
        registry=registry,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        poller = Poller(model, poll_seconds)
        poller.start()
        log.info("polling %s every %ss", model.source.description, poll_seconds)
        yield
        poller.stop()

    app = FastAPI(title="inference-api", lifespan=lifespan)
    app.state.model = model

    @app.middleware("http")
    async def measure(request: Request, call_next):
        if request.url.path != "/predict":
            return await call_next(request)
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            latency.labels("/predict").observe(time.perf_counter() - started)
            requests_total.labels("/predict", str(status)).inc()

    @app.get("/health/live")
    def live() -> dict:
        """The process answers: restart it only when this fails."""
        return {"status": "alive"}

    @app.get("/health/ready")
    def ready(response: Response) -> dict:
        """A model is loaded: route traffic here only when this succeeds."""
        served = model.current
        if served is None:
            response.status_code = 503
            return {"status": "loading", "model": model.source.description, "error": model.last_error}
        return {"status": "ready", "model": served.description, "version": served.version, "error": model.last_error}

    @app.post("/predict", response_model=PredictResponse)
    def predict(body: PredictRequest) -> PredictResponse:
        try:
            validate_rows(body.instances, features)
        except ValueError as error:
            raise HTTPException(status_code=422, detail=str(error))
        served = model.current  # one snapshot for the whole request
        if served is None:
            raise HTTPException(status_code=503, detail=f"model not loaded yet: {model.last_error or 'loading'}")
        return PredictResponse(
            predictions=served.predictor.predict(body.instances), model=served.description, version=served.version
        )

    @app.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return app


def _app_from_env() -> FastAPI:
    configure_logging(os.environ)
    return create_app()


# `uvicorn app.main:app`; the tests build their own apps instead.
app = _app_from_env() if os.environ.get("INFERENCE_API_NO_APP") != "1" else None
