#!/usr/bin/env bash
# The Python environments the MLOps starter's tests run in, with the pinned requirements the
# generated project ships: `mlops` (MLflow server and client, the inference API, Streamlit, Locust)
# and `airflow` (Airflow 3 and the training libraries, as in the Airflow image). Cached under
# $ADR_WIZARD_TOOLS; rebuilt when a requirements file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${ADR_WIZARD_TOOLS:-$HOME/.cache/adr-wizard-tools}"
apps=templates/scaffold/mlops-platform/apps
make_venv() { # name extra-requirement requirement-files...
  local name=$1 extra=$2; shift 2
  local dir="$tools/venv-$name" stamp started=$SECONDS
  stamp=$( (echo "$extra"; cat "$@") | sha256sum | cut -c1-16)
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then echo "python: venv-$name is up to date"; return; fi
  rm -rf "$dir"; python3 -m venv "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check $extra $(printf -- '-r %s ' "$@")
  echo "$stamp" > "$dir/.stamp"
  echo "python: venv-$name made in $((SECONDS - started)) s"
}
# The tests run a real MLflow tracking server: the full `mlflow` package of the client's version.
server=$(sed -n 's/^mlflow-skinny==/mlflow==/p' $apps/inference-api/requirements.txt)
make_venv mlops "$server" $(ls $apps/inference-api/requirements*.txt $apps/ui/requirements*.txt $apps/loadtest/requirements*.txt $apps/mlflow/requirements*.txt 2>/dev/null)
make_venv airflow "" $apps/airflow/requirements*.txt
