"""Airflow needs a home before it is imported: a throwaway one, without the example DAGs."""
import os
import sys
import tempfile

DAGS = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "dags"))

os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="airflow-home-"))
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = DAGS
sys.path.insert(0, DAGS)  # for the tests that import iris_training directly
