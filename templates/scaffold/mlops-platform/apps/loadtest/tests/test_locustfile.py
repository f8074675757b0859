import random

import locustfile


def test_payload_is_one_instance_of_four_features():
    body = locustfile.payload(random.Random(1))
    assert len(body["instances"]) == 1
    assert len(body["instances"][0]) == 4


def test_user_targets_predict_more_than_health():
    tasks = locustfile.InferenceUser.tasks
    assert tasks.count(locustfile.InferenceUser.predict) == 10
    assert tasks.count(locustfile.InferenceUser.health) == 1
