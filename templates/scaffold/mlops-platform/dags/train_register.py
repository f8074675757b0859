"""Airflow 3 DAG: train a candidate, evaluate it against the champion, register it, promote it if better.

Airflow 3 style: `airflow.sdk` imports, an explicit schedule (the default is now None). The
inference API serves models:/<MODEL_NAME>@<MODEL_ALIAS> (champion); moving the alias is the
deployment, and iris_training.promote moves it only for a better model. The work itself lives in
iris_training.py (next to this file, on Airflow's path), so the tasks stay thin.
"""
from __future__ import annotations

import pendulum
from airflow.sdk import Param, dag, task

import iris_training


@dag(
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # two runs would race for the alias
    tags=["mlops"],
    params={
        "shuffle_labels": Param(
            False,
            type="boolean",
            description="Train on shuffled labels: a deliberately worse candidate, to see the gate keep the champion",
        )
    },
)
def train_register():
    @task
    def train(params=None) -> dict:
        return iris_training.train_candidate(shuffle_labels=bool(params["shuffle_labels"]))

    @task
    def evaluate(candidate: dict) -> dict:
        return iris_training.evaluate(candidate)

    @task
    def register(candidate: dict) -> str:
        return iris_training.register(candidate)

    @task
    def promote(scores: dict, version: str) -> dict:
        return iris_training.promote(scores, version)

    candidate = train()
    promote(evaluate(candidate), register(candidate))


train_register()
