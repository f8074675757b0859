#!/usr/bin/env bash
# Builds real Helm 4 (`helm`) and Helm 3 (`helm3`) from their Go modules and puts them on PATH.
# The binaries are cached under $ADR_WIZARD_TOOLS (default ~/.cache/adr-wizard-tools) between runs;
# chart repositories are never contacted.
set -euo pipefail
tools="${ADR_WIZARD_TOOLS:-$HOME/.cache/adr-wizard-tools}"
build() { # module version dest-name
  local dir="$tools/helm-$2"
  if [ ! -x "$dir/helm" ]; then
    echo "building helm $2 (go install $1@$2)"
    GOBIN="$dir" GOFLAGS=-trimpath go install "$1@$2"
  fi
  ln -sf "$dir/helm" "/usr/local/bin/$3"
}
build helm.sh/helm/v4/cmd/helm v4.3.1 helm
build helm.sh/helm/v3/cmd/helm v3.22.0 helm3
echo "helm: $(helm version --short) / helm3: $(helm3 version --short)"
