"""Airflow 3 DAG: train the iris classifier, log it to MLflow, and point the serving alias at it.

Airflow 3 style: `airflow.sdk` imports, an explicit schedule (the default is now None).
The inference API loads models:/iris-classifier@champion; moving the alias is the deployment.
"""
from __future__ import annotations

import os

import pendulum
from airflow.sdk import dag, task

MODEL_NAME = os.environ.get("MODEL_NAME", "iris-classifier")
MODEL_ALIAS = os.environ.get("MODEL_ALIAS", "champion")
TRACKING_URI = os.environ.get("MLFLOW_TRACKING_URI", "http://mlflow:5000")


@dag(schedule="@daily", start_date=pendulum.datetime(2026, 1, 1, tz="UTC"), catchup=False, tags=["mlops"])
def train_register():
    @task
    def train_and_register() -> str:
        import mlflow
        from mlflow import MlflowClient
        from sklearn.datasets import load_iris
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split

        mlflow.set_tracking_uri(TRACKING_URI)
        mlflow.set_experiment(MODEL_NAME)
        features, labels = load_iris(return_X_y=True)
        x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.25, random_state=7)
        with mlflow.start_run():
            model = LogisticRegression(max_iter=500).fit(x_train, y_train)
            mlflow.log_metric("accuracy", float(model.score(x_test, y_test)))
            info = mlflow.sklearn.log_model(model, name="model", registered_model_name=MODEL_NAME, input_example=x_test[:1])
        version = info.registered_model_version
        MlflowClient().set_registered_model_alias(MODEL_NAME, MODEL_ALIAS, version)
        return f"{MODEL_NAME} v{version} is now @{MODEL_ALIAS}"

    train_and_register()


train_register()
