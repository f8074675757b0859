import os
import sys
import time

import pytest

from ui_logic import describe, parse_features, request_prediction

HERE = os.path.dirname(os.path.abspath(__file__))
API_DIR = os.path.join(HERE, "..", "..", "inference-api")


def test_parse_features_accepts_numbers_and_names_the_bad_field():
    assert parse_features(["5.1", " 3.5", "1.4 ", "0"]) == [5.1, 3.5, 1.4, 0.0]
    with pytest.raises(ValueError, match="petal length"):
        parse_features(["5.1", "3.5", "long", "0.2"])
    with pytest.raises(ValueError, match="negative"):
        parse_features(["-1", "3.5", "1.4", "0.2"])
    with pytest.raises(ValueError, match="expected 4"):
        parse_features(["1"])


def test_describe_names_the_class():
    assert describe({"predictions": [2], "model": "models:/iris@champion", "version": "3"}) == (
        "Predicted class: virginica (model models:/iris@champion, version 3)"
    )
    assert describe({"predictions": [3.7], "model": "m"}) == "Predicted class: 3.7 (model m)"


@pytest.fixture()
def api_client():
    """The real inference API (local model) when it sits next to this app, as generated."""
    if not os.path.isdir(API_DIR):
        pytest.skip("apps/inference-api is not next to apps/ui")
    os.environ.setdefault("INFERENCE_API_NO_APP", "1")
    sys.path.insert(0, API_DIR)
    try:
        from fastapi.testclient import TestClient
        from app.main import create_app
        from app.model_source import LocalSource

        with TestClient(create_app(LocalSource(), env={"MODEL_POLL_SECONDS": "0.05"})) as client:
            deadline = time.monotonic() + 60
            while client.get("/health/ready").status_code != 200:
                assert time.monotonic() < deadline, "the inference API did not load its model"
                time.sleep(0.02)
            yield client
    finally:
        sys.path.remove(API_DIR)


def test_round_trip_through_the_inference_api(api_client):
    result = request_prediction(api_client, parse_features(["5.1", "3.5", "1.4", "0.2"]))
    assert describe(result).startswith("Predicted class: setosa")


def test_api_errors_become_a_readable_message(api_client):
    with pytest.raises(RuntimeError, match="422"):
        request_prediction(api_client, [1.0, 2.0])
