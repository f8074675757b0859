#!/usr/bin/env bash
# Builds real Helm 4 (`helm`) and Helm 3 (`helm3`) from their Go modules and puts them on PATH.
# The ldflags are those of Helm's own Makefile, so the binaries report their version and assume the
# Kubernetes version of the client-go they were built with, as released binaries do (without them
# Helm 3 assumes Kubernetes 1.20). Cached under $ADR_WIZARD_TOOLS (default ~/.cache/adr-wizard-tools)
# between runs; chart repositories are never contacted.
set -euo pipefail
tools="${ADR_WIZARD_TOOLS:-$HOME/.cache/adr-wizard-tools}"
build() { # major version dest-name
  local module="helm.sh/helm/v$1" dir="$tools/helm-$2-r2"
  if [ ! -x "$dir/helm" ]; then
    echo "building helm $2 (go install $module/cmd/helm@$2)"
    local gomod minor ldflags
    gomod=$(go mod download -json "$module@$2" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
    minor=$(sed -n 's#^\s*k8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$gomod" | head -1)
    ldflags="-w -s -X $module/internal/version.version=$2 -X $module/internal/version.gitTreeState=clean"
    if [ "$1" = 3 ]; then
      ldflags="$ldflags -X $module/pkg/lint/rules.k8sVersionMajor=1 -X $module/pkg/lint/rules.k8sVersionMinor=$minor"
      ldflags="$ldflags -X $module/pkg/chartutil.k8sVersionMajor=1 -X $module/pkg/chartutil.k8sVersionMinor=$minor"
    fi
    GOBIN="$dir" CGO_ENABLED=0 go install -trimpath -ldflags "$ldflags" "$module/cmd/helm@$2"
  fi
  ln -sf "$dir/helm" "/usr/local/bin/$3"
}
build 4 v4.3.1 helm
build 3 v3.22.0 helm3
echo "helm: $(helm version --short) / helm3: $(helm3 version --short)"
