import io
import json
import logging
import time

import pytest
from fastapi.testclient import TestClient

from app.logs import configure_logging
from app.main import create_app
from app.model_source import LocalSource, MLflowRegistrySource, source_from_env

SETOSA = [5.1, 3.5, 1.4, 0.2]
VIRGINICA = [6.7, 3.0, 5.2, 2.3]
FAST = {"MODEL_POLL_SECONDS": "0.05"}


def wait_for(check, seconds=60.0):  # generous: the first load imports scikit-learn
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def ready(client):
    return wait_for(lambda: client.get("/health/ready").status_code == 200)


@pytest.fixture()
def client():
    with TestClient(create_app(LocalSource(), env=FAST)) as c:
        ready(c)
        yield c


def test_predict_returns_one_class_per_instance_and_the_version(client):
    r = client.post("/predict", json={"instances": [SETOSA, VIRGINICA]})
    assert r.status_code == 200
    assert r.json() == {"predictions": [0, 2], "model": "local:iris-logistic-regression", "version": "local"}


def test_predict_rejects_wrong_shapes(client):
    assert client.post("/predict", json={"instances": [[1.0, 2.0]]}).status_code == 422
    assert client.post("/predict", json={"instances": []}).status_code == 422
    assert client.post("/predict", json={"rows": [SETOSA]}).status_code == 422


def test_health_ready_names_the_model_and_version(client):
    assert client.get("/health/live").json() == {"status": "alive"}
    body = client.get("/health/ready").json()
    assert body["status"] == "ready"
    assert body["version"] == "local"


def test_metrics_count_requests_and_latency(client):
    client.post("/predict", json={"instances": [SETOSA]})
    client.post("/predict", json={"instances": [[1.0]]})
    text = client.get("/metrics").text
    assert 'inference_requests_total{endpoint="/predict",status="200"} 1.0' in text
    assert 'inference_requests_total{endpoint="/predict",status="422"} 1.0' in text
    assert 'inference_request_duration_seconds_count{endpoint="/predict"} 2.0' in text
    assert "inference_request_duration_seconds_bucket" in text
    assert 'inference_model_loads_total{result="success"} 1.0' in text


class Constant:
    def __init__(self, value):
        self.value = value

    def predict(self, rows):
        return [self.value for _ in rows]


class MovingAlias:
    """A registry whose alias the test moves; versions listed in `broken` fail to load."""

    description = "models:/iris@champion"

    def __init__(self):
        self.version = "1"
        self.broken = set()
        self.loads = []

    def current_version(self):
        if self.version is None:
            raise RuntimeError("registry unreachable")
        return self.version

    def load(self, version):
        self.loads.append(version)
        if version in self.broken:
            raise OSError(f"artifact of version {version} unreadable")
        return Constant(int(version))


def predicted(client):
    body = client.post("/predict", json={"instances": [SETOSA]}).json()
    return body["version"], body["predictions"]


def test_a_moved_alias_is_served_without_a_restart():
    source = MovingAlias()
    with TestClient(create_app(source, env=FAST)) as c:
        ready(c)
        assert predicted(c) == ("1", [1])
        source.version = "2"
        wait_for(lambda: predicted(c) == ("2", [2]))
        assert c.get("/health/ready").json()["version"] == "2"
        assert "inference_model_version 2.0" in c.get("/metrics").text
        time.sleep(0.2)
        assert source.loads == ["1", "2"], "an unchanged alias is not loaded again"


def test_a_failed_load_keeps_the_old_model_and_is_reported(caplog):
    source = MovingAlias()
    with TestClient(create_app(source, env=FAST)) as c:
        ready(c)
        source.broken.add("2")
        source.version = "2"
        wait_for(lambda: 'inference_model_loads_total{result="failure"}' in c.get("/metrics").text)
        assert predicted(c) == ("1", [1])
        body = c.get("/health/ready").json()
        assert body["status"] == "ready" and body["version"] == "1"
        assert "unreadable" in body["error"]
        assert any("still serving version 1" in r.getMessage() for r in caplog.records)
        source.version = None  # the registry goes away: still serving
        time.sleep(0.2)
        assert predicted(c) == ("1", [1])
        source.version = "3"
        wait_for(lambda: predicted(c) == ("3", [3]))
        assert c.get("/health/ready").json()["error"] is None


def test_no_model_yet_gives_503_not_a_crash():
    source = MovingAlias()
    source.version = None
    with TestClient(create_app(source, env=FAST)) as c:
        assert c.get("/health/live").status_code == 200
        r = wait_for(lambda: (lambda r: r if r.json()["error"] else None)(c.get("/health/ready")))
        assert r.status_code == 503
        assert "registry unreachable" in r.json()["error"]
        assert c.post("/predict", json={"instances": [SETOSA]}).status_code == 503


def test_source_from_env_defaults_to_the_mlflow_registry_alias():
    source = source_from_env({"MLFLOW_TRACKING_URI": "http://mlflow:5000", "MODEL_NAME": "iris", "MODEL_ALIAS": "prod"})
    assert isinstance(source, MLflowRegistrySource)
    assert source.description == "models:/iris@prod"
    assert source_from_env({"MLFLOW_TRACKING_URI": "http://mlflow:5000"}).description == "models:/iris-classifier@champion"
    assert isinstance(source_from_env({"MODEL_LOADER": "local"}), LocalSource)
    with pytest.raises(ValueError):
        source_from_env({"MODEL_LOADER": "pickle"})


@pytest.mark.parametrize("name,value", [("MODEL_POLL_SECONDS", "soon"), ("MODEL_POLL_SECONDS", "0"), ("MODEL_FEATURES", "2.5")])
def test_bad_settings_are_named(name, value):
    with pytest.raises(ValueError, match=name):
        create_app(LocalSource(), env={name: value})


def test_logs_are_json_lines_at_the_level_log_level_names():
    out = io.StringIO()
    try:
        assert configure_logging({"LOG_LEVEL": "warning"}, out) == "WARNING"
        logging.getLogger("inference_api").info("hidden")
        logging.getLogger("uvicorn.error").warning("shown", extra={"fields": {"version": "7"}})
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [(l["level"], l["logger"], l["message"], l.get("version")) for l in lines] == [
            ("WARNING", "uvicorn.error", "shown", "7")
        ]
        with pytest.raises(ValueError, match="LOG_LEVEL"):
            configure_logging({"LOG_LEVEL": "loud"})
    finally:
        logging.getLogger().handlers[:] = []
