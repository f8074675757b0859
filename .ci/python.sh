#!/usr/bin/env bash
# The Python environments the MLOps starter's tests run in, with the pinned requirements the
# generated project ships: `mlops` (MLflow server and client, the inference API, Streamlit, Locust)
# and `airflow` (Airflow 3 and the training libraries, as in the Airflow image). Cached under
# $ADR_WIZARD_TOOLS; rebuilt when a requirements file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${ADR_WIZARD_TOOLS:-$HOME/.cache/adr-wizard-tools}"
apps=templates/scaffold/mlops-platform/apps
make_venv() { # name requirement-files...
  local name=$1; shift
  local dir="$tools/venv-$name" stamp
  stamp=$(cat "$@" | sha256sum | cut -c1-16)
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then echo "python: venv-$name is up to date"; return; fi
  rm -rf "$dir"; python3 -m venv "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check $(printf -- '-r %s ' "$@")
  echo "$stamp" > "$dir/.stamp"
  echo "python: venv-$name made"
}
make_venv mlops $(ls $apps/inference-api/requirements*.txt $apps/ui/requirements*.txt $apps/loadtest/requirements*.txt $apps/mlflow/requirements*.txt 2>/dev/null)
if ls $apps/airflow/requirements*.txt >/dev/null 2>&1; then make_venv airflow $apps/airflow/requirements*.txt; fi
