"""Where the served model comes from: the MLflow model registry in production, a local model in tests.

A source answers two questions: which version the alias points at now (cheap, asked on every
poll) and the model of a given version (expensive, asked only when the version changes). Loading
by version, not by alias, means the model served is exactly the version reported, even when the
alias moves between the two calls.
"""
from __future__ import annotations

import os
from typing import List, Mapping, Optional, Protocol

Rows = List[List[float]]


class Predictor(Protocol):
    def predict(self, rows: Rows) -> list: ...


class ModelSource(Protocol):
    #: What the API reports as the model it serves, e.g. "models:/iris-classifier@champion".
    description: str

    def current_version(self) -> str: ...

    def load(self, version: str) -> Predictor: ...


class _PyfuncPredictor:
    def __init__(self, model) -> None:
        self._model = model

    def predict(self, rows: Rows) -> list:
        import numpy as np

        result = self._model.predict(np.asarray(rows, dtype=float))
        return result.tolist() if hasattr(result, "tolist") else list(result)


class MLflowRegistrySource:
    """`models:/<name>@<alias>` in the MLflow registry (MLflow 3 aliases, not stages)."""

    def __init__(self, tracking_uri: str, model_name: str, alias: str) -> None:
        # A failed poll is tried again at the next poll: fail within seconds rather than after the
        # client's default minutes of retries and backoff (both variables stay settable).
        os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2")
        os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "30")
        import mlflow  # lazy: the local source and the unit tests never need it
        from mlflow import MlflowClient

        self.model_name = model_name
        self.alias = alias
        self.description = f"models:/{model_name}@{alias}"
        # Downloading a version's artifacts goes through the tracking server too.
        mlflow.set_tracking_uri(tracking_uri)
        self._client = MlflowClient(tracking_uri=tracking_uri)

    def current_version(self) -> str:
        return str(self._client.get_model_version_by_alias(self.model_name, self.alias).version)

    def load(self, version: str) -> Predictor:
        import mlflow.pyfunc

        return _PyfuncPredictor(mlflow.pyfunc.load_model(f"models:/{self.model_name}/{version}"))


class _SklearnPredictor:
    def __init__(self, model) -> None:
        self._model = model

    def predict(self, rows: Rows) -> list:
        return self._model.predict(rows).tolist()


class LocalSource:
    """A scikit-learn classifier trained on the bundled iris data: for tests and laptops."""

    description = "local:iris-logistic-regression"

    def current_version(self) -> str:
        return "local"

    def load(self, version: str) -> Predictor:
        from sklearn.datasets import load_iris
        from sklearn.linear_model import LogisticRegression

        features, labels = load_iris(return_X_y=True)
        return _SklearnPredictor(LogisticRegression(max_iter=500).fit(features, labels))


def source_from_env(env: Optional[Mapping[str, str]] = None) -> ModelSource:
    env = os.environ if env is None else env
    kind = env.get("MODEL_LOADER", "mlflow")
    if kind == "local":
        return LocalSource()
    if kind == "mlflow":
        return MLflowRegistrySource(
            tracking_uri=env.get("MLFLOW_TRACKING_URI", "http://mlflow:5000"),
            model_name=env.get("MODEL_NAME", "iris-classifier"),
            alias=env.get("MODEL_ALIAS", "champion"),
        )
    raise ValueError(f"MODEL_LOADER must be 'mlflow' or 'local', not {kind!r}")
