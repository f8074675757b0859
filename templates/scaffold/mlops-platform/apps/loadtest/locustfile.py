"""Load test of the inference API: locust -f locustfile.py --host http://inference-api"""
import random

from locust import HttpUser, between, task

SAMPLES = (
    [5.1, 3.5, 1.4, 0.2],
    [6.0, 2.7, 5.1, 1.6],
    [6.7, 3.0, 5.2, 2.3],
)


def payload(rng: random.Random = random) -> dict:
    return {"instances": [list(rng.choice(SAMPLES))]}


class InferenceUser(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(10)
    def predict(self):
        with self.client.post("/predict", json=payload(), catch_response=True) as response:
            if response.status_code != 200 or len(response.json().get("predictions", [])) != 1:
                response.failure(f"unexpected answer {response.status_code}: {response.text[:200]}")

    @task(1)
    def health(self):
        self.client.get("/health")
