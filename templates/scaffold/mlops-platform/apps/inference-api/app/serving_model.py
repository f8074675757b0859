"""The model being served, and the poller that swaps it when the registry alias moves.

Requests read `ServingModel.current` once and use that snapshot; the poller builds the new model
completely before replacing the reference, so a request sees the old model or the new one, never
a half-loaded one. A failed load leaves the old model serving; it is logged and counted.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Optional

from prometheus_client import CollectorRegistry, Counter, Gauge

from .logs import fields
from .model_source import ModelSource, Predictor

log = logging.getLogger("inference_api.model")


@dataclass(frozen=True)
class LoadedModel:
    predictor: Predictor
    version: str
    description: str


class ServingModel:
    def __init__(self, source: ModelSource, registry: CollectorRegistry) -> None:
        self.source = source
        self.current: Optional[LoadedModel] = None
        self.last_error: Optional[str] = None
        self._refresh_lock = threading.Lock()
        self._loads = Counter(
            "inference_model_loads", "Model loads by outcome", ["result"], registry=registry
        )
        self._version = Gauge(
            "inference_model_version", "Registry version of the model being served", registry=registry
        )
        self._loaded_at = Gauge(
            "inference_model_loaded_timestamp_seconds", "When the served model was loaded", registry=registry
        )

    def refresh(self) -> bool:
        """Loads the version the alias points at when it differs from the served one.

        Returns True when the served model changed. Never raises: the error is kept for /health/ready.
        """
        with self._refresh_lock:  # one load at a time, whoever asks
            try:
                version = self.source.current_version()
                if self.current is not None and self.current.version == version:
                    return False
                started = time.perf_counter()
                predictor = self.source.load(version)
            except Exception as error:  # the registry may be down or the artifact unreadable
                self.last_error = f"{type(error).__name__}: {error}"
                self._loads.labels("failure").inc()
                log.error(
                    "model load failed; %s",
                    "still serving version " + self.current.version if self.current else "no model to serve yet",
                    extra=fields(model=self.source.description, error=self.last_error),
                )
                return False
            previous = self.current.version if self.current else None
            self.current = LoadedModel(predictor, version, self.source.description)
            self.last_error = None
            self._loads.labels("success").inc()
            if version.isdigit():
                self._version.set(int(version))
            self._loaded_at.set_to_current_time()
            log.info(
                "serving model version %s",
                version,
                extra=fields(model=self.source.description, version=version, previous=previous,
                             seconds=round(time.perf_counter() - started, 3)),
            )
            return True


class Poller:
    """Loads at once, then calls `ServingModel.refresh` every `seconds` on a daemon thread until stopped.

    The first load runs on the thread too, so the server answers /health/live while it loads.
    """

    def __init__(self, model: ServingModel, seconds: float) -> None:
        self._model = model
        self._seconds = seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="model-poller", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        self._model.refresh()
        while not self._stop.wait(self._seconds):
            self._model.refresh()
