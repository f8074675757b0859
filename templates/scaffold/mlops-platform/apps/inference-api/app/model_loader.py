"""The model-loading seam: production loads from the MLflow model registry, tests train locally.

The API depends only on `ModelLoader.load()` returning something with `predict(rows)`, so the
MLflow client (a heavy dependency) is imported only by `MLflowLoader`, and only when it loads.
"""
from __future__ import annotations

import os
import threading
from typing import List, Optional, Protocol, Sequence

Rows = List[List[float]]


class Predictor(Protocol):
    def predict(self, rows: Rows) -> list: ...


class ModelLoader(Protocol):
    #: What the API reports as the model it serves, e.g. "models:/iris-classifier@champion".
    description: str

    def load(self) -> Predictor: ...


class _PyfuncPredictor:
    def __init__(self, model) -> None:
        self._model = model

    def predict(self, rows: Rows) -> list:
        import pandas as pd  # installed with mlflow

        result = self._model.predict(pd.DataFrame(rows))
        return result.tolist() if hasattr(result, "tolist") else list(result)


class MLflowLoader:
    """Loads `models:/<name>@<alias>` from the MLflow registry (MLflow 3 aliases, not stages)."""

    def __init__(self, tracking_uri: str, model_name: str, alias: str) -> None:
        self.tracking_uri = tracking_uri
        self.model_name = model_name
        self.alias = alias
        self.description = f"models:/{model_name}@{alias}"

    def load(self) -> Predictor:
        import mlflow  # lazy: tests and the local loader never need it

        mlflow.set_tracking_uri(self.tracking_uri)
        return _PyfuncPredictor(mlflow.pyfunc.load_model(self.description))


class _SklearnPredictor:
    def __init__(self, model) -> None:
        self._model = model

    def predict(self, rows: Rows) -> list:
        return self._model.predict(rows).tolist()


class LocalLoader:
    """Trains a tiny scikit-learn classifier on the bundled iris data: for tests and laptops."""

    description = "local:iris-logistic-regression"

    def load(self) -> Predictor:
        from sklearn.datasets import load_iris
        from sklearn.linear_model import LogisticRegression

        features, labels = load_iris(return_X_y=True)
        return _SklearnPredictor(LogisticRegression(max_iter=500).fit(features, labels))


class LazyModel:
    """Loads once, on first use, and retries after a failure (the registry may not be up yet)."""

    def __init__(self, loader: ModelLoader) -> None:
        self.loader = loader
        self._predictor: Optional[Predictor] = None
        self._lock = threading.Lock()
        self.last_error: Optional[str] = None

    @property
    def loaded(self) -> bool:
        return self._predictor is not None

    def get(self) -> Predictor:
        with self._lock:
            if self._predictor is None:
                try:
                    self._predictor = self.loader.load()
                    self.last_error = None
                except Exception as error:  # reported by /health and /predict
                    self.last_error = f"{type(error).__name__}: {error}"
                    raise
            return self._predictor


def loader_from_env(env: Optional[dict] = None) -> ModelLoader:
    env = dict(os.environ if env is None else env)
    kind = env.get("MODEL_LOADER", "mlflow")
    if kind == "local":
        return LocalLoader()
    if kind == "mlflow":
        return MLflowLoader(
            tracking_uri=env.get("MLFLOW_TRACKING_URI", "http://mlflow:5000"),
            model_name=env.get("MODEL_NAME", "iris-classifier"),
            alias=env.get("MODEL_ALIAS", "champion"),
        )
    raise ValueError(f"MODEL_LOADER must be 'mlflow' or 'local', not {kind!r}")


def validate_rows(rows: Sequence[Sequence[float]], width: int) -> None:
    if not rows:
        raise ValueError("instances must not be empty")
    for i, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"instance {i} has {len(row)} features, expected {width}")
