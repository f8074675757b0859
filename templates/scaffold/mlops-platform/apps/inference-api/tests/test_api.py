import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model_loader import LocalLoader, MLflowLoader, loader_from_env

SETOSA = [5.1, 3.5, 1.4, 0.2]
VIRGINICA = [6.7, 3.0, 5.2, 2.3]


@pytest.fixture()
def client():
    with TestClient(create_app(LocalLoader())) as c:
        yield c


def test_predict_returns_one_class_per_instance(client):
    r = client.post("/predict", json={"instances": [SETOSA, VIRGINICA]})
    assert r.status_code == 200
    body = r.json()
    assert body["predictions"] == [0, 2]
    assert body["model"] == "local:iris-logistic-regression"


def test_predict_rejects_wrong_shapes(client):
    assert client.post("/predict", json={"instances": [[1.0, 2.0]]}).status_code == 422
    assert client.post("/predict", json={"instances": []}).status_code == 422
    assert client.post("/predict", json={"rows": [SETOSA]}).status_code == 422


def test_health_reports_the_model(client):
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_metrics_count_requests_and_latency(client):
    client.post("/predict", json={"instances": [SETOSA]})
    client.post("/predict", json={"instances": [[1.0]]})
    text = client.get("/metrics").text
    assert 'inference_requests_total{endpoint="/predict",status="200"} 1.0' in text
    assert 'inference_requests_total{endpoint="/predict",status="422"} 1.0' in text
    assert 'inference_request_duration_seconds_count{endpoint="/predict"} 2.0' in text
    assert "inference_request_duration_seconds_bucket" in text


class BrokenLoader:
    description = "models:/missing@champion"

    def load(self):
        raise RuntimeError("registry unreachable")


def test_unavailable_model_gives_503_not_a_crash():
    with TestClient(create_app(BrokenLoader())) as c:
        r = c.get("/health")
        assert r.status_code == 503
        assert "registry unreachable" in r.json()["error"]
        assert c.post("/predict", json={"instances": [SETOSA]}).status_code == 503


def test_loader_from_env_defaults_to_the_mlflow_registry_alias():
    loader = loader_from_env({"MLFLOW_TRACKING_URI": "http://mlflow:5000", "MODEL_NAME": "iris", "MODEL_ALIAS": "prod"})
    assert isinstance(loader, MLflowLoader)
    assert loader.description == "models:/iris@prod"
    assert isinstance(loader_from_env({"MODEL_LOADER": "local"}), LocalLoader)
    with pytest.raises(ValueError):
        loader_from_env({"MODEL_LOADER": "pickle"})
