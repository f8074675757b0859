import random

import locustfile


def test_payload_is_one_instance_of_four_features():
    body = locustfile.payload(random.Random(1))
    assert len(body["instances"]) == 1
    assert len(body["instances"][0]) == 4


def test_a_wrong_answer_is_named():
    assert locustfile.problem(200, {"predictions": [0], "version": "3"}) == ""
    assert locustfile.problem(503, {}) == "status 503"
    assert locustfile.problem(200, {"predictions": [], "version": "3"}) == "not one prediction for one instance"
    assert locustfile.problem(200, {"predictions": [1]}) == "no model version"


def test_user_targets_predict_more_than_readiness():
    tasks = locustfile.InferenceUser.tasks
    assert tasks.count(locustfile.InferenceUser.predict) == 10
    assert tasks.count(locustfile.InferenceUser.ready) == 1
