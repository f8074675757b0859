"""`mlflow db upgrade` for the URI in MLFLOW_BACKEND_STORE_URI.

The URI holds the database password, so it is read from the environment and handed to MLflow's
own command in-process: it never appears on a command line (ps, /proc/<pid>/cmdline).
"""
import os
import sys

from mlflow.db import upgrade

if __name__ == "__main__":
    uri = os.environ.get("MLFLOW_BACKEND_STORE_URI", "")
    if not uri:
        sys.exit("db_upgrade: MLFLOW_BACKEND_STORE_URI is not set")
    upgrade.main(args=[uri], prog_name="mlflow db upgrade")
