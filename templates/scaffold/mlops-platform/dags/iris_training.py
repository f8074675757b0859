"""Train, evaluate, register and promote the iris classifier: the work of the train_register DAG.

Plain functions over MLflow and scikit-learn, without Airflow, so that they run and are tested
anywhere. Each takes and returns JSON-friendly values (what Airflow passes between tasks).

The promotion gate: a candidate is always registered, and becomes `champion` (MODEL_ALIAS) only
when its accuracy on the held-out data beats the champion's accuracy on the same data; the first
registered model becomes champion. Heavy imports stay inside the functions: Airflow imports this
file whenever it parses the DAG.
"""
from __future__ import annotations

import os
from typing import Optional

#: The metric the gate compares (higher is better), logged to MLflow for both models.
METRIC = "accuracy"
#: Fixes the train/held-out split, so that the candidate and the champion are scored on the same rows.
SEED = 7


def _settings() -> tuple:
    return (
        os.environ.get("MLFLOW_TRACKING_URI", "http://mlflow:5000"),
        os.environ.get("MODEL_NAME", "iris-classifier"),
        os.environ.get("MODEL_ALIAS", "champion"),
    )


def _client():
    import mlflow
    from mlflow import MlflowClient

    tracking_uri, name, _ = _settings()
    mlflow.set_tracking_uri(tracking_uri)
    mlflow.set_experiment(name)
    return MlflowClient(tracking_uri=tracking_uri)


def _split():
    from sklearn.datasets import load_iris
    from sklearn.model_selection import train_test_split

    features, labels = load_iris(return_X_y=True)
    return train_test_split(features, labels, test_size=0.3, random_state=SEED, stratify=labels)


def _score(model_uri: str) -> float:
    """The model's accuracy on the held-out rows, through the same pyfunc interface that serves it."""
    import mlflow.pyfunc
    from sklearn.metrics import accuracy_score

    _, x_test, _, y_test = _split()
    return float(accuracy_score(y_test, mlflow.pyfunc.load_model(model_uri).predict(x_test)))


def should_promote(candidate: float, champion: Optional[float]) -> bool:
    return champion is None or candidate > champion


def train_candidate(shuffle_labels: bool = False) -> dict:
    """Trains a candidate and logs it to MLflow (not registered yet).

    shuffle_labels trains on permuted labels: a deliberately worse candidate, to watch the gate
    keep the champion.
    """
    from importlib.metadata import version

    import mlflow
    import mlflow.sklearn
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    _client()
    x_train, x_test, y_train, _ = _split()
    if shuffle_labels:
        y_train = np.random.default_rng(SEED).permutation(y_train)
    with mlflow.start_run() as run:
        params = {"estimator": "LogisticRegression", "max_iter": 500, "seed": SEED, "shuffle_labels": shuffle_labels}
        mlflow.log_params(params)
        model = LogisticRegression(max_iter=params["max_iter"]).fit(x_train, y_train)
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            input_example=x_test[:1],
            # skops, not pickle: loading the model cannot run arbitrary code. Naming the
            # requirements spares MLflow inferring them (a slow subprocess); the serving image
            # pins the same versions.
            serialization_format="skops",
            pip_requirements=[f"{package}=={version(package)}" for package in ("scikit-learn", "skops")],
        )
    return {"run_id": run.info.run_id, "model_uri": info.model_uri}


def champion_version() -> Optional[str]:
    """The version the alias points at, or None before the first promotion."""
    from mlflow.exceptions import MlflowException

    client = _client()
    _, name, alias = _settings()
    try:
        aliases = client.get_registered_model(name).aliases
    except MlflowException as error:
        if error.error_code == "RESOURCE_DOES_NOT_EXIST":
            return None
        raise
    return str(aliases[alias]) if alias in aliases else None


def evaluate(candidate: dict) -> dict:
    """Scores the candidate and the current champion on the same held-out data; logs both."""
    import mlflow

    _, name, _ = _settings()
    version = champion_version()
    scores = {
        "candidate": _score(candidate["model_uri"]),
        "champion": _score(f"models:/{name}/{version}") if version else None,
        "champion_version": version,
    }
    with mlflow.start_run(run_id=candidate["run_id"]):
        mlflow.log_metric(METRIC, scores["candidate"])
        if scores["champion"] is not None:
            mlflow.log_metric(f"champion_{METRIC}", scores["champion"])
    return scores


def register(candidate: dict) -> str:
    """Registers the candidate (promoted or not: the registry keeps every candidate)."""
    import mlflow

    _client()
    _, name, _ = _settings()
    return str(mlflow.register_model(candidate["model_uri"], name, tags={"run_id": candidate["run_id"]}).version)


def promote(scores: dict, version: str) -> dict:
    """Points the alias at the new version when it beats the champion; tags the version either way."""
    client = _client()
    _, name, alias = _settings()
    promoted = should_promote(scores["candidate"], scores["champion"])
    client.set_model_version_tag(name, version, METRIC, str(scores["candidate"]))
    if promoted:
        client.set_registered_model_alias(name, alias, version)
        verdict = "first model" if scores["champion"] is None else f"beat version {scores['champion_version']}"
    else:
        verdict = f"did not beat version {scores['champion_version']} ({scores['candidate']} <= {scores['champion']})"
    client.set_model_version_tag(name, version, "promotion", verdict)
    return {"version": version, "promoted": promoted, "champion_version": version if promoted else scores["champion_version"], "verdict": verdict}
