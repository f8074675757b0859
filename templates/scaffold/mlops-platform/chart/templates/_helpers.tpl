{{/*
Named templates of the MLOps platform chart. The chart keeps to a small subset of Helm's template
language (see docs/deploy.md in adr-wizard) so that it can be rendered and checked without helm.
Per-component templates are called with (dict "root" $ "name" <component>).
*/}}

{{- define "mlops.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "mlops.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "mlops.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | trunc 63 | trimSuffix "-" }}
{{ include "mlops.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* The one Secret every component reads its credentials from. Never generated with a default. */}}
{{- define "mlops.secretName" -}}
{{- required "secrets.existingSecret: name an existing Secret holding POSTGRES_PASSWORD, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, VALKEY_PASSWORD and GRAFANA_ADMIN_PASSWORD (see README)" .Values.secrets.existingSecret -}}
{{- end }}

{{/* Hardened container settings; each workload adds its own user id. */}}
{{- define "mlops.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The S3 endpoint of the artifact store: the SeaweedFS gateway, or the external one ("" = AWS). */}}
{{- define "mlops.s3Endpoint" -}}
{{- if eq .Values.objectStorage.mode "seaweedfs" -}}
{{- printf "http://%s:8333" (include "mlops.fullname" (dict "root" . "name" "seaweedfs")) -}}
{{- else -}}
{{- .Values.objectStorage.external.endpoint -}}
{{- end -}}
{{- end }}
