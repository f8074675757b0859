"""Inference API: POST /predict, GET /health, GET /metrics (Prometheus)."""
from __future__ import annotations

import os
import time
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from pydantic import BaseModel

from .model_loader import LazyModel, ModelLoader, loader_from_env, validate_rows

FEATURES = int(os.environ.get("MODEL_FEATURES", "4"))


class PredictRequest(BaseModel):
    instances: List[List[float]]


class PredictResponse(BaseModel):
    predictions: list
    model: str


def create_app(loader: Optional[ModelLoader] = None, registry: Optional[CollectorRegistry] = None) -> FastAPI:
    model = LazyModel(loader or loader_from_env())
    # One registry per app: tests build several apps in one process.
    registry = registry or CollectorRegistry()
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
    app = FastAPI(title="inference-api")

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

    @app.on_event("startup")
    def warm_up() -> None:
        try:
            model.get()
        except Exception:
            pass  # /health reports it; /predict retries

    @app.get("/health")
    def health(response: Response) -> dict:
        if not model.loaded:
            try:
                model.get()
            except Exception:
                response.status_code = 503
                return {"status": "loading", "model": model.loader.description, "error": model.last_error}
        return {"status": "ok", "model": model.loader.description}

    @app.post("/predict", response_model=PredictResponse)
    def predict(body: PredictRequest) -> PredictResponse:
        try:
            validate_rows(body.instances, FEATURES)
        except ValueError as error:
            raise HTTPException(status_code=422, detail=str(error))
        try:
            predictor = model.get()
        except Exception:
            raise HTTPException(status_code=503, detail=f"model not available: {model.last_error}")
        return PredictResponse(predictions=predictor.predict(body.instances), model=model.loader.description)

    @app.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    return app


app = create_app() if os.environ.get("INFERENCE_API_NO_APP") != "1" else None
