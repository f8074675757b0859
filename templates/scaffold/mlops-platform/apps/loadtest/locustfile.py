"""Load test of the inference API: locust -f locustfile.py --host http://inference-api:8000

LOG_LEVEL sets Locust's log level (as --loglevel / LOCUST_LOGLEVEL would): Locust reads its
options from the environment after importing this file.
"""
import os
import random

from locust import HttpUser, between, task

os.environ.setdefault("LOCUST_LOGLEVEL", os.environ.get("LOG_LEVEL", "INFO").upper())

SAMPLES = (
    [5.1, 3.5, 1.4, 0.2],
    [6.0, 2.7, 5.1, 1.6],
    [6.7, 3.0, 5.2, 2.3],
)


def payload(rng: random.Random = random) -> dict:
    return {"instances": [list(rng.choice(SAMPLES))]}


def problem(status: int, body: dict) -> str:
    """Why an answer to /predict is wrong, or "" when it is right."""
    if status != 200:
        return f"status {status}"
    if len(body.get("predictions", [])) != 1:
        return "not one prediction for one instance"
    if not body.get("version"):
        return "no model version"
    return ""


class InferenceUser(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(10)
    def predict(self):
        with self.client.post("/predict", json=payload(), catch_response=True) as response:
            try:
                body = response.json()
            except ValueError:
                body = {}
            why = problem(response.status_code, body)
            if why:
                response.failure(f"{why}: {response.text[:200]}")

    @task(1)
    def ready(self):
        self.client.get("/health/ready")
